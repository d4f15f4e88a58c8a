//! Public identifiers: UUID v7 strings, never sequential integers.

use uuid::Uuid;

/// A new time-ordered identifier (UUID v7) in its canonical lower-case form.
#[must_use]
pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// Parses a path or body identifier, returning it in canonical form.
#[must_use]
pub fn parse_id(raw: &str) -> Option<String> {
    Uuid::try_parse(raw).ok().map(|id| id.to_string())
}

/// A record's id as the API writes it: a hyphenated UUID (OpenAPI only).
#[derive(utoipa::ToSchema)]
#[schema(format = Uuid, min_length = 36, max_length = 36)]
pub struct RecordId(pub String);
