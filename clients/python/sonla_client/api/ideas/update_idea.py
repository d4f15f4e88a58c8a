from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.idea_response import IdeaResponse
from ...models.problem import Problem
from ...models.update_idea_request import UpdateIdeaRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    idea_id: UUID,
    *,
    body: UpdateIdeaRequest,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/ideas/{idea_id}".format(
            idea_id=quote(str(idea_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IdeaResponse | Problem | None:
    if response.status_code == 200:
        response_200 = IdeaResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[IdeaResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    idea_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateIdeaRequest,
    if_match: None | str | Unset = UNSET,
) -> Response[IdeaResponse | Problem]:
    """Update an idea.

     The team's lead and members, and admins. Absent fields stay; `null` clears.

    Args:
        idea_id (UUID):
        if_match (None | str | Unset):
        body (UpdateIdeaRequest): Changes to an idea: absent fields stay, `null` clears an
            optional one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdeaResponse | Problem]
    """

    kwargs = _get_kwargs(
        idea_id=idea_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    idea_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateIdeaRequest,
    if_match: None | str | Unset = UNSET,
) -> IdeaResponse | Problem | None:
    """Update an idea.

     The team's lead and members, and admins. Absent fields stay; `null` clears.

    Args:
        idea_id (UUID):
        if_match (None | str | Unset):
        body (UpdateIdeaRequest): Changes to an idea: absent fields stay, `null` clears an
            optional one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdeaResponse | Problem
    """

    return sync_detailed(
        idea_id=idea_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    idea_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateIdeaRequest,
    if_match: None | str | Unset = UNSET,
) -> Response[IdeaResponse | Problem]:
    """Update an idea.

     The team's lead and members, and admins. Absent fields stay; `null` clears.

    Args:
        idea_id (UUID):
        if_match (None | str | Unset):
        body (UpdateIdeaRequest): Changes to an idea: absent fields stay, `null` clears an
            optional one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdeaResponse | Problem]
    """

    kwargs = _get_kwargs(
        idea_id=idea_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    idea_id: UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateIdeaRequest,
    if_match: None | str | Unset = UNSET,
) -> IdeaResponse | Problem | None:
    """Update an idea.

     The team's lead and members, and admins. Absent fields stay; `null` clears.

    Args:
        idea_id (UUID):
        if_match (None | str | Unset):
        body (UpdateIdeaRequest): Changes to an idea: absent fields stay, `null` clears an
            optional one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdeaResponse | Problem
    """

    return (
        await asyncio_detailed(
            idea_id=idea_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
