//! `/api/v1/users`: search for staff, and the rules on global roles.

use serde_json::json;
use sonla_core::Role;
use sonla_test_support::{TestApp, assert_problem, json};

async fn register(app: &TestApp, email: &str, name: &str) -> String {
    let body = json!({"email": email, "password": "mật khẩu rất dài", "full_name": name});
    json(app.post_json("/api/v1/auth/register", &body).await).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn names(page: &serde_json::Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["full_name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn officers_search_users_ignoring_diacritics_and_filter_by_role() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let admin = app.user(&[Role::Admin]).await;
    register(&app, "quang@example.org", "Quàng Văn Đông").await;
    let judge = register(&app, "lo@example.org", "Lò Thị Đào").await;
    app.post_as(
        &admin,
        &format!("/api/v1/users/{judge}/roles"),
        &json!({"role": "judge"}),
    )
    .await;

    let by_name = json(
        app.get_as(&officer, "/api/v1/users?q=quang%20van%20dong")
            .await,
    )
    .await;
    let by_email = json(app.get_as(&officer, "/api/v1/users?q=lo%40example").await).await;
    let judges = json(app.get_as(&officer, "/api/v1/users?role=judge").await).await;

    assert_eq!(names(&by_name), vec!["Quàng Văn Đông"]);
    assert_eq!(names(&by_email), vec!["Lò Thị Đào"]);
    assert_eq!(names(&judges), vec!["Lò Thị Đào"]);
    assert_eq!(judges["items"][0]["roles"], json!(["judge", "member"]));
}

#[tokio::test]
async fn user_pages_follow_the_cursor() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    for i in 0..4 {
        register(&app, &format!("u{i}@example.org"), &format!("Người {i}")).await;
    }

    let first = json(app.get_as(&officer, "/api/v1/users?limit=3").await).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = json(
        app.get_as(&officer, &format!("/api/v1/users?limit=3&cursor={cursor}"))
            .await,
    )
    .await;

    let mut all = names(&first);
    all.extend(names(&second));
    assert_eq!(all.len(), 5, "four registered and the officer: {all:?}");
    assert_eq!(second["next_cursor"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_user_sees_themself_but_not_others() {
    let app = TestApp::spawn().await;
    let (a, b) = (app.user(&[]).await, app.user(&[]).await);

    assert_eq!(
        app.get_as(&a, &format!("/api/v1/users/{}", a.id))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_problem(
        app.get_as(&a, &format!("/api/v1/users/{}", b.id)).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn member_stays_and_the_last_admin_stays() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let other = app.user(&[]).await;

    let member = app
        .delete_as(&admin, &format!("/api/v1/users/{}/roles/member", other.id))
        .await;
    let last_admin = app
        .delete_as(&admin, &format!("/api/v1/users/{}/roles/admin", admin.id))
        .await;
    app.post_as(
        &admin,
        &format!("/api/v1/users/{}/roles", other.id),
        &json!({"role": "admin"}),
    )
    .await;
    let now_allowed = app
        .delete_as(&admin, &format!("/api/v1/users/{}/roles/admin", admin.id))
        .await;
    let unknown_role = app
        .delete_as(&admin, &format!("/api/v1/users/{}/roles/emperor", other.id))
        .await;
    let missing = app
        .post_as(
            &admin,
            &format!("/api/v1/users/{}/roles", uuid::Uuid::now_v7()),
            &json!({"role": "judge"}),
        )
        .await;

    assert_problem(member, 409, "conflict").await;
    assert_problem(last_admin, 409, "last_admin").await;
    assert_eq!(now_allowed.status().as_u16(), 204);
    assert_problem(unknown_role, 400, "invalid_path_parameter").await;
    assert_problem(missing, 404, "user_not_found").await;
}
