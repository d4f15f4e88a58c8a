//! `If-Match` on every change of a sub-resource: a stale tag is 412 and changes nothing, the
//! current one (from a read, a list, or the answer of the last change) goes ahead, and two
//! changes sent with the same tag at once never both win.
//!
//! A listed item's tag is the weak tag of its JSON exactly as listed, which a client computes
//! itself; [`raw_items`] keeps that text byte for byte.

use std::collections::HashMap;

use reqwest::Method;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use sonla_core::Role;
use sonla_test_support::{
    COMPETITIONS, TestApp, TestUser, all, assert_problem, id_of, json, ok, round_one,
};

use crate::ideas::IDEAS;

/// A tag no representation has.
const STALE: &str = "W/\"000000000000000000000000\"";

/// The raw JSON of each item of a list (a bare array, or a page's `items`), as sent.
fn raw_items(text: &str) -> Vec<String> {
    let items = if text.trim_start().starts_with('[') {
        text.to_owned()
    } else {
        let page: HashMap<String, Box<RawValue>> = serde_json::from_str(text).unwrap();
        page["items"].get().to_owned()
    };
    serde_json::from_str::<Vec<Box<RawValue>>>(&items)
        .unwrap()
        .into_iter()
        .map(|raw| raw.get().to_owned())
        .collect()
}

/// The item of the list at `path` whose `key` is `value`, with the tag a client computes for
/// it; `None` when it is not listed.
async fn listed(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    key: &str,
    value: &str,
) -> Option<(Value, String)> {
    let response = app.get_as(user, path).await;
    assert_eq!(response.status().as_u16(), 200, "list {path}");
    raw_items(&response.text().await.unwrap())
        .into_iter()
        .map(|raw| {
            let item: Value = serde_json::from_str(&raw).unwrap();
            (item, sonla_core::etag_of_bytes(raw.as_bytes()))
        })
        .find(|(item, _)| item[key] == value)
}

