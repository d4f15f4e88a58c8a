//! `/api/v1/ideas`: creation, validation, the workflow, teams and officers' selection.

use serde_json::json;
use sonla_core::Role;
use sonla_test_support::{TestApp, TestUser, assert_problem, id_of, json};

pub const IDEAS: &str = "/api/v1/ideas";

/// A new idea of `lead`, with `extra` fields over a minimal body.
async fn step(app: &TestApp, who: &TestUser, idea: &str, action: &str) -> reqwest::Response {
    let note = json!({"note": "Ghi chú của bước này"});
    app.post_as(who, &format!("{IDEAS}/{idea}/{action}"), &note)
        .await
}

#[tokio::test]
async fn a_new_idea_is_a_draft_led_by_its_creator() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;

    let response = app
        .post_as(
            &lead,
            IDEAS,
            &json!({
                "title": "  Sấy lạnh   mận hậu Mộc Châu ",
                "summary": "Giữ màu và vị của mận",
                "description": "Máy sấy bơm nhiệt cho hợp tác xã",
                "sector": "food_processing",
                "stage": "prototype",
                "visibility": "members",
                "locality": "Phường Mộc Châu",
                "former_district": "Huyện Mộc Châu",
                "tags": ["mận", "sấy lạnh", "Mận"],
                "intellectual_property": {"kind": "utility_solution", "registration_numbers": ["2-0002345"]},
                "links": {"website": "https://manhau.vn", "video": "https://youtu.be/x"},
                "funding_need_vnd": 350_000_000,
                "funding_note": "Cần vốn mua máy"
            }),
        )
        .await;

    assert_eq!(response.status().as_u16(), 201);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/api/v1/ideas/")
    );
    let created = json(response).await;
    assert_eq!(created["title"], "Sấy lạnh mận hậu Mộc Châu");
    assert_eq!(created["status"], "draft");
    assert_eq!(created["my_role"], "lead");
    assert_eq!(
        created["tags"],
        json!(["mận", "sấy lạnh"]),
        "tags are deduplicated ignoring case"
    );
    assert_eq!(created["intellectual_property"]["kind"], "utility_solution");
    assert_eq!(created["funding_need_vnd"], 350_000_000);
    assert_eq!(
        created["funding_note"], "Cần vốn mua máy",
        "the team sees its funding note"
    );
    assert!(
        created.get("selection").is_none(),
        "only officers see the selection data"
    );
    let team = json(
        app.get_as(&lead, &format!("{IDEAS}/{}/members", id_of(&created)))
            .await,
    )
    .await;
    assert_eq!(team[0]["user_id"], lead.id.as_str());
    assert_eq!(team[0]["role"], "lead");
}

#[tokio::test]
async fn validation_names_every_invalid_field() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;

    let response = app
        .post_as(
            &lead,
            IDEAS,
            &json!({
                "title": " ",
                "summary": "x".repeat(1001),
                "sector": "agriculture",
                "stage": "idea",
                "visibility": "public",
                "tags": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"],
                "links": {"website": "javascript:alert(1)", "pitch_deck": "ftp://x"},
                "funding_need_vnd": -5,
                "intellectual_property": {"kind": "patent", "registration_numbers": ["x".repeat(51)]}
            }),
        )
        .await;

    let body = assert_problem(response, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in [
        "title",
        "summary",
        "tags",
        "links.website",
        "links.pitch_deck",
        "funding_need_vnd",
        "intellectual_property.registration_numbers",
    ] {
        assert!(fields.contains(&field), "{field} missing in {body}");
    }
    let bad_sector = app
        .post_as(&lead, IDEAS, &json!({"title": "A", "summary": "B", "sector": "mining", "stage": "idea", "visibility": "public"}))
        .await;
    let body = assert_problem(bad_sector, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "sector");
    assert_eq!(body["errors"][0]["code"], "invalid_choice");
}

#[tokio::test]
async fn linking_an_organisation_needs_it_to_exist_and_membership() {
    let app = TestApp::spawn().await;
    let (lead, owner) = (app.user(&[]).await, app.user(&[]).await);
    let org = app
        .organization(&owner)
        .name("HTX Tà Xùa")
        .kind("cooperative")
        .build()
        .await;
    let base = json!({"title": "Chè", "summary": "Chè", "sector": "agriculture", "stage": "idea", "visibility": "public"});
    let with = |org_id: &str| {
        let mut b = base.clone();
        b["organization_id"] = json!(org_id);
        b
    };

    let missing = app
        .post_as(&lead, IDEAS, &with(&uuid::Uuid::now_v7().to_string()))
        .await;
    let not_member = app.post_as(&lead, IDEAS, &with(&org)).await;
    let member = app.post_as(&owner, IDEAS, &with(&org)).await;

    let body = assert_problem(missing, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "organization_id");
    assert_problem(not_member, 403, "forbidden").await;
    assert_eq!(member.status().as_u16(), 201);
}

