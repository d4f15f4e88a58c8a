//! `/api/v1/users`: people, for officers and admins, and their global roles.

use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, post};
use sonla_accounts::api::{GrantRoleRequest, ListUsersQuery, UserResponse};
use sonla_accounts::service;
use sonla_core::UserId;
use sonla_core::{Page, Role};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta};
use crate::extract::{ValidJson, ValidQuery, if_match};
use crate::problem::{
    ApiResult, AuthErrors, DeleteErrors, ListErrors, PreconditionErrors, ReadErrors, UpdateErrors,
};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_users)
        .service(get_user)
        .service(grant_role)
        .service(revoke_role);
}

/// List and search users.
///
/// Officers and admins. `q` matches words of the name or email, ignoring diacritics.
#[utoipa::path(
    tag = "users",
    security(("bearer_jwt" = [])),
    params(ListUsersQuery),
    responses((status = 200, body = Page<UserResponse>), ListErrors, AuthErrors)
)]
#[get("")]
pub async fn list_users(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    ValidQuery(query): ValidQuery<ListUsersQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list_users(&state.db, actor, query).await?;
    Ok(HttpResponse::Ok().json(page.map(|(user, roles)| UserResponse::new(user, roles))))
}

/// Get a user.
///
/// Officers, admins, and the user themself.
#[utoipa::path(
    tag = "users",
    security(("bearer_jwt" = [])),
    params(("user_id" = Uuid, Path, description = "The user's id")),
    responses((status = 200, body = UserResponse), ReadErrors, AuthErrors)
)]
#[get("/{user_id}")]
pub async fn get_user(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<UserId>,
) -> ApiResult<HttpResponse> {
    let (user, roles) = service::get_user(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(UserResponse::new(user, roles)))
}

/// Grant a global role.
///
/// Admins only; audited. Takes effect from the user's next access token.
#[utoipa::path(
    tag = "users",
    security(("bearer_jwt" = [])),
    params(("user_id" = Uuid, Path, description = "The user's id")),
    request_body = GrantRoleRequest,
    responses((status = 200, body = UserResponse), UpdateErrors, AuthErrors)
)]
#[post("/{user_id}/roles")]
pub async fn grant_role(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<UserId>,
    ValidJson(body): ValidJson<GrantRoleRequest>,
) -> ApiResult<HttpResponse> {
    let (user, roles) =
        service::grant_role(&state.db, actor, meta, id.into_inner(), body.role).await?;
    Ok(HttpResponse::Ok().json(UserResponse::new(user, roles)))
}

/// Revoke a global role.
///
/// Admins only; audited. `member` cannot be revoked, nor the last `admin`.
#[utoipa::path(
    tag = "users",
    security(("bearer_jwt" = [])),
    params(
        ("user_id" = Uuid, Path, description = "The user's id"),
        ("role" = Role, Path, description = "The role to revoke"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "A held role has no representation of its own, so only `*` (\"the role is held\") can hold: the revocation then goes ahead only while the user holds the role, and is 412 once they do not. Any other value is 412. Without the header, revoking a role not held is a no-op (204).")
    ),
    responses((status = 204, description = "Revoked"), DeleteErrors, AuthErrors, PreconditionErrors, (status = 409, description = "`member`, or the last admin", body = crate::problem::Problem, content_type = "application/problem+json"))
)]
#[delete("/{user_id}/roles/{role}")]
pub async fn revoke_role(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(UserId, Role)>,
) -> ApiResult<HttpResponse> {
    let (id, role) = path.into_inner();
    service::revoke_role(&state.db, actor, meta, id, role, if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
