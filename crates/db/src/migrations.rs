//! Migrations for both backends, embedded in the binary and kept in step by name.
//!
//! `migrations/sqlite/` and `migrations/postgres/` hold the same change names; each change
//! runs in its own transaction.

use diesel::migration::MigrationSource;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::{Backend, DbConnection};

/// The SQLite migrations.
pub const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
/// The PostgreSQL migrations.
pub const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// A migration failure, with the message of the failing statement.
pub type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// The names of the embedded migrations of a backend, in order.
pub fn names(backend: Backend) -> Result<Vec<String>, MigrationError> {
    Ok(match backend {
        Backend::Sqlite => names_of(&MigrationSource::<diesel::sqlite::Sqlite>::migrations(
            &SQLITE,
        )?),
        Backend::Postgres => names_of(&MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES)?),
    })
}

fn names_of<DB: diesel::backend::Backend>(
    list: &[Box<dyn diesel::migration::Migration<DB>>],
) -> Vec<String> {
    list.iter().map(|m| m.name().to_string()).collect()
}

/// Applies every pending migration, each in its own transaction; returns the names applied.
pub fn run_pending(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    fn run<DB: diesel::backend::Backend>(
        conn: &mut impl MigrationHarness<DB>,
        source: EmbeddedMigrations,
    ) -> Result<Vec<String>, MigrationError>
    where
        EmbeddedMigrations: MigrationSource<DB>,
    {
        let pending = conn.pending_migrations(source)?;
        let names = names_of(&pending);
        conn.run_migrations(&pending)?;
        Ok(names)
    }
    match conn {
        DbConnection::Sqlite(c) => run(c, SQLITE),
        DbConnection::Pg(c) => run(c, POSTGRES),
    }
}

/// Reverts every applied migration, newest first; returns the names reverted.
pub fn revert_all(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    let all = names(conn.backend())?;
    let reverted = match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE)?,
        DbConnection::Pg(c) => c.revert_all_migrations(POSTGRES)?,
    };
    Ok(reverted
        .iter()
        .map(|version| full_name(&all, &version.to_string()))
        .collect())
}

/// Reverts applied migrations, newest first, down to and including `name`; returns the names
/// reverted. An upgrade test uses it to put a database back to the schema an older release
/// ran on, then `run_pending` to upgrade it as a deployment would.
pub fn revert_through(conn: &mut DbConnection, name: &str) -> Result<Vec<String>, MigrationError> {
    let all = names(conn.backend())?;
    if !all.iter().any(|n| n == name) {
        return Err(format!("no migration is named {name}").into());
    }
    let mut reverted = Vec::new();
    while reverted.last().is_none_or(|last| last != name) {
        let version = match conn {
            DbConnection::Sqlite(c) => c.revert_last_migration(SQLITE)?,
            DbConnection::Pg(c) => c.revert_last_migration(POSTGRES)?,
        };
        reverted.push(full_name(&all, &version.to_string()));
    }
    Ok(reverted)
}

/// diesel reports versions (the name's digits); report the full names, as `run_pending` does.
fn full_name(all: &[String], version: &str) -> String {
    all.iter()
        .find(|name| name.replace('-', "").starts_with(version))
        .cloned()
        .unwrap_or_else(|| version.to_owned())
}

/// The names of the migrations not yet applied.
pub fn pending(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    Ok(match conn {
        DbConnection::Sqlite(c) => names_of(&c.pending_migrations(SQLITE)?),
        DbConnection::Pg(c) => names_of(&c.pending_migrations(POSTGRES)?),
    })
}

#[cfg(test)]
mod tests {
    use super::names;
    use crate::Backend;

    #[test]
    fn both_backends_list_the_same_migrations() {
        let sqlite = names(Backend::Sqlite).unwrap();
        let postgres = names(Backend::Postgres).unwrap();
        assert!(!sqlite.is_empty());
        assert_eq!(
            sqlite, postgres,
            "migrations/sqlite and migrations/postgres must hold the same change names"
        );
    }
}
