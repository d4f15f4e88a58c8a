from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.criterion_mean import CriterionMean


T = TypeVar("T", bound="Row")


@_attrs_define
class Row:
    """A leaderboard row.

    Attributes:
        criteria (list[CriterionMean]): Mean raw value per criterion, in criterion order.
        entry_id (UUID): The entry.
        flagged (bool): Whether `spread` exceeds the flag threshold: the judges disagree.
        judge_count (int): How many submitted sheets.
        mean (float): The mean judge total `T`.
        rank (int): Rank; tied rows share it (1, 2, 2, 4).
        score (float): The score by the method.
        spread (float): Population standard deviation of the entry's `T`.
    """

    criteria: list[CriterionMean]
    entry_id: UUID
    flagged: bool
    judge_count: int
    mean: float
    rank: int
    score: float
    spread: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        entry_id = str(self.entry_id)

        flagged = self.flagged

        judge_count = self.judge_count

        mean = self.mean

        rank = self.rank

        score = self.score

        spread = self.spread

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criteria": criteria,
                "entry_id": entry_id,
                "flagged": flagged,
                "judge_count": judge_count,
                "mean": mean,
                "rank": rank,
                "score": score,
                "spread": spread,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_mean import CriterionMean  # noqa: PLC0415

        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionMean.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        entry_id = UUID(d.pop("entry_id"))

        flagged = d.pop("flagged")

        judge_count = d.pop("judge_count")

        mean = d.pop("mean")

        rank = d.pop("rank")

        score = d.pop("score")

        spread = d.pop("spread")

        row = cls(
            criteria=criteria,
            entry_id=entry_id,
            flagged=flagged,
            judge_count=judge_count,
            mean=mean,
            rank=rank,
            score=score,
            spread=spread,
        )

        row.additional_properties = d
        return row

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
