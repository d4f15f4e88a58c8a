//! Errors of the organisations domain.

use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::{CommonError, DbError};

/// What can go wrong with an organisation.
#[derive(Debug, thiserror::Error)]
pub enum OrganizationError {
    /// No organisation has this id.
    #[error("organisation not found")]
    NotFound,
    /// Another organisation has the same name (ignoring case and diacritics).
    #[error("organisation name taken")]
    NameTaken,
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
    /// What every domain can meet: refusals, stale conditions, bad cursors, the database.
    #[error(transparent)]
    Common(#[from] CommonError),
}

sonla_db::common_conversions!(OrganizationError, own diesel);

impl From<diesel::result::Error> for OrganizationError {
    fn from(error: diesel::result::Error) -> Self {
        match DbError::from(error) {
            DbError::NotFound => Self::NotFound,
            // `name_key` is the only unique column besides the id, which we generate.
            DbError::UniqueViolation(_) => Self::NameTaken,
            other => Self::Common(CommonError::Db(other)),
        }
    }
}

impl DomainError for OrganizationError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::OrganizationNotFound,
            Self::NameTaken => ErrorCode::OrganizationNameTaken,
            // The user is named in the body, not the path: the request refers to a missing record.
            Self::UserNotFound => ErrorCode::InvalidReference,
            Self::MemberNotFound => ErrorCode::MemberNotFound,
            Self::AlreadyMember => ErrorCode::AlreadyMember,
            Self::LastOwner => ErrorCode::LastOwner,
            Self::Common(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::NameTaken => Some(Localized::new(
                "Đã có một tổ chức cùng tên (không phân biệt hoa thường và dấu)",
                "An organisation with the same name exists (ignoring case and diacritics)",
            )),
            Self::Common(CommonError::InvalidCursor) => Some(Localized::new(
                "Hãy dùng next_cursor của trang trước, với cùng thứ tự sắp xếp",
                "Use next_cursor from the previous page, with the same sort order",
            )),
            Self::Common(e) => e.detail(),
            _ => None,
        }
    }
}
