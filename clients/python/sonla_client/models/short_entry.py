from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShortEntry")


@_attrs_define
class ShortEntry:
    """An entry left short of judges.

    Attributes:
        assigned (int): Judges it has.
        entry_id (UUID): The entry.
        needed (int): Judges wanted.
    """

    assigned: int
    entry_id: UUID
    needed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assigned = self.assigned

        entry_id = str(self.entry_id)

        needed = self.needed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned": assigned,
                "entry_id": entry_id,
                "needed": needed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assigned = d.pop("assigned")

        entry_id = UUID(d.pop("entry_id"))

        needed = d.pop("needed")

        short_entry = cls(
            assigned=assigned,
            entry_id=entry_id,
            needed=needed,
        )

        short_entry.additional_properties = d
        return short_entry

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
