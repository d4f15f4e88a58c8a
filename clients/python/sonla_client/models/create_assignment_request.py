from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateAssignmentRequest")


@_attrs_define
class CreateAssignmentRequest:
    """One assignment to add by hand.

    Attributes:
        entry_id (UUID): The entry.
        judge_id (UUID): The judge.
    """

    entry_id: UUID
    judge_id: UUID

    def to_dict(self) -> dict[str, Any]:
        entry_id = str(self.entry_id)

        judge_id = str(self.judge_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entry_id": entry_id,
                "judge_id": judge_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = UUID(d.pop("entry_id"))

        judge_id = UUID(d.pop("judge_id"))

        create_assignment_request = cls(
            entry_id=entry_id,
            judge_id=judge_id,
        )

        return create_assignment_request
