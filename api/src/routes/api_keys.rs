//! `/api/v1/api-keys`: keys of machine clients, managed by admins.

use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, post};
use sonla_accounts::api::{ApiKeyResponse, CreateApiKeyRequest};
use sonla_accounts::api_keys;
use sonla_core::ApiKeyId;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta};
use crate::extract::{ValidJson, if_match};
use crate::problem::{
    ApiResult, AuthErrors, CreateErrors, DeleteErrors, PreconditionErrors, ReadErrors, ServerErrors,
};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create_api_key)
        .service(list_api_keys)
        .service(get_api_key)
        .service(revoke_api_key);
}

/// Create an API key.
///
/// Admins only; audited. The response holds the whole key, which is never shown again.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    request_body = CreateApiKeyRequest,
    responses((status = 201, body = ApiKeyResponse, headers(("Location" = sonla_core::UrlPath, description = "The new key's URL"))), CreateErrors, AuthErrors)
)]
#[post("")]
pub async fn create_api_key(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let (row, key) = api_keys::create_api_key(&state.db, actor, meta, body).await?;
    let location = format!("/api/v1/api-keys/{}", row.id);
    let response = ApiKeyResponse {
        key: Some(key),
        ..ApiKeyResponse::from(row)
    };
    Ok(HttpResponse::Created()
        .insert_header(("Location", location))
        .insert_header(("Cache-Control", "no-store"))
        .json(response))
}

/// List API keys.
///
/// Admins only. Secrets are never shown.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    responses((status = 200, body = sonla_accounts::api::ApiKeyList), ServerErrors, AuthErrors)
)]
#[get("")]
pub async fn list_api_keys(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
) -> ApiResult<HttpResponse> {
    let keys = api_keys::list_api_keys(&state.db, actor).await?;
    Ok(HttpResponse::Ok().json(
        keys.into_iter()
            .map(ApiKeyResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Get an API key.
///
/// Admins only. Its name, scopes, when it was last used and whether it is revoked; the
/// secret is shown only once, when the key is created.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    params(("api_key_id" = Uuid, Path, description = "The key's id")),
    responses((status = 200, body = ApiKeyResponse), ReadErrors, AuthErrors)
)]
#[get("/{api_key_id}")]
pub async fn get_api_key(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<ApiKeyId>,
) -> ApiResult<HttpResponse> {
    let key = api_keys::get_api_key(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ApiKeyResponse::from(key)))
}

/// Revoke an API key.
///
/// Admins only; audited. The key stops working at once.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    params(
        ("api_key_id" = Uuid, Path, description = "The key's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Revoke only if the key is unchanged: its `ETag` from `GET /api/v1/api-keys/{api_key_id}` (which changes when the key is used, as `last_used_at` does); 412 otherwise. `*` matches any version; without the header the revocation is unconditional.")
    ),
    responses((status = 204, description = "Revoked"), DeleteErrors, AuthErrors, PreconditionErrors)
)]
#[delete("/{api_key_id}")]
pub async fn revoke_api_key(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<ApiKeyId>,
) -> ApiResult<HttpResponse> {
    api_keys::revoke_api_key(&state.db, actor, meta, id.into_inner(), if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
