from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.conflict_kind import ConflictKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeclareConflictRequest")


@_attrs_define
class DeclareConflictRequest:
    """A declared conflict of interest.

    Attributes:
        entry_id (UUID): The entry.
        judge_id (UUID): The judge (a judge declares for themself).
        kind (ConflictKind): Kinds of conflict of interest.
        note (None | str | Unset): Note.
    """

    entry_id: UUID
    judge_id: UUID
    kind: ConflictKind
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        entry_id = str(self.entry_id)

        judge_id = str(self.judge_id)

        kind = self.kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
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

        declare_conflict_request = cls(
            entry_id=entry_id,
            judge_id=judge_id,
            kind=kind,
            note=note,
        )

        return declare_conflict_request
