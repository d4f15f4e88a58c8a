//! Errors of the ideas domain.

use sonla_core::page::InvalidCursor;
use sonla_core::validation::{FieldError, custom};
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::DbError;
use sonla_db::lookup::LimitReached;

use crate::workflow::{Action, IdeaStatus};

/// What can go wrong with ideas.
#[derive(Debug, thiserror::Error)]
pub enum IdeaError {
    /// No idea with this id that the caller may see.
    #[error("idea not found")]
    NotFound,
    /// The caller may see the idea but not do this.
    #[error("forbidden: {}", .0.en)]
    Forbidden(Localized),
    /// The action is not allowed from the idea's status.
    #[error("cannot {} from {}", .action.as_str(), .from.as_str())]
    InvalidTransition {
        /// The status now.
        from: IdeaStatus,
        /// The action refused.
        action: Action,
    },
    /// A field breaks a rule checked by the service.
    #[error("invalid {field}: {}", .message.en)]
    Invalid {
        /// The field.
        field: &'static str,
        /// The rule.
        code: &'static str,
        /// Why.
        message: Localized,
    },
    /// The organisation named does not exist.
    #[error("organisation not found")]
    OrganizationNotFound,
    /// The user to add does not exist.
    #[error("user not found")]
    UserNotFound,
    /// The user is in the team already.
    #[error("already a member")]
    AlreadyMember,
    /// The user is not in the team.
    #[error("not a team member")]
    TeamMemberNotFound,
    /// The change would leave the team without a lead.
    #[error("last lead")]
    LastLead,
    /// The cursor is not one of this list.
    #[error("invalid cursor")]
    InvalidCursor,
    /// `If-Match` names another version.
    #[error("precondition failed")]
    PreconditionFailed,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The team or the history is full (see [`crate::limits`]).
    #[error("limit reached: {}", .0.en)]
    LimitReached(Localized),
}

impl IdeaError {
    /// A 403 with a reason.
    #[must_use]
    pub fn forbidden(vi: &str, en: &str) -> Self {
        Self::Forbidden(Localized::new(vi, en))
    }
}

impl From<LimitReached> for IdeaError {
    fn from(full: LimitReached) -> Self {
        Self::LimitReached(full.0)
    }
}

impl From<diesel::result::Error> for IdeaError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<InvalidCursor> for IdeaError {
    fn from(_: InvalidCursor) -> Self {
        Self::InvalidCursor
    }
}

impl DomainError for IdeaError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::IdeaNotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::Invalid { .. } => ErrorCode::ValidationFailed,
            Self::OrganizationNotFound => ErrorCode::OrganizationNotFound,
            // The user is named in the body, not the path: the request refers to a missing record.
            Self::UserNotFound => ErrorCode::InvalidReference,
            Self::AlreadyMember => ErrorCode::AlreadyMember,
            Self::TeamMemberNotFound => ErrorCode::TeamMemberNotFound,
            Self::LastLead => ErrorCode::LastLead,
            Self::InvalidCursor => ErrorCode::InvalidCursor,
            Self::PreconditionFailed => ErrorCode::PreconditionFailed,
            Self::LimitReached(_) => ErrorCode::LimitReached,
            Self::Db(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::Forbidden(reason) | Self::LimitReached(reason) => Some(reason.clone()),
            Self::InvalidTransition { from, action } => Some(Localized::new(
                format!(
                    "Không thể “{}” khi ý tưởng đang ở trạng thái “{}”",
                    action.as_str(),
                    from.as_str()
                ),
                format!(
                    "Cannot {} an idea that is {}",
                    action.as_str(),
                    from.as_str()
                ),
            )),
            _ => None,
        }
    }

    fn allowed_next_states(&self) -> Option<Vec<String>> {
        match self {
            Self::InvalidTransition { from, .. } => Some(
                crate::workflow::allowed_from(*from)
                    .into_iter()
                    .map(|(_, to)| to.as_str().to_owned())
                    .collect(),
            ),
            _ => None,
        }
    }

    fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Self::Invalid {
                field,
                code,
                message,
            } => vec![custom(*field, code, message.clone())],
            _ => Vec::new(),
        }
    }
}
