//! The demo data of `api seed-demo`: fills an empty database with realistic Vietnamese records.
//!
//! People with the names of Sơn La's Thái, Kinh, H'Mông and Mường families; the province's
//! organisations; ideas in the plan's sectors written with diacritics, with teams, workflow
//! histories and officers' selection data; and competitions at every stage, the one being
//! judged with its large round, its judges' assignments and submitted score sheets.
//!
//! Every row is the row the application itself writes (the domain crates' row types, the
//! search index from their own tokeniser and weights, v7 ids), so every endpoint works on the
//! data. The same seed and scale give the same data, ids included: times count back from a
//! fixed day ([`anchor`]) and every random choice comes from seeded `SplitMix64` streams. The
//! audit log gets one `demo.seeded` event, at the real time.
//!
//! One module per domain (`accounts`, `organizations`, `ideas`, `competitions`) makes its
//! records and writes them through that domain's repository (its bulk `insert_*` functions,
//! multi-row `INSERT`s) and `sonla_db::search::index_many`; only the emptiness check and the
//! closing counts read tables directly. A batch of ideas or sheets goes per transaction, so scale
//! 1000 (100,000 ideas and a 5,000-entry round) takes minutes. Seeding refuses a database
//! that already has users, organisations, ideas or competitions.

mod accounts;
mod competitions;
mod ideas;
mod organizations;
mod rng;
mod text;
mod vocab;

use std::fmt;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_competitions::CompetitionError;
use sonla_competitions::service::Policy;
use sonla_db::schema::{
    assignments, competitions as competition_table, entries, idea_history, idea_members,
    ideas as idea_table, organization_members, organizations as organization_table, score_sheets,
    sheet_scores, users,
};
use sonla_db::{DbConnection, DbError, DbPool};

pub use self::competitions::CompetitionIds;
use self::ideas::{IdeaMaker, MadeIdea};

/// The seed when none is given (the plan's decision number).
pub const DEFAULT_SEED: u64 = 2610;
/// The password of every demo account when none is given.
pub const DEFAULT_PASSWORD: &str = "Demo@2610-SonLa";
/// The (reserved) domain of every demo email and website.
pub const EMAIL_DOMAIN: &str = "sonla.example";
/// The largest scale accepted.
pub const MAX_SCALE: u32 = 10_000;
/// Ideas written per transaction.
const IDEA_BATCH: usize = 1_000;

/// The demo's "now": every time in the data lies before it (2026-11-20 02:00 UTC).
#[must_use]
pub fn anchor() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 20)
        .and_then(|d| d.and_hms_opt(2, 0, 0))
        .unwrap_or_default()
}

/// How much data a scale makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Ideas: 100 per unit of scale.
    pub ideas: usize,
    /// Founders (members who lead and join teams): 20 per unit.
    pub founders: usize,
    /// Organisations: 8 + 2 per unit.
    pub organizations: usize,
    /// Judges: 5 + 1 per 50 units, at most 25.
    pub judges: usize,
    /// Judges per entry in the large round: 3, or 5 from 10 judges on.
    pub judges_per_entry: usize,
    /// Entries of the round being judged: 5 per unit, from 12 to 5,000.
    pub round_entries: usize,
    /// Entries of last year's published competition: 10 + 1 per 20 units, at most 60.
    pub past_entries: usize,
    /// Entries of the open competition: 3 + 1 per 10 units, at most 100.
    pub open_entries: usize,
}

impl Sizes {
    /// The sizes of scale `n`.
    #[must_use]
    pub fn of(scale: u32) -> Self {
        let n = usize::try_from(scale).unwrap_or(usize::MAX);
        let judges = (5 + n / 50).min(25);
        Self {
            ideas: n.saturating_mul(100),
            founders: n.saturating_mul(20),
            organizations: n.saturating_mul(2).saturating_add(8),
            judges,
            judges_per_entry: if judges >= 10 { 5 } else { 3 },
            round_entries: n.saturating_mul(5).clamp(12, 5_000),
            past_entries: (10 + n / 20).min(60),
            open_entries: (3 + n / 10).min(100),
        }
    }
}

