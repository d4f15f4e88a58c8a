//! Who may see what of an idea. The same rules drive single reads, lists, search, counts and
//! the sync feed (where the SQL form of [`Viewer`] lives in [`crate::repo`]).

use sonla_core::{Actor, UserId};

use crate::model::{Idea, TeamRole, Visibility};

/// The caller, as far as ideas are concerned.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// Not logged in: public ideas only.
    Anonymous,
    /// Logged in: public and members-only ideas, and their own teams' ideas.
    Member(Actor),
    /// Officers and admins: everything, private fields included.
    Staff(Actor),
}

impl Viewer {
    /// The viewer for an optional actor.
    #[must_use]
    pub fn of(actor: Option<&Actor>) -> Self {
        match actor {
            None => Self::Anonymous,
            Some(actor) if actor.is_staff() => Self::Staff(actor.clone()),
            Some(actor) => Self::Member(actor.clone()),
        }
    }

    /// The logged-in user's id.
    #[must_use]
    pub fn user_id(&self) -> Option<&UserId> {
        match self {
            Self::Anonymous => None,
            Self::Member(actor) | Self::Staff(actor) => Some(&actor.user_id),
        }
    }

    /// Officers and admins.
    #[must_use]
    pub const fn is_staff(&self) -> bool {
        matches!(self, Self::Staff(_))
    }
}

/// Whether the viewer may see the (undeleted) idea, given their role in its team.
#[must_use]
pub fn can_view(idea: &Idea, viewer: &Viewer, team_role: Option<TeamRole>) -> bool {
    if idea.deleted_at.is_some() {
        return false;
    }
    match (viewer, Visibility::parse(&idea.visibility)) {
        (Viewer::Staff(_), _)
        | (_, Some(Visibility::Public))
        | (Viewer::Member(_), Some(Visibility::Members)) => true,
        (Viewer::Member(_), _) => team_role.is_some(),
        (Viewer::Anonymous, _) => false,
    }
}

/// Whether the viewer sees the private parts: funding notes and team contacts.
#[must_use]
pub const fn sees_private(viewer: &Viewer, team_role: Option<TeamRole>) -> bool {
    viewer.is_staff() || team_role.is_some()
}
