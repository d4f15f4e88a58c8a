//! The OpenAPI 3.1 document, generated from the handlers.

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::problem::{Problem, ProblemFieldError};
use crate::routes;

/// Information and tags; paths and schemas come from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sơn La startup-ecosystem API",
        description = "The provincial plan for innovative startups (Decision 2610/QĐ-UBND): ideas, \
competitions, incubators, the startup support fund, training, events, the technology market and \
reports.\n\nErrors are RFC 9457 `application/problem+json` with a stable `code`. Messages are in \
Vietnamese by default; send `Accept-Language: en` for English. Lists are paged with `limit` \
(1–100, default 20) and the opaque `cursor` from `next_cursor`.",
        license(name = "MIT", identifier = "MIT"),
        contact(name = "Sơn La startup-ecosystem API maintainers")
    ),
    servers((
        url = "/",
        description = "The server that serves this document: production, staging or a local \
development server alike",
    )),
    tags(
        (name = "auth", description = "Registration, login, token refresh and logout"),
        (name = "me", description = "The caller's own account"),
        (name = "users", description = "People and their global roles (officers and admins)"),
        (name = "organizations", description = "Universities, clubs, businesses, cooperatives, incubators, funds and agencies, and their members"),
        (name = "ideas", description = "Startup ideas and projects: teams, the selection workflow, search and sync"),
        (name = "competitions", description = "Idea competitions: rounds, entries, judges, conflicts, results and awards"),
        (name = "judging", description = "Assignments, score sheets, leaderboards and advancing (DESIGN.md §6)"),
        (name = "search", description = "Every public kind of record at once: ideas and organisations"),
        (name = "reference", description = "Fixed lists for forms"),
        (name = "api-keys", description = "Keys of machine clients (admins)"),
        (name = "audit", description = "Who did what to which record and when (admins)"),
        (name = "operations", description = "Health, metrics and problem types")
    ),
    // Types used only as path parameters or in headers are not collected from the handlers.
    components(schemas(
        Problem,
        ProblemFieldError,
        sonla_competitions::api::LifecycleStep,
        sonla_core::EntityTag,
        sonla_core::UrlPath
    )),
    modifiers(&SecuritySchemes)
)]
pub struct ApiDoc;

/// The two ways to authenticate.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_jwt",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from `POST /api/v1/auth/login`, sent as `Authorization: Bearer <token>`. \
                         A JWT (RFC 7519) validated as RFC8725 (JSON Web Token Best Current Practices) \
                         advises: one pinned algorithm (HS256 by default, EdDSA or RS256 when configured), a \
                         known `kid`, `typ` `at+jwt`, and `iss`, `aud`, `exp`, `nbf` and `iat` checked with at \
                         most 60 s of leeway. Tokens live 15 minutes; renew them with the refresh token.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "An API key of a machine client (`slk_…`), also accepted as `Authorization: Bearer <key>`.",
            ))),
        );
    }
}

/// The whole document, built from the same route configuration the server runs.
#[must_use]
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    // Every operation can be rate limited (crate::ratelimit); every POST takes an
    // Idempotency-Key (crate::idempotency).
    for (path, item) in &mut api.paths.paths {
        if let Some(post) = item
            .post
            .as_mut()
            .filter(|_| !crate::idempotency::WITHOUT_IDEMPOTENCY.contains(&path.as_str()))
        {
            post.parameters
                .get_or_insert_with(Vec::new)
                .push(utoipa::openapi::RefOr::T(idempotency_key_parameter()));
        }
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            // OpenAPI requires a description on every response; a bare `body = …` has none.
            for (status, response) in &mut operation.responses.responses {
                if let utoipa::openapi::RefOr::T(response) = response
                    && response.description.is_empty()
                {
                    response.description = default_description(status).to_owned();
                }
            }
            operation
                .responses
                .responses
                .entry("429".to_owned())
                .or_insert_with(crate::problem::rate_limited_response);
            // A record named in the path may not exist.
            if path.contains('{') {
                operation
                    .responses
                    .responses
                    .entry("404".to_owned())
                    .or_insert_with(|| crate::problem::error_response(404));
            }
            // Every answer passes the rate limiter and, for allowed origins, CORS.
            for response in operation.responses.responses.values_mut() {
                if let utoipa::openapi::RefOr::T(response) = response {
                    for name in SHARED_HEADERS {
                        response.headers.insert(
                            name.to_owned(),
                            utoipa::openapi::RefOr::Ref(utoipa::openapi::Ref::new(format!(
                                "#/components/headers/{name}"
                            ))),
                        );
                    }
                }
            }
        }
    }
    // OWASP API9: say who each server is for. This one is public.
    for server in api.servers.iter_mut().flatten() {
        server.extensions = Some(
            utoipa::openapi::extensions::ExtensionsBuilder::new()
                .add("x-internal", false)
                .build(),
        );
    }
    let components = api.components.get_or_insert_with(Default::default);
    for (name, header) in shared_headers() {
        components
            .headers
            .insert(name.to_owned(), utoipa::openapi::RefOr::T(header));
    }
    api
}

/// The published document: [`spec`] with the wire-type bounds of `bound_wire_types`. The server
/// serves it at `/openapi.json` and `api openapi` prints it.
#[must_use]
pub fn document() -> serde_json::Value {
    let mut document = serde_json::to_value(spec()).unwrap_or_default();
    bound_wire_types(&mut document);
    document
}

