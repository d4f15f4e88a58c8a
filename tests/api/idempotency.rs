//! `Idempotency-Key`: a retried POST returns the first response and acts once.

use serde_json::json;
use sonla_test_support::{TestApp, TestUser, all, assert_problem, json};

const ORGS: &str = "/api/v1/organizations";

async fn create(app: &TestApp, user: &TestUser, key: &str, name: &str) -> reqwest::Response {
    app.client
        .post(app.url(ORGS))
        .bearer_auth(&user.token)
        .header("idempotency-key", key)
        .json(&json!({"name": name, "kind": "club"}))
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp) -> usize {
    json(app.get(&format!("{ORGS}?limit=100")).await).await["items"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_retry_gets_the_first_response_and_acts_once() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let first = create(&app, &user, "tao-clb-1", "CLB Sáng tạo").await;
    let location = first.headers()["location"].clone();
    let first_body = json(first).await;
    let retry = create(&app, &user, "tao-clb-1", "CLB Sáng tạo").await;

    assert_eq!(retry.status().as_u16(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(retry.headers()["location"], location);
    assert_eq!(json(retry).await, first_body);
    assert_eq!(count(&app).await, 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_422_and_keys_belong_to_their_caller() {
    let app = TestApp::spawn().await;
    let (a, b) = (app.user(&[]).await, app.user(&[]).await);

    create(&app, &a, "khoa-1", "CLB Một").await;
    let other_body = create(&app, &a, "khoa-1", "CLB Hai").await;
    let other_caller = create(&app, &b, "khoa-1", "CLB Ba").await;

    assert_problem(other_body, 422, "idempotency_key_reused").await;
    assert_eq!(
        other_caller.status().as_u16(),
        201,
        "another caller's key is another key"
    );
    assert_eq!(count(&app).await, 2);
}

#[tokio::test]
async fn concurrent_requests_with_one_key_never_both_act() {
    let app = TestApp::spawn_with(|s| s.workers = 2).await;
    let user = app.user(&[]).await;

    let statuses: Vec<(u16, bool)> = all((0..8).map(|_| async {
        let response = create(&app, &user, "dong-thoi", "CLB Đồng thời").await;
        (
            response.status().as_u16(),
            response.headers().contains_key("idempotent-replayed"),
        )
    }))
    .await;

    let acted = statuses
        .iter()
        .filter(|(s, replayed)| *s == 201 && !replayed)
        .count();
    assert_eq!(acted, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|(s, _)| *s == 201 || *s == 409),
        "{statuses:?}"
    );
    assert_eq!(count(&app).await, 1);
}

#[tokio::test]
async fn refusals_are_replayed_too_and_bad_keys_are_400() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let invalid = create(&app, &user, "khoa-loi", " ").await;
    let again = create(&app, &user, "khoa-loi", " ").await;
    let too_long = create(&app, &user, &"k".repeat(256), "CLB Dài").await;

    assert_problem(invalid, 422, "validation_failed").await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_problem(again, 422, "validation_failed").await;
    assert_problem(too_long, 400, "invalid_idempotency_key").await;
}

/// A key an anonymous caller used where no credentials are needed (registering) does not turn
/// its next request without credentials, where they are, into a 422: it is a 401, as it is
/// without the header.
#[tokio::test]
async fn an_anonymous_request_that_needs_credentials_is_401_whatever_its_key_did() {
    let app = TestApp::spawn().await;
    let register = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .header("idempotency-key", "khoa-an-danh")
        .json(&json!({"email": "an.danh@utb.edu.vn", "password": "mật khẩu đủ dài", "full_name": "Lò Thị An"}))
        .send()
        .await
        .unwrap();
    assert_eq!(register.status().as_u16(), 201);

    let create = app
        .client
        .post(app.url(ORGS))
        .header("idempotency-key", "khoa-an-danh")
        .json(&json!({"name": "CLB", "kind": "club"}))
        .send()
        .await
        .unwrap();

    assert_problem(create, 401, "unauthenticated").await;
}

#[tokio::test]
async fn keys_belong_to_the_person_not_the_token_and_need_valid_credentials() {
    let app = TestApp::spawn().await;
    let mut user = app.user(&[]).await;
    let anonymous = |name: &str| {
        app.client
            .post(app.url(ORGS))
            .header("idempotency-key", "khoa-chung")
            .json(&json!({"name": name, "kind": "club"}))
            .send()
    };

    // Without credentials: 401 each time, whatever the body, and the key is not taken.
    assert_problem(anonymous("CLB A").await.unwrap(), 401, "unauthenticated").await;
    assert_problem(anonymous("CLB B").await.unwrap(), 401, "unauthenticated").await;
    let forged = TestUser {
        token: "khong-phai-jwt".to_owned(),
        ..user.clone()
    };
    assert_problem(
        create(&app, &forged, "khoa-chung", "CLB C").await,
        401,
        "invalid_token",
    )
    .await;
    assert_problem(
        create(&app, &forged, "khoa-chung", "CLB D").await,
        401,
        "invalid_token",
    )
    .await;
    let first = create(&app, &user, "khoa-chung", "CLB Bền bỉ").await;
    assert_eq!(first.status().as_u16(), 201);
    let first_body = json(first).await;

    // A new access token of the same person replays the first answer.
    user.token = app.login(&user.email, &user.password).await.access_token;
    let retry = create(&app, &user, "khoa-chung", "CLB Bền bỉ").await;

    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(json(retry).await, first_body);
    assert_eq!(count(&app).await, 1);
}

#[tokio::test]
async fn answers_that_carry_secrets_are_never_stored() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let login = || {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("idempotency-key", "dang-nhap")
            .json(&json!({"email": user.email, "password": user.password}))
            .send()
    };

    let first = login().await.unwrap();
    let second = login().await.unwrap();

    assert_eq!(first.status().as_u16(), 200);
    assert!(!second.headers().contains_key("idempotent-replayed"));
    assert_ne!(
        json(first).await["refresh_token"],
        json(second).await["refresh_token"],
        "each login issues its own tokens"
    );
    let stored: i64 = app
        .db
        .run(|conn| {
            use diesel::prelude::*;
            sonla_db::schema::idempotency_keys::table
                .count()
                .get_result(conn)
                .map_err(sonla_db::DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(stored, 0, "no token was written to the idempotency store");
}
