//! `/api/v1/organizations`: list, create, get, update, delete.
//!
//! Handlers decode, call one service function of `sonla_organizations`, and map the result.

use actix_web::web::{Data, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use sonla_core::Page;
use sonla_organizations::api::{
    CreateOrganizationRequest, ListOrganizationsQuery, OrganizationResponse,
    UpdateOrganizationRequest,
};
use sonla_organizations::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::AppState;
use crate::extract::{ValidJson, ValidQuery};
use crate::problem::{ApiResult, CreateErrors, DeleteErrors, ListErrors, ReadErrors, UpdateErrors};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_organizations)
        .service(create_organization)
        .service(get_organization)
        .service(update_organization)
        .service(delete_organization);
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
#[utoipa::path(
    tag = "organizations",
    request_body = CreateOrganizationRequest,
    responses(
        (status = 201, body = OrganizationResponse, headers(("Location" = String, description = "The new organisation's URL"))),
        CreateErrors
    )
)]
#[post("")]
pub async fn create_organization(
    state: Data<AppState>,
    ValidJson(body): ValidJson<CreateOrganizationRequest>,
) -> ApiResult<HttpResponse> {
    let organization = service::create_organization(&state.db, None, body).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/organizations/{}", organization.id),
        ))
        .json(OrganizationResponse::from(organization)))
}

/// Get an organisation.
#[utoipa::path(
    tag = "organizations",
    params(("organization_id" = Uuid, Path, description = "The organisation's id")),
    responses((status = 200, body = OrganizationResponse), ReadErrors)
)]
#[get("/{organization_id}")]
pub async fn get_organization(state: Data<AppState>, id: Path<Uuid>) -> ApiResult<HttpResponse> {
    let organization = service::get_organization(&state.db, id.to_string()).await?;
    Ok(HttpResponse::Ok().json(OrganizationResponse::from(organization)))
}

/// Update an organisation.
///
/// Fields left out stay as they are; `null` clears an optional field.
#[utoipa::path(
    tag = "organizations",
    params(("organization_id" = Uuid, Path, description = "The organisation's id")),
    request_body = UpdateOrganizationRequest,
    responses((status = 200, body = OrganizationResponse), UpdateErrors)
)]
#[patch("/{organization_id}")]
pub async fn update_organization(
    state: Data<AppState>,
    id: Path<Uuid>,
    ValidJson(body): ValidJson<UpdateOrganizationRequest>,
) -> ApiResult<HttpResponse> {
    let organization = service::update_organization(&state.db, id.to_string(), body).await?;
    Ok(HttpResponse::Ok().json(OrganizationResponse::from(organization)))
}

/// Delete an organisation.
#[utoipa::path(
    tag = "organizations",
    params(("organization_id" = Uuid, Path, description = "The organisation's id")),
    responses((status = 204, description = "Deleted"), DeleteErrors)
)]
#[delete("/{organization_id}")]
pub async fn delete_organization(state: Data<AppState>, id: Path<Uuid>) -> ApiResult<HttpResponse> {
    service::delete_organization(&state.db, id.to_string()).await?;
    Ok(HttpResponse::NoContent().finish())
}
