//! Databases of the benchmark: seeded ones kept between runs (keyed by scale and seed), and the
//! working copies and empty databases each run makes from them.
//!
//! SQLite: `target/bench/cache/sqlite-s<scale>-seed<seed>.db`, with a `.summary.txt` and a
//! `.marker` beside it written once seeding succeeded. PostgreSQL: databases
//! `bench_s<scale>_seed<seed>`, whose comment says they were seeded completely (the marker);
//! the marker names the schema (newest migration), so a new migration means a new seeding;
//! working copies are made with `CREATE DATABASE … TEMPLATE …`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};

/// The backend under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL at `--pg`.
    Postgres,
}

impl Backend {
    /// Its name in files, tables and databases.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// Where the databases of one backend live.
pub struct Databases {
    /// The backend.
    pub backend: Backend,
    /// `target/bench/cache`.
    pub cache: PathBuf,
    /// `target/bench/work`.
    pub work: PathBuf,
    /// `postgres://user@host:port` (no database).
    pub pg_server: String,
    /// The `api` binary, for `seed-demo`.
    pub api_bin: PathBuf,
    /// The seed of the data.
    pub seed: u64,
}

/// `sslmode=disable`: libpq then never starts OpenSSL (see `.ci/run`).
const PG_OPTIONS: &str = "?sslmode=disable";

#[derive(diesel::QueryableByName)]
struct Comment {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    comment: Option<String>,
}

#[derive(diesel::QueryableByName)]
struct Checkpoint {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    busy: i32,
}

impl Databases {
    fn pg_url(&self, database: &str) -> String {
        format!("{}/{database}{PG_OPTIONS}", self.pg_server)
    }

    fn admin(&self) -> anyhow::Result<PgConnection> {
        PgConnection::establish(&self.pg_url("postgres"))
            .with_context(|| format!("cannot connect to PostgreSQL at {}", self.pg_server))
    }

    fn sqlite_cached(&self, scale: u32) -> PathBuf {
        self.cache
            .join(format!("sqlite-s{scale}-seed{}.db", self.seed))
    }

    fn pg_cached(&self, scale: u32) -> String {
        format!("bench_s{scale}_seed{}", self.seed)
    }

    /// What a complete seeding writes: the scale, the seed and the schema (the newest
    /// migration), so a database seeded before a migration is seeded again rather than
    /// upgraded at every server start.
    fn marker(&self, scale: u32) -> anyhow::Result<String> {
        let backend = match self.backend {
            Backend::Sqlite => sonla_db::Backend::Sqlite,
            Backend::Postgres => sonla_db::Backend::Postgres,
        };
        let schema = sonla_db::migrations::names(backend)
            .map_err(|e| anyhow::anyhow!(e))?
            .pop()
            .unwrap_or_default();
        Ok(format!(
            "sonla-bench: seed-demo --scale {scale} --seed {} done, schema {schema}",
            self.seed
        ))
    }

    /// The URL of the seeded database of `scale`, seeding it first unless it is cached;
    /// also how long seeding took (`None` when cached).
    pub fn seeded(&self, scale: u32) -> anyhow::Result<(String, Option<Duration>)> {
        std::fs::create_dir_all(&self.cache)?;
        match self.backend {
            Backend::Sqlite => {
                let path = self.sqlite_cached(scale);
                let summary = path.with_extension("summary.txt");
                let marker = path.with_extension("marker");
                let url = format!("sqlite://{}", path.display());
                let expected = self.marker(scale)?;
                if path.exists()
                    && summary.exists()
                    && std::fs::read_to_string(&marker).is_ok_and(|m| m == expected)
                {
                    return Ok((url, None));
                }
                remove_sqlite(&path)?;
                let took = self.seed_into(&url, scale, &summary)?;
                checkpoint(&path)?;
                std::fs::write(&marker, expected)?;
                Ok((url, Some(took)))
            }
            Backend::Postgres => {
                let name = self.pg_cached(scale);
                let mut admin = self.admin()?;
                let comment: Vec<Comment> = diesel::sql_query(
                    "SELECT shobj_description(oid, 'pg_database') AS comment \
                     FROM pg_database WHERE datname = $1",
                )
                .bind::<diesel::sql_types::Text, _>(&name)
                .load(&mut admin)?;
                let url = self.pg_url(&name);
                let expected = self.marker(scale)?;
                if comment
                    .first()
                    .is_some_and(|c| c.comment.as_deref() == Some(expected.as_str()))
                {
                    return Ok((url, None));
                }
                drop_pg(&mut admin, &name)?;
                diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
                let summary = self.cache.join(format!("{name}.summary.txt"));
                let took = self.seed_into(&url, scale, &summary)?;
                diesel::sql_query(format!("COMMENT ON DATABASE \"{name}\" IS '{expected}'"))
                    .execute(&mut admin)?;
                Ok((url, Some(took)))
            }
        }
    }

