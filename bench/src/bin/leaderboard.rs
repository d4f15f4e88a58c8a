//! The leaderboard of a 5,000-entry round with 5 judges per entry and 8 criteria (200,000
//! values), measured over HTTP on the release server.
//!
//! ```sh
//! cargo run --release -p sonla-bench --bin leaderboard                       # SQLite
//! TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo run --release -p sonla-bench --bin leaderboard                     # PostgreSQL
//! ```
//!
//! The data go straight into a fresh database (as `sonla-test-support` makes for tests);
//! then the server answers `GET /api/v1/rounds/{id}/leaderboard` for an officer, 3 times to
//! warm up and `REQUESTS` times measured, one after the other.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use diesel::RunQueryDsl;
use sonla_db::{DbError, DbPool};
use sonla_test_support::{TestDb, test_settings};

const ENTRIES: usize = 5_000;
const JUDGES: usize = 25;
const PER_ENTRY: usize = 5;
const CRITERIA: usize = 8;
const REQUESTS: usize = 20;
const BATCH: usize = 500;

fn id(kind: u32, n: usize) -> String {
    format!("{kind:08x}-0000-7000-8000-{n:012x}")
}

/// Inserts `rows` (already SQL literals) in batches; plain `VALUES` lists run on both backends.
async fn insert(pool: &DbPool, head: &str, rows: Vec<String>) -> anyhow::Result<()> {
    for chunk in rows.chunks(BATCH) {
        let sql = format!("{head} VALUES {}", chunk.join(","));
        pool.run(move |conn| diesel::sql_query(sql).execute(conn).map_err(DbError::from))
            .await?;
    }
    Ok(())
}

async fn seed(pool: &DbPool) -> anyhow::Result<String> {
    let t = "'2026-01-01 00:00:00'";
    let judges: Vec<String> = (0..JUDGES)
        .map(|j| {
            format!(
                "('{}', 'judge{j}@example.org', 'x', 'Giám khảo {j}', NULL, 'vi', {t}, {t})",
                id(1, j)
            )
        })
        .collect();
    insert(pool, "INSERT INTO users (id, email, password_hash, full_name, phone, locale, created_at, updated_at)", judges).await?;
    let ideas: Vec<String> = (0..ENTRIES)
        .map(|e| {
            format!(
                "('{}', 'Ý tưởng {e}', 'y tuong {e}', 'Tóm tắt', 'technology', 'idea', 'submitted', 'public', TRUE, FALSE, '[]', 'none', '[]', FALSE, {t}, {t})",
                id(2, e)
            )
        })
        .collect();
    insert(
        pool,
        "INSERT INTO ideas (id, title, title_key, summary, sector, stage, status, visibility, ever_public, ever_members, tags, ip_kind, ip_numbers, shortlisted, created_at, updated_at)",
        ideas,
    )
    .await?;
    let competition = id(3, 0);
    let round = id(4, 0);
    insert(
        pool,
        "INSERT INTO competitions (id, title, audience, tracks, status, created_at, updated_at)",
        vec![format!(
            "('{competition}', 'Benchmark', 'everyone', '[]', 'judging', {t}, {t})"
        )],
    )
    .await?;
    insert(
        pool,
        "INSERT INTO rounds (id, competition_id, position, name, method, judges_per_entry, blind, status, created_at)",
        vec![format!("('{round}', '{competition}', 1, 'Vòng 1', 'zscore', {PER_ENTRY}, FALSE, 'open', {t})")],
    )
    .await?;
    let criteria: Vec<String> = (0..CRITERIA)
        .map(|c| {
            format!(
                "('{}', '{round}', 'Tiêu chí {c}', {}, 10, {})",
                id(5, c),
                1 + c % 3,
                c + 1
            )
        })
        .collect();
    insert(
        pool,
        "INSERT INTO criteria (id, round_id, name, weight, max_score, position)",
        criteria,
    )
    .await?;
    let entries: Vec<String> = (0..ENTRIES)
        .map(|e| {
            format!(
                "('{}', '{competition}', '{}', 'active', {t})",
                id(6, e),
                id(2, e)
            )
        })
        .collect();
    insert(
        pool,
        "INSERT INTO entries (id, competition_id, idea_id, status, created_at)",
        entries,
    )
    .await?;
    let (mut assignments, mut sheets, mut values) = (Vec::new(), Vec::new(), Vec::new());
    for e in 0..ENTRIES {
        for k in 0..PER_ENTRY {
            let n = e * PER_ENTRY + k;
            let a = id(7, n);
            assignments.push(format!(
                "('{a}', '{round}', '{}', '{}', {t})",
                id(6, e),
                id(1, (e + k * 7) % JUDGES)
            ));
            sheets.push(format!("('{a}', '{round}', 'submitted', 1, {t}, {t})"));
            for c in 0..CRITERIA {
                let mut value = String::new();
                let _ = write!(value, "{}", (e * 7 + k * 3 + c * 5) % 11);
                values.push(format!("('{a}', '{}', {value})", id(5, c)));
            }
        }
    }
    insert(
        pool,
        "INSERT INTO assignments (id, round_id, entry_id, judge_id, created_at)",
        assignments,
    )
    .await?;
    insert(pool, "INSERT INTO score_sheets (assignment_id, round_id, status, version, updated_at, submitted_at)", sheets)
        .await?;
    insert(
        pool,
        "INSERT INTO sheet_scores (assignment_id, criterion_id, value)",
        values,
    )
    .await?;
    Ok(round)
}

