from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CountResponse")


@_attrs_define
class CountResponse:
    """How many ideas match.

    Attributes:
        capped (bool): Whether more ideas than `count` match (the count stopped at its cap of 10,000).
        count (int): The number of ideas the caller may see that match the filters, at most 10,000: counting
            stops there, and `capped` says so. Example: 42.
    """

    capped: bool
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capped = self.capped

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capped": capped,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capped = d.pop("capped")

        count = d.pop("count")

        count_response = cls(
            capped=capped,
            count=count,
        )

        count_response.additional_properties = d
        return count_response

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
