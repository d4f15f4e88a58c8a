from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.round_response import RoundResponse
from ...types import Response


def _get_kwargs(
    competition_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/competitions/{competition_id}/rounds".format(
            competition_id=quote(str(competition_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[RoundResponse] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_round_list_item_data in _response_200:
            componentsschemas_round_list_item = RoundResponse.from_dict(componentsschemas_round_list_item_data)

            response_200.append(componentsschemas_round_list_item)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[RoundResponse]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[RoundResponse]]:
    """List a competition's rounds with their criteria.

     Whoever may see the competition; in order, each with its scoring method and whether its
    criteria can still change.

    Args:
        competition_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[RoundResponse]]
    """

    kwargs = _get_kwargs(
        competition_id=competition_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[RoundResponse] | None:
    """List a competition's rounds with their criteria.

     Whoever may see the competition; in order, each with its scoring method and whether its
    criteria can still change.

    Args:
        competition_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[RoundResponse]
    """

    return sync_detailed(
        competition_id=competition_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[RoundResponse]]:
    """List a competition's rounds with their criteria.

     Whoever may see the competition; in order, each with its scoring method and whether its
    criteria can still change.

    Args:
        competition_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[RoundResponse]]
    """

    kwargs = _get_kwargs(
        competition_id=competition_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[RoundResponse] | None:
    """List a competition's rounds with their criteria.

     Whoever may see the competition; in order, each with its scoring method and whether its
    criteria can still change.

    Args:
        competition_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[RoundResponse]
    """

    return (
        await asyncio_detailed(
            competition_id=competition_id,
            client=client,
        )
    ).parsed
