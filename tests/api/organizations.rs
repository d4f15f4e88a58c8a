//! `/api/v1/organizations` end to end.

use std::collections::HashSet;

use serde_json::{Value, json};
use sonla_test_support::{TestApp, TestUser, assert_problem, json};

async fn create(app: &TestApp, owner: &TestUser, body: &Value) -> Value {
    let response = app.post_as(owner, "/api/v1/organizations", body).await;
    assert_eq!(response.status().as_u16(), 201, "create {body}");
    json(response).await
}

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/organizations?{query}")).await;
    assert_eq!(response.status().as_u16(), 200, "list ?{query}");
    let body = json(response).await;
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn create_returns_201_with_location_and_the_stored_organisation() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;

    let response = app
        .post_as(
            &owner,
            "/api/v1/organizations",
            &json!({
                "name": "  Trường   Đại học Tây Bắc ",
                "kind": "university",
                "short_description": "Đại học vùng Tây Bắc",
                "website": "https://utb.edu.vn",
                "contact_email": "LienHe@UTB.edu.vn",
                "contact_phone": "+84 212 3751 700",
                "address": "Phường Quyết Tâm, Sơn La",
                "locality": "Phường Chiềng Sinh"
            }),
        )
        .await;

    assert_eq!(response.status().as_u16(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created = json(response).await;
    assert_eq!(
        location,
        format!("/api/v1/organizations/{}", created["id"].as_str().unwrap())
    );
    assert_eq!(
        created["name"], "Trường Đại học Tây Bắc",
        "white space is tidied"
    );
    assert_eq!(
        created["contact_email"], "lienhe@utb.edu.vn",
        "emails are lower-cased"
    );
    assert_eq!(created["kind"], "university");
    assert!(created["created_at"].as_str().unwrap().ends_with('Z'));
    let fetched = json(app.get(&location).await).await;
    assert_eq!(fetched, created);
}

#[tokio::test]
async fn minimal_body_is_name_and_kind() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;

    let created = create(
        &app,
        &owner,
        &json!({"name": "CLB Khởi nghiệp Sơn La", "kind": "club"}),
    )
    .await;

    assert_eq!(created["website"], Value::Null);
    assert_eq!(created["locality"], Value::Null);
}

#[tokio::test]
async fn update_changes_given_fields_and_null_clears() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let created = create(
        &app,
        &owner,
        &json!({"name": "HTX Chè Tà Xùa", "kind": "cooperative", "website": "https://taxua.vn", "locality": "Xã Tà Xùa"}),
    )
    .await;
    let path = format!("/api/v1/organizations/{}", created["id"].as_str().unwrap());

    let response = app
        .patch_as(
            &owner,
            &path,
            &json!({"website": null, "short_description": "Chè Shan tuyết"}),
        )
        .await;

    assert_eq!(response.status().as_u16(), 200);
    let updated = json(response).await;
    assert_eq!(updated["website"], Value::Null);
    assert_eq!(updated["short_description"], "Chè Shan tuyết");
    assert_eq!(updated["locality"], "Xã Tà Xùa", "absent fields stay");
    assert_eq!(updated["name"], "HTX Chè Tà Xùa");
    assert!(updated["updated_at"].as_str() >= created["updated_at"].as_str());
    assert_eq!(json(app.get(&path).await).await, updated);
}

#[tokio::test]
async fn renaming_updates_search() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let created = create(
        &app,
        &owner,
        &json!({"name": "Vườn ươm A", "kind": "incubator"}),
    )
    .await;
    let path = format!("/api/v1/organizations/{}", created["id"].as_str().unwrap());

    app.patch_as(&owner, &path, &json!({"name": "Vườn ươm Mộc Châu"}))
        .await;

    assert_eq!(names(&app, "q=moc%20chau").await, vec!["Vườn ươm Mộc Châu"]);
    assert!(names(&app, "q=vuon%20uom%20a").await.is_empty());
}

#[tokio::test]
async fn delete_returns_204_then_404() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let created = create(
        &app,
        &owner,
        &json!({"name": "Quỹ hỗ trợ khởi nghiệp", "kind": "fund"}),
    )
    .await;
    let path = format!("/api/v1/organizations/{}", created["id"].as_str().unwrap());

    let response = app.delete_as(&owner, &path).await;

    assert_eq!(response.status().as_u16(), 204);
    assert_problem(app.get(&path).await, 404, "organization_not_found").await;
    assert_problem(
        app.delete_as(&owner, &path).await,
        404,
        "organization_not_found",
    )
    .await;
    assert!(
        names(&app, "q=quy").await.is_empty(),
        "deleted records leave the search index"
    );
}

