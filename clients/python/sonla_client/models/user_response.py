from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lang import Lang
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """An account.

    Attributes:
        created_at (datetime.datetime): When the account was created (UTC).
        email (str): Email.
        full_name (str): Full name.
        id (UUID): Id (UUID v7).
        locale (Lang): A language of human-readable messages.
        roles (list[Role]): Global roles.
        updated_at (datetime.datetime): When it last changed (UTC).
        phone (None | str | Unset): Telephone.
    """

    created_at: datetime.datetime
    email: str
    full_name: str
    id: UUID
    locale: Lang
    roles: list[Role]
    updated_at: datetime.datetime
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        full_name = self.full_name

        id = str(self.id)

        locale = self.locale.value

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        updated_at = self.updated_at.isoformat()

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "full_name": full_name,
                "id": id,
                "locale": locale,
                "roles": roles,
                "updated_at": updated_at,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        full_name = d.pop("full_name")

        id = UUID(d.pop("id"))

        locale = Lang(d.pop("locale"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        user_response = cls(
            created_at=created_at,
            email=email,
            full_name=full_name,
            id=id,
            locale=locale,
            roles=roles,
            updated_at=updated_at,
            phone=phone,
        )

        user_response.additional_properties = d
        return user_response

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
