//! HTTP caching: `ETag` on every successful `GET`, `304 Not Modified` for a matching
//! `If-None-Match`, and `Cache-Control` that keeps private answers out of shared caches.
//!
//! The tag is a hash of the representation the caller receives (which can differ by caller),
//! so a client revalidates cheaply; an `ETag` set by a handler (a score sheet's version) wins.
//! A write that answers with the resource it changed or created tags its answer itself with
//! [`tagged`], the same hash, so the client can send it as `If-Match` in its next change.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, HttpResponseBuilder, body};
use serde::Serialize;
use sonla_core::{ErrorCode, Localized};

use crate::problem::{ApiError, request_lang};

/// What responses vary by; shared caches must key on all of it.
const VARY: &str = "Accept-Language, Authorization, X-API-Key";

fn etag_of(bytes: &[u8]) -> String {
    sonla_core::etag_of_bytes(bytes)
}

fn matches(if_none_match: &str, etag: &str) -> bool {
    sonla_core::etag_listed(if_none_match, etag)
}

/// A JSON answer to a write, with the `ETag` of `body`: the tag a `GET` (or list) of the same
/// representation gives, and the one `If-Match` compares with.
pub fn tagged<T: Serialize>(mut response: HttpResponseBuilder, body: &T) -> HttpResponse {
    response
        .insert_header((header::ETAG, sonla_core::etag_of(body)))
        .json(body)
}

/// The longest `If-Match` or `If-None-Match` accepted (as the OpenAPI document says).
const MAX_CONDITION_BYTES: usize = 1024;

/// Middleware: `Cache-Control`, `Vary`, `ETag` and `304`; an overlong condition is 400.
pub async fn conditional_get(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // A condition is a list of entity tags: visible ASCII (the spec's header pattern) and at
    // most MAX_CONDITION_BYTES. Anything else is 400 rather than a condition silently ignored.
    let unreadable = [header::IF_MATCH, header::IF_NONE_MATCH]
        .iter()
        .filter_map(|name| req.headers().get(name))
        .any(|v| v.len() > MAX_CONDITION_BYTES || v.to_str().is_err());
    if unreadable {
        let error = ApiError::new(ErrorCode::BadRequest).with_detail(Localized::new(
            format!(
                "If-Match và If-None-Match là danh sách thẻ ETag bằng ký tự ASCII, dài tối đa {MAX_CONDITION_BYTES} byte"
            ),
            format!(
                "If-Match and If-None-Match are lists of entity tags in ASCII, at most {MAX_CONDITION_BYTES} bytes"
            ),
        ));
        let response = error.to_response(request_lang(req.request()), Some(req.path()));
        return Ok(req.into_response(response));
    }
    let readable = matches!(*req.method(), Method::GET | Method::HEAD);
    let credentials = req.headers().contains_key(header::AUTHORIZATION)
        || req.headers().contains_key("x-api-key");
    let operational = req.path().starts_with("/health") || req.path() == "/metrics";
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut response = next.call(req).await?.map_into_boxed_body();

    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static(VARY));
    if !headers.contains_key(header::CACHE_CONTROL) {
        let policy = match (readable && !operational, credentials) {
            (false, _) => "no-store",
            (true, true) => "private, no-cache",
            (true, false) => "public, max-age=0, must-revalidate",
        };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    if !readable || !response.status().is_success() || operational {
        return Ok(response);
    }

    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    let etag = match head
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
    {
        Some(existing) => existing.to_owned(),
        None => etag_of(&bytes),
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        head.headers_mut().insert(header::ETAG, value);
    }
    if if_none_match
        .as_deref()
        .is_some_and(|inm| matches(inm, &etag))
    {
        let mut not_modified = HttpResponse::new(StatusCode::NOT_MODIFIED);
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(value) = head.headers().get(&name) {
                not_modified.headers_mut().insert(name, value.clone());
            }
        }
        return Ok(ServiceResponse::new(request, not_modified));
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(bytes)),
    ))
}

#[cfg(test)]
mod tests {
    use super::{etag_of, matches};

    #[test]
    fn weak_comparison_ignores_the_weak_prefix_and_lists() {
        let tag = etag_of(b"{}");
        assert!(tag.starts_with("W/\""));
        assert!(matches(&tag, &tag));
        assert!(matches(&tag.replace("W/", ""), &tag));
        assert!(matches(&format!("\"other\", {tag}"), &tag));
        assert!(matches("*", &tag));
        assert!(!matches("\"other\"", &tag));
    }
}
