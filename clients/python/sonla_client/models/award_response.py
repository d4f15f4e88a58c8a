from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AwardResponse")


@_attrs_define
class AwardResponse:
    """An award.

    Attributes:
        id (UUID): Id.
        prize_vnd (int): Prize in đồng.
        title (str): Title.
        winners (list[UUID]): The entries it goes to, from the published ranks.
        entry_id (None | Unset | UUID): Entry.
        rank_from (int | None | Unset): First rank.
        rank_to (int | None | Unset): Last rank.
        round_id (None | Unset | UUID): Round.
    """

    id: UUID
    prize_vnd: int
    title: str
    winners: list[UUID]
    entry_id: None | Unset | UUID = UNSET
    rank_from: int | None | Unset = UNSET
    rank_to: int | None | Unset = UNSET
    round_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        prize_vnd = self.prize_vnd

        title = self.title

        winners = []
        for winners_item_data in self.winners:
            winners_item = str(winners_item_data)
            winners.append(winners_item)

        entry_id: None | str | Unset
        if isinstance(self.entry_id, Unset):
            entry_id = UNSET
        elif isinstance(self.entry_id, UUID):
            entry_id = str(self.entry_id)
        else:
            entry_id = self.entry_id

        rank_from: int | None | Unset
        if isinstance(self.rank_from, Unset):
            rank_from = UNSET
        else:
            rank_from = self.rank_from

        rank_to: int | None | Unset
        if isinstance(self.rank_to, Unset):
            rank_to = UNSET
        else:
            rank_to = self.rank_to

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        elif isinstance(self.round_id, UUID):
            round_id = str(self.round_id)
        else:
            round_id = self.round_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "prize_vnd": prize_vnd,
                "title": title,
                "winners": winners,
            }
        )
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if rank_from is not UNSET:
            field_dict["rank_from"] = rank_from
        if rank_to is not UNSET:
            field_dict["rank_to"] = rank_to
        if round_id is not UNSET:
            field_dict["round_id"] = round_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        prize_vnd = d.pop("prize_vnd")

        title = d.pop("title")

        winners = []
        _winners = d.pop("winners")
        for winners_item_data in _winners:
            winners_item = UUID(winners_item_data)

            winners.append(winners_item)

        def _parse_entry_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entry_id_type_0 = UUID(data)

                return entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        entry_id = _parse_entry_id(d.pop("entry_id", UNSET))

        def _parse_rank_from(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rank_from = _parse_rank_from(d.pop("rank_from", UNSET))

        def _parse_rank_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rank_to = _parse_rank_to(d.pop("rank_to", UNSET))

        def _parse_round_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                round_id_type_0 = UUID(data)

                return round_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        round_id = _parse_round_id(d.pop("round_id", UNSET))

        award_response = cls(
            id=id,
            prize_vnd=prize_vnd,
            title=title,
            winners=winners,
            entry_id=entry_id,
            rank_from=rank_from,
            rank_to=rank_to,
            round_id=round_id,
        )

        award_response.additional_properties = d
        return award_response

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
