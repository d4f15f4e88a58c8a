//! Failed logins are limited per account and per client address, also when guesses race.

use serde_json::json;
use sonla_test_support::{TestApp, all, assert_problem};

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/auth/login",
        &json!({"email": email, "password": password}),
    )
    .await
}

#[tokio::test]
async fn an_account_is_locked_after_too_many_failures_even_for_the_right_password() {
    let app = TestApp::spawn_with(|s| s.auth.login_max_failures_per_account = 3).await;
    let user = app.user(&[]).await;

    for _ in 0..3 {
        assert_problem(
            login(&app, &user.email, "sai mật khẩu").await,
            401,
            "invalid_credentials",
        )
        .await;
    }
    let locked = login(&app, &user.email, &user.password).await;

    let retry_after: u64 = locked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert_problem(locked, 429, "too_many_login_attempts").await;
}

#[tokio::test]
async fn a_success_forgives_earlier_failures() {
    let app = TestApp::spawn_with(|s| s.auth.login_max_failures_per_account = 3).await;
    let user = app.user(&[]).await;

    for _ in 0..2 {
        login(&app, &user.email, "sai mật khẩu").await;
    }
    assert_eq!(
        login(&app, &user.email, &user.password)
            .await
            .status()
            .as_u16(),
        200
    );
    for _ in 0..2 {
        login(&app, &user.email, "sai mật khẩu").await;
    }

    assert_eq!(
        login(&app, &user.email, &user.password)
            .await
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_limited() {
    let app = TestApp::spawn_with(|s| {
        s.auth.login_max_failures_per_account = 100;
        s.auth.login_max_failures_per_address = 4;
    })
    .await;
    let user = app.user(&[]).await;

    for i in 0..4 {
        login(&app, &format!("guess{i}@example.org"), "sai mật khẩu").await;
    }
    let limited = login(&app, &user.email, &user.password).await;

    assert!(limited.headers().contains_key("retry-after"));
    assert_problem(limited, 429, "too_many_login_attempts").await;
}

#[tokio::test]
async fn parallel_guesses_cannot_exceed_the_limit() {
    let app = TestApp::spawn_with(|s| {
        s.workers = 2;
        s.auth.login_max_failures_per_account = 5;
    })
    .await;
    let user = app.user(&[]).await;

    let statuses: Vec<u16> = all((0..20).map(|_| async {
        login(&app, &user.email, "sai mật khẩu")
            .await
            .status()
            .as_u16()
    }))
    .await;

    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        15,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn logins_succeeded_and_failed_are_audited() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    login(&app, &user.email, "sai mật khẩu").await;
    login(&app, "nobody@example.org", "sai mật khẩu").await;

    let actions = app.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.login").count(),
        1,
        "{actions:?}"
    );
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.login_failed").count(),
        2,
        "{actions:?}"
    );
}