    /// Runs `api seed-demo` on `url`; its summary goes to `summary` once it succeeded.
    fn seed_into(&self, url: &str, scale: u32, summary: &Path) -> anyhow::Result<Duration> {
        eprintln!(
            "load: seeding {} at scale {scale} (seed {}) …",
            self.backend.name(),
            self.seed
        );
        let started = Instant::now();
        let output = Command::new(&self.api_bin)
            .args(["seed-demo", "--quiet", "--scale"])
            .arg(scale.to_string())
            .arg("--seed")
            .arg(self.seed.to_string())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .current_dir(&self.work)
            .output()
            .with_context(|| format!("cannot run {}", self.api_bin.display()))?;
        let took = started.elapsed();
        if !output.status.success() {
            bail!(
                "seed-demo failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::fs::write(summary, &output.stdout)?;
        eprintln!("load: seeded in {:.0} s", took.as_secs_f64());
        Ok(took)
    }

    /// A fresh copy of the seeded database of `scale`, named after `name`.
    pub fn working_copy(&self, scale: u32, name: &str) -> anyhow::Result<String> {
        std::fs::create_dir_all(&self.work)?;
        match self.backend {
            Backend::Sqlite => {
                let from = self.sqlite_cached(scale);
                checkpoint(&from)?;
                let to = self.work.join(format!("{name}.db"));
                remove_sqlite(&to)?;
                std::fs::copy(&from, &to).with_context(|| {
                    format!("cannot copy {} to {}", from.display(), to.display())
                })?;
                Ok(format!("sqlite://{}", to.display()))
            }
            Backend::Postgres => {
                let mut admin = self.admin()?;
                let name = format!("bench_{name}");
                drop_pg(&mut admin, &name)?;
                diesel::sql_query(format!(
                    "CREATE DATABASE \"{name}\" TEMPLATE \"{}\"",
                    self.pg_cached(scale)
                ))
                .execute(&mut admin)?;
                Ok(self.pg_url(&name))
            }
        }
    }

    /// A new, empty database (not even migrated), named after `name`.
    pub fn empty(&self, name: &str) -> anyhow::Result<String> {
        std::fs::create_dir_all(&self.work)?;
        match self.backend {
            Backend::Sqlite => {
                let path = self.work.join(format!("{name}.db"));
                remove_sqlite(&path)?;
                Ok(format!("sqlite://{}", path.display()))
            }
            Backend::Postgres => {
                let mut admin = self.admin()?;
                let name = format!("bench_{name}");
                drop_pg(&mut admin, &name)?;
                diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
                Ok(self.pg_url(&name))
            }
        }
    }

    /// Removes a working copy or empty database made by [`Self::working_copy`] or
    /// [`Self::empty`].
    pub fn remove(&self, name: &str) -> anyhow::Result<()> {
        match self.backend {
            Backend::Sqlite => remove_sqlite(&self.work.join(format!("{name}.db"))),
            Backend::Postgres => drop_pg(&mut self.admin()?, &format!("bench_{name}")),
        }
    }
}

fn drop_pg(admin: &mut PgConnection, name: &str) -> anyhow::Result<()> {
    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).execute(admin)?;
    Ok(())
}

/// Removes a SQLite file with its WAL and shared-memory files.
fn remove_sqlite(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", file.display())),
        }
    }
    Ok(())
}

/// Moves everything in the WAL into the database file, so copying the file copies the data.
fn checkpoint(path: &Path) -> anyhow::Result<()> {
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
    let rows: Vec<Checkpoint> =
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").load(&mut conn)?;
    if rows.first().is_some_and(|r| r.busy != 0) {
        bail!("{} is in use: cannot checkpoint it", path.display());
    }
    Ok(())
}
