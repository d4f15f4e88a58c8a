//! Access tokens: every forged, stale or misdirected token is refused with 401.
//!
//! Each case changes one thing of a token the server would accept, and a control case proves
//! the forging itself is sound.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use sonla_test_support::{TEST_JWT_SECRET, TestApp, TestUser, assert_problem};

fn now() -> i64 {
    i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn claims(user: &TestUser) -> Value {
    json!({
        "iss": "sonla-ecosystem-api",
        "aud": "sonla-ecosystem",
        "sub": user.id,
        "exp": now() + 600,
        "iat": now(),
        "nbf": now(),
        "jti": "f0e1d2c3",
        "roles": ["member"],
        "sid": "s",
    })
}

fn kid_of(token: &str) -> String {
    jsonwebtoken::decode_header(token).unwrap().kid.unwrap()
}

fn hs256(kid: Option<&str>, typ: Option<&str>, claims: &Value, secret: &[u8]) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = kid.map(str::to_owned);
    header.typ = typ.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret)).unwrap()
}

async fn status_with(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/auth/whoami"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn assert_rejected(app: &TestApp, token: &str, case: &str) {
    let response = status_with(app, token).await;
    assert_eq!(response.status().as_u16(), 401, "{case} must be refused");
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#,
        "{case}"
    );
    assert_problem(response, 401, "invalid_token").await;
}

#[tokio::test]
async fn a_correctly_forged_token_is_accepted_which_validates_the_cases_below() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let kid = kid_of(&user.token);

    let token = hs256(
        Some(&kid),
        Some("at+jwt"),
        &claims(&user),
        TEST_JWT_SECRET.as_bytes(),
    );

    assert_eq!(status_with(&app, &token).await.status().as_u16(), 200);
}

#[tokio::test]
async fn stale_and_early_tokens_are_refused_within_60_seconds_of_leeway() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let kid = kid_of(&user.token);
    let with = |field: &str, value: i64| {
        let mut c = claims(&user);
        c[field] = json!(value);
        hs256(Some(&kid), Some("at+jwt"), &c, TEST_JWT_SECRET.as_bytes())
    };

    assert_eq!(
        status_with(&app, &with("exp", now() - 30))
            .await
            .status()
            .as_u16(),
        200,
        "within leeway"
    );
    assert_rejected(&app, &with("exp", now() - 120), "expired").await;
    assert_rejected(&app, &with("nbf", now() + 120), "not yet valid").await;
    assert_rejected(&app, &with("iat", now() + 120), "issued in the future").await;
}

#[tokio::test]
async fn wrong_issuer_audience_kid_or_type_is_refused() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let kid = kid_of(&user.token);
    let secret = TEST_JWT_SECRET.as_bytes();
    let mut wrong_iss = claims(&user);
    wrong_iss["iss"] = json!("someone-else");
    let mut wrong_aud = claims(&user);
    wrong_aud["aud"] = json!("another-api");

    assert_rejected(
        &app,
        &hs256(Some(&kid), Some("at+jwt"), &wrong_iss, secret),
        "wrong iss",
    )
    .await;
    assert_rejected(
        &app,
        &hs256(Some(&kid), Some("at+jwt"), &wrong_aud, secret),
        "wrong aud",
    )
    .await;
    assert_rejected(
        &app,
        &hs256(Some("unknown"), Some("at+jwt"), &claims(&user), secret),
        "unknown kid",
    )
    .await;
    assert_rejected(
        &app,
        &hs256(None, Some("at+jwt"), &claims(&user), secret),
        "no kid",
    )
    .await;
    assert_rejected(
        &app,
        &hs256(Some(&kid), Some("JWT"), &claims(&user), secret),
        "typ JWT",
    )
    .await;
    assert_rejected(
        &app,
        &hs256(Some(&kid), None, &claims(&user), secret),
        "no typ",
    )
    .await;
}

#[tokio::test]
async fn missing_claims_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let kid = kid_of(&user.token);

    for claim in ["exp", "nbf", "iat", "iss", "aud", "sub"] {
        let mut c = claims(&user);
        c.as_object_mut().unwrap().remove(claim);
        let token = hs256(Some(&kid), Some("at+jwt"), &c, TEST_JWT_SECRET.as_bytes());
        assert_rejected(&app, &token, &format!("without {claim}")).await;
    }
}

