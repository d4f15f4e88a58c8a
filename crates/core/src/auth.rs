//! Who is calling: global roles and the logged-in actor that services authorise against.
//!
//! The API layer turns a verified access token into an [`Actor`]; services state their rule
//! with these checks, where the data is.

use crate::id::{ApiKeyId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A global role. Every account has [`Role::Member`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the platform.
    Admin,
    /// Staff of a provincial agency (the Department of Science and Technology, …).
    Officer,
    /// Scores competition entries.
    Judge,
    /// Mentors founders.
    Mentor,
    /// Invests in startups.
    Investor,
    /// Anyone registered.
    Member,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 6] = [
        Self::Admin,
        Self::Officer,
        Self::Judge,
        Self::Mentor,
        Self::Investor,
        Self::Member,
    ];

    /// The stored and serialised name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Officer => "officer",
            Self::Judge => "judge",
            Self::Mentor => "mentor",
            Self::Investor => "investor",
            Self::Member => "member",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// A logged-in person, as proven by a valid access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's id.
    pub user_id: UserId,
    /// Global roles, as of when the token was issued.
    pub roles: Vec<Role>,
    /// The login session (refresh-token family) the token belongs to.
    pub session_id: Option<String>,
}

impl Actor {
    /// Whether the actor holds `role`.
    #[must_use]
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Admins, who may do anything.
    #[must_use]
    pub fn is_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }

    /// Admins and officers: provincial staff.
    #[must_use]
    pub fn is_staff(&self) -> bool {
        self.has_role(Role::Admin) || self.has_role(Role::Officer)
    }

    /// Whether the actor is the user `user_id` (owner of a record).
    #[must_use]
    pub fn is(&self, user_id: &UserId) -> bool {
        &self.user_id == user_id
    }
}

/// Who did something, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A logged-in person.
    User(Actor),
    /// A machine client authenticated with an API key.
    ApiKey {
        /// The key's id.
        key_id: ApiKeyId,
        /// What the key may do.
        scopes: Vec<String>,
    },
}

impl Principal {
    /// The acting person, if it is one.
    #[must_use]
    pub const fn actor(&self) -> Option<&Actor> {
        match self {
            Self::User(actor) => Some(actor),
            Self::ApiKey { .. } => None,
        }
    }

    /// Whether an API key holds `scope` (people are checked by role instead).
    #[must_use]
    pub fn has_scope(&self, scope: &str) -> bool {
        matches!(self, Self::ApiKey { scopes, .. } if scopes.iter().any(|s| s == scope))
    }
}
