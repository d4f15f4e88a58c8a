from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.audience import Audience
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCompetitionRequest")


@_attrs_define
class CreateCompetitionRequest:
    """A new competition.

    Attributes:
        audience (Audience): Who may enter.
        title (str): Title. Example: Cuộc thi Ý tưởng khởi nghiệp sinh viên Sơn La 2026.
        description (None | str | Unset): Description.
        organizer_id (None | Unset | UUID): The organising organisation.
        submission_closes_at (datetime.datetime | None | Unset): Entries accepted until (UTC).
        submission_opens_at (datetime.datetime | None | Unset): Entries accepted from (UTC).
        tracks (list[str] | Unset): Tracks entries may choose.
    """

    audience: Audience
    title: str
    description: None | str | Unset = UNSET
    organizer_id: None | Unset | UUID = UNSET
    submission_closes_at: datetime.datetime | None | Unset = UNSET
    submission_opens_at: datetime.datetime | None | Unset = UNSET
    tracks: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        audience = self.audience.value

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        organizer_id: None | str | Unset
        if isinstance(self.organizer_id, Unset):
            organizer_id = UNSET
        elif isinstance(self.organizer_id, UUID):
            organizer_id = str(self.organizer_id)
        else:
            organizer_id = self.organizer_id

        submission_closes_at: None | str | Unset
        if isinstance(self.submission_closes_at, Unset):
            submission_closes_at = UNSET
        elif isinstance(self.submission_closes_at, datetime.datetime):
            submission_closes_at = self.submission_closes_at.isoformat()
        else:
            submission_closes_at = self.submission_closes_at

        submission_opens_at: None | str | Unset
        if isinstance(self.submission_opens_at, Unset):
            submission_opens_at = UNSET
        elif isinstance(self.submission_opens_at, datetime.datetime):
            submission_opens_at = self.submission_opens_at.isoformat()
        else:
            submission_opens_at = self.submission_opens_at

        tracks: list[str] | Unset = UNSET
        if not isinstance(self.tracks, Unset):
            tracks = self.tracks

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "audience": audience,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if organizer_id is not UNSET:
            field_dict["organizer_id"] = organizer_id
        if submission_closes_at is not UNSET:
            field_dict["submission_closes_at"] = submission_closes_at
        if submission_opens_at is not UNSET:
            field_dict["submission_opens_at"] = submission_opens_at
        if tracks is not UNSET:
            field_dict["tracks"] = tracks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audience = Audience(d.pop("audience"))

        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_organizer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organizer_id_type_0 = UUID(data)

                return organizer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organizer_id = _parse_organizer_id(d.pop("organizer_id", UNSET))

        def _parse_submission_closes_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submission_closes_at_type_0 = datetime.datetime.fromisoformat(data)

                return submission_closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submission_closes_at = _parse_submission_closes_at(d.pop("submission_closes_at", UNSET))

        def _parse_submission_opens_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submission_opens_at_type_0 = datetime.datetime.fromisoformat(data)

                return submission_opens_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submission_opens_at = _parse_submission_opens_at(d.pop("submission_opens_at", UNSET))

        tracks = cast(list[str], d.pop("tracks", UNSET))

        create_competition_request = cls(
            audience=audience,
            title=title,
            description=description,
            organizer_id=organizer_id,
            submission_closes_at=submission_closes_at,
            submission_opens_at=submission_opens_at,
            tracks=tracks,
        )

        return create_competition_request
