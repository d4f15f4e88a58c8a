//! Conditional requests, cache policies, CORS and response headers.

use serde_json::json;
use sonla_test_support::{TestApp, json};

const ORGS: &str = "/api/v1/organizations";

#[tokio::test]
async fn get_answers_carry_an_etag_and_a_matching_if_none_match_is_304() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let created = json(
        app.post_as(
            &owner,
            ORGS,
            &json!({"name": "CLB Khởi nghiệp", "kind": "club"}),
        )
        .await,
    )
    .await;
    let one = format!("{ORGS}/{}", created["id"].as_str().unwrap());

    for path in [ORGS.to_owned(), one.clone()] {
        let first = app.get(&path).await;
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert!(etag.starts_with("W/\""), "{etag}");
        let again = app
            .client
            .get(app.url(&path))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status().as_u16(), 304, "{path}");
        assert_eq!(again.headers()["etag"], etag.as_str());
        assert!(again.bytes().await.unwrap().is_empty());
        let stale = app
            .client
            .get(app.url(&path))
            .header("if-none-match", "W/\"old\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status().as_u16(), 200);
    }
    let before = app.get(&one).await.headers()["etag"].clone();
    app.patch_as(&owner, &one, &json!({"short_description": "Đổi"}))
        .await;
    assert_ne!(
        app.get(&one).await.headers()["etag"],
        before,
        "a change changes the tag"
    );
}

#[tokio::test]
async fn cache_control_keeps_private_answers_private() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let anonymous = app.get(ORGS).await;
    let personal = app.get_as(&user, "/api/v1/me").await;
    let created = app
        .post_as(
            &user,
            ORGS,
            &json!({"name": "HTX Mộc Châu", "kind": "cooperative"}),
        )
        .await;
    let tokens = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": user.email, "password": user.password}),
        )
        .await;
    let ready = app.get("/health/ready").await;

    assert_eq!(
        anonymous.headers()["cache-control"],
        "public, max-age=0, must-revalidate"
    );
    assert_eq!(personal.headers()["cache-control"], "private, no-cache");
    assert_eq!(created.headers()["cache-control"], "no-store");
    assert_eq!(tokens.headers()["cache-control"], "no-store");
    assert_eq!(ready.headers()["cache-control"], "no-store");
    assert!(
        anonymous.headers()["vary"]
            .to_str()
            .unwrap()
            .contains("Authorization")
    );
    assert_eq!(anonymous.headers()["x-content-type-options"], "nosniff");
    assert!(
        !anonymous.headers().contains_key("server"),
        "no server banner"
    );
}

#[tokio::test]
async fn cors_allows_configured_origins_only_and_never_credentials() {
    let app =
        TestApp::spawn_with(|s| s.cors_allowed_origins = vec!["https://clb.utb.edu.vn".to_owned()])
            .await;

    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url(ORGS))
        .header("origin", "https://clb.utb.edu.vn")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap();
    let simple = app
        .client
        .get(app.url(ORGS))
        .header("origin", "https://clb.utb.edu.vn")
        .send()
        .await
        .unwrap();
    let foreign = app
        .client
        .get(app.url(ORGS))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();

    assert_eq!(preflight.status().as_u16(), 200);
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://clb.utb.edu.vn"
    );
    assert!(
        !preflight
            .headers()
            .contains_key("access-control-allow-credentials")
    );
    assert_eq!(
        simple.headers()["access-control-allow-origin"],
        "https://clb.utb.edu.vn"
    );
    assert!(
        simple.headers()["access-control-expose-headers"]
            .to_str()
            .unwrap()
            .to_lowercase()
            .contains("etag")
    );
    assert!(
        !foreign
            .headers()
            .contains_key("access-control-allow-origin")
    );
}
