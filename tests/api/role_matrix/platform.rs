//! Role-matrix rows of operations (health, metrics, problem types), the search across kinds
//! and authentication.

use serde_json::json;
use sonla_test_support::TestApp;

use super::{Row, row};

/// This domain's rows.
pub(super) fn rows() -> Vec<Row> {
    vec![
        // Operations.
        row("GET", "/health/live", "/health/live", None, [200; 5]),
        row("GET", "/health/ready", "/health/ready", None, [200; 5]),
        row("GET", "/metrics", "/metrics", None, [200; 5]),
        row("GET", "/problems", "/problems", None, [200; 5]),
        row(
            "GET",
            "/problems/{code}",
            "/problems/not_found",
            None,
            [200; 5],
        ),
        // The search across kinds: anyone; what each caller finds is `search.rs`'s concern.
        row(
            "GET",
            "/api/v1/search",
            "/api/v1/search?q=nong%20san",
            None,
            [200; 5],
        ),
        // Authentication.
        row(
            "POST",
            "/api/v1/auth/register",
            "/api/v1/auth/register",
            Some(
                json!({"email": "{email}", "password": "mật khẩu ma trận", "full_name": "Quàng Văn Ma"}),
            ),
            [201; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/login",
            "/api/v1/auth/login",
            Some(json!({"email": "{user_email}", "password": "{password}"})),
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/refresh",
            "/api/v1/auth/refresh",
            Some(json!({"refresh_token": "{refresh}"})),
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/logout",
            "/api/v1/auth/logout",
            Some(json!({"refresh_token": "{refresh}"})),
            [204; 5],
        ),
        row(
            "GET",
            "/api/v1/auth/whoami",
            "/api/v1/auth/whoami",
            None,
            [401, 200, 200, 200, 200],
        ),
    ]
}

/// A fresh account for `{user}` (with its email, password and refresh token) when the row
/// names one, and a fresh address for `{email}`.
pub(super) async fn fixtures(app: &TestApp, text: &str) -> Vec<(&'static str, String)> {
    let mut out = vec![(
        "{email}",
        format!("matrix-{}@example.org", uuid::Uuid::new_v4().simple()),
    )];
    if ["{user}", "{user_email}", "{password}", "{refresh}"]
        .iter()
        .any(|p| text.contains(p))
    {
        let user = app.user(&[]).await;
        out.extend([
            ("{user_email}", user.email),
            ("{password}", user.password),
            ("{refresh}", user.refresh_token),
            ("{user}", user.id),
        ]);
    }
    out
}