/// What to seed.
#[derive(Debug)]
pub struct SeedOptions {
    /// 1 to [`MAX_SCALE`]; see [`Sizes`].
    pub scale: u32,
    /// The same seed gives the same data.
    pub seed: u64,
    /// The password of every demo account.
    pub password: SecretString,
    /// The competitions' settings (the leaderboard's flag threshold), as the server has them.
    pub policy: Policy,
}

impl SeedOptions {
    /// Scale and seed with the default password and policy.
    #[must_use]
    pub fn new(scale: u32, seed: u64) -> Self {
        Self {
            scale,
            seed,
            password: SecretString::from(DEFAULT_PASSWORD),
            policy: Policy::default(),
        }
    }
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The database already holds data.
    #[error(
        "the database is not empty ({users} users, {organizations} organisations, {ideas} ideas, \
         {competitions} competitions); seed-demo only fills an empty database"
    )]
    NotEmpty {
        /// Users found.
        users: i64,
        /// Organisations found.
        organizations: i64,
        /// Ideas found.
        ideas: i64,
        /// Competitions found.
        competitions: i64,
    },
    /// A bad scale or password.
    #[error("{0}")]
    Invalid(String),
    /// The password could not be hashed.
    #[error("cannot hash the password: {0}")]
    Hash(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Publishing the results failed.
    #[error(transparent)]
    Competition(#[from] CompetitionError),
}

impl From<diesel::result::Error> for SeedError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

/// Progress bars on standard error, one per phase.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    visible: bool,
}

impl Progress {
    /// No bars (tests, scripts).
    #[must_use]
    pub const fn hidden() -> Self {
        Self { visible: false }
    }

    /// Bars when standard error is a terminal.
    #[must_use]
    pub fn on_stderr() -> Self {
        Self {
            visible: std::io::stderr().is_terminal(),
        }
    }

    fn bar(self, label: &'static str, total: usize) -> ProgressBar {
        if !self.visible {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::with_draw_target(
            Some(u64::try_from(total).unwrap_or(u64::MAX)),
            ProgressDrawTarget::stderr(),
        );
        let style = ProgressStyle::with_template(
            "{prefix:>14} [{bar:32}] {human_pos:>9}/{human_len:9} {elapsed:>4}",
        )
        .map_or_else(
            |_| ProgressStyle::default_bar(),
            |s| s.progress_chars("=> "),
        );
        bar.set_style(style);
        bar.set_prefix(label);
        bar
    }
}

/// Row counts after seeding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Users.
    pub users: i64,
    /// Organisations.
    pub organizations: i64,
    /// Organisation memberships.
    pub memberships: i64,
    /// Ideas.
    pub ideas: i64,
    /// Team members of ideas.
    pub team_members: i64,
    /// Workflow steps of ideas.
    pub history: i64,
    /// Search documents (one per searchable record).
    pub search_documents: i64,
    /// Competitions.
    pub competitions: i64,
    /// Entries of every competition.
    pub entries: i64,
    /// Judges' assignments.
    pub assignments: i64,
    /// Submitted score sheets.
    pub submitted_sheets: i64,
    /// Values of score sheets.
    pub scores: i64,
}

impl Counts {
    fn read(conn: &mut DbConnection) -> QueryResult<Self> {
        Ok(Self {
            users: users::table.count().get_result(conn)?,
            organizations: organization_table::table.count().get_result(conn)?,
            memberships: organization_members::table.count().get_result(conn)?,
            ideas: idea_table::table.count().get_result(conn)?,
            team_members: idea_members::table.count().get_result(conn)?,
            history: idea_history::table.count().get_result(conn)?,
            search_documents: sonla_db::search::document_count(conn)?,
            competitions: competition_table::table.count().get_result(conn)?,
            entries: entries::table.count().get_result(conn)?,
            assignments: assignments::table.count().get_result(conn)?,
            submitted_sheets: score_sheets::table
                .filter(score_sheets::status.eq("submitted"))
                .count()
                .get_result(conn)?,
            scores: sheet_scores::table.count().get_result(conn)?,
        })
    }
}

