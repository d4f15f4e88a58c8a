from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_code import ProblemCode
from ..models.state_name import StateName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_field_error import ProblemFieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document.

    Attributes:
        code (ProblemCode): A problem's stable code (`GET /problems` describes each)
        detail (str): What went wrong this time, in the response's language.
        status (int): The HTTP status.
        title (str): A short summary of the kind of problem, in the response's language.
        type_ (str): A URI reference naming the kind of problem; `GET` it for a description. Example:
            /problems/organization_not_found.
        allowed_next_states (list[StateName] | None | Unset): For `invalid_transition` (409): the states the record can
            move to now.
        errors (list[ProblemFieldError] | Unset): The invalid fields (422 only), the first 100.
        instance (None | str | Unset): The request path that failed.
    """

    code: ProblemCode
    detail: str
    status: int
    title: str
    type_: str
    allowed_next_states: list[StateName] | None | Unset = UNSET
    errors: list[ProblemFieldError] | Unset = UNSET
    instance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        status = self.status

        title = self.title

        type_ = self.type_

        allowed_next_states: list[str] | None | Unset
        if isinstance(self.allowed_next_states, Unset):
            allowed_next_states = UNSET
        elif isinstance(self.allowed_next_states, list):
            allowed_next_states = []
            for allowed_next_states_type_0_item_data in self.allowed_next_states:
                allowed_next_states_type_0_item = allowed_next_states_type_0_item_data.value
                allowed_next_states.append(allowed_next_states_type_0_item)

        else:
            allowed_next_states = self.allowed_next_states

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "status": status,
                "title": title,
                "type": type_,
            }
        )
        if allowed_next_states is not UNSET:
            field_dict["allowed_next_states"] = allowed_next_states
        if errors is not UNSET:
            field_dict["errors"] = errors
        if instance is not UNSET:
            field_dict["instance"] = instance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_field_error import ProblemFieldError  # noqa: PLC0415

        d = dict(src_dict)
        code = ProblemCode(d.pop("code"))

        detail = d.pop("detail")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_allowed_next_states(data: object) -> list[StateName] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_next_states_type_0 = []
                _allowed_next_states_type_0 = data
                for allowed_next_states_type_0_item_data in _allowed_next_states_type_0:
                    allowed_next_states_type_0_item = StateName(allowed_next_states_type_0_item_data)

                    allowed_next_states_type_0.append(allowed_next_states_type_0_item)

                return allowed_next_states_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StateName] | None | Unset, data)

        allowed_next_states = _parse_allowed_next_states(d.pop("allowed_next_states", UNSET))

        _errors = d.pop("errors", UNSET)
        errors: list[ProblemFieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ProblemFieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        def _parse_instance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance = _parse_instance(d.pop("instance", UNSET))

        problem = cls(
            code=code,
            detail=detail,
            status=status,
            title=title,
            type_=type_,
            allowed_next_states=allowed_next_states,
            errors=errors,
            instance=instance,
        )

        problem.additional_properties = d
        return problem

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
