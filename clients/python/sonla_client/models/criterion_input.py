from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CriterionInput")


@_attrs_define
class CriterionInput:
    """A criterion of a round.

    Attributes:
        max_score (float): Highest value, above 0.
        name (str): Name. Example: Tính khả thi.
        weight (float): Weight, above 0.
        description (None | str | Unset): Description.
    """

    max_score: float
    name: str
    weight: float
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        max_score = self.max_score

        name = self.name

        weight = self.weight

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "max_score": max_score,
                "name": name,
                "weight": weight,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_score = d.pop("max_score")

        name = d.pop("name")

        weight = d.pop("weight")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        criterion_input = cls(
            max_score=max_score,
            name=name,
            weight=weight,
            description=description,
        )

        return criterion_input
