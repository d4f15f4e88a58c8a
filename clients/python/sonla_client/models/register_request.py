from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lang import Lang
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterRequest")


@_attrs_define
class RegisterRequest:
    """A new account.

    Attributes:
        email (str): Email; trimmed, lower-cased and unique. Example: an.nguyen@utb.edu.vn.
        full_name (str): Full name. Example: Nguyễn Văn An.
        password (str): At least 10 characters and not a common password.
        locale (Lang | None | Unset):
        phone (None | str | Unset): Telephone: 8 to 15 digits, optional leading `+`.
    """

    email: str
    full_name: str
    password: str
    locale: Lang | None | Unset = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        password = self.password

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, Lang):
            locale = self.locale.value
        else:
            locale = self.locale

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "password": password,
            }
        )
        if locale is not UNSET:
            field_dict["locale"] = locale
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

        password = d.pop("password")

        def _parse_locale(data: object) -> Lang | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = Lang(data)

                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Lang | None | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        register_request = cls(
            email=email,
            full_name=full_name,
            password=password,
            locale=locale,
            phone=phone,
        )

        return register_request
