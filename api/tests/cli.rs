//! The `api` binary's command line: output and exit codes that scripts can trust.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions unwrap too"
)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "cli-test-secret-cli-test-secret-0123456789";

/// The binary, run in `dir` with a clean environment and a SQLite database there.
fn api(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_api"));
    command
        .current_dir(dir)
        .env_clear()
        .env("DATABASE_URL", "sqlite://state/ecosystem.db")
        .env("JWT_SECRET", SECRET)
        .env("RUST_LOG", "warn");
    command
}

fn run_with_stdin(mut command: Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn openapi_prints_the_committed_document() {
    let dir = tempfile::tempdir().unwrap();

    let output = api(dir.path()).arg("openapi").output().unwrap();

    assert!(output.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../openapi/openapi.json"
    ))
    .unwrap();
    assert!(
        text(&output.stdout) == committed,
        "run `cargo run -p api -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn migrate_creates_the_database_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();

    let first = api(dir.path()).arg("migrate").output().unwrap();
    let second = api(dir.path()).arg("migrate").output().unwrap();

    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("applied 2026-11-26-000001_foundation"),
        "{}",
        text(&first.stdout)
    );
    assert!(
        dir.path().join("state/ecosystem.db").is_file(),
        "folder and file are created"
    );
    assert!(second.status.success());
    assert!(text(&second.stdout).contains("up to date"));
}

#[test]
fn create_admin_reads_the_password_from_the_environment_or_stdin() {
    let dir = tempfile::tempdir().unwrap();

    let mut from_env = api(dir.path());
    from_env
        .args(["create-admin", "--email", " Admin@Example.ORG "])
        .env("ADMIN_PASSWORD", "một mật khẩu dài");
    let created = from_env.output().unwrap();
    let mut again = api(dir.path());
    again.args(["create-admin", "--email", "admin@example.org"]);
    let duplicate = run_with_stdin(again, "another long password\n");
    let mut second = api(dir.path());
    second.args(["create-admin", "--email", "second@example.org"]);
    let from_stdin = run_with_stdin(second, "another long password\n");

    assert!(created.status.success(), "{}", text(&created.stderr));
    let line = text(&created.stdout);
    assert!(
        line.contains("admin@example.org") && line.contains("roles admin, member"),
        "{line}"
    );
    assert!(
        !line.contains("một mật khẩu dài"),
        "the password is never printed"
    );
    assert_eq!(
        duplicate.status.code(),
        Some(3),
        "{}",
        text(&duplicate.stderr)
    );
    assert!(text(&duplicate.stderr).contains("already exists"));
    assert!(from_stdin.status.success(), "{}", text(&from_stdin.stderr));
}

#[test]
fn create_admin_rejects_bad_input_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();

    let mut short = api(dir.path());
    short.args(["create-admin", "--email", "a@example.org"]);
    let short = run_with_stdin(short, "short\n");
    let mut empty = api(dir.path());
    empty.args(["create-admin", "--email", "a@example.org"]);
    let empty = run_with_stdin(empty, "");
    let mut bad_email = api(dir.path());
    bad_email
        .args(["create-admin", "--email", "not-an-email"])
        .env("ADMIN_PASSWORD", "long enough password");
    let bad_email = bad_email.output().unwrap();
    let no_email = api(dir.path()).arg("create-admin").output().unwrap();

    assert_eq!(short.status.code(), Some(2));
    assert!(
        text(&short.stderr).contains("at least 10 characters"),
        "{}",
        text(&short.stderr)
    );
    assert_eq!(empty.status.code(), Some(2));
    assert!(text(&empty.stderr).contains("no password given"));
    assert_eq!(bad_email.status.code(), Some(2));
    assert_eq!(
        no_email.status.code(),
        Some(2),
        "clap reports usage errors with 2"
    );
}

#[test]
fn seed_demo_fills_an_empty_database_and_refuses_one_with_data() {
    let dir = tempfile::tempdir().unwrap();

    let first = api(dir.path())
        .args(["seed-demo", "--scale", "1"])
        .output()
        .unwrap();
    let again = api(dir.path()).arg("seed-demo").output().unwrap();
    let no_scale = api(dir.path())
        .args(["seed-demo", "--scale", "0"])
        .output()
        .unwrap();

    assert!(first.status.success(), "{}", text(&first.stderr));
    let summary = text(&first.stdout);
    assert!(
        summary
            .lines()
            .any(|l| l.trim_start().starts_with("ideas ") && l.contains(" 100 ")),
        "{summary}"
    );
    for expected in [
        "demo-admin@sonla.example",
        "demo-judge1@sonla.example",
        "Demo@2610-SonLa",
    ] {
        assert!(summary.contains(expected), "{expected} in\n{summary}");
    }
    assert!(
        text(&first.stderr).is_empty(),
        "no progress bars without a terminal: {}",
        text(&first.stderr)
    );
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stderr));
    assert!(text(&again.stderr).contains("not empty"));
    assert_eq!(no_scale.status.code(), Some(2), "clap refuses scale 0");
}

#[test]
fn production_without_a_jwt_secret_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();

    let output = api(dir.path())
        .env_remove("JWT_SECRET")
        .env("APP_ENV", "production")
        .arg("serve")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("JWT_SECRET is not set"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn invalid_configuration_is_reported_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();

    let output = api(dir.path())
        .env("DATABASE_URL", "mysql://localhost/db")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("DATABASE_URL must start with sqlite:// or postgres://"));
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

#[test]
fn serve_runs_out_of_the_box_in_development_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = api(dir.path())
        .env_remove("JWT_SECRET")
        .env("BIND_ADDRESS", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    let started = Instant::now();
    let ready = loop {
        if let Some(response) = http_get(port, "/health/ready") {
            break response;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();

    assert!(ready.starts_with("HTTP/1.1 200"), "{ready}");
    assert!(kill.success());
    assert!(
        status.success(),
        "graceful shutdown exits 0: {status:?}\n{stderr}"
    );
    assert!(
        stderr.contains("JWT_SECRET is not set"),
        "development warns about the generated secret"
    );
    assert!(!stderr.contains(SECRET));
    let secret = std::fs::read_to_string(dir.path().join("state/jwt-secret"))
        .expect("kept next to the database");
    assert_eq!(secret.trim().len(), 64);
}
