//! Idea lists, search, counts and the sync feed: the same visibility rules everywhere.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use sonla_core::Role;
use sonla_test_support::{TestApp, TestUser, assert_problem, id_of, json};

use crate::ideas::IDEAS;

/// The titles of a page's items.
pub(crate) fn titles(page: &Value) -> BTreeSet<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

fn ordered_titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

pub(crate) fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The body of `GET path` as `who` (anonymous when `None`), which must answer 200.
pub(crate) async fn get(app: &TestApp, who: Option<&TestUser>, path: &str) -> Value {
    let response = match who {
        Some(user) => app.get_as(user, path).await,
        None => app.get(path).await,
    };
    assert_eq!(response.status().as_u16(), 200, "{path}");
    json(response).await
}

struct World {
    lead: TestUser,
    teammate: TestUser,
    stranger: TestUser,
    officer: TestUser,
    private_id: String,
}

/// Three ideas about plums, one per visibility, led by `lead` with `teammate` on the private one.
async fn world(app: &TestApp) -> World {
    let (lead, teammate, stranger) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let officer = app.user(&[Role::Officer]).await;
    app.idea(
        &lead,
        "Mận công khai",
        json!({"visibility": "public", "funding_note": "bí mật A"}),
    )
    .await;
    app.idea(&lead, "Mận thành viên", json!({"visibility": "members"}))
        .await;
    let private = app
        .idea(&lead, "Mận riêng tư", json!({"visibility": "private"}))
        .await;
    let private_id = id_of(&private);
    app.post_as(
        &lead,
        &format!("{IDEAS}/{private_id}/members"),
        &json!({"user_id": teammate.id}),
    )
    .await;
    World {
        lead,
        teammate,
        stranger,
        officer,
        private_id,
    }
}

#[tokio::test]
async fn get_list_search_and_count_apply_the_same_visibility() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let all = set(&["Mận công khai", "Mận thành viên", "Mận riêng tư"]);

    for (who, expected) in [
        (None, set(&["Mận công khai"])),
        (Some(&w.stranger), set(&["Mận công khai", "Mận thành viên"])),
        (Some(&w.teammate), all.clone()),
        (Some(&w.officer), all.clone()),
    ] {
        let list = get(&app, who, IDEAS).await;
        let search = get(&app, who, &format!("{IDEAS}?q=man")).await;
        let count = get(&app, who, &format!("{IDEAS}/count?q=man")).await;
        assert_eq!(titles(&list), expected);
        assert_eq!(titles(&search), expected);
        assert_eq!(count["count"], expected.len());
    }
    let path = format!("{IDEAS}/{}", w.private_id);
    assert_problem(app.get(&path).await, 404, "idea_not_found").await;
    assert_problem(app.get_as(&w.stranger, &path).await, 404, "idea_not_found").await;
    assert_eq!(app.get_as(&w.teammate, &path).await.status().as_u16(), 200);
}

#[tokio::test]
async fn private_fields_never_reach_outsiders_in_any_list() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    for who in [None, Some(&w.stranger)] {
        for path in [
            IDEAS.to_owned(),
            format!("{IDEAS}?q=man"),
            format!("{IDEAS}?updated_since=2000-01-01T00:00:00Z"),
        ] {
            let page = get(&app, who, &path).await;
            assert!(!page.to_string().contains("bí mật A"), "{path}: {page}");
            assert!(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| i.get("funding_note").is_none())
            );
        }
    }
    let own = get(&app, Some(&w.lead), &format!("{IDEAS}?q=cong%20khai")).await;
    assert_eq!(own["items"][0]["funding_note"], "bí mật A");
}

#[tokio::test]
async fn my_ideas_lists_every_idea_of_my_teams() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    let mine = get(&app, Some(&w.teammate), "/api/v1/me/ideas").await;
    let strangers = get(&app, Some(&w.stranger), "/api/v1/me/ideas").await;

    assert_eq!(titles(&mine), set(&["Mận riêng tư"]));
    assert_eq!(mine["items"][0]["my_role"], "member");
    assert!(titles(&strangers).is_empty());
}

