//! The command line of the `api` binary.
//!
//! Exit codes: 0 success; 1 failure (database unreachable, I/O); 2 invalid usage or input
//! (`seed-demo` on a database that is not empty too); 3 the account already exists.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use secrecy::{ExposeSecret, SecretString};
use sonla_accounts::AccountError;
use sonla_db::migrations;

use crate::{Application, Settings, connect, openapi};

/// Sơn La startup-ecosystem API server.
#[derive(Debug, Parser)]
#[command(name = "api", version, about)]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the HTTP server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document to standard output.
    Openapi,
    /// Create an administrator account.
    ///
    /// The password is read from `ADMIN_PASSWORD` or, when that is unset, from standard input
    /// (prompted without echo on a terminal); it is never a command-line argument.
    CreateAdmin {
        /// The administrator's email.
        #[arg(long)]
        email: String,
        /// The administrator's full name.
        #[arg(long, default_value = "Quản trị viên")]
        name: String,
    },
    /// Fill an empty database with realistic Vietnamese demo data.
    ///
    /// Migrates the database first; refuses (exit code 2) one that already has users,
    /// organisations, ideas or competitions. Prints the demo accounts at the end.
    SeedDemo(crate::seed::SeedDemoArgs),
}

/// Runs a command and returns the process exit code.
pub async fn run(cli: Cli, settings: Settings) -> ExitCode {
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(&settings).await,
        Command::Openapi => {
            openapi::spec_json().and_then(|json| Ok(std::io::stdout().write_all(json.as_bytes())?))
        }
        Command::CreateAdmin { email, name } => {
            return create_admin(&settings, &email, &name).await;
        }
        Command::SeedDemo(args) => return crate::seed::run_command(&settings, args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings.clone()).await?;
    let host = settings
        .bind_address
        .rsplit_once(':')
        .map_or("127.0.0.1", |(host, _)| host);
    tracing::info!(
        address = %format!("http://{host}:{}", app.port()),
        docs = %format!("http://{host}:{}/docs/", app.port()),
        database = %settings.db_url()?.backend().name(),
        "listening"
    );
    app.run_until_stopped().await?;
    tracing::info!("stopped");
    Ok(())
}

async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let pool = connect(settings).await?;
    let applied = pool
        .run(|conn| migrations::run_pending(conn).map_err(|e| anyhow::anyhow!(e)))
        .await?;
    let mut out = std::io::stdout();
    if applied.is_empty() {
        writeln!(out, "Database is up to date; no migration to apply.")?;
    }
    for name in applied {
        writeln!(out, "applied {name}")?;
    }
    Ok(())
}

async fn create_admin(settings: &Settings, email: &str, name: &str) -> ExitCode {
    let password = match read_password() {
        Ok(password) => password,
        Err(error) => {
            eprintln!("error: {error:#}");
            return ExitCode::from(2);
        }
    };
    let pool = match crate::migrated_pool(settings).await {
        Ok(pool) => pool,
        Err(code) => return code,
    };
    match sonla_accounts::service::create_admin(&pool, email, password.expose_secret(), name).await
    {
        Ok((admin, roles)) => {
            let roles: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            let line = format!(
                "Created administrator {} (id {}, roles {})",
                admin.email,
                admin.id,
                roles.join(", ")
            );
            if writeln!(std::io::stdout(), "{line}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(AccountError::EmailTaken) => {
            eprintln!("error: an account with this email already exists");
            ExitCode::from(3)
        }
        Err(error @ (AccountError::InvalidEmail | AccountError::WeakPassword { .. })) => {
            let message = sonla_core::DomainError::field_errors(&error)
                .first()
                .map_or_else(|| error.to_string(), |e| e.message.en.clone());
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn read_password() -> anyhow::Result<SecretString> {
    if let Some(password) = std::env::var("ADMIN_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(SecretString::from(password));
    }
    let stdin = std::io::stdin();
    let line = if stdin.is_terminal() {
        rpassword::prompt_password("Password: ").context("cannot read the password")?
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        line
    };
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        anyhow::bail!("no password given: set ADMIN_PASSWORD or pipe it on standard input");
    }
    Ok(SecretString::from(password))
}
