//! Errors of the competitions domain.

use sonla_core::validation::{FieldError, custom};
use sonla_core::{DomainError, ErrorCode, Localized};
use sonla_db::DbError;
use sonla_db::lookup::LimitReached;

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
    /// The caller may not do this.
    #[error("forbidden: {}", .0.en)]
    Forbidden(Localized),
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
    /// `If-Match` names another version of the record.
    #[error("precondition failed")]
    PreconditionFailed,
    /// Results are not published yet.
    #[error("results not published")]
    NotPublished,
    /// A `cursor` this API did not make.
    #[error("invalid cursor")]
    InvalidCursor,
    /// A collection of the competition is full.
    #[error("limit reached: {}", .0.en)]
    LimitReached(Localized),
    /// A field breaks a rule checked by the service.
    #[error("invalid {field}: {}", .message.en)]
    Invalid {
        /// The field.
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

impl CompetitionError {
    /// A 403 with a reason.
    #[must_use]
    pub fn forbidden(vi: &str, en: &str) -> Self {
        Self::Forbidden(Localized::new(vi, en))
    }

    /// A 409 for an unmet precondition.
    #[must_use]
    pub fn not_ready(vi: &str, en: &str) -> Self {
        Self::NotReady(Localized::new(vi, en))
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

impl From<LimitReached> for CompetitionError {
    fn from(full: LimitReached) -> Self {
        Self::LimitReached(full.0)
    }
}

impl From<diesel::result::Error> for CompetitionError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

impl DomainError for CompetitionError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::CompetitionNotFound => ErrorCode::CompetitionNotFound,
            Self::RoundNotFound => ErrorCode::RoundNotFound,
            Self::EntryNotFound => ErrorCode::EntryNotFound,
            Self::AssignmentNotFound => ErrorCode::AssignmentNotFound,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::NotReady(_) => ErrorCode::NotReady,
            Self::RoundClosed => ErrorCode::RoundClosed,
            Self::SheetLocked => ErrorCode::SheetLocked,
            Self::ConflictOfInterest => ErrorCode::ConflictOfInterest,
            Self::AlreadyEntered => ErrorCode::AlreadyEntered,
            Self::VersionMismatch => ErrorCode::VersionMismatch,
            Self::VersionRequired => ErrorCode::VersionRequired,
            Self::PreconditionFailed => ErrorCode::PreconditionFailed,
            Self::NotPublished => ErrorCode::ResultsNotPublished,
            Self::InvalidCursor => ErrorCode::InvalidCursor,
            Self::LimitReached(_) => ErrorCode::LimitReached,
            Self::Invalid { .. } => ErrorCode::ValidationFailed,
            Self::Db(e) => e.code(),
        }
    }

    fn detail(&self) -> Option<Localized> {
        match self {
            Self::Forbidden(reason) | Self::NotReady(reason) | Self::LimitReached(reason) => {
                Some(reason.clone())
            }
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
            Self::Invalid {
                field,
                code,
                message,
            } => vec![custom(field.clone(), code, message.clone())],
            _ => Vec::new(),
        }
    }
}
