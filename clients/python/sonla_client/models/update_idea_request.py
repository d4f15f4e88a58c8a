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


T = TypeVar("T", bound="UpdateIdeaRequest")


@_attrs_define
class UpdateIdeaRequest:
    """Changes to an idea: absent fields stay, `null` clears an optional one.

    Attributes:
        description (None | str | Unset): New description, or `null`.
        former_district (None | str | Unset): New former district, or `null`.
        funding_need_vnd (int | None | Unset): New funding need, or `null`.
        funding_note (None | str | Unset): New funding note, or `null`.
        intellectual_property (IntellectualProperty | None | Unset):
        links (IdeaLinks | None | Unset):
        locality (None | str | Unset): New commune or ward, or `null`.
        organization_id (None | Unset | UUID): New organisation, or `null`.
        sector (None | Sector | Unset):
        stage (None | Stage | Unset):
        summary (None | str | Unset): New summary.
        tags (list[str] | None | Unset): New tags (replacing the old ones).
        title (None | str | Unset): New title.
        visibility (None | Unset | Visibility):
    """

    description: None | str | Unset = UNSET
    former_district: None | str | Unset = UNSET
    funding_need_vnd: int | None | Unset = UNSET
    funding_note: None | str | Unset = UNSET
    intellectual_property: IntellectualProperty | None | Unset = UNSET
    links: IdeaLinks | None | Unset = UNSET
    locality: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    sector: None | Sector | Unset = UNSET
    stage: None | Stage | Unset = UNSET
    summary: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    title: None | str | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.idea_links import IdeaLinks  # noqa: PLC0415
        from ..models.intellectual_property import IntellectualProperty  # noqa: PLC0415

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

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        elif isinstance(self.sector, Sector):
            sector = self.sector.value
        else:
            sector = self.sector

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if sector is not UNSET:
            field_dict["sector"] = sector
        if stage is not UNSET:
            field_dict["stage"] = stage
        if summary is not UNSET:
            field_dict["summary"] = summary
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title is not UNSET:
            field_dict["title"] = title
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.idea_links import IdeaLinks  # noqa: PLC0415
        from ..models.intellectual_property import IntellectualProperty  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_sector(data: object) -> None | Sector | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sector_type_0 = Sector(data)

                return sector_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sector | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_visibility(data: object) -> None | Unset | Visibility:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = Visibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Visibility, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

        update_idea_request = cls(
            description=description,
            former_district=former_district,
            funding_need_vnd=funding_need_vnd,
            funding_note=funding_note,
            intellectual_property=intellectual_property,
            links=links,
            locality=locality,
            organization_id=organization_id,
            sector=sector,
            stage=stage,
            summary=summary,
            tags=tags,
            title=title,
            visibility=visibility,
        )

        return update_idea_request
