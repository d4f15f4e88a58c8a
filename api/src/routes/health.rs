//! Operations: liveness, readiness and Prometheus metrics.

use std::time::Duration;

use actix_web::web::Data;
use actix_web::{HttpResponse, get};
use serde::Serialize;
use sonla_core::{ErrorCode, Localized};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::problem::{ApiError, ApiResult, ServerErrors};

/// How long readiness waits for the database.
const READY_TIMEOUT: Duration = Duration::from_secs(3);

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(check_liveness).service(check_readiness);
}

/// A health report.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` when healthy.
    #[schema(max_length = 16, example = "ok")]
    pub status: String,
    /// The database backend (`ready` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 16, example = "sqlite")]
    pub database: Option<String>,
}

/// Tell whether the process is up.
///
/// Answers 200 as long as the server runs; it does not touch the database.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The process is up", body = Health), ServerErrors)
)]
#[get("/live")]
pub async fn check_liveness() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".to_owned(),
        database: None,
    })
}

/// Tell whether the server can serve requests.
///
/// Runs a trivial query; 503 when the database cannot be reached within three seconds.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The database answers", body = Health), ServerErrors)
)]
#[get("/ready")]
pub async fn check_readiness(state: Data<AppState>) -> ApiResult<HttpResponse> {
    match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => Ok(HttpResponse::Ok().json(Health {
            status: "ok".to_owned(),
            database: Some(state.db.backend().name().to_owned()),
        })),
        Ok(Err(error)) => Err(ApiError::new(ErrorCode::ServiceUnavailable)
            .with_cause(error)
            .with_detail(unreachable())),
        Err(_) => {
            Err(ApiError::new(ErrorCode::ServiceUnavailable)
                .with_cause("readiness check timed out"))
        }
    }
}

fn unreachable() -> Localized {
    Localized::new(
        "Không kết nối được cơ sở dữ liệu",
        "The database cannot be reached",
    )
}

/// Export metrics in Prometheus text format.
///
/// Request counts and latencies by route, method and status, and the state of the database pool.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus text exposition format (`text/plain; version=0.0.4`)"),
        ServerErrors
    )
)]
#[get("/metrics")]
pub async fn get_metrics(state: Data<AppState>) -> ApiResult<HttpResponse> {
    let body = state
        .metrics
        .render(&state.db)
        .map_err(|e| ApiError::new(ErrorCode::Internal).with_cause(e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}
