from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.method import Method
from ..models.round_status import RoundStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_response import CriterionResponse


T = TypeVar("T", bound="RoundResponse")


@_attrs_define
class RoundResponse:
    """A round.

    Attributes:
        blind (bool): Blind.
        competition_id (UUID): The competition.
        criteria (list[CriterionResponse]): Criteria.
        criteria_frozen (bool): Criteria can no longer change: a sheet is submitted.
        id (UUID): Id.
        judges_per_entry (int): Judges per entry.
        method (Method): How a round turns judge totals into an entry's score.
        name (str): Name.
        position (int): 1, 2, …
        status (RoundStatus): Whether a round takes scores.
        advance_count (int | None | Unset): Advance count.
        pass_mark (float | None | Unset): Pass mark.
    """

    blind: bool
    competition_id: UUID
    criteria: list[CriterionResponse]
    criteria_frozen: bool
    id: UUID
    judges_per_entry: int
    method: Method
    name: str
    position: int
    status: RoundStatus
    advance_count: int | None | Unset = UNSET
    pass_mark: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blind = self.blind

        competition_id = str(self.competition_id)

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        criteria_frozen = self.criteria_frozen

        id = str(self.id)

        judges_per_entry = self.judges_per_entry

        method = self.method.value

        name = self.name

        position = self.position

        status = self.status.value

        advance_count: int | None | Unset
        if isinstance(self.advance_count, Unset):
            advance_count = UNSET
        else:
            advance_count = self.advance_count

        pass_mark: float | None | Unset
        if isinstance(self.pass_mark, Unset):
            pass_mark = UNSET
        else:
            pass_mark = self.pass_mark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blind": blind,
                "competition_id": competition_id,
                "criteria": criteria,
                "criteria_frozen": criteria_frozen,
                "id": id,
                "judges_per_entry": judges_per_entry,
                "method": method,
                "name": name,
                "position": position,
                "status": status,
            }
        )
        if advance_count is not UNSET:
            field_dict["advance_count"] = advance_count
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_response import CriterionResponse  # noqa: PLC0415

        d = dict(src_dict)
        blind = d.pop("blind")

        competition_id = UUID(d.pop("competition_id"))

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionResponse.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        criteria_frozen = d.pop("criteria_frozen")

        id = UUID(d.pop("id"))

        judges_per_entry = d.pop("judges_per_entry")

        method = Method(d.pop("method"))

        name = d.pop("name")

        position = d.pop("position")

        status = RoundStatus(d.pop("status"))

        def _parse_advance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        advance_count = _parse_advance_count(d.pop("advance_count", UNSET))

        def _parse_pass_mark(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_mark = _parse_pass_mark(d.pop("pass_mark", UNSET))

        round_response = cls(
            blind=blind,
            competition_id=competition_id,
            criteria=criteria,
            criteria_frozen=criteria_frozen,
            id=id,
            judges_per_entry=judges_per_entry,
            method=method,
            name=name,
            position=position,
            status=status,
            advance_count=advance_count,
            pass_mark=pass_mark,
        )

        round_response.additional_properties = d
        return round_response

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