#[tokio::test]
async fn tampered_and_wrongly_signed_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let kid = kid_of(&user.token);
    let parts: Vec<&str> = user.token.split('.').collect();
    let mut payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    payload["roles"] = json!(["admin", "member"]);
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(payload.to_string()),
        parts[2]
    );
    let other_secret = hs256(
        Some(&kid),
        Some("at+jwt"),
        &claims(&user),
        b"another-secret-another-secret-0123456789",
    );
    let none_header =
        URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "at+jwt", "kid": kid}).to_string());
    let alg_none = format!(
        "{none_header}.{}.",
        URL_SAFE_NO_PAD.encode(claims(&user).to_string())
    );

    assert_rejected(&app, &tampered, "tampered payload").await;
    assert_rejected(&app, &other_secret, "signed with another secret").await;
    assert_rejected(&app, &alg_none, "alg none").await;
    assert_rejected(&app, &format!("{}.{}", parts[0], parts[1]), "no signature").await;
}

#[tokio::test]
async fn an_rs256_server_refuses_hs256_tokens_signed_with_its_public_key() {
    let app = TestApp::spawn_with(|s| {
        s.auth.jwt_algorithm = api::settings::JwtAlgorithm::Rs256;
        s.auth.jwt_private_key_file = Some(fixture("rsa-private.pem"));
        s.auth.jwt_public_key_file = Some(fixture("rsa-public.pem"));
    })
    .await;
    let user = app.user(&[]).await;
    let header = jsonwebtoken::decode_header(&user.token).unwrap();
    let public_pem = std::fs::read(fixture("rsa-public.pem")).unwrap();

    let confused = hs256(
        header.kid.as_deref(),
        Some("at+jwt"),
        &claims(&user),
        &public_pem,
    );

    assert_eq!(header.alg, Algorithm::RS256);
    assert_eq!(status_with(&app, &user.token).await.status().as_u16(), 200);
    assert_rejected(&app, &confused, "HS256 signed with the RSA public key").await;
}

#[tokio::test]
async fn eddsa_keys_rotate_without_logging_anyone_out() {
    let old = TestApp::spawn_with(|s| {
        s.auth.jwt_algorithm = api::settings::JwtAlgorithm::EdDsa;
        s.auth.jwt_private_key_file = Some(fixture("ed25519-old-private.pem"));
        s.auth.jwt_public_key_file = Some(fixture("ed25519-old-public.pem"));
        s.auth.jwt_key_id = Some("2026-old".to_owned());
    })
    .await;
    let user = old.user(&[]).await;
    let rotated = |previous: bool| {
        move |s: &mut api::Settings| {
            s.auth.jwt_algorithm = api::settings::JwtAlgorithm::EdDsa;
            s.auth.jwt_private_key_file = Some(fixture("ed25519-private.pem"));
            s.auth.jwt_public_key_file = Some(fixture("ed25519-public.pem"));
            s.auth.jwt_key_id = Some("2026-new".to_owned());
            if previous {
                let path = fixture("ed25519-old-public.pem").display().to_string();
                s.auth.jwt_previous_keys = vec![("2026-old".to_owned(), path)];
            }
        }
    };
    let with_previous = TestApp::spawn_with(rotated(true)).await;
    let without_previous = TestApp::spawn_with(rotated(false)).await;

    assert_eq!(
        jsonwebtoken::decode_header(&user.token).unwrap().alg,
        Algorithm::EdDSA
    );
    assert_eq!(
        status_with(&with_previous, &user.token)
            .await
            .status()
            .as_u16(),
        200
    );
    assert_rejected(
        &without_previous,
        &user.token,
        "a token of a key no longer held",
    )
    .await;
    let fresh = with_previous.user(&[]).await;
    assert_eq!(
        jsonwebtoken::decode_header(&fresh.token)
            .unwrap()
            .kid
            .as_deref(),
        Some("2026-new")
    );
}

#[tokio::test]
async fn a_role_change_applies_from_the_next_access_token() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[sonla_core::Role::Admin]).await;
    let user = app.user(&[]).await;

    let granted = app
        .post_as(
            &admin,
            &format!("/api/v1/users/{}/roles", user.id),
            &json!({"role": "officer"}),
        )
        .await;
    let before_refresh = app.get_as(&user, "/api/v1/users").await;
    let renewed = app.login(&user.email, &user.password).await;
    let after_refresh = app
        .client
        .get(app.url("/api/v1/users"))
        .bearer_auth(&renewed.access_token)
        .send()
        .await
        .unwrap();

    assert_eq!(granted.status().as_u16(), 200);
    assert_problem(before_refresh, 403, "forbidden").await;
    assert_eq!(after_refresh.status().as_u16(), 200);
}
