//! Existence checks every domain needs about records other domains own.

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