/// What was seeded.
#[derive(Debug, Clone)]
pub struct Summary {
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    /// The scale.
    pub scale: u32,
    /// The seed.
    pub seed: u64,
    /// The sizes of the scale.
    pub sizes: Sizes,
    /// Rows written.
    pub counts: Counts,
    /// The competitions.
    pub competitions: CompetitionIds,
    /// The password, when it is the documented default (a given one is not echoed).
    pub default_password: bool,
    /// How long it took.
    pub elapsed: Duration,
}

/// `12345678` → `12,345,678`.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        let s = &self.sizes;
        writeln!(
            f,
            "Seeded the {} database with demo data (scale {}, seed {}) in {:.1} s.",
            self.backend,
            self.scale,
            self.seed,
            self.elapsed.as_secs_f64()
        )?;
        writeln!(f)?;
        let rows = [
            (
                "users",
                c.users,
                format!(
                    "1 admin, 2 officers, {} judges, 1 mentor, 1 investor, {} founders",
                    s.judges,
                    grouped(i64::try_from(s.founders).unwrap_or(i64::MAX))
                ),
            ),
            (
                "organisations",
                c.organizations,
                format!("{} memberships", grouped(c.memberships)),
            ),
            (
                "ideas",
                c.ideas,
                format!(
                    "{} team members, {} workflow steps",
                    grouped(c.team_members),
                    grouped(c.history)
                ),
            ),
            ("search documents", c.search_documents, String::new()),
            (
                "competitions",
                c.competitions,
                "published, judging, open, draft".to_owned(),
            ),
            ("entries", c.entries, String::new()),
            ("assignments", c.assignments, String::new()),
            (
                "submitted sheets",
                c.submitted_sheets,
                format!("{} scores", grouped(c.scores)),
            ),
        ];
        for (label, count, note) in rows {
            let note = if note.is_empty() {
                String::new()
            } else {
                format!("  ({note})")
            };
            writeln!(f, "  {label:<17}{:>11}{note}", grouped(count))?;
        }
        let ids = &self.competitions;
        writeln!(f)?;
        writeln!(
            f,
            "Round being judged ({} entries, {} judges per entry): GET /api/v1/rounds/{}/leaderboard",
            grouped(i64::try_from(ids.round_entries).unwrap_or(i64::MAX)),
            s.judges_per_entry,
            ids.judging_round
        )?;
        writeln!(
            f,
            "Published results: GET /api/v1/competitions/{}/results",
            ids.published
        )?;
        writeln!(f)?;
        if self.default_password {
            writeln!(
                f,
                "Demo accounts, all with the password {DEFAULT_PASSWORD}:"
            )?;
        } else {
            writeln!(f, "Demo accounts, all with the password you gave:")?;
        }
        let d = EMAIL_DOMAIN;
        writeln!(f, "  admin      demo-admin@{d}")?;
        writeln!(f, "  officers   demo-officer@{d}, demo-officer2@{d}")?;
        writeln!(
            f,
            "  judges     demo-judge1@{d} … demo-judge{}@{d}",
            s.judges
        )?;
        writeln!(f, "  founder    demo-founder@{d}")?;
        writeln!(f, "  mentor     demo-mentor@{d}")?;
        writeln!(f, "  investor   demo-investor@{d}")?;
        write!(
            f,
            "The other {} founders share the password too; admins list them at GET /api/v1/users.",
            grouped(i64::try_from(s.founders.saturating_sub(1)).unwrap_or(i64::MAX))
        )
    }
}

fn refuse_unless_empty(conn: &mut DbConnection) -> Result<(), SeedError> {
    let users: i64 = users::table.count().get_result(conn)?;
    let organizations: i64 = organization_table::table.count().get_result(conn)?;
    let ideas: i64 = idea_table::table.count().get_result(conn)?;
    let competitions: i64 = competition_table::table.count().get_result(conn)?;
    if users + organizations + ideas + competitions > 0 {
        return Err(SeedError::NotEmpty {
            users,
            organizations,
            ideas,
            competitions,
        });
    }
    Ok(())
}

/// Writes everything with a page cache fit for a bulk load (SQLite's default is 2 MB), then
/// gives the connection its default back.
fn fill(
    conn: &mut DbConnection,
    options: &SeedOptions,
    hash: &str,
    progress: Progress,
) -> Result<CompetitionIds, SeedError> {
    conn.set_bulk_load(true)?;
    let result = fill_phases(conn, options, hash, progress);
    conn.set_bulk_load(false)?;
    result
}

