//! Remembered responses of `POST` requests sent with an `Idempotency-Key`.
//!
//! The first request with a key claims it (a row without a response), acts, then stores its
//! response; a retry with the same key and body gets that response back. The primary key
//! makes the claim atomic, so two concurrent requests with one key never both act.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::idempotency_keys;
use crate::{DbConnection, DbError};

/// How long a key is remembered.
pub const TTL_HOURS: i64 = 24;

/// A stored response.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = idempotency_keys)]
pub struct Stored {
    /// Hash of the method, path and body of the first request.
    pub request_hash: String,
    /// Its status, once answered.
    pub status: Option<i32>,
    /// Its content type.
    pub content_type: Option<String>,
    /// Its `Location`.
    pub location: Option<String>,
    /// Its body.
    pub body: Option<Vec<u8>>,
}

/// What claiming a key found.
#[derive(Debug, Clone)]
pub enum Claim {
    /// The key is new: act, then [`store`].
    Claimed,
    /// The key was used before.
    Seen(Stored),
}

/// Claims `key` for `caller`, forgetting keys older than a day first.
pub fn claim(
    conn: &mut DbConnection,
    caller: &str,
    key: &str,
    request_hash: &str,
    now: NaiveDateTime,
) -> Result<Claim, DbError> {
    conn.write_transaction(|conn| {
        // PostgreSQL: serialise claims of one key (SQLite's write lock already does).
        conn.lock(&format!("idempotency:{caller}:{key}"))?;
        let expired = now - chrono::Duration::hours(TTL_HOURS);
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(expired)))
            .execute(conn)?;
        let existing = idempotency_keys::table
            .find((caller, key))
            .select(Stored::as_select())
            .first(conn)
            .optional()?;
        if let Some(stored) = existing {
            return Ok(Claim::Seen(stored));
        }
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::caller.eq(caller),
                idempotency_keys::idempotency_key.eq(key),
                idempotency_keys::request_hash.eq(request_hash),
                idempotency_keys::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(Claim::Claimed)
    })
}

/// Stores the response of a claimed key.
pub fn store(
    conn: &mut DbConnection,
    caller: &str,
    key: &str,
    status: i32,
    content_type: Option<&str>,
    location: Option<&str>,
    body: &[u8],
) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        diesel::update(idempotency_keys::table.find((caller, key)))
            .set((
                idempotency_keys::status.eq(status),
                idempotency_keys::content_type.eq(content_type),
                idempotency_keys::location.eq(location),
                idempotency_keys::body.eq(body),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Releases a claimed key whose request failed on the server, so a retry can act.
pub fn release(conn: &mut DbConnection, caller: &str, key: &str) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        diesel::delete(idempotency_keys::table.find((caller, key))).execute(conn)?;
        Ok(())
    })
}
