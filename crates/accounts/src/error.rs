//! Errors of the accounts domain.

use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::DbError;

/// What can go wrong with an account.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Another account uses this email.
    #[error("email already in use")]
    EmailTaken,
    /// The email is not an email address.
    #[error("invalid email")]
    InvalidEmail,
    /// The password breaks the password rules.
    #[error("password rejected: {}", .0.en)]
    WeakPassword(Localized),
    /// Hashing failed (a broken parameter set, never the caller's fault).
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AccountError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

impl DomainError for AccountError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::EmailTaken => ErrorCode::EmailTaken,
            Self::InvalidEmail | Self::WeakPassword(_) => ErrorCode::ValidationFailed,
            Self::Hash(_) => ErrorCode::Internal,
            Self::Db(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::InvalidEmail => Some(Localized::new(
                "Địa chỉ email không hợp lệ",
                "Not a valid email address",
            )),
            Self::WeakPassword(message) => Some(message.clone()),
            _ => None,
        }
    }
}