/// A step's note is optional: no body and an empty body with or without a JSON content type
/// (as generated clients send it) are "no note"; a body that is not JSON, or not an object
/// (`null`), is still refused, as the spec says the body is a note or nothing.
#[tokio::test]
async fn an_optional_body_may_be_empty_whatever_its_content_type() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let idea_id = id_of(&app.idea(&lead, "Chè Tà Xùa", json!({})).await);
    let post = |action: &str, content_type: Option<&str>, body: &'static str| {
        let request = app
            .client
            .post(app.url(&format!("{IDEAS}/{idea_id}/{action}")))
            .bearer_auth(&lead.token)
            .body(body);
        match content_type {
            Some(content_type) => request.header("content-type", content_type),
            None => request,
        }
        .send()
    };

    for (action, content_type, body) in [
        ("submit", None, ""),
        ("withdraw", Some("application/json"), ""),
        ("submit", Some("application/json; charset=utf-8"), "  "),
    ] {
        let response = post(action, content_type, body).await.unwrap();
        assert_eq!(
            response.status().as_u16(),
            200,
            "{action} {content_type:?} {body:?}"
        );
    }
    let broken = post("withdraw", Some("application/json"), "{")
        .await
        .unwrap();
    assert_problem(broken, 400, "malformed_json").await;
    let null = post("withdraw", Some("application/json"), "null")
        .await
        .unwrap();
    assert_problem(null, 422, "validation_failed").await;

    let history = json(
        app.get_as(&lead, &format!("{IDEAS}/{idea_id}/history"))
            .await,
    )
    .await;
    let steps = history.as_array().unwrap();
    assert_eq!(steps.len(), 3, "{history}");
    assert!(steps.iter().all(|h| h["note"].is_null()), "{history}");
}

#[tokio::test]
async fn the_workflow_runs_and_leaves_a_history() {
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    let created = app
        .idea(&lead, "Du lịch cộng đồng Bản Áng", json!({}))
        .await;
    let idea_id = id_of(&created);

    for (who, action, status) in [
        (&lead, "submit", "submitted"),
        (&lead, "withdraw", "draft"),
        (&lead, "submit", "submitted"),
        (&officer, "review", "under_review"),
        (&officer, "select", "selected"),
        (&officer, "incubate", "incubated"),
        (&officer, "archive", "archived"),
    ] {
        let response = step(&app, who, &idea_id, action).await;
        assert_eq!(response.status().as_u16(), 200, "{action}");
        assert_eq!(json(response).await["status"], status, "{action}");
    }

    let history = json(
        app.get_as(&lead, &format!("{IDEAS}/{idea_id}/history"))
            .await,
    )
    .await;
    let steps: Vec<(&str, &str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["action"].as_str().unwrap(),
                h["from_status"].as_str().unwrap(),
                h["to_status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(steps.len(), 7);
    assert_eq!(steps[3], ("review", "submitted", "under_review"));
    assert_eq!(history[4]["actor_id"], officer.id.as_str());
    assert_eq!(history[4]["note"], "Ghi chú của bước này");
    let audited = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "idea.status_changed")
        .count();
    assert_eq!(audited, 7);
}

/// Drives a fresh idea to `status` along allowed steps.
async fn idea_in(app: &TestApp, lead: &TestUser, officer: &TestUser, status: &str) -> String {
    let idea_id = id_of(
        &app.idea(lead, &format!("Ý tưởng {status}"), json!({}))
            .await,
    );
    let path: &[(&TestUser, &str)] = match status {
        "draft" => &[],
        "submitted" => &[(lead, "submit")],
        "under_review" => &[(lead, "submit"), (officer, "review")],
        "selected" => &[(lead, "submit"), (officer, "review"), (officer, "select")],
        "rejected" => &[(lead, "submit"), (officer, "review"), (officer, "reject")],
        "incubated" => &[
            (lead, "submit"),
            (officer, "review"),
            (officer, "select"),
            (officer, "incubate"),
        ],
        "archived" => &[(lead, "archive")],
        other => panic!("no path to {other}"),
    };
    for (who, action) in path {
        assert_eq!(
            step(app, who, &idea_id, action).await.status().as_u16(),
            200,
            "{action} on the way to {status}"
        );
    }
    idea_id
}

#[tokio::test]
async fn every_illegal_transition_is_409_with_the_allowed_next_states() {
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    // For each status: the states it may move to, and the actions that are refused there.
    let table: [(&str, &[&str], &[&str]); 7] = [
        (
            "draft",
            &["submitted", "archived"],
            &["withdraw", "review", "select", "reject", "incubate"],
        ),
        (
            "submitted",
            &["draft", "under_review"],
            &["submit", "select", "reject", "incubate", "archive"],
        ),
        (
            "under_review",
            &["draft", "selected", "rejected"],
            &["submit", "review", "incubate", "archive"],
        ),
        (
            "selected",
            &["incubated", "archived"],
            &["submit", "withdraw", "review", "select", "reject"],
        ),
        (
            "rejected",
            &["archived"],
            &[
                "submit", "withdraw", "review", "select", "reject", "incubate",
            ],
        ),
        (
            "incubated",
            &["archived"],
            &[
                "submit", "withdraw", "review", "select", "reject", "incubate",
            ],
        ),
        (
            "archived",
            &[],
            &[
                "submit", "withdraw", "review", "select", "reject", "incubate", "archive",
            ],
        ),
    ];

    for (status, allowed, refused) in table {
        let idea_id = idea_in(&app, &lead, &officer, status).await;
        for action in refused {
            let who = if matches!(*action, "submit" | "withdraw") {
                &lead
            } else {
                &officer
            };
            let body = assert_problem(
                step(&app, who, &idea_id, action).await,
                409,
                "invalid_transition",
            )
            .await;
            let mut next: Vec<&str> = body["allowed_next_states"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            next.sort_unstable();
            let mut expected = allowed.to_vec();
            expected.sort_unstable();
            assert_eq!(next, expected, "{action} from {status}");
        }
        let current = json(app.get_as(&lead, &format!("{IDEAS}/{idea_id}")).await).await;
        assert_eq!(current["status"], status, "refused steps change nothing");
    }
}

#[tokio::test]
async fn each_step_belongs_to_its_role() {
    let app = TestApp::spawn().await;
    let (lead, member, officer) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[Role::Officer]).await,
    );
    let idea_id = id_of(&app.idea(&lead, "Gốm Mường Chanh", json!({})).await);
    app.post_as(
        &lead,
        &format!("{IDEAS}/{idea_id}/members"),
        &json!({"user_id": member.id}),
    )
    .await;

    assert_problem(
        step(&app, &member, &idea_id, "submit").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        step(&app, &officer, &idea_id, "submit").await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        step(&app, &lead, &idea_id, "submit")
            .await
            .status()
            .as_u16(),
        200
    );
    assert_problem(
        step(&app, &lead, &idea_id, "review").await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        step(&app, &officer, &idea_id, "review")
            .await
            .status()
            .as_u16(),
        200
    );
    let no_note = app
        .post_as(&officer, &format!("{IDEAS}/{idea_id}/reject"), &json!({}))
        .await;
    let body = assert_problem(no_note, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "note");
    let unknown = app
        .post_as(&officer, &format!("{IDEAS}/{idea_id}/promote"), &json!({}))
        .await;
    assert_problem(unknown, 400, "invalid_path_parameter").await;
}