#[tokio::test]
async fn missing_organisations_are_404_for_every_method() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let path = format!("/api/v1/organizations/{}", uuid::Uuid::now_v7());

    assert_problem(app.get(&path).await, 404, "organization_not_found").await;
    assert_problem(
        app.patch_as(&owner, &path, &json!({"name": "X"})).await,
        404,
        "organization_not_found",
    )
    .await;
    assert_problem(
        app.delete_as(&owner, &path).await,
        404,
        "organization_not_found",
    )
    .await;
}

#[tokio::test]
async fn names_are_unique_ignoring_case_and_diacritics() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    create(
        &app,
        &owner,
        &json!({"name": "Đại học Tây Bắc", "kind": "university"}),
    )
    .await;
    let other = create(
        &app,
        &owner,
        &json!({"name": "Cao đẳng Sơn La", "kind": "college"}),
    )
    .await;

    let duplicate = app
        .post_as(
            &owner,
            "/api/v1/organizations",
            &json!({"name": "DAI HOC TAY BAC", "kind": "other"}),
        )
        .await;
    let rename = app
        .patch_as(
            &owner,
            &format!("/api/v1/organizations/{}", other["id"].as_str().unwrap()),
            &json!({"name": "đại học tây bắc"}),
        )
        .await;

    assert_problem(duplicate, 409, "organization_name_taken").await;
    assert_problem(rename, 409, "organization_name_taken").await;
    assert_eq!(
        names(&app, "").await,
        vec!["Cao đẳng Sơn La", "Đại học Tây Bắc"],
        "nothing was written"
    );
}

#[tokio::test]
async fn search_ignores_vietnamese_diacritics_and_case() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    for (name, kind) in [
        ("Trường Đại học Tây Bắc", "university"),
        ("Cao đẳng Sơn La", "college"),
        ("Hợp tác xã Nông sản Mộc Châu", "cooperative"),
        ("Sở Khoa học và Công nghệ Sơn La", "agency"),
    ] {
        create(&app, &owner, &json!({"name": name, "kind": kind})).await;
    }

    assert_eq!(
        names(&app, "q=dai%20hoc%20tay%20bac").await,
        vec!["Trường Đại học Tây Bắc"]
    );
    assert_eq!(
        names(&app, "q=%C4%90%E1%BA%A0I%20H%E1%BB%8CC").await,
        vec!["Trường Đại học Tây Bắc"],
        "ĐẠI HỌC"
    );
    assert_eq!(
        names(&app, "q=nong%20san").await,
        vec!["Hợp tác xã Nông sản Mộc Châu"]
    );
    assert_eq!(
        names(&app, "q=son%20la").await,
        vec!["Cao đẳng Sơn La", "Sở Khoa học và Công nghệ Sơn La"]
    );
    assert_eq!(
        names(&app, "q=cao%20dang").await,
        vec!["Cao đẳng Sơn La"],
        "đ matches d"
    );
    assert_eq!(
        names(&app, "q=khoa%20ho").await,
        vec!["Sở Khoa học và Công nghệ Sơn La"],
        "words match by prefix"
    );
    assert!(
        names(&app, "q=tay%20nguyen").await.is_empty(),
        "every word must match"
    );
}

#[tokio::test]
async fn search_covers_description_and_locality_and_combines_with_kind() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    create(
        &app,
        &owner,
        &json!({"name": "CLB A", "kind": "club", "short_description": "Khởi nghiệp nông nghiệp"}),
    )
    .await;
    create(
        &app,
        &owner,
        &json!({"name": "Công ty B", "kind": "business", "locality": "Xã Chiềng Mung"}),
    )
    .await;
    create(
        &app,
        &owner,
        &json!({"name": "CLB C", "kind": "club", "locality": "Phường Chiềng Sinh"}),
    )
    .await;

    assert_eq!(names(&app, "q=khoi%20nghiep").await, vec!["CLB A"]);
    assert_eq!(names(&app, "q=chieng").await, vec!["CLB C", "Công ty B"]);
    assert_eq!(names(&app, "q=chieng&kind=club").await, vec!["CLB C"]);
    assert_eq!(names(&app, "kind=business").await, vec!["Công ty B"]);
}