/// The `percent`-th percentile (nearest rank below) of sorted durations.
fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    sorted[(sorted.len() - 1) * percent / 100]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = tokio::task::spawn_blocking(TestDb::create).await??;
    let backend = db.backend().name();
    let mut settings = test_settings(&db.url);
    settings.workers = 2;
    settings.db_pool_size = 4;
    let app = api::Application::build(settings.clone()).await?;
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = api::connect(&settings).await?;
    let started = Instant::now();
    let round = seed(&pool).await?;
    println!(
        "seeded {ENTRIES} entries × {PER_ENTRY} judges × {CRITERIA} criteria on {backend} in {:.1?}",
        started.elapsed()
    );
    sonla_accounts::service::create_admin(
        &pool,
        "bench@example.org",
        "benchmark password",
        "Bench",
    )
    .await?;
    drop(tokio::spawn(app.run_until_stopped()));

    let client = reqwest::Client::new();
    let login: serde_json::Value = client
        .post(format!("{address}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "bench@example.org", "password": "benchmark password"}))
        .send()
        .await?
        .json()
        .await?;
    let token = login["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for method in ["zscore", "mean"] {
        let url = format!("{address}/api/v1/rounds/{round}/leaderboard?method={method}");
        let mut times = Vec::new();
        for i in 0..(3 + REQUESTS) {
            let start = Instant::now();
            let response = client.get(&url).bearer_auth(&token).send().await?;
            anyhow::ensure!(
                response.status().is_success(),
                "leaderboard answered {}",
                response.status()
            );
            let body = response.bytes().await?;
            if i >= 3 {
                times.push(start.elapsed());
            }
            if i == 0 {
                let rows = serde_json::from_slice::<serde_json::Value>(&body)?["rows"]
                    .as_array()
                    .map_or(0, Vec::len);
                println!("{method}: {rows} rows, {} KiB", body.len() / 1024);
            }
        }
        times.sort();
        println!(
            "{backend} leaderboard ({method}), {REQUESTS} requests: min {:.0?}  median {:.0?}  p95 {:.0?}  max {:.0?}",
            times[0],
            percentile(&times, 50),
            percentile(&times, 95),
            times[times.len() - 1]
        );
    }
    Ok(())
}
