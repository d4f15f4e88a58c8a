//! Existence checks every domain needs about records other domains own, and the check of
//! a collection's size limit.

use diesel::prelude::*;
use sonla_core::Localized;

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

/// A collection is full: the detail ("at most `max` …") of a 409 `limit_reached`. Each domain
/// error converts it into its own `LimitReached`.
#[derive(Debug, Clone)]
pub struct LimitReached(pub Localized);

/// Refuses a new record of a full collection.
///
/// Takes the lock `key` first, so writers racing for the last place count one after the
/// other and at most `max` records ever exist; then compares `count` with `max`. `what` names
/// the records in Vietnamese and English for the error's detail.
pub fn ensure_room<E>(
    conn: &mut DbConnection,
    key: &str,
    max: i64,
    (vi, en): (&str, &str),
    count: impl FnOnce(&mut DbConnection) -> QueryResult<i64>,
) -> Result<(), E>
where
    E: From<LimitReached> + From<diesel::result::Error>,
{
    conn.lock(key)?;
    if count(conn)? < max {
        Ok(())
    } else {
        Err(LimitReached(Localized::at_most(max, vi, en)).into())
    }
}
