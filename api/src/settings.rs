//! Configuration from environment variables, with defaults that run out of the box.
//!
//! Every variable is documented in `.env.example`. Settings are parsed once in `main` and
//! passed to [`crate::Application::build`]; tests build their own.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};
use sonla_db::DbUrl;

/// The shortest JWT secret accepted, in bytes (256 bits for HS256).
pub const MIN_JWT_SECRET_BYTES: usize = 32;

/// Development or production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    /// Local work: generated secrets are allowed (with a warning).
    Development,
    /// A real deployment: every secret must be given.
    Production,
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Compact human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The signing algorithm of access tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtAlgorithm {
    /// HMAC-SHA256 with `JWT_SECRET` (the default).
    Hs256,
    /// Ed25519 with a key pair in PEM files.
    EdDsa,
    /// RSA-SHA256 with a key pair in PEM files.
    Rs256,
}

/// Login, tokens and throttling.
#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// `JWT_ALGORITHM`: `HS256` (default), `EdDSA` or `RS256`; the only one accepted.
    pub jwt_algorithm: JwtAlgorithm,
    /// `JWT_PRIVATE_KEY_FILE`: PEM private key for `EdDSA`/`RS256`.
    pub jwt_private_key_file: Option<PathBuf>,
    /// `JWT_PUBLIC_KEY_FILE`: PEM public key for `EdDSA`/`RS256`.
    pub jwt_public_key_file: Option<PathBuf>,
    /// `JWT_KEY_ID`: the `kid` of the signing key; derived from the key when unset.
    pub jwt_key_id: Option<String>,
    /// `JWT_PREVIOUS_KEYS`: `kid:secret` (HS256) or `kid:/path/public.pem`, comma-separated;
    /// tokens signed with them are still accepted, so keys rotate without logging anyone out.
    pub jwt_previous_keys: Vec<(String, String)>,
    /// `JWT_ISSUER` (default `sonla-ecosystem-api`).
    pub jwt_issuer: String,
    /// `JWT_AUDIENCE` (default `sonla-ecosystem`).
    pub jwt_audience: String,
    /// `ACCESS_TOKEN_TTL_SECS` (default 900).
    pub access_token_ttl: Duration,
    /// `REFRESH_TOKEN_TTL_SECS` (default 30 days).
    pub refresh_token_ttl: Duration,
    /// `JWT_LEEWAY_SECS`: clock skew allowed on `exp`, `nbf` and `iat` (default and maximum 60).
    pub jwt_leeway: Duration,
    /// `LOGIN_MAX_FAILURES_PER_ACCOUNT` within the window (default 5).
    pub login_max_failures_per_account: u32,
    /// `LOGIN_MAX_FAILURES_PER_ADDRESS` within the window (default 20).
    pub login_max_failures_per_address: u32,
    /// `LOGIN_FAILURE_WINDOW_SECS` (default 900).
    pub login_failure_window: Duration,
    /// `TRUST_FORWARDED_FOR`: take the client address from `Forwarded`/`X-Forwarded-For`
    /// (only behind a proxy that sets them; default `false`).
    pub trust_forwarded_for: bool,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            jwt_algorithm: JwtAlgorithm::Hs256,
            jwt_private_key_file: None,
            jwt_public_key_file: None,
            jwt_key_id: None,
            jwt_previous_keys: Vec::new(),
            jwt_issuer: "sonla-ecosystem-api".to_owned(),
            jwt_audience: "sonla-ecosystem".to_owned(),
            access_token_ttl: Duration::from_mins(15),
            refresh_token_ttl: Duration::from_hours(720),
            jwt_leeway: Duration::from_mins(1),
            login_max_failures_per_account: 5,
            login_max_failures_per_address: 20,
            login_failure_window: Duration::from_mins(15),
            trust_forwarded_for: false,
        }
    }
}

