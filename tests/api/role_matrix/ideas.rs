//! Role-matrix rows of ideas, their workflow, selection, history and teams.

use serde_json::json;
use sonla_test_support::{TestApp, id_of, ok};

use super::{Cast, Row, row};

/// This domain's rows.
pub(super) fn rows() -> Vec<Row> {
    vec![
        // Ideas: `{idea}` is a public draft led by someone else, with "org member" in its team.
        row("GET", "/api/v1/ideas", "/api/v1/ideas", None, [200; 5]),
        row(
            "GET",
            "/api/v1/ideas/count",
            "/api/v1/ideas/count",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/ideas",
            "/api/v1/ideas",
            Some(
                json!({"title": "Trà shan tuyết", "summary": "Chè cổ thụ", "sector": "agriculture", "stage": "idea", "visibility": "public"}),
            ),
            [401, 201, 201, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            None,
            [200; 5],
        ),
        row(
            "PATCH",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            Some(json!({"summary": "Đã sửa"})),
            [401, 200, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "POST",
            "/api/v1/ideas/{idea_id}/{action}",
            "/api/v1/ideas/{idea}/archive",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "PUT",
            "/api/v1/ideas/{idea_id}/selection",
            "/api/v1/ideas/{idea}/selection",
            Some(json!({"priority": 3, "shortlisted": true})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}/history",
            "/api/v1/ideas/{idea}/history",
            None,
            [401, 200, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}/members",
            "/api/v1/ideas/{idea}/members",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/ideas/{idea_id}/members",
            "/api/v1/ideas/{idea}/members",
            Some(json!({"user_id": "{user}"})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "DELETE",
            "/api/v1/ideas/{idea_id}/members/{user_id}",
            "/api/v1/ideas/{idea}/members/{member}",
            None,
            [401, 204, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/me/ideas",
            "/api/v1/me/ideas",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/reference/sectors",
            "/api/v1/reference/sectors",
            None,
            [200; 5],
        ),
    ]
}

/// A fresh public draft for `{idea}`, led by the cast's owner, with "org member" (`{member}`)
/// in its team.
pub(super) async fn fixtures(
    app: &TestApp,
    cast: &Cast,
    text: &str,
) -> Vec<(&'static str, String)> {
    if !text.contains("{idea}") {
        return Vec::new();
    }
    let extra = json!({"summary": "Sấy lạnh", "sector": "food_processing"});
    let idea = id_of(&app.idea(&cast.owner, "Mận hậu sấy", extra).await);
    let member = cast.member();
    let path = format!("/api/v1/ideas/{idea}/members");
    let added = app
        .post_as(&cast.owner, &path, &json!({"user_id": member.id}))
        .await;
    ok(added, 201, "team member").await;
    vec![("{idea}", idea), ("{member}", member.id.clone())]
}
