//! Role-matrix rows of organisations and their members.

use serde_json::json;
use sonla_test_support::TestApp;

use super::{Cast, Row, row};

/// This domain's rows.
pub(super) fn rows() -> Vec<Row> {
    let orgs = "/api/v1/organizations";
    vec![
        // Organisations and their members.
        row("GET", orgs, orgs, None, [200; 5]),
        row(
            "POST",
            orgs,
            orgs,
            Some(json!({"name": "{email}", "kind": "club"})),
            [401, 201, 201, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            None,
            [200; 5],
        ),
        row(
            "PATCH",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            Some(json!({"short_description": "Đã sửa"})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "DELETE",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/organizations/{organization_id}/members",
            "/api/v1/organizations/{org}/members",
            None,
            [401, 200, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/organizations/{organization_id}/members",
            "/api/v1/organizations/{org}/members",
            Some(json!({"user_id": "{user}"})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "PATCH",
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "/api/v1/organizations/{org}/members/{member}",
            Some(json!({"role": "manager"})),
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "/api/v1/organizations/{org}/members/{member}",
            None,
            [401, 204, 403, 403, 204],
        ),
    ]
}

/// A fresh organisation for `{org}`, owned by the cast's owner, with "org member" (`{member}`)
/// in it.
pub(super) async fn fixtures(
    app: &TestApp,
    cast: &Cast,
    text: &str,
) -> Vec<(&'static str, String)> {
    if !(text.contains("{org}") || text.contains("{member}")) {
        return Vec::new();
    }
    // "member" is also the role an addition without one gets.
    let member = cast.member();
    let org = app
        .organization(&cast.owner)
        .member(member, "member")
        .build()
        .await;
    vec![("{org}", org), ("{member}", member.id.clone())]
}
