from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.sector import Sector
from ..models.stage import Stage
from ..models.visibility import Visibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.idea_links import IdeaLinks
    from ..models.intellectual_property import IntellectualProperty


T = TypeVar("T", bound="CreateIdeaRequest")


@_attrs_define
class CreateIdeaRequest:
    """A new idea; its creator becomes the team's lead.

    Attributes:
        sector (Sector): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage): How far the project has come.
        summary (str): A short summary.
        title (str): Title. Example: Sấy lạnh mận hậu Mộc Châu.
        visibility (Visibility): Who may see an idea.
        description (None | str | Unset): The full description.
        former_district (None | str | Unset): The former district (huyện), for records from before July 2025. Example:
            Huyện Mộc Châu.
        funding_need_vnd (int | None | Unset): Funding needed, in đồng.
        funding_note (None | str | Unset): Notes on funding: seen by the team, officers and admins only.
        intellectual_property (IntellectualProperty | None | Unset):
        links (IdeaLinks | None | Unset):
        locality (None | str | Unset): Commune or ward (xã, phường). Example: Phường Mộc Châu.
        organization_id (None | Unset | UUID): The organisation behind it (club, university, business, cooperative); the
            creator
            must belong to it.
        tags (list[str] | Unset): Tags.
    """

    sector: Sector
    stage: Stage
    summary: str
    title: str
    visibility: Visibility
    description: None | str | Unset = UNSET
    former_district: None | str | Unset = UNSET
    funding_need_vnd: int | None | Unset = UNSET
    funding_note: None | str | Unset = UNSET
    intellectual_property: IntellectualProperty | None | Unset = UNSET
    links: IdeaLinks | None | Unset = UNSET
    locality: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    tags: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.idea_links import IdeaLinks  # noqa: PLC0415
        from ..models.intellectual_property import IntellectualProperty  # noqa: PLC0415

        sector = self.sector.value

        stage = self.stage.value

        summary = self.summary

        title = self.title

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

        intellectual_property: dict[str, Any] | None | Unset
        if isinstance(self.intellectual_property, Unset):
            intellectual_property = UNSET
        elif isinstance(self.intellectual_property, IntellectualProperty):
            intellectual_property = self.intellectual_property.to_dict()
        else:
            intellectual_property = self.intellectual_property

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, IdeaLinks):
            links = self.links.to_dict()
        else:
            links = self.links

        locality: None | str | Unset
        if isinstance(self.locality, Unset):
            locality = UNSET
        else:
            locality = self.locality

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sector": sector,
                "stage": stage,
                "summary": summary,
                "title": title,
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
        if intellectual_property is not UNSET:
            field_dict["intellectual_property"] = intellectual_property
        if links is not UNSET:
            field_dict["links"] = links
        if locality is not UNSET:
            field_dict["locality"] = locality
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.idea_links import IdeaLinks  # noqa: PLC0415
        from ..models.intellectual_property import IntellectualProperty  # noqa: PLC0415

        d = dict(src_dict)
        sector = Sector(d.pop("sector"))

        stage = Stage(d.pop("stage"))

        summary = d.pop("summary")

        title = d.pop("title")

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

        def _parse_intellectual_property(data: object) -> IntellectualProperty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                intellectual_property_type_0 = IntellectualProperty.from_dict(data)

                return intellectual_property_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntellectualProperty | None | Unset, data)

        intellectual_property = _parse_intellectual_property(d.pop("intellectual_property", UNSET))

        def _parse_links(data: object) -> IdeaLinks | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = IdeaLinks.from_dict(data)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdeaLinks | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_locality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locality = _parse_locality(d.pop("locality", UNSET))

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

        tags = cast(list[str], d.pop("tags", UNSET))

        create_idea_request = cls(
            sector=sector,
            stage=stage,
            summary=summary,
            title=title,
            visibility=visibility,
            description=description,
            former_district=former_district,
            funding_need_vnd=funding_need_vnd,
            funding_note=funding_note,
            intellectual_property=intellectual_property,
            links=links,
            locality=locality,
            organization_id=organization_id,
            tags=tags,
        )

        return create_idea_request
