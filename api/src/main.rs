//! The `api` binary: `api serve` (default), `api migrate`, `api openapi`, `api create-admin`.

use std::process::ExitCode;

use api::cli::{self, Cli, Command};
use api::{Settings, telemetry};
use clap::Parser;

fn main() -> ExitCode {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    limit_malloc_arenas();
    actix_web::rt::System::new().block_on(run())
}

async fn run() -> ExitCode {
    let cli = Cli::parse();
    // A `.env` file is a development convenience; real deployments set the environment.
    let _ = dotenvy::dotenv();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("error: invalid configuration: {error:#}");
            return ExitCode::from(2);
        }
    };
    // `api openapi` prints the document alone, so it stays quiet.
    if !matches!(cli.command, Some(Command::Openapi)) {
        telemetry::init(settings.log_format);
    }
    cli::run(cli, settings).await
}

/// Caps glibc's allocator at two arenas per core, before any thread exists.
///
/// glibc gives a thread that allocates while the others hold their arenas an arena of its own,
/// up to eight per core, and keeps what is freed in each arena for that arena's later use. The
/// blocking threads that run queries and password hashes thus spread a burst's memory over up
/// to 16 arenas on 2 cores, each keeping its share afterwards. In the load benchmark two per
/// core lowered the peak resident memory by half at the same speed; one per core saved a little
/// more but made two concurrent leaderboards wait on each other's arena locks (BENCHMARKS.md,
/// "Memory"). `MALLOC_ARENA_MAX` or `GLIBC_TUNABLES` in the environment is glibc's own setting
/// and is left to take effect instead.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[expect(
    unsafe_code,
    reason = "mallopt, a C function, is glibc's only interface to its allocator settings"
)]
fn limit_malloc_arenas() {
    const PER_CORE: usize = 2;
    if std::env::var_os("MALLOC_ARENA_MAX").is_some()
        || std::env::var_os("GLIBC_TUNABLES").is_some()
    {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let arenas = libc::c_int::try_from(cores * PER_CORE).unwrap_or(libc::c_int::MAX);
    // SAFETY: runs first in `main`, before any other thread starts; `mallopt` changes an
    // allocator parameter and reports a refused value by returning 0, which leaves glibc's
    // default in place.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}
