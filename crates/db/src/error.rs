//! Database errors, mapped once to stable error codes, and the errors every domain shares.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use sonla_core::page::InvalidCursor;
use sonla_core::validation::{FieldError, custom};
use sonla_core::{DomainError, ErrorCode, Localized};

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("record not found")]
    NotFound,
    /// A unique constraint refused the write.
    #[error("unique constraint violated: {0}")]
    UniqueViolation(String),
    /// A foreign key points at a missing row.
    #[error("foreign key constraint violated: {0}")]
    ForeignKeyViolation(String),
    /// No connection could be had in time, or the database is locked or down.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The blocking task running the query died.
    #[error("database task failed: {0}")]
    TaskFailed(String),
    /// Any other database error.
    #[error(transparent)]
    Query(DieselError),
}

impl From<DieselError> for DbError {
    fn from(error: DieselError) -> Self {
        match error {
            DieselError::NotFound => Self::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                Self::UniqueViolation(info.message().to_owned())
            }
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => {
                Self::ForeignKeyViolation(info.message().to_owned())
            }
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                Self::Unavailable(info.message().to_owned())
            }
            // SQLite reports a lock it waited for in vain as an unclassified error.
            DieselError::DatabaseError(_, ref info)
                if info.message().contains("database is locked") =>
            {
                Self::Unavailable(info.message().to_owned())
            }
            other => Self::Query(other),
        }
    }
}

impl DomainError for DbError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::UniqueViolation(_) => ErrorCode::Conflict,
            Self::ForeignKeyViolation(_) => ErrorCode::InvalidReference,
            Self::Unavailable(_) => ErrorCode::ServiceUnavailable,
            Self::TaskFailed(_) | Self::Query(_) => ErrorCode::Internal,
        }
    }
}

/// The errors every domain shares: refusals, stale conditions, full collections, a field a
/// service rule refused, and the database. Each domain error holds it as
/// `#[error(transparent)] Common(#[from] CommonError)` and keeps only its own variants.
#[derive(Debug, thiserror::Error)]
pub enum CommonError {
    /// The caller may not do this (403), with the reason.
    #[error("forbidden: {}", .0.en)]
    Forbidden(Localized),
    /// A `cursor` this list did not make (400).
    #[error("invalid cursor")]
    InvalidCursor,
    /// `If-Match` names another version of the record (412).
    #[error("precondition failed")]
    PreconditionFailed,
    /// A collection is full (409 `limit_reached`): "at most N …".
    #[error("limit reached: {}", .0.en)]
    LimitReached(Localized),
    /// A field breaks a rule checked by a service (422).
    #[error("invalid {field}: {}", .message.en)]
    Invalid {
        /// The field, as the request names it (`scores[2].value`).
        field: String,
        /// The rule.
        code: &'static str,
        /// Why.
        message: Localized,
    },
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl CommonError {
    /// A 403 with a reason.
    #[must_use]
    pub fn forbidden(vi: &str, en: &str) -> Self {
        Self::Forbidden(Localized::new(vi, en))
    }

    /// A 422 on one field.
    #[must_use]
    pub fn invalid(field: impl Into<String>, code: &'static str, vi: &str, en: &str) -> Self {
        Self::Invalid {
            field: field.into(),
            code,
            message: Localized::new(vi, en),
        }
    }
}

/// A request field that validation has already checked is a UUID, as the id type of the
/// entity it names; a 422 naming the field should it not be one.
pub fn body_id<I: std::str::FromStr>(field: &str, raw: &str) -> Result<I, CommonError> {
    raw.parse()
        .map_err(|_| CommonError::invalid(field, "uuid", "Phải là một UUID", "Must be a UUID"))
}

/// 412 unless an `If-Match` condition held (`sonla_core::if_match_holds`).
pub fn precondition(holds: bool) -> Result<(), CommonError> {
    if holds {
        Ok(())
    } else {
        Err(CommonError::PreconditionFailed)
    }
}

impl From<DieselError> for CommonError {
    fn from(error: DieselError) -> Self {
        Self::Db(error.into())
    }
}

impl From<InvalidCursor> for CommonError {
    fn from(_: InvalidCursor) -> Self {
        Self::InvalidCursor
    }
}

impl DomainError for CommonError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::InvalidCursor => ErrorCode::InvalidCursor,
            Self::PreconditionFailed => ErrorCode::PreconditionFailed,
            Self::LimitReached(_) => ErrorCode::LimitReached,
            Self::Invalid { .. } => ErrorCode::ValidationFailed,
            Self::Db(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::Forbidden(reason) | Self::LimitReached(reason) => Some(reason.clone()),
            _ => None,
        }
    }

    fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Self::Invalid {
                field,
                code,
                message,
            } => vec![custom(field.clone(), code, message.clone())],
            _ => Vec::new(),
        }
    }
}

/// Gives a domain error the conversions of [`CommonError`]'s sources, so `?` works on a
/// query (`diesel::result::Error`), a pool call ([`DbError`]) and a cursor
/// (`InvalidCursor`): `sonla_db::common_conversions!(IdeaError);` next to the enum, whose
/// `Common` variant holds the [`CommonError`]. A domain that reads some database errors as
/// its own (a unique name taken) writes `common_conversions!(OrganizationError, own diesel)`
/// and its own `From<diesel::result::Error>`.
#[macro_export]
macro_rules! common_conversions {
    ($error:ty) => {
        $crate::common_conversions!($error, own diesel);

        impl From<diesel::result::Error> for $error {
            fn from(error: diesel::result::Error) -> Self {
                Self::Common($crate::CommonError::from(error))
            }
        }
    };
    ($error:ty, own diesel) => {
        impl From<$crate::DbError> for $error {
            fn from(error: $crate::DbError) -> Self {
                Self::Common($crate::CommonError::Db(error))
            }
        }

        impl From<::sonla_core::page::InvalidCursor> for $error {
            fn from(_: ::sonla_core::page::InvalidCursor) -> Self {
                Self::Common($crate::CommonError::InvalidCursor)
            }
        }
    };
}
