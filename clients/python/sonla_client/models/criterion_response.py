from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CriterionResponse")


@_attrs_define
class CriterionResponse:
    """A criterion as rounds, judges' assignments and published results show it.

    Attributes:
        id (UUID): Id.
        max_score (float): Highest value.
        name (str): Name.
        position (int): Order.
        weight (float): Weight.
        description (None | str | Unset): Description.
    """

    id: UUID
    max_score: float
    name: str
    position: int
    weight: float
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        max_score = self.max_score

        name = self.name

        position = self.position

        weight = self.weight

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "max_score": max_score,
                "name": name,
                "position": position,
                "weight": weight,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        max_score = d.pop("max_score")

        name = d.pop("name")

        position = d.pop("position")

        weight = d.pop("weight")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        criterion_response = cls(
            id=id,
            max_score=max_score,
            name=name,
            position=position,
            weight=weight,
            description=description,
        )

        criterion_response.additional_properties = d
        return criterion_response

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
