//! `Idempotency-Key` on `POST`: a retried request gets the first response instead of acting
//! twice (for 24 hours, per key and caller). The same key with another body is 422; a retry
//! while the first is still running is 409. Server errors, 401 and 403 are not kept (nothing
//! was done), so a retry after them acts again.
//!
//! The caller is the authenticated person or API key (so a retry with a refreshed token
//! replays too); a request without credentials is keyed by its client address where the
//! operation takes none (registering), and goes straight to its handler, which answers 401,
//! where it needs them, as does one with invalid credentials. Operations whose
//! answers carry secrets ([`WITHOUT_IDEMPOTENCY`]) ignore the header: their answers are never
//! stored.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{HttpResponse, body};
use sha2::{Digest, Sha256};
use sonla_core::{ErrorCode, Localized};
use sonla_db::idempotency::{self, Claim};

use crate::AppState;
use crate::extract::BodyLimit;
use crate::problem::{ApiError, request_lang};
use crate::route_table::RouteTable;

const HEADER: &str = "idempotency-key";

/// `POST`s whose answers hold tokens or a new API key, which must not be stored: they ignore
/// `Idempotency-Key` (and the OpenAPI document does not offer it).
pub const WITHOUT_IDEMPOTENCY: [&str; 4] = [
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/auth/logout",
    "/api/v1/api-keys",
];

fn problem(req: &ServiceRequest, error: &ApiError) -> HttpResponse {
    error.to_response(request_lang(req.request()), Some(req.path()))
}

/// The stored response again, or 409 while the first request still runs.
fn replay(req: ServiceRequest, stored: idempotency::Stored) -> ServiceResponse<BoxBody> {
    let status = stored
        .status
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok());
    let Some(status) = status else {
        let response = problem(&req, &ApiError::new(ErrorCode::IdempotencyInProgress));
        return req.into_response(response);
    };
    let mut response = HttpResponse::build(status);
    if let Some(content_type) = stored.content_type {
        response.insert_header((header::CONTENT_TYPE, content_type));
    }
    if let Some(location) = stored.location {
        response.insert_header((header::LOCATION, location));
    }
    response.insert_header((
        HeaderName::from_static("idempotent-replayed"),
        HeaderValue::from_static("true"),
    ));
    let response = response.body(stored.body.unwrap_or_default());
    req.into_response(response)
}

/// Keeps the response of a claimed key (or releases the key after a server error).
async fn remember(
    state: &AppState,
    caller: String,
    key: String,
    response: ServiceResponse<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let status = response.status();
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    let text = |name: HeaderName| {
        head.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, location) = (text(header::CONTENT_TYPE), text(header::LOCATION));
    let stored_body = bytes.to_vec();
    let outcome = state
        .db
        .run(move |conn| {
            // Nothing was done: a server error, or a caller who may not act (its next try
            // with credentials must act, not replay the refusal).
            if status.is_server_error()
                || matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
            {
                idempotency::release(conn, &caller, &key)
            } else {
                let code = i32::from(status.as_u16());
                idempotency::store(
                    conn,
                    &caller,
                    &key,
                    code,
                    content_type.as_deref(),
                    location.as_deref(),
                    &stored_body,
                )
            }
        })
        .await;
    if let Err(error) = outcome {
        tracing::error!(%error, "cannot remember an idempotent response");
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(bytes)),
    ))
}

/// Middleware; see the module documentation.
pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = req
        .headers()
        .get(HEADER)
        .map(|v| v.to_str().map(str::to_owned));
    let (Method::POST, Some(key)) = (req.method().clone(), key) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if WITHOUT_IDEMPOTENCY.contains(&req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let Some(state) = req.app_data::<Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let caller = match crate::auth::principal_key(req.request()).await {
        Ok(Some(principal)) => principal,
        // No credentials where they are needed: the handler answers 401 first, whatever
        // the key was used for before.
        Ok(None)
            if req.app_data::<Data<RouteTable>>().is_some_and(|table| {
                table.needs_credentials(req.method().as_str(), req.path())
            }) =>
        {
            return Ok(next.call(req).await?.map_into_boxed_body());
        }
        Ok(None) => crate::ratelimit::caller_key(&req, state.trust_forwarded_for),
        // The handler answers 401 (or 403); nothing is claimed.
        Err(_) => return Ok(next.call(req).await?.map_into_boxed_body()),
    };
    let key = match key {
        Ok(key) if (1..=255).contains(&key.len()) => key,
        _ => {
            let error =
                ApiError::new(ErrorCode::InvalidIdempotencyKey).with_detail(Localized::new(
                    "Idempotency-Key gồm 1 đến 255 ký tự ASCII",
                    "An Idempotency-Key has 1 to 255 ASCII characters",
                ));
            let response = problem(&req, &error);
            return Ok(req.into_response(response));
        }
    };
    // The body is read here to fingerprint the request, then handed back to the handler.
    let limit = req.app_data::<BodyLimit>().map_or(1024 * 1024, |l| l.0);
    let body = match req.extract::<Bytes>().await {
        Ok(bytes) if bytes.len() <= limit => bytes,
        _ => {
            let response = problem(&req, &ApiError::new(ErrorCode::PayloadTooLarge));
            return Ok(req.into_response(response));
        }
    };
    req.set_payload(Payload::from(body.clone()));
    let mut hasher = Sha256::new();
    hasher.update(req.path().as_bytes());
    hasher.update([0]);
    hasher.update(&body);
    let request_hash = sonla_core::hex(&hasher.finalize());

    let (claim_caller, claim_key, claim_hash) = (caller.clone(), key.clone(), request_hash.clone());
    let claim = state
        .db
        .run(move |conn| {
            idempotency::claim(
                conn,
                &claim_caller,
                &claim_key,
                &claim_hash,
                sonla_db::now(),
            )
        })
        .await
        .map_err(ApiError::from)?;
    match claim {
        Claim::Seen(stored) if stored.request_hash != request_hash => {
            let response = problem(&req, &ApiError::new(ErrorCode::IdempotencyKeyReused));
            Ok(req.into_response(response))
        }
        Claim::Seen(stored) => Ok(replay(req, stored)),
        Claim::Claimed => {
            let response = next.call(req).await?.map_into_boxed_body();
            remember(&state, caller, key, response).await
        }
    }
}
