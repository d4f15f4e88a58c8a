from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Selection")


@_attrs_define
class Selection:
    """Officers' selection data of an idea.

    Attributes:
        shortlisted (bool): On the shortlist.
        note (None | str | Unset): Internal note.
        priority (int | None | Unset): Priority, 0 (lowest) to 5, or `null`.
    """

    shortlisted: bool
    note: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        shortlisted = self.shortlisted

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "shortlisted": shortlisted,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        shortlisted = d.pop("shortlisted")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        selection = cls(
            shortlisted=shortlisted,
            note=note,
            priority=priority,
        )

        return selection
