//! Database errors, mapped once to stable error codes.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use sonla_core::{DomainError, ErrorCode};

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
