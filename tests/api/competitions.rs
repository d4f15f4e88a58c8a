//! The judging journey end to end, and the rules around it.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use sonla_core::Role;
use sonla_test_support::{
    COMPETITIONS, Criterion, TestApp, TestUser, assert_problem, id_of, ok, round_one,
};

/// The judge total by DESIGN.md §6, written again here to check the server independently.
fn total(criteria: &[Criterion], values: &BTreeMap<String, f64>) -> f64 {
    let weights: f64 = criteria.iter().map(|c| c.weight).sum();
    100.0
        * criteria
            .iter()
            .map(|c| c.weight * values[&c.id] / c.max_score)
            .sum::<f64>()
        / weights
}

/// Every assignment of `judge`, read two to a page so that paging is exercised.
async fn my_assignments(app: &TestApp, judge: &TestUser) -> Vec<Value> {
    let mut all = Vec::new();
    let mut path = "/api/v1/me/assignments?limit=2".to_owned();
    loop {
        let page = ok(app.get_as(judge, &path).await, 200, "assignments").await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        all.extend(items.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/me/assignments?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    let mut ids: Vec<&str> = all.iter().map(|a| a["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "no assignment twice across pages");
    all
}

async fn put_sheet(
    app: &TestApp,
    judge: &TestUser,
    assignment: &str,
    body: &Value,
    version: Option<i32>,
) -> reqwest::Response {
    let mut request = app
        .client
        .put(app.url(&format!("/api/v1/assignments/{assignment}/sheet")))
        .bearer_auth(&judge.token)
        .json(body);
    if let Some(v) = version {
        request = request.header("if-match", format!("\"{v}\""));
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_whole_judging_journey() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let admin = app.user(&[Role::Admin]).await;
    let leads = [
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    ];
    let judges = [
        app.user(&[Role::Judge]).await,
        app.user(&[Role::Judge]).await,
        app.user(&[Role::Judge]).await,
    ];
    let public = app.user(&[]).await;
    let mut second = round_one();
    second["name"] = json!("Chung kết");
    second["method"] = json!("median");
    second["blind"] = json!(false);
    let staged = app
        .judging(&officer)
        .leads(&leads.iter().collect::<Vec<_>>())
        .judges(&judges.iter().collect::<Vec<_>>())
        .build()
        .await;
    // A second round, added while judging.
    let round_two = ok(
        app.post_as(
            &officer,
            &format!("{COMPETITIONS}/{}/rounds", staged.competition),
            &second,
        )
        .await,
        201,
        "round 2",
    )
    .await;

    // Assignment: two judges per entry, balanced, reproducible.
    let assign = |seed: u64| {
        let app = &app;
        let officer = &officer;
        let round = staged.round.clone();
        async move {
            ok(
                app.post_as(
                    officer,
                    &format!("/api/v1/rounds/{round}/auto-assign"),
                    &json!({"seed": seed}),
                )
                .await,
                200,
                "auto-assign",
            )
            .await
        }
    };
    let assigned = assign(7).await;
    assert_eq!(assigned["assignments"].as_array().unwrap().len(), 6);
    assert_eq!(assigned["short"], json!([]));
    let again = assign(7).await;
    assert_eq!(
        again["assignments"], assigned["assignments"],
        "existing assignments are kept"
    );

    // Judges see their entries, without teams in a blind round.
    let mut submitted: BTreeMap<String, Vec<BTreeMap<String, f64>>> = BTreeMap::new();
    for (j, judge) in judges.iter().enumerate() {
        let mine = my_assignments(&app, judge).await;
        assert_eq!(mine.len(), 2, "balanced: 6 assignments over 3 judges");
        for a in &mine {
            assert_eq!(a["blind"], true);
            assert!(
                a["entry"].get("team").is_none()
                    && a["entry"].get("idea_id").is_none()
                    && a["entry"].get("organization_id").is_none(),
                "{a}"
            );
            let values: BTreeMap<String, f64> = staged
                .criteria
                .iter()
                .enumerate()
                .map(|(c, criterion)| {
                    (
                        criterion.id.clone(),
                        ((j * 3 + c * 2 + a["entry"]["title"].as_str().unwrap().len()) as f64)
                            % (criterion.max_score + 1.0),
                    )
                })
                .collect();
            let scores: Vec<Value> = values
                .iter()
                .map(|(c, v)| json!({"criterion_id": c, "value": v}))
                .collect();
            let assignment = a["id"].as_str().unwrap();
            let first = ok(
                put_sheet(
                    &app,
                    judge,
                    assignment,
                    &json!({"scores": scores, "comment": format!("Góp ý {j}")}),
                    None,
                )
                .await,
                200,
                "draft",
            )
            .await;
            assert_eq!(first["version"], 1);
            ok(
                app.post_as(
                    judge,
                    &format!("/api/v1/assignments/{assignment}/sheet/submit"),
                    &json!({}),
                )
                .await,
                200,
                "submit",
            )
            .await;
            submitted
                .entry(a["entry"]["entry_id"].as_str().unwrap().to_owned())
                .or_default()
                .push(values);
        }
    }

    // The live leaderboard for officers matches an independent computation of §6.
    let board = ok(
        app.get_as(
            &officer,
            &format!("/api/v1/rounds/{}/leaderboard", staged.round),
        )
        .await,
        200,
        "leaderboard",
    )
    .await;
    assert_eq!(board["method"], "mean");
    assert_eq!(board["published"], false);
    let rows = board["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for row in rows {
        let sheets = &submitted[row["entry_id"].as_str().unwrap()];
        let totals: Vec<f64> = sheets.iter().map(|v| total(&staged.criteria, v)).collect();
        let mean = totals.iter().sum::<f64>() / totals.len() as f64;
        assert!(
            (row["score"].as_f64().unwrap() - mean).abs() < 1e-9,
            "{row}"
        );
        assert_eq!(row["judge_count"], 2);
    }
    assert!(
        rows.windows(2)
            .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64())
    );
    assert_eq!(board["judges"].as_array().unwrap().len(), 3);
    for viewer in [&judges[0], &leads[0], &public] {
        assert_problem(
            app.get_as(
                viewer,
                &format!("/api/v1/rounds/{}/leaderboard", staged.round),
            )
            .await,
            403,
            "results_not_published",
        )
        .await;
    }
    assert_problem(
        app.get(&format!("{COMPETITIONS}/{}/results", staged.competition))
            .await,
        403,
        "results_not_published",
    )
    .await;

    // Advance the top two into the final (a median round, not blind).
    let advanced = ok(
        app.post_as(
            &officer,
            &format!("/api/v1/rounds/{}/advance", staged.round),
            &json!({}),
        )
        .await,
        200,
        "advance",
    )
    .await;
    assert_eq!(advanced.as_array().unwrap().len(), 2);
    let final_round = id_of(&round_two);
    let final_assign = ok(
        app.post_as(
            &officer,
            &format!("/api/v1/rounds/{final_round}/auto-assign"),
            &json!({"seed": 1}),
        )
        .await,
        200,
        "assign 2",
    )
    .await;
    assert_eq!(final_assign["assignments"].as_array().unwrap().len(), 4);
    for judge in &judges {
        for a in my_assignments(&app, judge)
            .await
            .iter()
            .filter(|a| a["round_id"] == final_round.as_str())
        {
            assert!(
                a["entry"]["team"].is_array(),
                "not blind: the team is shown"
            );
            let scores: Vec<Value> = a["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| json!({"criterion_id": c["id"], "value": 3}))
                .collect();
            let assignment = a["id"].as_str().unwrap();
            ok(
                put_sheet(&app, judge, assignment, &json!({"scores": scores}), None).await,
                200,
                "final draft",
            )
            .await;
            ok(
                app.post_as(
                    judge,
                    &format!("/api/v1/assignments/{assignment}/sheet/submit"),
                    &json!({}),
                )
                .await,
                200,
                "final submit",
            )
            .await;
        }
    }

    // Finalise and publish: results freeze.
    for step in ["finalise", "publish"] {
        ok(
            app.post_as(
                &officer,
                &format!("{COMPETITIONS}/{}/{step}", staged.competition),
                &json!({}),
            )
            .await,
            200,
            step,
        )
        .await;
    }
    let results = ok(
        app.get(&format!("{COMPETITIONS}/{}/results", staged.competition))
            .await,
        200,
        "results",
    )
    .await;
    assert_eq!(results["rounds"].as_array().unwrap().len(), 2);
    assert_eq!(
        results["rounds"][0]["leaderboard"]["rows"], board["rows"],
        "the snapshot is the leaderboard at publication"
    );
    assert_eq!(results["rounds"][1]["method"], "median");
    let public_board = ok(
        app.get_as(
            &public,
            &format!("/api/v1/rounds/{}/leaderboard?method=zscore", staged.round),
        )
        .await,
        200,
        "public",
    )
    .await;
    assert_eq!(public_board["published"], true);
    assert_eq!(public_board["method"], "zscore");

    // Awards and the entrants' feedback.
    let award = ok(
        app.post_as(
            &admin,
            &format!("{COMPETITIONS}/{}/awards", staged.competition),
            &json!({"title": "Giải Nhất", "rank_from": 1, "rank_to": 1, "prize_vnd": 50_000_000}),
        )
        .await,
        201,
        "award",
    )
    .await;
    // Both finalists got the same marks, so they share rank 1 and the award.
    let firsts: Vec<&Value> = results["rounds"][1]["leaderboard"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["rank"] == 1)
        .map(|r| &r["entry_id"])
        .collect();
    assert_eq!(
        award["winners"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        firsts
    );
    assert_eq!(firsts.len(), 2);
    let awards = ok(
        app.get(&format!("{COMPETITIONS}/{}/awards", staged.competition))
            .await,
        200,
        "awards",
    )
    .await;
    assert_eq!(awards[0]["prize_vnd"], 50_000_000);
    let entry = &staged.entries[0];
    let feedback = ok(
        app.get_as(&leads[0], &format!("/api/v1/entries/{entry}/feedback"))
            .await,
        200,
        "feedback",
    )
    .await;
    let round_one_feedback = &feedback["rounds"][0];
    assert_eq!(round_one_feedback["criteria"].as_array().unwrap().len(), 2);
    assert_eq!(round_one_feedback["comments"].as_array().unwrap().len(), 2);
    assert!(
        round_one_feedback["comments"][0].get("judge_id").is_none(),
        "no judge names in a blind round"
    );
    assert_problem(
        app.get_as(&leads[1], &format!("/api/v1/entries/{entry}/feedback"))
            .await,
        404,
        "entry_not_found",
    )
    .await;
    let actions = app.audit_actions().await;
    for action in [
        "competition.status_changed",
        "round.auto_assigned",
        "sheet.submitted",
        "round.advanced",
        "competition.award_created",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} missing from the audit log"
        );
    }
}

#[tokio::test]
async fn sheets_refuse_bad_values_stale_versions_and_edits_after_submission() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let lead = app.user(&[]).await;
    let judge = app.user(&[Role::Judge]).await;
    let mut round = round_one();
    round["judges_per_entry"] = json!(1);
    let staged = app
        .judging(&officer)
        .round(round)
        .leads(&[&lead])
        .judges(&[&judge])
        .auto_assign(3)
        .build()
        .await;
    let assignment = my_assignments(&app, &judge).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (a, b) = (&staged.criteria[0].id, &staged.criteria[1].id);
    let good =
        json!({"scores": [{"criterion_id": a, "value": 7}, {"criterion_id": b, "value": 4.5}]});

    for (body, field) in [
        (
            json!({"scores": [{"criterion_id": a, "value": 11}, {"criterion_id": b, "value": 1}]}),
            "scores[0].value",
        ),
        (
            json!({"scores": [{"criterion_id": a, "value": -1}, {"criterion_id": b, "value": 1}]}),
            "scores[0].value",
        ),
        (
            json!({"scores": [{"criterion_id": a, "value": 1}]}),
            "scores",
        ),
        (
            json!({"scores": [{"criterion_id": a, "value": 1}, {"criterion_id": uuid::Uuid::now_v7().to_string(), "value": 1}]}),
            "scores[1].criterion_id",
        ),
    ] {
        let problem = assert_problem(
            put_sheet(&app, &judge, &assignment, &body, None).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    let created = ok(
        put_sheet(&app, &judge, &assignment, &good, None).await,
        200,
        "draft",
    )
    .await;
    assert_eq!(created["version"], 1);
    assert_problem(
        put_sheet(&app, &judge, &assignment, &good, None).await,
        428,
        "version_required",
    )
    .await;
    ok(
        put_sheet(&app, &judge, &assignment, &good, Some(1)).await,
        200,
        "update",
    )
    .await;
    // A second tab still holds version 1.
    assert_problem(
        put_sheet(&app, &judge, &assignment, &good, Some(1)).await,
        412,
        "version_mismatch",
    )
    .await;
    let read = app
        .get_as(&judge, &format!("/api/v1/assignments/{assignment}/sheet"))
        .await;
    assert_eq!(read.headers()["etag"], "\"2\"");
    ok(
        app.post_as(
            &judge,
            &format!("/api/v1/assignments/{assignment}/sheet/submit"),
            &json!({}),
        )
        .await,
        200,
        "submit",
    )
    .await;
    assert_problem(
        put_sheet(&app, &judge, &assignment, &good, Some(3)).await,
        409,
        "sheet_locked",
    )
    .await;

    // Criteria freeze once a sheet is submitted; a reopened sheet can change; closing locks.
    let criteria = json!({"criteria": [{"name": "Một", "weight": 1, "max_score": 10}]});
    let frozen = app
        .client
        .put(app.url(&format!("/api/v1/rounds/{}/criteria", staged.round)))
        .bearer_auth(&officer.token)
        .json(&criteria)
        .send()
        .await
        .unwrap();
    assert_problem(frozen, 409, "not_ready").await;
    let no_reason = app
        .post_as(
            &officer,
            &format!("/api/v1/assignments/{assignment}/sheet/reopen"),
            &json!({"reason": " "}),
        )
        .await;
    assert_problem(no_reason, 422, "validation_failed").await;
    assert_problem(
        app.post_as(
            &judge,
            &format!("/api/v1/assignments/{assignment}/sheet/reopen"),
            &json!({"reason": "x"}),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    let reopened = ok(
        app.post_as(
            &officer,
            &format!("/api/v1/assignments/{assignment}/sheet/reopen"),
            &json!({"reason": "Nhập nhầm điểm"}),
        )
        .await,
        200,
        "reopen",
    )
    .await;
    assert_eq!(reopened["status"], "draft");
    ok(
        put_sheet(&app, &judge, &assignment, &good, Some(4)).await,
        200,
        "edit after reopen",
    )
    .await;
    ok(
        app.post_as(
            &officer,
            &format!("/api/v1/rounds/{}/close", staged.round),
            &json!({}),
        )
        .await,
        200,
        "close",
    )
    .await;
    assert_problem(
        put_sheet(&app, &judge, &assignment, &good, Some(5)).await,
        409,
        "round_closed",
    )
    .await;
    assert!(
        app.audit_actions()
            .await
            .contains(&"sheet.reopened".to_owned())
    );
    // Another judge's sheet is invisible.
    let other_judge = app.user(&[Role::Judge]).await;
    assert_problem(
        app.get_as(
            &other_judge,
            &format!("/api/v1/assignments/{assignment}/sheet"),
        )
        .await,
        404,
        "assignment_not_found",
    )
    .await;
}

#[tokio::test]
async fn conflicted_judges_are_never_assigned() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let (lead_a, lead_b) = (app.user(&[]).await, app.user(&[]).await);
    let judges = [
        app.user(&[Role::Judge]).await,
        app.user(&[Role::Judge]).await,
        app.user(&[Role::Judge]).await,
    ];
    let staged = app
        .judging(&officer)
        .leads(&[&lead_a, &lead_b])
        .judges(&judges.iter().collect::<Vec<_>>())
        .build()
        .await;
    // Judge 0 joins the team of lead A's idea, after staging.
    ok(
        app.post_as(
            &lead_a,
            &format!("/api/v1/ideas/{}/members", staged.ideas[0]),
            &json!({"user_id": judges[0].id, "role": "advisor"}),
        )
        .await,
        201,
        "team",
    )
    .await;
    let declared = app
        .post_as(
            &judges[1],
            &format!("{COMPETITIONS}/{}/conflicts", staged.competition),
            &json!({"judge_id": judges[1].id, "entry_id": staged.entries[1], "kind": "family"}),
        )
        .await;
    let for_other = app
        .post_as(
            &judges[1],
            &format!("{COMPETITIONS}/{}/conflicts", staged.competition),
            &json!({"judge_id": judges[2].id, "entry_id": staged.entries[1], "kind": "other"}),
        )
        .await;

    assert_eq!(declared.status().as_u16(), 201);
    assert_problem(for_other, 403, "forbidden").await;
    let conflicts = ok(
        app.get_as(
            &officer,
            &format!("{COMPETITIONS}/{}/conflicts", staged.competition),
        )
        .await,
        200,
        "conflicts",
    )
    .await;
    assert!(
        conflicts
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["judge_id"] == judges[0].id.as_str()
                && c["derived"] == true
                && c["kind"] == "team_member")
    );
    let out = ok(
        app.post_as(
            &officer,
            &format!("/api/v1/rounds/{}/auto-assign", staged.round),
            &json!({"seed": 5}),
        )
        .await,
        200,
        "assign",
    )
    .await;
    for a in out["assignments"].as_array().unwrap() {
        let pair = (
            a["judge_id"].as_str().unwrap(),
            a["entry_id"].as_str().unwrap(),
        );
        assert_ne!(pair, (judges[0].id.as_str(), staged.entries[0].as_str()));
        assert_ne!(pair, (judges[1].id.as_str(), staged.entries[1].as_str()));
    }
    assert_eq!(
        out["short"],
        json!([]),
        "two unconflicted judges remain for each entry"
    );
    let manual = app
        .post_as(
            &officer,
            &format!("/api/v1/rounds/{}/assignments", staged.round),
            &json!({"entry_id": staged.entries[0], "judge_id": judges[0].id}),
        )
        .await;
    assert_problem(manual, 409, "conflict_of_interest").await;
}

#[tokio::test]
async fn lifecycle_preconditions_and_forced_finalising() {
    let app = TestApp::spawn().await;
    let (officer, admin) = (
        app.user(&[Role::Officer]).await,
        app.user(&[Role::Admin]).await,
    );
    let empty = ok(
        app.post_as(
            &officer,
            COMPETITIONS,
            &json!({"title": "Trống", "audience": "youth"}),
        )
        .await,
        201,
        "create",
    )
    .await;
    let open_empty = app
        .post_as(
            &officer,
            &format!("{COMPETITIONS}/{}/open", id_of(&empty)),
            &json!({}),
        )
        .await;
    let publish_draft = app
        .post_as(
            &officer,
            &format!("{COMPETITIONS}/{}/publish", id_of(&empty)),
            &json!({}),
        )
        .await;
    assert_problem(open_empty, 409, "not_ready").await;
    let body = assert_problem(publish_draft, 409, "invalid_transition").await;
    assert_eq!(body["allowed_next_states"], json!(["open"]));
    assert_problem(
        app.get(&format!("{COMPETITIONS}/{}", id_of(&empty))).await,
        404,
        "competition_not_found",
    )
    .await;

    let lead = app.user(&[]).await;
    let judge = app.user(&[Role::Judge]).await;
    let staged = app
        .judging(&officer)
        .leads(&[&lead])
        .judges(&[&judge])
        .build()
        .await;
    ok(
        app.post_as(
            &officer,
            &format!("/api/v1/rounds/{}/auto-assign", staged.round),
            &json!({}),
        )
        .await,
        200,
        "assign",
    )
    .await;
    let path = format!("{COMPETITIONS}/{}/finalise", staged.competition);

    assert_problem(
        app.post_as(&officer, &path, &json!({})).await,
        409,
        "not_ready",
    )
    .await;
    assert_problem(
        app.post_as(
            &officer,
            &path,
            &json!({"force": true, "reason": "Hết hạn"}),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.post_as(&admin, &path, &json!({"force": true})).await,
        422,
        "validation_failed",
    )
    .await;
    let forced = ok(
        app.post_as(
            &admin,
            &path,
            &json!({"force": true, "reason": "Giám khảo vắng mặt"}),
        )
        .await,
        200,
        "forced",
    )
    .await;
    assert_eq!(forced["status"], "finalised");
    let audit = ok(
        app.get_as(
            &admin,
            "/api/v1/audit?action=competition.status_changed&limit=1",
        )
        .await,
        200,
        "audit",
    )
    .await;
    assert_eq!(audit["items"][0]["after"]["reason"], "Giám khảo vắng mặt");
    assert_eq!(audit["items"][0]["after"]["forced"], true);
}