#[tokio::test]
async fn officers_set_priority_and_shortlist_that_nobody_else_sees() {
    let app = TestApp::spawn().await;
    let (lead, officer, other) = (
        app.user(&[]).await,
        app.user(&[Role::Officer]).await,
        app.user(&[]).await,
    );
    let idea_id = id_of(&app.idea(&lead, "Cà phê Sơn La", json!({})).await);
    let path = format!("{IDEAS}/{idea_id}/selection");

    let by_lead = app
        .client
        .put(app.url(&path))
        .bearer_auth(&lead.token)
        .json(&json!({"priority": 5, "shortlisted": true}))
        .send()
        .await
        .unwrap();
    let out_of_range = app
        .client
        .put(app.url(&path))
        .bearer_auth(&officer.token)
        .json(&json!({"priority": 6, "shortlisted": true}))
        .send()
        .await
        .unwrap();
    let set = app
        .client
        .put(app.url(&path))
        .bearer_auth(&officer.token)
        .json(&json!({"priority": 4, "shortlisted": true, "note": "Tiềm năng xuất khẩu"}))
        .send()
        .await
        .unwrap();

    assert_problem(by_lead, 403, "forbidden").await;
    assert_problem(out_of_range, 422, "validation_failed").await;
    assert_eq!(
        json(set).await["selection"],
        json!({"priority": 4, "shortlisted": true, "note": "Tiềm năng xuất khẩu"})
    );
    for viewer in [&lead, &other] {
        let seen = json(app.get_as(viewer, &format!("{IDEAS}/{idea_id}")).await).await;
        assert!(
            seen.get("selection").is_none() && !seen.to_string().contains("Tiềm năng"),
            "{seen}"
        );
    }
    let anonymous = json(app.get(&format!("{IDEAS}/{idea_id}")).await).await;
    assert!(!anonymous.to_string().contains("Tiềm năng"));
    assert_problem(
        app.get_as(&lead, &format!("{IDEAS}?shortlisted=true"))
            .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.get_as(&lead, &format!("{IDEAS}?sort=priority")).await,
        403,
        "forbidden",
    )
    .await;
    let shortlist = json(
        app.get_as(&officer, &format!("{IDEAS}?shortlisted=true&priority=4"))
            .await,
    )
    .await;
    assert_eq!(shortlist["items"].as_array().unwrap().len(), 1);
    assert!(
        app.audit_actions()
            .await
            .contains(&"idea.selection_changed".to_owned())
    );
}

