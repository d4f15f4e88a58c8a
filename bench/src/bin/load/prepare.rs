//! What the scenarios need from the seeded database, read and written straight through diesel
//! before the server starts: the round being judged, the officer, the demo judges, public
//! ideas, and a second competition in judging whose score sheets are still blank, for the
//! score-sheet scenario.
//!
//! The demo round's sheets are already submitted, so the score-sheet scenario gets its own:
//! `JUDGES` judges (accounts with the demo password, one hash for all, as `seed-demo` does),
//! a competition in judging with one open round of 8 criteria, and `PER_JUDGE` assignments
//! for every judge over entries of existing ideas. Every request of the scenario then saves or
//! submits a different sheet: no 409 or 412 by construction.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use sonla_accounts::model::{NewUserRole, User};
use sonla_competitions::model::{Assignment, Competition, CriterionRow, Entry, Round};
use sonla_db::schema::{
    assignments, competition_judges, competitions, criteria, entries, ideas, round_entries, rounds,
    user_roles, users,
};
use sonla_db::{DbConnection, DbUrl};

/// Judges of the score-sheet scenario (its concurrency).
pub const JUDGES: usize = 64;
/// Assignments per judge: more than any judge gets through in a run.
pub const PER_JUDGE: usize = 400;
/// Judges per entry of the scenario's round.
const PER_ENTRY: usize = 5;
/// Public ideas the detail scenario reads.
const DETAIL_IDS: usize = 1_000;
/// Bound parameters per insert, under SQLite's limit.
const PARAMETERS: usize = 32_000;

/// A judge of the score-sheet scenario.
#[derive(Debug, Clone, Serialize)]
pub struct BenchJudge {
    /// Login.
    pub email: String,
    /// Assignments with blank sheets, in the order the judge scores them.
    pub assignments: Vec<String>,
}

/// What the scenarios use.
#[derive(Debug, Clone, Serialize)]
pub struct Fixture {
    /// The demo round being judged (the leaderboard scenario).
    pub round_id: String,
    /// The officer who reads it.
    pub officer_email: String,
    /// The officer's id.
    pub officer_id: String,
    /// The demo judges (the assignments scenario).
    pub demo_judges: Vec<String>,
    /// Public ideas spread over the whole table (the detail scenario).
    pub idea_ids: Vec<String>,
    /// Ideas in the database.
    pub ideas: i64,
    /// The criteria of the scenario's round: id and highest value.
    pub criteria: Vec<(String, f64)>,
    /// The scenario's judges.
    pub judges: Vec<BenchJudge>,
}

/// Inserts `rows` of `table` in batches, in the backend's own multi-row `INSERT`.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        for chunk in $rows.chunks((PARAMETERS / $columns).max(1)) {
            match &mut *$conn {
                DbConnection::Pg(c) => diesel::insert_into($table).values(chunk).execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into($table).values(chunk).execute(c)?,
            };
        }
    }};
}

fn id<I: From<uuid::Uuid>>() -> I {
    uuid::Uuid::now_v7().into()
}

/// Reads the demo data; with `sheets`, adds the score-sheet scenario's competition.
pub fn prepare(url: &str, password: &str, sheets: bool) -> anyhow::Result<Fixture> {
    let url = DbUrl::parse(url).map_err(anyhow::Error::msg)?;
    let mut conn = url.connect()?;
    let conn = &mut conn;
    let round_id: String = rounds::table
        .inner_join(competitions::table)
        .filter(competitions::status.eq("judging"))
        .order((rounds::created_at.asc(), rounds::position.asc()))
        .select(rounds::id)
        .first(conn)
        .context("no round being judged: was the database seeded by `api seed-demo`?")?;
    let officer_email = format!("demo-officer@{}", sonla_seed::EMAIL_DOMAIN);
    let officer_id: String = users::table
        .filter(users::email.eq(&officer_email))
        .select(users::id)
        .first(conn)?;
    let mut demo_judges: Vec<String> = users::table
        .filter(users::email.like(format!("demo-judge%@{}", sonla_seed::EMAIL_DOMAIN)))
        .select(users::email)
        .load(conn)?;
    demo_judges.sort_by_key(|e| {
        e.trim_start_matches("demo-judge")
            .split('@')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    });
    let public: Vec<String> = ideas::table
        .filter(ideas::visibility.eq("public"))
        .filter(ideas::deleted_at.is_null())
        .order(ideas::id.asc())
        .select(ideas::id)
        .load(conn)?;
    let step = (public.len() / DETAIL_IDS).max(1);
    let idea_ids: Vec<String> = public
        .iter()
        .step_by(step)
        .take(DETAIL_IDS)
        .cloned()
        .collect();
    let idea_count: i64 = ideas::table.count().get_result(conn)?;
    let mut fixture = Fixture {
        round_id,
        officer_email,
        officer_id,
        demo_judges,
        idea_ids,
        ideas: idea_count,
        criteria: Vec::new(),
        judges: Vec::new(),
    };
    if sheets {
        let hash = sonla_accounts::password::hash(password).map_err(|e| anyhow::anyhow!("{e}"))?;
        conn.write_transaction(|conn| add_sheet_round(conn, &mut fixture, &hash))?;
    }
    Ok(fixture)
}

