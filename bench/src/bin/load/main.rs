//! The load benchmark's driver (run it through `bench/load.sh`; see BENCHMARKS.md).
//!
//! For each backend: seeds the databases it lacks (`api seed-demo`, cached under
//! `target/bench/cache` or in PostgreSQL databases `bench_s<scale>_seed<seed>`), times the
//! release server's start-up to ready on an empty and on a full database, then runs every
//! scenario against the server on a working copy of the full database, each followed by its
//! ceilings: the framework ceiling (`ceiling`, a bare actix-web answer of the same size, same
//! wrk command) and, for the list, search, detail and leaderboard, the database ceiling
//! (`dbceiling`, the same SQL through the same repository functions, same concurrency). Then
//! the scale curve (list, search and detail on smaller databases). Prints one report per
//! backend and writes it with the raw figures under `target/bench/`.

mod db;
mod http;
mod prepare;
mod server;
mod wrk;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, ValueEnum};
use serde::Serialize;
use sonla_bench::{Inputs, Measure};

use crate::db::{Backend, Databases};
use crate::http::JudgeWork;
use crate::prepare::Fixture;
use crate::server::Process;
use crate::wrk::{Request, Wrk};

/// Which backends to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    All,
}

/// The options (`bench/load.sh` passes its arguments through).
#[derive(Debug, Parser)]
#[command(about = "The load benchmark: scenarios, ceilings, scale curve and memory")]
struct Args {
    /// The backend(s) to measure.
    #[arg(value_enum, default_value = "all")]
    backend: Which,
    /// Scale of the main database (`seed-demo --scale`: 100 ideas per unit).
    #[arg(long, default_value_t = 1000)]
    scale: u32,
    /// The other scales of the scale curve (the main scale is one of its points; the default
    /// runs from 1,000 to 1,000,000 ideas).
    #[arg(long, value_delimiter = ',', default_values_t = [10_u32, 100, 10_000])]
    curve: Vec<u32>,
    /// Seed of the data.
    #[arg(long, default_value_t = sonla_seed::DEFAULT_SEED)]
    seed: u64,
    /// Seconds of each measured run.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Seconds of each run of the scale curve.
    #[arg(long, default_value_t = 5)]
    curve_duration: u64,
    /// Seconds of warm-up before each scenario (not measured).
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Connections of the read scenarios.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Connections of the leaderboard scenario (each answer is 3.5 MB).
    #[arg(long, default_value_t = 2)]
    leaderboard_connections: usize,
    /// Connections of the login scenario (each login hashes with 19 MiB).
    #[arg(long, default_value_t = 4)]
    login_connections: usize,
    /// The PostgreSQL server (trust authentication), without a database.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432")]
    pg: String,
    /// Where caches, logs and results go (default: `target/bench`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// An extra variable of the server's environment, `KEY=VALUE` (repeatable), to try a
    /// setting such as `DATABASE_POOL_SIZE=4` or `MALLOC_ARENA_MAX=2`.
    #[arg(long = "server-env", value_parser = key_value)]
    server_env: Vec<(String, String)>,
}

fn key_value(raw: &str) -> Result<(String, String), String> {
    raw.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| format!("`{raw}` is not KEY=VALUE"))
}

/// Search words of the search scenarios: products, places and trades of the demo ideas, with
/// and without diacritics, one to three words, from rare (a reservoir, hydroponics) to very
/// common (agricultural products, cooperatives); the report lists each one's matches.
const QUERIES: &[&str] = &[
    "quỳnh nhai",
    "hop tac xa",
    "cà phê",
    "du lịch cộng đồng",
    "chè shan tuyết",
    "dâu tây",
    "mộc châu",
    "nong san",
    "thủy canh",
    "bò sữa",
    "homestay",
    "chanh leo",
    "mật ong",
    "thổ cẩm",
];

/// The machine.
#[derive(Debug, Clone, Serialize)]
struct Machine {
    cores: usize,
    memory_gib: f64,
    cpu: String,
    database: String,
}

/// One scenario's figures with its ceilings.
#[derive(Debug, Clone, Serialize)]
struct ScenarioResult {
    name: &'static str,
    title: &'static str,
    connections: usize,
    /// Size of one answer.
    body_bytes: usize,
    measure: Measure,
    /// Resident memory of the server when the measured run started.
    rss_before_mib: f64,
    /// Peak resident memory of the server during the measured run.
    peak_rss_mib: f64,
    /// The framework ceiling (same body size, same wrk command).
    framework: Option<Measure>,
    /// Database (and service) ceilings, by `dbceiling` scenario.
    db: Vec<(String, Measure)>,
    note: Option<String>,
}

/// A point of the scale curve.
#[derive(Debug, Clone, Serialize)]
struct CurvePoint {
    scale: u32,
    ideas: i64,
    scenario: &'static str,
    measure: Measure,
}

