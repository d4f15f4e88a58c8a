from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.method import Method

if TYPE_CHECKING:
    from ..models.judge_stats import JudgeStats
    from ..models.row import Row


T = TypeVar("T", bound="LeaderboardResponse")


@_attrs_define
class LeaderboardResponse:
    """A round's leaderboard.

    Attributes:
        judges (list[JudgeStats]): Judges, by id.
        method (Method): How a round turns judge totals into an entry's score.
        rows (list[Row]): Rows in rank order (one per entry).
        published (bool): Whether this is the published, frozen result.
        round_id (UUID): The round.
    """

    judges: list[JudgeStats]
    method: Method
    rows: list[Row]
    published: bool
    round_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        judges = []
        for judges_item_data in self.judges:
            judges_item = judges_item_data.to_dict()
            judges.append(judges_item)

        method = self.method.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        published = self.published

        round_id = str(self.round_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "judges": judges,
                "method": method,
                "rows": rows,
                "published": published,
                "round_id": round_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.judge_stats import JudgeStats  # noqa: PLC0415
        from ..models.row import Row  # noqa: PLC0415

        d = dict(src_dict)
        judges = []
        _judges = d.pop("judges")
        for judges_item_data in _judges:
            judges_item = JudgeStats.from_dict(judges_item_data)

            judges.append(judges_item)

        method = Method(d.pop("method"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = Row.from_dict(rows_item_data)

            rows.append(rows_item)

        published = d.pop("published")

        round_id = UUID(d.pop("round_id"))

        leaderboard_response = cls(
            judges=judges,
            method=method,
            rows=rows,
            published=published,
            round_id=round_id,
        )

        leaderboard_response.additional_properties = d
        return leaderboard_response

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
