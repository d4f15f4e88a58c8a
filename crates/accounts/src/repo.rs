//! Queries of the accounts tables.

use diesel::prelude::*;
use sonla_db::DbConnection;
use sonla_db::schema::{user_roles, users};

use crate::model::{NewUser, NewUserRole, User};

/// Finds a user by normalised email.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Inserts a user.
pub fn insert(conn: &mut DbConnection, user: &NewUser<'_>) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)
        .map(|_| ())
}

/// Grants a role (the caller checks it is not held yet).
pub fn insert_role(conn: &mut DbConnection, grant: &NewUserRole<'_>) -> QueryResult<()> {
    diesel::insert_into(user_roles::table)
        .values(grant)
        .execute(conn)
        .map(|_| ())
}

/// The roles of a user, sorted by name.
pub fn roles_of(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<String>> {
    user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .order(user_roles::role.asc())
        .load(conn)
}
