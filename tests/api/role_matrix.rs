//! The role matrix: every operation of the API called as each kind of caller, with the status
//! each one must get.
//!
//! Every operation in the OpenAPI document needs a row, so a new endpoint without one fails
//! [`every_operation_has_a_row`]. Each call gets fresh records (an organisation, a user, an
//! API key), so rows neither depend on nor spoil each other.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use sonla_core::Role;
use sonla_test_support::{TestApp, TestUser, json};

/// Who calls, in the order of the `expect` arrays.
const PERSONAS: [&str; 5] = ["anonymous", "org member", "other org", "officer", "admin"];

struct Row {
    method: &'static str,
    /// The path as the OpenAPI document writes it.
    spec_path: &'static str,
    /// The path called: `{org}` a fresh organisation in which "org member" is a member,
    /// `{idea}` a fresh public draft idea with "org member" in its team, `{member}` that
    /// member, `{user}` a fresh user, `{key}` a fresh API key.
    path: &'static str,
    /// The body; `{email}` becomes a fresh address, `{user}` the fresh user, `{password}` and
    /// `{refresh}` the fresh user's password and refresh token, `{own_password}` the caller's.
    body: Option<Value>,
    /// Expected status per persona.
    expect: [u16; 5],
}

const fn row(
    method: &'static str,
    spec_path: &'static str,
    path: &'static str,
    body: Option<Value>,
    expect: [u16; 5],
) -> Row {
    Row {
        method,
        spec_path,
        path,
        body,
        expect,
    }
}

