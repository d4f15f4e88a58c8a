//! The connection pool and the two ways to use it from async code: [`DbPool::run`] for
//! reads and [`DbPool::write`] for a unit of work that writes.

use std::time::Duration;

use crate::writer::{self, WriterLock};
use crate::{Backend, DbConnection, DbError, DbUrl};

/// Pool settings.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Most connections open at once.
    pub max_size: u32,
    /// How long a request waits for a free connection (or a new one) before a 503.
    pub connection_timeout: Duration,
}

/// A connection pool over either backend.
#[derive(Clone)]
pub struct DbPool {
    pool: r2d2::Pool<Manager>,
    backend: Backend,
    /// SQLite only: the queue writers of this process take before SQLite's own lock.
    writer: Option<WriterLock>,
}

/// Connections of the pool, for `/metrics`.
#[derive(Debug, Clone, Copy)]
pub struct PoolState {
    /// Connections open, idle or in use.
    pub connections: u32,
    /// Open connections not in use.
    pub idle: u32,
    /// The configured maximum.
    pub max_size: u32,
}

struct Manager(DbUrl);

impl r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        self.0.connect()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        use diesel::RunQueryDsl;
        diesel::sql_query("SELECT 1")
            .execute(conn)
            .map(|_| ())
            .map_err(diesel::r2d2::Error::QueryError)
    }

    /// A connection handed back while its closure panicked, or with a transaction still open,
    /// is dropped rather than reused: on SQLite it would keep the write lock.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::connection::{Connection, TransactionManager};
        std::thread::panicking()
            || <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

impl DbPool {
    /// Connects to `url`, failing within `connection_timeout` when the database is unreachable.
    pub fn connect(url: &DbUrl, options: &PoolOptions) -> Result<Self, DbError> {
        let pool = Self::builder(options)
            .build(Manager(url.clone()))
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(Self {
            pool,
            backend: url.backend(),
            writer: writer_lock(url),
        })
    }

    /// A pool that opens its connections only when asked, so it can exist while the database
    /// is down (used to test readiness).
    #[must_use]
    pub fn lazy(url: &DbUrl, options: &PoolOptions) -> Self {
        let pool = Self::builder(options)
            .min_idle(Some(0))
            .build_unchecked(Manager(url.clone()));
        Self {
            pool,
            backend: url.backend(),
            writer: writer_lock(url),
        }
    }

    fn builder(options: &PoolOptions) -> r2d2::Builder<Manager> {
        r2d2::Pool::builder()
            .max_size(options.max_size)
            .min_idle(Some(1))
            .connection_timeout(options.connection_timeout)
            .error_handler(Box::new(r2d2::LoggingErrorHandler))
    }

    /// The backend behind this pool.
    #[must_use]
    pub const fn backend(&self) -> Backend {
        self.backend
    }

    /// Counts of open and idle connections.
    #[must_use]
    pub fn state(&self) -> PoolState {
        let state = self.pool.state();
        PoolState {
            connections: state.connections,
            idle: state.idle_connections,
            max_size: self.pool.max_size(),
        }
    }

    /// Runs a trivial query, to tell whether the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        use diesel::RunQueryDsl;
        self.run(|conn| {
            diesel::sql_query("SELECT 1")
                .execute(conn)
                .map(|_| ())
                .map_err(DbError::from)
        })
        .await
    }

    /// Runs one unit of database work on the blocking thread pool, never on an async worker.
    ///
    /// The closure gets a pooled connection; for work that writes use [`write`](Self::write),
    /// so its statements commit together. The caller's tracing span follows.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let writer = self.writer.clone();
        blocking(move || {
            let mut conn = pool
                .get()
                .map_err(|e| DbError::Unavailable(e.to_string()))?;
            let _writer = writer::Scope::enter(writer);
            f(&mut conn)
        })
        .await
    }

    /// Runs one unit of work that writes, in one write transaction, on the blocking thread pool:
    /// what [`run`](Self::run) with [`DbConnection::write_transaction`] inside does, in one call.
    /// Everything the closure does commits together, or nothing does when it returns an error.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        self.run(move |conn| conn.write_transaction(f)).await
    }
}

fn writer_lock(url: &DbUrl) -> Option<WriterLock> {
    match url {
        DbUrl::Sqlite(path) => Some(writer::for_path(path)),
        DbUrl::Postgres(_) => None,
    }
}

/// Runs blocking work (a query, a password hash) on the blocking thread pool, keeping the
/// caller's tracing span.
pub async fn blocking<T, E, F>(f: F) -> Result<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || {
        let _entered = span.enter();
        f()
    })
    .await
    .map_err(|e| DbError::TaskFailed(e.to_string()))?
}
