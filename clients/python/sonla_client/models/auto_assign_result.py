from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assignment_response import AssignmentResponse
    from ..models.short_entry import ShortEntry


T = TypeVar("T", bound="AutoAssignResult")


@_attrs_define
class AutoAssignResult:
    """The result of automatic assignment.

    Attributes:
        assignments (list[AssignmentResponse]): Every assignment of the round now (at most 50 per entry).
        short (list[ShortEntry]): Entries with fewer judges than wanted (conflicts or too few judges).
    """

    assignments: list[AssignmentResponse]
    short: list[ShortEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignments = []
        for assignments_item_data in self.assignments:
            assignments_item = assignments_item_data.to_dict()
            assignments.append(assignments_item)

        short = []
        for short_item_data in self.short:
            short_item = short_item_data.to_dict()
            short.append(short_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignments": assignments,
                "short": short,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_response import AssignmentResponse  # noqa: PLC0415
        from ..models.short_entry import ShortEntry  # noqa: PLC0415

        d = dict(src_dict)
        assignments = []
        _assignments = d.pop("assignments")
        for assignments_item_data in _assignments:
            assignments_item = AssignmentResponse.from_dict(assignments_item_data)

            assignments.append(assignments_item)

        short = []
        _short = d.pop("short")
        for short_item_data in _short:
            short_item = ShortEntry.from_dict(short_item_data)

            short.append(short_item)

        auto_assign_result = cls(
            assignments=assignments,
            short=short,
        )

        auto_assign_result.additional_properties = d
        return auto_assign_result

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
