//! `/api/v1/audit`: the audit log, for admins.

use actix_web::web::Data;
use actix_web::{HttpResponse, get};
use sonla_audit::{AuditEntryResponse, ListAuditQuery};
use sonla_core::Page;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::AuthUser;
use crate::extract::ValidQuery;
use crate::problem::{ApiResult, AuthErrors, ListErrors};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_audit_events);
}

/// List audit events, newest first.
///
/// Admins only. Filter by actor, action, record and time range.
#[utoipa::path(
    tag = "audit",
    security(("bearer_jwt" = [])),
    params(ListAuditQuery),
    responses((status = 200, body = Page<AuditEntryResponse>), ListErrors, AuthErrors)
)]
#[get("")]
pub async fn list_audit_events(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    ValidQuery(query): ValidQuery<ListAuditQuery>,
) -> ApiResult<HttpResponse> {
    let page = sonla_audit::list_events(&state.db, actor, query).await?;
    Ok(HttpResponse::Ok().json(page.map(AuditEntryResponse::from)))
}
