from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.round_result import RoundResult


T = TypeVar("T", bound="ResultsResponse")


@_attrs_define
class ResultsResponse:
    """The frozen results of a published competition, served as they were stored on publication.

    Attributes:
        competition_id (UUID): The competition.
        published_at (datetime.datetime): When published.
        rounds (list[RoundResult]): Every round.
    """

    competition_id: UUID
    published_at: datetime.datetime
    rounds: list[RoundResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competition_id = str(self.competition_id)

        published_at = self.published_at.isoformat()

        rounds = []
        for rounds_item_data in self.rounds:
            rounds_item = rounds_item_data.to_dict()
            rounds.append(rounds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competition_id": competition_id,
                "published_at": published_at,
                "rounds": rounds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_result import RoundResult  # noqa: PLC0415

        d = dict(src_dict)
        competition_id = UUID(d.pop("competition_id"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        rounds = []
        _rounds = d.pop("rounds")
        for rounds_item_data in _rounds:
            rounds_item = RoundResult.from_dict(rounds_item_data)

            rounds.append(rounds_item)

        results_response = cls(
            competition_id=competition_id,
            published_at=published_at,
            rounds=rounds,
        )

        results_response.additional_properties = d
        return results_response

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
