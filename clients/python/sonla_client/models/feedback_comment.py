from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackComment")


@_attrs_define
class FeedbackComment:
    """A judge's comment to an entrant.

    Attributes:
        comment (str): The comment.
        judge_id (None | Unset | UUID): The judge, except in blind rounds.
    """

    comment: str
    judge_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        judge_id: None | str | Unset
        if isinstance(self.judge_id, Unset):
            judge_id = UNSET
        elif isinstance(self.judge_id, UUID):
            judge_id = str(self.judge_id)
        else:
            judge_id = self.judge_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comment": comment,
            }
        )
        if judge_id is not UNSET:
            field_dict["judge_id"] = judge_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comment = d.pop("comment")

        def _parse_judge_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                judge_id_type_0 = UUID(data)

                return judge_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        judge_id = _parse_judge_id(d.pop("judge_id", UNSET))

        feedback_comment = cls(
            comment=comment,
            judge_id=judge_id,
        )

        feedback_comment.additional_properties = d
        return feedback_comment

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
