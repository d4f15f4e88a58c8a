//! The `api` binary: `api serve` (default), `api migrate`, `api openapi`, `api create-admin`.

use std::process::ExitCode;

use api::cli::{self, Cli, Command};
use api::{Settings, telemetry};
use clap::Parser;

#[actix_web::main]
async fn main() -> ExitCode {
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
