//! Role-matrix rows of the caller's own account, users and roles, API keys and the audit log.

use serde_json::json;
use sonla_test_support::{TestApp, id_of, ok};

use super::{Cast, Row, row};

/// This domain's rows.
pub(super) fn rows() -> Vec<Row> {
    vec![
        // The caller's own account.
        row(
            "GET",
            "/api/v1/me",
            "/api/v1/me",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "PATCH",
            "/api/v1/me",
            "/api/v1/me",
            Some(json!({"full_name": "Lường Thị Mai"})),
            [401, 200, 200, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/me/password",
            "/api/v1/me/password",
            Some(json!({"current_password": "{own_password}", "new_password": "{own_password}"})),
            [401, 204, 204, 204, 204],
        ),
        // Users and roles.
        row(
            "GET",
            "/api/v1/users",
            "/api/v1/users",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/users/{user_id}",
            "/api/v1/users/{user}",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/users/{user_id}/roles",
            "/api/v1/users/{user}/roles",
            Some(json!({"role": "judge"})),
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/users/{user_id}/roles/{role}",
            "/api/v1/users/{user}/roles/judge",
            None,
            [401, 403, 403, 403, 204],
        ),
        // API keys and the audit log.
        row(
            "POST",
            "/api/v1/api-keys",
            "/api/v1/api-keys",
            Some(json!({"name": "Cổng quốc gia", "scopes": ["read"]})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "GET",
            "/api/v1/api-keys",
            "/api/v1/api-keys",
            None,
            [401, 403, 403, 403, 200],
        ),
        row(
            "GET",
            "/api/v1/api-keys/{api_key_id}",
            "/api/v1/api-keys/{key}",
            None,
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/api-keys/{api_key_id}",
            "/api/v1/api-keys/{key}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/audit",
            "/api/v1/audit",
            None,
            [401, 403, 403, 403, 200],
        ),
    ]
}

/// A fresh API key for `{key}`.
pub(super) async fn fixtures(
    app: &TestApp,
    cast: &Cast,
    text: &str,
) -> Vec<(&'static str, String)> {
    if !text.contains("{key}") {
        return Vec::new();
    }
    let body = json!({"name": "K", "scopes": ["read"]});
    let created = app.post_as(&cast.admin, "/api/v1/api-keys", &body).await;
    vec![("{key}", id_of(&ok(created, 201, "api key").await))]
}