fn etag(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("etag")
        .unwrap_or_else(|| panic!("no ETag on {}", response.url()))
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn organisation_members_change_and_leave_only_when_unchanged() {
    let app = TestApp::spawn().await;
    let (owner, member) = (app.user(&[]).await, app.user(&[]).await);
    let org = app
        .organization(&owner)
        .name("CLB Khởi nghiệp Tây Bắc")
        .build()
        .await;
    let list = format!("/api/v1/organizations/{org}/members");
    let path = format!("{list}/{}", member.id);

    let added = app
        .post_as(
            &owner,
            &list,
            &json!({"user_id": member.id, "role": "member"}),
        )
        .await;
    let added_tag = etag(&added);
    let (_, listed_tag) = listed(&app, &owner, &list, "user_id", &member.id)
        .await
        .unwrap();
    let stale = app
        .if_match_as(
            &owner,
            Method::PATCH,
            &path,
            STALE,
            Some(&json!({"role": "owner"})),
        )
        .await;
    let fresh = app
        .if_match_as(
            &owner,
            Method::PATCH,
            &path,
            &added_tag,
            Some(&json!({"role": "manager"})),
        )
        .await;
    let fresh_tag = etag(&fresh);
    let fresh_body = json(fresh).await;
    let replayed = app
        .if_match_as(
            &owner,
            Method::PATCH,
            &path,
            &added_tag,
            Some(&json!({"role": "owner"})),
        )
        .await;
    let stale_delete = app
        .if_match_as(&owner, Method::DELETE, &path, &added_tag, None)
        .await;
    let (after, after_tag) = listed(&app, &owner, &list, "user_id", &member.id)
        .await
        .unwrap();
    let deleted = app
        .if_match_as(&owner, Method::DELETE, &path, &fresh_tag, None)
        .await;

    assert_eq!(added_tag, listed_tag, "the answer's tag is the listed one");
    assert_problem(stale, 412, "precondition_failed").await;
    assert_eq!(fresh_body["role"], "manager");
    assert_problem(replayed, 412, "precondition_failed").await;
    assert_problem(stale_delete, 412, "precondition_failed").await;
    assert_eq!(
        after["role"], "manager",
        "the refused changes changed nothing"
    );
    assert_eq!(
        fresh_tag, after_tag,
        "a change answers with the new listed tag"
    );
    assert_eq!(deleted.status().as_u16(), 204);
    assert!(
        listed(&app, &owner, &list, "user_id", &member.id)
            .await
            .is_none()
    );
}

#[tokio::test]
async fn team_members_are_removed_only_when_unchanged() {
    let app = TestApp::spawn().await;
    let (lead, member) = (app.user(&[]).await, app.user(&[]).await);
    let idea_id = id_of(&app.idea(&lead, "Mận hậu Mộc Châu", json!({})).await);
    let list = format!("{IDEAS}/{idea_id}/members");
    let path = format!("{list}/{}", member.id);

    let added = app
        .post_as(
            &lead,
            &list,
            &json!({"user_id": member.id, "role": "member"}),
        )
        .await;
    assert_eq!(added.status().as_u16(), 201);
    let added_tag = etag(&added);
    let (_, listed_tag) = listed(&app, &lead, &list, "user_id", &member.id)
        .await
        .unwrap();
    // The member's own contacts change their listed form, so the tag goes stale.
    assert_eq!(
        app.patch_as(&member, "/api/v1/me", &json!({"full_name": "Lò Thị Mận"}))
            .await
            .status()
            .as_u16(),
        200
    );
    let stale = app
        .if_match_as(&lead, Method::DELETE, &path, &added_tag, None)
        .await;
    let still = listed(&app, &lead, &list, "user_id", &member.id).await;
    let (_, current) = still.clone().unwrap();
    let removed = app
        .if_match_as(&lead, Method::DELETE, &path, &current, None)
        .await;

    assert_eq!(added_tag, listed_tag, "the answer's tag is the listed one");
    assert_problem(stale, 412, "precondition_failed").await;
    assert_eq!(still.unwrap().0["full_name"], "Lò Thị Mận");
    assert_eq!(removed.status().as_u16(), 204);
    assert!(
        listed(&app, &lead, &list, "user_id", &member.id)
            .await
            .is_none()
    );
}

#[tokio::test]
async fn the_selection_is_set_only_when_unchanged() {
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    let idea_id = id_of(&app.idea(&lead, "Chè shan tuyết", json!({})).await);
    let (idea_path, path) = (
        format!("{IDEAS}/{idea_id}"),
        format!("{IDEAS}/{idea_id}/selection"),
    );
    let put = |tag: String, priority: i32| {
        let body = json!({"priority": priority, "shortlisted": true});
        let (app, officer, path) = (&app, &officer, path.clone());
        async move {
            app.if_match_as(officer, Method::PUT, &path, &tag, Some(&body))
                .await
        }
    };

    let read_tag = etag(&app.get_as(&officer, &idea_path).await);
    let first = put(read_tag.clone(), 1).await;
    let first_tag = etag(&first);
    assert_eq!(first.status().as_u16(), 200);
    let again = put(read_tag.clone(), 2).await;
    let stale = put(STALE.to_owned(), 2).await;
    let read = app.get_as(&officer, &idea_path).await;
    let reread_tag = etag(&read);
    let text = read.text().await.unwrap();
    let fields: HashMap<String, Box<RawValue>> = serde_json::from_str(&text).unwrap();
    let selection_tag = sonla_core::etag_of_bytes(fields["selection"].get().as_bytes());
    let by_selection = put(selection_tag.clone(), 3).await;
    let chained_tag = etag(&by_selection);
    let chained = put(chained_tag.clone(), 4).await;
    let old_selection = put(selection_tag, 5).await;

    assert_eq!(
        first_tag, reread_tag,
        "the answer's tag is the idea's as read"
    );
    assert_problem(again, 412, "precondition_failed").await;
    assert_problem(stale, 412, "precondition_failed").await;
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap()["selection"]["priority"],
        1,
        "the refused changes changed nothing"
    );
    assert_eq!(
        by_selection.status().as_u16(),
        200,
        "the selection's own tag"
    );
    assert_eq!(chained.status().as_u16(), 200, "the last answer's tag");
    assert_problem(old_selection, 412, "precondition_failed").await;
    let now = json(app.get_as(&officer, &idea_path).await).await;
    assert_eq!(now["selection"]["priority"], 4);
}

