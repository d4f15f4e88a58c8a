//! Queries of the accounts tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_core::{ApiKeyId, UserId};
use sonla_db::schema::{api_keys, refresh_tokens, user_roles, users};
use sonla_db::search::{self, Query};
use sonla_db::{DbConnection, insert_batches};

use crate::model::{ApiKey, NewUserRole, RefreshToken, User, UserChanges};

pub use crate::model::SEARCH_KIND;

/// Finds a user by id.
pub fn find_by_id(conn: &mut DbConnection, id: &UserId) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Finds a user by normalised email.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Inserts a user, indexes name and email for search, and grants `roles`.
pub fn insert(conn: &mut DbConnection, user: &User, roles: &[&str]) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)?;
    for role in roles {
        insert_role(
            conn,
            &NewUserRole {
                user_id: &user.id,
                role,
                granted_at: user.created_at,
            },
        )?;
    }
    search::index(conn, &user.search_document())
}

/// Applies profile changes and returns the new row.
pub fn update(conn: &mut DbConnection, id: &UserId, changes: &UserChanges) -> QueryResult<User> {
    diesel::update(users::table.find(id))
        .set(changes)
        .execute(conn)?;
    let user: User = users::table
        .find(id)
        .select(User::as_select())
        .first(conn)?;
    search::index(conn, &user.search_document())?;
    Ok(user)
}

/// Inserts many users in as few statements as the backends allow (demo data), without their
/// search words; returns how many.
pub fn insert_users(conn: &mut DbConnection, rows: &[User]) -> QueryResult<usize> {
    insert_batches!(conn, users::table, rows, 8)
}

/// Grants many roles at once (none held yet); returns how many.
pub fn insert_roles(conn: &mut DbConnection, grants: &[NewUserRole<'_>]) -> QueryResult<usize> {
    insert_batches!(conn, user_roles::table, grants, 3)
}

/// Grants a role (the caller checks it is not held yet).
pub fn insert_role(conn: &mut DbConnection, grant: &NewUserRole<'_>) -> QueryResult<()> {
    diesel::insert_into(user_roles::table)
        .values(grant)
        .execute(conn)
        .map(|_| ())
}

/// Revokes a role; returns whether it was held.
pub fn delete_role(conn: &mut DbConnection, user_id: &UserId, role: &str) -> QueryResult<bool> {
    let deleted = diesel::delete(user_roles::table.find((user_id, role))).execute(conn)?;
    Ok(deleted > 0)
}

/// `(user, role)` of every role these users hold, by user and role.
pub fn roles_of_users(
    conn: &mut DbConnection,
    ids: &[UserId],
) -> QueryResult<Vec<(UserId, String)>> {
    user_roles::table
        .filter(user_roles::user_id.eq_any(ids))
        .select((user_roles::user_id, user_roles::role))
        .order((user_roles::user_id, user_roles::role))
        .load(conn)
}

/// The roles of a user, sorted by name.
pub fn roles_of(conn: &mut DbConnection, user_id: &UserId) -> QueryResult<Vec<String>> {
    user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .order(user_roles::role.asc())
        .load(conn)
}

/// How many users hold `role`.
pub fn count_with_role(conn: &mut DbConnection, role: &str) -> QueryResult<i64> {
    user_roles::table
        .filter(user_roles::role.eq(role))
        .count()
        .get_result(conn)
}

/// One page (plus one row) of users, newest first, after the id `after`.
pub fn list(
    conn: &mut DbConnection,
    search: Option<&Query>,
    role: Option<&str>,
    after: Option<&UserId>,
    limit: i64,
) -> QueryResult<Vec<User>> {
    let mut query = users::table.select(User::as_select()).into_boxed();
    if let Some(search) = search {
        query = query.filter(search::filter(
            conn.backend(),
            "users.id",
            SEARCH_KIND,
            search,
        ));
    }
    if let Some(role) = role {
        query = query.filter(
            users::id.eq_any(
                user_roles::table
                    .filter(user_roles::role.eq(role.to_owned()))
                    .select(user_roles::user_id),
            ),
        );
    }
    if let Some(after) = after {
        query = query.filter(users::id.lt(after.clone()));
    }
    query.order(users::id.desc()).limit(limit).load(conn)
}

/// Stores a refresh token.
pub fn insert_refresh_token(conn: &mut DbConnection, token: &RefreshToken) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)
        .map(|_| ())
}

/// Finds a refresh token by its hash.
pub fn find_refresh_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshToken::as_select())
        .first(conn)
        .optional()
}

/// Marks a token used, only if it is still unused and unrevoked; returns whether this call won.
///
/// The condition makes the exchange atomic: of two requests racing with one token, exactly
/// one sees `true`.
pub fn claim_refresh_token(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let claimed = diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Revokes every live token of a session; returns how many.
pub fn revoke_family(
    conn: &mut DbConnection,
    family_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes every live token of a user except those of the session `keep`.
pub fn revoke_user_sessions(
    conn: &mut DbConnection,
    user_id: &UserId,
    keep: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let live = refresh_tokens::table
        .filter(refresh_tokens::user_id.eq(user_id))
        .filter(refresh_tokens::revoked_at.is_null());
    match keep {
        Some(keep) => diesel::update(live.filter(refresh_tokens::family_id.ne(keep)))
            .set(refresh_tokens::revoked_at.eq(now))
            .execute(conn),
        None => diesel::update(live)
            .set(refresh_tokens::revoked_at.eq(now))
            .execute(conn),
    }
}

/// Stores an API key.
pub fn insert_api_key(conn: &mut DbConnection, key: &ApiKey) -> QueryResult<()> {
    diesel::insert_into(api_keys::table)
        .values(key)
        .execute(conn)
        .map(|_| ())
}

/// Finds an API key by id.
pub fn find_api_key(conn: &mut DbConnection, id: &ApiKeyId) -> QueryResult<Option<ApiKey>> {
    api_keys::table
        .find(id)
        .select(ApiKey::as_select())
        .first(conn)
        .optional()
}

/// Finds an API key by its public prefix.
pub fn find_api_key_by_prefix(
    conn: &mut DbConnection,
    prefix: &str,
) -> QueryResult<Option<ApiKey>> {
    api_keys::table
        .filter(api_keys::prefix.eq(prefix))
        .select(ApiKey::as_select())
        .first(conn)
        .optional()
}

/// Every API key, newest first.
pub fn list_api_keys(conn: &mut DbConnection) -> QueryResult<Vec<ApiKey>> {
    api_keys::table
        .select(ApiKey::as_select())
        .order(api_keys::id.desc())
        .load(conn)
}

/// Revokes a key.
pub fn revoke_api_key(
    conn: &mut DbConnection,
    id: &ApiKeyId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(api_keys::table.find(id))
        .set(api_keys::revoked_at.eq(now))
        .execute(conn)
        .map(|_| ())
}

/// Records a use of a key.
pub fn touch_api_key(
    conn: &mut DbConnection,
    id: &ApiKeyId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(api_keys::table.find(id))
        .set(api_keys::last_used_at.eq(now))
        .execute(conn)
        .map(|_| ())
}

/// How many API keys exist, revoked ones included.
pub fn count_api_keys(conn: &mut DbConnection) -> QueryResult<i64> {
    api_keys::table.count().get_result(conn)
}
