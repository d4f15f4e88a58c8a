//! Extractors that decode and validate in one step, with problem+json errors.
//!
//! [`ValidJson`] replaces actix's `Json`: it checks the content type and size, reports the
//! path of a wrongly typed field, and runs the type's `validator` rules. [`ValidQuery`] does
//! the same for query strings. `Path` errors go through [`path_config`].

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::web::{Bytes, PathConfig, QueryConfig};
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use sonla_core::validation::{FieldError, control_character, custom, is_refused_control};
use sonla_core::{ErrorCode, Localized};
use validator::Validate;

use crate::problem::ApiError;

/// The largest request body accepted, in bytes; set once as app data.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON body, decoded and validated.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = json_body(req, payload);
        Box::pin(async move {
            let value: T = decode_json(&body.await?)?;
            value.validate()?;
            Ok(Self(value))
        })
    }
}

/// An optional JSON body: no body at all, or an empty one (whatever its `Content-Type`, as
/// generated clients send it), is `T::default()`; any other body must be valid, as with
/// [`ValidJson`] (`Option<ValidJson<T>>` would turn a wrong body into "no body"), so `null`
/// is refused like any body that is not an object: the spec says the body is `T` or nothing.
#[derive(Debug)]
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Validate + Default + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let headers = req.headers();
        let no_body = headers
            .get(actix_web::http::header::CONTENT_LENGTH)
            .is_none_or(|length| length.as_bytes() == b"0")
            && !headers.contains_key(actix_web::http::header::TRANSFER_ENCODING);
        if no_body {
            return Box::pin(std::future::ready(Ok(Self(T::default()))));
        }
        let body = json_body(req, payload);
        Box::pin(async move {
            let bytes = body.await?;
            if bytes.trim_ascii().is_empty() {
                return Ok(Self(T::default()));
            }
            let value: T = decode_json(&bytes)?;
            value.validate()?;
            Ok(Self(value))
        })
    }
}

/// The bytes of a JSON body: its `Content-Type` checked and its size within [`BodyLimit`].
fn json_body(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<Bytes, ApiError>> + use<> {
    let limit = req.app_data::<BodyLimit>().map_or(1024 * 1024, |l| l.0);
    let content_type = check_json_content_type(req);
    let declared_too_large = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|len| len > limit);
    let body = Bytes::from_request(req, payload);
    async move {
        content_type?;
        if declared_too_large {
            return Err(too_large(limit));
        }
        let bytes = body.await.map_err(|e| match e.as_error::<PayloadError>() {
            Some(PayloadError::Overflow) => too_large(limit),
            _ => match e.as_response_error().status_code().as_u16() {
                413 => too_large(limit),
                _ => ApiError::new(ErrorCode::BadRequest).with_cause(e),
            },
        })?;
        if bytes.len() > limit {
            return Err(too_large(limit));
        }
        Ok(bytes)
    }
}

fn check_json_content_type(req: &HttpRequest) -> Result<(), ApiError> {
    let essence = req
        .content_type()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
    {
        Ok(())
    } else {
        Err(
            ApiError::new(ErrorCode::UnsupportedMediaType).with_detail(Localized::new(
                "Nội dung phải có Content-Type: application/json",
                "The body must be sent with Content-Type: application/json",
            )),
        )
    }
}

use actix_web::HttpMessage as _;

fn too_large(limit: usize) -> ApiError {
    ApiError::new(ErrorCode::PayloadTooLarge).with_detail(Localized::new(
        format!("Nội dung yêu cầu vượt quá {limit} byte"),
        format!("The request body is larger than {limit} bytes"),
    ))
}

/// Decodes a JSON object, telling a malformed document (400) from a well-formed one of the
/// wrong shape (422).
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // The whole document is parsed first, so a syntax error anywhere is a 400 even when a
    // shape error comes earlier (`{} x`); parsing into `Value` also enforces serde_json's
    // depth limit against nesting bombs.
    let mut document: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| malformed(&e))?;
    // serde would also accept a struct written as an array of its fields; bodies are objects.
    if !document.is_object() {
        return Err(ApiError::validation(vec![custom(
            "",
            "invalid_type",
            Localized::new(
                "Nội dung phải là một đối tượng JSON",
                "The body must be a JSON object",
            ),
        )]));
    }
    let mut controls = Vec::new();
    control_characters(&document, "", &mut controls);
    if !controls.is_empty() {
        return Err(ApiError::validation(controls));
    }
    whole_numbers_as_integers(&mut document);
    serde_path_to_error::deserialize(document).map_err(|error| {
        let path = error.path().to_string();
        ApiError::validation(vec![shape_error(&path, &error.into_inner().to_string())])
    })
}