/// Headers on every response, defined once under `components.headers`.
const SHARED_HEADERS: [&str; 4] = [
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Access-Control-Allow-Origin",
];

fn shared_headers() -> [(&'static str, utoipa::openapi::Header); 4] {
    use utoipa::openapi::HeaderBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let integer = |maximum: u64, description: &str| {
        HeaderBuilder::new()
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::Int64,
                    )))
                    .minimum(Some(0))
                    .maximum(Some(maximum)),
            ))
            .description(Some(description))
            .build()
    };
    // A quota's burst is a u32 and one request comes back at least once a minute.
    let burst = u64::from(u32::MAX);
    [
        (
            "RateLimit-Limit",
            integer(burst, "Requests allowed at once by the caller's tightest quota (IETF draft `ratelimit-headers`)"),
        ),
        (
            "RateLimit-Remaining",
            integer(burst, "Requests the caller may still make at once"),
        ),
        (
            "RateLimit-Reset",
            integer(burst * 60, "Seconds until the quota is whole again"),
        ),
        (
            "Access-Control-Allow-Origin",
            HeaderBuilder::new()
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .max_length(Some(2048)),
                ))
                .description(Some(
                    "Present when the request's `Origin` is one of `CORS_ALLOWED_ORIGINS` (club websites); \
                     never with credentials",
                ))
                .build(),
        ),
    ]
}

/// Gives every integer, UUID and timestamp without explicit bounds the bounds of its wire type:
/// a 32- or 64-bit integer, a hyphenated UUID (36 characters), an RFC 3339 timestamp (at most
/// 35 characters, as `2026-11-26T17:38:03.123456789+07:00`). Domain limits stay on the fields
/// themselves (`#[schema(maximum = …)]` next to `#[validate(range(…))]`).
fn bound_wire_types(document: &mut serde_json::Value) {
    fn walk(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(object) => {
                bound(object);
                object.values_mut().for_each(walk);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    fn bound(object: &mut serde_json::Map<String, serde_json::Value>) {
        let is = |object: &serde_json::Map<String, serde_json::Value>, wanted: &str| match object
            .get("type")
        {
            Some(serde_json::Value::String(t)) => t == wanted,
            Some(serde_json::Value::Array(types)) => types.iter().any(|t| t == wanted),
            _ => false,
        };
        let format = object
            .get("format")
            .and_then(|f| f.as_str())
            .unwrap_or_default()
            .to_owned();
        if is(object, "integer") {
            let (min, max): (serde_json::Value, serde_json::Value) = match format.as_str() {
                "int32" => (i32::MIN.into(), i32::MAX.into()),
                "int64" => (i64::MIN.into(), i64::MAX.into()),
                "uint32" => (0.into(), u32::MAX.into()),
                "uint64" => (0.into(), u64::MAX.into()),
                _ => return,
            };
            if !object.contains_key("minimum") && !object.contains_key("exclusiveMinimum") {
                object.insert("minimum".to_owned(), min);
            }
            if !object.contains_key("maximum") && !object.contains_key("exclusiveMaximum") {
                object.insert("maximum".to_owned(), max);
            }
        } else if is(object, "string") && !object.contains_key("maxLength") {
            let max = match format.as_str() {
                "uuid" => 36,
                "date-time" => 35,
                "date" => 10,
                _ => return,
            };
            object.insert("maxLength".to_owned(), max.into());
        }
    }
    for part in ["paths", "components"] {
        if let Some(part) = document.get_mut(part) {
            walk(part);
        }
    }
}

fn default_description(status: &str) -> &'static str {
    match status {
        "200" => "OK",
        "201" => "Created",
        "204" => "No content",
        _ => "Response",
    }
}

fn idempotency_key_parameter() -> utoipa::openapi::path::Parameter {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(utoipa::openapi::Required::False)
        .description(Some(
            "Any unique string (1–255 characters). A retry with the same key and body returns the first \
             response (marked `Idempotent-Replayed: true`) instead of acting again, for 24 hours; the same key \
             with another body is 422 `idempotency_key_reused`; a retry while the first runs is 409.",
        ))
        .schema(Some(ObjectBuilder::new().schema_type(Type::String).min_length(Some(1)).max_length(Some(255))))
        .build()
}

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(&document())? + "\n")
}

#[cfg(test)]
mod tests {
    use super::spec;

    #[test]
    fn every_operation_has_a_summary_a_tag_and_error_responses() {
        let api = spec();
        for (path, item) in &api.paths.paths {
            for op in [&item.get, &item.post, &item.put, &item.patch, &item.delete]
                .into_iter()
                .flatten()
            {
                assert!(
                    op.summary.as_deref().is_some_and(|s| !s.is_empty()),
                    "{path} lacks a summary"
                );
                assert!(
                    op.tags.as_ref().is_some_and(|t| !t.is_empty()),
                    "{path} lacks a tag"
                );
                let documents_errors = op
                    .responses
                    .responses
                    .keys()
                    .any(|status| status.starts_with(['4', '5']));
                assert!(documents_errors, "{path} documents no error response");
                assert!(
                    op.responses.responses.contains_key("429"),
                    "{path} does not document 429"
                );
            }
        }
    }
}
