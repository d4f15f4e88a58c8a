from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_organizations_sort import ListOrganizationsSort
from ...models.organization_kind import OrganizationKind
from ...models.page_organization_response import PageOrganizationResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: OrganizationKind | Unset = UNSET,
    sort: ListOrganizationsSort | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["q"] = q

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/organizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrganizationResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrganizationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[PageOrganizationResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: OrganizationKind | Unset = UNSET,
    sort: ListOrganizationsSort | Unset = UNSET,
) -> Response[PageOrganizationResponse | Problem]:
    """List organisations.

     Public. Filter by `kind`, search with `q` (diacritics and case ignored), page with `cursor`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        kind (OrganizationKind | Unset): What kind of organisation it is.
        sort (ListOrganizationsSort | Unset): Orders of the organisation list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganizationResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: OrganizationKind | Unset = UNSET,
    sort: ListOrganizationsSort | Unset = UNSET,
) -> PageOrganizationResponse | Problem | None:
    """List organisations.

     Public. Filter by `kind`, search with `q` (diacritics and case ignored), page with `cursor`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        kind (OrganizationKind | Unset): What kind of organisation it is.
        sort (ListOrganizationsSort | Unset): Orders of the organisation list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganizationResponse | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: OrganizationKind | Unset = UNSET,
    sort: ListOrganizationsSort | Unset = UNSET,
) -> Response[PageOrganizationResponse | Problem]:
    """List organisations.

     Public. Filter by `kind`, search with `q` (diacritics and case ignored), page with `cursor`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        kind (OrganizationKind | Unset): What kind of organisation it is.
        sort (ListOrganizationsSort | Unset): Orders of the organisation list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganizationResponse | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        q=q,
        kind=kind,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    q: str | Unset = UNSET,
    kind: OrganizationKind | Unset = UNSET,
    sort: ListOrganizationsSort | Unset = UNSET,
) -> PageOrganizationResponse | Problem | None:
    """List organisations.

     Public. Filter by `kind`, search with `q` (diacritics and case ignored), page with `cursor`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        q (str | Unset):
        kind (OrganizationKind | Unset): What kind of organisation it is.
        sort (ListOrganizationsSort | Unset): Orders of the organisation list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganizationResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            q=q,
            kind=kind,
            sort=sort,
        )
    ).parsed