/// The paths (`links[2].url`) of the strings and keys of `value` that hold a control character
/// no field takes ([`is_refused_control`]).
fn control_characters(value: &serde_json::Value, path: &str, out: &mut Vec<FieldError>) {
    let refused = |text: &str| text.chars().any(is_refused_control);
    match value {
        serde_json::Value::String(text) if refused(text) => out.push(control_character(path)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                control_characters(item, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if refused(key) {
                    out.push(control_character(&path));
                } else {
                    control_characters(item, &path, out);
                }
            }
        }
        _ => {}
    }
}

/// JSON Schema counts `3.0` as an integer, as the OpenAPI document promises; serde's integers
/// would refuse it. Numbers with no fraction that fit an `i64` become integers (an `f64` field
/// still takes them).
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(number) => {
            if let Some(float) = number.as_f64().filter(|_| number.is_f64())
                && float.fract() == 0.0
                && float.abs() < 9.0e15
            {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a whole number below 2^53 in magnitude is exact as an i64"
                )]
                let whole = float as i64;
                *number = whole.into();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(whole_numbers_as_integers);
        }
        _ => {}
    }
}

fn malformed(error: &serde_json::Error) -> ApiError {
    ApiError::new(ErrorCode::MalformedJson).with_detail(Localized::new(
        format!(
            "JSON không đúng cú pháp ở dòng {}, cột {}",
            error.line(),
            error.column()
        ),
        format!(
            "Malformed JSON at line {}, column {}",
            error.line(),
            error.column()
        ),
    ))
}

/// A field error for a value serde could not take, named by its path.
fn shape_error(path: &str, message: &str) -> FieldError {
    // serde's own text ends with " at line X column Y", which the field path already says better.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_owned())
    };
    let join = |name: &str| {
        if path == "." || path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(name) = quoted("missing field ") {
        return custom(
            join(&name),
            "required",
            Localized::new("Trường này là bắt buộc", "This field is required"),
        );
    }
    if message.starts_with("unknown field ") {
        // serde_path_to_error's path already ends with the unknown field.
        return custom(
            path.to_owned(),
            "unknown_field",
            Localized::new("Trường này không được hỗ trợ", "This field is not accepted"),
        );
    }
    let field = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    if message.starts_with("unknown variant") {
        let allowed = message
            .split("expected ")
            .nth(1)
            .unwrap_or_default()
            .trim_start_matches("one of ");
        return custom(
            field,
            "invalid_choice",
            Localized::new(
                format!("Giá trị không hợp lệ; chọn một trong: {allowed}"),
                message.clone(),
            ),
        );
    }
    if message.starts_with("invalid type") {
        return custom(
            field,
            "invalid_type",
            Localized::new(format!("Sai kiểu dữ liệu: {message}"), message.clone()),
        );
    }
    custom(
        field,
        "invalid_value",
        Localized::new(format!("Giá trị không hợp lệ: {message}"), message),
    )
}

/// Query parameters, decoded and validated.
#[derive(Debug)]
pub struct ValidQuery<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let controls: Vec<FieldError> = form_urlencoded::parse(req.query_string().as_bytes())
            .filter(|(name, value)| name.chars().chain(value.chars()).any(is_refused_control))
            .map(|(name, _)| control_character(&name))
            .collect();
        if !controls.is_empty() {
            return std::future::ready(Err(ApiError::validation(controls)));
        }
        std::future::ready(
            serde_urlencoded::from_str::<T>(req.query_string())
                .map_err(|e| invalid_query(&e.to_string()))
                .and_then(|value| {
                    value.validate()?;
                    Ok(Self(value))
                }),
        )
    }
}

fn invalid_query(message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidQueryParameter).with_detail(Localized::new(
        format!("Tham số truy vấn không hợp lệ: {message}"),
        format!("Invalid query parameter: {message}"),
    ))
}

/// The `If-Match` header, for conditional changes (412 when it names another version).
#[must_use]
pub fn if_match(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(actix_web::http::header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Path parameters that do not parse (an id that is not a UUID) answer 400.
#[must_use]
pub fn path_config() -> PathConfig {
    PathConfig::default().error_handler(|error, req| {
        // `PATCH /ideas/count` reaches `PATCH /ideas/{idea_id}`: the path names another
        // resource, which does not take this method (405, not 400).
        let other_methods = req
            .app_data::<actix_web::web::Data<crate::route_table::RouteTable>>()
            .and_then(|table| table.methods_of_most_specific(req.path()))
            .filter(|methods| !methods.contains(&req.method().as_str()));
        if let Some(methods) = other_methods {
            return ApiError::method_not_allowed(methods.join(", ")).into();
        }
        ApiError::new(ErrorCode::InvalidPathParameter)
            .with_detail(Localized::new(
                format!("Tham số đường dẫn không hợp lệ: {error}"),
                format!("Invalid path parameter: {error}"),
            ))
            .into()
    })
}

/// actix's own `Query` extractor, should a handler use it, answers like [`ValidQuery`].
#[must_use]
pub fn query_config() -> QueryConfig {
    QueryConfig::default().error_handler(|error, _req| invalid_query(&error.to_string()).into())
}
