from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateEntryRequest")


@_attrs_define
class CreateEntryRequest:
    """An idea to enter.

    Attributes:
        idea_id (UUID): The idea (its lead enters it; it must be submitted).
        track (None | str | Unset): One of the competition's tracks.
    """

    idea_id: UUID
    track: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        idea_id = str(self.idea_id)

        track: None | str | Unset
        if isinstance(self.track, Unset):
            track = UNSET
        else:
            track = self.track

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "idea_id": idea_id,
            }
        )
        if track is not UNSET:
            field_dict["track"] = track

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        idea_id = UUID(d.pop("idea_id"))

        def _parse_track(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        track = _parse_track(d.pop("track", UNSET))

        create_entry_request = cls(
            idea_id=idea_id,
            track=track,
        )

        return create_entry_request
