//! The database ceiling of the load benchmark: the SQL that the list, search, detail and
//! leaderboard endpoints run, executed straight on the database through the application's own
//! repository functions, with the same pool, concurrency and duration as the HTTP scenario.
//!
//! ```sh
//! target/release/dbceiling --inputs target/bench/work/inputs-sqlite.json --scenario list \
//!     --concurrency 32 --duration 10
//! ```
//!
//! Prints one JSON [`sonla_bench::Measure`]; with `--each-query`, one line per `q` of the
//! search scenarios, each measured alone, with that `q` beside its figures. The scenarios:
//!
//! - `list`: `sonla_ideas::repo::list` (one query: the page plus one row) for an anonymous
//!   caller, newest first, over the same cursors as the HTTP scenario (what `service::list_ideas` runs);
//! - `search`: the same with the words of each `q`, by relevance;
//! - `everything`: `sonla_db::search::everything` over ideas and organisations, by relevance
//!   (what `GET /api/v1/search` runs for an anonymous caller);
//! - `detail`: `repo::find` (what `GET /ideas/{id}` runs for an anonymous caller);
//! - `list-service`: `sonla_ideas::service::list_ideas` (SQL and building the page, no HTTP);
//! - `leaderboard-sql`: what `service::leaderboard` loads: the round, its competition, the
//!   published results (none), the criteria and the 200,000 submitted values;
//! - `leaderboard-service`: `service::leaderboard` (SQL and scoring, no JSON);
//! - `leaderboard-json`: the same, written to JSON and hashed for the `ETag` (all but HTTP);
//! - `hash`: Argon2id password checks (the login's ceiling).
//!
//! Each operation runs through `DbPool::run`, on the blocking thread pool, as in the server.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Parser, ValueEnum};
use sonla_bench::{Inputs, Measure};
use sonla_competitions::api::LeaderboardResponse;
use sonla_competitions::repo as competition_repo;
use sonla_competitions::service::Policy;
use sonla_core::auth::{Actor, Role};
use sonla_core::page::Cursor;
use sonla_db::{DbError, DbPool, DbUrl, PoolOptions};
use sonla_ideas::access::Viewer;
use sonla_ideas::api::ListIdeasQuery;
use sonla_ideas::repo::{self as idea_repo, ListSpec, Order, SortKey};

/// What to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    List,
    Search,
    Everything,
    Detail,
    ListService,
    LeaderboardSql,
    LeaderboardService,
    LeaderboardJson,
    Hash,
}

