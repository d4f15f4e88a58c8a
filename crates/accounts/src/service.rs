//! Use cases of the accounts domain.

use sonla_core::id::new_id;
use sonla_db::{DbError, DbPool};

use crate::model::{NewUser, NewUserRole, Role};
use crate::{AccountError, password, repo};

/// Trims and lower-cases an email, and checks its shape.
pub fn normalise_email(raw: &str) -> Result<String, AccountError> {
    let email = raw.trim().to_lowercase();
    if email.chars().count() > 254 || sonla_core::validation::email(&email).is_err() {
        return Err(AccountError::InvalidEmail);
    }
    Ok(email)
}

/// The account created by [`create_admin`].
#[derive(Debug, Clone)]
pub struct CreatedAdmin {
    /// The new user's id.
    pub id: String,
    /// The normalised email.
    pub email: String,
    /// Its roles.
    pub roles: Vec<String>,
}

/// Creates an administrator account (roles `admin` and `member`).
#[tracing::instrument(skip_all)]
pub async fn create_admin(
    pool: &DbPool,
    email: &str,
    password: &str,
    full_name: &str,
) -> Result<CreatedAdmin, AccountError> {
    let email = normalise_email(email)?;
    password::check_rules(password)?;
    // Hashing is slow on purpose: do it on the blocking pool too, before taking a connection.
    let secret = password.to_owned();
    let hash = sonla_db::blocking(move || password::hash(&secret)).await?;
    let full_name = if full_name.trim().is_empty() {
        "Administrator".to_owned()
    } else {
        full_name.trim().to_owned()
    };
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            if repo::find_by_email(conn, &email)?.is_some() {
                return Err(AccountError::EmailTaken);
            }
            let id = new_id();
            let now = sonla_db::now();
            repo::insert(
                conn,
                &NewUser {
                    id: &id,
                    email: &email,
                    password_hash: &hash,
                    full_name: &full_name,
                    locale: "vi",
                    created_at: now,
                    updated_at: now,
                },
            )
            .map_err(|e| match DbError::from(e) {
                DbError::UniqueViolation(_) => AccountError::EmailTaken,
                other => other.into(),
            })?;
            for role in [Role::Admin, Role::Member] {
                repo::insert_role(
                    conn,
                    &NewUserRole {
                        user_id: &id,
                        role: role.as_str(),
                        granted_at: now,
                    },
                )?;
            }
            let roles = repo::roles_of(conn, &id)?;
            Ok(CreatedAdmin { id, email, roles })
        })
    })
    .await
}
