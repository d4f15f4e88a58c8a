from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sheet_status import SheetStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.score_value import ScoreValue


T = TypeVar("T", bound="SheetResponse")


@_attrs_define
class SheetResponse:
    """A score sheet.

    Attributes:
        assignment_id (UUID): The assignment.
        scores (list[ScoreValue]): Values.
        status (SheetStatus): Where a judge's score sheet stands.
        version (int): Version (also the `ETag`).
        comment (None | str | Unset): Comment.
        submitted_at (datetime.datetime | None | Unset): Submission time.
    """

    assignment_id: UUID
    scores: list[ScoreValue]
    status: SheetStatus
    version: int
    comment: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignment_id = str(self.assignment_id)

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        status = self.status.value

        version = self.version

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment_id": assignment_id,
                "scores": scores,
                "status": status,
                "version": version,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score_value import ScoreValue  # noqa: PLC0415

        d = dict(src_dict)
        assignment_id = UUID(d.pop("assignment_id"))

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = ScoreValue.from_dict(scores_item_data)

            scores.append(scores_item)

        status = SheetStatus(d.pop("status"))

        version = d.pop("version")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        sheet_response = cls(
            assignment_id=assignment_id,
            scores=scores,
            status=status,
            version=version,
            comment=comment,
            submitted_at=submitted_at,
        )

        sheet_response.additional_properties = d
        return sheet_response

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
