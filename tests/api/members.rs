//! Organisation memberships: owners, managers and members, and an owner always kept.

use serde_json::{Value, json};
use sonla_core::Role;
use sonla_test_support::{TestApp, TestUser, assert_problem, json};

fn members(org: &str) -> String {
    format!("/api/v1/organizations/{org}/members")
}

async fn add(
    app: &TestApp,
    by: &TestUser,
    org: &str,
    user: &TestUser,
    role: &str,
) -> reqwest::Response {
    app.post_as(
        by,
        &members(org),
        &json!({"user_id": user.id, "role": role}),
    )
    .await
}

fn roles(list: &Value) -> Vec<(String, String)> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["user_id"].as_str().unwrap().to_owned(),
                m["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_creator_is_the_owner() {
    let app = TestApp::spawn().await;
    let owner = app.user(&[]).await;

    let org = app.organization(&owner).build().await;
    let list = json(app.get_as(&owner, &members(&org)).await).await;

    assert_eq!(roles(&list), vec![(owner.id.clone(), "owner".to_owned())]);
    assert!(
        list["items"][0]["full_name"]
            .as_str()
            .unwrap()
            .starts_with("Người dùng")
    );
}

#[tokio::test]
async fn owners_add_anyone_and_managers_add_members_only() {
    let app = TestApp::spawn().await;
    let (owner, manager, member, other) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let org = app.organization(&owner).build().await;

    assert_eq!(
        add(&app, &owner, &org, &manager, "manager")
            .await
            .status()
            .as_u16(),
        201
    );
    assert_eq!(
        add(&app, &manager, &org, &member, "member")
            .await
            .status()
            .as_u16(),
        201
    );
    assert_problem(
        add(&app, &manager, &org, &other, "owner").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        add(&app, &manager, &org, &other, "manager").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        add(&app, &member, &org, &other, "member").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        add(&app, &other, &org, &other, "member").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        add(&app, &owner, &org, &member, "member").await,
        409,
        "already_member",
    )
    .await;
    let ghost = TestUser {
        id: uuid::Uuid::now_v7().to_string(),
        ..other.clone()
    };
    assert_problem(
        add(&app, &owner, &org, &ghost, "member").await,
        422,
        "invalid_reference",
    )
    .await;

    let list = json(app.get_as(&member, &members(&org)).await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn only_members_and_staff_see_the_member_list() {
    let app = TestApp::spawn().await;
    let (owner, outsider, officer) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[Role::Officer]).await,
    );
    let org = app.organization(&owner).build().await;

    assert_problem(app.get(&members(&org)).await, 401, "unauthenticated").await;
    assert_problem(
        app.get_as(&outsider, &members(&org)).await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        app.get_as(&officer, &members(&org)).await.status().as_u16(),
        200
    );
    let missing = members(&uuid::Uuid::now_v7().to_string());
    assert_problem(
        app.get_as(&officer, &missing).await,
        404,
        "organization_not_found",
    )
    .await;
}

#[tokio::test]
async fn an_organisation_always_keeps_an_owner() {
    let app = TestApp::spawn().await;
    let (owner, second) = (app.user(&[]).await, app.user(&[]).await);
    let org = app.organization(&owner).build().await;
    let me = format!("{}/{}", members(&org), owner.id);

    let leave = app.delete_as(&owner, &me).await;
    let demote = app.patch_as(&owner, &me, &json!({"role": "member"})).await;
    add(&app, &owner, &org, &second, "owner").await;
    let demote_now = app.patch_as(&owner, &me, &json!({"role": "manager"})).await;
    let second_path = format!("{}/{}", members(&org), second.id);
    let last_leaves = app.delete_as(&second, &second_path).await;

    assert_problem(leave, 409, "last_owner").await;
    assert_problem(demote, 409, "last_owner").await;
    assert_eq!(demote_now.status().as_u16(), 200, "another owner exists");
    assert_problem(last_leaves, 409, "last_owner").await;
}

#[tokio::test]
async fn members_leave_and_managers_remove_members_but_not_owners() {
    let app = TestApp::spawn().await;
    let (owner, manager, member, other) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let org = app.organization(&owner).build().await;
    add(&app, &owner, &org, &manager, "manager").await;
    add(&app, &owner, &org, &member, "member").await;
    add(&app, &owner, &org, &other, "member").await;
    let path = |u: &TestUser| format!("{}/{}", members(&org), u.id);

    assert_problem(
        app.delete_as(&member, &path(&other)).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.delete_as(&manager, &path(&owner)).await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        app.delete_as(&manager, &path(&other))
            .await
            .status()
            .as_u16(),
        204
    );
    assert_eq!(
        app.delete_as(&member, &path(&member))
            .await
            .status()
            .as_u16(),
        204,
        "leaving"
    );
    assert_problem(
        app.delete_as(&owner, &path(&member)).await,
        404,
        "member_not_found",
    )
    .await;
    assert_problem(
        app.patch_as(&manager, &path(&manager), &json!({"role": "owner"}))
            .await,
        403,
        "forbidden",
    )
    .await;
    let actions = app.audit_actions().await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "organization.member_removed")
            .count(),
        2
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "organization.member_added")
            .count(),
        3
    );
}

#[tokio::test]
async fn who_may_edit_and_delete_an_organisation() {
    let app = TestApp::spawn().await;
    let (owner, manager, member, outsider) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let (officer, admin) = (
        app.user(&[Role::Officer]).await,
        app.user(&[Role::Admin]).await,
    );
    let org = app.organization(&owner).build().await;
    add(&app, &owner, &org, &manager, "manager").await;
    add(&app, &owner, &org, &member, "member").await;
    let path = format!("/api/v1/organizations/{org}");
    let edit = json!({"short_description": "Câu lạc bộ khởi nghiệp"});

    for (who, expected) in [
        (&member, 403),
        (&outsider, 403),
        (&manager, 200),
        (&officer, 200),
        (&admin, 200),
        (&owner, 200),
    ] {
        assert_eq!(
            app.patch_as(who, &path, &edit).await.status().as_u16(),
            expected
        );
    }
    assert_problem(app.patch_json(&path, &edit).await, 401, "unauthenticated").await;
    for (who, expected) in [(&manager, 403), (&officer, 403), (&member, 403)] {
        assert_eq!(app.delete_as(who, &path).await.status().as_u16(), expected);
    }
    assert_eq!(app.delete_as(&owner, &path).await.status().as_u16(), 204);
}

#[tokio::test]
async fn racing_demotions_of_two_owners_keep_one() {
    let app = TestApp::spawn_with(|s| s.workers = 2).await;
    let (a, b) = (app.user(&[]).await, app.user(&[]).await);
    let org = app.organization(&a).build().await;
    add(&app, &a, &org, &b, "owner").await;

    let (path_a, path_b) = (
        format!("{}/{}", members(&org), a.id),
        format!("{}/{}", members(&org), b.id),
    );
    let demote = json!({"role": "member"});
    let (ra, rb) = tokio::join!(
        app.patch_as(&a, &path_a, &demote),
        app.patch_as(&b, &path_b, &demote)
    );

    let mut statuses = [ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [200, 409] || statuses == [200, 403],
        "{statuses:?}"
    );
    let list = json(app.get_as(&a, &members(&org)).await).await;
    assert_eq!(roles(&list).iter().filter(|(_, r)| r == "owner").count(), 1);
}