/// The score-sheet scenario's judges, competition, round, entries and assignments.
fn add_sheet_round(
    conn: &mut DbConnection,
    fixture: &mut Fixture,
    hash: &str,
) -> anyhow::Result<()> {
    let now: NaiveDateTime = sonla_db::now();
    let domain = "bench.example";
    let judges: Vec<User> = (0..JUDGES)
        .map(|k| User {
            id: id(),
            email: format!("bench-judge{}@{domain}", k + 1),
            password_hash: hash.to_owned(),
            full_name: format!("Giám khảo thử tải {}", k + 1),
            phone: None,
            locale: "vi".to_owned(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    insert_rows!(conn, users::table, judges, 8);
    let roles: Vec<NewUserRole<'_>> = judges
        .iter()
        .flat_map(|j| {
            ["member", "judge"].map(|role| NewUserRole {
                user_id: &j.id,
                role,
                granted_at: now,
            })
        })
        .collect();
    insert_rows!(conn, user_roles::table, roles, 3);

    let competition = Competition {
        id: id(),
        title: "Cuộc thi thử tải: chấm phiếu song song".to_owned(),
        description: Some("Dữ liệu của bài đo tải (bench/load.sh).".to_owned()),
        audience: "everyone".to_owned(),
        tracks: "[]".to_owned(),
        organizer_id: None,
        submission_opens_at: Some(now - chrono::Duration::days(30)),
        submission_closes_at: Some(now - chrono::Duration::days(1)),
        status: "judging".to_owned(),
        created_by: Some(sonla_core::UserId::from_stored(fixture.officer_id.clone())),
        created_at: now,
        updated_at: now,
    };
    insert_rows!(conn, competitions::table, [competition.clone()], 12);
    let round = Round {
        id: id(),
        competition_id: competition.id.clone(),
        position: 1,
        name: "Vòng chấm thử tải".to_owned(),
        method: "mean".to_owned(),
        judges_per_entry: i32::try_from(PER_ENTRY)?,
        pass_mark: None,
        blind: false,
        advance_count: None,
        status: "open".to_owned(),
        created_at: now,
    };
    insert_rows!(conn, rounds::table, [round.clone()], 11);
    let criteria_rows: Vec<CriterionRow> = (0..8)
        .map(|c| CriterionRow {
            id: id(),
            round_id: round.id.clone(),
            name: format!("Tiêu chí {}", c + 1),
            description: None,
            weight: f64::from(1 + c % 3),
            max_score: 10.0,
            position: c + 1,
        })
        .collect();
    insert_rows!(conn, criteria::table, criteria_rows, 7);
    let panel: Vec<_> = judges
        .iter()
        .map(|j| {
            (
                competition_judges::competition_id.eq(competition.id.clone()),
                competition_judges::user_id.eq(j.id.clone()),
                competition_judges::added_at.eq(now),
            )
        })
        .collect();
    insert_rows!(conn, competition_judges::table, panel, 3);

    let entry_count = JUDGES * PER_JUDGE / PER_ENTRY;
    let idea_ids: Vec<sonla_core::IdeaId> = ideas::table
        .order(ideas::id.asc())
        .select(ideas::id)
        .limit(i64::try_from(entry_count)?)
        .load(conn)?;
    anyhow::ensure!(
        idea_ids.len() == entry_count,
        "the score-sheet scenario needs {entry_count} ideas; the database has {} (seed a larger scale)",
        idea_ids.len()
    );
    let entry_rows: Vec<Entry> = idea_ids
        .into_iter()
        .map(|idea_id| Entry {
            id: id(),
            competition_id: competition.id.clone(),
            idea_id,
            track: None,
            status: "active".to_owned(),
            created_by: Some(sonla_core::UserId::from_stored(fixture.officer_id.clone())),
            created_at: now,
        })
        .collect();
    insert_rows!(conn, entries::table, entry_rows, 7);
    let in_round: Vec<_> = entry_rows
        .iter()
        .map(|e| {
            (
                round_entries::round_id.eq(round.id.clone()),
                round_entries::entry_id.eq(e.id.clone()),
            )
        })
        .collect();
    insert_rows!(conn, round_entries::table, in_round, 2);
    // Entry e goes to judges 5e … 5e+4 (mod 64): distinct judges, 400 entries each.
    let mut work: Vec<Vec<String>> = vec![Vec::new(); JUDGES];
    let mut rows = Vec::with_capacity(entry_count * PER_ENTRY);
    for (e, entry) in entry_rows.iter().enumerate() {
        for k in 0..PER_ENTRY {
            let judge = (e * PER_ENTRY + k) % JUDGES;
            let assignment = Assignment {
                id: id(),
                round_id: round.id.clone(),
                entry_id: entry.id.clone(),
                judge_id: judges[judge].id.clone(),
                created_at: now,
            };
            work[judge].push(assignment.id.to_string());
            rows.push(assignment);
        }
    }
    insert_rows!(conn, assignments::table, rows, 5);

    fixture.criteria = criteria_rows
        .iter()
        .map(|c| (c.id.to_string(), c.max_score))
        .collect();
    fixture.judges = judges
        .into_iter()
        .zip(work)
        .map(|(j, assignments)| BenchJudge {
            email: j.email,
            assignments,
        })
        .collect();
    Ok(())
}
