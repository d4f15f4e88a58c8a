from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sector import Sector
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="JudgedEntry")


@_attrs_define
class JudgedEntry:
    """What a judge sees of an entry; in blind rounds the team and organisation are absent.

    Attributes:
        entry_id (UUID): The entry.
        sector (Sector): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage): How far the project has come.
        summary (str): Summary.
        title (str): Title.
        description (None | str | Unset): Description.
        idea_id (None | Unset | UUID): The idea (not in blind rounds).
        organization_id (None | Unset | UUID): The idea's organisation (not in blind rounds).
        team (list[str] | None | Unset): Team members' names (not in blind rounds).
        track (None | str | Unset): Track.
    """

    entry_id: UUID
    sector: Sector
    stage: Stage
    summary: str
    title: str
    description: None | str | Unset = UNSET
    idea_id: None | Unset | UUID = UNSET
    organization_id: None | Unset | UUID = UNSET
    team: list[str] | None | Unset = UNSET
    track: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entry_id = str(self.entry_id)

        sector = self.sector.value

        stage = self.stage.value

        summary = self.summary

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        idea_id: None | str | Unset
        if isinstance(self.idea_id, Unset):
            idea_id = UNSET
        elif isinstance(self.idea_id, UUID):
            idea_id = str(self.idea_id)
        else:
            idea_id = self.idea_id

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        team: list[str] | None | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        elif isinstance(self.team, list):
            team = self.team

        else:
            team = self.team

        track: None | str | Unset
        if isinstance(self.track, Unset):
            track = UNSET
        else:
            track = self.track

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entry_id": entry_id,
                "sector": sector,
                "stage": stage,
                "summary": summary,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if idea_id is not UNSET:
            field_dict["idea_id"] = idea_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if team is not UNSET:
            field_dict["team"] = team
        if track is not UNSET:
            field_dict["track"] = track

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = UUID(d.pop("entry_id"))

        sector = Sector(d.pop("sector"))

        stage = Stage(d.pop("stage"))

        summary = d.pop("summary")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_idea_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                idea_id_type_0 = UUID(data)

                return idea_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        idea_id = _parse_idea_id(d.pop("idea_id", UNSET))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_team(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                team_type_0 = cast(list[str], data)

                return team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        team = _parse_team(d.pop("team", UNSET))

        def _parse_track(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        track = _parse_track(d.pop("track", UNSET))

        judged_entry = cls(
            entry_id=entry_id,
            sector=sector,
            stage=stage,
            summary=summary,
            title=title,
            description=description,
            idea_id=idea_id,
            organization_id=organization_id,
            team=team,
            track=track,
        )

        judged_entry.additional_properties = d
        return judged_entry

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
