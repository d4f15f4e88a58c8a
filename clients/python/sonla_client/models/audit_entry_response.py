from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_kind import ActorKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEntryResponse")


@_attrs_define
class AuditEntryResponse:
    """An audit entry.

    Attributes:
        action (str): What happened.
        actor_kind (ActorKind): Who acted, in an audit entry.
        id (UUID): Id (UUID v7).
        occurred_at (datetime.datetime): When it happened (UTC).
        record_type (str): The kind of record.
        actor_id (None | Unset | UUID): The user or API key that acted.
        after (Any | Unset): The record after the change.
        before (Any | Unset): The record before the change.
        client_ip (None | str | Unset): The client's address.
        record_id (None | Unset | UUID): The record.
        request_id (None | str | Unset): The request id.
    """

    action: str
    actor_kind: ActorKind
    id: UUID
    occurred_at: datetime.datetime
    record_type: str
    actor_id: None | Unset | UUID = UNSET
    after: Any | Unset = UNSET
    before: Any | Unset = UNSET
    client_ip: None | str | Unset = UNSET
    record_id: None | Unset | UUID = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_kind = self.actor_kind.value

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        record_type = self.record_type

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        after = self.after

        before = self.before

        client_ip: None | str | Unset
        if isinstance(self.client_ip, Unset):
            client_ip = UNSET
        else:
            client_ip = self.client_ip

        record_id: None | str | Unset
        if isinstance(self.record_id, Unset):
            record_id = UNSET
        elif isinstance(self.record_id, UUID):
            record_id = str(self.record_id)
        else:
            record_id = self.record_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_kind": actor_kind,
                "id": id,
                "occurred_at": occurred_at,
                "record_type": record_type,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before
        if client_ip is not UNSET:
            field_dict["client_ip"] = client_ip
        if record_id is not UNSET:
            field_dict["record_id"] = record_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor_kind = ActorKind(d.pop("actor_kind"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        record_type = d.pop("record_type")

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

        after = d.pop("after", UNSET)

        before = d.pop("before", UNSET)

        def _parse_client_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_ip = _parse_client_ip(d.pop("client_ip", UNSET))

        def _parse_record_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                record_id_type_0 = UUID(data)

                return record_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        record_id = _parse_record_id(d.pop("record_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        audit_entry_response = cls(
            action=action,
            actor_kind=actor_kind,
            id=id,
            occurred_at=occurred_at,
            record_type=record_type,
            actor_id=actor_id,
            after=after,
            before=before,
            client_ip=client_ip,
            record_id=record_id,
            request_id=request_id,
        )

        audit_entry_response.additional_properties = d
        return audit_entry_response

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
