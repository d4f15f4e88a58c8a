//! Database access for both backends.
//!
//! One binary speaks SQLite (embedded, the default) and PostgreSQL, chosen at run time by the
//! URL scheme of `DATABASE_URL`. This crate owns the connection type, the pool, the schema,
//! the embedded migrations, the shared search index and the mapping of database errors.

pub mod batch;
mod connection;
mod error;
pub mod idempotency;
pub mod lookup;
pub mod migrations;
mod pool;
pub mod schema;
pub mod search;
mod writer;

pub use connection::{Backend, DbConnection, DbUrl, MultiBackend};
pub use error::{CommonError, DbError, body_id, precondition};
pub use pool::{DbPool, PoolOptions, PoolState, blocking};

/// Current UTC time, truncated to microseconds so it round-trips through both backends.
#[must_use]
pub fn now() -> chrono::NaiveDateTime {
    use chrono::{SubsecRound, Utc};
    Utc::now().naive_utc().trunc_subsecs(6)
}
