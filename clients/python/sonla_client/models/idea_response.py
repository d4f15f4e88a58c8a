from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.idea_status import IdeaStatus
from ..models.sector import Sector
from ..models.stage import Stage
from ..models.team_role import TeamRole
from ..models.visibility import Visibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.idea_links import IdeaLinks
    from ..models.intellectual_property import IntellectualProperty
    from ..models.selection_response import SelectionResponse


T = TypeVar("T", bound="IdeaResponse")


@_attrs_define
class IdeaResponse:
    """An idea as the caller may see it.

    Attributes:
        created_at (datetime.datetime): Creation time (UTC).
        id (UUID): Id (UUID v7).
        intellectual_property (IntellectualProperty): Intellectual property of an idea.
        links (IdeaLinks): Links of an idea (`http` or `https` only).
        sector (Sector): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage): How far the project has come.
        status (IdeaStatus): Where an idea stands in the selection workflow.
        summary (str): Summary.
        tags (list[str]): Tags.
        title (str): Title.
        updated_at (datetime.datetime): Last change (UTC).
        visibility (Visibility): Who may see an idea.
        description (None | str | Unset): Description.
        former_district (None | str | Unset): Former district.
        funding_need_vnd (int | None | Unset): Funding needed, in đồng.
        funding_note (None | str | Unset): Funding notes: present for the team, officers and admins only.
        locality (None | str | Unset): Commune or ward.
        my_role (None | TeamRole | Unset):
        organization_id (None | Unset | UUID): Organisation.
        selection (None | SelectionResponse | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    intellectual_property: IntellectualProperty
    links: IdeaLinks
    sector: Sector
    stage: Stage
    status: IdeaStatus
    summary: str
    tags: list[str]
    title: str
    updated_at: datetime.datetime
    visibility: Visibility
    description: None | str | Unset = UNSET
    former_district: None | str | Unset = UNSET
    funding_need_vnd: int | None | Unset = UNSET
    funding_note: None | str | Unset = UNSET
    locality: None | str | Unset = UNSET
    my_role: None | TeamRole | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    selection: None | SelectionResponse | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.selection_response import SelectionResponse  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = str(self.id)

        intellectual_property = self.intellectual_property.to_dict()

        links = self.links.to_dict()

        sector = self.sector.value

        stage = self.stage.value

        status = self.status.value

        summary = self.summary

        tags = self.tags

        title = self.title

        updated_at = self.updated_at.isoformat()

        visibility = self.visibility.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        former_district: None | str | Unset
        if isinstance(self.former_district, Unset):
            former_district = UNSET
        else:
            former_district = self.former_district

        funding_need_vnd: int | None | Unset
        if isinstance(self.funding_need_vnd, Unset):
            funding_need_vnd = UNSET
        else:
            funding_need_vnd = self.funding_need_vnd

        funding_note: None | str | Unset
        if isinstance(self.funding_note, Unset):
            funding_note = UNSET
        else:
            funding_note = self.funding_note

        locality: None | str | Unset
        if isinstance(self.locality, Unset):
            locality = UNSET
        else:
            locality = self.locality

        my_role: None | str | Unset
        if isinstance(self.my_role, Unset):
            my_role = UNSET
        elif isinstance(self.my_role, TeamRole):
            my_role = self.my_role.value
        else:
            my_role = self.my_role

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        selection: dict[str, Any] | None | Unset
        if isinstance(self.selection, Unset):
            selection = UNSET
        elif isinstance(self.selection, SelectionResponse):
            selection = self.selection.to_dict()
        else:
            selection = self.selection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "intellectual_property": intellectual_property,
                "links": links,
                "sector": sector,
                "stage": stage,
                "status": status,
                "summary": summary,
                "tags": tags,
                "title": title,
                "updated_at": updated_at,
                "visibility": visibility,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if former_district is not UNSET:
            field_dict["former_district"] = former_district
        if funding_need_vnd is not UNSET:
            field_dict["funding_need_vnd"] = funding_need_vnd
        if funding_note is not UNSET:
            field_dict["funding_note"] = funding_note
        if locality is not UNSET:
            field_dict["locality"] = locality
        if my_role is not UNSET:
            field_dict["my_role"] = my_role
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if selection is not UNSET:
            field_dict["selection"] = selection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.idea_links import IdeaLinks  # noqa: PLC0415
        from ..models.intellectual_property import IntellectualProperty  # noqa: PLC0415
        from ..models.selection_response import SelectionResponse  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        intellectual_property = IntellectualProperty.from_dict(d.pop("intellectual_property"))

        links = IdeaLinks.from_dict(d.pop("links"))

        sector = Sector(d.pop("sector"))

        stage = Stage(d.pop("stage"))

        status = IdeaStatus(d.pop("status"))

        summary = d.pop("summary")

        tags = cast(list[str], d.pop("tags"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        visibility = Visibility(d.pop("visibility"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_former_district(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        former_district = _parse_former_district(d.pop("former_district", UNSET))

        def _parse_funding_need_vnd(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        funding_need_vnd = _parse_funding_need_vnd(d.pop("funding_need_vnd", UNSET))

        def _parse_funding_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        funding_note = _parse_funding_note(d.pop("funding_note", UNSET))

        def _parse_locality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locality = _parse_locality(d.pop("locality", UNSET))

        def _parse_my_role(data: object) -> None | TeamRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                my_role_type_0 = TeamRole(data)

                return my_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TeamRole | Unset, data)

        my_role = _parse_my_role(d.pop("my_role", UNSET))

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

        def _parse_selection(data: object) -> None | SelectionResponse | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                selection_type_0 = SelectionResponse.from_dict(data)

                return selection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelectionResponse | Unset, data)

        selection = _parse_selection(d.pop("selection", UNSET))

        idea_response = cls(
            created_at=created_at,
            id=id,
            intellectual_property=intellectual_property,
            links=links,
            sector=sector,
            stage=stage,
            status=status,
            summary=summary,
            tags=tags,
            title=title,
            updated_at=updated_at,
            visibility=visibility,
            description=description,
            former_district=former_district,
            funding_need_vnd=funding_need_vnd,
            funding_note=funding_note,
            locality=locality,
            my_role=my_role,
            organization_id=organization_id,
            selection=selection,
        )

        idea_response.additional_properties = d
        return idea_response

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