#[tokio::test]
async fn the_lead_manages_the_team_and_a_team_keeps_a_lead() {
    let app = TestApp::spawn().await;
    let (lead, member, advisor, outsider) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let idea_id = id_of(
        &app.idea(&lead, "Thổ cẩm Thái", json!({"visibility": "private"}))
            .await,
    );
    let team = format!("{IDEAS}/{idea_id}/members");

    assert_eq!(
        app.post_as(&lead, &team, &json!({"user_id": member.id}))
            .await
            .status()
            .as_u16(),
        201
    );
    assert_eq!(
        app.post_as(
            &lead,
            &team,
            &json!({"user_id": advisor.id, "role": "advisor"})
        )
        .await
        .status()
        .as_u16(),
        201
    );
    assert_problem(
        app.post_as(&lead, &team, &json!({"user_id": member.id}))
            .await,
        409,
        "already_member",
    )
    .await;
    assert_problem(
        app.post_as(&member, &team, &json!({"user_id": outsider.id}))
            .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.post_as(&outsider, &team, &json!({"user_id": outsider.id}))
            .await,
        404,
        "idea_not_found",
    )
    .await;
    assert_problem(
        app.delete_as(&lead, &format!("{team}/{}", lead.id)).await,
        409,
        "last_lead",
    )
    .await;
    assert_eq!(
        app.patch_as(
            &member,
            &format!("{IDEAS}/{idea_id}"),
            &json!({"summary": "Sửa bởi thành viên"})
        )
        .await
        .status()
        .as_u16(),
        200
    );
    assert_problem(
        app.patch_as(
            &advisor,
            &format!("{IDEAS}/{idea_id}"),
            &json!({"summary": "Cố vấn"}),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        app.delete_as(&member, &format!("{team}/{}", member.id))
            .await
            .status()
            .as_u16(),
        204,
        "leaving"
    );
    assert_problem(
        app.get_as(&member, &format!("{IDEAS}/{idea_id}")).await,
        404,
        "idea_not_found",
    )
    .await;
}

#[tokio::test]
async fn team_contacts_are_for_the_team_and_officers() {
    let app = TestApp::spawn().await;
    let (lead, outsider, officer) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[Role::Officer]).await,
    );
    let idea_id = id_of(&app.idea(&lead, "Rau an toàn", json!({})).await);
    let team = format!("{IDEAS}/{idea_id}/members");

    let for_team = json(app.get_as(&lead, &team).await).await;
    let for_officer = json(app.get_as(&officer, &team).await).await;
    let for_outsider = json(app.get_as(&outsider, &team).await).await;
    let for_anonymous = json(app.get(&team).await).await;

    assert_eq!(for_team[0]["email"], lead.email.as_str());
    assert_eq!(for_officer[0]["email"], lead.email.as_str());
    assert!(for_outsider[0].get("email").is_none() && for_anonymous[0].get("email").is_none());
    assert!(!for_anonymous.to_string().contains(&lead.email));
}

#[tokio::test]
async fn the_lead_deletes_drafts_only() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let draft = id_of(&app.idea(&lead, "Bản nháp", json!({})).await);
    let submitted = id_of(&app.idea(&lead, "Đã nộp", json!({})).await);
    step(&app, &lead, &submitted, "submit").await;

    assert_eq!(
        app.delete_as(&lead, &format!("{IDEAS}/{draft}"))
            .await
            .status()
            .as_u16(),
        204
    );
    assert_problem(
        app.get_as(&lead, &format!("{IDEAS}/{draft}")).await,
        404,
        "idea_not_found",
    )
    .await;
    assert_problem(
        app.delete_as(&lead, &format!("{IDEAS}/{submitted}")).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn sectors_are_named_in_the_callers_language() {
    let app = TestApp::spawn().await;

    let vi = json(app.get("/api/v1/reference/sectors").await).await;
    let en = json(
        app.client
            .get(app.url("/api/v1/reference/sectors"))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap(),
    )
    .await;

    assert_eq!(vi.as_array().unwrap().len(), 12);
    assert_eq!(vi[0], json!({"code": "tourism", "name": "Du lịch"}));
    assert_eq!(
        en[3],
        json!({"code": "food_processing", "name": "Food processing"})
    );
}