/// A target of the issue.
#[derive(Debug, Clone, Serialize)]
struct Target {
    name: String,
    measured: String,
    met: bool,
}

/// Everything measured on one backend.
#[derive(Debug, Clone, Serialize)]
struct BackendResults {
    backend: Backend,
    date: String,
    machine: Machine,
    command: String,
    scale: u32,
    seed: u64,
    ideas: i64,
    /// Seconds of seeding per scale (`None`: cached).
    seeding: Vec<(u32, Option<f64>)>,
    startup_empty_ms: Vec<f64>,
    startup_full_ms: Vec<f64>,
    idle_rss_mib: f64,
    /// Matches per query, and whether the count stopped at its cap.
    search_matches: Vec<(String, i64, bool)>,
    scenarios: Vec<ScenarioResult>,
    curve: Vec<CurvePoint>,
    targets: Vec<Target>,
    minutes: f64,
}

/// A wrk scenario: name, title, requests, connections and its `dbceiling` scenarios.
type ReadScenario<'a> = (
    &'static str,
    &'static str,
    &'a [Request],
    usize,
    &'static [&'static str],
);

/// Paths and settings shared by every step.
struct Bench {
    args: Args,
    bins: PathBuf,
    out: PathBuf,
    wrk: Wrk,
    runtime: tokio::runtime::Runtime,
}

