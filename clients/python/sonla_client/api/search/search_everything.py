from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_search_hit_response import PageSearchHitResponse
from ...models.problem import Problem
from ...models.search_everything_sort import SearchEverythingSort
from ...models.search_kind import SearchKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    kind: SearchKind | Unset = UNSET,
    sort: SearchEverythingSort | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageSearchHitResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageSearchHitResponse.from_dict(response.json())

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
) -> Response[PageSearchHitResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: SearchKind | Unset = UNSET,
    sort: SearchEverythingSort | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[PageSearchHitResponse | Problem]:
    """Search everything.

     Ideas and organisations matching `q`, one list with each hit's kind, id, title, an excerpt
    and its link. A record appears only to the callers its own list shows it to: a private idea
    to its team and staff, a members-only one to signed-in users. `relevance` (the default)
    lists records with every word in the title first, then the others, each group newest
    first; `newest` lists them all newest first. Page with `cursor`.

    Args:
        q (str):
        kind (SearchKind | Unset): The kinds of record the search covers.
        sort (SearchEverythingSort | Unset): Orders of the search.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSearchHitResponse | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: SearchKind | Unset = UNSET,
    sort: SearchEverythingSort | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> PageSearchHitResponse | Problem | None:
    """Search everything.

     Ideas and organisations matching `q`, one list with each hit's kind, id, title, an excerpt
    and its link. A record appears only to the callers its own list shows it to: a private idea
    to its team and staff, a members-only one to signed-in users. `relevance` (the default)
    lists records with every word in the title first, then the others, each group newest
    first; `newest` lists them all newest first. Page with `cursor`.

    Args:
        q (str):
        kind (SearchKind | Unset): The kinds of record the search covers.
        sort (SearchEverythingSort | Unset): Orders of the search.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSearchHitResponse | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        kind=kind,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: SearchKind | Unset = UNSET,
    sort: SearchEverythingSort | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[PageSearchHitResponse | Problem]:
    """Search everything.

     Ideas and organisations matching `q`, one list with each hit's kind, id, title, an excerpt
    and its link. A record appears only to the callers its own list shows it to: a private idea
    to its team and staff, a members-only one to signed-in users. `relevance` (the default)
    lists records with every word in the title first, then the others, each group newest
    first; `newest` lists them all newest first. Page with `cursor`.

    Args:
        q (str):
        kind (SearchKind | Unset): The kinds of record the search covers.
        sort (SearchEverythingSort | Unset): Orders of the search.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSearchHitResponse | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: SearchKind | Unset = UNSET,
    sort: SearchEverythingSort | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> PageSearchHitResponse | Problem | None:
    """Search everything.

     Ideas and organisations matching `q`, one list with each hit's kind, id, title, an excerpt
    and its link. A record appears only to the callers its own list shows it to: a private idea
    to its team and staff, a members-only one to signed-in users. `relevance` (the default)
    lists records with every word in the title first, then the others, each group newest
    first; `newest` lists them all newest first. Page with `cursor`.

    Args:
        q (str):
        kind (SearchKind | Unset): The kinds of record the search covers.
        sort (SearchEverythingSort | Unset): Orders of the search.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSearchHitResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            kind=kind,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