/// Everything the server reads from its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `APP_ENV`: `development` (default) or `production`.
    pub app_env: AppEnv,
    /// `DATABASE_URL`: `sqlite://data/ecosystem.db` (default) or `postgres://…`.
    pub database_url: String,
    /// `BIND_ADDRESS`: `127.0.0.1:8080` by default; port 0 picks a free port.
    pub bind_address: String,
    /// `JWT_SECRET`: at least 32 bytes; required in production.
    pub jwt_secret: Option<SecretString>,
    /// `DATA_DIR`: where generated secrets are kept; defaults to the SQLite file's folder, or
    /// `data` with PostgreSQL.
    pub data_dir: Option<PathBuf>,
    /// `RUST_LOG_FORMAT`: `text` (default) or `json`.
    pub log_format: LogFormat,
    /// `MAX_BODY_BYTES`: largest accepted request body (default 1 MiB).
    pub max_body_bytes: usize,
    /// `DATABASE_POOL_SIZE`: most database connections (default 10).
    pub db_pool_size: u32,
    /// `DATABASE_TIMEOUT_SECS`: wait for a connection before answering 503 (default 5).
    pub db_timeout: Duration,
    /// `WORKERS`: HTTP worker threads (default: one per core).
    pub workers: usize,
    /// `SHUTDOWN_TIMEOUT_SECS`: grace period for requests in flight on SIGTERM (default 30).
    pub shutdown_timeout: Duration,
    /// `MIGRATE_ON_START`: apply pending migrations at start-up (default `true`).
    pub migrate_on_start: bool,
    /// Login, tokens and throttling.
    pub auth: AuthSettings,
    /// `RATE_LIMIT_PER_MINUTE` / `RATE_LIMIT_BURST`: requests per caller (default 600 a
    /// minute, bursts of 120).
    pub rate_limit: crate::ratelimit::Quota,
    /// `AUTH_RATE_LIMIT_PER_MINUTE` / `AUTH_RATE_LIMIT_BURST`: requests per caller to
    /// `/api/v1/auth` (default 60 a minute, bursts of 20).
    pub auth_rate_limit: crate::ratelimit::Quota,
    /// `CORS_ALLOWED_ORIGINS`: origins of browser clients (club websites), comma-separated,
    /// such as `https://clb.utb.edu.vn`; `*` allows any origin (never with credentials). Empty:
    /// no cross-origin access (default).
    pub cors_allowed_origins: Vec<String>,
    /// `LEADERBOARD_FLAG_SPREAD`: leaderboard rows whose judges' totals spread (population
    /// standard deviation, 0–100 scale) exceeds this are flagged (default 15).
    pub flag_spread: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            app_env: AppEnv::Development,
            database_url: "sqlite://data/ecosystem.db".to_owned(),
            bind_address: "127.0.0.1:8080".to_owned(),
            jwt_secret: None,
            data_dir: None,
            log_format: LogFormat::Text,
            max_body_bytes: 1024 * 1024,
            db_pool_size: 10,
            db_timeout: Duration::from_secs(5),
            workers: std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            shutdown_timeout: Duration::from_secs(30),
            migrate_on_start: true,
            auth: AuthSettings::default(),
            flag_spread: 15.0,
            cors_allowed_origins: Vec::new(),
            rate_limit: crate::ratelimit::Quota {
                per_minute: 600,
                burst: 120,
            },
            auth_rate_limit: crate::ratelimit::Quota {
                per_minute: 60,
                burst: 20,
            },
        }
    }
}

