from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.method import Method

if TYPE_CHECKING:
    from ..models.criterion_response import CriterionResponse
    from ..models.leaderboard import Leaderboard
    from ..models.round_parameters import RoundParameters


T = TypeVar("T", bound="RoundResult")


@_attrs_define
class RoundResult:
    """A round in the published results.

    Attributes:
        by_method (list[Leaderboard]): The leaderboards by every method.
        criteria (list[CriterionResponse]): Criteria.
        leaderboard (Leaderboard): A round's leaderboard.
        method (Method): How a round turns judge totals into an entry's score.
        name (str): Name.
        parameters (RoundParameters): The parameters a round was scored with.
        position (int): Position.
        round_id (UUID): The round.
    """

    by_method: list[Leaderboard]
    criteria: list[CriterionResponse]
    leaderboard: Leaderboard
    method: Method
    name: str
    parameters: RoundParameters
    position: int
    round_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_method = []
        for by_method_item_data in self.by_method:
            by_method_item = by_method_item_data.to_dict()
            by_method.append(by_method_item)

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        leaderboard = self.leaderboard.to_dict()

        method = self.method.value

        name = self.name

        parameters = self.parameters.to_dict()

        position = self.position

        round_id = str(self.round_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_method": by_method,
                "criteria": criteria,
                "leaderboard": leaderboard,
                "method": method,
                "name": name,
                "parameters": parameters,
                "position": position,
                "round_id": round_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_response import CriterionResponse  # noqa: PLC0415
        from ..models.leaderboard import Leaderboard  # noqa: PLC0415
        from ..models.round_parameters import RoundParameters  # noqa: PLC0415

        d = dict(src_dict)
        by_method = []
        _by_method = d.pop("by_method")
        for by_method_item_data in _by_method:
            by_method_item = Leaderboard.from_dict(by_method_item_data)

            by_method.append(by_method_item)

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = CriterionResponse.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        leaderboard = Leaderboard.from_dict(d.pop("leaderboard"))

        method = Method(d.pop("method"))

        name = d.pop("name")

        parameters = RoundParameters.from_dict(d.pop("parameters"))

        position = d.pop("position")

        round_id = UUID(d.pop("round_id"))

        round_result = cls(
            by_method=by_method,
            criteria=criteria,
            leaderboard=leaderboard,
            method=method,
            name=name,
            parameters=parameters,
            position=position,
            round_id=round_id,
        )

        round_result.additional_properties = d
        return round_result

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
