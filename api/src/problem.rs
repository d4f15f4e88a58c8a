//! Every error as RFC 9457 `application/problem+json`, in the caller's language.
//!
//! Handlers and extractors return [`ApiError`]. The [`render_problems`] middleware then writes
//! every error response (ours and actix's own: unknown routes, wrong methods, bodies too large)
//! as one problem document in the language of `Accept-Language`, with the request path as
//! `instance`, and logs each 5xx once with its cause.

use std::collections::BTreeMap;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use serde::Serialize;
use sonla_core::validation::FieldError;
use sonla_core::{DomainError, ErrorCode, Lang, Localized};
use utoipa::ToSchema;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Seconds a client should wait before retrying a 503.
const RETRY_AFTER_SECS: &str = "5";

/// An error on its way to becoming a problem document (boxed: results stay small).
#[derive(Debug, Clone)]
pub struct ApiError(Box<Details>);

#[derive(Debug, Clone)]
struct Details {
    code: ErrorCode,
    detail: Option<Localized>,
    errors: Vec<FieldError>,
    allow: Option<String>,
    retry_after: Option<u64>,
    allowed_next_states: Option<Vec<String>>,
    cause: Option<String>,
}

/// The result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// An error with the code's title as its only message.
    #[must_use]
    pub fn new(code: ErrorCode) -> Self {
        Self(Box::new(Details {
            code,
            detail: None,
            errors: Vec::new(),
            allow: None,
            retry_after: None,
            allowed_next_states: None,
            cause: None,
        }))
    }

    /// Adds an occurrence-specific message.
    #[must_use]
    pub fn with_detail(mut self, detail: Localized) -> Self {
        self.0.detail = Some(detail);
        self
    }

    /// A 422 listing the invalid fields.
    #[must_use]
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let mut error = Self::new(ErrorCode::ValidationFailed);
        error.0.errors = errors;
        error.with_detail(Localized::new(
            "Một số trường không hợp lệ; xem danh sách errors",
            "Some fields are invalid; see the errors list",
        ))
    }

    /// A 405 naming the methods the path accepts.
    #[must_use]
    pub fn method_not_allowed(allow: String) -> Self {
        let detail = Localized::new(
            format!("Đường dẫn này chỉ nhận: {allow}"),
            format!("This path accepts only: {allow}"),
        );
        let mut error = Self::new(ErrorCode::MethodNotAllowed).with_detail(detail);
        error.0.allow = Some(allow);
        error
    }

    /// Tells the client when to retry (429, 503).
    #[must_use]
    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.0.retry_after = Some(seconds);
        self
    }

    /// Keeps an internal cause for the log (never sent to the client).
    #[must_use]
    pub fn with_cause(mut self, cause: impl std::fmt::Display) -> Self {
        self.0.cause = Some(cause.to_string());
        self
    }

    /// The stable code.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The problem document in `lang`.
    #[must_use]
    pub fn problem(&self, lang: Lang, instance: Option<&str>) -> Problem {
        let Details {
            code,
            detail,
            errors,
            allowed_next_states,
            ..
        } = &*self.0;
        let status = code.status();
        let title = code.title(lang).to_owned();
        // A 5xx never says more than its title: causes stay in the log. A detail that quotes
        // the request (a path parameter that does not parse) shows its control characters as
        // U+FFFD, so the answer keeps to the spec's text pattern.
        let detail = match detail {
            Some(detail) if status < 500 => detail
                .get(lang)
                .replace(sonla_core::validation::is_refused_control, "\u{fffd}"),
            _ => title.clone(),
        };
        Problem {
            r#type: format!("/problems/{}", code.as_str()),
            title,
            status,
            detail,
            instance: instance.map(str::to_owned),
            code: code.as_str().to_owned(),
            errors: errors
                .iter()
                .take(MAX_FIELD_ERRORS)
                .map(|e| ProblemFieldError {
                    field: e.field.clone(),
                    code: e.code.clone(),
                    message: e.message.get(lang).to_owned(),
                })
                .collect(),
            allowed_next_states: allowed_next_states.clone(),
        }
    }

    /// The full response in `lang`.
    #[must_use]
    pub fn to_response(&self, lang: Lang, instance: Option<&str>) -> HttpResponse {
        let mut response = HttpResponse::build(self.status());
        response
            .content_type(PROBLEM_JSON)
            .insert_header((header::CONTENT_LANGUAGE, lang.tag()));
        match (self.0.code, self.0.retry_after) {
            (_, Some(seconds)) => {
                response.insert_header((header::RETRY_AFTER, seconds.to_string()));
            }
            (ErrorCode::ServiceUnavailable, None) => {
                response.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECS));
            }
            _ => {}
        }
        // RFC 6750 §3: every 401 names the scheme, and says when a token was the problem.
        match self.0.code {
            ErrorCode::InvalidToken => {
                response
                    .insert_header((header::WWW_AUTHENTICATE, r#"Bearer error="invalid_token""#));
            }
            code if code.status() == 401 => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        if let Some(allow) = self
            .0
            .allow
            .as_deref()
            .and_then(|a| HeaderValue::from_str(a).ok())
        {
            response.insert_header((header::ALLOW, allow));
        }
        response.json(self.problem(lang, instance))
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0.cause {
            Some(cause) => write!(f, "{}: {cause}", self.0.code),
            None => write!(f, "{}", self.0.code),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        // Rendered again by `render_problems` with the request's language and path.
        self.to_response(Lang::default(), None)
    }
}

impl<E: DomainError> From<E> for ApiError {
    fn from(error: E) -> Self {
        let code = error.code();
        let errors = error.field_errors();
        let mut api = if errors.is_empty() {
            Self::new(code)
        } else {
            Self::validation(errors)
        };
        if let Some(detail) = error.detail() {
            api = api.with_detail(detail);
        }
        if let Some(seconds) = error.retry_after() {
            api = api.with_retry_after(seconds);
        }
        api.0.allowed_next_states = error.allowed_next_states();
        if code.status() >= 500 {
            api = api.with_cause(error_chain(&error));
        }
        api
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem; `GET` it for a description.
    #[schema(max_length = 100, example = "/problems/organization_not_found")]
    pub r#type: String,
    /// A short summary of the kind of problem, in the response's language.
    #[schema(max_length = 200)]
    pub title: String,
    /// The HTTP status.
    #[schema(minimum = 400, maximum = 599, format = Int32)]
    pub status: u16,
    /// What went wrong this time, in the response's language.
    #[schema(max_length = 1000)]
    pub detail: String,
    /// The request path that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2048)]
    pub instance: Option<String>,
    /// The stable machine-readable code; branch on this, not on the text.
    #[schema(value_type = ProblemCode, example = "organization_not_found")]
    pub code: String,
    /// The invalid fields (422 only), the first 100.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 100)]
    pub errors: Vec<ProblemFieldError>,
    /// For `invalid_transition` (409): the states the record can move to now.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 20, value_type = Option<Vec<StateName>>)]
    pub allowed_next_states: Option<Vec<String>>,
}

/// The most field errors one problem lists.
const MAX_FIELD_ERRORS: usize = 100;

/// A status name in `allowed_next_states`: one of an idea's or a competition's (OpenAPI only).
pub struct StateName;

impl utoipa::PartialSchema for StateName {
    fn schema() -> RefOr<utoipa::openapi::Schema> {
        let mut names: Vec<&str> = sonla_ideas::workflow::IdeaStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .chain(
                sonla_competitions::api::CompetitionStatus::ALL
                    .iter()
                    .map(|s| s.as_str()),
            )
            .collect();
        names.sort_unstable();
        names.dedup();
        names_schema("A status an idea or a competition can move to", names)
    }
}

impl ToSchema for StateName {}

/// The `code` of a problem: one of the `error_codes!` table's, as `GET /problems` lists them
/// (OpenAPI only).
pub struct ProblemCode;

impl utoipa::PartialSchema for ProblemCode {
    fn schema() -> RefOr<utoipa::openapi::Schema> {
        names_schema(
            "A problem's stable code (`GET /problems` describes each)",
            ErrorCode::ALL.iter().map(|c| c.as_str()),
        )
    }
}

impl ToSchema for ProblemCode {}

/// A string schema that takes only `names`.
fn names_schema<'a>(
    description: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> RefOr<utoipa::openapi::Schema> {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(names))
        .description(Some(description))
        .into()
}

/// One invalid field of a 422 problem.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemFieldError {
    /// Where the value is: `name`, `links[2].url`, or a query parameter's name.
    #[schema(max_length = 200)]
    pub field: String,
    /// Which rule failed: `length`, `range`, `email`, `http_url`, `blank`, `invalid_type`, …
    #[schema(max_length = 64)]
    pub code: String,
    /// A human-readable explanation in the response's language.
    #[schema(max_length = 500)]
    pub message: String,
}

/// The caller's language, set on every request by [`render_problems`].
pub fn request_lang(req: &impl HttpMessage) -> Lang {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// Middleware: turns every error response into a problem document in the caller's language.
pub async fn render_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    let lang = request_lang(&req);
    let path = req.path().to_owned();
    let response = match next.call(req).await {
        Ok(response) => response,
        Err(error) => {
            // Only middleware fails this way (handlers' errors arrive inside a response). The
            // request is gone, so hand actix a finished response to send.
            let api = as_api_error(&error);
            log_once(&api, &path);
            let response = api.to_response(lang, Some(&path));
            return Err(actix_web::error::InternalError::from_response(api, response).into());
        }
    };
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    let api = match response.response().error() {
        Some(error) => as_api_error(error),
        None if status.as_u16() >= 400 && !is_problem => {
            ApiError::new(ErrorCode::for_status(status.as_u16()))
                .with_cause(format!("plain {status} response"))
        }
        None => return Ok(response.map_into_left_body()),
    };
    log_once(&api, &path);
    let mut problem = api.to_response(lang, Some(&path));
    // Keep what a middleware said about retrying (the rate limiter's Retry-After, RateLimit-*).
    for (name, value) in response.headers() {
        let keep = name.as_str() == "retry-after" || name.as_str().starts_with("ratelimit-");
        if keep {
            problem.headers_mut().insert(name.clone(), value.clone());
        }
    }
    Ok(response.into_response(problem).map_into_right_body())
}

fn as_api_error(error: &actix_web::Error) -> ApiError {
    if let Some(api) = error.as_error::<ApiError>() {
        return api.clone();
    }
    let status = error.as_response_error().status_code().as_u16();
    ApiError::new(ErrorCode::for_status(status)).with_cause(error)
}

fn log_once(error: &ApiError, path: &str) {
    let Details { code, cause, .. } = &*error.0;
    if code.status() >= 500 {
        tracing::error!(%code, path, cause = cause.as_deref().unwrap_or("-"), "request failed");
    } else {
        tracing::debug!(%code, path, "request rejected");
    }
}

/// The 429 every operation may answer.
#[must_use]
pub fn rate_limited_response() -> RefOr<Response> {
    problem_response(
        429,
        "Too many requests for this caller; retry after `Retry-After` seconds",
    )
}

/// The documented problem response of `status`.
#[must_use]
pub fn error_response(status: u16) -> RefOr<Response> {
    problem_response(status, status_description(status))
}

/// A problem response; 429 and 503 carry `Retry-After`. (`crate::openapi::spec` adds the
/// headers every response carries.)
fn problem_response(status: u16, description: &str) -> RefOr<Response> {
    use utoipa::openapi::HeaderBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let mut response = ResponseBuilder::new().description(description).content(
        PROBLEM_JSON,
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    );
    if matches!(status, 429 | 503) {
        let seconds = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Int64,
            )))
            .minimum(Some(1));
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(seconds))
                .description(Some("Seconds until a request can succeed"))
                .build(),
        );
    }
    response.build().into()
}

