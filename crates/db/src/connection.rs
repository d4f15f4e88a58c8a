//! The connection enum over both backends and the parsing of `DATABASE_URL`.

use std::path::{Path, PathBuf};

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::{PgConnection, SqliteConnection};

/// Set on every SQLite connection (see [`DbUrl::connect`]).
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                              PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

/// A connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// PostgreSQL, for production.
    Pg(PgConnection),
    /// Embedded SQLite, the default.
    Sqlite(SqliteConnection),
}

/// Which database engine a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// SQLite.
    Sqlite,
}

impl Backend {
    /// The backend's name in logs and metrics.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Sqlite => "sqlite",
        }
    }
}

/// A parsed `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    /// `postgres://…` or `postgresql://…`, passed to libpq unchanged.
    Postgres(String),
    /// `sqlite://path/to/file.db` (relative to the working directory) or `sqlite:///abs/path.db`.
    Sqlite(PathBuf),
}

impl DbUrl {
    /// Parses a URL by its scheme; any other scheme is refused with a message naming both.
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| "DATABASE_URL must start with sqlite:// or postgres://".to_owned())?;
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Err(
                "DATABASE_URL names no SQLite file (expected sqlite://path/to/file.db)".to_owned(),
            );
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    /// The backend of this URL.
    #[must_use]
    pub const fn backend(&self) -> Backend {
        match self {
            Self::Postgres(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// The folder of the SQLite file, where the server keeps its generated secrets too.
    #[must_use]
    pub fn sqlite_dir(&self) -> Option<&Path> {
        match self {
            Self::Sqlite(path) => Some(path.parent().unwrap_or_else(|| Path::new("."))),
            Self::Postgres(_) => None,
        }
    }

    /// Opens one connection. SQLite gets its folder created and its pragmas set; PostgreSQL
    /// runs without JIT.
    pub fn connect(&self) -> Result<DbConnection, diesel::r2d2::Error> {
        match self {
            Self::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(diesel::r2d2::Error::ConnectionError)?;
                // The API runs short queries: compiling one with JIT costs more than it saves
                // (70 ms on a 100,000-idea search, measured with EXPLAIN ANALYZE).
                diesel::sql_query("SET jit = off")
                    .execute(&mut conn)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Pg(conn))
            }
            Self::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        diesel::r2d2::Error::ConnectionError(ConnectionError::BadConnection(
                            format!("cannot create {}: {e}", dir.display()),
                        ))
                    })?;
                }
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // WAL lets readers run beside the writer; the busy timeout makes a writer wait
                // for the lock instead of failing; foreign keys are off by default in SQLite.
                // `batch_execute`, not `sql_query`: a prepared statement runs only the first
                // of several, and the others were silently skipped until 2026-11-26.
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

