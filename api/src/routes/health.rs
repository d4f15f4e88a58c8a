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

sonla_core::string_enum! {
    /// How the server is: an unhealthy one answers a 503 problem instead.
    pub enum HealthStatus {
        /// Serving.
        Ok => "ok",
    }
}

sonla_core::string_enum! {
    /// The database the server runs on.
    pub enum DatabaseKind {
        /// Embedded SQLite.
        Sqlite => "sqlite",
        /// A PostgreSQL server.
        Postgres => "postgres",
    }
}

/// A health report.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` (a 503 says otherwise).
    pub status: HealthStatus,
    /// The database backend (`ready` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<DatabaseKind>,
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
        status: HealthStatus::Ok,
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
            status: HealthStatus::Ok,
            database: Some(match state.db.backend() {
                sonla_db::Backend::Sqlite => DatabaseKind::Sqlite,
                sonla_db::Backend::Postgres => DatabaseKind::Postgres,
            }),
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