/// What the read scenarios replay on one database.
struct ReadInputs {
    cursors: Vec<Option<String>>,
    list: Vec<Request>,
    search: Vec<Request>,
    everything: Vec<Request>,
    detail: Vec<Request>,
    bodies: Vec<(&'static str, Vec<u8>)>,
    search_matches: Vec<(String, i64, bool)>,
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn machine(database: String) -> Machine {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_default();
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_owned())
        .unwrap_or_default();
    Machine {
        cores: std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        memory_gib: kib / 1024.0 / 1024.0,
        cpu,
        database,
    }
}

fn database_version(url: &str) -> String {
    #[derive(diesel::QueryableByName)]
    struct Version {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let query = if url.starts_with("postgres") {
        "SELECT version() AS v"
    } else {
        "SELECT 'SQLite ' || sqlite_version() AS v"
    };
    sonla_db::DbUrl::parse(url)
        .ok()
        .and_then(|u| u.connect().ok())
        .and_then(|mut conn| {
            diesel::RunQueryDsl::load::<Version>(diesel::sql_query(query), &mut conn).ok()
        })
        .and_then(|rows| rows.into_iter().next())
        .map(|r| r.v.split(" on ").next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

impl Bench {
    fn api_bin(&self) -> PathBuf {
        self.bins.join("api")
    }

    fn logs(&self, backend: Backend) -> PathBuf {
        self.out.join("logs").join(backend.name())
    }

    fn start_server(
        &self,
        url: &str,
        label: &str,
        backend: Backend,
    ) -> anyhow::Result<(Process, Duration)> {
        let port = server::free_port()?;
        let work = self.out.join("work");
        let mut env = server::server_env(url, port, &work);
        env.extend(self.args.server_env.iter().cloned());
        // The environment of the last server, for `bench/profile.sh` (its tokens need the
        // same secret); a random secret for a benchmark database.
        let mut file = String::new();
        for (key, value) in &env {
            if key != "BIND_ADDRESS" {
                let _ = writeln!(file, "{key}={value}");
            }
        }
        std::fs::write(
            work.join(format!("server-{}-{label}.env", backend.name())),
            file,
        )?;
        Process::start(
            &self.api_bin(),
            &["serve".to_owned()],
            &env,
            port,
            "/health/ready",
            true,
            &self.logs(backend).join(format!("server-{label}.log")),
        )
    }

    fn start_ceiling(&self, bodies: &Path, backend: Backend) -> anyhow::Result<Process> {
        let port = server::free_port()?;
        let args = [
            "--port".to_owned(),
            port.to_string(),
            "--bodies".to_owned(),
            bodies.display().to_string(),
        ];
        let (process, _) = Process::start(
            &self.bins.join("ceiling"),
            &args,
            &[],
            port,
            "/",
            false,
            &self.logs(backend).join("ceiling.log"),
        )?;
        Ok(process)
    }

    fn db_ceiling(
        &self,
        inputs: &Path,
        scenario: &str,
        connections: usize,
        label: &str,
        backend: Backend,
    ) -> anyhow::Result<Measure> {
        eprintln!("load: {label} …");
        let output = Command::new(self.bins.join("dbceiling"))
            .arg("--inputs")
            .arg(inputs)
            .args(["--scenario", scenario, "--concurrency"])
            .arg(connections.to_string())
            .arg("--duration")
            .arg(self.args.duration.to_string())
            .output()
            .context("cannot run dbceiling")?;
        std::fs::write(
            self.logs(backend).join(format!("{label}.txt")),
            [output.stdout.as_slice(), output.stderr.as_slice()].concat(),
        )?;
        if !output.status.success() {
            bail!(
                "dbceiling {scenario} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(serde_json::from_slice(output.stdout.trim_ascii())?)
    }

    /// Warm-up, then a measured wrk run with the server's peak memory.
    fn wrk_scenario(
        &self,
        server: &Process,
        requests: &[Request],
        connections: usize,
        seconds: u64,
        label: &str,
        backend: Backend,
    ) -> anyhow::Result<(Measure, f64, f64)> {
        eprintln!("load: {label} …");
        let file = self.logs(backend).join(format!("{label}.requests"));
        wrk::write_requests(&file, requests, "")?;
        let log = format!("{}/{label}", backend.name());
        if self.args.warmup > 0 {
            self.wrk.run(
                &server.base(),
                &file,
                connections,
                self.args.warmup,
                &format!("{log}-warmup"),
            )?;
        }
        server.reset_peak()?;
        let before = server.rss_mib()?;
        let measure = self
            .wrk
            .run(&server.base(), &file, connections, seconds, &log)?;
        Ok((measure, before, server.peak_rss_mib()?))
    }

    /// The same requests on the framework ceiling, under `/{name}`.
    fn framework_ceiling(
        &self,
        ceiling: &Process,
        name: &str,
        requests: &[Request],
        connections: usize,
        backend: Backend,
    ) -> anyhow::Result<Measure> {
        let label = format!("{name}-framework-ceiling");
        eprintln!("load: {label} …");
        let file = self.logs(backend).join(format!("{label}.requests"));
        wrk::write_requests(&file, requests, &format!("/{name}"))?;
        let log = format!("{}/{label}", backend.name());
        self.wrk.run(
            &ceiling.base(),
            &file,
            connections,
            1,
            &format!("{log}-warmup"),
        )?;
        self.wrk.run(
            &ceiling.base(),
            &file,
            connections,
            self.args.duration,
            &log,
        )
    }

    /// Reads the list pages, checks every search and detail once, and keeps one answer of
    /// each for the ceiling.
    fn read_inputs(&self, base: &str, fixture: &Fixture) -> anyhow::Result<ReadInputs> {
        self.runtime.block_on(async {
            let client = http::client()?;
            let mut cursors = vec![None];
            let mut bodies = Vec::new();
            let mut cursor: Option<String> = None;
            for page in 0..50 {
                let url = match &cursor {
                    None => format!("{base}/api/v1/ideas?limit=20"),
                    Some(c) => format!("{base}/api/v1/ideas?limit=20&cursor={c}"),
                };
                let (json, body) = http::get_ok(&client, &url, None).await?;
                if page == 0 {
                    bodies.push(("list", body));
                }
                cursor = json["next_cursor"].as_str().map(str::to_owned);
                match &cursor {
                    Some(c) if page < 49 => cursors.push(Some(c.clone())),
                    _ => break,
                }
            }
            let list = cursors
                .iter()
                .map(|c| {
                    Request::get(
                        c.as_ref().map_or_else(
                            || "/api/v1/ideas?limit=20".to_owned(),
                            |c| format!("/api/v1/ideas?limit=20&cursor={c}"),
                        ),
                        None,
                    )
                })
                .collect();
            let mut search = Vec::new();
            let mut search_matches = Vec::new();
            let mut everything = Vec::new();
            for q in QUERIES {
                let path = format!("/api/v1/ideas?q={}&limit=20", wrk::encode(q));
                let (_, body) = http::get_ok(&client, &format!("{base}{path}"), None).await?;
                if search.is_empty() {
                    bodies.push(("search", body));
                }
                let (count, _) = http::get_ok(
                    &client,
                    &format!("{base}/api/v1/ideas/count?q={}", wrk::encode(q)),
                    None,
                )
                .await?;
                let matches = count["count"].as_i64().unwrap_or(-1);
                let capped = count["capped"].as_bool().unwrap_or(false);
                search_matches.push(((*q).to_owned(), matches, capped));
                search.push(Request::get(path, None));
                let path = format!("/api/v1/search?q={}&limit=20", wrk::encode(q));
                let (_, body) = http::get_ok(&client, &format!("{base}{path}"), None).await?;
                if everything.is_empty() {
                    bodies.push(("everything", body));
                }
                everything.push(Request::get(path, None));
            }
            let mut detail = Vec::new();
            for id in &fixture.idea_ids {
                detail.push(Request::get(format!("/api/v1/ideas/{id}"), None));
            }
            let first = detail.first().context("no public idea")?;
            let (_, body) = http::get_ok(&client, &format!("{base}{}", first.path), None).await?;
            bodies.push(("detail", body));
            Ok(ReadInputs {
                cursors,
                list,
                search,
                everything,
                detail,
                bodies,
                search_matches,
            })
        })
    }

    /// List, search and detail at the curve's duration.
    fn curve_runs(
        &self,
        server: &Process,
        reads: &ReadInputs,
        scale: u32,
        ideas: i64,
        backend: Backend,
    ) -> anyhow::Result<Vec<CurvePoint>> {
        let mut points = Vec::new();
        for (scenario, requests) in [
            ("list", &reads.list),
            ("search", &reads.search),
            ("detail", &reads.detail),
        ] {
            let label = format!("curve-s{scale}-{scenario}");
            let (measure, _, _) = self.wrk_scenario(
                server,
                requests,
                self.args.connections,
                self.args.curve_duration,
                &label,
                backend,
            )?;
            points.push(CurvePoint {
                scale,
                ideas,
                scenario,
                measure,
            });
        }
        Ok(points)
    }

    fn run_backend(&self, backend: Backend) -> anyhow::Result<BackendResults> {
        let started = Instant::now();
        let password = sonla_seed::DEFAULT_PASSWORD;
        std::fs::create_dir_all(self.logs(backend))?;
        let dbs = Databases {
            backend,
            cache: self.out.join("cache"),
            work: self.out.join("work"),
            pg_server: self.args.pg.trim_end_matches('/').to_owned(),
            api_bin: self.api_bin(),
            seed: self.args.seed,
        };
        std::fs::create_dir_all(&dbs.work)?;
        let mut scales = self.args.curve.clone();
        scales.retain(|s| *s != self.args.scale);
        scales.push(self.args.scale);
        let mut seeding = Vec::new();
        for scale in &scales {
            let (_, took) = dbs.seeded(*scale)?;
            seeding.push((*scale, took.map(|t| t.as_secs_f64())));
        }

        // Start-up to ready: an empty database (migrations applied at start) and a full one.
        let mut startup_empty_ms = Vec::new();
        for i in 0..3 {
            let url = dbs.empty("empty")?;
            let (process, took) = self.start_server(&url, &format!("empty-{i}"), backend)?;
            process.stop()?;
            startup_empty_ms.push(took.as_secs_f64() * 1e3);
        }
        dbs.remove("empty")?;
        let url = dbs.working_copy(self.args.scale, "work")?;
        eprintln!("load: preparing the scenarios' data …");
        let fixture = prepare::prepare(&url, password, true)?;
        std::fs::write(
            self.out
                .join("work")
                .join(format!("fixture-{}.json", backend.name())),
            serde_json::to_vec_pretty(&fixture)?,
        )?;
        let mut startup_full_ms = Vec::new();
        let mut running = None;
        for i in 0..3 {
            let (process, took) = self.start_server(&url, &format!("full-{i}"), backend)?;
            startup_full_ms.push(took.as_secs_f64() * 1e3);
            if i < 2 {
                process.stop()?;
            } else {
                running = Some(process);
            }
        }
        let server = running.context("no server")?;
        let idle_rss_mib = server.rss_mib()?;
        let base = server.base();

        eprintln!(
            "load: logging in {} accounts …",
            1 + fixture.demo_judges.len() + fixture.judges.len()
        );
        let officer = self
            .runtime
            .block_on(http::login_all(
                &base,
                std::slice::from_ref(&fixture.officer_email),
                password,
            ))?
            .pop()
            .context("no officer token")?;
        let judge_tokens =
            self.runtime
                .block_on(http::login_all(&base, &fixture.demo_judges, password))?;
        let bench_emails: Vec<String> = fixture.judges.iter().map(|j| j.email.clone()).collect();
        let bench_tokens =
            self.runtime
                .block_on(http::login_all(&base, &bench_emails, password))?;

        let reads = self.read_inputs(&base, &fixture)?;
        let mut bodies = reads.bodies.clone();
        let assignments: Vec<Request> = judge_tokens
            .iter()
            .map(|t| Request::get("/api/v1/me/assignments".to_owned(), Some(t)))
            .collect();
        let leaderboard = vec![Request::get(
            format!("/api/v1/rounds/{}/leaderboard", fixture.round_id),
            Some(&officer),
        )];
        let logins: Vec<Request> = bench_emails
            .iter()
            .map(|email| Request {
                method: "POST",
                path: "/api/v1/auth/login".to_owned(),
                token: None,
                body: Some(serde_json::json!({"email": email, "password": password}).to_string()),
            })
            .collect();
        let mut work: Vec<JudgeWork> = fixture
            .judges
            .iter()
            .zip(&bench_tokens)
            .map(|(j, token)| JudgeWork {
                token: token.clone(),
                assignments: j.assignments.clone(),
                next: 0,
            })
            .collect();
        self.runtime.block_on(async {
            let client = http::client()?;
            let first = assignments.first().context("no demo judges")?;
            for (name, request) in [("assignments", first), ("leaderboard", &leaderboard[0])] {
                let (_, body) = http::get_ok(
                    &client,
                    &format!("{base}{}", request.path),
                    request.token.as_deref(),
                )
                .await?;
                bodies.push((name, body));
            }
            // One sheet saved and submitted: its answer is the ceiling's body.
            let judge = work.first_mut().context("no judges")?;
            let assignment = judge
                .assignments
                .get(judge.next)
                .cloned()
                .context("no assignments")?;
            judge.next += 1;
            let body = http::sheet_body(&fixture.criteria, 0);
            let (status, saved) =
                http::save_sheet(&client, &base, &judge.token, &assignment, &body).await?;
            anyhow::ensure!(
                status == 200,
                "saving a sheet answered {status}: {}",
                String::from_utf8_lossy(&saved)
            );
            let (status, submitted) =
                http::submit_sheet(&client, &base, &judge.token, &assignment).await?;
            anyhow::ensure!(
                status == 200,
                "submitting a sheet answered {status}: {}",
                String::from_utf8_lossy(&submitted)
            );
            bodies.push(("sheets", saved));
            anyhow::Ok(())
        })?;

        let bodies_dir = self
            .out
            .join("work")
            .join(format!("bodies-{}", backend.name()));
        std::fs::create_dir_all(&bodies_dir)?;
        for (name, body) in &bodies {
            std::fs::write(bodies_dir.join(format!("{name}.json")), body)?;
        }
        let size = |name: &str| {
            bodies
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, b)| b.len())
        };
        let inputs_path = self
            .out
            .join("work")
            .join(format!("inputs-{}.json", backend.name()));
        std::fs::write(
            &inputs_path,
            serde_json::to_vec_pretty(&Inputs {
                database_url: url.clone(),
                list_cursors: reads.cursors.clone(),
                queries: QUERIES.iter().map(|q| (*q).to_owned()).collect(),
                idea_ids: fixture.idea_ids.clone(),
                round_id: fixture.round_id.clone(),
                officer_id: fixture.officer_id.clone(),
                password: password.to_owned(),
            })?,
        )?;
        let ceiling = self.start_ceiling(&bodies_dir, backend)?;

        let c = self.args.connections;
        let mut scenarios = Vec::new();
        let reads_scenarios: [ReadScenario<'_>; 6] = [
            (
                "list",
                "public idea list (page of 20, 50 pages deep)",
                &reads.list,
                c,
                &["list", "list-service"],
            ),
            (
                "search",
                "idea search with q (12 queries)",
                &reads.search,
                c,
                &["search"],
            ),
            (
                "everything",
                "search of ideas and organisations, /api/v1/search (same queries)",
                &reads.everything,
                c,
                &["everything"],
            ),
            (
                "detail",
                "idea detail (1,000 public ideas)",
                &reads.detail,
                c,
                &["detail"],
            ),
            (
                "assignments",
                "a judge's assignments (25 judges, first page)",
                &assignments,
                c,
                &[],
            ),
            (
                "leaderboard",
                "leaderboard, 5,000 entries × 5 judges × 8 criteria",
                &leaderboard,
                self.args.leaderboard_connections,
                &["leaderboard-sql", "leaderboard-service", "leaderboard-json"],
            ),
        ];
        for (name, title, requests, connections, db_ceilings) in reads_scenarios {
            let (measure, rss_before_mib, peak_rss_mib) = self.wrk_scenario(
                &server,
                requests,
                connections,
                self.args.duration,
                name,
                backend,
            )?;
            let framework =
                self.framework_ceiling(&ceiling, name, requests, connections, backend)?;
            let mut db = Vec::new();
            for scenario in db_ceilings {
                let label = format!("{name}-db-ceiling-{scenario}");
                db.push((
                    (*scenario).to_owned(),
                    self.db_ceiling(&inputs_path, scenario, connections, &label, backend)?,
                ));
            }
            scenarios.push(ScenarioResult {
                name,
                title,
                connections,
                body_bytes: size(name),
                measure,
                rss_before_mib,
                peak_rss_mib,
                framework: Some(framework),
                db,
                note: None,
            });
        }

        // Score sheets: 64 judges, each on its own connection.
        eprintln!("load: sheets …");
        let duration = Duration::from_secs(self.args.duration);
        let warm = self.runtime.block_on(http::sheets(
            &base,
            work,
            &fixture.criteria,
            Duration::from_secs(self.args.warmup),
            false,
        ))?;
        server.reset_peak()?;
        let rss_before_mib = server.rss_mib()?;
        let run = self.runtime.block_on(http::sheets(
            &base,
            warm.left,
            &fixture.criteria,
            duration,
            false,
        ))?;
        let peak_rss_mib = server.peak_rss_mib()?;
        eprintln!("load: sheets-framework-ceiling …");
        let ceiling_base = format!("{}/sheets", ceiling.base());
        let ceiling_warm = self.runtime.block_on(http::sheets(
            &ceiling_base,
            run.left.clone(),
            &fixture.criteria,
            Duration::from_secs(1),
            true,
        ))?;
        let framework = self
            .runtime
            .block_on(http::sheets(
                &ceiling_base,
                ceiling_warm.left,
                &fixture.criteria,
                duration,
                true,
            ))?
            .measure;
        let scored: usize = run.left.iter().map(|j| j.next).sum();
        let mut note = format!(
            "{scored} sheets saved and submitted in all (warm-up included); {} judges ran out of work",
            run.ran_out
        );
        if let Some(error) = warm.first_error.or(run.first_error) {
            let _ = write!(note, "; first error: {error}");
        }
        scenarios.push(ScenarioResult {
            name: "sheets",
            title: "score sheets, 64 judges (PUT sheet + POST submit)",
            connections: prepare::JUDGES,
            body_bytes: size("sheets"),
            measure: run.measure,
            rss_before_mib,
            peak_rss_mib,
            framework: Some(framework),
            db: Vec::new(),
            note: Some(note),
        });

        // The scale curve's last point, on this server.
        let mut curve = Vec::new();
        curve.extend(self.curve_runs(&server, &reads, self.args.scale, fixture.ideas, backend)?);

        // Login: slow by design (Argon2id, 19 MiB); its ceiling is the hashing itself.
        let lc = self.args.login_connections;
        let (measure, rss_before_mib, peak_rss_mib) =
            self.wrk_scenario(&server, &logins, lc, self.args.duration, "login", backend)?;
        let hash = self.db_ceiling(&inputs_path, "hash", lc, "login-hash-ceiling", backend)?;
        scenarios.push(ScenarioResult {
            name: "login",
            title: "login (Argon2id, reported apart)",
            connections: lc,
            body_bytes: 0,
            measure,
            rss_before_mib,
            peak_rss_mib,
            framework: None,
            db: vec![("hash".to_owned(), hash)],
            note: None,
        });
        server.stop()?;
        ceiling.stop()?;

        // The rest of the scale curve.
        for scale in &self.args.curve {
            if *scale == self.args.scale {
                continue;
            }
            let url = dbs.working_copy(*scale, "curve")?;
            let fixture = prepare::prepare(&url, password, false)?;
            let (server, _) = self.start_server(&url, &format!("curve-s{scale}"), backend)?;
            let reads = self.read_inputs(&server.base(), &fixture)?;
            let mut points = self.curve_runs(&server, &reads, *scale, fixture.ideas, backend)?;
            server.stop()?;
            dbs.remove("curve")?;
            points.append(&mut curve);
            curve = points;
        }
        curve.sort_by_key(|p| (p.scenario, p.scale));

        let mut results = BackendResults {
            backend,
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            machine: machine(database_version(&url)),
            command: std::env::args().collect::<Vec<_>>().join(" "),
            scale: self.args.scale,
            seed: self.args.seed,
            ideas: fixture.ideas,
            seeding,
            startup_empty_ms,
            startup_full_ms,
            idle_rss_mib,
            search_matches: reads.search_matches,
            scenarios,
            curve,
            targets: Vec::new(),
            minutes: 0.0,
        };
        results.targets = targets(&results);
        results.minutes = started.elapsed().as_secs_f64() / 60.0;
        Ok(results)
    }
}

fn find<'a>(results: &'a BackendResults, name: &str) -> Option<&'a ScenarioResult> {
    results.scenarios.iter().find(|s| s.name == name)
}

fn db_ceiling<'a>(scenario: &'a ScenarioResult, name: &str) -> Option<&'a Measure> {
    scenario.db.iter().find(|(n, _)| n == name).map(|(_, m)| m)
}

