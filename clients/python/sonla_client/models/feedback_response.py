from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.round_feedback import RoundFeedback


T = TypeVar("T", bound="FeedbackResponse")


@_attrs_define
class FeedbackResponse:
    """An entrant's feedback after publication.

    Attributes:
        entry_id (UUID): The entry.
        rounds (list[RoundFeedback]): Per round.
    """

    entry_id: UUID
    rounds: list[RoundFeedback]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entry_id = str(self.entry_id)

        rounds = []
        for rounds_item_data in self.rounds:
            rounds_item = rounds_item_data.to_dict()
            rounds.append(rounds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entry_id": entry_id,
                "rounds": rounds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_feedback import RoundFeedback  # noqa: PLC0415

        d = dict(src_dict)
        entry_id = UUID(d.pop("entry_id"))

        rounds = []
        _rounds = d.pop("rounds")
        for rounds_item_data in _rounds:
            rounds_item = RoundFeedback.from_dict(rounds_item_data)

            rounds.append(rounds_item)

        feedback_response = cls(
            entry_id=entry_id,
            rounds=rounds,
        )

        feedback_response.additional_properties = d
        return feedback_response

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
