from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_role import OrgRole

T = TypeVar("T", bound="MemberResponse")


@_attrs_define
class MemberResponse:
    """A member of an organisation.

    Attributes:
        added_at (datetime.datetime): When they joined (UTC).
        full_name (str): The user's full name.
        role (OrgRole): A role in an organisation, from the most to the least powerful.
        user_id (UUID): The user's id.
    """

    added_at: datetime.datetime
    full_name: str
    role: OrgRole
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_at = self.added_at.isoformat()

        full_name = self.full_name

        role = self.role.value

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_at": added_at,
                "full_name": full_name,
                "role": role,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        full_name = d.pop("full_name")

        role = OrgRole(d.pop("role"))

        user_id = UUID(d.pop("user_id"))

        member_response = cls(
            added_at=added_at,
            full_name=full_name,
            role=role,
            user_id=user_id,
        )

        member_response.additional_properties = d
        return member_response

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
