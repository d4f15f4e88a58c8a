from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict_response import ConflictResponse
from ...models.declare_conflict_request import DeclareConflictRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    competition_id: UUID,
    *,
    body: DeclareConflictRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/competitions/{competition_id}/conflicts".format(
            competition_id=quote(str(competition_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConflictResponse | Problem | None:
    if response.status_code == 201:
        response_201 = ConflictResponse.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[ConflictResponse | Problem]:
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
    body: DeclareConflictRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConflictResponse | Problem]:
    """Declare a conflict of interest.

     A judge for themself, or an officer. The judge loses any assignment of the entry.

    Args:
        competition_id (UUID):
        idempotency_key (str | Unset):
        body (DeclareConflictRequest): A declared conflict of interest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConflictResponse | Problem]
    """

    kwargs = _get_kwargs(
        competition_id=competition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeclareConflictRequest,
    idempotency_key: str | Unset = UNSET,
) -> ConflictResponse | Problem | None:
    """Declare a conflict of interest.

     A judge for themself, or an officer. The judge loses any assignment of the entry.

    Args:
        competition_id (UUID):
        idempotency_key (str | Unset):
        body (DeclareConflictRequest): A declared conflict of interest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConflictResponse | Problem
    """

    return sync_detailed(
        competition_id=competition_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeclareConflictRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConflictResponse | Problem]:
    """Declare a conflict of interest.

     A judge for themself, or an officer. The judge loses any assignment of the entry.

    Args:
        competition_id (UUID):
        idempotency_key (str | Unset):
        body (DeclareConflictRequest): A declared conflict of interest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConflictResponse | Problem]
    """

    kwargs = _get_kwargs(
        competition_id=competition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    competition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeclareConflictRequest,
    idempotency_key: str | Unset = UNSET,
) -> ConflictResponse | Problem | None:
    """Declare a conflict of interest.

     A judge for themself, or an officer. The judge loses any assignment of the entry.

    Args:
        competition_id (UUID):
        idempotency_key (str | Unset):
        body (DeclareConflictRequest): A declared conflict of interest.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConflictResponse | Problem
    """

    return (
        await asyncio_detailed(
            competition_id=competition_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
