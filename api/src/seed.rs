//! `api seed-demo`: the command over the demo-data seeder of `sonla-seed`.

use std::io::Write as _;
use std::process::ExitCode;

use secrecy::SecretString;
use sonla_competitions::service::Policy;
use sonla_seed::{
    DEFAULT_PASSWORD, DEFAULT_SEED, MAX_SCALE, Progress, SeedError, SeedOptions, seed_demo,
};

use crate::Settings;

/// Options of `api seed-demo`.
#[derive(Debug, clap::Args)]
pub struct SeedDemoArgs {
    /// How much data. Scale N makes 100·N ideas, 20·N founders, 8 + 2·N organisations,
    /// 5 + N/50 judges (at most 25) and a round being judged with 5·N entries (12 to 5,000),
    /// 3 judges per entry (5 from 10 judges on) and 8 criteria. Scale 1 is a small demo
    /// (100 ideas, 30 accounts, 10 organisations); scale 1000 makes 100,000 ideas and a
    /// 5,000-entry round with 25 judges and 25,000 sheets; scale 10000, the largest, makes
    /// 1,000,000 ideas.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SCALE)))]
    pub scale: u32,
    /// The same seed and scale give the same data, ids included.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// The password of every demo account (at least 10 characters, not a common one).
    #[arg(long, env = "DEMO_PASSWORD", default_value = DEFAULT_PASSWORD, hide_env_values = true)]
    pub password: String,
    /// No progress bars (they show only when standard error is a terminal anyway).
    #[arg(long)]
    pub quiet: bool,
}

/// Runs `api seed-demo`: migrates, seeds and prints the summary. Exit code 2 when the
/// database is not empty or the password is refused, 1 when the database fails.
pub async fn run_command(settings: &Settings, args: SeedDemoArgs) -> ExitCode {
    let pool = match crate::migrated_pool(settings).await {
        Ok(pool) => pool,
        Err(code) => return code,
    };
    // Debug logs on standard error would tear the bars.
    let verbose_logs = std::env::var("RUST_LOG")
        .is_ok_and(|filter| filter.contains("debug") || filter.contains("trace"));
    let progress = if args.quiet || verbose_logs {
        Progress::hidden()
    } else {
        Progress::on_stderr()
    };
    let options = SeedOptions {
        scale: args.scale,
        seed: args.seed,
        password: SecretString::from(args.password),
        policy: Policy {
            flag_spread: settings.flag_spread,
        },
    };
    match seed_demo(&pool, options, progress).await {
        Ok(summary) => {
            if writeln!(std::io::stdout(), "{summary}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(error @ (SeedError::NotEmpty { .. } | SeedError::Invalid(_))) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("The database may hold part of the demo data: seed a new, empty one.");
            ExitCode::FAILURE
        }
    }
}
