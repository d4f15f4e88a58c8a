//! The actix-web REST layer of the Sơn La startup-ecosystem API.
//!
//! [`Application::build`] is shared by `main` and the tests: it connects the database,
//! applies migrations, and binds the HTTP server with every route and middleware.

pub mod auth;
pub mod caching;
pub mod cli;
pub mod extract;
pub mod head_limit;
pub mod idempotency;
pub mod metrics;
pub mod openapi;
pub mod problem;
pub mod ratelimit;
pub mod route_table;
pub mod routes;
pub mod seed;
pub mod settings;
pub mod telemetry;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{Condition, DefaultHeaders, from_fn};
use actix_web::web::{Data, PayloadConfig};
use actix_web::{App, HttpMessage, HttpServer, web};
use anyhow::Context;
use sonla_accounts::service::SessionPolicy;
use sonla_accounts::throttle::LoginLimits;
use sonla_db::{DbPool, PoolOptions, migrations};
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::JwtKeys;
use crate::extract::BodyLimit;
use crate::metrics::Metrics;
use crate::openapi::ApiDoc;
use crate::route_table::RouteTable;
pub use crate::settings::Settings;

/// What every handler can reach.
pub struct AppState {
    /// The database pool.
    pub db: DbPool,
    /// Process metrics.
    pub metrics: Arc<Metrics>,
    /// Keys that sign and verify access tokens.
    pub jwt: JwtKeys,
    /// Refresh-token lifetime and login limits.
    pub sessions: SessionPolicy,
    /// Whether the client address comes from `Forwarded`/`X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// Competition settings (the leaderboard's flag threshold).
    pub competitions: sonla_competitions::service::Policy,
}

/// A bound, not yet running, server.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Connects to the database, applies pending migrations (unless disabled) and binds.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let pool = connect(&settings).await?;
        if settings.migrate_on_start {
            let applied = pool
                .run(|conn| migrations::run_pending(conn).map_err(|e| anyhow::anyhow!(e)))
                .await?;
            for name in applied {
                tracing::info!(migration = %name, "applied migration");
            }
        }
        Self::build_with_pool(&settings, pool)
    }

    /// Binds the server over an existing pool (no migrations are run).
    pub fn build_with_pool(settings: &Settings, db: DbPool) -> anyhow::Result<Self> {
        let jwt = JwtKeys::from_settings(settings)?;
        let auth = &settings.auth;
        let sessions = SessionPolicy {
            refresh_ttl: auth.refresh_token_ttl,
            limits: LoginLimits {
                per_account: auth.login_max_failures_per_account,
                per_address: auth.login_max_failures_per_address,
                window: auth.login_failure_window,
            },
        };
        let listener = TcpListener::bind(&settings.bind_address)
            .with_context(|| format!("cannot listen on {}", settings.bind_address))?;
        let port = listener.local_addr()?.port();
        let state = Data::new(AppState {
            db,
            metrics: Arc::new(Metrics::new()?),
            jwt,
            sessions,
            trust_forwarded_for: auth.trust_forwarded_for,
            competitions: sonla_competitions::service::Policy {
                flag_spread: settings.flag_spread,
            },
        });
        // The route table comes from the same routes as the document served at `/openapi.json`.
        let route_table = Data::new(RouteTable::from_spec(&openapi::spec()));
        // Serialised once and shared by every worker (a parsed copy per worker cost 17 MiB
        // each, and serialising it again on every request cost time).
        let document = web::Bytes::from(openapi::spec_json()?);
        let limit = settings.max_body_bytes;
        let limiters = Data::from(ratelimit::Limiters::new(
            settings.rate_limit,
            settings.auth_rate_limit,
            settings.auth.trust_forwarded_for,
        ));
        let cors_origins = (!settings.cors_allowed_origins.is_empty())
            .then(|| settings.cors_allowed_origins.clone());
        let server = HttpServer::new(move || {
            let metrics = state.metrics.middleware();
            let cors_enabled = cors_origins.is_some();
            let cors = cors(cors_origins.as_deref().unwrap_or_default());
            App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .app_data(state.clone())
                .app_data(route_table.clone())
                .app_data(limiters.clone())
                .app_data(BodyLimit(limit))
                .app_data(PayloadConfig::new(limit))
                .app_data(extract::path_config())
                .app_data(extract::query_config())
                .configure(routes::configure)
                .default_service(web::to(route_table::fallback))
                .openapi_service(|_| {
                    SwaggerUi::new("/docs/{_:.*}")
                        .config(utoipa_swagger_ui::Config::from("/openapi.json"))
                })
                .map(|app| {
                    // Innermost first. The conditional-request layer sits inside the rate
                    // limiter and CORS, so its own answers (304, and 400 for an overlong
                    // condition) carry the quota and CORS headers like every other answer.
                    app.wrap(from_fn(idempotency::idempotency))
                        .wrap(from_fn(caching::conditional_get))
                        .wrap(from_fn(ratelimit::limit))
                        .wrap(from_fn(head_limit::limit))
                        .wrap(Condition::new(cors_enabled, cors))
                        .wrap(from_fn(problem::render_problems))
                        .wrap(from_fn(echo_request_id))
                        .wrap(metrics)
                        .wrap(TracingLogger::default())
                        .wrap(
                            DefaultHeaders::new().add((header::X_CONTENT_TYPE_OPTIONS, "nosniff")),
                        )
                })
                .into_app()
                .route("/openapi.json", web::get().to(openapi_document))
                .route("/docs", web::get().to(docs_redirect))
                .app_data(Data::new(OpenApiDocument(document.clone())))
        })
        .listen(listener)?
        .workers(settings.workers)
        // A slow client gets this long to send its request head, and to close.
        .client_request_timeout(std::time::Duration::from_secs(10))
        .client_disconnect_timeout(std::time::Duration::from_secs(5))
        .shutdown_timeout(settings.shutdown_timeout.as_secs())
        .run();
        Ok(Self { port, server })
    }

    /// A handle to stop the server.
    #[must_use]
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// The port the server listens on (useful with port 0).
    #[must_use]
    pub const fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT or SIGTERM, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// CORS for the allowed origins (club websites). Tokens travel in `Authorization`, not cookies,
