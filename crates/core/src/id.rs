//! Public identifiers: UUID v7 strings, never sequential integers, one type per entity.
//!
//! Each entity's id is its own type ([`IdeaId`], [`CompetitionId`], ...), so an idea's id
//! cannot be passed where a competition's is wanted. An id holds the canonical lower-case
//! hyphenated text of a UUID: it is what the database stores (a `TEXT` column on both
//! backends) and what the API writes. It deserialises only from a UUID (a path segment or
//! a body field that is not one fails to parse), serialises as a plain string, and, with the
//! `diesel` feature (enabled by `sonla-db`), binds to and loads from `Text` columns.
//!
//! A new entity adds one line to the [`entity_ids!`] list below.

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

/// Declares one id type per entity, with its conversions, serde, OpenAPI and diesel support.
macro_rules! entity_ids {
    ($($(#[$meta:meta])* $name:ident,)*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[cfg_attr(feature = "diesel", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow))]
        #[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A new id (UUID v7).
            #[must_use]
            pub fn generate() -> Self {
                Self(new_id())
            }

            /// Parses any UUID spelling into the canonical form.
            #[must_use]
            pub fn parse(raw: &str) -> Option<Self> {
                parse_id(raw).map(Self)
            }

            /// Wraps text that is already a canonical id: read back by a query that does not
            /// load through diesel's types, or the same value as another entity's id.
            #[must_use]
            pub const fn from_stored(text: String) -> Self {
                Self(text)
            }

            /// The canonical text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The canonical text, owned.
            #[must_use]
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id.to_string())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                Uuid::try_parse(raw).map(Self::from)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Uuid::deserialize(deserializer).map(Self::from)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                <RecordId as utoipa::PartialSchema>::schema()
            }
        }

        impl utoipa::ToSchema for $name {}

        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(self.0.as_str(), out)
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                String::from_sql(bytes).map(Self)
            }
        }
    )*};
}

entity_ids! {
    /// A user account.
    UserId,
    /// An organisation (a university club, an incubator, an agency).
    OrganizationId,
    /// An API key.
    ApiKeyId,
    /// A startup idea.
    IdeaId,
    /// An idea competition.
    CompetitionId,
    /// A round of a competition.
    RoundId,
    /// A scoring criterion of a round.
    CriterionId,
    /// A competition entry (an idea entered in a competition).
    EntryId,
    /// A declared conflict of interest.
    ConflictId,
    /// A judge's assignment to an entry in a round; its score sheet shares the id.
    AssignmentId,
    /// An award of a competition.
    AwardId,
}

#[cfg(test)]
mod tests {
    use super::{IdeaId, UserId};

    #[test]
    fn ids_parse_any_uuid_spelling_into_the_canonical_form() {
        let id = IdeaId::parse("0191F7A8-3C1B-7D2E-9A4B-0123456789AB").unwrap();
        assert_eq!(id.as_str(), "0191f7a8-3c1b-7d2e-9a4b-0123456789ab");
        assert!(IdeaId::parse("not-a-uuid").is_none());
        assert!(IdeaId::parse("").is_none());
    }

    #[test]
    fn ids_deserialise_only_from_uuids_and_serialise_as_plain_strings() {
        let id: UserId = serde_json::from_str("\"0191f7a8-3c1b-7d2e-9a4b-0123456789ab\"").unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"0191f7a8-3c1b-7d2e-9a4b-0123456789ab\""
        );
        assert!(serde_json::from_str::<UserId>("\"12\"").is_err());
        assert!(serde_json::from_str::<UserId>("12").is_err());
    }

    #[test]
    fn new_ids_are_distinct_canonical_uuids() {
        let (a, b) = (IdeaId::generate(), IdeaId::generate());
        assert_ne!(a, b);
        assert_eq!(IdeaId::parse(a.as_str()), Some(a));
    }
}
