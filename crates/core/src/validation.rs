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

/// A search: at least one word (a run of letters or digits) once folded. Punctuation or white
/// space alone would otherwise match every record.
pub fn search_words(value: &str) -> Result<(), ValidationError> {
    if crate::text::tokens(value).is_empty() {
        Err(error("no_words"))
    } else {
        Ok(())
    }
}

/// A string that is not empty once white space is trimmed (the schema's `pattern: \S`; the
/// separators U+001C–U+001F count as space, as they do for `\s` in Python and JavaScript).
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value
        .chars()
        .all(|c| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
    {
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

/// The `pattern` of URL fields in the OpenAPI document: `http` or `https`, a host name whose
/// last label starts with a letter (a WHATWG URL parser reads a host ending in a number as an
/// IPv4 address, so `https://a.1` is no URL), an optional port and printable ASCII after it.
/// Kept equal to the schema attributes by a test.
pub const HTTP_URL_PATTERN: &str = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$";

/// The `pattern` of telephone fields in the OpenAPI document, which [`phone`] applies.
pub const PHONE_PATTERN: &str = r"^\+?(?:[ .-]*[0-9]){8,15}[ .-]*$";

/// An absolute `http` or `https` URL, as [`HTTP_URL_PATTERN`] says.
pub fn http_url(value: &str) -> Result<(), ValidationError> {
    static PATTERN: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(HTTP_URL_PATTERN).ok());
    if PATTERN.as_ref().is_some_and(|p| p.is_match(value)) && value.validate_url() {
        Ok(())
    } else {
        Err(error("http_url"))
    }
}

/// A record id: a hyphenated UUID, 36 characters (the schema's `format: uuid`).
pub fn uuid(value: &str) -> Result<(), ValidationError> {
    if value.len() == 36 && ::uuid::Uuid::try_parse(value).is_ok() {
        Ok(())
    } else {
        Err(error("uuid"))
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
        ("no_words", ..) => Localized::new(
            "Cần ít nhất một từ (chữ hoặc số) để tìm",
            "Needs at least one word (letters or digits) to search for",
        ),
        ("uuid", ..) => Localized::new(
            "Phải là mã định danh (UUID) của một bản ghi",
            "Must be a record's id (a UUID)",
        ),
        _ => match &error.message {
            Some(text) => Localized::new(text.clone(), text.clone()),
            None => Localized::new("Giá trị không hợp lệ", "Invalid value"),
        },
    }
}

/// Whether `c` is a control character that no field takes: every one of Unicode's (`Cc`:
/// U+0000–U+001F, U+007F–U+009F) but tab, line feed and carriage return. The extractors refuse
/// them in every string of a body and every query parameter, before any field rule, so no
/// database sees them (PostgreSQL refuses NUL in text; SQLite would store it).
#[must_use]
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The `pattern` the OpenAPI document gives every free-text string (and query parameter): no
/// character that [`is_refused_control`] refuses. The same text in Rust's `regex`, ECMAScript
/// and Python; a test holds it equal to [`is_refused_control`] over every character.
pub const TEXT_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

/// The `pattern` the OpenAPI document gives header values: what `HeaderValue::to_str` reads,
/// visible ASCII, space and tab. The server refuses other bytes in the headers it reads
/// (`If-Match`, `If-None-Match`: 400; `Idempotency-Key`: 400).
pub const HEADER_PATTERN: &str = r"^[\t\x20-\x7E]*$";

/// The `pattern` of a string that must not be blank ([`not_blank`]): [`TEXT_PATTERN`] with at
/// least one character that is neither white space (Unicode's, as Rust's `char::is_whitespace`
/// has it: spelled out, since `\s` differs between regex dialects) nor a control character.
pub const NOT_BLANK_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\x00-\x20\x7F-\x9F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

/// The error of a value holding a character [`is_refused_control`] refuses; `field` is named
/// without such characters (a key can hold them too).
#[must_use]
pub fn control_character(field: &str) -> FieldError {
    custom(
        field.replace(is_refused_control, ""),
        "control_character",
        Localized::new(
            "Không được chứa ký tự điều khiển (như U+0000)",
            "Must not contain control characters (such as U+0000)",
        ),
    )
}

/// A field error for a rule checked outside `validator`, such as a decoding failure.
pub fn custom(field: impl Into<String>, code: &'static str, message: Localized) -> FieldError {
    FieldError::new(field, Cow::Borrowed(code), message)
}

#[cfg(test)]
mod tests {
    use super::{email, http_url, is_refused_control, not_blank, phone, search_words};

    #[test]
    fn a_search_needs_a_word() {
        assert!(search_words("nông sản").is_ok());
        assert!(
            search_words("\"*\" (OR) -").is_ok(),
            "OR is a word like any other"
        );
        assert!(search_words("3").is_ok());
        for q in ["", "   ", "\"*\"", "()-:^", "...!?", "–—"] {
            assert!(search_words(q).is_err(), "{q:?}");
        }
    }

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
    fn control_characters_but_line_breaks_and_tabs_are_refused() {
        for c in [
            '\0', '\u{1}', '\u{1b}', '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            assert!(is_refused_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'a', 'đ', '\u{a0}', '\u{2028}'] {
            assert!(!is_refused_control(c), "{c:?}");
        }
    }

    /// The spec's patterns say exactly what the extractors and `not_blank` accept, character
    /// by character over the whole of Unicode.
    #[test]
    fn the_spec_patterns_agree_with_the_rules_on_every_character() {
        let text = regex::Regex::new(super::TEXT_PATTERN).unwrap();
        let visible = regex::Regex::new(super::NOT_BLANK_PATTERN).unwrap();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(text.is_match(&one), !is_refused_control(c), "{c:?}");
            let kept = !is_refused_control(c) && not_blank(&one).is_ok();
            assert_eq!(visible.is_match(&one), kept, "{c:?}");
            assert_eq!(visible.is_match(&format!(" \t{one}\n")), kept, "{c:?}");
        }
        assert!(visible.is_match("Cà phê Sơn La"));
        assert!(!visible.is_match(" \u{3000}\u{a0} "));
        assert!(!text.is_match("a\u{0}b"));
    }

    #[test]
    fn blank_strings_are_rejected() {
        assert!(not_blank("  \t").is_err());
        assert!(not_blank(" a ").is_ok());
    }
}

