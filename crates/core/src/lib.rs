//! Shared vocabulary of every crate: ids, error codes and their messages, languages,
//! cursor pagination, Vietnamese text folding and validation helpers.
//!
//! This crate knows nothing of HTTP or of the database.

pub mod auth;
pub mod error;
pub mod id;
pub mod lang;
pub mod page;
pub mod rand;
pub mod reference;
pub mod text;
pub mod validation;

pub use auth::{Actor, Principal, Role};
pub use error::{DomainError, ErrorCode, Localized};
pub use id::{
    ApiKeyId, AssignmentId, AwardId, CompetitionId, ConflictId, CriterionId, EntryId, IdeaId,
    OrganizationId, RoundId, UserId,
};
pub use lang::Lang;
pub use page::{Cursor, Page, PageRequest};
pub use reference::{Sector, Stage};

/// Serde helpers shared by request types.
pub mod serde_ext {
    use serde::{Deserialize, Deserializer};

    /// Tells a missing field (`None`: leave unchanged) from an explicit `null`
    /// (`Some(None)`: clear it) in PATCH bodies. Use with `#[serde(default, deserialize_with = ..)]`.
    pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    /// Trims a string and turns an empty one into `None`.
    #[must_use]
    pub fn clean(value: Option<String>) -> Option<String> {
        value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    }

    /// A value as the JSON text stored in a `TEXT` column (tags, tracks, published results).
    /// Serialising plain data cannot fail; an empty list would stand for it if it did.
    #[must_use]
    pub fn to_json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Trims a name and collapses its inner white space.
    #[must_use]
    pub fn clean_name(value: &str) -> String {
        value.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Declares a closed set of `snake_case` names stored as text: the enum with serde and OpenAPI
/// derives, `ALL`, `as_str` and `parse`.
#[macro_export]
macro_rules! string_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The stored and serialised name.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// Reads a stored name.
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }
    };
}

/// Lower-case hexadecimal of bytes (hashes in keys, tags and fingerprints).
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// An entity tag as the API writes it (`W/"…"` or a quoted version), in `ETag` and for
/// `If-Match` (OpenAPI only).
#[derive(utoipa::ToSchema)]
#[schema(max_length = 64)]
pub struct EntityTag(pub String);

/// A URL path of this API, as in `Location` (OpenAPI only).
#[derive(utoipa::ToSchema)]
#[schema(max_length = 2048)]
pub struct UrlPath(pub String);

/// The weak entity tag of a representation: a hash of the bytes the caller receives.
#[must_use]
pub fn etag_of_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("W/\"{}\"", hex(&Sha256::digest(bytes)[..12]))
}

/// The weak entity tag of a value as it is sent in JSON.
#[must_use]
pub fn etag_of<T: serde::Serialize>(value: &T) -> String {
    etag_of_bytes(&serde_json::to_vec(value).unwrap_or_default())
}

/// Whether a list of entity tags (`If-Match`, `If-None-Match`) names `etag`, by weak
/// comparison (RFC 9110 §8.8.3.2), `*` naming any.
#[must_use]
pub fn etag_listed(list: &str, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    list.trim() == "*"
        || list
            .split(',')
            .any(|candidate| bare(candidate) == bare(etag))
}

/// Whether a conditional change may go ahead (RFC 9110 §13.1.1): `If-Match` is absent (the
/// change is unconditional), is `*`, or lists the tag of `current`, the representation the
/// caller would read now. Evaluate it inside the write's transaction, after locking the record.
#[must_use]
pub fn if_match_holds<T: serde::Serialize>(if_match: Option<&str>, current: &T) -> bool {
    if_match.is_none_or(|list| etag_listed(list, &etag_of(current)))
}

/// [`if_match_holds`] for a resource with no representation of its own (a held role): only
/// `*` can hold, and only while the resource exists.
#[must_use]
pub fn if_match_exists(if_match: Option<&str>, exists: bool) -> bool {
    if_match.is_none_or(|list| exists && list.trim() == "*")
}

#[cfg(test)]
mod tests {
    use super::{etag_of, if_match_exists, if_match_holds};

    #[test]
    fn if_match_holds_when_absent_any_or_current() {
        let current = serde_json::json!({"role": "member"});
        let tag = etag_of(&current);
        assert!(if_match_holds(None, &current));
        assert!(if_match_holds(Some("*"), &current));
        assert!(if_match_holds(Some(&tag), &current));
        assert!(if_match_holds(Some(&format!("\"x\", {tag}")), &current));
        assert!(!if_match_holds(Some("\"x\""), &current));
        assert!(!if_match_holds(
            Some(&etag_of(&serde_json::json!({"role": "owner"}))),
            &current
        ));
    }

    #[test]
    fn without_a_representation_only_star_holds_and_only_on_an_existing_resource() {
        assert!(if_match_exists(None, false));
        assert!(if_match_exists(Some(" * "), true));
        assert!(!if_match_exists(Some("*"), false));
        assert!(!if_match_exists(Some(&etag_of(&())), true));
    }
}
