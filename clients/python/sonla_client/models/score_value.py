from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScoreValue")


@_attrs_define
class ScoreValue:
    """One value of a score sheet.

    Attributes:
        criterion_id (UUID): The criterion.
        value (float): The value, 0 to the criterion's `max_score`.
    """

    criterion_id: UUID
    value: float

    def to_dict(self) -> dict[str, Any]:
        criterion_id = str(self.criterion_id)

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criterion_id": criterion_id,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion_id = UUID(d.pop("criterion_id"))

        value = d.pop("value")

        score_value = cls(
            criterion_id=criterion_id,
            value=value,
        )

        return score_value
