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

#[tokio::test]
async fn a_stale_if_match_is_412_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let created = json(
        app.post_as(
            &owner,
            ORGS,
            &json!({"name": "Vườn ươm Sơn La", "kind": "incubator"}),
        )
        .await,
    )
    .await;
    let path = format!("{ORGS}/{}", created["id"].as_str().unwrap());
    let tag = app.get(&path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let send_patch = |tag: String, body: serde_json::Value| {
        let request = app
            .client
            .patch(app.url(&path))
            .bearer_auth(&owner.token)
            .header("if-match", tag)
            .json(&body);
        async move { request.send().await.unwrap() }
    };

    let fresh = send_patch(tag.clone(), json!({"short_description": "Lần một"})).await;
    let stale = send_patch(tag.clone(), json!({"short_description": "Lần hai"})).await;
    let stale_delete = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&owner.token)
        .header("if-match", &tag)
        .send()
        .await
        .unwrap();

    assert_eq!(fresh.status().as_u16(), 200);
    sonla_test_support::assert_problem(stale, 412, "precondition_failed").await;
    sonla_test_support::assert_problem(stale_delete, 412, "precondition_failed").await;
    assert_eq!(
        json(app.get(&path).await).await["short_description"],
        "Lần một"
    );
    let current = app.get(&path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let deleted = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&owner.token)
        .header("if-match", current)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status().as_u16(), 204);
}

#[tokio::test]
async fn ideas_and_profiles_honour_if_match_too() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let idea = app.idea(&lead, "Chè Tà Xùa", json!({})).await;
    let path = format!("/api/v1/ideas/{}", idea["id"].as_str().unwrap());
    let idea_tag = app.get_as(&lead, &path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let me_tag = app.get_as(&lead, "/api/v1/me").await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();

    let send = |path: &str, tag: &str, body: serde_json::Value| {
        let request = app
            .client
            .patch(app.url(path))
            .bearer_auth(&lead.token)
            .header("if-match", tag)
            .json(&body);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(send(&path, &idea_tag, json!({"summary": "Một"})).await, 200);
    assert_eq!(send(&path, &idea_tag, json!({"summary": "Hai"})).await, 412);
    assert_eq!(
        send("/api/v1/me", &me_tag, json!({"full_name": "Lò Văn Một"})).await,
        200
    );
    assert_eq!(
        send("/api/v1/me", &me_tag, json!({"full_name": "Lò Văn Hai"})).await,
        412
    );
    assert_eq!(
        send("/api/v1/me", "*", json!({"full_name": "Lò Văn Ba"})).await,
        200,
        "* matches any version"
    );
}
