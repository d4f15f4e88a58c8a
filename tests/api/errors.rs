//! Every kind of error is `application/problem+json` with a stable code, in Vietnamese by
//! default and in English on request.

use serde_json::json;
use sonla_test_support::{TestApp, assert_problem, test_settings};

const ORGS: &str = "/api/v1/organizations";

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    for body in [
        "{\"name\": ",
        "{\"name\": \"a\",}",
        "not json",
        "{} trailing",
        "",
    ] {
        let response = app.post_raw(&user, ORGS, "application/json", body).await;
        assert_problem(response, 400, "malformed_json").await;
    }
}

#[tokio::test]
async fn invalid_utf8_and_deep_nesting_are_400() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let invalid_utf8 = b"{\"name\": \"\xff\xfe\", \"kind\": \"club\"}".to_vec();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));

    for body in [invalid_utf8, deep.into_bytes()] {
        let response = app.post_raw(&user, ORGS, "application/json", body).await;
        assert_problem(response, 400, "malformed_json").await;
    }
}

#[tokio::test]
async fn wrong_types_unknown_and_missing_fields_are_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    for (body, field, code) in [
        (json!({"name": 42, "kind": "club"}), "name", "invalid_type"),
        (
            json!({"name": "A", "kind": "club", "nme": "typo"}),
            "nme",
            "unknown_field",
        ),
        (json!({"name": "A"}), "kind", "required"),
        (
            json!({"name": "A", "kind": "galaxy"}),
            "kind",
            "invalid_choice",
        ),
        (json!(["not", "an", "object"]), "", "invalid_type"),
    ] {
        let problem = assert_problem(
            app.post_as(&user, ORGS, &body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{body} → {problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{body} → {problem}");
        assert!(
            problem["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;

    let text = app.post_raw(&user, ORGS, "text/plain", "{}").await;
    let none = app
        .client
        .post(app.url(ORGS))
        .bearer_auth(&user.token)
        .body("{\"name\":\"A\",\"kind\":\"club\"}")
        .send()
        .await
        .unwrap();
    let form = app
        .client
        .post(app.url(ORGS))
        .bearer_auth(&user.token)
        .form(&[("name", "A"), ("kind", "club")])
        .send()
        .await
        .unwrap();

    assert_problem(text, 415, "unsupported_media_type").await;
    assert_problem(none, 415, "unsupported_media_type").await;
    assert_problem(form, 415, "unsupported_media_type").await;
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let app = TestApp::spawn_with(|s| s.max_body_bytes = 4096).await;
    let user = app.user(&[]).await;
    let big = json!({"name": "A", "kind": "club", "short_description": "x".repeat(10_000)});

    let declared = app.post_as(&user, ORGS, &big).await;
    let chunked = app
        .client
        .post(app.url(ORGS))
        .bearer_auth(&user.token)
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(vec![
            Ok::<_, std::io::Error>(big.to_string().into_bytes()),
        ])))
        .send()
        .await
        .unwrap();

    assert_problem(declared, 413, "payload_too_large").await;
    assert_problem(chunked, 413, "payload_too_large").await;
}

#[tokio::test]
async fn a_10_mb_body_is_refused_with_413_by_default() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let body = vec![b' '; 10 * 1024 * 1024];

    let response = app.post_raw(&user, ORGS, "application/json", body).await;

    assert_problem(response, 413, "payload_too_large").await;
}

#[tokio::test]
async fn bad_path_parameter_is_400() {
    let app = TestApp::spawn().await;

    let response = app.get("/api/v1/organizations/not-a-uuid").await;

    assert_problem(response, 400, "invalid_path_parameter").await;
}

#[tokio::test]
async fn bad_query_parameters_are_400() {
    let app = TestApp::spawn().await;

    for query in ["limit=abc", "limit=-1", "kind=galaxy", "sort=random"] {
        assert_problem(
            app.get(&format!("{ORGS}?{query}")).await,
            400,
            "invalid_query_parameter",
        )
        .await;
    }
}

#[tokio::test]
async fn unknown_routes_are_404() {
    let app = TestApp::spawn().await;

    for path in [
        "/api/v1/nothing",
        "/",
        "/api/v2/organizations",
        "/api/v1/organizations/a/b/c",
        "/api/v1/organizations/",
    ] {
        let body = assert_problem(app.get(path).await, 404, "not_found").await;
        assert_eq!(body["instance"], path);
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let app = TestApp::spawn().await;
    let one = format!("{ORGS}/{}", uuid::Uuid::now_v7());

    let put_list = app.client.put(app.url(ORGS)).send().await.unwrap();
    let post_one = app.client.post(app.url(&one)).send().await.unwrap();
    let delete_live = app
        .client
        .delete(app.url("/health/live"))
        .send()
        .await
        .unwrap();

    assert_eq!(put_list.headers()["allow"], "GET, POST");
    assert_problem(put_list, 405, "method_not_allowed").await;
    assert_eq!(post_one.headers()["allow"], "DELETE, GET, PATCH");
    assert_problem(post_one, 405, "method_not_allowed").await;
    assert_eq!(delete_live.headers()["allow"], "GET");
    assert_problem(delete_live, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn a_literal_path_is_not_mistaken_for_a_parameter_of_its_sibling() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let idea = uuid::Uuid::now_v7();

    // `/ideas/count` is not an idea, `/ideas/{id}/history` not an action.
    let patch_count = app.patch_as(&user, "/api/v1/ideas/count", &json!({})).await;
    let post_history = app
        .post_as(&user, &format!("/api/v1/ideas/{idea}/history"), &json!({}))
        .await;
    let bad_id = app.get_as(&user, "/api/v1/ideas/not-an-id").await;

    assert_eq!(patch_count.headers()["allow"], "GET");
    assert_problem(patch_count, 405, "method_not_allowed").await;
    assert_eq!(post_history.headers()["allow"], "GET");
    assert_problem(post_history, 405, "method_not_allowed").await;
    assert_problem(bad_id, 400, "invalid_path_parameter").await;
}

#[tokio::test]
async fn messages_are_vietnamese_by_default_and_english_on_request() {
    let app = TestApp::spawn().await;
    let path = format!("{ORGS}/{}", uuid::Uuid::now_v7());

    let vi = app.get(&path).await;
    let en = app
        .client
        .get(app.url(&path))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();

    assert_eq!(vi.headers()["content-language"], "vi");
    assert_eq!(en.headers()["content-language"], "en");
    let vi = assert_problem(vi, 404, "organization_not_found").await;
    let en = assert_problem(en, 404, "organization_not_found").await;
    assert_eq!(vi["title"], "Không tìm thấy tổ chức");
    assert_eq!(en["title"], "Organisation not found");
    assert_eq!(vi["instance"], path);
}

#[tokio::test]
async fn field_messages_follow_the_language_too() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let body = json!({"name": "", "kind": "club"});

    let vi = app.post_as(&user, ORGS, &body).await;
    let en = app
        .client
        .post(app.url(ORGS))
        .bearer_auth(&user.token)
        .header("accept-language", "en")
        .json(&body)
        .send()
        .await
        .unwrap();

    let vi = assert_problem(vi, 422, "validation_failed").await;
    let en = assert_problem(en, 422, "validation_failed").await;
    let message = |p: &serde_json::Value, code: &str| {
        p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == code)
            .unwrap()["message"]
            .clone()
    };
    assert_eq!(message(&vi, "blank"), "Không được để trống");
    assert_eq!(message(&en, "blank"), "Must not be blank");
}

#[tokio::test]
async fn readiness_is_503_with_retry_after_when_the_database_is_unreachable() {
    // A pool that points at a closed port: nothing listens on 127.0.0.1:1.
    let mut settings = test_settings("postgres://postgres@127.0.0.1:1/none?connect_timeout=1");
    settings.db_timeout = std::time::Duration::from_secs(1);
    let url = settings.db_url().unwrap();
    let pool = sonla_db::DbPool::lazy(
        &url,
        &sonla_db::PoolOptions {
            max_size: 1,
            connection_timeout: settings.db_timeout,
        },
    );
    let app = api::Application::build_with_pool(&settings, pool).unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    let _server = sonla_test_support::spawn_server(app);
    let client = reqwest::Client::new();

    let ready = client
        .get(format!("{address}/health/ready"))
        .send()
        .await
        .unwrap();
    let live = client
        .get(format!("{address}/health/live"))
        .send()
        .await
        .unwrap();
    let list = client.get(format!("{address}{ORGS}")).send().await.unwrap();

    assert_eq!(ready.headers()["retry-after"], "5");
    let body = assert_problem(ready, 503, "service_unavailable").await;
    assert!(
        !body.to_string().contains("127.0.0.1:1"),
        "no internals in errors: {body}"
    );
    assert_eq!(
        live.status().as_u16(),
        200,
        "liveness does not depend on the database"
    );
    assert_problem(list, 503, "service_unavailable").await;
}

#[tokio::test]
async fn problem_types_are_described() {
    let app = TestApp::spawn().await;

    let one = app
        .client
        .get(app.url("/problems/organization_not_found"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let list = app.get("/problems").await;
    let missing = app.get("/problems/no_such_code").await;

    assert_eq!(one.status().as_u16(), 200);
    let one: serde_json::Value = one.json().await.unwrap();
    assert_eq!(
        one,
        json!({"code": "organization_not_found", "status": 404, "title": "Organisation not found"})
    );
    let list: serde_json::Value = list.json().await.unwrap();
    assert!(list.as_array().unwrap().len() > 10);
    assert_problem(missing, 404, "problem_type_not_found").await;
}

#[tokio::test]
async fn a_whole_number_written_with_a_fraction_is_an_integer() {
    let app = TestApp::spawn().await;
    let user = app.user(&[]).await;
    let body = |funding: serde_json::Value| {
        json!({"title": "Cà phê Mộc Châu", "summary": "Rang xay", "sector": "agriculture",
            "stage": "idea", "visibility": "public", "funding_need_vnd": funding})
    };

    let whole = app
        .post_as(&user, "/api/v1/ideas", &body(json!(250_000_000.0)))
        .await;
    let fractional = app
        .post_as(&user, "/api/v1/ideas", &body(json!(250_000_000.5)))
        .await;

    assert_eq!(whole.status().as_u16(), 201);
    assert_eq!(
        sonla_test_support::json(whole).await["funding_need_vnd"],
        250_000_000
    );
    assert_problem(fractional, 422, "validation_failed").await;
}

#[tokio::test]
async fn every_paged_list_refuses_a_cursor_it_did_not_make_with_400() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[sonla_core::Role::Admin]).await;
    let forged = "eyJub3QiOiJvdXJzIn0";
    for list in [
        "/api/v1/organizations",
        "/api/v1/ideas",
        "/api/v1/me/ideas",
        "/api/v1/competitions",
        "/api/v1/me/assignments",
        "/api/v1/users",
        "/api/v1/audit",
    ] {
        let response = app.get_as(&admin, &format!("{list}?cursor={forged}")).await;
        assert_eq!(response.status().as_u16(), 400, "{list}");
        assert_problem(response, 400, "invalid_cursor").await;
    }
}

#[tokio::test]
async fn an_optional_body_may_be_absent_but_not_wrong() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let created = app
        .post_as(
            &lead,
            "/api/v1/ideas",
            &json!({"title": "Chè Shan tuyết Tà Xùa", "summary": "Chè cổ thụ", "sector": "agriculture",
                "stage": "idea", "visibility": "public"}),
        )
        .await;
    let id = sonla_test_support::json(created).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let submit = app.url(&format!("/api/v1/ideas/{id}/submit"));

    let wrong = app
        .client
        .post(&submit)
        .bearer_auth(&lead.token)
        .json(&json!(["ghi chú"]))
        .send()
        .await
        .unwrap();
    assert_problem(wrong, 422, "validation_failed").await;
    let idea =
        sonla_test_support::json(app.get_as(&lead, &format!("/api/v1/ideas/{id}")).await).await;
    assert_eq!(idea["status"], "draft", "a wrong body changes nothing");

    let absent = app
        .client
        .post(&submit)
        .bearer_auth(&lead.token)
        .send()
        .await
        .unwrap();
    assert_eq!(absent.status().as_u16(), 200);
}
