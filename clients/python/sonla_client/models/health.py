from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.database_kind import DatabaseKind
from ..models.health_status import HealthStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """A health report.

    Attributes:
        status (HealthStatus): How the server is: an unhealthy one answers a 503 problem instead.
        database (DatabaseKind | None | Unset):
    """

    status: HealthStatus
    database: DatabaseKind | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        database: None | str | Unset
        if isinstance(self.database, Unset):
            database = UNSET
        elif isinstance(self.database, DatabaseKind):
            database = self.database.value
        else:
            database = self.database

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if database is not UNSET:
            field_dict["database"] = database

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))

        def _parse_database(data: object) -> DatabaseKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                database_type_0 = DatabaseKind(data)

                return database_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatabaseKind | None | Unset, data)

        database = _parse_database(d.pop("database", UNSET))

        health = cls(
            status=status,
            database=database,
        )

        health.additional_properties = d
        return health

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
