//! `/api/v1/me`: the caller's own account.

use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse, get, patch, post};
use sonla_accounts::api::{ChangePasswordRequest, UpdateMeRequest, UserResponse};
use sonla_accounts::service;
use sonla_core::Page;
use sonla_core::page::PageQuery;
use sonla_ideas::api::{IdeaListItem, ListIdeasQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta};
use crate::caching::tagged;
use crate::extract::{ValidJson, ValidQuery, if_match};
use crate::problem::{
    ApiResult, AuthErrors, ListErrors, PreconditionErrors, ReadErrors, UpdateErrors,
};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_me)
        .service(update_me)
        .service(change_password)
        .service(my_ideas)
        .service(my_assignments);
}

/// List my judging assignments, a page at a time.
///
/// Each with the entry to score and the round's criteria; in blind rounds the team, its
/// members and the organisation are left out.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<sonla_competitions::api::MyAssignmentResponse>), ListErrors, AuthErrors)
)]
#[get("/assignments")]
pub async fn my_assignments(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page =
        sonla_competitions::service::my_assignments(&state.db, actor, query.limit, query.cursor)
            .await?;
    Ok(HttpResponse::Ok().json(page.map(sonla_competitions::api::MyAssignmentResponse::from)))
}

/// List my ideas.
///
/// Ideas whose team I am in, in any role and any status; the same filters and orders as the
/// idea list.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    params(ListIdeasQuery),
    responses((status = 200, body = Page<IdeaListItem>), ListErrors, AuthErrors)
)]
#[get("/ideas")]
pub async fn my_ideas(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    ValidQuery(query): ValidQuery<ListIdeasQuery>,
) -> ApiResult<HttpResponse> {
    let page = sonla_ideas::service::my_ideas(&state.db, actor, query).await?;
    Ok(HttpResponse::Ok().json(page.map(IdeaListItem::from)))
}

/// Get my account.
///
/// The caller's own profile with its global roles; the `ETag` is for `If-Match` on a change.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    responses((status = 200, body = UserResponse), ReadErrors, AuthErrors)
)]
#[get("")]
pub async fn get_me(state: Data<AppState>, AuthUser(actor): AuthUser) -> ApiResult<HttpResponse> {
    let (user, roles) = service::get_me(&state.db, actor).await?;
    Ok(HttpResponse::Ok().json(UserResponse::new(user, roles)))
}

/// Update my profile.
///
/// Fields left out stay as they are; `null` clears the phone number.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    params(
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the account is unchanged: the `ETag` of `GET /api/v1/me` or of the answer of a `PATCH`; 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = UpdateMeRequest,
    responses((status = 200, body = UserResponse, headers(("ETag" = sonla_core::EntityTag, description = "The account's new tag, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[patch("")]
pub async fn update_me(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<UpdateMeRequest>,
) -> ApiResult<HttpResponse> {
    let (user, roles) = service::update_me(&state.db, actor, body, if_match(&req)).await?;
    Ok(tagged(HttpResponse::Ok(), &UserResponse::new(user, roles)))
}

/// Change my password.
///
/// Ends every other session of mine; this one stays logged in.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    request_body = ChangePasswordRequest,
    responses((status = 204, description = "Changed"), UpdateErrors, AuthErrors)
)]
#[post("/password")]
pub async fn change_password(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    service::change_password(&state.db, actor, meta, body).await?;
    Ok(HttpResponse::NoContent().finish())
}
