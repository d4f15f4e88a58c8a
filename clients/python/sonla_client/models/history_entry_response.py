from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.idea_status import IdeaStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryEntryResponse")


@_attrs_define
class HistoryEntryResponse:
    """A workflow transition.

    Attributes:
        action (Action): A workflow action, `POST /api/v1/ideas/{id}/<action>`.
        from_status (IdeaStatus): Where an idea stands in the selection workflow.
        id (UUID): Id.
        occurred_at (datetime.datetime): When (UTC).
        to_status (IdeaStatus): Where an idea stands in the selection workflow.
        actor_id (None | Unset | UUID): Who acted.
        note (None | str | Unset): The note given.
    """

    action: Action
    from_status: IdeaStatus
    id: UUID
    occurred_at: datetime.datetime
    to_status: IdeaStatus
    actor_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        from_status = self.from_status.value

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        to_status = self.to_status.value

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "from_status": from_status,
                "id": id,
                "occurred_at": occurred_at,
                "to_status": to_status,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = Action(d.pop("action"))

        from_status = IdeaStatus(d.pop("from_status"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        to_status = IdeaStatus(d.pop("to_status"))

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        history_entry_response = cls(
            action=action,
            from_status=from_status,
            id=id,
            occurred_at=occurred_at,
            to_status=to_status,
            actor_id=actor_id,
            note=note,
        )

        history_entry_response.additional_properties = d
        return history_entry_response

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