impl DbConnection {
    /// The backend of this connection.
    #[must_use]
    pub const fn backend(&self) -> Backend {
        match self {
            Self::Pg(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Prepares the connection for a bulk load (`bulk`) or gives it its defaults back: SQLite's
    /// page cache grows to 256 MiB (its default is 2 MB), so large batches of inserts stay in
    /// memory; PostgreSQL needs nothing.
    pub fn set_bulk_load(&mut self, bulk: bool) -> QueryResult<()> {
        if let Self::Sqlite(sqlite) = self {
            let size = if bulk { -262_144 } else { -2_000 };
            sqlite.batch_execute(&format!("PRAGMA cache_size = {size}"))?;
        }
        Ok(())
    }

    /// Refreshes the planner's statistics after a bulk load, so the first queries are planned
    /// for the data now there (PostgreSQL's autovacuum would get to it only later; SQLite's
    /// `optimize` analyses what needs it).
    pub fn refresh_statistics(&mut self) -> QueryResult<()> {
        match self {
            Self::Pg(pg) => pg.batch_execute("ANALYZE"),
            Self::Sqlite(sqlite) => sqlite.batch_execute("PRAGMA optimize"),
        }
    }

    /// Serialises transactions that check a rule across rows (the last admin, a capacity)
    /// before writing: the lock on `key` is held until the transaction ends.
    ///
    /// PostgreSQL takes a transaction-scoped advisory lock. SQLite needs nothing more: a
    /// [`write_transaction`](Self::write_transaction) already holds the database's write lock.
    pub fn lock(&mut self, key: &str) -> QueryResult<()> {
        if let Self::Pg(pg) = self {
            diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
                .bind::<diesel::sql_types::Text, _>(key)
                .execute(pg)?;
        }
        Ok(())
    }

    /// Runs `f` in a transaction that writes.
    ///
    /// On SQLite the transaction starts with `BEGIN IMMEDIATE`, taking the write lock up front:
    /// a deferred transaction that reads and then writes fails at once with "database is
    /// locked" when another writer committed in between, whatever the busy timeout. Before
    /// that, the writer waits its turn on the process's fair lock for the file (the `writer`
    /// module), so writers of one server are served in order of arrival;
    /// after the same 10 s as SQLite's busy timeout it gives up with "database is locked".
    pub fn write_transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        let Self::Sqlite(sqlite) = self else {
            return self.transaction(f);
        };
        // Refused before queueing: a nested call would wait for the turn its caller holds.
        if AnsiTransactionManager::transaction_manager_status_mut(sqlite)
            .transaction_depth()?
            .is_some()
        {
            return Err(diesel::result::Error::AlreadyInTransaction.into());
        }
        let writer = crate::writer::current();
        let _turn = match &writer {
            Some(lock) => Some(lock.try_lock_for(crate::writer::WAIT).ok_or_else(|| {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::Unknown,
                    Box::new("database is locked: no turn to write within 10 s".to_owned()),
                )
            })?),
            None => None,
        };
        AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
        let result = f(self);
        let Self::Sqlite(sqlite) = self else {
            unreachable!("the backend of a connection never changes");
        };
        match result {
            Ok(value) => {
                if let Err(e) = AnsiTransactionManager::commit_transaction(sqlite) {
                    // A failed COMMIT leaves the transaction open: roll back before reporting.
                    let _ = AnsiTransactionManager::rollback_transaction(sqlite);
                    return Err(e.into());
                }
                Ok(value)
            }
            Err(e) => {
                AnsiTransactionManager::rollback_transaction(sqlite)?;
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use diesel::RunQueryDsl;

    use super::{Backend, DbUrl};

    #[derive(diesel::QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }

    /// Every pragma of a new SQLite connection is in force, not only the first.
    #[test]
    fn sqlite_connections_run_in_wal_mode_with_every_pragma() {
        let dir = tempfile::tempdir().unwrap();
        let url = DbUrl::parse(&format!("sqlite://{}/p.db", dir.path().display())).unwrap();
        let mut conn = url.connect().unwrap();
        let mut read = |pragma: &str| {
            diesel::sql_query(format!(
                "SELECT CAST((SELECT * FROM pragma_{pragma}) AS TEXT) AS value"
            ))
            .get_result::<Setting>(&mut conn)
            .unwrap()
            .value
        };
        assert_eq!(read("journal_mode"), "wal");
        assert_eq!(read("busy_timeout"), "10000");
        assert_eq!(read("synchronous"), "1", "NORMAL");
        assert_eq!(read("foreign_keys"), "1");
    }

    #[test]
    fn urls_choose_the_backend_by_scheme() {
        assert_eq!(
            DbUrl::parse("sqlite://data/ecosystem.db"),
            Ok(DbUrl::Sqlite(PathBuf::from("data/ecosystem.db")))
        );
        assert_eq!(
            DbUrl::parse("sqlite:///var/lib/x.db"),
            Ok(DbUrl::Sqlite(PathBuf::from("/var/lib/x.db")))
        );
        assert_eq!(
            DbUrl::parse("postgres://u@h/db").map(|u| u.backend()),
            Ok(Backend::Postgres)
        );
        assert_eq!(
            DbUrl::parse("postgresql://u@h/db").map(|u| u.backend()),
            Ok(Backend::Postgres)
        );
        assert!(DbUrl::parse("mysql://u@h/db").is_err());
        assert!(DbUrl::parse("sqlite://").is_err());
    }
}
