//! Errors of the ideas domain.

use sonla_core::validation::FieldError;
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::CommonError;

use crate::workflow::{Action, IdeaStatus};

/// What can go wrong with ideas.
#[derive(Debug, thiserror::Error)]
pub enum IdeaError {
    /// No idea with this id that the caller may see.
    #[error("idea not found")]
    NotFound,
    /// The action is not allowed from the idea's status.
    #[error("cannot {} from {}", .action.as_str(), .from.as_str())]
    InvalidTransition {
        /// The status now.
        from: IdeaStatus,
        /// The action refused.
        action: Action,
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
    /// What every domain can meet: refusals (the caller may see the idea but not do this),
    /// invalid fields, full collections (see [`crate::limits`]), stale conditions, bad
    /// cursors, the database.
    #[error(transparent)]
    Common(#[from] CommonError),
}

sonla_db::common_conversions!(IdeaError);

impl DomainError for IdeaError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::IdeaNotFound,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::OrganizationNotFound => ErrorCode::OrganizationNotFound,
            // The user is named in the body, not the path: the request refers to a missing record.
            Self::UserNotFound => ErrorCode::InvalidReference,
            Self::AlreadyMember => ErrorCode::AlreadyMember,
            Self::TeamMemberNotFound => ErrorCode::TeamMemberNotFound,
            Self::LastLead => ErrorCode::LastLead,
            Self::Common(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::Common(e) => e.detail(),
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
            Self::Common(e) => e.field_errors(),
            _ => Vec::new(),
        }
    }
}
