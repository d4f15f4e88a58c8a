from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.method import Method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_input import CriterionInput


T = TypeVar("T", bound="CreateRoundRequest")


@_attrs_define
class CreateRoundRequest:
    """A new round; it comes after the existing ones.

    Attributes:
        criteria (list[CriterionInput]): Criteria, in order.
        judges_per_entry (int): Judges wanted per entry.
        method (Method): How a round turns judge totals into an entry's score.
        name (str): Name. Example: Vòng sơ khảo.
        advance_count (int | None | Unset): Advance the top N.
        blind (bool | Unset): Hide teams and organisations from judges.
        pass_mark (float | None | Unset): Advance entries scoring at or above this.
    """

    criteria: list[CriterionInput]
    judges_per_entry: int
    method: Method
    name: str
    advance_count: int | None | Unset = UNSET
    blind: bool | Unset = UNSET
    pass_mark: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        judges_per_entry = self.judges_per_entry

        method = self.method.value

        name = self.name

        advance_count: int | None | Unset
        if isinstance(self.advance_count, Unset):
            advance_count = UNSET
        else:
            advance_count = self.advance_count

        blind = self.blind

        pass_mark: float | None | Unset
        if isinstance(self.pass_mark, Unset):
            pass_mark = UNSET
        else:
            pass_mark = self.pass_mark

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criteria": criteria,
                "judges_per_entry": judges_per_entry,
                "method": method,
                "name": name,
            }
        )
        if advance_count is not UNSET:
            field_dict["advance_count"] = advance_count
        if blind is not UNSET:
            field_dict["blind"] = blind
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_input import CriterionInput  # noqa: PLC0415

        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionInput.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        judges_per_entry = d.pop("judges_per_entry")

        method = Method(d.pop("method"))

        name = d.pop("name")

        def _parse_advance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        advance_count = _parse_advance_count(d.pop("advance_count", UNSET))

        blind = d.pop("blind", UNSET)

        def _parse_pass_mark(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_mark = _parse_pass_mark(d.pop("pass_mark", UNSET))

        create_round_request = cls(
            criteria=criteria,
            judges_per_entry=judges_per_entry,
            method=method,
            name=name,
            advance_count=advance_count,
            blind=blind,
            pass_mark=pass_mark,
        )

        return create_round_request
