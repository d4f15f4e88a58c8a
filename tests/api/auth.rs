//! Registration, login, the refresh-token lifecycle, logout, profile and password.

use serde_json::json;
use sonla_test_support::{TestApp, Tokens, all, assert_problem, json};

const REGISTER: &str = "/api/v1/auth/register";
const LOGIN: &str = "/api/v1/auth/login";
const REFRESH: &str = "/api/v1/auth/refresh";
const LOGOUT: &str = "/api/v1/auth/logout";

async fn register(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        REGISTER,
        &json!({"email": email, "password": password, "full_name": "Lò Văn Minh"}),
    )
    .await
}

async fn me(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn refresh(app: &TestApp, refresh_token: &str) -> reqwest::Response {
    app.post_json(REFRESH, &json!({"refresh_token": refresh_token}))
        .await
}

#[tokio::test]
async fn register_normalises_the_email_and_grants_member() {
    let app = TestApp::spawn().await;

    let response = app
        .post_json(
            REGISTER,
            &json!({
                "email": "  Minh.Lo@UTB.edu.VN ",
                "password": "khởi nghiệp Sơn La",
                "full_name": "  Lò   Văn Minh ",
                "phone": "0912 345 678",
                "locale": "en"
            }),
        )
        .await;

    assert_eq!(response.status().as_u16(), 201);
    let user = json(response).await;
    assert_eq!(user["email"], "minh.lo@utb.edu.vn");
    assert_eq!(user["full_name"], "Lò Văn Minh");
    assert_eq!(user["roles"], json!(["member"]));
    assert_eq!(user["locale"], "en");
    assert!(user.get("password_hash").is_none() && !user.to_string().contains("argon2"));
}

#[tokio::test]
async fn emails_are_unique_ignoring_case_and_spaces() {
    let app = TestApp::spawn().await;
    register(&app, "an@example.org", "mật khẩu rất dài").await;

    let again = register(&app, " AN@Example.org", "mật khẩu khác dài").await;

    assert_problem(again, 409, "email_taken").await;
}

#[tokio::test]
async fn weak_passwords_and_bad_emails_are_422_naming_the_field() {
    let app = TestApp::spawn().await;

    for (email, password, field, code) in [
        ("a@example.org", "short", "password", "length"),
        (
            "a@example.org",
            "Password123",
            "password",
            "common_password",
        ),
        ("a@example.org", "matkhau123", "password", "common_password"),
        ("not-an-email", "mật khẩu rất dài", "email", "email"),
    ] {
        let body = assert_problem(
            register(&app, email, password).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(body["errors"][0]["field"], field, "{body}");
        assert_eq!(body["errors"][0]["code"], code, "{body}");
    }
}

#[tokio::test]
async fn login_returns_tokens_that_open_me() {
    let app = TestApp::spawn().await;
    register(&app, "minh@example.org", "mật khẩu rất dài").await;

    let response = app
        .post_json(
            LOGIN,
            &json!({"email": " MINH@example.org", "password": "mật khẩu rất dài"}),
        )
        .await;

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let tokens = json(response).await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert!(tokens["refresh_token"].as_str().unwrap().starts_with("rt_"));
    let me = json(me(&app, tokens["access_token"].as_str().unwrap()).await).await;
    assert_eq!(me["email"], "minh@example.org");
    assert_eq!(me["roles"], json!(["member"]));
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    register(&app, "minh@example.org", "mật khẩu rất dài").await;

    let wrong_password = app
        .post_json(
            LOGIN,
            &json!({"email": "minh@example.org", "password": "sai mật khẩu"}),
        )
        .await;
    let unknown_email = app
        .post_json(
            LOGIN,
            &json!({"email": "ai@example.org", "password": "mật khẩu rất dài"}),
        )
        .await;

    assert_eq!(wrong_password.headers()["www-authenticate"], "Bearer");
    assert_eq!(unknown_email.headers()["www-authenticate"], "Bearer");
    let mut a = assert_problem(wrong_password, 401, "invalid_credentials").await;
    let mut b = assert_problem(unknown_email, 401, "invalid_credentials").await;
    a.as_object_mut().unwrap().remove("instance");
    b.as_object_mut().unwrap().remove("instance");
    assert_eq!(a, b, "the answer never says which part was wrong");
}

#[tokio::test]
async fn me_without_a_token_is_401_with_www_authenticate() {
    let app = TestApp::spawn().await;

    let none = app.get("/api/v1/me").await;
    let garbage = me(&app, "not-a-token").await;
    let basic = app
        .client
        .get(app.url("/api/v1/me"))
        .basic_auth("a", Some("b"))
        .send()
        .await
        .unwrap();

    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    assert_problem(none, 401, "unauthenticated").await;
    assert_eq!(
        garbage.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    assert_problem(garbage, 401, "invalid_token").await;
    assert_problem(basic, 401, "invalid_token").await;
}

#[tokio::test]
async fn refresh_rotates_the_refresh_token() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let first = refresh(&app, &user.refresh_token).await;
    assert_eq!(first.status().as_u16(), 200);
    let first: Tokens = first.json().await.unwrap();
    let second = refresh(&app, &first.refresh_token).await;

    assert_ne!(first.refresh_token, user.refresh_token);
    assert_eq!(second.status().as_u16(), 200);
    assert_eq!(me(&app, &first.access_token).await.status().as_u16(), 200);
}

#[tokio::test]
async fn reusing_a_spent_refresh_token_revokes_the_whole_session() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let rotated: Tokens = refresh(&app, &user.refresh_token)
        .await
        .json()
        .await
        .unwrap();

    // An attacker replays the spent token.
    let replay = refresh(&app, &user.refresh_token).await;
    // The legitimate client's current token is now dead too.
    let legitimate = refresh(&app, &rotated.refresh_token).await;

    assert_problem(replay, 401, "invalid_token").await;
    assert_problem(legitimate, 401, "invalid_token").await;
    let actions = app.audit_actions().await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "auth.refresh_reused")
            .count(),
        1
    );
}

