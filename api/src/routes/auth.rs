//! `/api/v1/auth`: register, login, refresh, logout.

use actix_web::web::Data;
use actix_web::{HttpResponse, get, post};
use serde::Serialize;
use sonla_accounts::api::{
    LoginRequest, RefreshRequest, RegisterRequest, TokenResponse, UserResponse,
};
use sonla_accounts::service::{self, Session};
use sonla_core::{Principal, Role};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{Caller, Meta};
use crate::extract::ValidJson;
use crate::problem::{ApiResult, AuthErrors, CreateErrors, LoginErrors, ServerErrors};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(register)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(whoami);
}

sonla_core::string_enum! {
    /// What a credential belongs to.
    pub enum CredentialKind {
        /// A person (an access token).
        User => "user",
        /// A machine client (an API key).
        ApiKey => "api_key",
    }
}

/// Who a credential belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct WhoAmI {
    /// A person's or a machine client's.
    pub kind: CredentialKind,
    /// The user's or the key's id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Global roles (people).
    #[schema(max_items = 6)]
    pub roles: Vec<Role>,
    /// Scopes (API keys).
    #[schema(max_items = 3, value_type = Vec<sonla_accounts::api::Scope>)]
    pub scopes: Vec<String>,
}

/// Tell who the credentials belong to.
///
/// Accepts an access token or an API key, both as `Authorization: Bearer …`; useful to check
/// a partner app's set-up.
#[utoipa::path(
    tag = "auth",
    security(("bearer_jwt" = [])),
    responses((status = 200, body = WhoAmI), AuthErrors, ServerErrors)
)]
#[get("/whoami")]
pub async fn whoami(Caller(principal): Caller) -> HttpResponse {
    let body = match principal {
        Principal::User(actor) => WhoAmI {
            kind: CredentialKind::User,
            id: actor.user_id.into(),
            roles: actor.roles,
            scopes: Vec::new(),
        },
        Principal::ApiKey { key_id, scopes } => WhoAmI {
            kind: CredentialKind::ApiKey,
            id: key_id.into(),
            roles: Vec::new(),
            scopes,
        },
    };
    HttpResponse::Ok().json(body)
}

fn tokens(state: &AppState, session: Session) -> ApiResult<HttpResponse> {
    let (access_token, expires_in) = state.jwt.issue(
        session.user.id.as_str(),
        &session.roles,
        &session.session_id,
    )?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".to_owned(),
            expires_in,
            refresh_token: session.refresh_token,
            refresh_expires_in: session.refresh_expires_in,
        }))
}

/// Register an account.
///
/// Emails are trimmed, lower-cased and unique. Passwords need at least 10 characters and may
/// not be on the list of common passwords. The new account has the `member` role.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses((status = 201, body = UserResponse, headers(("Location" = sonla_core::UrlPath, description = "The new account's URL"))), CreateErrors)
)]
#[post("/register")]
pub async fn register(
    state: Data<AppState>,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    let (user, roles) = service::register(&state.db, meta, body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", user.id)))
        .json(UserResponse::new(user, roles)))
}

/// Log in with email and password.
///
/// Returns a 15-minute access token and a single-use refresh token. A wrong email and a wrong
/// password get the same answer in the same time. Repeated failures for one account or from
/// one address get 429 with `Retry-After`.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses((status = 200, body = TokenResponse), LoginErrors))]
#[post("/login")]
pub async fn login(
    state: Data<AppState>,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let session = service::login(&state.db, &state.sessions, meta, body).await?;
    tokens(&state, session)
}

/// Exchange a refresh token for new tokens.
///
/// Each refresh token works once and is replaced by the one returned. Presenting a spent token
/// revokes the whole session: it was copied.
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 200, body = TokenResponse), LoginErrors))]
#[post("/refresh")]
pub async fn refresh(
    state: Data<AppState>,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let session = service::refresh(&state.db, &state.sessions, meta, &body.refresh_token).await?;
    tokens(&state, session)
}

/// Log out: end the session of a refresh token.
///
/// Always 204, whether or not the token was known. Access tokens already issued stay valid
/// until they expire (15 minutes by default).
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 204, description = "Logged out"), CreateErrors))]
#[post("/logout")]
pub async fn logout(
    state: Data<AppState>,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    service::logout(&state.db, meta, &body.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}
