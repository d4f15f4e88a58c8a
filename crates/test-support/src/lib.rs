//! Test-only helpers: a fresh database per test and the real app on a random port.
//!
//! `TestApp::spawn()` gives each test its own database: a SQLite file in a temporary folder
//! by default, or a new PostgreSQL database `test_<uuid>` when `TEST_DATABASE_URL` names a
//! server's maintenance database (dropped when the test ends).

mod builders;

use std::future::Future;

use anyhow::Context;
use api::{Application, Settings};
use diesel::{Connection, PgConnection, RunQueryDsl};
use reqwest::{Client, Response};
use secrecy::SecretString;
use serde_json::Value;
use sonla_accounts::model::NewUserRole;
use sonla_core::Role;
use sonla_db::{Backend, DbConnection, DbError, DbPool, DbUrl};
use tempfile::TempDir;

pub use builders::{
    COMPETITIONS, Criterion, Judging, JudgingBuilder, OrganizationBuilder, id_of, ok, round_one,
};

/// A database that lives as long as the test.
pub struct TestDb {
    /// The URL the app uses.
    pub url: String,
    backend: Backend,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[expect(dead_code, reason = "held only so the folder is deleted on drop")] TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    /// Creates an empty database on the backend chosen by `TEST_DATABASE_URL`.
    pub fn create() -> anyhow::Result<Self> {
        let Some(admin_url) = std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            let dir = tempfile::tempdir()?;
            let url = format!("sqlite://{}/test.db", dir.path().display());
            return Ok(Self {
                url,
                backend: Backend::Sqlite,
                cleanup: Cleanup::Sqlite(dir),
            });
        };
        let name = format!("test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::establish(&admin_url).with_context(|| {
            format!("TEST_DATABASE_URL is set but PostgreSQL is unreachable at {admin_url}")
        })?;
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
        Ok(Self {
            url: replace_database(&admin_url, &name),
            backend: Backend::Postgres,
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }

    /// A fresh database with every migration run, and a connection to it.
    pub fn migrated() -> anyhow::Result<(Self, DbConnection)> {
        let db = Self::create()?;
        let mut conn = DbUrl::parse(&db.url)
            .map_err(anyhow::Error::msg)?
            .connect()?;
        sonla_db::migrations::run_pending(&mut conn).map_err(|e| anyhow::anyhow!(e))?;
        Ok((db, conn))
    }

    /// Which backend the test runs on.
    #[must_use]
    pub const fn backend(&self) -> Backend {
        self.backend
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup
            && let Ok(mut admin) = PgConnection::establish(admin_url)
        {
            // FORCE ends the app's pooled connections, which may outlive the test body.
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut admin);
        }
    }
}

/// `postgres://user@host:5432/postgres?x=y` with its database name replaced.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// A running server on a random port with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// An HTTP client.
    pub client: Client,
    /// A pool on the same database, for direct setup and checks.
    pub db: DbPool,
    /// The database (dropped after the server stops using it).
    pub test_db: TestDb,
    server: actix_web::dev::ServerHandle,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop the workers and their pools, so no connection outlives the test process's
        // orderly exit; the stop command is sent at once.
        drop(self.server.stop(false));
    }
}

/// An account made by [`TestApp::user`].
#[derive(Debug, Clone)]
pub struct TestUser {
    /// Its id.
    pub id: String,
    /// Its email.
    pub email: String,
    /// Its password.
    pub password: String,
    /// A valid access token.
    pub token: String,
    /// The refresh token of the same login.
    pub refresh_token: String,
}

/// The tokens of a login.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Tokens {
    /// The JWT.
    pub access_token: String,
    /// The refresh token.
    pub refresh_token: String,
    /// Seconds the access token lives.
    pub expires_in: i64,
}

/// The JWT secret of every test app.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";

