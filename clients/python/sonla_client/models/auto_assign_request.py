from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AutoAssignRequest")


@_attrs_define
class AutoAssignRequest:
    """Automatic assignment.

    Attributes:
        seed (int | Unset): The seed: the same seed gives the same assignment (default 0; at most 2^53 − 1, so
            JavaScript clients can hold it).
    """

    seed: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seed = d.pop("seed", UNSET)

        auto_assign_request = cls(
            seed=seed,
        )

        return auto_assign_request