#[tokio::test]
async fn criteria_are_replaced_only_when_the_round_is_unchanged() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let competition = app
        .competition(&officer, "Khởi nghiệp nông nghiệp 2026")
        .await;
    let rounds = format!("{COMPETITIONS}/{competition}/rounds");
    let created = app.post_as(&officer, &rounds, &round_one()).await;
    assert_eq!(created.status().as_u16(), 201);
    let created_tag = etag(&created);
    let round_id = id_of(&json(created).await);
    let path = format!("/api/v1/rounds/{round_id}/criteria");
    let criteria = |name: &str| json!({"criteria": [{"name": name, "weight": 1, "max_score": 10}]});

    let (_, listed_tag) = listed(&app, &officer, &rounds, "id", &round_id)
        .await
        .unwrap();
    let stale = app
        .if_match_as(&officer, Method::PUT, &path, STALE, Some(&criteria("Cũ")))
        .await;
    let fresh = app
        .if_match_as(
            &officer,
            Method::PUT,
            &path,
            &created_tag,
            Some(&criteria("Tác động xã hội")),
        )
        .await;
    let fresh_tag = etag(&fresh);
    assert_eq!(fresh.status().as_u16(), 200);
    let replayed = app
        .if_match_as(
            &officer,
            Method::PUT,
            &path,
            &created_tag,
            Some(&criteria("Ghi đè")),
        )
        .await;
    let (round, now_tag) = listed(&app, &officer, &rounds, "id", &round_id)
        .await
        .unwrap();
    let chained = app
        .if_match_as(
            &officer,
            Method::PUT,
            &path,
            &fresh_tag,
            Some(&criteria("Thị trường")),
        )
        .await;

    assert_eq!(
        created_tag, listed_tag,
        "the answer's tag is the listed one"
    );
    assert_problem(stale, 412, "precondition_failed").await;
    assert_problem(replayed, 412, "precondition_failed").await;
    assert_eq!(round["criteria"][0]["name"], "Tác động xã hội");
    assert_eq!(round["criteria"].as_array().unwrap().len(), 1);
    assert_eq!(
        fresh_tag, now_tag,
        "a change answers with the new listed tag"
    );
    assert_eq!(chained.status().as_u16(), 200);
}

#[tokio::test]
async fn assignments_are_removed_only_when_unchanged() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let lead = app.user(&[]).await;
    let judge = app.user(&[Role::Judge]).await;
    let staged = app
        .judging(&officer)
        .leads(&[&lead])
        .judges(&[&judge])
        .build()
        .await;
    let list = format!("/api/v1/rounds/{}/assignments", staged.round);

    let added = app
        .post_as(
            &officer,
            &list,
            &json!({"entry_id": staged.entries[0], "judge_id": judge.id}),
        )
        .await;
    assert_eq!(added.status().as_u16(), 201);
    let added_tag = etag(&added);
    let assignment = id_of(&json(added).await);
    let path = format!("/api/v1/assignments/{assignment}");
    let (_, listed_tag) = listed(&app, &officer, &list, "id", &assignment)
        .await
        .unwrap();
    // The judge's draft changes the assignment's `sheet_status`, and so its tag.
    let scores: Vec<Value> = staged
        .criteria
        .iter()
        .map(|c| json!({"criterion_id": c.id, "value": c.max_score}))
        .collect();
    ok(
        app.client
            .put(app.url(&format!("{path}/sheet")))
            .bearer_auth(&judge.token)
            .json(&json!({"scores": scores}))
            .send()
            .await
            .unwrap(),
        200,
        "draft",
    )
    .await;
    let stale = app
        .if_match_as(&officer, Method::DELETE, &path, &added_tag, None)
        .await;
    let still = listed(&app, &officer, &list, "id", &assignment).await;
    let (item, current) = still.unwrap();
    let removed = app
        .if_match_as(&officer, Method::DELETE, &path, &current, None)
        .await;

    assert_eq!(added_tag, listed_tag, "the answer's tag is the listed one");
    assert_problem(stale, 412, "precondition_failed").await;
    assert_eq!(item["sheet_status"], "draft", "nothing removed");
    assert_eq!(removed.status().as_u16(), 204);
    assert!(
        listed(&app, &officer, &list, "id", &assignment)
            .await
            .is_none()
    );
}

