from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conflict_kind import ConflictKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConflictResponse")


@_attrs_define
class ConflictResponse:
    """A conflict of interest, declared or derived.

    Attributes:
        derived (bool): Found from team or organisation membership rather than declared.
        entry_id (UUID): The entry.
        judge_id (UUID): The judge.
        kind (ConflictKind): Kinds of conflict of interest.
        note (None | str | Unset): Note.
    """

    derived: bool
    entry_id: UUID
    judge_id: UUID
    kind: ConflictKind
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        derived = self.derived

        entry_id = str(self.entry_id)

        judge_id = str(self.judge_id)

        kind = self.kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "derived": derived,
                "entry_id": entry_id,
                "judge_id": judge_id,
                "kind": kind,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        derived = d.pop("derived")

        entry_id = UUID(d.pop("entry_id"))

        judge_id = UUID(d.pop("judge_id"))

        kind = ConflictKind(d.pop("kind"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        conflict_response = cls(
            derived=derived,
            entry_id=entry_id,
            judge_id=judge_id,
            kind=kind,
            note=note,
        )

        conflict_response.additional_properties = d
        return conflict_response

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
