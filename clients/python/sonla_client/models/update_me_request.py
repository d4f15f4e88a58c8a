from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lang import Lang
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateMeRequest")


@_attrs_define
class UpdateMeRequest:
    """Changes to one's own profile: absent fields stay, `null` clears the phone.

    Attributes:
        full_name (None | str | Unset): New full name.
        locale (Lang | None | Unset):
        phone (None | str | Unset): New telephone, or `null` to clear it.
    """

    full_name: None | str | Unset = UNSET
    locale: Lang | None | Unset = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

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

        field_dict.update({})
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if locale is not UNSET:
            field_dict["locale"] = locale
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

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

        update_me_request = cls(
            full_name=full_name,
            locale=locale,
            phone=phone,
        )

        return update_me_request
