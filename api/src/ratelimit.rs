//! Rate limits per caller (access token, API key, or client address) with the `governor`
//! crate: one quota for every request and a stricter one for `/api/v1/auth`. Every answer
//! carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (IETF draft
//! `ratelimit-headers`) for the tightest quota; a refused request is 429 `rate_limited` with
//! `Retry-After`.
//!
//! Limits live in each server's memory: behind a load balancer each instance applies them
//! on its own, which bounds a caller to the quota times the number of instances.

use std::num::NonZeroU32;
use std::sync::Arc;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Data;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota as GovernorQuota, RateLimiter};
use sha2::{Digest, Sha256};
use sonla_core::ErrorCode;

use crate::problem::{ApiError, request_lang};

/// A quota: requests per minute with a burst.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    /// Requests per minute, sustained.
    pub per_minute: u32,
    /// Requests allowed at once.
    pub burst: u32,
}

type Keyed =
    RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

/// The limiters of one server, shared by its workers.
pub struct Limiters {
    everything: Keyed,
    auth: Keyed,
    trust_forwarded_for: bool,
}

fn keyed(quota: Quota) -> Keyed {
    let per_minute = NonZeroU32::new(quota.per_minute).unwrap_or(NonZeroU32::MIN);
    let burst = NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(GovernorQuota::per_minute(per_minute).allow_burst(burst))
        .with_middleware::<StateInformationMiddleware>()
}

impl Limiters {
    /// Limiters for the two quotas.
    #[must_use]
    pub fn new(everything: Quota, auth: Quota, trust_forwarded_for: bool) -> Arc<Self> {
        Arc::new(Self {
            everything: keyed(everything),
            auth: keyed(auth),
            trust_forwarded_for,
        })
    }
}

/// The caller's key: a hash of the credential it carries, else its client address. Rate
/// limits and idempotency keys are kept per caller.
#[must_use]
pub fn caller_key(req: &ServiceRequest, trust_forwarded_for: bool) -> String {
    for name in ["authorization", "x-api-key"] {
        if let Some(value) = req.headers().get(name) {
            return format!(
                "{name}:{}",
                sonla_core::hex(&Sha256::digest(value.as_bytes())[..16])
            );
        }
    }
    let info = req.connection_info();
    let address = if trust_forwarded_for {
        info.realip_remote_addr()
    } else {
        info.peer_addr()
    };
    let address = address.map(|a| {
        a.parse::<std::net::SocketAddr>()
            .map_or_else(|_| a.to_owned(), |s| s.ip().to_string())
    });
    format!("address:{}", address.unwrap_or_default())
}

/// Middleware: applies the quotas and reports them.
pub async fn limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    let Some(limiters) = req.app_data::<Data<Limiters>>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let key = caller_key(&req, limiters.trust_forwarded_for);
    let mut checks = vec![&limiters.everything];
    if req.path().starts_with("/api/v1/auth") {
        checks.push(&limiters.auth);
    }
    let mut report = None;
    for limiter in checks {
        match limiter.check_key(&key) {
            Ok(state) => {
                let quota = state.quota();
                let (limit, remaining) =
                    (quota.burst_size().get(), state.remaining_burst_capacity());
                // Seconds until the whole burst is available again.
                let reset = (quota.replenish_interval() * (limit - remaining))
                    .as_millis()
                    .div_ceil(1000);
                let reset = u64::try_from(reset).unwrap_or(u64::MAX);
                // Report the tightest quota.
                if report.is_none_or(|(_, r, _)| remaining < r) {
                    report = Some((limit, remaining, reset));
                }
            }
            Err(refused) => {
                let wait = refused
                    .wait_time_from(DefaultClock::default().now())
                    .as_secs()
                    .max(1);
                let lang = request_lang(req.request());
                let path = req.path().to_owned();
                let mut response = ApiError::new(ErrorCode::RateLimited)
                    .with_retry_after(wait)
                    .to_response(lang, Some(&path));
                let headers = response.headers_mut();
                headers.insert(
                    HeaderName::from_static("ratelimit-limit"),
                    HeaderValue::from(refused.quota().burst_size().get()),
                );
                headers.insert(
                    HeaderName::from_static("ratelimit-remaining"),
                    HeaderValue::from(0),
                );
                headers.insert(
                    HeaderName::from_static("ratelimit-reset"),
                    HeaderValue::from(wait),
                );
                return Ok(req.into_response(response).map_into_right_body());
            }
        }
    }
    let mut response = next.call(req).await?.map_into_left_body();
    if let Some((limit, remaining, reset)) = report {
        let headers = response.headers_mut();
        headers.insert(
            HeaderName::from_static("ratelimit-limit"),
            HeaderValue::from(limit),
        );
        headers.insert(
            HeaderName::from_static("ratelimit-remaining"),
            HeaderValue::from(remaining),
        );
        headers.insert(
            HeaderName::from_static("ratelimit-reset"),
            HeaderValue::from(reset),
        );
    }
    Ok(response)
}
