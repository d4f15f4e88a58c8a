//! Existence checks every domain needs about records other domains own, and the check of
//! a collection's size limit.

use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::{organizations, users};

/// Whether a user exists.
pub fn user_exists(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.find(id))).get_result(conn)
}

/// Whether an organisation exists.
pub fn organization_exists(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(organizations::table.find(id))).get_result(conn)
}

/// Whether a collection has room for one more record.
///
/// Takes the lock `key` first, so writers racing for the last place count one after the
/// other and at most `max` records ever exist; then compares `count` with `max`.
pub fn has_room(
    conn: &mut DbConnection,
    key: &str,
    max: i64,
    count: impl FnOnce(&mut DbConnection) -> QueryResult<i64>,
) -> QueryResult<bool> {
    conn.lock(key)?;
    Ok(count(conn)? < max)
}
