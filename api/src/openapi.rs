//! The OpenAPI 3.1 document, generated from the handlers.

use actix_web::App;
use sonla_core::validation::{HEADER_PATTERN, NOT_BLANK_PATTERN, TEXT_PATTERN};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::problem::{Problem, ProblemFieldError};
use crate::routes;

/// Information and tags; paths and schemas come from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sơn La startup-ecosystem API",
        description = "The provincial plan for innovative startups (Decision 2610/QĐ-UBND). This \
version serves accounts and roles, organisations and their members, startup ideas and their teams, \
idea competitions with judging, search across them, API keys and the audit log; incubators, the \
startup support fund, training, events, the technology market and reports come in later \
versions.\n\nErrors are RFC 9457 `application/problem+json` with a stable `code`. Messages are in \
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

/// How to authenticate: a bearer token, either an access token or an API key.
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
                         most 60 s of leeway. Tokens live 15 minutes; renew them with the refresh token. \
                         A machine client sends its API key (`slk_…`, from `POST /api/v1/api-keys`) the same \
                         way, as `Authorization: Bearer slk_…` (the server also reads it from `X-API-Key`).",
                    ))
                    .build(),
            ),
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
        let operational = path.starts_with("/health") || path == "/metrics";
        let operations = [
            (true, &mut item.get),
            (false, &mut item.post),
            (false, &mut item.put),
            (false, &mut item.patch),
            (false, &mut item.delete),
        ];
        for (read, operation) in operations {
            let Some(operation) = operation else {
                continue;
            };
            // crate::caching tags every successful read but the operational ones.
            if read && !operational {
                declare_etag(operation);
            }
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
            // Every request passes crate::head_limit.
            operation
                .responses
                .responses
                .entry("431".to_owned())
                .or_insert_with(|| crate::problem::error_response(431));
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
    components.headers.insert(
        "ETag".to_owned(),
        utoipa::openapi::RefOr::T(
            utoipa::openapi::HeaderBuilder::new()
                .schema(Some(
                    <sonla_core::EntityTag as utoipa::PartialSchema>::schema(),
                ))
                .description(Some(
                    "The representation's tag (`W/\"…\"`): send it as `If-None-Match` to get 304 \
                     while it is unchanged, or as `If-Match` to change the record only if it is",
                ))
                .build(),
        ),
    );
    api
}

/// Declares the `ETag` header on the successful answers of `operation`.
fn declare_etag(operation: &mut utoipa::openapi::path::Operation) {
    let successes = operation
        .responses
        .responses
        .iter_mut()
        .filter(|(status, _)| status.starts_with('2'));
    for (_, response) in successes {
        if let utoipa::openapi::RefOr::T(response) = response {
            response
                .headers
                .entry("ETag".to_owned())
                .or_insert_with(|| {
                    utoipa::openapi::RefOr::Ref(utoipa::openapi::Ref::new(
                        "#/components/headers/ETag",
                    ))
                });
        }
    }
}

/// The published document: [`spec`] with the wire-type bounds of `bound_wire_types`. The server
/// serves it at `/openapi.json` and `api openapi` prints it.
#[must_use]
pub fn document() -> serde_json::Value {
    let mut document = serde_json::to_value(spec()).unwrap_or_default();
    bound_wire_types(&mut document);
    header_patterns(&mut document);
    optional_bodies_by_reference(&mut document);
    components_by_reference(&mut document);
    document
}

/// utoipa writes a generic page's items and an enum query parameter out in full; a client
/// generator then makes a new type of each copy. They refer to their component instead:
/// `Page_X.items` to `X`, and a parameter whose values are an enum component's to it, so a
/// client has one `Sector` whether it reads an idea or filters the list.
fn components_by_reference(document: &mut serde_json::Value) {
    let Some(schemas) = document
        .pointer("/components/schemas")
        .and_then(|s| s.as_object())
        .cloned()
    else {
        return;
    };
    let reference =
        |name: &str| serde_json::json!({"$ref": format!("#/components/schemas/{name}")});
    let enums: Vec<(&String, &serde_json::Value)> = schemas
        .iter()
        .filter_map(|(name, schema)| Some((name, schema.get("enum")?)))
        .collect();
    for (name, schema) in &schemas {
        let Some(item) = name
            .strip_prefix("Page_")
            .filter(|item| schemas.contains_key(*item))
        else {
            continue;
        };
        if schema.pointer("/properties/items/items").is_some()
            && let Some(items) = document.pointer_mut(&format!(
                "/components/schemas/{name}/properties/items/items"
            ))
        {
            *items = reference(item);
        }
    }
    for parameter in parameters_mut(document) {
        let Some(schema) = parameter.get_mut("schema") else {
            continue;
        };
        let named = schema.get("enum").and_then(|values| {
            enums
                .iter()
                .find(|(_, component)| *component == values)
                .map(|(name, _)| reference(name))
        });
        if let Some(named) = named {
            *schema = named;
        }
    }
}

