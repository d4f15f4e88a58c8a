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
pub mod sql;
mod writer;

pub use connection::{Backend, DbConnection, DbUrl, MultiBackend};
pub use error::{CommonError, DbError, body_id, precondition};
pub use pool::{DbPool, PoolOptions, PoolState, blocking};

/// Count endpoints count no further than this: above it, a count is the cap, marked capped
/// (an exact count of a common search word costs as much as reading every match).
pub const COUNT_CAP: i64 = 10_000;

/// A count, capped at [`COUNT_CAP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// The count, at most the cap.
    pub count: i64,
    /// Whether there are more than the cap.
    pub capped: bool,
}

impl Counted {
    /// The count of `n` rows, read with the cap's limit + 1.
    #[must_use]
    pub const fn of(n: i64) -> Self {
        if n > COUNT_CAP {
            Self {
                count: COUNT_CAP,
                capped: true,
            }
        } else {
            Self {
                count: n,
                capped: false,
            }
        }
    }
}

/// Current UTC time, truncated to microseconds so it round-trips through both backends.
#[must_use]
pub fn now() -> chrono::NaiveDateTime {
    use chrono::{SubsecRound, Utc};
    Utc::now().naive_utc().trunc_subsecs(6)
}