impl Settings {
    /// Reads the process environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let defaults = Self::default();
        let app_env = match lookup("APP_ENV").as_deref().map(str::trim) {
            None | Some("development" | "dev") => AppEnv::Development,
            Some("production" | "prod") => AppEnv::Production,
            Some(other) => bail!("APP_ENV must be `development` or `production`, not `{other}`"),
        };
        let log_format = match lookup("RUST_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => bail!("RUST_LOG_FORMAT must be `text` or `json`, not `{other}`"),
        };
        let number = |key: &str, default: u64| -> anyhow::Result<u64> {
            lookup(key).map_or(Ok(default), |v| {
                v.trim()
                    .parse::<u64>()
                    .with_context(|| format!("{key} must be a whole number, not `{v}`"))
            })
        };
        let flag = |key: &str, default: bool| -> anyhow::Result<bool> {
            match lookup(key).as_deref().map(str::trim) {
                None => Ok(default),
                Some("true" | "1" | "yes") => Ok(true),
                Some("false" | "0" | "no") => Ok(false),
                Some(other) => bail!("{key} must be `true` or `false`, not `{other}`"),
            }
        };
        let auth = Self::auth_from(&lookup, &number, &flag)?;
        let settings = Self {
            app_env,
            database_url: lookup("DATABASE_URL").unwrap_or(defaults.database_url),
            bind_address: lookup("BIND_ADDRESS").unwrap_or(defaults.bind_address),
            jwt_secret: lookup("JWT_SECRET").map(SecretString::from),
            data_dir: lookup("DATA_DIR").map(PathBuf::from),
            log_format,
            max_body_bytes: usize::try_from(number(
                "MAX_BODY_BYTES",
                defaults.max_body_bytes as u64,
            )?)?,
            db_pool_size: u32::try_from(number(
                "DATABASE_POOL_SIZE",
                u64::from(defaults.db_pool_size),
            )?)?,
            db_timeout: Duration::from_secs(number(
                "DATABASE_TIMEOUT_SECS",
                defaults.db_timeout.as_secs(),
            )?),
            workers: usize::try_from(number("WORKERS", defaults.workers as u64)?)?,
            shutdown_timeout: Duration::from_secs(number(
                "SHUTDOWN_TIMEOUT_SECS",
                defaults.shutdown_timeout.as_secs(),
            )?),
            migrate_on_start: flag("MIGRATE_ON_START", true)?,
            auth,
            cors_allowed_origins: cors_origins(lookup("CORS_ALLOWED_ORIGINS").as_deref())?,
            rate_limit: crate::ratelimit::Quota {
                per_minute: u32::try_from(number("RATE_LIMIT_PER_MINUTE", 600)?)?,
                burst: u32::try_from(number("RATE_LIMIT_BURST", 120)?)?,
            },
            auth_rate_limit: crate::ratelimit::Quota {
                per_minute: u32::try_from(number("AUTH_RATE_LIMIT_PER_MINUTE", 60)?)?,
                burst: u32::try_from(number("AUTH_RATE_LIMIT_BURST", 20)?)?,
            },
            flag_spread: match lookup("LEADERBOARD_FLAG_SPREAD") {
                None => defaults.flag_spread,
                Some(v) => v
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite() && *f >= 0.0)
                    .with_context(|| {
                        format!("LEADERBOARD_FLAG_SPREAD must be a number of points, not `{v}`")
                    })?,
            },
        };
        settings.db_url()?;
        if settings.db_pool_size == 0 || settings.workers == 0 || settings.max_body_bytes == 0 {
            bail!("DATABASE_POOL_SIZE, WORKERS and MAX_BODY_BYTES must be above zero");
        }
        Ok(settings)
    }

    fn auth_from(
        lookup: &impl Fn(&str) -> Option<String>,
        number: &impl Fn(&str, u64) -> anyhow::Result<u64>,
        flag: &impl Fn(&str, bool) -> anyhow::Result<bool>,
    ) -> anyhow::Result<AuthSettings> {
        let defaults = AuthSettings::default();
        let jwt_algorithm = match lookup("JWT_ALGORITHM").as_deref().map(str::trim) {
            None | Some("HS256") => JwtAlgorithm::Hs256,
            Some("EdDSA") => JwtAlgorithm::EdDsa,
            Some("RS256") => JwtAlgorithm::Rs256,
            Some(other) => {
                bail!("JWT_ALGORITHM must be `HS256`, `EdDSA` or `RS256`, not `{other}`")
            }
        };
        let jwt_previous_keys = lookup("JWT_PREVIOUS_KEYS")
            .map(|list| {
                list.split(',')
                    .filter(|entry| !entry.trim().is_empty())
                    .map(|entry| {
                        entry
                            .trim()
                            .split_once(':')
                            .map(|(kid, key)| (kid.to_owned(), key.to_owned()))
                            .context("JWT_PREVIOUS_KEYS entries must read `kid:secret` or `kid:/path/to/public.pem`")
                    })
                    .collect::<anyhow::Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        let seconds =
            |key: &str, default: Duration| number(key, default.as_secs()).map(Duration::from_secs);
        let count = |key: &str, default: u32| -> anyhow::Result<u32> {
            Ok(u32::try_from(number(key, u64::from(default))?)?)
        };
        let auth = AuthSettings {
            jwt_algorithm,
            jwt_private_key_file: lookup("JWT_PRIVATE_KEY_FILE").map(PathBuf::from),
            jwt_public_key_file: lookup("JWT_PUBLIC_KEY_FILE").map(PathBuf::from),
            jwt_key_id: lookup("JWT_KEY_ID"),
            jwt_previous_keys,
            jwt_issuer: lookup("JWT_ISSUER").unwrap_or(defaults.jwt_issuer),
            jwt_audience: lookup("JWT_AUDIENCE").unwrap_or(defaults.jwt_audience),
            access_token_ttl: seconds("ACCESS_TOKEN_TTL_SECS", defaults.access_token_ttl)?,
            refresh_token_ttl: seconds("REFRESH_TOKEN_TTL_SECS", defaults.refresh_token_ttl)?,
            jwt_leeway: seconds("JWT_LEEWAY_SECS", defaults.jwt_leeway)?,
            login_max_failures_per_account: count(
                "LOGIN_MAX_FAILURES_PER_ACCOUNT",
                defaults.login_max_failures_per_account,
            )?,
            login_max_failures_per_address: count(
                "LOGIN_MAX_FAILURES_PER_ADDRESS",
                defaults.login_max_failures_per_address,
            )?,
            login_failure_window: seconds(
                "LOGIN_FAILURE_WINDOW_SECS",
                defaults.login_failure_window,
            )?,
            trust_forwarded_for: flag("TRUST_FORWARDED_FOR", false)?,
        };
        if auth.jwt_leeway > Duration::from_mins(1) {
            bail!("JWT_LEEWAY_SECS must be at most 60");
        }
        if auth.access_token_ttl.is_zero() || auth.refresh_token_ttl.is_zero() {
            bail!("ACCESS_TOKEN_TTL_SECS and REFRESH_TOKEN_TTL_SECS must be above zero");
        }
        Ok(auth)
    }

    /// The parsed `DATABASE_URL`.
    pub fn db_url(&self) -> anyhow::Result<DbUrl> {
        DbUrl::parse(&self.database_url).map_err(anyhow::Error::msg)
    }

    /// Where generated secrets live.
    pub fn data_dir(&self) -> anyhow::Result<PathBuf> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        Ok(self
            .db_url()?
            .sqlite_dir()
            .map_or_else(|| PathBuf::from("data"), Path::to_path_buf))
    }

    /// The JWT signing secret.
    ///
    /// In production it must be set and long enough, or the start stops here. In development a
    /// missing secret is generated once and kept in `<data dir>/jwt-secret`, with a warning.
    pub fn resolve_jwt_secret(&self) -> anyhow::Result<SecretString> {
        if let Some(secret) = &self.jwt_secret {
            if secret.expose_secret().len() < MIN_JWT_SECRET_BYTES {
                bail!(
                    "JWT_SECRET is too short: it must be at least {MIN_JWT_SECRET_BYTES} bytes \
                     (generate one with `openssl rand -hex 32`)"
                );
            }
            return Ok(secret.clone());
        }
        if self.app_env == AppEnv::Production {
            bail!(
                "JWT_SECRET is not set: in production (APP_ENV=production) it is required, at least \
                 {MIN_JWT_SECRET_BYTES} bytes (generate one with `openssl rand -hex 32`)"
            );
        }
        let path = self.data_dir()?.join("jwt-secret");
        let secret = load_or_create_secret(&path)?;
        tracing::warn!(
            path = %path.display(),
            "JWT_SECRET is not set: using a generated development secret; set JWT_SECRET in production"
        );
        Ok(secret)
    }
}