#[tokio::test]
async fn other_sessions_survive_a_reuse_in_one_session() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let other = app.login(&user.email, &user.password).await;
    refresh(&app, &user.refresh_token).await;

    refresh(&app, &user.refresh_token).await;

    assert_eq!(
        refresh(&app, &other.refresh_token).await.status().as_u16(),
        200
    );
}

#[tokio::test]
async fn concurrent_refreshes_with_one_token_succeed_once() {
    let app = TestApp::spawn_with(|s| s.workers = 2).await;
    let user = app.user(&[]).await;

    let statuses: Vec<u16> =
        all((0..6).map(|_| async { refresh(&app, &user.refresh_token).await.status().as_u16() }))
            .await;

    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        5,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn tokens_are_never_accepted_in_each_others_place() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let refresh_as_access = me(&app, &user.refresh_token).await;
    let access_as_refresh = refresh(&app, &user.token).await;

    assert_problem(refresh_as_access, 401, "invalid_token").await;
    assert_problem(access_as_refresh, 401, "invalid_token").await;
}

#[tokio::test]
async fn logout_ends_the_session_and_never_says_whether_a_token_existed() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let out = app
        .post_json(LOGOUT, &json!({"refresh_token": user.refresh_token}))
        .await;
    let unknown = app
        .post_json(LOGOUT, &json!({"refresh_token": "rt_unknown"}))
        .await;

    assert_eq!(out.status().as_u16(), 204);
    assert_eq!(unknown.status().as_u16(), 204);
    assert_problem(
        refresh(&app, &user.refresh_token).await,
        401,
        "invalid_token",
    )
    .await;
}

#[tokio::test]
async fn profile_updates_change_given_fields() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let response = app
        .patch_as(
            &user,
            "/api/v1/me",
            &json!({"full_name": "Cầm Thị Hoa", "phone": "+84 912 345 678", "locale": "en"}),
        )
        .await;
    let cleared = app
        .patch_as(&user, "/api/v1/me", &json!({"phone": null}))
        .await;
    let email_change = app
        .patch_as(&user, "/api/v1/me", &json!({"email": "x@example.org"}))
        .await;

    assert_eq!(response.status().as_u16(), 200);
    let updated = json(response).await;
    assert_eq!(updated["full_name"], "Cầm Thị Hoa");
    assert_eq!(updated["phone"], "+84 912 345 678");
    assert_eq!(updated["locale"], "en");
    let cleared = json(cleared).await;
    assert_eq!(cleared["phone"], serde_json::Value::Null);
    assert_eq!(cleared["full_name"], "Cầm Thị Hoa");
    assert_problem(email_change, 422, "validation_failed").await;
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_only() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let other = app.login(&user.email, &user.password).await;

    let wrong = app
        .post_as(
            &user,
            "/api/v1/me/password",
            &json!({"current_password": "sai rồi", "new_password": "mật khẩu mới dài"}),
        )
        .await;
    let common = app
        .post_as(
            &user,
            "/api/v1/me/password",
            &json!({"current_password": user.password, "new_password": "qwertyuiop"}),
        )
        .await;
    let changed = app
        .post_as(
            &user,
            "/api/v1/me/password",
            &json!({"current_password": user.password, "new_password": "mật khẩu mới dài"}),
        )
        .await;

    let body = assert_problem(wrong, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "current_password");
    let body = assert_problem(common, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "common_password");
    assert_eq!(changed.status().as_u16(), 204);
    assert_problem(
        refresh(&app, &other.refresh_token).await,
        401,
        "invalid_token",
    )
    .await;
    assert_eq!(
        refresh(&app, &user.refresh_token).await.status().as_u16(),
        200,
        "this session stays"
    );
    let old = app
        .post_json(
            LOGIN,
            &json!({"email": user.email, "password": user.password}),
        )
        .await;
    assert_problem(old, 401, "invalid_credentials").await;
    app.login(&user.email, "mật khẩu mới dài").await;
}

#[tokio::test]
async fn whoami_names_the_caller() {
    let app = TestApp::spawn().await;
    let user = app.user(&[sonla_core::Role::Judge]).await;

    let body = json(app.get_as(&user, "/api/v1/auth/whoami").await).await;

    assert_eq!(body["kind"], "user");
    assert_eq!(body["id"], user.id.as_str());
    assert_eq!(body["roles"], json!(["judge", "member"]));
}
