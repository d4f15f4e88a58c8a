from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ip_kind import IpKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntellectualProperty")


@_attrs_define
class IntellectualProperty:
    """Intellectual property of an idea.

    Attributes:
        kind (IpKind): Intellectual-property protection.
        registration_numbers (list[str] | Unset): Registration or application numbers.
    """

    kind: IpKind
    registration_numbers: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        registration_numbers: list[str] | Unset = UNSET
        if not isinstance(self.registration_numbers, Unset):
            registration_numbers = self.registration_numbers

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if registration_numbers is not UNSET:
            field_dict["registration_numbers"] = registration_numbers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = IpKind(d.pop("kind"))

        registration_numbers = cast(list[str], d.pop("registration_numbers", UNSET))

        intellectual_property = cls(
            kind=kind,
            registration_numbers=registration_numbers,
        )

        return intellectual_property
