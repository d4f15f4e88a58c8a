import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.count_ideas_sort import CountIdeasSort
from ...models.count_response import CountResponse
from ...models.idea_status import IdeaStatus
from ...models.problem import Problem
from ...models.sector import Sector
from ...models.stage import Stage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    status: IdeaStatus | Unset = UNSET,
    locality: str | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    priority: int | Unset = UNSET,
    shortlisted: bool | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    updated_from: datetime.datetime | Unset = UNSET,
    updated_to: datetime.datetime | Unset = UNSET,
    sort: CountIdeasSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["q"] = q

    json_sector: str | Unset = UNSET
    if not isinstance(sector, Unset):
        json_sector = sector.value

    params["sector"] = json_sector

    json_stage: str | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = stage.value

    params["stage"] = json_stage

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["locality"] = locality

    params["organization_id"] = organization_id

    params["priority"] = priority

    params["shortlisted"] = shortlisted

    json_created_from: str | Unset = UNSET
    if not isinstance(created_from, Unset):
        json_created_from = created_from.isoformat()
    params["created_from"] = json_created_from

    json_created_to: str | Unset = UNSET
    if not isinstance(created_to, Unset):
        json_created_to = created_to.isoformat()
    params["created_to"] = json_created_to

    json_updated_from: str | Unset = UNSET
    if not isinstance(updated_from, Unset):
        json_updated_from = updated_from.isoformat()
    params["updated_from"] = json_updated_from

    json_updated_to: str | Unset = UNSET
    if not isinstance(updated_to, Unset):
        json_updated_to = updated_to.isoformat()
    params["updated_to"] = json_updated_to

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ideas/count",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CountResponse | Problem | None:
    if response.status_code == 200:
        response_200 = CountResponse.from_dict(response.json())

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
) -> Response[CountResponse | Problem]:
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
    q: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    status: IdeaStatus | Unset = UNSET,
    locality: str | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    priority: int | Unset = UNSET,
    shortlisted: bool | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    updated_from: datetime.datetime | Unset = UNSET,
    updated_to: datetime.datetime | Unset = UNSET,
    sort: CountIdeasSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[CountResponse | Problem]:
    """Count ideas.

     The number of ideas the caller may see that match the same filters and search as the list,
    counted up to 10,000; above that the answer is 10,000 with `capped: true`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        sector (Sector | Unset): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage | Unset): How far the project has come.
        status (IdeaStatus | Unset): Where an idea stands in the selection workflow.
        locality (str | Unset):
        organization_id (str | Unset):
        priority (int | Unset):
        shortlisted (bool | Unset):
        created_from (datetime.datetime | Unset):
        created_to (datetime.datetime | Unset):
        updated_from (datetime.datetime | Unset):
        updated_to (datetime.datetime | Unset):
        sort (CountIdeasSort | Unset): Orders of the idea list.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        sector=sector,
        stage=stage,
        status=status,
        locality=locality,
        organization_id=organization_id,
        priority=priority,
        shortlisted=shortlisted,
        created_from=created_from,
        created_to=created_to,
        updated_from=updated_from,
        updated_to=updated_to,
        sort=sort,
        updated_since=updated_since,
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
    q: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    status: IdeaStatus | Unset = UNSET,
    locality: str | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    priority: int | Unset = UNSET,
    shortlisted: bool | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    updated_from: datetime.datetime | Unset = UNSET,
    updated_to: datetime.datetime | Unset = UNSET,
    sort: CountIdeasSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> CountResponse | Problem | None:
    """Count ideas.

     The number of ideas the caller may see that match the same filters and search as the list,
    counted up to 10,000; above that the answer is 10,000 with `capped: true`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        sector (Sector | Unset): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage | Unset): How far the project has come.
        status (IdeaStatus | Unset): Where an idea stands in the selection workflow.
        locality (str | Unset):
        organization_id (str | Unset):
        priority (int | Unset):
        shortlisted (bool | Unset):
        created_from (datetime.datetime | Unset):
        created_to (datetime.datetime | Unset):
        updated_from (datetime.datetime | Unset):
        updated_to (datetime.datetime | Unset):
        sort (CountIdeasSort | Unset): Orders of the idea list.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountResponse | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        q=q,
        sector=sector,
        stage=stage,
        status=status,
        locality=locality,
        organization_id=organization_id,
        priority=priority,
        shortlisted=shortlisted,
        created_from=created_from,
        created_to=created_to,
        updated_from=updated_from,
        updated_to=updated_to,
        sort=sort,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    status: IdeaStatus | Unset = UNSET,
    locality: str | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    priority: int | Unset = UNSET,
    shortlisted: bool | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    updated_from: datetime.datetime | Unset = UNSET,
    updated_to: datetime.datetime | Unset = UNSET,
    sort: CountIdeasSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[CountResponse | Problem]:
    """Count ideas.

     The number of ideas the caller may see that match the same filters and search as the list,
    counted up to 10,000; above that the answer is 10,000 with `capped: true`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        sector (Sector | Unset): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage | Unset): How far the project has come.
        status (IdeaStatus | Unset): Where an idea stands in the selection workflow.
        locality (str | Unset):
        organization_id (str | Unset):
        priority (int | Unset):
        shortlisted (bool | Unset):
        created_from (datetime.datetime | Unset):
        created_to (datetime.datetime | Unset):
        updated_from (datetime.datetime | Unset):
        updated_to (datetime.datetime | Unset):
        sort (CountIdeasSort | Unset): Orders of the idea list.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        sector=sector,
        stage=stage,
        status=status,
        locality=locality,
        organization_id=organization_id,
        priority=priority,
        shortlisted=shortlisted,
        created_from=created_from,
        created_to=created_to,
        updated_from=updated_from,
        updated_to=updated_to,
        sort=sort,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    sector: Sector | Unset = UNSET,
    stage: Stage | Unset = UNSET,
    status: IdeaStatus | Unset = UNSET,
    locality: str | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    priority: int | Unset = UNSET,
    shortlisted: bool | Unset = UNSET,
    created_from: datetime.datetime | Unset = UNSET,
    created_to: datetime.datetime | Unset = UNSET,
    updated_from: datetime.datetime | Unset = UNSET,
    updated_to: datetime.datetime | Unset = UNSET,
    sort: CountIdeasSort | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> CountResponse | Problem | None:
    """Count ideas.

     The number of ideas the caller may see that match the same filters and search as the list,
    counted up to 10,000; above that the answer is 10,000 with `capped: true`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        sector (Sector | Unset): The plan's sectors (`GET /api/v1/reference/sectors` names them).
        stage (Stage | Unset): How far the project has come.
        status (IdeaStatus | Unset): Where an idea stands in the selection workflow.
        locality (str | Unset):
        organization_id (str | Unset):
        priority (int | Unset):
        shortlisted (bool | Unset):
        created_from (datetime.datetime | Unset):
        created_to (datetime.datetime | Unset):
        updated_from (datetime.datetime | Unset):
        updated_to (datetime.datetime | Unset):
        sort (CountIdeasSort | Unset): Orders of the idea list.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            q=q,
            sector=sector,
            stage=stage,
            status=status,
            locality=locality,
            organization_id=organization_id,
            priority=priority,
            shortlisted=shortlisted,
            created_from=created_from,
            created_to=created_to,
            updated_from=updated_from,
            updated_to=updated_to,
            sort=sort,
            updated_since=updated_since,
        )
    ).parsed
