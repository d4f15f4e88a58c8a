//! Validation helpers shared by every domain, and the localized per-field messages of a 422.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::ToSchema;
use validator::{
    ValidateEmail, ValidateUrl, ValidationError, ValidationErrors, ValidationErrorsKind,
};

use crate::Localized;

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Where the value is: `name`, `links[2].url`, or `limit` for a query parameter.
    #[schema(max_length = 200)]
    pub field: String,
    /// What is wrong, as a stable code: `length`, `range`, `email`, `http_url`, `blank`, …
    #[schema(max_length = 64)]
    pub code: String,
    /// A human-readable explanation in both languages; the problem document picks one.
    #[serde(skip)]
    pub message: Localized,
}

impl FieldError {
    /// A field error with its own message.
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: Localized) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message,
        }
    }
}

fn error(code: &'static str) -> ValidationError {
    ValidationError::new(code)
}

/// A string that is not empty once white space is trimmed.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(error("blank"))
    } else {
        Ok(())
    }
}

/// Items of a list of short strings (tags, tracks, numbers): each 1 to `max` characters.
pub fn short_items(items: &[String], max: usize) -> Result<(), ValidationError> {
    if items
        .iter()
        .all(|t| !t.trim().is_empty() && t.chars().count() <= max)
    {
        Ok(())
    } else {
        Err(ValidationError::new("item_length")
            .with_message(format!("Each item has 1 to {max} characters").into()))
    }
}

/// An absolute `http` or `https` URL.
pub fn http_url(value: &str) -> Result<(), ValidationError> {
    let lower = value.to_ascii_lowercase();
    if (lower.starts_with("http://") || lower.starts_with("https://")) && value.validate_url() {
        Ok(())
    } else {
        Err(error("http_url"))
    }
}

/// An email address.
pub fn email(value: &str) -> Result<(), ValidationError> {
    if value.validate_email() {
        Ok(())
    } else {
        Err(error("email"))
    }
}

/// A telephone number: digits with an optional leading `+`, spaces, dots and dashes; 8 to 15 digits.
pub fn phone(value: &str) -> Result<(), ValidationError> {
    let body = value.strip_prefix('+').unwrap_or(value);
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if allowed && (8..=15).contains(&digits) {
        Ok(())
    } else {
        Err(error("phone"))
    }
}

/// Flattens `validator`'s nested errors into one list with dotted paths and messages.
#[must_use]
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field).then_with(|| a.code.cmp(&b.code)));
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                out.extend(
                    list.iter()
                        .map(|e| FieldError::new(path.clone(), e.code.to_string(), message(e))),
                );
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn param(error: &ValidationError, name: &str) -> Option<String> {
    error
        .params
        .get(name)
        .map(|v| v.to_string().trim_matches('"').to_owned())
}

/// The message for one failed rule, built from its code and parameters.
#[must_use]
pub fn message(error: &ValidationError) -> Localized {
    let min = param(error, "min");
    let max = param(error, "max");
    match (error.code.as_ref(), min, max) {
        ("length", Some(min), Some(max)) => Localized::new(
            format!("Độ dài phải từ {min} đến {max} ký tự"),
            format!("Must be {min} to {max} characters long"),
        ),
        ("length", None, Some(max)) => Localized::new(
            format!("Tối đa {max} ký tự"),
            format!("Must be at most {max} characters long"),
        ),
        ("length", Some(min), None) => Localized::new(
            format!("Tối thiểu {min} ký tự"),
            format!("Must be at least {min} characters long"),
        ),
        ("range", Some(min), Some(max)) => Localized::new(
            format!("Giá trị phải từ {min} đến {max}"),
            format!("Must be between {min} and {max}"),
        ),
        ("email", ..) => Localized::new("Địa chỉ email không hợp lệ", "Not a valid email address"),
        ("http_url" | "url", ..) => Localized::new(
            "Phải là địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https://",
            "Must be a full web address starting with http:// or https://",
        ),
        ("phone", ..) => Localized::new(
            "Số điện thoại phải gồm 8 đến 15 chữ số",
            "A telephone number has 8 to 15 digits",
        ),
        ("blank", ..) => Localized::new("Không được để trống", "Must not be blank"),
        _ => match &error.message {
            Some(text) => Localized::new(text.clone(), text.clone()),
            None => Localized::new("Giá trị không hợp lệ", "Invalid value"),
        },
    }
}

/// A field error for a rule checked outside `validator`, such as a decoding failure.
pub fn custom(field: impl Into<String>, code: &'static str, message: Localized) -> FieldError {
    FieldError::new(field, Cow::Borrowed(code), message)
}

#[cfg(test)]
mod tests {
    use super::{email, http_url, not_blank, phone};

    #[test]
    fn http_urls_only() {
        assert!(http_url("https://utb.edu.vn").is_ok());
        assert!(http_url("HTTP://example.com/a?b=c").is_ok());
        assert!(http_url("javascript:alert(1)").is_err());
        assert!(http_url("ftp://example.com").is_err());
        assert!(http_url("utb.edu.vn").is_err());
    }

    #[test]
    fn phones_and_emails() {
        assert!(phone("+84 212 3852 123").is_ok());
        assert!(phone("0212.385.2123").is_ok());
        assert!(phone("12345").is_err());
        assert!(phone("0212 abc").is_err());
        assert!(email("lienhe@utb.edu.vn").is_ok());
        assert!(email("not-an-email").is_err());
    }

    #[test]
    fn blank_strings_are_rejected() {
        assert!(not_blank("  \t").is_err());
        assert!(not_blank(" a ").is_ok());
    }
}
