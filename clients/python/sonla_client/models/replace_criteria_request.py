from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.criterion_input import CriterionInput


T = TypeVar("T", bound="ReplaceCriteriaRequest")


@_attrs_define
class ReplaceCriteriaRequest:
    """New criteria for a round (replacing the old ones while no sheet is submitted).

    Attributes:
        criteria (list[CriterionInput]): Criteria, in order.
    """

    criteria: list[CriterionInput]

    def to_dict(self) -> dict[str, Any]:
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criteria": criteria,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_input import CriterionInput  # noqa: PLC0415

        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionInput.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        replace_criteria_request = cls(
            criteria=criteria,
        )

        return replace_criteria_request
