//! Rows of the accounts tables and the global roles.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_db::schema::{user_roles, users};

/// A global role. Every account has [`Role::Member`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

/// A user row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    /// UUID v7.
    pub id: String,
    /// Trimmed, lower-case, unique.
    pub email: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Full name as the person writes it.
    pub full_name: String,
    /// Optional telephone number.
    pub phone: Option<String>,
    /// Preferred language (`vi` or `en`).
    pub locale: String,
    /// When the account was created (UTC).
    pub created_at: NaiveDateTime,
    /// When the account last changed (UTC).
    pub updated_at: NaiveDateTime,
}

/// A new user row.
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    /// UUID v7.
    pub id: &'a str,
    /// Normalised email.
    pub email: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Full name.
    pub full_name: &'a str,
    /// Preferred language.
    pub locale: &'a str,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Same as `created_at`.
    pub updated_at: NaiveDateTime,
}

/// A role grant row.
#[derive(Debug, Insertable)]
#[diesel(table_name = user_roles)]
pub struct NewUserRole<'a> {
    /// The user.
    pub user_id: &'a str,
    /// The role's name.
    pub role: &'a str,
    /// When it was granted.
    pub granted_at: NaiveDateTime,
}
