//! The selection workflow as a pure state machine.
//!
//! ```text
//! draft ──submit──▶ submitted ──review──▶ under_review ──select──▶ selected ──incubate──▶ incubated
//!   ▲                  │                      │    └──reject──▶ rejected
//!   └────withdraw──────┴──────────────────────┘
//! draft, rejected, selected, incubated ──archive──▶ archived
//! ```
//!
//! The idea's lead submits, withdraws and archives; officers and admins review, select,
//! reject, incubate and archive.

use sonla_core::string_enum;

string_enum! {
    /// Where an idea stands in the selection workflow.
    pub enum IdeaStatus {
        /// Being written by its team.
        Draft => "draft",
        /// Sent for review.
        Submitted => "submitted",
        /// Being reviewed by officers.
        UnderReview => "under_review",
        /// Selected for support.
        Selected => "selected",
        /// Not selected.
        Rejected => "rejected",
        /// In an incubation programme.
        Incubated => "incubated",
        /// No longer active.
        Archived => "archived",
    }
}

string_enum! {
    /// A workflow action, `POST /api/v1/ideas/{id}/<action>`.
    pub enum Action {
        /// The lead sends a draft for review.
        Submit => "submit",
        /// The lead takes a submitted idea back to draft.
        Withdraw => "withdraw",
        /// An officer starts reviewing.
        Review => "review",
        /// An officer selects it.
        Select => "select",
        /// An officer rejects it.
        Reject => "reject",
        /// An officer moves a selected idea into incubation.
        Incubate => "incubate",
        /// The lead or an officer archives it.
        Archive => "archive",
    }
}

/// Who may take an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Performer {
    /// The idea's lead.
    Lead,
    /// Officers and admins.
    Staff,
    /// Either.
    LeadOrStaff,
}

/// The status an action leads to from `from`, if the action is allowed there.
#[must_use]
pub const fn next(from: IdeaStatus, action: Action) -> Option<IdeaStatus> {
    use Action as A;
    use IdeaStatus as S;
    match (from, action) {
        (S::Draft, A::Submit) => Some(S::Submitted),
        (S::Submitted | S::UnderReview, A::Withdraw) => Some(S::Draft),
        (S::Submitted, A::Review) => Some(S::UnderReview),
        (S::UnderReview, A::Select) => Some(S::Selected),
        (S::UnderReview, A::Reject) => Some(S::Rejected),
        (S::Selected, A::Incubate) => Some(S::Incubated),
        (S::Draft | S::Rejected | S::Selected | S::Incubated, A::Archive) => Some(S::Archived),
        _ => None,
    }
}

/// Who may take `action`.
#[must_use]
pub const fn performer(action: Action) -> Performer {
    match action {
        Action::Submit | Action::Withdraw => Performer::Lead,
        Action::Review | Action::Select | Action::Reject | Action::Incubate => Performer::Staff,
        Action::Archive => Performer::LeadOrStaff,
    }
}

/// The states reachable from `from`, with the action that reaches each.
#[must_use]
pub fn allowed_from(from: IdeaStatus) -> Vec<(Action, IdeaStatus)> {
    Action::ALL
        .iter()
        .filter_map(|a| next(from, *a).map(|to| (*a, to)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Action, IdeaStatus, allowed_from, next};

    #[test]
    fn the_happy_path() {
        let mut status = IdeaStatus::Draft;
        for action in [
            Action::Submit,
            Action::Review,
            Action::Select,
            Action::Incubate,
            Action::Archive,
        ] {
            status = next(status, action).unwrap();
        }
        assert_eq!(status, IdeaStatus::Archived);
    }

    #[test]
    fn every_pair_is_either_a_listed_transition_or_refused() {
        let mut allowed = 0;
        for from in IdeaStatus::ALL {
            for action in Action::ALL {
                if let Some(to) = next(*from, *action) {
                    allowed += 1;
                    assert!(allowed_from(*from).contains(&(*action, to)));
                }
            }
        }
        assert_eq!(allowed, 11, "the diagram in the module docs has 11 arrows");
        assert!(
            allowed_from(IdeaStatus::Archived).is_empty(),
            "archived is final"
        );
    }

    #[test]
    fn rejection_needs_a_review_first() {
        assert_eq!(next(IdeaStatus::Submitted, Action::Reject), None);
        assert_eq!(
            next(IdeaStatus::UnderReview, Action::Reject),
            Some(IdeaStatus::Rejected)
        );
    }
}
