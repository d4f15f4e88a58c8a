//! API keys of machine clients: shown once, stored hashed, scoped, revocable.

use serde_json::json;
use sonla_core::Role;
use sonla_test_support::{TestApp, assert_problem, json};

const KEYS: &str = "/api/v1/api-keys";

async fn whoami_with(app: &TestApp, header: &str, value: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/auth/whoami"))
        .header(header, value)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_creates_a_key_that_works_in_both_headers() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;

    let response = app
        .post_as(&admin, KEYS, &json!({"name": "Cổng thông tin quốc gia", "scopes": ["techmarket:write", "read", "read"]}))
        .await;

    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let created = json(response).await;
    let key = created["key"].as_str().unwrap();
    assert!(key.starts_with(&format!("slk_{}_", created["prefix"].as_str().unwrap())));
    assert_eq!(created["scopes"], json!(["read", "techmarket:write"]));
    for (header, value) in [
        ("authorization", format!("Bearer {key}")),
        ("x-api-key", key.to_owned()),
    ] {
        let who = json(whoami_with(&app, header, &value).await).await;
        assert_eq!(who["kind"], "api_key", "{header}");
        assert_eq!(who["id"], created["id"]);
        assert_eq!(who["scopes"], json!(["read", "techmarket:write"]));
    }
}

#[tokio::test]
async fn the_secret_is_never_shown_again_and_use_is_recorded() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let created = json(
        app.post_as(
            &admin,
            KEYS,
            &json!({"name": "Ứng dụng đối tác", "scopes": ["read"]}),
        )
        .await,
    )
    .await;
    let key = created["key"].as_str().unwrap().to_owned();
    whoami_with(&app, "x-api-key", &key).await;

    let listed = json(app.get_as(&admin, KEYS).await).await;
    let one = json(
        app.get_as(
            &admin,
            &format!("{KEYS}/{}", created["id"].as_str().unwrap()),
        )
        .await,
    )
    .await;

    assert!(!listed.to_string().contains(&key) && listed[0].get("key").is_none());
    assert!(one.get("key").is_none());
    assert!(one["last_used_at"].is_string(), "{one}");
}

#[tokio::test]
async fn revoked_expired_and_forged_keys_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let live = json(
        app.post_as(&admin, KEYS, &json!({"name": "A", "scopes": ["read"]}))
            .await,
    )
    .await;
    let expired = json(
        app.post_as(
            &admin,
            KEYS,
            &json!({"name": "B", "scopes": ["read"], "expires_at": "2020-01-01T00:00:00Z"}),
        )
        .await,
    )
    .await;
    let live_key = live["key"].as_str().unwrap().to_owned();
    let forged = format!("{}x", &live_key[..live_key.len() - 1]);

    let revoked = app
        .delete_as(&admin, &format!("{KEYS}/{}", live["id"].as_str().unwrap()))
        .await;

    assert_eq!(revoked.status().as_u16(), 204);
    assert_problem(
        whoami_with(&app, "x-api-key", &live_key).await,
        401,
        "invalid_token",
    )
    .await;
    assert_problem(
        whoami_with(&app, "x-api-key", expired["key"].as_str().unwrap()).await,
        401,
        "invalid_token",
    )
    .await;
    assert_problem(
        whoami_with(&app, "x-api-key", &forged).await,
        401,
        "invalid_token",
    )
    .await;
    let actions = app.audit_actions().await;
    assert!(
        actions.contains(&"api_key.created".to_owned())
            && actions.contains(&"api_key.revoked".to_owned())
    );
}

#[tokio::test]
async fn unknown_scopes_are_422_and_only_admins_manage_keys() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let officer = app.user(&[Role::Officer]).await;

    let bad = app
        .post_as(
            &admin,
            KEYS,
            &json!({"name": "A", "scopes": ["read", "everything"]}),
        )
        .await;
    let none = app
        .post_as(&admin, KEYS, &json!({"name": "A", "scopes": []}))
        .await;
    let by_officer = app
        .post_as(&officer, KEYS, &json!({"name": "A", "scopes": ["read"]}))
        .await;

    let body = assert_problem(bad, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "scopes");
    assert_problem(none, 422, "validation_failed").await;
    assert_problem(by_officer, 403, "forbidden").await;
}

#[tokio::test]
async fn an_api_key_cannot_act_as_a_person() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let created = json(
        app.post_as(&admin, KEYS, &json!({"name": "A", "scopes": ["read"]}))
            .await,
    )
    .await;

    let response = app
        .client
        .get(app.url("/api/v1/me"))
        .header("x-api-key", created["key"].as_str().unwrap())
        .send()
        .await
        .unwrap();

    assert_problem(response, 403, "forbidden").await;
}