#[tokio::test]
async fn search_ignores_diacritics_and_case_and_ranks_title_matches_first() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    app.idea(&lead, "Khởi nghiệp nông sản Mộc Châu", json!({}))
        .await;
    app.idea(
        &lead,
        "Du lịch Tà Xùa",
        json!({"description": "Gắn với khởi nghiệp nông sản địa phương"}),
    )
    .await;
    app.idea(&lead, "Đường phèn Yên Châu", json!({"tags": ["nông sản"]}))
        .await;
    app.idea(&lead, "Dệt thổ cẩm", json!({})).await;

    let ranked = get(&app, None, &format!("{IDEAS}?q=khoi%20nghiep%20nong%20san")).await;
    let tag_and_title = get(&app, None, &format!("{IDEAS}?q=nong%20san")).await;
    let d_for_dd = get(&app, None, &format!("{IDEAS}?q=duong%20phen")).await;
    let dd_for_d = get(&app, None, &format!("{IDEAS}?q=%C4%90%E1%BB%86T")).await;
    let nothing = get(&app, None, &format!("{IDEAS}?q=ca%20phe")).await;

    assert_eq!(
        ordered_titles(&ranked),
        vec!["Khởi nghiệp nông sản Mộc Châu", "Du lịch Tà Xùa"]
    );
    assert_eq!(
        ordered_titles(&tag_and_title),
        vec![
            "Khởi nghiệp nông sản Mộc Châu",
            "Đường phèn Yên Châu",
            "Du lịch Tà Xùa"
        ],
        "title (4) outranks tags (3), which outrank the description (1)"
    );
    assert_eq!(ordered_titles(&d_for_dd), vec!["Đường phèn Yên Châu"]);
    assert_eq!(
        ordered_titles(&dd_for_d),
        vec!["Dệt thổ cẩm"],
        "ĐỆT finds Dệt"
    );
    assert!(titles(&nothing).is_empty());
}

/// Every word matches a whole folded word; the last one may also be the start of a longer
/// one (type-ahead), on ideas and organisations alike.
#[tokio::test]
async fn every_word_matches_whole_and_the_last_also_as_a_prefix() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    app.idea(&lead, "Nông sản sạch Mộc Châu", json!({})).await;
    let org = json!({"name": "Hợp tác xã Nông sản Mộc Châu", "kind": "cooperative"});
    assert_eq!(
        app.post_as(&lead, "/api/v1/organizations", &org)
            .await
            .status()
            .as_u16(),
        201
    );
    for (q, found) in [
        ("nong%20s", true),
        ("nong%20san", true),
        ("NÔNG%20SẢ", true),
        ("moc%20chau%20n", true),
        ("no%20san", false),
        ("nong%20sanh", false),
        ("mo%20chau", false),
    ] {
        let ideas = titles(&get(&app, None, &format!("{IDEAS}?q={q}")).await);
        assert_eq!(!ideas.is_empty(), found, "ideas ?q={q}: {ideas:?}");
        let orgs = json(app.get(&format!("/api/v1/organizations?q={q}")).await).await;
        let orgs = orgs["items"].as_array().unwrap().len();
        assert_eq!(orgs > 0, found, "organisations ?q={q}");
    }
}

#[tokio::test]
async fn search_pages_are_stable_across_the_cursor() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    for i in 0..7 {
        let field = if i % 2 == 0 {
            json!({})
        } else {
            json!({"description": "chè shan"})
        };
        app.idea(&lead, &format!("Chè số {i}"), field).await;
    }

    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = get(&app, None, &format!("{IDEAS}?q=che&limit=3{cursor}")).await;
        seen.extend(ordered_titles(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => break,
        }
    }

    assert_eq!(seen.len(), 7);
    assert_eq!(
        seen.iter().collect::<BTreeSet<_>>().len(),
        7,
        "no repeats: {seen:?}"
    );
}

#[tokio::test]
async fn newest_pages_do_not_shift_when_ideas_are_added() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    for i in 0..4 {
        app.idea(&lead, &format!("Cũ {i}"), json!({})).await;
    }
    let first = get(&app, None, &format!("{IDEAS}?limit=2")).await;
    app.idea(&lead, "Mới", json!({})).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = get(&app, None, &format!("{IDEAS}?limit=2&cursor={cursor}")).await;

    let mut all = ordered_titles(&first);
    all.extend(ordered_titles(&second));
    assert_eq!(all, vec!["Cũ 3", "Cũ 2", "Cũ 1", "Cũ 0"]);
}

