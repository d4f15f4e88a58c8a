//! Shared pieces of the load benchmark (`load`, `ceiling`, `dbceiling`; see BENCHMARKS.md):
//! the record of one measured run and the latency statistics behind it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// One measured run: throughput, latency percentiles and errors.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Measure {
    /// Requests (or operations) completed, failed ones included.
    pub requests: u64,
    /// Length of the measured run.
    pub seconds: f64,
    /// Requests per second.
    pub rps: f64,
    /// Median latency, in milliseconds.
    pub p50_ms: f64,
    /// 95th percentile latency, in milliseconds.
    pub p95_ms: f64,
    /// 99th percentile latency, in milliseconds.
    pub p99_ms: f64,
    /// Slowest request, in milliseconds.
    pub max_ms: f64,
    /// Answers with a status outside 2xx (or failed operations).
    pub non_2xx: u64,
    /// Connect, read, write and timeout errors of the client.
    pub socket_errors: u64,
}

impl Measure {
    /// Every error: non-2xx answers and socket errors.
    #[must_use]
    pub const fn errors(&self) -> u64 {
        self.non_2xx + self.socket_errors
    }

    /// A measure from the latencies of every request of a run of `elapsed`.
    #[must_use]
    pub fn from_latencies(
        mut latencies: Vec<Duration>,
        elapsed: Duration,
        non_2xx: u64,
        socket_errors: u64,
    ) -> Self {
        latencies.sort_unstable();
        let seconds = elapsed.as_secs_f64();
        let requests = latencies.len() as u64;
        Self {
            requests,
            seconds,
            rps: if seconds > 0.0 {
                requests as f64 / seconds
            } else {
                0.0
            },
            p50_ms: millis(percentile(&latencies, 50.0)),
            p95_ms: millis(percentile(&latencies, 95.0)),
            p99_ms: millis(percentile(&latencies, 99.0)),
            max_ms: millis(latencies.last().copied().unwrap_or_default()),
            non_2xx,
            socket_errors,
        }
    }
}

/// The `percent`-th percentile (nearest rank) of sorted durations; zero when there are none.
#[must_use]
pub fn percentile(sorted: &[Duration], percent: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let len = sorted.len() as f64;
    // Nearest rank: the smallest value with at least `percent`% of the values at or below it.
    let rank = (percent / 100.0 * len).ceil().max(1.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a rank between 1 and the length of the slice"
    )]
    let index = (rank as usize).min(sorted.len()) - 1;
    sorted[index]
}

/// What the database ceiling (`dbceiling`) replays: the same inputs as the HTTP scenarios.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Inputs {
    /// The database the server runs on.
    pub database_url: String,
    /// Cursors of the list pages the list scenario walks (`None`: the first page).
    pub list_cursors: Vec<Option<String>>,
    /// The `q` of the search scenario.
    pub queries: Vec<String>,
    /// Public ideas the detail scenario reads.
    pub idea_ids: Vec<String>,
    /// The round of the leaderboard scenario.
    pub round_id: String,
    /// The officer who reads the leaderboard.
    pub officer_id: String,
    /// The password of the accounts (the hashing ceiling hashes it).
    pub password: String,
}

/// A duration in milliseconds.
#[must_use]
pub fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Measure, percentile};

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&values, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&values, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&values, 100.0), Duration::from_millis(100));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }

    #[test]
    fn a_measure_counts_requests_per_second_and_errors() {
        let m = Measure::from_latencies(
            vec![Duration::from_millis(2); 50],
            Duration::from_secs(5),
            1,
            2,
        );
        assert_eq!(m.requests, 50);
        assert!((m.rps - 10.0).abs() < 1e-9);
        assert!((m.p99_ms - 2.0).abs() < 1e-9);
        assert_eq!(m.errors(), 3);
    }
}
