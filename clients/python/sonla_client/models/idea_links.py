from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdeaLinks")


@_attrs_define
class IdeaLinks:
    """Links of an idea (`http` or `https` only).

    Attributes:
        pitch_deck (None | str | Unset): The pitch deck.
        video (None | str | Unset): A video.
        website (None | str | Unset): Website.
    """

    pitch_deck: None | str | Unset = UNSET
    video: None | str | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pitch_deck: None | str | Unset
        if isinstance(self.pitch_deck, Unset):
            pitch_deck = UNSET
        else:
            pitch_deck = self.pitch_deck

        video: None | str | Unset
        if isinstance(self.video, Unset):
            video = UNSET
        else:
            video = self.video

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pitch_deck is not UNSET:
            field_dict["pitch_deck"] = pitch_deck
        if video is not UNSET:
            field_dict["video"] = video
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_pitch_deck(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pitch_deck = _parse_pitch_deck(d.pop("pitch_deck", UNSET))

        def _parse_video(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video = _parse_video(d.pop("video", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        idea_links = cls(
            pitch_deck=pitch_deck,
            video=video,
            website=website,
        )

        return idea_links