/// so credentials are never allowed, and `*` means any origin without them.
fn cors(origins: &[String]) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
        ])
        .allowed_header("x-api-key")
        .allowed_header("idempotency-key")
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::CONTENT_LANGUAGE,
        ])
        .expose_headers([
            "x-request-id",
            "ratelimit-limit",
            "ratelimit-remaining",
            "ratelimit-reset",
            "idempotent-replayed",
        ])
        .max_age(3600);
    for origin in origins {
        cors = if origin == "*" {
            cors.send_wildcard().allow_any_origin()
        } else {
            cors.allowed_origin(origin)
        };
    }
    cors
}

/// Opens the pool, failing within `DATABASE_TIMEOUT_SECS` when the database is unreachable.
pub async fn connect(settings: &Settings) -> anyhow::Result<DbPool> {
    let url = settings.db_url()?;
    let options = PoolOptions {
        max_size: settings.db_pool_size,
        connection_timeout: settings.db_timeout,
    };
    let backend = url.backend().name();
    sonla_db::blocking(move || DbPool::connect(&url, &options).map_err(anyhow::Error::from))
        .await
        .with_context(|| format!("cannot connect to the {backend} database"))
}

/// The database of `settings`, migrated; on failure the message is printed and the exit code
/// returned (1).
pub(crate) async fn migrated_pool(settings: &Settings) -> Result<DbPool, std::process::ExitCode> {
    let pool = connect(settings).await.map_err(|error| {
        eprintln!("error: {error:#}");
        std::process::ExitCode::FAILURE
    })?;
    pool.run(|conn| migrations::run_pending(conn).map_err(|e| anyhow::anyhow!(e)))
        .await
        .map_err(|error| {
            eprintln!("error: cannot migrate the database: {error:#}");
            std::process::ExitCode::FAILURE
        })?;
    Ok(pool)
}

/// Echoes the request id of the tracing span in `x-request-id`.
async fn echo_request_id(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let mut response = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(response)
}

/// `/docs` is the interactive documentation at `/docs/` (whose relative links need the slash).
async fn docs_redirect() -> actix_web::HttpResponse {
    actix_web::HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/docs/"))
        .finish()
}

/// The OpenAPI document as served at `/openapi.json`, serialised once.
struct OpenApiDocument(web::Bytes);

async fn openapi_document(document: Data<OpenApiDocument>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type(header::ContentType::json())
        .body(document.0.clone())
}
