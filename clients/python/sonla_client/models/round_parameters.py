from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoundParameters")


@_attrs_define
class RoundParameters:
    """The parameters a round was scored with.

    Attributes:
        blind (bool): Blind.
        flag_spread (float): Spread above which rows are flagged.
        judges_per_entry (int): Judges per entry.
        advance_count (int | None | Unset): Advance count.
        pass_mark (float | None | Unset): Pass mark.
    """

    blind: bool
    flag_spread: float
    judges_per_entry: int
    advance_count: int | None | Unset = UNSET
    pass_mark: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blind = self.blind

        flag_spread = self.flag_spread

        judges_per_entry = self.judges_per_entry

        advance_count: int | None | Unset
        if isinstance(self.advance_count, Unset):
            advance_count = UNSET
        else:
            advance_count = self.advance_count

        pass_mark: float | None | Unset
        if isinstance(self.pass_mark, Unset):
            pass_mark = UNSET
        else:
            pass_mark = self.pass_mark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blind": blind,
                "flag_spread": flag_spread,
                "judges_per_entry": judges_per_entry,
            }
        )
        if advance_count is not UNSET:
            field_dict["advance_count"] = advance_count
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blind = d.pop("blind")

        flag_spread = d.pop("flag_spread")

        judges_per_entry = d.pop("judges_per_entry")

        def _parse_advance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        advance_count = _parse_advance_count(d.pop("advance_count", UNSET))

        def _parse_pass_mark(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_mark = _parse_pass_mark(d.pop("pass_mark", UNSET))

        round_parameters = cls(
            blind=blind,
            flag_spread=flag_spread,
            judges_per_entry=judges_per_entry,
            advance_count=advance_count,
            pass_mark=pass_mark,
        )

        round_parameters.additional_properties = d
        return round_parameters

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
