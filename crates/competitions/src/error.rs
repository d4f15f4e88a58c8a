//! Errors of the competitions domain.

use sonla_core::validation::FieldError;
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::CommonError;

/// What can go wrong with competitions.
#[derive(Debug, thiserror::Error)]
pub enum CompetitionError {
    /// No such competition (or not visible to the caller).
    #[error("competition not found")]
    CompetitionNotFound,
    /// No such round.
    #[error("round not found")]
    RoundNotFound,
    /// No such entry.
    #[error("entry not found")]
    EntryNotFound,
    /// No such assignment (or not the caller's).
    #[error("assignment not found")]
    AssignmentNotFound,
    /// A lifecycle step not allowed from the current status.
    #[error("invalid transition from {from}")]
    InvalidTransition {
        /// Status now.
        from: &'static str,
        /// Where it may go.
        allowed: Vec<&'static str>,
    },
    /// A precondition of the step is not met.
    #[error("not ready: {}", .0.en)]
    NotReady(Localized),
    /// The round is closed.
    #[error("round closed")]
    RoundClosed,
    /// The sheet is submitted.
    #[error("sheet locked")]
    SheetLocked,
    /// The judge is conflicted with the entry.
    #[error("conflict of interest")]
    ConflictOfInterest,
    /// The idea is entered already.
    #[error("already entered")]
    AlreadyEntered,
    /// The version sent is not the current one.
    #[error("version mismatch")]
    VersionMismatch,
    /// A change of an existing sheet came without a version.
    #[error("version required")]
    VersionRequired,
    /// Results are not published yet.
    #[error("results not published")]
    NotPublished,
    /// What every domain can meet: refusals, invalid fields, full collections (see
    /// [`crate::limits`]), stale conditions, bad cursors, the database.
    #[error(transparent)]
    Common(#[from] CommonError),
}

sonla_db::common_conversions!(CompetitionError);

impl CompetitionError {
    /// A 409 for an unmet precondition.
    #[must_use]
    pub fn not_ready(vi: &str, en: &str) -> Self {
        Self::NotReady(Localized::new(vi, en))
    }
}

impl DomainError for CompetitionError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::CompetitionNotFound => ErrorCode::CompetitionNotFound,
            Self::RoundNotFound => ErrorCode::RoundNotFound,
            Self::EntryNotFound => ErrorCode::EntryNotFound,
            Self::AssignmentNotFound => ErrorCode::AssignmentNotFound,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::NotReady(_) => ErrorCode::NotReady,
            Self::RoundClosed => ErrorCode::RoundClosed,
            Self::SheetLocked => ErrorCode::SheetLocked,
            Self::ConflictOfInterest => ErrorCode::ConflictOfInterest,
            Self::AlreadyEntered => ErrorCode::AlreadyEntered,
            Self::VersionMismatch => ErrorCode::VersionMismatch,
            Self::VersionRequired => ErrorCode::VersionRequired,
            Self::NotPublished => ErrorCode::ResultsNotPublished,
            Self::Common(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::NotReady(reason) => Some(reason.clone()),
            Self::Common(e) => e.detail(),
            _ => None,
        }
    }

    fn allowed_next_states(&self) -> Option<Vec<String>> {
        match self {
            Self::InvalidTransition { allowed, .. } => {
                Some(allowed.iter().map(|s| (*s).to_owned()).collect())
            }
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
