//! Route registration: every handler is added with `.service(..)` so that the route table
//! and the OpenAPI document have one source.

pub mod health;
pub mod organizations;
pub mod problems;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Every route of the API, for the server and for `api openapi` alike.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(scope("/health").configure(health::configure))
        .service(health::metrics)
        .service(scope("/problems").configure(problems::configure))
        .service(scope("/api/v1/organizations").configure(organizations::configure));
}
