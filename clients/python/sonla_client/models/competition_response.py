from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audience import Audience
from ..models.competition_status import CompetitionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompetitionResponse")


@_attrs_define
class CompetitionResponse:
    """A competition.

    Attributes:
        audience (Audience): Who may enter.
        created_at (datetime.datetime): Creation time.
        id (UUID): Id.
        status (CompetitionStatus): Where a competition stands.
        title (str): Title.
        tracks (list[str]): Tracks.
        updated_at (datetime.datetime): Last change.
        description (None | str | Unset): Description.
        organizer_id (None | Unset | UUID): Organiser.
        submission_closes_at (datetime.datetime | None | Unset): Entries until.
        submission_opens_at (datetime.datetime | None | Unset): Entries from.
    """

    audience: Audience
    created_at: datetime.datetime
    id: UUID
    status: CompetitionStatus
    title: str
    tracks: list[str]
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    organizer_id: None | Unset | UUID = UNSET
    submission_closes_at: datetime.datetime | None | Unset = UNSET
    submission_opens_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audience = self.audience.value

        created_at = self.created_at.isoformat()

        id = str(self.id)

        status = self.status.value

        title = self.title

        tracks = self.tracks

        updated_at = self.updated_at.isoformat()

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audience": audience,
                "created_at": created_at,
                "id": id,
                "status": status,
                "title": title,
                "tracks": tracks,
                "updated_at": updated_at,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audience = Audience(d.pop("audience"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        status = CompetitionStatus(d.pop("status"))

        title = d.pop("title")

        tracks = cast(list[str], d.pop("tracks"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        competition_response = cls(
            audience=audience,
            created_at=created_at,
            id=id,
            status=status,
            title=title,
            tracks=tracks,
            updated_at=updated_at,
            description=description,
            organizer_id=organizer_id,
            submission_closes_at=submission_closes_at,
            submission_opens_at=submission_opens_at,
        )

        competition_response.additional_properties = d
        return competition_response

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
