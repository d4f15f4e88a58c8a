import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit_entry_response import PageAuditEntryResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["actor_id"] = actor_id

    params["action"] = action

    params["record_type"] = record_type

    params["record_id"] = record_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEntryResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEntryResponse.from_dict(response.json())

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
) -> Response[PageAuditEntryResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[PageAuditEntryResponse | Problem]:
    """List audit events, newest first.

     Admins only. Filter by actor, action, record and time range.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        record_type (str | Unset):
        record_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntryResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        action=action,
        record_type=record_type,
        record_id=record_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> PageAuditEntryResponse | Problem | None:
    """List audit events, newest first.

     Admins only. Filter by actor, action, record and time range.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        record_type (str | Unset):
        record_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntryResponse | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        action=action,
        record_type=record_type,
        record_id=record_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[PageAuditEntryResponse | Problem]:
    """List audit events, newest first.

     Admins only. Filter by actor, action, record and time range.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        record_type (str | Unset):
        record_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntryResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        action=action,
        record_type=record_type,
        record_id=record_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> PageAuditEntryResponse | Problem | None:
    """List audit events, newest first.

     Admins only. Filter by actor, action, record and time range.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        record_type (str | Unset):
        record_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntryResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            actor_id=actor_id,
            action=action,
            record_type=record_type,
            record_id=record_id,
            from_=from_,
            to=to,
        )
    ).parsed