fn status_description(status: u16) -> &'static str {
    match status {
        401 => "Missing, invalid or expired credentials (`WWW-Authenticate: Bearer`)",
        403 => "Authenticated, but not allowed to do this",
        429 => "Too many attempts; retry after `Retry-After` seconds",
        400 => "Malformed request: bad JSON, query or path parameter, or cursor",
        404 => "No such record",
        409 => "Conflicts with existing data",
        412 => "`If-Match` names another version of the record; read it again",
        413 => "Request body too large",
        415 => "Content-Type is not application/json",
        431 => "Request headers too large: more than 64 lines or 16 KiB",
        422 => "Validation failed; `errors` lists the fields",
        500 => "Internal error; details are in the server log only",
        503 => "Database unavailable; retry after `Retry-After` seconds",
        _ => "Error",
    }
}

macro_rules! error_responses {
    ($($(#[$doc:meta])* $name:ident: [$($status:literal),*];)*) => {$(
        $(#[$doc])*
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                [$($status),*]
                    .into_iter()
                    .map(|status: u16| (status.to_string(), problem_response(status, status_description(status))))
                    .collect()
            }
        }
    )*};
}

error_responses! {
    /// Errors of a list operation.
    ListErrors: [400, 422, 500, 503];
    /// Errors of reading one record.
    ReadErrors: [400, 404, 500, 503];
    /// Errors of creating a record.
    CreateErrors: [400, 409, 413, 415, 422, 500, 503];
    /// Errors of changing a record.
    UpdateErrors: [400, 404, 409, 413, 415, 422, 500, 503];
    /// Errors of deleting a record.
    DeleteErrors: [400, 404, 500, 503];
    /// Errors of an operations endpoint.
    ServerErrors: [500, 503];
    /// Errors of a protected operation: no or bad credentials, or not allowed.
    AuthErrors: [401, 403];
    /// A conditional change whose `If-Match` names another version.
    PreconditionErrors: [412];
    /// Errors of logging in and refreshing tokens.
    LoginErrors: [400, 401, 413, 415, 422, 429, 500, 503];
}

#[cfg(test)]
mod tests {
    use sonla_core::{ErrorCode, Lang, Localized};

    use super::ApiError;

    #[test]
    fn internal_errors_never_show_their_cause() {
        let error = ApiError::new(ErrorCode::Internal)
            .with_detail(Localized::new("bí mật", "secret"))
            .with_cause("SELECT * FROM users failed");
        let problem = serde_json::to_string(&error.problem(Lang::En, Some("/x"))).unwrap();
        assert!(
            !problem.contains("secret") && !problem.contains("SELECT"),
            "{problem}"
        );
        assert!(problem.contains("\"code\":\"internal_error\""));
    }

    #[test]
    fn problems_speak_the_requested_language() {
        let error = ApiError::new(ErrorCode::OrganizationNotFound);
        assert_eq!(
            error.problem(Lang::Vi, None).title,
            "Không tìm thấy tổ chức"
        );
        assert_eq!(
            error.problem(Lang::En, None).title,
            "Organisation not found"
        );
        assert_eq!(
            error.problem(Lang::En, None).r#type,
            "/problems/organization_not_found"
        );
    }
}
