//! Runs wrk with `bench/wrk/bench.lua` over a file of requests and reads its `BENCHJSON`
//! line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde::Deserialize;
use sonla_bench::Measure;

/// The script, written next to the request files at run time.
pub const SCRIPT: &str = include_str!("../../../wrk/bench.lua");

/// One request of a scenario.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: &'static str,
    /// Path and query.
    pub path: String,
    /// Access token.
    pub token: Option<String>,
    /// JSON body.
    pub body: Option<String>,
}

impl Request {
    /// A `GET` of `path`.
    pub fn get(path: String, token: Option<&str>) -> Self {
        Self {
            method: "GET",
            path,
            token: token.map(str::to_owned),
            body: None,
        }
    }
}

/// Writes the requests as the script reads them; with `prefix`, every path is prefixed (the
/// framework ceiling's `/{scenario}`).
pub fn write_requests(path: &Path, requests: &[Request], prefix: &str) -> anyhow::Result<()> {
    let mut text = String::new();
    for r in requests {
        let _ = writeln!(
            text,
            "{}\t{prefix}{}\t{}\t{}",
            r.method,
            r.path,
            r.token.as_deref().unwrap_or_default(),
            r.body
                .as_deref()
                .unwrap_or_default()
                .replace(['\t', '\n'], " ")
        );
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

#[derive(Deserialize)]
struct Output {
    requests: u64,
    duration_us: u64,
    connect: u64,
    read: u64,
    write: u64,
    timeout: u64,
    non_2xx: u64,
    p50_us: u64,
    p95_us: u64,
    p99_us: u64,
    max_us: u64,
}

/// wrk and where its outputs go.
pub struct Wrk {
    /// The script.
    pub script: PathBuf,
    /// Folder of wrk's outputs.
    pub logs: PathBuf,
}

impl Wrk {
    /// `wrk -t{min(2, c)} -c{c} -d{seconds}s --timeout 30s` on `base` with `requests`; its
    /// whole output goes to `logs/{label}.txt`.
    pub fn run(
        &self,
        base: &str,
        requests: &Path,
        connections: usize,
        seconds: u64,
        label: &str,
    ) -> anyhow::Result<Measure> {
        let output = Command::new("wrk")
            .arg(format!("-t{}", connections.clamp(1, 2)))
            .arg(format!("-c{connections}"))
            .arg(format!("-d{seconds}s"))
            .args(["--timeout", "30s", "--latency", "-s"])
            .arg(&self.script)
            .arg(base)
            .arg("--")
            .arg(requests)
            .output()
            .context("cannot run wrk (bench/load.sh installs it)")?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        std::fs::write(
            self.logs.join(format!("{label}.txt")),
            format!("{stdout}{stderr}"),
        )?;
        if !output.status.success() {
            bail!("wrk failed ({}) on {label}: {stderr}", output.status);
        }
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix("BENCHJSON "))
            .with_context(|| format!("no BENCHJSON line in wrk's output for {label}"))?;
        let o: Output = serde_json::from_str(line)?;
        let ms = |us: u64| us as f64 / 1_000.0;
        let seconds = o.duration_us as f64 / 1e6;
        Ok(Measure {
            requests: o.requests,
            seconds,
            rps: if seconds > 0.0 {
                o.requests as f64 / seconds
            } else {
                0.0
            },
            p50_ms: ms(o.p50_us),
            p95_ms: ms(o.p95_us),
            p99_ms: ms(o.p99_us),
            max_ms: ms(o.max_us),
            non_2xx: o.non_2xx,
            socket_errors: o.connect + o.read + o.write + o.timeout,
        })
    }
}

/// Percent-encodes a query value (UTF-8, unreserved characters kept).
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
