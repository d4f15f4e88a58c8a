from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.leaderboard_response import LeaderboardResponse
from ...models.method import Method
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    round_id: UUID,
    *,
    method: Method | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_method: str | Unset = UNSET
    if not isinstance(method, Unset):
        json_method = method.value

    params["method"] = json_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/rounds/{round_id}/leaderboard".format(
            round_id=quote(str(round_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LeaderboardResponse | Problem | None:
    if response.status_code == 200:
        response_200 = LeaderboardResponse.from_dict(response.json())

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
) -> Response[LeaderboardResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    method: Method | Unset = UNSET,
) -> Response[LeaderboardResponse | Problem]:
    """Get a round's leaderboard.

     DESIGN.md §6: `{method, rows, judges}`; `method` defaults to the round's. Officers and
    admins see it live; everyone else only once published (the frozen result).

    Args:
        round_id (UUID):
        method (Method | Unset): How a round turns judge totals into an entry's score.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeaderboardResponse | Problem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        method=method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    method: Method | Unset = UNSET,
) -> LeaderboardResponse | Problem | None:
    """Get a round's leaderboard.

     DESIGN.md §6: `{method, rows, judges}`; `method` defaults to the round's. Officers and
    admins see it live; everyone else only once published (the frozen result).

    Args:
        round_id (UUID):
        method (Method | Unset): How a round turns judge totals into an entry's score.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeaderboardResponse | Problem
    """

    return sync_detailed(
        round_id=round_id,
        client=client,
        method=method,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    method: Method | Unset = UNSET,
) -> Response[LeaderboardResponse | Problem]:
    """Get a round's leaderboard.

     DESIGN.md §6: `{method, rows, judges}`; `method` defaults to the round's. Officers and
    admins see it live; everyone else only once published (the frozen result).

    Args:
        round_id (UUID):
        method (Method | Unset): How a round turns judge totals into an entry's score.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeaderboardResponse | Problem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        method=method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    method: Method | Unset = UNSET,
) -> LeaderboardResponse | Problem | None:
    """Get a round's leaderboard.

     DESIGN.md §6: `{method, rows, judges}`; `method` defaults to the round's. Officers and
    admins see it live; everyone else only once published (the frozen result).

    Args:
        round_id (UUID):
        method (Method | Unset): How a round turns judge totals into an entry's score.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeaderboardResponse | Problem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            client=client,
            method=method,
        )
    ).parsed