#[tokio::test]
async fn filters_and_orders_combine() {
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    app.idea(
        &lead,
        "Bò sữa",
        json!({"sector": "agriculture", "stage": "growth", "locality": "Phường Mộc Sơn"}),
    )
    .await;
    app.idea(
        &lead,
        "App du lịch",
        json!({"sector": "tourism", "stage": "mvp", "locality": "Xã Tà Xùa"}),
    )
    .await;
    let submitted = app
        .idea(
            &lead,
            "Ánh sáng mặt trời",
            json!({"sector": "energy", "stage": "idea"}),
        )
        .await;
    app.post_as(
        &lead,
        &format!("{IDEAS}/{}/submit", id_of(&submitted)),
        &json!({}),
    )
    .await;

    assert_eq!(
        titles(&get(&app, None, &format!("{IDEAS}?sector=tourism")).await),
        set(&["App du lịch"])
    );
    assert_eq!(
        titles(&get(&app, None, &format!("{IDEAS}?stage=growth")).await),
        set(&["Bò sữa"])
    );
    assert_eq!(
        titles(&get(&app, None, &format!("{IDEAS}?status=submitted")).await),
        set(&["Ánh sáng mặt trời"])
    );
    assert_eq!(
        titles(&get(&app, None, &format!("{IDEAS}?locality=phuong%20moc%20son")).await),
        set(&["Bò sữa"])
    );
    assert!(
        titles(
            &get(
                &app,
                None,
                &format!("{IDEAS}?created_from=2999-01-01T00:00:00Z")
            )
            .await
        )
        .is_empty()
    );
    let by_title = get(&app, None, &format!("{IDEAS}?sort=title")).await;
    assert_eq!(
        ordered_titles(&by_title),
        vec!["Ánh sáng mặt trời", "App du lịch", "Bò sữa"]
    );
    let updated = get(&app, None, &format!("{IDEAS}?sort=updated&limit=1")).await;
    assert_eq!(ordered_titles(&updated), vec!["Ánh sáng mặt trời"]);
    let by_priority = get(&app, Some(&officer), &format!("{IDEAS}?sort=priority")).await;
    assert_eq!(by_priority["items"].as_array().unwrap().len(), 3);
    assert_problem(
        app.get(&format!("{IDEAS}?sort=relevance")).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get(&format!("{IDEAS}?status=flying")).await,
        400,
        "invalid_query_parameter",
    )
    .await;
}

#[tokio::test]
async fn the_sync_feed_reports_changes_and_tombstones_to_those_who_saw_them() {
    let app = TestApp::spawn().await;
    let (lead, officer, stranger) = (
        app.user(&[]).await,
        app.user(&[Role::Officer]).await,
        app.user(&[]).await,
    );
    let public = id_of(
        &app.idea(&lead, "Từng công khai", json!({"visibility": "public"}))
            .await,
    );
    let private = id_of(
        &app.idea(&lead, "Luôn riêng tư", json!({"visibility": "private"}))
            .await,
    );
    let doomed = id_of(
        &app.idea(&lead, "Sẽ bị xóa", json!({"visibility": "public"}))
            .await,
    );
    let since = "2000-01-01T00:00:00Z";

    let before = get(&app, None, &format!("{IDEAS}?updated_since={since}")).await;
    assert_eq!(titles(&before), set(&["Từng công khai", "Sẽ bị xóa"]));
    let watermark = before["items"].as_array().unwrap().last().unwrap()["updated_at"]
        .as_str()
        .unwrap()
        .to_owned();

    app.patch_as(
        &lead,
        &format!("{IDEAS}/{public}"),
        &json!({"visibility": "private"}),
    )
    .await;
    app.patch_as(
        &lead,
        &format!("{IDEAS}/{private}"),
        &json!({"summary": "Vẫn riêng tư"}),
    )
    .await;
    assert_eq!(
        app.delete_as(&lead, &format!("{IDEAS}/{doomed}"))
            .await
            .status()
            .as_u16(),
        204
    );

    let encoded = watermark.replace('+', "%2B");
    let anonymous = get(&app, None, &format!("{IDEAS}?updated_since={encoded}")).await;
    let tombstones: BTreeSet<String> = anonymous["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["deleted"], true, "{i}");
            assert!(i.get("title").is_none());
            i["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        tombstones,
        [public.clone(), doomed.clone()].into_iter().collect(),
        "never-public ideas stay unseen"
    );

    let stranger_feed = get(
        &app,
        Some(&stranger),
        &format!("{IDEAS}?updated_since={encoded}"),
    )
    .await;
    assert!(!stranger_feed.to_string().contains(&private));
    let officer_feed = get(
        &app,
        Some(&officer),
        &format!("{IDEAS}?updated_since={encoded}"),
    )
    .await;
    let items = officer_feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{officer_feed}");
    assert_eq!(
        items.iter().filter(|i| i["deleted"] == true).count(),
        1,
        "only the deleted idea is a tombstone for staff"
    );
    assert_problem(
        app.get(&format!("{IDEAS}?updated_since={since}&sort=newest"))
            .await,
        422,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn an_api_key_reads_public_ideas_like_a_club_website() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let admin = app.user(&[Role::Admin]).await;
    let key = json(
        app.post_as(
            &admin,
            "/api/v1/api-keys",
            &json!({"name": "Website CLB", "scopes": ["read"]}),
        )
        .await,
    )
    .await;
    let key = key["key"].as_str().unwrap();

    let page = json(
        app.client
            .get(app.url(IDEAS))
            .header("x-api-key", key)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let forged = app
        .client
        .get(app.url(IDEAS))
        .header("x-api-key", "slk_000000000000_forged")
        .send()
        .await
        .unwrap();

    assert_eq!(titles(&page), set(&["Mận công khai"]));
    assert_problem(forged, 401, "invalid_token").await;
    let _ = w;
}
