from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.team_role import TeamRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamMemberResponse")


@_attrs_define
class TeamMemberResponse:
    """A member of an idea's team.

    Attributes:
        added_at (datetime.datetime): When they joined (UTC).
        full_name (str): Full name.
        role (TeamRole): A role in an idea's team.
        user_id (UUID): The user's id.
        email (None | str | Unset): Email: for the team, officers and admins only.
        phone (None | str | Unset): Telephone: for the team, officers and admins only.
    """

    added_at: datetime.datetime
    full_name: str
    role: TeamRole
    user_id: UUID
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_at = self.added_at.isoformat()

        full_name = self.full_name

        role = self.role.value

        user_id = str(self.user_id)

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

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
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        full_name = d.pop("full_name")

        role = TeamRole(d.pop("role"))

        user_id = UUID(d.pop("user_id"))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        team_member_response = cls(
            added_at=added_at,
            full_name=full_name,
            role=role,
            user_id=user_id,
            email=email,
            phone=phone,
        )

        team_member_response.additional_properties = d
        return team_member_response

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
