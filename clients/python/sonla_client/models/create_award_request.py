from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAwardRequest")


@_attrs_define
class CreateAwardRequest:
    """A new award.

    Attributes:
        prize_vnd (int): Prize in đồng.
        title (str): Title, such as "Giải Nhất".
        entry_id (None | Unset | UUID): Or one entry.
        rank_from (int | None | Unset): First rank covered.
        rank_to (int | None | Unset): Last rank covered.
        round_id (None | Unset | UUID): The round whose ranks it covers (default: the last round).
    """

    prize_vnd: int
    title: str
    entry_id: None | Unset | UUID = UNSET
    rank_from: int | None | Unset = UNSET
    rank_to: int | None | Unset = UNSET
    round_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        prize_vnd = self.prize_vnd

        title = self.title

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

        field_dict.update(
            {
                "prize_vnd": prize_vnd,
                "title": title,
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
        prize_vnd = d.pop("prize_vnd")

        title = d.pop("title")

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

        create_award_request = cls(
            prize_vnd=prize_vnd,
            title=title,
            entry_id=entry_id,
            rank_from=rank_from,
            rank_to=rank_to,
            round_id=round_id,
        )

        return create_award_request
