//! Errors of the accounts domain.

use sonla_core::validation::{FieldError, custom};
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::CommonError;

/// What can go wrong with accounts, sessions, roles and keys.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Another account uses this email.
    #[error("email already in use")]
    EmailTaken,
    /// The email is not an email address.
    #[error("invalid email")]
    InvalidEmail,
    /// A password breaks the password rules.
    #[error("password rejected: {}", .message.en)]
    WeakPassword {
        /// The request field that holds it.
        field: &'static str,
        /// `length` or `common_password`.
        code: &'static str,
        /// Why.
        message: Localized,
    },
    /// The current password given to change it is wrong.
    #[error("current password is wrong")]
    WrongCurrentPassword,
    /// Login failed; never says whether the email or the password was wrong.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// A refresh token or API key that is unknown, spent, revoked or expired.
    #[error("invalid token")]
    InvalidToken,
    /// Too many failed logins for this account or from this address.
    #[error("too many failed logins; retry after {retry_after} s")]
    TooManyAttempts {
        /// Seconds until an attempt may succeed.
        retry_after: u64,
    },
    /// No such user.
    #[error("user not found")]
    UserNotFound,
    /// No such API key.
    #[error("api key not found")]
    ApiKeyNotFound,
    /// The last administrator cannot lose the role.
    #[error("last admin")]
    LastAdmin,
    /// Every account keeps the `member` role.
    #[error("the member role cannot be revoked")]
    MemberRoleKept,
    /// Hashing failed (a broken parameter set, never the caller's fault).
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// What every domain can meet: refusals, full collections (see
    /// [`crate::api_keys::MAX_API_KEYS`]), stale conditions, bad cursors, the database.
    #[error(transparent)]
    Common(#[from] CommonError),
}

sonla_db::common_conversions!(AccountError);

impl DomainError for AccountError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::EmailTaken => ErrorCode::EmailTaken,
            Self::InvalidEmail | Self::WeakPassword { .. } | Self::WrongCurrentPassword => {
                ErrorCode::ValidationFailed
            }
            Self::InvalidCredentials => ErrorCode::InvalidCredentials,
            Self::InvalidToken => ErrorCode::InvalidToken,
            Self::TooManyAttempts { .. } => ErrorCode::TooManyLoginAttempts,
            Self::UserNotFound => ErrorCode::UserNotFound,
            Self::ApiKeyNotFound => ErrorCode::ApiKeyNotFound,
            Self::LastAdmin => ErrorCode::LastAdmin,
            Self::MemberRoleKept => ErrorCode::Conflict,
            Self::Hash(_) => ErrorCode::Internal,
            Self::Common(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::Common(e) => e.detail(),
            Self::MemberRoleKept => Some(Localized::new(
                "Mọi tài khoản đều giữ vai trò member",
                "Every account keeps the member role",
            )),
            _ => None,
        }
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            Self::TooManyAttempts { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Self::InvalidEmail => vec![custom(
                "email",
                "email",
                Localized::new("Địa chỉ email không hợp lệ", "Not a valid email address"),
            )],
            Self::WeakPassword {
                field,
                code,
                message,
            } => vec![custom(*field, code, message.clone())],
            Self::Common(e) => e.field_errors(),
            Self::WrongCurrentPassword => vec![custom(
                "current_password",
                "incorrect",
                Localized::new(
                    "Mật khẩu hiện tại không đúng",
                    "The current password is wrong",
                ),
            )],
            _ => Vec::new(),
        }
    }
}
