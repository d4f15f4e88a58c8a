//! Structured logs with `tracing`: compact text by default, JSON with `RUST_LOG_FORMAT=json`.

use std::io::IsTerminal as _;

use tracing_subscriber::EnvFilter;

use crate::settings::LogFormat;

/// Installs the global subscriber; `RUST_LOG` filters (default `info`, see [`directives`]).
/// Logs go to stderr, coloured only when it is a terminal (a file or a log collector gets
/// plain text).
pub fn init(format: LogFormat) {
    let wanted = directives(std::env::var("RUST_LOG").ok().as_deref());
    let filter = EnvFilter::try_new(&wanted).unwrap_or_else(|_| EnvFilter::new(directives(None)));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    // A second call (tests spawn many apps) keeps the first subscriber.
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
        LogFormat::Text => builder.compact().try_init(),
    };
}

/// The filter of `RUST_LOG` (`info` without it), with `actix_web_prom` at `error` unless it
/// names that crate: the metrics middleware warns on every request that matched a route with
/// path parameters but not its method (a 405), then labels it with the route, as wanted, so
/// a fuzzing run would log thousands of lines that say nothing.
fn directives(rust_log: Option<&str>) -> String {
    let directives = rust_log.filter(|d| !d.trim().is_empty()).unwrap_or("info");
    if directives.contains("actix_web_prom") {
        directives.to_owned()
    } else {
        format!("{directives},actix_web_prom=error")
    }
}

#[cfg(test)]
mod tests {
    use super::directives;

    #[test]
    fn the_metrics_middleware_is_quiet_unless_asked_for() {
        assert_eq!(directives(None), "info,actix_web_prom=error");
        assert_eq!(directives(Some(" ")), "info,actix_web_prom=error");
        assert_eq!(
            directives(Some("debug,sqlx=warn")),
            "debug,sqlx=warn,actix_web_prom=error"
        );
        assert_eq!(
            directives(Some("actix_web_prom=warn")),
            "actix_web_prom=warn"
        );
    }
}