#[tokio::test]
async fn api_keys_are_revoked_only_when_unchanged() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let created = json(
        app.post_as(
            &admin,
            "/api/v1/api-keys",
            &json!({"name": "Cổng công nghệ", "scopes": ["read"]}),
        )
        .await,
    )
    .await;
    let path = format!("/api/v1/api-keys/{}", id_of(&created));
    let key = created["key"].as_str().unwrap().to_owned();

    let read_tag = etag(&app.get_as(&admin, &path).await);
    // A use records `last_used_at`, which is part of the key as read.
    let used = app
        .client
        .get(app.url("/api/v1/auth/whoami"))
        .header("x-api-key", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(used.status().as_u16(), 200);
    let stale = app
        .if_match_as(&admin, Method::DELETE, &path, &read_tag, None)
        .await;
    let after = json(app.get_as(&admin, &path).await).await;
    let current = etag(&app.get_as(&admin, &path).await);
    let revoked = app
        .if_match_as(&admin, Method::DELETE, &path, &current, None)
        .await;

    assert_problem(stale, 412, "precondition_failed").await;
    assert!(after["revoked_at"].is_null(), "{after}");
    assert_eq!(revoked.status().as_u16(), 204);
    assert!(json(app.get_as(&admin, &path).await).await["revoked_at"].is_string());
}

#[tokio::test]
async fn a_role_is_revoked_conditionally_only_with_star_while_held() {
    let app = TestApp::spawn().await;
    let admin = app.user(&[Role::Admin]).await;
    let user = app.user(&[Role::Officer]).await;
    let (user_path, path) = (
        format!("/api/v1/users/{}", user.id),
        format!("/api/v1/users/{}/roles/officer", user.id),
    );
    let roles = || async {
        json(app.get_as(&admin, &user_path).await).await["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let user_tag = etag(&app.get_as(&admin, &user_path).await);
    let by_user_tag = app
        .if_match_as(&admin, Method::DELETE, &path, &user_tag, None)
        .await;
    let by_any_tag = app
        .if_match_as(&admin, Method::DELETE, &path, STALE, None)
        .await;
    let held = roles().await;
    let by_star = app
        .if_match_as(&admin, Method::DELETE, &path, "*", None)
        .await;
    let gone = roles().await;
    let star_again = app
        .if_match_as(&admin, Method::DELETE, &path, "*", None)
        .await;
    let unconditional = app.delete_as(&admin, &path).await;

    assert_problem(by_user_tag, 412, "precondition_failed").await;
    assert_problem(by_any_tag, 412, "precondition_failed").await;
    assert!(held.contains(&"officer".to_owned()), "{held:?}");
    assert_eq!(by_star.status().as_u16(), 204);
    assert!(!gone.contains(&"officer".to_owned()), "{gone:?}");
    assert_problem(star_again, 412, "precondition_failed").await;
    assert_eq!(unconditional.status().as_u16(), 204, "no header: a no-op");
}

#[tokio::test]
async fn changes_sent_at_once_with_one_tag_let_exactly_one_win() {
    let app = TestApp::spawn_with(|s| s.workers = 4).await;
    let (owner, member) = (app.user(&[]).await, app.user(&[]).await);
    let org = app
        .organization(&owner)
        .member(&member, "member")
        .build()
        .await;
    let list = format!("/api/v1/organizations/{org}/members");
    let path = format!("{list}/{}", member.id);
    let (_, tag) = listed(&app, &owner, &list, "user_id", &member.id)
        .await
        .unwrap();

    // Every request changes the role, so whichever wins makes the tag stale for the rest.
    let wanted = ["manager", "owner", "manager", "owner"];
    let bodies: Vec<Value> = wanted.iter().map(|role| json!({ "role": role })).collect();
    let responses = all(bodies
        .iter()
        .map(|body| app.if_match_as(&owner, Method::PATCH, &path, &tag, Some(body))))
    .await;

    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    let winner = statuses.iter().position(|s| *s == 200);
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 412).count(),
        3,
        "{statuses:?}"
    );
    let (now, _) = listed(&app, &owner, &list, "user_id", &member.id)
        .await
        .unwrap();
    assert_eq!(now["role"], wanted[winner.unwrap()]);
}

