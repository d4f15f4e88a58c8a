//! Login throttling: failed logins are counted per account and per client address in the
//! database, so limits hold across server instances and restarts.
//!
//! An attempt is counted *before* its password is checked and forgiven when it succeeds,
//! so a burst of parallel guesses cannot all slip past the limit while the hashes run.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_core::id::new_id;
use sonla_db::DbConnection;
use sonla_db::schema::login_failures;

/// Limits on failed logins.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    /// Failures allowed for one account within the window.
    pub per_account: u32,
    /// Failures allowed from one client address within the window.
    pub per_address: u32,
    /// How long a failure counts.
    pub window: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            per_account: 5,
            per_address: 20,
            window: Duration::from_mins(15),
        }
    }
}

/// The counters an attempt is charged to.
#[derive(Debug, Clone)]
pub struct AttemptKeys {
    /// `account:<email>`.
    pub account: String,
    /// `address:<ip>`, when the address is known.
    pub address: Option<String>,
}

impl AttemptKeys {
    /// Keys for a login of `email` from `client_ip`.
    #[must_use]
    pub fn new(email: &str, client_ip: Option<&str>) -> Self {
        Self {
            account: format!("account:{email}"),
            address: client_ip.map(|ip| format!("address:{ip}")),
        }
    }
}

/// The result of charging an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charge {
    /// The attempt may go on; these rows are forgiven if it succeeds.
    Allowed(Vec<String>),
    /// A limit is reached; retry after this many seconds.
    Refused(u64),
}

fn window_start(limits: &LoginLimits, now: NaiveDateTime) -> NaiveDateTime {
    now - chrono::Duration::from_std(limits.window)
        .unwrap_or_else(|_| chrono::Duration::minutes(15))
}

/// Checks the limits and, if they allow it, counts the attempt as a failure in advance.
///
/// Call inside a write transaction; locks on the counters serialise the check and the insert.
pub fn charge(
    conn: &mut DbConnection,
    limits: &LoginLimits,
    keys: &AttemptKeys,
    now: NaiveDateTime,
) -> QueryResult<Charge> {
    // Always account first, then address, so two transactions never wait on each other in
    // opposite orders.
    for key in std::iter::once(&keys.account).chain(keys.address.as_ref()) {
        conn.lock(key)?;
    }
    let since = window_start(limits, now);
    let counters = [
        (Some(&keys.account), limits.per_account),
        (keys.address.as_ref(), limits.per_address),
    ];
    for (key, max) in counters {
        let Some(key) = key else { continue };
        // Forget what no longer counts, so the table stays small.
        diesel::delete(
            login_failures::table
                .filter(login_failures::scope_key.eq(key))
                .filter(login_failures::failed_at.lt(since)),
        )
        .execute(conn)?;
        let recent: Vec<NaiveDateTime> = login_failures::table
            .filter(login_failures::scope_key.eq(key))
            .select(login_failures::failed_at)
            .order(login_failures::failed_at.desc())
            .limit(i64::from(max))
            .load(conn)?;
        if max == 0 || recent.len() >= max as usize {
            // The attempt may succeed once the oldest of the last `max` failures expires.
            let oldest = recent.last().copied().unwrap_or(now);
            let free_at = oldest + (now - since);
            let wait = (free_at - now).num_seconds().max(1);
            return Ok(Charge::Refused(u64::try_from(wait).unwrap_or(1)));
        }
    }
    let mut ids = Vec::new();
    for key in std::iter::once(&keys.account).chain(keys.address.as_ref()) {
        let id = new_id();
        diesel::insert_into(login_failures::table)
            .values((
                login_failures::id.eq(&id),
                login_failures::scope_key.eq(key),
                login_failures::failed_at.eq(now),
            ))
            .execute(conn)?;
        ids.push(id);
    }
    Ok(Charge::Allowed(ids))
}

/// Forgives a successful attempt: its own rows and the account's earlier failures.
pub fn forgive(conn: &mut DbConnection, keys: &AttemptKeys, charged: &[String]) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(charged)))
        .execute(conn)?;
    diesel::delete(login_failures::table.filter(login_failures::scope_key.eq(&keys.account)))
        .execute(conn)?;
    Ok(())
}
