//! Hostile inputs: each gets the right 4xx as problem+json, never a 5xx, and nothing is
//! written by a refused request.

use serde_json::{Value, json};
use sonla_test_support::{TestApp, assert_problem, json};

const ORGS: &str = "/api/v1/organizations";

#[tokio::test]
async fn truncated_and_mistyped_bodies_are_4xx() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    for (body, status, code) in [
        (r#"{"name": "CLB", "kind": "cl"#, 400, "malformed_json"),
        (r#"{"name": "CLB", "kind": "club""#, 400, "malformed_json"),
        (
            r#"{"name": ["CLB"], "kind": "club"}"#,
            422,
            "validation_failed",
        ),
        (r#"{"name": "CLB", "kind": 7}"#, 422, "validation_failed"),
        (
            r#"{"name": null, "kind": "club"}"#,
            422,
            "validation_failed",
        ),
        (r#""just a string""#, 422, "validation_failed"),
        ("null", 422, "validation_failed"),
    ] {
        let response = app.post_raw(&user, ORGS, "application/json", body).await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        assert_problem(response, status, code).await;
    }
    assert!(
        json(app.get(ORGS).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn overlong_strings_and_lists_are_422() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let long = "ạ".repeat(20_001);

    let title = app
        .post_as(&user, "/api/v1/ideas", &json!({"title": "A", "summary": "B", "description": long, "sector": "other", "stage": "idea", "visibility": "public"}))
        .await;
    let tags = app
        .post_as(&user, "/api/v1/ideas", &json!({"title": "A", "summary": "B", "sector": "other", "stage": "idea", "visibility": "public", "tags": vec!["t"; 1000]}))
        .await;
    let query = app.get(&format!("{ORGS}?q={}", "a".repeat(500))).await;

    assert_problem(title, 422, "validation_failed").await;
    assert_problem(tags, 422, "validation_failed").await;
    assert_problem(query, 422, "validation_failed").await;
}

#[tokio::test]
async fn sql_and_html_are_stored_as_text_and_searched_safely() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let sql = "CLB'); DROP TABLE organizations; --";
    let html = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    let created = app
        .post_as(
            &user,
            ORGS,
            &json!({"name": sql, "kind": "club", "short_description": html}),
        )
        .await;
    assert_eq!(created.status().as_u16(), 201);
    let body = json(created).await;
    let search = app
        .get(&format!("{ORGS}?q={}", urlencode("zzz' OR ''='")))
        .await;
    let wildcards = app.get(&format!("{ORGS}?q={}", urlencode("%_% qz"))).await;

    assert_eq!(body["name"], sql, "stored verbatim, as data");
    assert_eq!(
        body["short_description"], html,
        "JSON carries it as a string; rendering safely is the client's job"
    );
    assert_eq!(search.status().as_u16(), 200);
    assert_eq!(
        json(search).await["items"].as_array().unwrap().len(),
        0,
        "no always-true clause"
    );
    assert_eq!(wildcards.status().as_u16(), 200);
    assert_eq!(
        json(wildcards).await["items"].as_array().unwrap().len(),
        0,
        "`%` and `_` are not wildcards"
    );
    assert_eq!(
        json(app.get(ORGS).await).await["items"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "the table is still there"
    );
}

#[tokio::test]
async fn confusable_emails_are_refused() {
    let app = TestApp::spawn().await;
    app.post_json(
        "/api/v1/auth/register",
        &json!({"email": "admin@example.org", "password": "mật khẩu rất dài", "full_name": "A"}),
    )
    .await;

    // "а" below is Cyrillic U+0430, not Latin "a".
    let confusable = app
        .post_json("/api/v1/auth/register", &json!({"email": "\u{430}dmin@example.org", "password": "mật khẩu rất dài", "full_name": "B"}))
        .await;
    let fullwidth = app
        .post_json("/api/v1/auth/register", &json!({"email": "admin@ｅxample.org", "password": "mật khẩu rất dài", "full_name": "C"}))
        .await;

    let body = assert_problem(confusable, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "email");
    assert_problem(fullwidth, 422, "validation_failed").await;
}

#[tokio::test]
async fn odd_headers_and_paths_never_cause_a_5xx() {
    let app = TestApp::spawn().await;

    let responses = [
        app.client
            .get(app.url("/api/v1/organizations/%00"))
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api/v1/organizations/../../etc/passwd"))
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api/v1/me"))
            .header("authorization", "Bearer ".to_owned() + &"a.".repeat(3000))
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api/v1/organizations"))
            .header("accept-language", "x".repeat(4000))
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api/v1/organizations?limit=99999999999999999999"))
            .send()
            .await
            .unwrap(),
    ];

    for response in responses {
        let status = response.status().as_u16();
        assert!(
            (200..500).contains(&status),
            "{} gave {status}",
            response.url()
        );
    }
}

/// Every searchable list refuses a `q` with no word in it, instead of matching everything;
/// query syntax around a word is plain text.
#[tokio::test]
async fn a_search_without_a_word_is_422_on_every_list() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[sonla_core::Role::Officer]).await;
    app.idea(&officer, "Nông sản sạch", json!({})).await;
    for list in ["/api/v1/ideas", ORGS, "/api/v1/users"] {
        for q in ["", "   ", "\"*\"", "()-:^", "!!!", "&|!<->"] {
            let path = format!("{list}?q={}", urlencode(q));
            let body =
                assert_problem(app.get_as(&officer, &path).await, 422, "validation_failed").await;
            assert_eq!(body["errors"][0]["field"], "q", "{path}: {body}");
            assert_eq!(body["errors"][0]["code"], "no_words", "{path}: {body}");
        }
        let path = format!("{list}?q={}", urlencode("\"nông\" OR (sản)* -:^"));
        let response = app.get_as(&officer, &path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
    }
    let path = format!("/api/v1/ideas?q={}", urlencode("(nông) \"sản\"*"));
    let found = json(app.get_as(&officer, &path).await).await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");
}

/// NUL and the other control characters no field takes are a 422 naming the input, in every
/// kind of input and before any write, on both databases (PostgreSQL cannot store NUL in text
/// and answered 500); tab and line breaks are text like any other.
#[tokio::test]
async fn control_characters_in_any_input_are_422() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let idea = |changes: Value| {
        let mut body = json!({"title": "Nông sản", "summary": "Tóm tắt", "sector": "other",
                              "stage": "idea", "visibility": "public"});
        body.as_object_mut()
            .unwrap()
            .extend(changes.as_object().unwrap().clone());
        body
    };
    let bodies = [
        (
            "/api/v1/auth/register",
            None,
            json!({"email": "a\u{0}@utb.edu.vn", "password": "mật khẩu đủ dài", "full_name": "Lò Văn A"}),
            "email",
        ),
        (
            "/api/v1/auth/login",
            None,
            json!({"email": "a@utb.edu.vn", "password": "mật\u{0}khẩu"}),
            "password",
        ),
        (
            "/api/v1/ideas",
            Some(&user),
            idea(json!({"title": "Nông\u{0}sản"})),
            "title",
        ),
        (
            "/api/v1/ideas",
            Some(&user),
            idea(json!({"tags": ["ok", "x\u{1b}[31m"]})),
            "tags[1]",
        ),
        (
            "/api/v1/ideas",
            Some(&user),
            idea(json!({"bad\u{0}key": 1})),
            "badkey",
        ),
        (
            ORGS,
            Some(&user),
            json!({"name": "CLB\u{85}", "kind": "club"}),
            "name",
        ),
    ];
    let refused = |problem: &Value| -> Vec<(String, String)> {
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["field"].to_string(), e["code"].to_string()))
            .collect()
    };
    let only = |field: &str| vec![(format!("\"{field}\""), "\"control_character\"".to_owned())];
    for (path, who, body, field) in bodies {
        let request = app.client.post(app.url(path)).json(&body);
        let request = match who {
            Some(who) => request.bearer_auth(&who.token),
            None => request,
        };
        let problem = assert_problem(request.send().await.unwrap(), 422, "validation_failed").await;
        assert_eq!(refused(&problem), only(field), "{path}: {problem}");
    }
    for (path, field) in [
        (format!("/api/v1/ideas?q={}", urlencode("nông\u{0}")), "q"),
        (format!("{ORGS}?q=clb&{}=1", urlencode("x\u{1}")), "x"),
        (format!("/api/v1/search?q={}", urlencode("a\u{7f}")), "q"),
    ] {
        let problem =
            assert_problem(app.get_as(&user, &path).await, 422, "validation_failed").await;
        assert_eq!(refused(&problem), only(field), "{path}: {problem}");
    }
    // Nothing was written.
    assert!(
        json(app.get(ORGS).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let ideas = json(app.get_as(&user, "/api/v1/ideas").await).await;
    assert!(ideas["items"].as_array().unwrap().is_empty(), "{ideas}");

    let text = "Dòng một\r\n\tDòng hai";
    let kept = app
        .post_as(&user, "/api/v1/ideas", &idea(json!({"description": text})))
        .await;
    assert_eq!(kept.status().as_u16(), 201);
    assert_eq!(json(kept).await["description"], text);
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn overlong_conditions_are_400() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let tag = format!("W/\"{}\"", "a".repeat(1100));

    let patch = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&user.token)
        .header("if-match", &tag)
        .json(&json!({"full_name": "Tên mới"}))
        .send()
        .await
        .unwrap();
    let get = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&user.token)
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();

    for answer in [&patch, &get] {
        assert!(
            answer.headers().contains_key("ratelimit-limit"),
            "the 400 carries the quota like every answer"
        );
    }
    assert_problem(patch, 400, "bad_request").await;
    assert_problem(get, 400, "bad_request").await;
    let me = json(app.get_as(&user, "/api/v1/me").await).await;
    assert_ne!(me["full_name"], "Tên mới", "nothing was written");
}

/// Request heads past the documented limits get 431 as a problem document (actix-http's own
/// limits, higher, answer without a body); a large but allowed header is served.
#[tokio::test]
async fn oversized_request_heads_are_431_problems() {
    let app = TestApp::spawn().await;
    let big = app
        .client
        .get(app.url(ORGS))
        .header("x-trace", "a".repeat(20 * 1024))
        .send()
        .await
        .unwrap();
    let mut many = app.client.get(app.url(ORGS));
    for i in 0..70 {
        many = many.header(format!("x-extra-{i}"), "1");
    }
    let many = many.send().await.unwrap();
    let allowed = app
        .client
        .get(app.url(ORGS))
        .header("x-trace", "a".repeat(8 * 1024))
        .send()
        .await
        .unwrap();

    assert_problem(big, 431, "headers_too_large").await;
    assert_problem(many, 431, "headers_too_large").await;
    assert_eq!(allowed.status().as_u16(), 200);
}

/// A condition that is not ASCII can match no tag the server writes: 400, not a condition
/// silently ignored (a change would otherwise go through unconditionally).
#[tokio::test]
async fn conditions_that_are_not_ascii_are_400() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let not_ascii = reqwest::header::HeaderValue::from_bytes(b"W/\"\xc2\x84\"").unwrap();

    let patch = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&user.token)
        .header("if-match", not_ascii)
        .json(&json!({"full_name": "Tên mới"}))
        .send()
        .await
        .unwrap();

    assert_problem(patch, 400, "bad_request").await;
    let me = json(app.get_as(&user, "/api/v1/me").await).await;
    assert_ne!(me["full_name"], "Tên mới", "nothing was written");
}
