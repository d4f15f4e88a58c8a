from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_mean import CriterionMean
    from ..models.feedback_comment import FeedbackComment


T = TypeVar("T", bound="RoundFeedback")


@_attrs_define
class RoundFeedback:
    """An entrant's feedback for one round.

    Attributes:
        comments (list[FeedbackComment]): Judges' comments.
        criteria (list[CriterionMean]): Mean raw value per criterion.
        round_id (UUID): The round.
        rank (int | None | Unset): Rank in the published result.
    """

    comments: list[FeedbackComment]
    criteria: list[CriterionMean]
    round_id: UUID
    rank: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        round_id = str(self.round_id)

        rank: int | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comments": comments,
                "criteria": criteria,
                "round_id": round_id,
            }
        )
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_mean import CriterionMean  # noqa: PLC0415
        from ..models.feedback_comment import FeedbackComment  # noqa: PLC0415

        d = dict(src_dict)
        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = FeedbackComment.from_dict(comments_item_data)

            comments.append(comments_item)

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionMean.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        round_id = UUID(d.pop("round_id"))

        def _parse_rank(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        round_feedback = cls(
            comments=comments,
            criteria=criteria,
            round_id=round_id,
            rank=rank,
        )

        round_feedback.additional_properties = d
        return round_feedback

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
