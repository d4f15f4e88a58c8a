//! Rows of the accounts tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_core::{ApiKeyId, UserId};
use sonla_db::schema::{api_keys, refresh_tokens, user_roles, users};
use sonla_db::search::Document;

/// A user row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    /// UUID v7.
    pub id: UserId,
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

/// The search-index kind of users.
pub const SEARCH_KIND: &str = "user";

impl User {
    /// The user's search document: the name, then the email.
    #[must_use]
    pub fn search_document(&self) -> Document {
        Document::new(
            SEARCH_KIND,
            self.id.as_str(),
            &self.full_name,
            &[&self.email],
        )
    }
}

/// Changed profile columns; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    /// New name.
    pub full_name: Option<String>,
    /// New telephone; `Some(None)` clears it.
    pub phone: Option<Option<String>>,
    /// New language.
    pub locale: Option<String>,
    /// New password hash.
    pub password_hash: Option<String>,
    /// Change time.
    pub updated_at: Option<NaiveDateTime>,
}

/// A role grant row.
#[derive(Debug, Insertable)]
#[diesel(table_name = user_roles)]
pub struct NewUserRole<'a> {
    /// The user.
    pub user_id: &'a UserId,
    /// The role's name.
    pub role: &'a str,
    /// When it was granted.
    pub granted_at: NaiveDateTime,
}

/// A refresh-token row: one link of a session's chain.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    /// UUID v7.
    pub id: String,
    /// The session: every token rotated from one login shares it.
    pub family_id: String,
    /// The owner.
    pub user_id: UserId,
    /// SHA-256 of the token.
    pub token_hash: String,
    /// Issue time.
    pub created_at: NaiveDateTime,
    /// After this it is refused.
    pub expires_at: NaiveDateTime,
    /// When it was exchanged; a second use revokes the family.
    pub used_at: Option<NaiveDateTime>,
    /// When it was revoked (logout, password change, reuse).
    pub revoked_at: Option<NaiveDateTime>,
}

/// An API-key row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    /// UUID v7.
    pub id: ApiKeyId,
    /// What the key is for.
    pub name: String,
    /// The public part of the key, which finds it.
    pub prefix: String,
    /// SHA-256 of the whole key.
    pub secret_hash: String,
    /// Space-separated scopes.
    pub scopes: String,
    /// The admin who created it.
    pub created_by: Option<UserId>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// After this it is refused.
    pub expires_at: Option<NaiveDateTime>,
    /// Last accepted use (updated at most once a minute).
    pub last_used_at: Option<NaiveDateTime>,
    /// When it was revoked.
    pub revoked_at: Option<NaiveDateTime>,
}

impl ApiKey {
    /// The scopes as a list.
    #[must_use]
    pub fn scope_list(&self) -> Vec<String> {
        self.scopes.split_whitespace().map(str::to_owned).collect()
    }
}