#[tokio::test]
async fn selections_sent_at_once_with_one_tag_let_exactly_one_win() {
    let app = TestApp::spawn_with(|s| s.workers = 4).await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    let idea_id = id_of(&app.idea(&lead, "Cá hồi Sìn Hồ", json!({})).await);
    let tag = etag(&app.get_as(&officer, &format!("{IDEAS}/{idea_id}")).await);
    let path = format!("{IDEAS}/{idea_id}/selection");

    let statuses: Vec<u16> = all((0..4).map(|priority| {
        let body = json!({"priority": priority, "shortlisted": false});
        let (app, officer, path, tag) = (&app, &officer, path.clone(), tag.clone());
        async move {
            app.if_match_as(officer, Method::PUT, &path, &tag, Some(&body))
                .await
                .status()
                .as_u16()
        }
    }))
    .await;

    let mut sorted = statuses.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [200, 412, 412, 412], "{statuses:?}");
}

#[tokio::test]
async fn write_answers_carry_the_tag_a_read_gives() {
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    let org = app
        .organization(&lead)
        .name("Vườn ươm Mai Sơn")
        .kind("incubator")
        .build()
        .await;
    let idea_id = id_of(&app.idea(&lead, "Xoài Yên Châu", json!({})).await);
    let paths = [
        format!("/api/v1/organizations/{org}"),
        format!("{IDEAS}/{idea_id}"),
        "/api/v1/me".to_owned(),
    ];
    let bodies = [
        json!({"short_description": "Ươm tạo nông sản"}),
        json!({"summary": "Xoài ghép"}),
        json!({"full_name": "Lò Văn Xoài"}),
    ];

    for (path, body) in paths.iter().zip(&bodies) {
        let changed = app.patch_as(&lead, path, body).await;
        assert_eq!(changed.status().as_u16(), 200, "{path}");
        let answered = etag(&changed);
        assert_eq!(answered, etag(&app.get_as(&lead, path).await), "{path}");
    }
    let selection = app
        .client
        .put(app.url(&format!("{IDEAS}/{idea_id}/selection")))
        .bearer_auth(&officer.token)
        .json(&json!({"priority": 3, "shortlisted": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        etag(&selection),
        etag(&app.get_as(&officer, &paths[1]).await)
    );
}

#[test]
fn every_conditional_write_documents_if_match_and_412() {
    let spec = serde_json::to_value(api::openapi::spec()).unwrap();
    let operations = [
        ("/api/v1/api-keys/{api_key_id}", "delete"),
        ("/api/v1/assignments/{assignment_id}", "delete"),
        ("/api/v1/ideas/{idea_id}", "patch"),
        ("/api/v1/ideas/{idea_id}", "delete"),
        ("/api/v1/ideas/{idea_id}/members/{user_id}", "delete"),
        ("/api/v1/ideas/{idea_id}/selection", "put"),
        ("/api/v1/me", "patch"),
        ("/api/v1/organizations/{organization_id}", "patch"),
        ("/api/v1/organizations/{organization_id}", "delete"),
        (
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "patch",
        ),
        (
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "delete",
        ),
        ("/api/v1/rounds/{round_id}/criteria", "put"),
        ("/api/v1/users/{user_id}/roles/{role}", "delete"),
    ];
    for (path, method) in operations {
        let operation = &spec["paths"][path][method];
        let if_match = operation["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{method} {path} has no parameters"))
            .iter()
            .find(|p| p["name"] == "If-Match")
            .unwrap_or_else(|| panic!("{method} {path} does not document If-Match"));
        assert_eq!(if_match["in"], "header", "{method} {path}");
        assert_ne!(if_match["required"], true, "{method} {path}");
        assert!(
            if_match["schema"]["maxLength"].is_u64(),
            "{method} {path}: {if_match}"
        );
        assert!(
            operation["responses"]["412"].is_object(),
            "{method} {path} does not document 412"
        );
    }
}
