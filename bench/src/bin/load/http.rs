//! HTTP from the driver: logins before the load, one request of each scenario (to check it
//! and keep its answer for the framework ceiling), and the score-sheet scenario's load.
//!
//! The score-sheet scenario is not a wrk script: each judge must save a sheet and then submit
//! that same sheet, in order, on its own connection, and wrk's request hook knows neither the
//! connection nor whether the previous request of a sheet has been answered. Here each of
//! the 64 judges is a task with its own keep-alive connection that saves a sheet (`PUT`),
//! submits it (`POST`, `If-Match: "1"`), and goes on to its next assignment.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};
use sonla_bench::Measure;

/// A client with one keep-alive connection.
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .tcp_nodelay(true)
        .timeout(Duration::from_mins(1))
        .build()?)
}

/// Logs in through the real endpoint; the access token.
pub async fn login(
    client: &reqwest::Client,
    base: &str,
    email: &str,
    password: &str,
) -> anyhow::Result<String> {
    let response = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await?;
    let status = response.status();
    let body: Value = response.json().await?;
    if !status.is_success() {
        bail!("login of {email} answered {status}: {body}");
    }
    body["access_token"]
        .as_str()
        .map(str::to_owned)
        .context("no access_token in the login answer")
}

/// Logs every account in, two at a time (hashing is slow by design, on two cores).
pub async fn login_all(
    base: &str,
    emails: &[String],
    password: &str,
) -> anyhow::Result<Vec<String>> {
    let client = client()?;
    let mut tokens = Vec::with_capacity(emails.len());
    for pair in emails.chunks(2) {
        let handles: Vec<_> = pair
            .iter()
            .map(|email| {
                let (client, base) = (client.clone(), base.to_owned());
                let (email, password) = (email.clone(), password.to_owned());
                tokio::spawn(async move { login(&client, &base, &email, &password).await })
            })
            .collect();
        for handle in handles {
            tokens.push(handle.await??);
        }
    }
    Ok(tokens)
}

/// `GET` with an optional token: the status and the body.
pub async fn get(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
) -> anyhow::Result<(u16, Vec<u8>)> {
    let mut request = client.get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.to_vec()))
}

/// `GET` that must answer 200 with JSON.
pub async fn get_ok(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
) -> anyhow::Result<(Value, Vec<u8>)> {
    let (status, body) = get(client, url, token).await?;
    if status != 200 {
        bail!(
            "GET {url} answered {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    Ok((serde_json::from_slice(&body)?, body))
}

/// One judge's share of the score-sheet scenario.
#[derive(Debug, Clone)]
pub struct JudgeWork {
    /// Access token.
    pub token: String,
    /// Assignments with blank sheets.
    pub assignments: Vec<String>,
    /// The next one to score.
    pub next: usize,
}

/// The body of a sheet for `criteria`: a value for each, within its range.
pub fn sheet_body(criteria: &[(String, f64)], seed: usize) -> Value {
    let scores: Vec<Value> = criteria
        .iter()
        .enumerate()
        .map(|(c, (id, max))| {
            let steps = (*max * 2.0).max(1.0);
            #[expect(
                clippy::cast_precision_loss,
                reason = "small numbers, exact in a double"
            )]
            let value = ((seed * 7 + c * 3) as f64 % (steps + 1.0)) / 2.0;
            json!({"criterion_id": id, "value": value.min(*max)})
        })
        .collect();
    json!({"scores": scores, "comment": "Ý tưởng khả thi, cần làm rõ thị trường và chi phí."})
}

/// Saves one sheet; the status.
pub async fn save_sheet(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    assignment: &str,
    body: &Value,
) -> anyhow::Result<(u16, Vec<u8>)> {
    let response = client
        .put(format!("{base}/api/v1/assignments/{assignment}/sheet"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.to_vec()))
}

/// Submits a saved sheet (version 1); the status.
pub async fn submit_sheet(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    assignment: &str,
) -> anyhow::Result<(u16, Vec<u8>)> {
    let response = client
        .post(format!(
            "{base}/api/v1/assignments/{assignment}/sheet/submit"
        ))
        .bearer_auth(token)
        .header("If-Match", "\"1\"")
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.to_vec()))
}

/// What one judge's task measured.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    non_2xx: u64,
    socket_errors: u64,
    first_error: Option<String>,
    ran_out: bool,
}

/// What the score-sheet scenario measured.
pub struct SheetsOutcome {
    /// Every request, saves and submissions alike.
    pub measure: Measure,
    /// The judges with the work they have left.
    pub left: Vec<JudgeWork>,
    /// The first failed request, if any.
    pub first_error: Option<String>,
    /// Judges who scored all their assignments before the end (fewer judges in flight).
    pub ran_out: usize,
}

impl Tally {
    fn record(&mut self, started: Instant, outcome: &anyhow::Result<(u16, Vec<u8>)>) -> bool {
        self.latencies.push(started.elapsed());
        match outcome {
            Ok((status, _)) if (200..300).contains(status) => true,
            Ok((status, body)) => {
                self.non_2xx += 1;
                self.first_error
                    .get_or_insert_with(|| format!("{status}: {}", String::from_utf8_lossy(body)));
                false
            }
            Err(error) => {
                self.socket_errors += 1;
                self.first_error.get_or_insert_with(|| error.to_string());
                false
            }
        }
    }
}

/// The score-sheet scenario: every judge saves and submits its sheets, one after the other,
/// until `duration` is over (a started sheet is always submitted). With `cycle` a judge whose
/// list is done starts it again: for the framework ceiling, which keeps no state and would use
/// up every list within a second.
pub async fn sheets(
    base: &str,
    work: Vec<JudgeWork>,
    criteria: &[(String, f64)],
    duration: Duration,
    cycle: bool,
) -> anyhow::Result<SheetsOutcome> {
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::with_capacity(work.len());
    for (j, mut judge) in work.into_iter().enumerate() {
        let (base, criteria) = (base.to_owned(), criteria.to_vec());
        let client = client()?;
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < deadline {
                if cycle && judge.next >= judge.assignments.len() {
                    judge.next = 0;
                }
                let Some(assignment) = judge.assignments.get(judge.next).cloned() else {
                    tally.ran_out = true;
                    break;
                };
                judge.next += 1;
                let body = sheet_body(&criteria, j + judge.next);
                let start = Instant::now();
                let saved = save_sheet(&client, &base, &judge.token, &assignment, &body).await;
                if !tally.record(start, &saved) {
                    continue;
                }
                let start = Instant::now();
                let submitted = submit_sheet(&client, &base, &judge.token, &assignment).await;
                tally.record(start, &submitted);
            }
            (judge, tally)
        }));
    }
    let (mut latencies, mut non_2xx, mut socket_errors) = (Vec::new(), 0, 0);
    let (mut first_error, mut ran_out, mut left) = (None, 0, Vec::new());
    for task in tasks {
        let (judge, tally) = task.await?;
        latencies.extend(tally.latencies);
        non_2xx += tally.non_2xx;
        socket_errors += tally.socket_errors;
        first_error = first_error.or(tally.first_error);
        ran_out += usize::from(tally.ran_out);
        left.push(judge);
    }
    Ok(SheetsOutcome {
        measure: Measure::from_latencies(latencies, started.elapsed(), non_2xx, socket_errors),
        left,
        first_error,
        ran_out,
    })
}