/// Writes everything, phase by phase; runs on a blocking thread.
fn fill_phases(
    conn: &mut DbConnection,
    options: &SeedOptions,
    hash: &str,
    progress: Progress,
) -> Result<CompetitionIds, SeedError> {
    let started = Instant::now();
    let phase = |name: &str| {
        tracing::debug!(
            phase = name,
            elapsed_ms = started.elapsed().as_millis(),
            "seeded"
        );
    };
    let (seed, anchor) = (options.seed, anchor());
    let sizes = Sizes::of(options.scale);
    let people = accounts::people(seed, &sizes, hash, anchor);
    let organizations = organizations::organizations(seed, &sizes, &people, anchor);

    let bar = progress.bar("accounts", people.all().count());
    conn.write_transaction(|conn| -> Result<(), SeedError> {
        refuse_unless_empty(conn)?;
        Ok(accounts::write(conn, &people)?)
    })?;
    bar.finish();
    phase("accounts");

    let bar = progress.bar("organisations", organizations.rows.len());
    conn.write_transaction(|conn| organizations::write(conn, &organizations))?;
    bar.finish();
    phase("organisations");

    let bar = progress.bar("ideas", sizes.ideas);
    let mut maker = IdeaMaker::new(seed, sizes.ideas, &people, &organizations, anchor);
    let mut plans = Vec::with_capacity(sizes.ideas);
    let mut start = 0;
    while start < sizes.ideas {
        let end = (start + IDEA_BATCH).min(sizes.ideas);
        let made: Vec<MadeIdea> = (start..end).map(|i| maker.make(i)).collect();
        conn.write_transaction(|conn| ideas::write(conn, &made))?;
        plans.extend(made.into_iter().map(|m| m.plan));
        bar.inc(u64::try_from(end - start).unwrap_or(0));
        start = end;
    }
    bar.finish();
    phase("ideas");

    let context = competitions::Context {
        seed,
        sizes: &sizes,
        people: &people,
        organizations: &organizations,
        plans: &plans,
        anchor,
        policy: options.policy,
    };
    let ids = competitions::write(conn, &context, |n| progress.bar("score sheets", n))?;
    phase("competitions");

    conn.write_transaction(|conn| {
        let event = Event::new("demo.seeded", "database", None::<&str>)
            .after(json!({"scale": options.scale, "seed": seed}));
        sonla_audit::record(conn, Who::System, &RequestMeta::default(), event)
    })?;
    conn.refresh_statistics()?;
    Ok(ids)
}

/// The English message of a refused password.
fn password_message(error: &sonla_accounts::AccountError) -> String {
    sonla_core::DomainError::field_errors(error)
        .first()
        .map_or_else(|| error.to_string(), |e| e.message.en.clone())
}

/// Seeds an empty, migrated database; see the module documentation.
pub async fn seed_demo(
    pool: &DbPool,
    options: SeedOptions,
    progress: Progress,
) -> Result<Summary, SeedError> {
    let started = Instant::now();
    if !(1..=MAX_SCALE).contains(&options.scale) {
        return Err(SeedError::Invalid(format!(
            "the scale must be between 1 and {MAX_SCALE}"
        )));
    }
    let password = options.password.expose_secret().to_owned();
    sonla_accounts::password::check_rules("password", &password)
        .map_err(|e| SeedError::Invalid(password_message(&e)))?;
    let default_password = password == DEFAULT_PASSWORD;
    // Hashing is slow by design: once, shared by every demo account.
    let hash = sonla_db::blocking(move || {
        sonla_accounts::password::hash(&password).map_err(|e| SeedError::Hash(e.to_string()))
    })
    .await?;
    let (scale, seed) = (options.scale, options.seed);
    let (competitions, counts) = pool
        .run(move |conn| {
            let ids = fill(conn, &options, &hash, progress)?;
            Ok::<_, SeedError>((ids, Counts::read(conn)?))
        })
        .await?;
    Ok(Summary {
        backend: pool.backend().name(),
        scale,
        seed,
        sizes: Sizes::of(scale),
        counts,
        competitions,
        default_password,
        elapsed: started.elapsed(),
    })
}
