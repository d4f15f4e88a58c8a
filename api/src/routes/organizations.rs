//! `/api/v1/organizations`: list, create, get, update, delete.
//!
//! Handlers decode, call one service function of `sonla_organizations`, and map the result.

use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post};
use sonla_core::{OrganizationId, Page, UserId};
use sonla_organizations::api::{
    AddMemberRequest, CreateOrganizationRequest, ListMembersQuery, ListOrganizationsQuery,
    MemberResponse, OrganizationResponse, UpdateMemberRequest, UpdateOrganizationRequest,
};
use sonla_organizations::service;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta};
use crate::caching::tagged;
use crate::extract::{ValidJson, ValidQuery, if_match};
use crate::problem::{
    ApiResult, AuthErrors, CreateErrors, DeleteErrors, ListErrors, PreconditionErrors, ReadErrors,
    UpdateErrors,
};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_organizations)
        .service(create_organization)
        .service(get_organization)
        .service(update_organization)
        .service(delete_organization)
        .service(list_members)
        .service(add_member)
        .service(update_member)
        .service(remove_member);
}

/// List organisations.
///
/// Public. Filter by `kind`, search with `q` (diacritics and case ignored), page with `cursor`.
#[utoipa::path(
    tag = "organizations",
    params(ListOrganizationsQuery),
    responses((status = 200, body = Page<OrganizationResponse>), ListErrors)
)]
#[get("")]
pub async fn list_organizations(
    state: Data<AppState>,
    ValidQuery(query): ValidQuery<ListOrganizationsQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list_organizations(&state.db, query).await?;
    Ok(HttpResponse::Ok().json(page.map(OrganizationResponse::from)))
}

/// Create an organisation.
///
/// Any logged-in person; they become its owner.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    request_body = CreateOrganizationRequest,
    responses(
        (status = 201, body = OrganizationResponse, headers(("Location" = sonla_core::UrlPath, description = "The new organisation's URL"))),
        CreateErrors,
        AuthErrors
    )
)]
#[post("")]
pub async fn create_organization(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<CreateOrganizationRequest>,
) -> ApiResult<HttpResponse> {
    let organization = service::create_organization(&state.db, actor, meta, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/organizations/{}", organization.id),
        ))
        .json(OrganizationResponse::from(organization)))
}

/// Get an organisation.
///
/// Public: its name, kind, contacts and links.
#[utoipa::path(
    tag = "organizations",
    params(("organization_id" = Uuid, Path, description = "The organisation's id")),
    responses((status = 200, body = OrganizationResponse), ReadErrors)
)]
#[get("/{organization_id}")]
pub async fn get_organization(
    state: Data<AppState>,
    id: Path<OrganizationId>,
) -> ApiResult<HttpResponse> {
    let organization = service::get_organization(&state.db, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(OrganizationResponse::from(organization)))
}

/// Update an organisation.
///
/// Its owners and managers, officers and admins. Fields left out stay as they are; `null`
/// clears an optional field.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(
        ("organization_id" = Uuid, Path, description = "The organisation's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the organisation is unchanged: its `ETag` from `GET` or from the answer of a `PATCH`; 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = UpdateOrganizationRequest,
    responses((status = 200, body = OrganizationResponse, headers(("ETag" = sonla_core::EntityTag, description = "The organisation's new tag, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[patch("/{organization_id}")]
pub async fn update_organization(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<OrganizationId>,
    ValidJson(body): ValidJson<UpdateOrganizationRequest>,
) -> ApiResult<HttpResponse> {
    let organization = service::update_organization(
        &state.db,
        actor,
        meta,
        id.into_inner(),
        body,
        if_match(&req),
    )
    .await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &OrganizationResponse::from(organization),
    ))
}

/// Delete an organisation.
///
/// Its owners and admins.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(
        ("organization_id" = Uuid, Path, description = "The organisation's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the organisation is unchanged: its `ETag` from `GET` or from the answer of a `PATCH`; 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors, AuthErrors, PreconditionErrors)
)]
#[delete("/{organization_id}")]
pub async fn delete_organization(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<OrganizationId>,
) -> ApiResult<HttpResponse> {
    service::delete_organization(&state.db, actor, meta, id.into_inner(), if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List an organisation's members.
///
/// Its members, officers and admins.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(("organization_id" = Uuid, Path, description = "The organisation's id"), ListMembersQuery),
    responses((status = 200, body = Page<MemberResponse>), ListErrors, ReadErrors, AuthErrors)
)]
#[get("/{organization_id}/members")]
pub async fn list_members(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<OrganizationId>,
    ValidQuery(query): ValidQuery<ListMembersQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list_members(&state.db, actor, id.into_inner(), query).await?;
    Ok(HttpResponse::Ok().json(page.map(MemberResponse::from)))
}

/// Add a member.
///
/// Owners and managers add members; only owners (and admins) add owners and managers. Audited.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(("organization_id" = Uuid, Path, description = "The organisation's id")),
    request_body = AddMemberRequest,
    responses((status = 201, body = MemberResponse, headers(("ETag" = sonla_core::EntityTag, description = "The member's tag, for `If-Match`"))), UpdateErrors, AuthErrors)
)]
#[post("/{organization_id}/members")]
pub async fn add_member(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<OrganizationId>,
    ValidJson(body): ValidJson<AddMemberRequest>,
) -> ApiResult<HttpResponse> {
    let member = service::add_member(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(tagged(
        HttpResponse::Created(),
        &MemberResponse::from(member),
    ))
}

/// Change a member's role.
///
/// Owners and admins. An organisation always keeps an owner. Audited.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(
        ("organization_id" = Uuid, Path, description = "The organisation's id"),
        ("user_id" = Uuid, Path, description = "The member's user id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the member is unchanged: the `ETag` of the answer that added or last changed them, or the tag of the member as `GET …/members` lists it (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = UpdateMemberRequest,
    responses((status = 200, body = MemberResponse, headers(("ETag" = sonla_core::EntityTag, description = "The member's tag, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[patch("/{organization_id}/members/{user_id}")]
pub async fn update_member(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(OrganizationId, UserId)>,
    ValidJson(body): ValidJson<UpdateMemberRequest>,
) -> ApiResult<HttpResponse> {
    let (id, user_id) = path.into_inner();
    let member =
        service::update_member(&state.db, actor, meta, id, user_id, body, if_match(&req)).await?;
    Ok(tagged(HttpResponse::Ok(), &MemberResponse::from(member)))
}

/// Remove a member.
///
/// Anyone may leave; managers remove members; owners remove anyone. The last owner stays.
/// Audited.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(
        ("organization_id" = Uuid, Path, description = "The organisation's id"),
        ("user_id" = Uuid, Path, description = "The member's user id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the member is unchanged: the `ETag` of the answer that added or last changed them, or the tag of the member as `GET …/members` lists it (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    responses((status = 204, description = "Removed"), DeleteErrors, AuthErrors, PreconditionErrors, (status = 409, description = "The last owner", body = crate::problem::Problem, content_type = "application/problem+json"))
)]
#[delete("/{organization_id}/members/{user_id}")]
pub async fn remove_member(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(OrganizationId, UserId)>,
) -> ApiResult<HttpResponse> {
    let (id, user_id) = path.into_inner();
    service::remove_member(&state.db, actor, meta, id, user_id, if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