fn rows() -> Vec<Row> {
    let orgs = "/api/v1/organizations";
    vec![
        // Operations.
        row("GET", "/health/live", "/health/live", None, [200; 5]),
        row("GET", "/health/ready", "/health/ready", None, [200; 5]),
        row("GET", "/metrics", "/metrics", None, [200; 5]),
        row("GET", "/problems", "/problems", None, [200; 5]),
        row(
            "GET",
            "/problems/{code}",
            "/problems/not_found",
            None,
            [200; 5],
        ),
        // Authentication.
        row(
            "POST",
            "/api/v1/auth/register",
            "/api/v1/auth/register",
            Some(
                json!({"email": "{email}", "password": "mật khẩu ma trận", "full_name": "Quàng Văn Ma"}),
            ),
            [201; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/login",
            "/api/v1/auth/login",
            Some(json!({"email": "{user_email}", "password": "{password}"})),
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/refresh",
            "/api/v1/auth/refresh",
            Some(json!({"refresh_token": "{refresh}"})),
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/auth/logout",
            "/api/v1/auth/logout",
            Some(json!({"refresh_token": "{refresh}"})),
            [204; 5],
        ),
        row(
            "GET",
            "/api/v1/auth/whoami",
            "/api/v1/auth/whoami",
            None,
            [401, 200, 200, 200, 200],
        ),
        // The caller's own account.
        row(
            "GET",
            "/api/v1/me",
            "/api/v1/me",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "PATCH",
            "/api/v1/me",
            "/api/v1/me",
            Some(json!({"full_name": "Lường Thị Mai"})),
            [401, 200, 200, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/me/password",
            "/api/v1/me/password",
            Some(json!({"current_password": "{own_password}", "new_password": "{own_password}"})),
            [401, 204, 204, 204, 204],
        ),
        // Users and roles.
        row(
            "GET",
            "/api/v1/users",
            "/api/v1/users",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/users/{user_id}",
            "/api/v1/users/{user}",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/users/{user_id}/roles",
            "/api/v1/users/{user}/roles",
            Some(json!({"role": "judge"})),
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/users/{user_id}/roles/{role}",
            "/api/v1/users/{user}/roles/judge",
            None,
            [401, 403, 403, 403, 204],
        ),
        // API keys and the audit log.
        row(
            "POST",
            "/api/v1/api-keys",
            "/api/v1/api-keys",
            Some(json!({"name": "Cổng quốc gia", "scopes": ["read"]})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "GET",
            "/api/v1/api-keys",
            "/api/v1/api-keys",
            None,
            [401, 403, 403, 403, 200],
        ),
        row(
            "GET",
            "/api/v1/api-keys/{api_key_id}",
            "/api/v1/api-keys/{key}",
            None,
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/api-keys/{api_key_id}",
            "/api/v1/api-keys/{key}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/audit",
            "/api/v1/audit",
            None,
            [401, 403, 403, 403, 200],
        ),
        // Organisations and their members.
        row("GET", orgs, orgs, None, [200; 5]),
        row(
            "POST",
            orgs,
            orgs,
            Some(json!({"name": "{email}", "kind": "club"})),
            [401, 201, 201, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            None,
            [200; 5],
        ),
        row(
            "PATCH",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            Some(json!({"short_description": "Đã sửa"})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "DELETE",
            "/api/v1/organizations/{organization_id}",
            "/api/v1/organizations/{org}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/organizations/{organization_id}/members",
            "/api/v1/organizations/{org}/members",
            None,
            [401, 200, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/organizations/{organization_id}/members",
            "/api/v1/organizations/{org}/members",
            Some(json!({"user_id": "{user}"})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "PATCH",
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "/api/v1/organizations/{org}/members/{member}",
            Some(json!({"role": "manager"})),
            [401, 403, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/organizations/{organization_id}/members/{user_id}",
            "/api/v1/organizations/{org}/members/{member}",
            None,
            [401, 204, 403, 403, 204],
        ),
        // Ideas: `{idea}` is a public draft led by someone else, with "org member" in its team.
        row("GET", "/api/v1/ideas", "/api/v1/ideas", None, [200; 5]),
        row(
            "GET",
            "/api/v1/ideas/count",
            "/api/v1/ideas/count",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/ideas",
            "/api/v1/ideas",
            Some(
                json!({"title": "Trà shan tuyết", "summary": "Chè cổ thụ", "sector": "agriculture", "stage": "idea", "visibility": "public"}),
            ),
            [401, 201, 201, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            None,
            [200; 5],
        ),
        row(
            "PATCH",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            Some(json!({"summary": "Đã sửa"})),
            [401, 200, 403, 403, 200],
        ),
        row(
            "DELETE",
            "/api/v1/ideas/{idea_id}",
            "/api/v1/ideas/{idea}",
            None,
            [401, 403, 403, 403, 204],
        ),
        row(
            "POST",
            "/api/v1/ideas/{idea_id}/{action}",
            "/api/v1/ideas/{idea}/archive",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "PUT",
            "/api/v1/ideas/{idea_id}/selection",
            "/api/v1/ideas/{idea}/selection",
            Some(json!({"priority": 3, "shortlisted": true})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}/history",
            "/api/v1/ideas/{idea}/history",
            None,
            [401, 200, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/ideas/{idea_id}/members",
            "/api/v1/ideas/{idea}/members",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/ideas/{idea_id}/members",
            "/api/v1/ideas/{idea}/members",
            Some(json!({"user_id": "{user}"})),
            [401, 403, 403, 403, 201],
        ),
        row(
            "DELETE",
            "/api/v1/ideas/{idea_id}/members/{user_id}",
            "/api/v1/ideas/{idea}/members/{member}",
            None,
            [401, 204, 403, 403, 204],
        ),
        row(
            "GET",
            "/api/v1/me/ideas",
            "/api/v1/me/ideas",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/reference/sectors",
            "/api/v1/reference/sectors",
            None,
            [200; 5],
        ),
        // Competitions: `{comp}` is judging; "org member" leads its entry `{entry}`; the cast's
        // judge holds `{assignment}` in round `{round}`.
        row(
            "GET",
            "/api/v1/competitions",
            "/api/v1/competitions",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions",
            "/api/v1/competitions",
            Some(json!({"title": "Cuộc thi", "audience": "everyone"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}",
            "/api/v1/competitions/{comp}",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/{step}",
            "/api/v1/competitions/{comp}/finalise",
            None,
            [401, 403, 403, 409, 409],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/rounds",
            "/api/v1/competitions/{comp}/rounds",
            Some(
                json!({"name": "Vòng 2", "method": "zscore", "judges_per_entry": 1, "criteria": [{"name": "A", "weight": 1, "max_score": 10}]}),
            ),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/rounds",
            "/api/v1/competitions/{comp}/rounds",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/entries",
            "/api/v1/competitions/{comp}/entries",
            Some(json!({"idea_id": "{user}"})),
            [401, 409, 409, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/entries",
            "/api/v1/competitions/{comp}/entries",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/judges",
            "/api/v1/competitions/{comp}/judges",
            Some(json!({"user_id": "{judge}"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/judges",
            "/api/v1/competitions/{comp}/judges",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/conflicts",
            "/api/v1/competitions/{comp}/conflicts",
            Some(json!({"judge_id": "{judge}", "entry_id": "{entry}", "kind": "other"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/conflicts",
            "/api/v1/competitions/{comp}/conflicts",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/results",
            "/api/v1/competitions/{comp}/results",
            None,
            [403; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/awards",
            "/api/v1/competitions/{comp}/awards",
            Some(json!({"title": "Giải Nhất", "rank_from": 1, "prize_vnd": 1000})),
            [401, 403, 403, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/awards",
            "/api/v1/competitions/{comp}/awards",
            None,
            [403; 5],
        ),
        row(
            "PUT",
            "/api/v1/rounds/{round_id}/criteria",
            "/api/v1/rounds/{round}/criteria",
            Some(json!({"criteria": [{"name": "B", "weight": 2, "max_score": 5}]})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/close",
            "/api/v1/rounds/{round}/close",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/auto-assign",
            "/api/v1/rounds/{round}/auto-assign",
            Some(json!({"seed": 1})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/rounds/{round_id}/assignments",
            "/api/v1/rounds/{round}/assignments",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/assignments",
            "/api/v1/rounds/{round}/assignments",
            Some(json!({"entry_id": "{entry}", "judge_id": "{judge}"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/rounds/{round_id}/leaderboard",
            "/api/v1/rounds/{round}/leaderboard",
            None,
            [403, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/advance",
            "/api/v1/rounds/{round}/advance",
            None,
            [401, 403, 403, 409, 409],
        ),
        row(
            "POST",
            "/api/v1/entries/{entry_id}/withdraw",
            "/api/v1/entries/{entry}/withdraw",
            None,
            [401, 409, 404, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/entries/{entry_id}/feedback",
            "/api/v1/entries/{entry}/feedback",
            None,
            [401, 403, 404, 403, 403],
        ),
        row(
            "DELETE",
            "/api/v1/assignments/{assignment_id}",
            "/api/v1/assignments/{assignment}",
            None,
            [401, 403, 403, 204, 204],
        ),
        row(
            "GET",
            "/api/v1/assignments/{assignment_id}/sheet",
            "/api/v1/assignments/{assignment}/sheet",
            None,
            [401, 404, 404, 200, 200],
        ),
        row(
            "PUT",
            "/api/v1/assignments/{assignment_id}/sheet",
            "/api/v1/assignments/{assignment}/sheet",
            Some(json!({"scores": [{"criterion_id": "{criterion}", "value": 1}]})),
            [401, 404, 404, 403, 403],
        ),
        row(
            "POST",
            "/api/v1/assignments/{assignment_id}/sheet/submit",
            "/api/v1/assignments/{assignment}/sheet/submit",
            None,
            [401, 404, 404, 403, 403],
        ),
        row(
            "POST",
            "/api/v1/assignments/{assignment_id}/sheet/reopen",
            "/api/v1/assignments/{assignment}/sheet/reopen",
            Some(json!({"reason": "Sai"})),
            [401, 403, 403, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/me/assignments",
            "/api/v1/me/assignments",
            None,
            [401, 200, 200, 200, 200],
        ),
    ]
}

/// The callers: `None` is anonymous.
struct Cast {
    personas: Vec<Option<TestUser>>,
    owner: TestUser,
    admin: TestUser,
    judge: TestUser,
}

async fn cast(app: &TestApp) -> Cast {
    let member = app.user(&[]).await;
    let other = app.user(&[]).await;
    let body = json!({"name": "Tổ chức khác", "kind": "business"});
    assert_eq!(
        app.post_as(&other, "/api/v1/organizations", &body)
            .await
            .status()
            .as_u16(),
        201
    );
    let officer = app.user(&[Role::Officer]).await;
    let admin = app.user(&[Role::Admin]).await;
    let owner = app.user(&[]).await;
    let judge = app.user(&[Role::Judge]).await;
    Cast {
        judge,
        personas: vec![
            None,
            Some(member),
            Some(other),
            Some(officer),
            Some(admin.clone()),
        ],
        owner,
        admin,
    }
}

/// Fresh records for one call, created only when the row needs them.
async fn fill(
    app: &TestApp,
    cast: &Cast,
    caller: Option<&TestUser>,
    row: &Row,
) -> (String, Option<Value>) {
    let text = format!(
        "{}{}",
        row.path,
        row.body.as_ref().map(Value::to_string).unwrap_or_default()
    );
    let mut path = row.path.to_owned();
    let mut body = row.body.as_ref().map(Value::to_string).unwrap_or_default();
    let mut replace = |from: &str, to: &str| {
        path = path.replace(from, to);
        body = body.replace(from, to);
    };
    if text.contains("{org}") || text.contains("{member}") {
        let name = format!("CLB {}", uuid::Uuid::new_v4());
        let org = json(
            app.post_as(
                &cast.owner,
                "/api/v1/organizations",
                &json!({"name": name, "kind": "club"}),
            )
            .await,
        )
        .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let member = cast.personas[1].as_ref().unwrap();
        let added = app
            .post_as(
                &cast.owner,
                &format!("/api/v1/organizations/{org}/members"),
                &json!({"user_id": member.id}),
            )
            .await;
        assert_eq!(added.status().as_u16(), 201);
        replace("{org}", &org);
        replace("{member}", &member.id);
    }
    if text.contains("{idea}") {
        let body = json!({"title": "Mận hậu sấy", "summary": "Sấy lạnh", "sector": "food_processing", "stage": "idea", "visibility": "public"});
        let idea = json(app.post_as(&cast.owner, "/api/v1/ideas", &body).await).await["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let member = cast.personas[1].as_ref().unwrap();
        let added = app
            .post_as(
                &cast.owner,
                &format!("/api/v1/ideas/{idea}/members"),
                &json!({"user_id": member.id}),
            )
            .await;
        assert_eq!(added.status().as_u16(), 201);
        replace("{idea}", &idea);
        replace("{member}", &member.id);
    }
    if [
        "{comp}",
        "{round}",
        "{entry}",
        "{assignment}",
        "{criterion}",
    ]
    .iter()
    .any(|p| text.contains(p))
    {
        let c = judging_competition(app, cast).await;
        for (from, to) in [
            ("{comp}", &c[0]),
            ("{round}", &c[1]),
            ("{entry}", &c[2]),
            ("{assignment}", &c[3]),
            ("{criterion}", &c[4]),
        ] {
            replace(from, to);
        }
    }
    replace("{judge}", &cast.judge.id);
    if ["{user}", "{user_email}", "{password}", "{refresh}"]
        .iter()
        .any(|p| text.contains(p))
    {
        let user = app.user(&[]).await;
        replace("{user_email}", &user.email);
        replace("{password}", &user.password);
        replace("{refresh}", &user.refresh_token);
        replace("{user}", &user.id);
    }
    if text.contains("{key}") {
        let created = app
            .post_as(
                &cast.admin,
                "/api/v1/api-keys",
                &json!({"name": "K", "scopes": ["read"]}),
            )
            .await;
        replace("{key}", json(created).await["id"].as_str().unwrap());
    }
    replace(
        "{email}",
        &format!("matrix-{}@example.org", uuid::Uuid::new_v4().simple()),
    );
    if let Some(caller) = caller {
        replace("{own_password}", &caller.password);
    }
    let body = (!body.is_empty()).then(|| serde_json::from_str(&body).unwrap());
    (path, body)
}

/// A judging competition: `[competition, round, entry, assignment, criterion]`.
async fn judging_competition(app: &TestApp, cast: &Cast) -> [String; 5] {
    let admin = &cast.admin;
    let c = json(
        app.post_as(
            admin,
            "/api/v1/competitions",
            &json!({"title": "Ma trận", "audience": "students"}),
        )
        .await,
    )
    .await;
    let comp = c["id"].as_str().unwrap().to_owned();
    let round_body = json!({"name": "Vòng 1", "method": "mean", "judges_per_entry": 1, "criteria": [{"name": "A", "weight": 1, "max_score": 10}]});
    let round = json(
        app.post_as(
            admin,
            &format!("/api/v1/competitions/{comp}/rounds"),
            &round_body,
        )
        .await,
    )
    .await;
    let (round_id, criterion) = (
        round["id"].as_str().unwrap().to_owned(),
        round["criteria"][0]["id"].as_str().unwrap().to_owned(),
    );
    app.post_as(
        admin,
        &format!("/api/v1/competitions/{comp}/open"),
        &json!({}),
    )
    .await;
    let lead = cast.personas[1].as_ref().unwrap();
    let idea_body = json!({"title": "Bài thi", "summary": "Tóm tắt", "sector": "technology", "stage": "idea", "visibility": "public"});
    let idea = json(app.post_as(lead, "/api/v1/ideas", &idea_body).await).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post_as(lead, &format!("/api/v1/ideas/{idea}/submit"), &json!({}))
        .await;
    let entry = json(
        app.post_as(
            lead,
            &format!("/api/v1/competitions/{comp}/entries"),
            &json!({"idea_id": idea}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post_as(
        admin,
        &format!("/api/v1/competitions/{comp}/judges"),
        &json!({"user_id": cast.judge.id}),
    )
    .await;
    app.post_as(
        admin,
        &format!("/api/v1/competitions/{comp}/start-judging"),
        &json!({}),
    )
    .await;
    let assignment = json(
        app.post_as(
            admin,
            &format!("/api/v1/rounds/{round_id}/assignments"),
            &json!({"entry_id": entry, "judge_id": cast.judge.id}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    [comp, round_id, entry, assignment, criterion]
}

#[tokio::test]
async fn every_caller_gets_the_expected_status_on_every_operation() {
    let app = TestApp::spawn().await;
    let cast = cast(&app).await;
    let mut failures = Vec::new();

    for row in rows() {
        for (persona, (caller, expected)) in
            PERSONAS.iter().zip(cast.personas.iter().zip(row.expect))
        {
            let (path, body) = fill(&app, &cast, caller.as_ref(), &row).await;
            let mut request = app
                .client
                .request(row.method.parse().unwrap(), app.url(&path));
            if let Some(caller) = caller {
                request = request.bearer_auth(&caller.token);
            }
            if let Some(body) = &body {
                request = request.json(body);
            }
            let status = request.send().await.unwrap().status().as_u16();
            if status != expected {
                failures.push(format!(
                    "{} {} as {persona}: got {status}, expected {expected}",
                    row.method, row.spec_path
                ));
            }
        }
    }

    assert!(
        failures.is_empty(),
        "role matrix mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_operation_has_a_row() {
    let spec = api::openapi::spec();
    let covered: BTreeSet<(String, String)> = rows()
        .iter()
        .map(|r| (r.method.to_owned(), r.spec_path.to_owned()))
        .collect();
    let mut missing = Vec::new();
    for (path, item) in &spec.paths.paths {
        let methods = [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
        ];
        for (method, present) in methods {
            if present && !covered.contains(&(method.to_owned(), path.clone())) {
                missing.push(format!("{method} {path}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "operations without a role-matrix row:\n{}",
        missing.join("\n")
    );
}