impl TestApp {
    /// Starts the app with test settings.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Starts the app after `customise` adjusts the test settings.
    pub async fn spawn_with(customise: impl FnOnce(&mut Settings)) -> Self {
        if std::env::var("TEST_LOG").is_ok() {
            api::telemetry::init(api::settings::LogFormat::Text);
        }
        let test_db = tokio::task::spawn_blocking(TestDb::create)
            .await
            .expect("join")
            .expect("test database");
        let mut settings = test_settings(&test_db.url);
        customise(&mut settings);
        let app = Application::build(settings.clone())
            .await
            .expect("the app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let db = api::connect(&settings).await.expect("test pool");
        let server = spawn_server(app);
        Self {
            address,
            client: Client::new(),
            db,
            test_db,
            server,
        }
    }

    /// The absolute URL of `path`.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// `POST path` with a JSON body.
    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// A new account with `roles` (besides `member`), logged in.
    ///
    /// Registration and login go through the API; extra roles are granted in the database,
    /// as an administrator would.
    pub async fn user(&self, roles: &[Role]) -> TestUser {
        let n = uuid::Uuid::new_v4().simple().to_string();
        let email = format!("user-{}@example.org", &n[..12]);
        let password = format!("mật khẩu thử {n}");
        let response = self
            .post_json(
                "/api/v1/auth/register",
                &serde_json::json!({"email": email, "password": password, "full_name": format!("Người dùng {}", &n[..6])}),
            )
            .await;
        assert_eq!(response.status().as_u16(), 201, "register {email}");
        let id = json(response).await["id"].as_str().expect("id").to_owned();
        for role in roles {
            let user_id = sonla_core::UserId::parse(&id).expect("a user id");
            let role = *role;
            self.db
                .run(move |conn| {
                    let grant = NewUserRole {
                        user_id: &user_id,
                        role: role.as_str(),
                        granted_at: sonla_db::now(),
                    };
                    sonla_accounts::repo::insert_role(conn, &grant).map_err(DbError::from)
                })
                .await
                .expect("grant role");
        }
        let tokens = self.login(&email, &password).await;
        TestUser {
            id,
            email,
            password,
            token: tokens.access_token,
            refresh_token: tokens.refresh_token,
        }
    }

    /// Logs in, asserting success.
    pub async fn login(&self, email: &str, password: &str) -> Tokens {
        let response = self
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(response.status().as_u16(), 200, "login {email}");
        response.json().await.expect("tokens")
    }

    /// The actions of the audit log, oldest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        use diesel::prelude::*;
        use sonla_db::schema::audit_log::dsl as a;
        self.db
            .run(|conn| {
                a::audit_log
                    .select(a::action)
                    .order((a::occurred_at.asc(), a::id.asc()))
                    .load::<String>(conn)
                    .map_err(DbError::from)
            })
            .await
            .expect("audit log")
    }

    /// `GET path` as `user`.
    pub async fn get_as(&self, user: &TestUser, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(&user.token)
            .send()
            .await
            .expect("request")
    }

    /// `POST path` with a JSON body as `user`.
    pub async fn post_as(&self, user: &TestUser, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&user.token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// `PATCH path` with a JSON body as `user`.
    pub async fn patch_as(&self, user: &TestUser, path: &str, body: &Value) -> Response {
        self.client
            .patch(self.url(path))
            .bearer_auth(&user.token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// `DELETE path` as `user`.
    pub async fn delete_as(&self, user: &TestUser, path: &str) -> Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(&user.token)
            .send()
            .await
            .expect("request")
    }

    /// `method path` as `user` with `If-Match: if_match` and, when given, a JSON body: a
    /// conditional change.
    pub async fn if_match_as(
        &self,
        user: &TestUser,
        method: reqwest::Method,
        path: &str,
        if_match: &str,
        body: Option<&Value>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&user.token)
            .header("if-match", if_match);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request")
    }

    /// `POST path` as `user` with any body and content type.
    pub async fn post_raw(
        &self,
        user: &TestUser,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&user.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .patch(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// `DELETE path`.
    pub async fn delete(&self, path: &str) -> Response {
        self.client
            .delete(self.url(path))
            .send()
            .await
            .expect("request")
    }
}

/// Settings for a test server on `database_url`: a free port, one worker, a fixed secret.
#[must_use]
pub fn test_settings(database_url: &str) -> Settings {
    Settings {
        database_url: database_url.to_owned(),
        bind_address: "127.0.0.1:0".to_owned(),
        jwt_secret: Some(SecretString::from(TEST_JWT_SECRET)),
        workers: 1,
        db_pool_size: 4,
        // Tests make many requests from one address; the rate-limit tests set their own.
        rate_limit: api::ratelimit::Quota {
            per_minute: 1_000_000,
            burst: 1_000_000,
        },
        auth_rate_limit: api::ratelimit::Quota {
            per_minute: 1_000_000,
            burst: 1_000_000,
        },
        ..Settings::default()
    }
}

/// Runs a built app in the background for the rest of the test; returns a handle to stop it.
#[must_use = "keep the handle to stop the server"]
pub fn spawn_server(app: Application) -> actix_web::dev::ServerHandle {
    let handle = app.handle();
    drop(tokio::spawn(app.run_until_stopped()));
    handle
}

/// Reads a JSON body, failing with the text when it is not JSON.
pub async fn json(response: Response) -> Value {
    let text = response.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// Asserts a problem+json response and returns its body.
pub async fn assert_problem(response: Response, status: u16, code: &str) -> Value {
    assert_eq!(
        response.status().as_u16(),
        status,
        "status of {}",
        response.url()
    );
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        content_type,
        "application/problem+json",
        "content type of {}",
        response.url()
    );
    let body = json(response).await;
    assert_eq!(body["code"], code, "problem body: {body}");
    assert_eq!(body["status"], status, "problem body: {body}");
    assert_eq!(body["type"], format!("/problems/{code}"));
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["detail"].as_str().is_some_and(|t| !t.is_empty()));
    body
}

/// Runs futures concurrently and collects their outputs in order.
pub async fn all<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    futures::future::join_all(futures).await
}

#[cfg(test)]
mod tests {
    use super::replace_database;

    #[test]
    fn replaces_the_database_name_only() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            replace_database("postgres://u@h/db?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
        assert_eq!(
            replace_database("postgres://u@h", "t1"),
            "postgres://u@h/t1"
        );
    }
}
