//! Route registration: every handler is added with `.service(..)` so that the route table
//! and the OpenAPI document have one source.

pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod competitions;
pub mod health;
pub mod ideas;
pub mod me;
pub mod organizations;
pub mod problems;
pub mod reference;
pub mod search;
pub mod users;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Every route of the API, for the server and for `api openapi` alike.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(scope("/health").configure(health::configure))
        .service(health::get_metrics)
        .service(scope("/problems").configure(problems::configure))
        .service(scope("/api/v1/auth").configure(auth::configure))
        .service(scope("/api/v1/me").configure(me::configure))
        .service(scope("/api/v1/users").configure(users::configure))
        .service(scope("/api/v1/api-keys").configure(api_keys::configure))
        .service(scope("/api/v1/audit").configure(audit::configure))
        .service(scope("/api/v1/organizations").configure(organizations::configure))
        .service(scope("/api/v1/ideas").configure(ideas::configure))
        .service(scope("/api/v1/search").configure(search::configure))
        .service(scope("/api/v1/reference").configure(reference::configure))
        .service(scope("/api/v1/competitions").configure(competitions::configure_competitions))
        .service(scope("/api/v1/rounds").configure(competitions::configure_rounds))
        .service(scope("/api/v1/entries").configure(competitions::configure_entries))
        .service(scope("/api/v1/assignments").configure(competitions::configure_assignments));
}
