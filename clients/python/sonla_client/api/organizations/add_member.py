from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.add_member_request import AddMemberRequest
from ...models.member_response import MemberResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    *,
    body: AddMemberRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/organizations/{organization_id}/members".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberResponse | Problem | None:
    if response.status_code == 201:
        response_201 = MemberResponse.from_dict(response.json())

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
) -> Response[MemberResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AddMemberRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[MemberResponse | Problem]:
    """Add a member.

     Owners and managers add members; only owners (and admins) add owners and managers. Audited.

    Args:
        organization_id (UUID):
        idempotency_key (str | Unset):
        body (AddMemberRequest): A person to add to an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberResponse | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AddMemberRequest,
    idempotency_key: str | Unset = UNSET,
) -> MemberResponse | Problem | None:
    """Add a member.

     Owners and managers add members; only owners (and admins) add owners and managers. Audited.

    Args:
        organization_id (UUID):
        idempotency_key (str | Unset):
        body (AddMemberRequest): A person to add to an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberResponse | Problem
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AddMemberRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[MemberResponse | Problem]:
    """Add a member.

     Owners and managers add members; only owners (and admins) add owners and managers. Audited.

    Args:
        organization_id (UUID):
        idempotency_key (str | Unset):
        body (AddMemberRequest): A person to add to an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberResponse | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AddMemberRequest,
    idempotency_key: str | Unset = UNSET,
) -> MemberResponse | Problem | None:
    """Add a member.

     Owners and managers add members; only owners (and admins) add owners and managers. Audited.

    Args:
        organization_id (UUID):
        idempotency_key (str | Unset):
        body (AddMemberRequest): A person to add to an organisation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberResponse | Problem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
