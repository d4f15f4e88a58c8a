//! Collection limits (OWASP API4): a full collection refuses one more record with 409
//! `limit_reached`, writes nothing, and holds when requests race for the last place.

use diesel::RunQueryDsl;
use serde_json::{Value, json};
use sonla_core::Role;
use sonla_db::DbError;
use sonla_test_support::{COMPETITIONS, TestApp, all, assert_problem, id_of, ok, round_one};

/// `n` accounts written straight to the database (no password hashing: they never log in).
async fn bare_users(app: &TestApp, n: usize) -> Vec<String> {
    let ids: Vec<String> = (0..n).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    let rows = ids
        .iter()
        .map(|id| {
            format!(
                "('{id}', 'bare-{id}@example.org', 'x', 'Thành viên', NULL, 'vi', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let sql = format!(
        "INSERT INTO users (id, email, password_hash, full_name, phone, locale, created_at, updated_at) VALUES {rows}"
    );
    app.db
        .run(move |conn| diesel::sql_query(sql).execute(conn).map_err(DbError::from))
        .await
        .unwrap();
    ids
}

async fn rounds(app: &TestApp, officer: &sonla_test_support::TestUser, competition: &str) -> usize {
    ok(
        app.get_as(officer, &format!("{COMPETITIONS}/{competition}/rounds"))
            .await,
        200,
        "rounds",
    )
    .await
    .as_array()
    .unwrap()
    .len()
}

#[tokio::test]
async fn a_competition_takes_ten_rounds_even_when_requests_race_for_the_last() {
    let app = TestApp::spawn().await;
    let officer = app.user(&[Role::Officer]).await;
    let competition = app.competition(&officer, "Giới hạn vòng thi").await;
    let path = format!("{COMPETITIONS}/{competition}/rounds");
    for _ in 0..8 {
        ok(
            app.post_as(&officer, &path, &round_one()).await,
            201,
            "round",
        )
        .await;
    }

    // Four requests race for the two places left.
    let round = round_one();
    let statuses: Vec<u16> = all((0..4).map(|_| app.post_as(&officer, &path, &round)))
        .await
        .into_iter()
        .map(|r| r.status().as_u16())
        .collect();
    let refused = app.post_as(&officer, &path, &round).await;

    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        2,
        "{statuses:?}"
    );
    let problem = assert_problem(refused, 409, "limit_reached").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("10"),
        "{problem}"
    );
    assert_eq!(rounds(&app, &officer, &competition).await, 10);
}

#[tokio::test]
async fn a_team_holds_twenty_people() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let idea_id = id_of(&app.idea(&lead, "Đội đông người", json!({})).await);
    let team = format!("/api/v1/ideas/{idea_id}/members");
    let people = bare_users(&app, 20).await;
    for person in &people[..19] {
        ok(
            app.post_as(&lead, &team, &json!({"user_id": person})).await,
            201,
            "add member",
        )
        .await;
    }

    let refused = app
        .post_as(&lead, &team, &json!({"user_id": people[19]}))
        .await;

    assert_problem(refused, 409, "limit_reached").await;
    let members: Value = ok(app.get_as(&lead, &team).await, 200, "team").await;
    assert_eq!(
        members.as_array().unwrap().len(),
        20,
        "the lead and 19 others"
    );
}
