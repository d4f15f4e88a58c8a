from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_status import EntryStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="EntryResponse")


@_attrs_define
class EntryResponse:
    """An entry.

    Attributes:
        competition_id (UUID): The competition.
        created_at (datetime.datetime): When entered.
        id (UUID): Id.
        idea_id (UUID): The idea.
        status (EntryStatus): Whether an entry is still in its competition.
        title (str): The idea's title.
        track (None | str | Unset): Track.
    """

    competition_id: UUID
    created_at: datetime.datetime
    id: UUID
    idea_id: UUID
    status: EntryStatus
    title: str
    track: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competition_id = str(self.competition_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        idea_id = str(self.idea_id)

        status = self.status.value

        title = self.title

        track: None | str | Unset
        if isinstance(self.track, Unset):
            track = UNSET
        else:
            track = self.track

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competition_id": competition_id,
                "created_at": created_at,
                "id": id,
                "idea_id": idea_id,
                "status": status,
                "title": title,
            }
        )
        if track is not UNSET:
            field_dict["track"] = track

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        competition_id = UUID(d.pop("competition_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        idea_id = UUID(d.pop("idea_id"))

        status = EntryStatus(d.pop("status"))

        title = d.pop("title")

        def _parse_track(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        track = _parse_track(d.pop("track", UNSET))

        entry_response = cls(
            competition_id=competition_id,
            created_at=created_at,
            id=id,
            idea_id=idea_id,
            status=status,
            title=title,
            track=track,
        )

        entry_response.additional_properties = d
        return entry_response

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
