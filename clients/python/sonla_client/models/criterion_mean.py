from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CriterionMean")


@_attrs_define
class CriterionMean:
    """Per-criterion mean of an entry.

    Attributes:
        criterion_id (UUID): The criterion.
        mean (float): Mean raw value over the entry's submitted sheets.
    """

    criterion_id: UUID
    mean: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criterion_id = str(self.criterion_id)

        mean = self.mean

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criterion_id": criterion_id,
                "mean": mean,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion_id = UUID(d.pop("criterion_id"))

        mean = d.pop("mean")

        criterion_mean = cls(
            criterion_id=criterion_id,
            mean=mean,
        )

        criterion_mean.additional_properties = d
        return criterion_mean

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