/// The targets.
fn targets(results: &BackendResults) -> Vec<Target> {
    let mut out = Vec::new();
    if let Some(list) = find(results, "list")
        && let Some(framework) = &list.framework
    {
        let ratio = list.measure.rps / framework.rps;
        out.push(Target {
            name: "public list ≥ 40% of the framework ceiling (req/s)".to_owned(),
            measured: format!("{:.0}%", ratio * 100.0),
            met: ratio >= 0.40,
        });
    }
    if let (Some(list), Some(search)) = (find(results, "list"), find(results, "search")) {
        let ratio = search.measure.rps / list.measure.rps;
        out.push(Target {
            name: format!("search at {} ideas ≥ half the list's req/s", results.ideas),
            measured: format!("{:.0}%", ratio * 100.0),
            met: ratio >= 0.5,
        });
    }
    let search_curve: Vec<&CurvePoint> = {
        let mut points: Vec<&CurvePoint> = results
            .curve
            .iter()
            .filter(|p| p.scenario == "search")
            .collect();
        points.sort_by_key(|p| p.ideas);
        points
    };
    if let (Some(small), Some(large)) = (search_curve.first(), search_curve.last())
        && small.ideas < large.ideas
    {
        let ratio = large.measure.p50_ms / small.measure.p50_ms;
        out.push(Target {
            name: format!(
                "search p50 at {} ideas ≤ 2× its p50 at {}",
                large.ideas, small.ideas
            ),
            measured: format!(
                "{ratio:.2}× ({} ms ÷ {} ms)",
                ms(large.measure.p50_ms),
                ms(small.measure.p50_ms)
            ),
            met: ratio <= 2.0,
        });
    }
    for name in ["search", "everything"] {
        if let Some(search) = find(results, name) {
            out.push(Target {
                name: format!("server memory during {name} < 150 MB"),
                measured: format!("{:.0} MiB peak", search.peak_rss_mib),
                met: search.peak_rss_mib * 1.048_576 < 150.0,
            });
        }
    }
    if let Some(board) = find(results, "leaderboard")
        && let Some(sql) = db_ceiling(board, "leaderboard-sql")
    {
        let ratio = board.measure.p50_ms / sql.p50_ms;
        out.push(Target {
            name: "leaderboard ≤ 2× the database ceiling (median latency)".to_owned(),
            measured: format!("{ratio:.2}×"),
            met: ratio <= 2.0,
        });
    }
    let errors: Vec<String> = results
        .scenarios
        .iter()
        .filter(|s| s.measure.errors() > 0)
        .map(|s| format!("{} ({})", s.name, s.measure.errors()))
        .collect();
    out.push(Target {
        name: "zero errors in every scenario".to_owned(),
        measured: if errors.is_empty() {
            "0".to_owned()
        } else {
            errors.join(", ")
        },
        met: errors.is_empty(),
    });
    let peak = results
        .scenarios
        .iter()
        .max_by(|a, b| a.peak_rss_mib.total_cmp(&b.peak_rss_mib));
    if let Some(peak) = peak {
        out.push(Target {
            name: "server memory under load < 150 MB".to_owned(),
            measured: format!("{:.0} MiB peak ({})", peak.peak_rss_mib, peak.name),
            met: peak.peak_rss_mib * 1.048_576 < 150.0,
        });
    }
    out
}

