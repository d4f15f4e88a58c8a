//! The audit log: admins read it with filters and cursor pagination.

use serde_json::json;
use sonla_core::Role;
use sonla_test_support::{TestApp, assert_problem, json};

#[tokio::test]
async fn role_changes_are_recorded_with_before_and_after() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let user = app.user(&[]).await;
    app.post_as(
        &admin,
        &format!("/api/v1/users/{}/roles", user.id),
        &json!({"role": "judge"}),
    )
    .await;

    let page = json(
        app.get_as(&admin, "/api/v1/audit?action=user.role_granted")
            .await,
    )
    .await;

    let entry = &page["items"][0];
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(entry["actor_id"], admin.id.as_str());
    assert_eq!(entry["actor_kind"], "user");
    assert_eq!(entry["record_type"], "user");
    assert_eq!(entry["record_id"], user.id.as_str());
    assert_eq!(entry["before"], json!({"roles": ["member"]}));
    assert_eq!(entry["after"], json!({"roles": ["judge", "member"]}));
    assert_eq!(entry["client_ip"], "127.0.0.1");
    assert!(entry["request_id"].is_string());
}

#[tokio::test]
async fn filters_and_pages_work_together() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let user = app.user(&[]).await;
    for role in ["judge", "mentor", "investor"] {
        app.post_as(
            &admin,
            &format!("/api/v1/users/{}/roles", user.id),
            &json!({"role": role}),
        )
        .await;
    }

    let first = json(
        app.get_as(
            &admin,
            &format!("/api/v1/audit?record_id={}&limit=2", user.id),
        )
        .await,
    )
    .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = json(
        app.get_as(
            &admin,
            &format!(
                "/api/v1/audit?record_id={}&limit=2&cursor={cursor}",
                user.id
            ),
        )
        .await,
    )
    .await;
    let by_actor = json(
        app.get_as(&admin, &format!("/api/v1/audit?actor_id={}", admin.id))
            .await,
    )
    .await;
    let future = json(
        app.get_as(&admin, "/api/v1/audit?from=2999-01-01T00:00:00Z")
            .await,
    )
    .await;
    let past = json(
        app.get_as(&admin, "/api/v1/audit?to=2000-01-01T00:00:00Z")
            .await,
    )
    .await;

    let actions: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    // Newest first: three grants, then the login and the registration.
    assert_eq!(
        actions,
        vec![
            "user.role_granted",
            "user.role_granted",
            "user.role_granted",
            "auth.login"
        ]
    );
    assert!(
        by_actor["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actor_id"] == admin.id.as_str())
    );
    assert!(future["items"].as_array().unwrap().is_empty());
    assert!(past["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn only_admins_read_the_log() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;

    assert_problem(
        app.get_as(&officer, "/api/v1/audit").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.get("/api/v1/audit").await, 401, "unauthenticated").await;
}
