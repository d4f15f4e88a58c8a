from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sheet_status import SheetStatus

if TYPE_CHECKING:
    from ..models.criterion_response import CriterionResponse
    from ..models.judged_entry import JudgedEntry


T = TypeVar("T", bound="MyAssignmentResponse")


@_attrs_define
class MyAssignmentResponse:
    """A judge's assignment with what they need to score it.

    Attributes:
        blind (bool): Whether the round is blind.
        criteria (list[CriterionResponse]): The criteria to score.
        entry (JudgedEntry): What a judge sees of an entry; in blind rounds the team and organisation are absent.
        id (UUID): The assignment.
        round_id (UUID): The round.
        round_name (str): Round name.
        sheet_status (SheetStatus): Where a judge's score sheet stands.
        sheet_version (int): The sheet's version (0 before the first save).
    """

    blind: bool
    criteria: list[CriterionResponse]
    entry: JudgedEntry
    id: UUID
    round_id: UUID
    round_name: str
    sheet_status: SheetStatus
    sheet_version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blind = self.blind

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        entry = self.entry.to_dict()

        id = str(self.id)

        round_id = str(self.round_id)

        round_name = self.round_name

        sheet_status = self.sheet_status.value

        sheet_version = self.sheet_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blind": blind,
                "criteria": criteria,
                "entry": entry,
                "id": id,
                "round_id": round_id,
                "round_name": round_name,
                "sheet_status": sheet_status,
                "sheet_version": sheet_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_response import CriterionResponse  # noqa: PLC0415
        from ..models.judged_entry import JudgedEntry  # noqa: PLC0415

        d = dict(src_dict)
        blind = d.pop("blind")

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionResponse.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        entry = JudgedEntry.from_dict(d.pop("entry"))

        id = UUID(d.pop("id"))

        round_id = UUID(d.pop("round_id"))

        round_name = d.pop("round_name")

        sheet_status = SheetStatus(d.pop("sheet_status"))

        sheet_version = d.pop("sheet_version")

        my_assignment_response = cls(
            blind=blind,
            criteria=criteria,
            entry=entry,
            id=id,
            round_id=round_id,
            round_name=round_name,
            sheet_status=sheet_status,
            sheet_version=sheet_version,
        )

        my_assignment_response.additional_properties = d
        return my_assignment_response

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
