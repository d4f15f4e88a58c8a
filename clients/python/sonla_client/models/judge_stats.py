from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JudgeStats")


@_attrs_define
class JudgeStats:
    """A judge's statistics over their `T` in the round.

    Attributes:
        count (int): Submitted sheets.
        judge_id (UUID): The judge.
        mean (float): Mean total.
        sd (float): Population standard deviation of their totals.
    """

    count: int
    judge_id: UUID
    mean: float
    sd: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        judge_id = str(self.judge_id)

        mean = self.mean

        sd = self.sd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "judge_id": judge_id,
                "mean": mean,
                "sd": sd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        judge_id = UUID(d.pop("judge_id"))

        mean = d.pop("mean")

        sd = d.pop("sd")

        judge_stats = cls(
            count=count,
            judge_id=judge_id,
            mean=mean,
            sd=sd,
        )

        judge_stats.additional_properties = d
        return judge_stats

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