/// The options.
#[derive(Debug, Parser)]
struct Args {
    /// The inputs `load` wrote (database URL, cursors, queries, ids, round).
    #[arg(long)]
    inputs: PathBuf,
    /// What to run.
    #[arg(long, value_enum)]
    scenario: Scenario,
    /// Operations in flight at once (the HTTP scenario's connections).
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Seconds to run.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Connections of the pool (the server's `DATABASE_POOL_SIZE`, 10 by default).
    #[arg(long, default_value_t = 10)]
    pool_size: u32,
    /// The database to run on instead of the inputs' (another scale of the same seed).
    #[arg(long)]
    database_url: Option<String>,
    /// Measures each `q` of the inputs alone, one after the other (search scenarios).
    #[arg(long)]
    each_query: bool,
}

/// The figures of one query measured alone.
#[derive(serde::Serialize)]
struct QueryMeasure {
    query: String,
    #[serde(flatten)]
    measure: Measure,
}

/// Everything an operation reads.
#[derive(Clone)]
struct Ctx {
    pool: DbPool,
    scenario: Scenario,
    inputs: Inputs,
    cursors: Vec<Option<SortKey>>,
    officer: Actor,
    hash: String,
}

fn spec(query: Option<sonla_db::search::Query>, order: Order) -> ListSpec {
    ListSpec {
        query,
        ..ListSpec::new(Viewer::Anonymous, order)
    }
}

/// A page of ideas as `run_list` loads it: the rows of the page plus one, in one query.
async fn page(ctx: &Ctx, spec: ListSpec, after: Option<SortKey>) -> anyhow::Result<()> {
    ctx.pool
        .run(move |conn| {
            std::hint::black_box(idea_repo::list(conn, &spec, after.as_ref(), 21)?);
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(())
}

fn pick<T: Clone>(items: &[T], i: usize) -> anyhow::Result<T> {
    items
        .get(i % items.len().max(1))
        .cloned()
        .context("no inputs for this scenario")
}

/// One operation, the `i`-th of the run.
async fn operation(ctx: &Ctx, i: usize) -> anyhow::Result<()> {
    let round_id = sonla_core::RoundId::from_stored(ctx.inputs.round_id.clone());
    match ctx.scenario {
        Scenario::List => {
            let after = pick(&ctx.cursors, i)?;
            page(ctx, spec(None, Order::Newest), after).await
        }
        Scenario::Search => {
            let q = pick(&ctx.inputs.queries, i)?;
            let query = sonla_db::search::Query::parse(&q).context("a query without words")?;
            page(ctx, spec(Some(query), Order::Relevance), None).await
        }
        Scenario::Everything => {
            let q = pick(&ctx.inputs.queries, i)?;
            let query = sonla_db::search::Query::parse(&q).context("a query without words")?;
            let kinds = [sonla_ideas::repo::SEARCH, sonla_organizations::repo::SEARCH];
            ctx.pool
                .run(move |conn| {
                    std::hint::black_box(sonla_db::search::everything(
                        conn,
                        &kinds,
                        None,
                        &query,
                        sonla_db::search::Rank::Relevance,
                        None,
                        21,
                    )?);
                    Ok::<_, DbError>(())
                })
                .await?;
            Ok(())
        }
        Scenario::Detail => {
            let id = sonla_core::IdeaId::from_stored(pick(&ctx.inputs.idea_ids, i)?);
            let found = ctx
                .pool
                .run(move |conn| Ok::<_, DbError>(idea_repo::find(conn, &id)?))
                .await?;
            found.map(|_| ()).context("idea not found")
        }
        Scenario::ListService => {
            let query = ListIdeasQuery {
                limit: Some(20),
                cursor: pick(&ctx.inputs.list_cursors, i)?,
                ..ListIdeasQuery::default()
            };
            sonla_ideas::service::list_ideas(&ctx.pool, None, query).await?;
            Ok(())
        }
        Scenario::LeaderboardSql => {
            ctx.pool
                .run(move |conn| {
                    let round = competition_repo::find_round(conn, &round_id)?
                        .ok_or(DbError::Unavailable("no round".to_owned()))?;
                    let competition =
                        competition_repo::find_competition(conn, &round.competition_id)?
                            .ok_or(DbError::Unavailable("no competition".to_owned()))?;
                    competition_repo::find_results(conn, &competition.id)?;
                    competition_repo::criteria_of(conn, &round.id)?;
                    let mut values = 0_usize;
                    competition_repo::each_submitted_value(conn, &round.id, |_, _, _, _| {
                        values += 1;
                    })?;
                    std::hint::black_box(values);
                    Ok::<_, DbError>(())
                })
                .await?;
            Ok(())
        }
        Scenario::LeaderboardService | Scenario::LeaderboardJson => {
            let board = sonla_competitions::service::leaderboard(
                &ctx.pool,
                Policy::default(),
                Some(ctx.officer.clone()),
                round_id,
                None,
            )
            .await?;
            if ctx.scenario == Scenario::LeaderboardJson {
                // As the server answers it: the JSON body, then its `ETag`.
                let body = serde_json::to_vec(&LeaderboardResponse::from(board))?;
                std::hint::black_box(sonla_core::etag_of_bytes(&body));
            }
            Ok(())
        }
        Scenario::Hash => {
            let (password, hash) = (ctx.inputs.password.clone(), ctx.hash.clone());
            let valid = sonla_db::blocking(move || {
                Ok::<_, DbError>(sonla_accounts::password::verify(&password, Some(&hash)))
            })
            .await?;
            anyhow::ensure!(valid, "the password did not verify");
            Ok(())
        }
    }
}

/// Runs `concurrency` loops of operations until the deadline.
async fn measure(ctx: Arc<Ctx>, concurrency: usize, duration: Duration) -> Measure {
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::with_capacity(concurrency);
    for task in 0..concurrency {
        let ctx = Arc::clone(&ctx);
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut failed) = (Vec::new(), 0_u64);
            let mut i = task;
            while Instant::now() < deadline {
                let start = Instant::now();
                let outcome = operation(&ctx, i).await;
                latencies.push(start.elapsed());
                if let Err(error) = outcome {
                    failed += 1;
                    if failed == 1 {
                        eprintln!("dbceiling: {error:#}");
                    }
                }
                i += concurrency;
            }
            (latencies, failed)
        }));
    }
    let (mut latencies, mut failed) = (Vec::new(), 0);
    for task in tasks {
        match task.await {
            Ok((l, f)) => {
                latencies.extend(l);
                failed += f;
            }
            Err(_) => failed += 1,
        }
    }
    Measure::from_latencies(latencies, started.elapsed(), failed, 0)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    // Two async workers, as the server has on two cores; queries go to the blocking pool.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let mut inputs: Inputs = serde_json::from_slice(
            &std::fs::read(&args.inputs)
                .with_context(|| format!("cannot read {}", args.inputs.display()))?,
        )?;
        if let Some(url) = &args.database_url {
            inputs.database_url.clone_from(url);
        }
        let url = DbUrl::parse(&inputs.database_url).map_err(anyhow::Error::msg)?;
        let options = PoolOptions {
            max_size: args.pool_size,
            connection_timeout: Duration::from_secs(5),
        };
        let pool = sonla_db::blocking(move || {
            DbPool::connect(&url, &options).map_err(anyhow::Error::from)
        })
        .await?;
        let cursors = inputs
            .list_cursors
            .iter()
            .map(|c| {
                c.as_deref()
                    .map(Cursor::decode::<SortKey>)
                    .transpose()
                    .map_err(|_| anyhow::anyhow!("a list cursor does not decode"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let hash = if args.scenario == Scenario::Hash {
            let password = inputs.password.clone();
            sonla_db::blocking(move || {
                sonla_accounts::password::hash(&password).map_err(|e| anyhow::anyhow!("{e}"))
            })
            .await?
        } else {
            String::new()
        };
        let ctx = Arc::new(Ctx {
            pool,
            scenario: args.scenario,
            officer: Actor {
                user_id: sonla_core::UserId::from_stored(inputs.officer_id.clone()),
                roles: vec![Role::Officer, Role::Member],
                session_id: None,
            },
            inputs,
            cursors,
            hash,
        });
        let duration = Duration::from_secs(args.duration);
        if args.each_query {
            for query in &ctx.inputs.queries {
                let mut alone = (*ctx).clone();
                alone.inputs.queries = vec![query.clone()];
                let alone = Arc::new(alone);
                operation(&alone, 0).await?;
                let measure = measure(alone, args.concurrency, duration).await;
                let query = query.clone();
                println!(
                    "{}",
                    serde_json::to_string(&QueryMeasure { query, measure })?
                );
            }
            return Ok(());
        }
        // One operation first, so a broken input fails loudly instead of counting errors.
        operation(&ctx, 0).await?;
        let result = measure(ctx, args.concurrency, duration).await;
        println!("{}", serde_json::to_string(&result)?);
        Ok(())
    })
}
