//! Prometheus metrics: request counts and latencies by route pattern, method and status
//! (actix-web-prom), and the state of the database pool, read at each scrape.

use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use prometheus::{Encoder, IntGauge, Registry, TextEncoder};
use sonla_db::DbPool;

/// The metrics of one server process.
pub struct Metrics {
    registry: Registry,
    middleware: PrometheusMetrics,
    pool_connections: IntGauge,
    pool_idle: IntGauge,
    pool_max: IntGauge,
}

impl Metrics {
    /// Registers every metric.
    pub fn new() -> anyhow::Result<Self> {
        let registry = Registry::new();
        let middleware = PrometheusMetricsBuilder::new("sonla")
            .registry(registry.clone())
            // Unknown paths share one label instead of one series per scanned URL.
            .mask_unmatched_patterns("UNMATCHED")
            // The interactive docs are static files, not API traffic.
            .exclude_regex("^/docs")
            .build()
            .map_err(|e| anyhow::anyhow!("cannot register request metrics: {e}"))?;
        let gauge = |name: &str, help: &str| -> anyhow::Result<IntGauge> {
            let gauge = IntGauge::new(name, help)?;
            registry.register(Box::new(gauge.clone()))?;
            Ok(gauge)
        };
        Ok(Self {
            pool_connections: gauge(
                "sonla_db_pool_connections",
                "Open database connections, idle or in use",
            )?,
            pool_idle: gauge(
                "sonla_db_pool_idle_connections",
                "Open database connections not in use",
            )?,
            pool_max: gauge(
                "sonla_db_pool_max_connections",
                "Most database connections the pool opens",
            )?,
            registry,
            middleware,
        })
    }

    /// The request-metrics middleware.
    pub fn middleware(&self) -> PrometheusMetrics {
        self.middleware.clone()
    }

    /// Everything in the text exposition format.
    pub fn render(&self, pool: &DbPool) -> anyhow::Result<String> {
        let state = pool.state();
        self.pool_connections.set(i64::from(state.connections));
        self.pool_idle.set(i64::from(state.idle));
        self.pool_max.set(i64::from(state.max_size));
        let mut buffer = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut buffer)?;
        Ok(String::from_utf8(buffer)?)
    }
}
