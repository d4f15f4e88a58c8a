//! The processes under test: the release server (`api serve`) and the framework ceiling
//! (`ceiling`), started on a free loopback port, timed to readiness, watched through `/proc`
//! and stopped with SIGTERM.

use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// How long a process may take to answer.
const READY_TIMEOUT: Duration = Duration::from_mins(3);

/// A running process with an HTTP port.
pub struct Process {
    child: Option<Child>,
    /// Its process id.
    pub pid: u32,
    /// Its port on 127.0.0.1.
    pub port: u16,
    log: PathBuf,
}

/// A free port on 127.0.0.1 (the process binds it a moment later).
pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

/// The status code of `GET path`, or `None` when nothing answers yet.
pub fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0_u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

/// The settings of the server under load: production mode with a given secret, quiet logs,
/// rate limits and the login throttle raised out of the way, tokens that outlive the run.
pub fn server_env(database_url: &str, port: u16, data_dir: &Path) -> Vec<(String, String)> {
    let secret = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    [
        ("APP_ENV", "production".to_owned()),
        ("JWT_SECRET", secret),
        ("DATABASE_URL", database_url.to_owned()),
        ("BIND_ADDRESS", format!("127.0.0.1:{port}")),
        ("DATA_DIR", data_dir.display().to_string()),
        ("RUST_LOG", "warn".to_owned()),
        ("RATE_LIMIT_PER_MINUTE", "1000000000".to_owned()),
        ("RATE_LIMIT_BURST", "1000000000".to_owned()),
        ("AUTH_RATE_LIMIT_PER_MINUTE", "1000000000".to_owned()),
        ("AUTH_RATE_LIMIT_BURST", "1000000000".to_owned()),
        ("LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000000000".to_owned()),
        ("LOGIN_MAX_FAILURES_PER_ADDRESS", "1000000000".to_owned()),
        ("ACCESS_TOKEN_TTL_SECS", "14400".to_owned()),
        ("SHUTDOWN_TIMEOUT_SECS", "5".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

impl Process {
    /// Starts `bin args` with exactly `env` (and `PATH`), logs to `log`, and waits until
    /// `GET ready_path` answers (200 when `want_ok`, any status otherwise). Returns the
    /// process and the time from spawn to ready.
    pub fn start(
        bin: &Path,
        args: &[String],
        env: &[(String, String)],
        port: u16,
        ready_path: &str,
        want_ok: bool,
        log: &Path,
    ) -> anyhow::Result<(Self, Duration)> {
        let out = std::fs::File::create(log)?;
        let err = out.try_clone()?;
        let started = Instant::now();
        let child = Command::new(bin)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(log.parent().unwrap_or_else(|| Path::new(".")))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        let mut process = Self {
            pid: child.id(),
            child: Some(child),
            port,
            log: log.to_path_buf(),
        };
        loop {
            match http_status(port, ready_path) {
                Some(200) => break,
                Some(_) if !want_ok => break,
                _ => {}
            }
            if let Some(child) = process.child.as_mut()
                && let Some(status) = child.try_wait()?
            {
                process.child = None;
                bail!(
                    "{} exited ({status}) before it was ready; its log ({}):\n{}",
                    bin.display(),
                    log.display(),
                    process.log_tail()
                );
            }
            if started.elapsed() > READY_TIMEOUT {
                bail!(
                    "{} was not ready within {READY_TIMEOUT:?}; its log:\n{}",
                    bin.display(),
                    process.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        Ok((process, started.elapsed()))
    }

    /// The base URL.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    fn status_field(&self, field: &str) -> anyhow::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid))?;
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .with_context(|| format!("no {field} in /proc/{}/status", self.pid))?;
        Ok(kib / 1024.0)
    }

    /// Resident memory now, in MiB.
    pub fn rss_mib(&self) -> anyhow::Result<f64> {
        self.status_field("VmRSS:")
    }

    /// Peak resident memory since the start or the last [`Self::reset_peak`], in MiB.
    pub fn peak_rss_mib(&self) -> anyhow::Result<f64> {
        self.status_field("VmHWM:")
    }

    /// Starts counting the peak resident memory afresh (`clear_refs` 5, Linux 4.0+).
    pub fn reset_peak(&self) -> anyhow::Result<()> {
        std::fs::write(format!("/proc/{}/clear_refs", self.pid), "5")
            .context("cannot reset the peak resident memory through /proc/PID/clear_refs")
    }

    /// Stops the process with SIGTERM (SIGKILL after 20 s).
    pub fn stop(mut self) -> anyhow::Result<()> {
        let Some(mut child) = self.child.take() else {
            return Ok(());
        };
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.kill()?;
        child.wait()?;
        bail!("pid {} ignored SIGTERM for 20 s and was killed", self.pid)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