#[cfg(test)]
mod pattern_tests {
    use super::{HTTP_URL_PATTERN, PHONE_PATTERN, http_url, not_blank, phone};

    #[test]
    fn the_validators_agree_with_the_documented_patterns() {
        let url = regex::Regex::new(HTTP_URL_PATTERN).unwrap();
        for (value, ok) in [
            ("https://utb.edu.vn", true),
            ("HTTP://so-khcn.sonla.gov.vn:8080/tin-tuc?id=1#a", true),
            ("http://a", true),
            ("ftp://utb.edu.vn", false),
            ("https://", false),
            ("https://utb edu.vn", false),
            ("https://utb.edu.vn/có dấu", false),
            ("https://-utb.vn", false),
            ("https://a.1", false),
            ("HTtp://G.8.9.A-cHePwlOfPx0rU0.0:8?s\"|(xg5!", false),
            ("https://1.2.3.4", false),
            ("https://xn--bcher-kva.vn/a?b=\"c\"|d", true),
            ("javascript:alert(1)", false),
            ("", false),
        ] {
            assert_eq!(http_url(value).is_ok(), ok, "{value}");
            assert_eq!(url.is_match(value), ok, "pattern: {value}");
        }
        let tel = regex::Regex::new(PHONE_PATTERN).unwrap();
        for (value, ok) in [
            ("+84 212 3751 700", true),
            ("0212.3751.700", true),
            ("1234567", false),
            ("1234567890123456", false),
            ("+84 (212) 3751", false),
            ("", false),
        ] {
            assert_eq!(phone(value).is_ok(), ok, "{value}");
            assert_eq!(tel.is_match(value), ok, "pattern: {value}");
        }
        for (value, ok) in [
            ("a", true),
            (" \t\n", false),
            ("\u{1c}\u{1f}", false),
            ("\u{a0}", false),
        ] {
            assert_eq!(not_blank(value).is_ok(), ok, "{value:?}");
        }
    }
}