#[tokio::test]
async fn pages_follow_the_cursor_without_gaps_or_repeats_in_both_orders() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    let mut expected = Vec::new();
    for i in 0..7 {
        let name = format!("Tổ chức {i:02}");
        create(&app, &owner, &json!({"name": name, "kind": "other"})).await;
        expected.push(name);
    }

    for (sort, order) in [
        ("name", expected.clone()),
        ("newest", expected.iter().rev().cloned().collect()),
    ] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let after = cursor
                .as_ref()
                .map(|c| format!("&cursor={c}"))
                .unwrap_or_default();
            let path = format!("/api/v1/organizations?limit=3&sort={sort}{after}");
            let page = json(app.get(&path).await).await;
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 3);
            seen.extend(items.iter().map(|o| o["name"].as_str().unwrap().to_owned()));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen, order, "sort={sort}");
    }
}

#[tokio::test]
async fn pagination_is_stable_when_rows_are_inserted_between_pages() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    for i in 0..4 {
        create(
            &app,
            &owner,
            &json!({"name": format!("Cũ {i}"), "kind": "other"}),
        )
        .await;
    }
    let first = json(app.get("/api/v1/organizations?limit=2&sort=newest").await).await;
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();

    create(&app, &owner, &json!({"name": "Mới", "kind": "other"})).await;
    let second = json(
        app.get(&format!(
            "/api/v1/organizations?limit=2&sort=newest&cursor={cursor}"
        ))
        .await,
    )
    .await;

    let all: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(all, vec!["Cũ 3", "Cũ 2", "Cũ 1", "Cũ 0"]);
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), 4);
}

#[tokio::test]
async fn a_cursor_of_another_order_or_a_forged_one_is_400() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    for i in 0..3 {
        create(
            &app,
            &owner,
            &json!({"name": format!("Tổ chức {i}"), "kind": "other"}),
        )
        .await;
    }
    let page = json(app.get("/api/v1/organizations?limit=1&sort=name").await).await;
    let cursor = page["next_cursor"].as_str().unwrap();

    let other_order = app
        .get(&format!(
            "/api/v1/organizations?sort=newest&cursor={cursor}"
        ))
        .await;
    let forged = app
        .get("/api/v1/organizations?cursor=bm90LWEtY3Vyc29y")
        .await;

    assert_problem(other_order, 400, "invalid_cursor").await;
    assert_problem(forged, 400, "invalid_cursor").await;
}

#[tokio::test]
async fn limit_defaults_to_20_and_is_capped_at_100() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;
    for i in 0..21 {
        create(
            &app,
            &owner,
            &json!({"name": format!("Tổ chức {i:02}"), "kind": "other"}),
        )
        .await;
    }

    assert_eq!(names(&app, "").await.len(), 20);
    assert_eq!(names(&app, "limit=100").await.len(), 21);
    let body = assert_problem(
        app.get("/api/v1/organizations?limit=101").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "limit");
    assert_problem(
        app.get("/api/v1/organizations?limit=0").await,
        422,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn validation_reports_every_invalid_field() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;

    let response = app
        .post_as(
            &owner,
            "/api/v1/organizations",
            &json!({
                "name": "   ",
                "kind": "club",
                "website": "javascript:alert(1)",
                "contact_email": "not-an-email",
                "contact_phone": "12",
                "short_description": "x".repeat(501),
                "locality": "x".repeat(101)
            }),
        )
        .await;

    let body = assert_problem(response, 422, "validation_failed").await;
    let fields: HashSet<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    for expected in [
        ("name", "blank"),
        ("website", "http_url"),
        ("contact_email", "email"),
        ("contact_phone", "phone"),
        ("short_description", "length"),
        ("locality", "length"),
    ] {
        assert!(fields.contains(&expected), "missing {expected:?} in {body}");
    }
    assert!(names(&app, "").await.is_empty(), "nothing was written");
}

#[tokio::test]
async fn overlong_names_count_characters_not_bytes() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;

    let fits = app
        .post_as(
            &owner,
            "/api/v1/organizations",
            &json!({"name": "Đ".repeat(200), "kind": "other"}),
        )
        .await;
    let too_long = app
        .post_as(
            &owner,
            "/api/v1/organizations",
            &json!({"name": "Đ".repeat(201), "kind": "other"}),
        )
        .await;

    assert_eq!(fits.status().as_u16(), 201);
    let body = assert_problem(too_long, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "name");
    assert_eq!(body["errors"][0]["code"], "length");
}