fn ms(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

fn bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MiB", n as f64 / 1024.0 / 1024.0)
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

/// The report of one backend, in Markdown.
fn report(results: &BackendResults) -> String {
    let r = results;
    let mut s = String::new();
    let machine = &r.machine;
    let name = match r.backend {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    };
    let _ = writeln!(
        s,
        "### {name}: {} ideas (scale {}, seed {})\n",
        r.ideas, r.scale, r.seed
    );
    let _ = writeln!(
        s,
        "- {}; {} cores ({}), {:.1} GiB memory; {}; run took {:.1} min.",
        r.date, machine.cores, machine.cpu, machine.memory_gib, machine.database, r.minutes
    );
    let _ = writeln!(
        s,
        "- Start-up to `/health/ready`: empty database (migrations applied) median {} ms (runs {}); full database median {} ms (runs {}). Idle RSS after start {:.0} MiB.",
        ms(median(&r.startup_empty_ms)),
        r.startup_empty_ms
            .iter()
            .map(|v| ms(*v))
            .collect::<Vec<_>>()
            .join(", "),
        ms(median(&r.startup_full_ms)),
        r.startup_full_ms
            .iter()
            .map(|v| ms(*v))
            .collect::<Vec<_>>()
            .join(", "),
        r.idle_rss_mib
    );
    let _ = writeln!(s, "- Command: `{}`\n", r.command);

    let _ = writeln!(
        s,
        "| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | errors | RSS at start → peak | answer |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for sc in &r.scenarios {
        let x = &sc.measure;
        let _ = writeln!(
            s,
            "| {} | {} | {:.0} | {} | {} | {} | {} | {:.0} → {:.0} MiB | {} |",
            sc.title,
            sc.connections,
            x.rps,
            ms(x.p50_ms),
            ms(x.p95_ms),
            ms(x.p99_ms),
            x.errors(),
            sc.rss_before_mib,
            sc.peak_rss_mib,
            if sc.body_bytes > 0 {
                bytes(sc.body_bytes)
            } else {
                "–".to_owned()
            }
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "| scenario | ceiling | req/s | p50 ms | p99 ms | errors | scenario ÷ ceiling req/s | scenario p50 ÷ ceiling p50 |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|");
    for sc in &r.scenarios {
        let mut rows: Vec<(String, &Measure)> = Vec::new();
        if let Some(f) = &sc.framework {
            rows.push(("framework (same answer size)".to_owned(), f));
        }
        for (n, measure) in &sc.db {
            let label = match n.as_str() {
                "list" | "search" | "everything" | "detail" | "leaderboard-sql" => {
                    "database (same SQL)".to_owned()
                }
                "list-service" => "service (SQL + page, no HTTP)".to_owned(),
                "leaderboard-service" => "service (SQL + scoring, no JSON)".to_owned(),
                "leaderboard-json" => "service + JSON + ETag (no HTTP)".to_owned(),
                "hash" => "Argon2id verifications".to_owned(),
                other => other.to_owned(),
            };
            rows.push((label, measure));
        }
        for (label, c) in rows {
            let _ = writeln!(
                s,
                "| {} | {} | {:.0} | {} | {} | {} | {:.2} | {:.2} |",
                sc.name,
                label,
                c.rps,
                ms(c.p50_ms),
                ms(c.p99_ms),
                c.errors(),
                sc.measure.rps / c.rps,
                sc.measure.p50_ms / c.p50_ms
            );
        }
    }
    let _ = writeln!(s);
    let scales: Vec<(u32, i64)> = {
        let mut v: Vec<(u32, i64)> = r.curve.iter().map(|p| (p.scale, p.ideas)).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let _ = write!(
        s,
        "| scale curve ({} connections) |",
        r.scenarios.first().map_or(0, |x| x.connections)
    );
    for (_, ideas) in &scales {
        let _ = write!(s, " {ideas} ideas: req/s · p50 · p99 ms |");
    }
    let _ = writeln!(s, " p50 largest ÷ smallest |");
    let _ = writeln!(s, "|---|{}---:|", "---:|".repeat(scales.len()));
    for scenario in ["list", "search", "detail"] {
        let points: Vec<&CurvePoint> = scales
            .iter()
            .filter_map(|(scale, _)| {
                r.curve
                    .iter()
                    .find(|p| p.scenario == scenario && p.scale == *scale)
            })
            .collect();
        let _ = write!(s, "| {scenario} |");
        for p in &points {
            let _ = write!(
                s,
                " {:.0} · {} · {} |",
                p.measure.rps,
                ms(p.measure.p50_ms),
                ms(p.measure.p99_ms)
            );
        }
        let growth = match (points.first(), points.last()) {
            (Some(small), Some(large)) if small.measure.p50_ms > 0.0 => {
                large.measure.p50_ms / small.measure.p50_ms
            }
            _ => 0.0,
        };
        let _ = writeln!(s, " {growth:.2}× |");
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Search matches per query at {} ideas (`GET /api/v1/ideas/count`; `+`: at its cap): {}.\n",
        r.ideas,
        r.search_matches
            .iter()
            .map(|(q, n, capped)| format!("“{q}” {n}{}", if *capped { "+" } else { "" }))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(s, "| target | measured | met |");
    let _ = writeln!(s, "|---|---|---|");
    for t in &r.targets {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            t.name,
            t.measured,
            if t.met { "yes" } else { "**no**" }
        );
    }
    for sc in &r.scenarios {
        if let Some(note) = &sc.note {
            let _ = writeln!(s, "\n{}: {note}.", sc.name);
        }
    }
    s
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let exe = std::env::current_exe()?;
    let bins = exe
        .parent()
        .context("the binary has no folder")?
        .to_path_buf();
    let out = match &args.out {
        Some(out) => out.clone(),
        None => bins.parent().context("no target folder")?.join("bench"),
    };
    std::fs::create_dir_all(&out)?;
    let script = out.join("bench.lua");
    std::fs::write(&script, wrk::SCRIPT)?;
    let backends = match args.backend {
        Which::Sqlite => vec![Backend::Sqlite],
        Which::Postgres => vec![Backend::Postgres],
        Which::All => vec![Backend::Sqlite, Backend::Postgres],
    };
    let bench = Bench {
        wrk: Wrk {
            script,
            logs: out.join("logs"),
        },
        args,
        bins,
        out: out.clone(),
        runtime: tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?,
    };
    let started = Instant::now();
    let mut reports = Vec::new();
    for backend in backends {
        let results = bench.run_backend(backend)?;
        let text = report(&results);
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let json = serde_json::to_vec_pretty(&results)?;
        std::fs::write(out.join(format!("results-{}.json", backend.name())), &json)?;
        std::fs::write(
            out.join(format!("results-{}-{stamp}.json", backend.name())),
            &json,
        )?;
        std::fs::write(out.join(format!("report-{}.md", backend.name())), &text)?;
        reports.push(text);
    }
    for text in &reports {
        println!("{text}");
    }
    println!(
        "Whole run: {:.1} min. Raw figures: {}/results-<backend>.json; wrk outputs and server logs: {}/logs/.",
        started.elapsed().as_secs_f64() / 60.0,
        out.display(),
        out.display()
    );
    Ok(())
}