fn cors_origins(raw: Option<&str>) -> anyhow::Result<Vec<String>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|origin| {
            let valid = origin == "*"
                || ((origin.starts_with("https://") || origin.starts_with("http://"))
                    && !origin
                        .trim_end_matches('/')
                        .contains(|c: char| c.is_whitespace())
                    && origin.matches('/').count() == 2);
            if valid {
                Ok(origin.to_owned())
            } else {
                bail!(
                    "CORS_ALLOWED_ORIGINS: `{origin}` is not an origin like https://clb.utb.edu.vn"
                )
            }
        })
        .collect()
}

fn load_or_create_secret(path: &Path) -> anyhow::Result<SecretString> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= MIN_JWT_SECRET_BYTES {
            return Ok(SecretString::from(existing));
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let bytes: [u8; 32] = rand::random();
    let secret = sonla_core::hex(&bytes);
    write_private(path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(SecretString::from(secret))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use secrecy::ExposeSecret;

    use super::{AppEnv, Settings};

    fn settings(pairs: &[(&str, &str)]) -> anyhow::Result<Settings> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_run_on_sqlite() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.app_env, AppEnv::Development);
        assert_eq!(s.database_url, "sqlite://data/ecosystem.db");
        assert_eq!(s.bind_address, "127.0.0.1:8080");
        assert_eq!(s.data_dir().unwrap(), std::path::PathBuf::from("data"));
    }

    #[test]
    fn production_refuses_a_missing_or_short_secret() {
        let missing = settings(&[("APP_ENV", "production")])
            .unwrap()
            .resolve_jwt_secret();
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("JWT_SECRET is not set")
        );
        let short = settings(&[("APP_ENV", "production"), ("JWT_SECRET", "short")])
            .unwrap()
            .resolve_jwt_secret();
        assert!(short.unwrap_err().to_string().contains("too short"));
        let good = "0123456789abcdef0123456789abcdef";
        let ok = settings(&[("APP_ENV", "production"), ("JWT_SECRET", good)])
            .unwrap()
            .resolve_jwt_secret();
        assert_eq!(ok.unwrap().expose_secret(), good);
    }

    #[test]
    fn development_generates_and_keeps_a_secret_next_to_the_database() {
        let dir = tempfile_dir();
        let url = format!("sqlite://{}/db.sqlite", dir.display());
        let s = settings(&[("DATABASE_URL", &url)]).unwrap();
        let first = s.resolve_jwt_secret().unwrap();
        let second = s.resolve_jwt_secret().unwrap();
        assert_eq!(first.expose_secret().len(), 64);
        assert_eq!(
            first.expose_secret(),
            second.expose_secret(),
            "the secret survives a restart"
        );
        assert!(dir.join("jwt-secret").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_values_are_reported_by_name() {
        assert!(
            settings(&[("APP_ENV", "staging")])
                .unwrap_err()
                .to_string()
                .contains("APP_ENV")
        );
        assert!(
            settings(&[("MAX_BODY_BYTES", "lots")])
                .unwrap_err()
                .to_string()
                .contains("MAX_BODY_BYTES")
        );
        assert!(
            settings(&[("DATABASE_URL", "mysql://x")])
                .unwrap_err()
                .to_string()
                .contains("DATABASE_URL")
        );
    }

    #[test]
    fn env_example_documents_exactly_the_variables_read() {
        let read = std::cell::RefCell::new(std::collections::BTreeSet::new());
        Settings::from_lookup(|key| {
            read.borrow_mut().insert(key.to_owned());
            None
        })
        .unwrap();
        let example = include_str!("../../.env.example");
        let documented: std::collections::BTreeSet<String> = example
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains('='))
            .map(|l| l.split('=').next().unwrap().to_owned())
            .filter(|k| k != "RUST_LOG")
            .collect();
        assert_eq!(read.into_inner(), documented);
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("sonla-settings-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