/// An optional body (`Option<T>` in a handler, which [`crate::extract::OptionalJson`] reads)
/// comes out of utoipa as `oneOf: [T, null]`, on which client generators stumble (the Python
/// one crashes). It is said instead as `required: false` with `T` itself: no body or an empty
/// one is "none"; `null` is refused like any other body that is not a `T`.
fn optional_bodies_by_reference(document: &mut serde_json::Value) {
    for operation in operations_mut(document) {
        let Some(body) = operation
            .get_mut("requestBody")
            .and_then(|b| b.as_object_mut())
        else {
            continue;
        };
        let mut optional = false;
        for content in body
            .get_mut("content")
            .and_then(|c| c.as_object_mut())
            .into_iter()
            .flat_map(|c| c.values_mut())
        {
            let Some(schema) = content.get_mut("schema") else {
                continue;
            };
            let one = match schema.get("oneOf").and_then(|o| o.as_array()) {
                Some(items) if items.len() == 2 => {
                    let null = serde_json::json!({"type": "null"});
                    items
                        .iter()
                        .position(|i| i == &null)
                        .map(|n| items[1 - n].clone())
                }
                _ => None,
            };
            if let Some(one) = one {
                *schema = one;
                optional = true;
            }
        }
        if optional {
            body.insert("required".to_owned(), false.into());
        }
    }
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

/// Every operation object of the published document.
fn operations_mut(
    document: &mut serde_json::Value,
) -> impl Iterator<Item = &mut serde_json::Value> {
    document
        .get_mut("paths")
        .and_then(|p| p.as_object_mut())
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(|item| item.as_object_mut())
        .flat_map(|item| item.values_mut())
}

/// Every parameter of every operation of the published document.
fn parameters_mut(
    document: &mut serde_json::Value,
) -> impl Iterator<Item = &mut serde_json::Value> {
    operations_mut(document)
        .filter_map(|operation| operation.get_mut("parameters")?.as_array_mut())
        .flatten()
}

/// Header values are bytes that the server reads as visible ASCII ([`HEADER_PATTERN`]): the
/// header parameters and the response headers get that pattern instead of the text one.
fn header_patterns(document: &mut serde_json::Value) {
    let set = |schema: Option<&mut serde_json::Value>| {
        if let Some(schema) = schema.and_then(|s| s.as_object_mut())
            && schema.get("pattern").is_some_and(|p| p == TEXT_PATTERN)
        {
            schema.insert("pattern".to_owned(), HEADER_PATTERN.into());
        }
    };
    let headers = parameters_mut(document).filter(|p| p.get("in").is_some_and(|i| i == "header"));
    for parameter in headers {
        set(parameter.get_mut("schema"));
    }
    if let Some(headers) = document
        .pointer_mut("/components/headers")
        .and_then(|h| h.as_object_mut())
    {
        for header in headers.values_mut() {
            set(header.get_mut("schema"));
        }
    }
}

/// The pattern of a string schema: a free-text string (no enum, format or pattern of its own)
/// takes [`TEXT_PATTERN`], what the extractors let through; `pattern = r"\S"` on a field marks
/// it as not blank and becomes [`NOT_BLANK_PATTERN`], what `not_blank` accepts. URLs and
/// telephone numbers keep their own patterns, printable ASCII only.
fn text_pattern(object: &mut serde_json::Map<String, serde_json::Value>) {
    let pattern = match object.get("pattern").and_then(|p| p.as_str()) {
        Some(r"\S") => NOT_BLANK_PATTERN,
        // `format: password` is only a hint to forms: the text is free.
        None if !object.contains_key("enum")
            && !object.contains_key("const")
            && object.get("format").is_none_or(|f| f == "password") =>
        {
            TEXT_PATTERN
        }
        _ => return,
    };
    object.insert("pattern".to_owned(), pattern.into());
}

/// Gives every integer, UUID and timestamp without explicit bounds the bounds of its wire type:
/// a 32- or 64-bit integer, a hyphenated UUID (36 characters), an RFC 3339 timestamp (at most
/// 35 characters, as `2026-11-26T17:38:03.123456789+07:00`), and every string its pattern
/// ([`text_pattern`]). Domain limits stay on the fields themselves (`#[schema(maximum = …)]`
/// next to `#[validate(range(…))]`).
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
        } else if is(object, "string") {
            text_pattern(object);
        }
        if is(object, "string") && !object.contains_key("maxLength") {
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
