from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_kind import SearchKind

T = TypeVar("T", bound="SearchHitResponse")


@_attrs_define
class SearchHitResponse:
    """One record found.

    Example:
        {'excerpt': '…chế biến chè và bán nông sản sạch cho khách du lịch…', 'id':
            '0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f', 'kind': 'idea', 'link':
            '/api/v1/ideas/0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f', 'title': 'Chè Shan tuyết Tà Xùa sấy lạnh'}

    Attributes:
        excerpt (str): Up to 160 characters of its text around the first matching word, `…` where cut
            (empty when it has no text besides the title).
        id (UUID): The record's id.
        kind (SearchKind): The kinds of record the search covers.
        link (str): The record's path in this API. Example: /api/v1/ideas/0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f.
        title (str): Its title (an idea's title, an organisation's name), as written.
    """

    excerpt: str
    id: UUID
    kind: SearchKind
    link: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        excerpt = self.excerpt

        id = str(self.id)

        kind = self.kind.value

        link = self.link

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "excerpt": excerpt,
                "id": id,
                "kind": kind,
                "link": link,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        excerpt = d.pop("excerpt")

        id = UUID(d.pop("id"))

        kind = SearchKind(d.pop("kind"))

        link = d.pop("link")

        title = d.pop("title")

        search_hit_response = cls(
            excerpt=excerpt,
            id=id,
            kind=kind,
            link=link,
            title=title,
        )

        search_hit_response.additional_properties = d
        return search_hit_response

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
