//! One writer at a time per SQLite file, in order of arrival.
//!
//! SQLite lets one connection write at a time and makes the others retry: its busy handler
//! sleeps (up to 100 ms at a time) and tries again, with no turn order. Under a burst of
//! writers a few of them can lose every retry to connections that keep cycling, until the busy
//! timeout fails them with "database is locked" while hundreds of other writes commit (5 of
//! 7,331 score-sheet saves in the load benchmark, BENCHMARKS.md). So writers of one process
//! queue here first, on a fair lock that hands itself to the longest waiter, and SQLite's own
//! lock is then only contested by other processes.
//!
//! [`DbPool::run`](crate::DbPool::run) makes its pool's lock current on the blocking thread
//! for the duration of the closure; [`DbConnection::write_transaction`] takes it. Work on a
//! connection outside a pool (migrations, tests) has no current lock and relies on SQLite's.
//!
//! [`DbConnection::write_transaction`]: crate::DbConnection::write_transaction

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use parking_lot::FairMutex;

/// The writer lock of one SQLite file.
pub(crate) type WriterLock = Arc<FairMutex<()>>;

/// How long a writer waits for its turn before giving up, as SQLite's busy timeout does.
pub(crate) const WAIT: Duration = Duration::from_secs(10);

thread_local! {
    static CURRENT: RefCell<Option<WriterLock>> = const { RefCell::new(None) };
}

/// The lock shared by every pool of this process on the file at `path`.
pub(crate) fn for_path(path: &Path) -> WriterLock {
    static LOCKS: LazyLock<Mutex<HashMap<PathBuf, WriterLock>>> = LazyLock::new(Mutex::default);
    let key = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    LOCKS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(key)
        .or_default()
        .clone()
}

/// Makes `lock` the current writer lock of this thread until the scope is dropped.
pub(crate) struct Scope {
    previous: Option<WriterLock>,
}

impl Scope {
    pub(crate) fn enter(lock: Option<WriterLock>) -> Self {
        let previous = CURRENT.with(|current| current.replace(lock));
        Self { previous }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|current| *current.borrow_mut() = previous);
    }
}

/// The writer lock current on this thread, if any.
pub(crate) fn current() -> Option<WriterLock> {
    CURRENT.with(|current| current.borrow().clone())
}
