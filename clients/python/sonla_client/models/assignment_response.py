from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sheet_status import SheetStatus

T = TypeVar("T", bound="AssignmentResponse")


@_attrs_define
class AssignmentResponse:
    """An assignment.

    Attributes:
        entry_id (UUID): The entry.
        id (UUID): Id.
        judge_id (UUID): The judge.
        round_id (UUID): The round.
        sheet_status (SheetStatus): Where a judge's score sheet stands.
    """

    entry_id: UUID
    id: UUID
    judge_id: UUID
    round_id: UUID
    sheet_status: SheetStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entry_id = str(self.entry_id)

        id = str(self.id)

        judge_id = str(self.judge_id)

        round_id = str(self.round_id)

        sheet_status = self.sheet_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entry_id": entry_id,
                "id": id,
                "judge_id": judge_id,
                "round_id": round_id,
                "sheet_status": sheet_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = UUID(d.pop("entry_id"))

        id = UUID(d.pop("id"))

        judge_id = UUID(d.pop("judge_id"))

        round_id = UUID(d.pop("round_id"))

        sheet_status = SheetStatus(d.pop("sheet_status"))

        assignment_response = cls(
            entry_id=entry_id,
            id=id,
            judge_id=judge_id,
            round_id=round_id,
            sheet_status=sheet_status,
        )

        assignment_response.additional_properties = d
        return assignment_response

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
