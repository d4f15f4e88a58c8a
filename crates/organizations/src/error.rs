//! Errors of the organisations domain.

use sonla_core::page::InvalidCursor;
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::DbError;

/// What can go wrong with an organisation.
#[derive(Debug, thiserror::Error)]
pub enum OrganizationError {
    /// No organisation has this id.
    #[error("organisation not found")]
    NotFound,
    /// Another organisation has the same name (ignoring case and diacritics).
    #[error("organisation name taken")]
    NameTaken,
    /// The caller may not do this.
    #[error("forbidden: {}", .0.en)]
    Forbidden(Localized),
    /// The user to add does not exist.
    #[error("user not found")]
    UserNotFound,
    /// The user is not a member.
    #[error("member not found")]
    MemberNotFound,
    /// The user is a member already.
    #[error("already a member")]
    AlreadyMember,
    /// The change would leave the organisation without an owner.
    #[error("last owner")]
    LastOwner,
    /// `If-Match` names another version.
    #[error("precondition failed")]
    PreconditionFailed,
    /// The cursor was not made by this list with this sort order.
    #[error("invalid cursor")]
    InvalidCursor,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl OrganizationError {
    /// A 403 with a reason.
    #[must_use]
    pub fn forbidden(vi: &str, en: &str) -> Self {
        Self::Forbidden(Localized::new(vi, en))
    }
}

impl From<diesel::result::Error> for OrganizationError {
    fn from(error: diesel::result::Error) -> Self {
        match DbError::from(error) {
            DbError::NotFound => Self::NotFound,
            // `name_key` is the only unique column besides the id, which we generate.
            DbError::UniqueViolation(_) => Self::NameTaken,
            other => Self::Db(other),
        }
    }
}

impl From<InvalidCursor> for OrganizationError {
    fn from(_: InvalidCursor) -> Self {
        Self::InvalidCursor
    }
}

impl DomainError for OrganizationError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::OrganizationNotFound,
            Self::NameTaken => ErrorCode::OrganizationNameTaken,
            Self::InvalidCursor => ErrorCode::InvalidCursor,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            // The user is named in the body, not the path: the request refers to a missing record.
            Self::UserNotFound => ErrorCode::InvalidReference,
            Self::MemberNotFound => ErrorCode::MemberNotFound,
            Self::AlreadyMember => ErrorCode::AlreadyMember,
            Self::LastOwner => ErrorCode::LastOwner,
            Self::PreconditionFailed => ErrorCode::PreconditionFailed,
            Self::Db(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::NameTaken => Some(Localized::new(
                "Đã có một tổ chức cùng tên (không phân biệt hoa thường và dấu)",
                "An organisation with the same name exists (ignoring case and diacritics)",
            )),
            Self::Forbidden(reason) => Some(reason.clone()),
            Self::InvalidCursor => Some(Localized::new(
                "Hãy dùng next_cursor của trang trước, với cùng thứ tự sắp xếp",
                "Use next_cursor from the previous page, with the same sort order",
            )),
            _ => None,
        }
    }
}
