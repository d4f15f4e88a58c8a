//! `api seed-demo`: the demo data serve the real endpoints, come out the same for a seed, and
//! never land on a database that already has data.

use diesel::prelude::*;
use serde_json::{Value, json};
use sonla_db::DbError;
use sonla_db::schema::{entries, ideas, sheet_scores, users};
use sonla_seed::{DEFAULT_PASSWORD, Progress, SeedError, SeedOptions, Summary, seed_demo};
use sonla_test_support::{TestApp, json};

async fn seeded(seed: u64) -> (TestApp, Summary) {
    let app = TestApp::spawn().await;
    let summary = seed_demo(&app.db, SeedOptions::new(1, seed), Progress::hidden())
        .await
        .expect("the demo data are seeded");
    (app, summary)
}

async fn token(app: &TestApp, account: &str) -> String {
    app.login(&format!("{account}@sonla.example"), DEFAULT_PASSWORD)
        .await
        .access_token
}

async fn get(app: &TestApp, token: Option<&str>, path: &str, query: &[(&str, &str)]) -> Value {
    let mut request = app.client.get(app.url(path)).query(query);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200, "GET {path} {query:?}");
    json(response).await
}

/// The items of a page (or the list itself).
fn items(body: &Value) -> Vec<Value> {
    body.get("items")
        .unwrap_or(body)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn the_demo_data_serve_lists_search_details_judging_and_leaderboards() {
    // Arrange
    let (app, summary) = seeded(sonla_seed::DEFAULT_SEED).await;

    // Act and assert: what was written.
    assert_eq!(summary.counts.ideas, 100);
    assert_eq!(summary.counts.users, 30);
    assert_eq!(summary.counts.organizations, 10);
    assert_eq!(summary.counts.competitions, 4);
    assert_eq!(summary.competitions.round_entries, 12);
    // One search document per user, organisation and (undeleted) idea.
    assert_eq!(summary.counts.search_documents, 100 + 30 + 10);

    // Anyone lists public ideas and finds one by its title without diacritics.
    let listed = items(&get(&app, None, "/api/v1/ideas", &[("limit", "100")]).await);
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|i| i["visibility"] == "public"));
    let idea = listed
        .iter()
        .find(|i| {
            let title = i["title"].as_str().unwrap_or_default();
            sonla_core::text::fold(title) != title.to_lowercase()
        })
        .expect("a title with diacritics");
    let title = idea["title"].as_str().unwrap();
    let query = sonla_core::text::fold(title);
    let found = items(
        &get(
            &app,
            None,
            "/api/v1/ideas",
            &[("q", &query), ("limit", "100")],
        )
        .await,
    );
    assert!(
        found.iter().any(|i| i["id"] == idea["id"]),
        "“{query}” finds “{title}”"
    );
    let id = idea["id"].as_str().unwrap();
    let detail = get(&app, None, &format!("/api/v1/ideas/{id}"), &[]).await;
    assert_eq!(detail["title"], title);
    let team = get(&app, None, &format!("/api/v1/ideas/{id}/members"), &[]).await;
    assert!(items(&team).iter().any(|m| m["role"] == "lead"));

    // Organisations are indexed too.
    let organizations = items(
        &get(
            &app,
            None,
            "/api/v1/organizations",
            &[("q", "dai hoc tay bac")],
        )
        .await,
    );
    assert!(
        organizations
            .iter()
            .any(|o| o["name"] == "Trường Đại học Tây Bắc")
    );

    // The demo founder sees their ideas, drafts included.
    let founder = token(&app, "demo-founder").await;
    let mine = items(
        &get(
            &app,
            Some(&founder),
            "/api/v1/me/ideas",
            &[("limit", "100")],
        )
        .await,
    );
    assert!(
        mine.iter()
            .any(|i| i["status"] == "draft" && i["my_role"] == "lead")
    );

    // A judge sees their assignments and scores the two left for them.
    let judge = token(&app, "demo-judge1").await;
    let assignments = items(
        &get(
            &app,
            Some(&judge),
            "/api/v1/me/assignments",
            &[("limit", "100")],
        )
        .await,
    );
    assert!(!assignments.is_empty());
    for (status, version) in [("none", None), ("draft", Some(1))] {
        let assignment = assignments
            .iter()
            .find(|a| a["sheet_status"] == status)
            .unwrap_or_else(|| panic!("an assignment with a {status} sheet"));
        let scores: Vec<Value> = assignment["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| json!({"criterion_id": c["id"], "value": c["max_score"]}))
            .collect();
        let path = format!(
            "/api/v1/assignments/{}/sheet",
            assignment["id"].as_str().unwrap()
        );
        let saved = app
            .client
            .put(app.url(&path))
            .bearer_auth(&judge)
            .json(&json!({"scores": scores, "comment": "Rất tốt", "version": version}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            saved.status().as_u16(),
            200,
            "{}",
            saved.text().await.unwrap()
        );
        let submitted = app
            .client
            .post(app.url(&format!("{path}/submit")))
            .bearer_auth(&judge)
            .send()
            .await
            .unwrap();
        assert_eq!(
            submitted.status().as_u16(),
            200,
            "{}",
            submitted.text().await.unwrap()
        );
    }

    // An officer reads the live leaderboard of the round being judged.
    let officer = token(&app, "demo-officer").await;
    let round = &summary.competitions.judging_round;
    let board = get(
        &app,
        Some(&officer),
        &format!("/api/v1/rounds/{round}/leaderboard"),
        &[],
    )
    .await;
    assert_eq!(board["rows"].as_array().map(Vec::len), Some(12));
    assert_eq!(board["published"], false);

    // Everyone reads last year's published results and awards.
    let published = &summary.competitions.published;
    let results = get(
        &app,
        None,
        &format!("/api/v1/competitions/{published}/results"),
        &[],
    )
    .await;
    assert_eq!(results["rounds"].as_array().map(Vec::len), Some(2));
    let awards = items(
        &get(
            &app,
            None,
            &format!("/api/v1/competitions/{published}/awards"),
            &[],
        )
        .await,
    );
    assert_eq!(awards.len(), 5);
    assert!(
        awards
            .iter()
            .all(|a| a["winners"].as_array().is_some_and(|w| !w.is_empty()))
    );
}

/// Ideas, users, entries and score values, in a fixed order.
async fn dump(app: &TestApp) -> Vec<String> {
    app.db
        .run(|conn| {
            let mut out: Vec<String> = ideas::table
                .select((ideas::id, ideas::title, ideas::status, ideas::summary))
                .order(ideas::id)
                .load::<(String, String, String, String)>(conn)?
                .into_iter()
                .map(|row| format!("{row:?}"))
                .collect();
            out.extend(
                users::table
                    .select((users::id, users::email, users::full_name))
                    .order(users::id)
                    .load::<(String, String, String)>(conn)?
                    .into_iter()
                    .map(|row| format!("{row:?}")),
            );
            out.extend(
                entries::table
                    .select((entries::id, entries::idea_id))
                    .order(entries::id)
                    .load::<(String, String)>(conn)?
                    .into_iter()
                    .map(|row| format!("{row:?}")),
            );
            out.extend(
                sheet_scores::table
                    .select((
                        sheet_scores::assignment_id,
                        sheet_scores::criterion_id,
                        sheet_scores::value,
                    ))
                    .order((sheet_scores::assignment_id, sheet_scores::criterion_id))
                    .load::<(String, String, f64)>(conn)?
                    .into_iter()
                    .map(|row| format!("{row:?}")),
            );
            Ok::<_, DbError>(out)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    // Arrange
    let (first, _) = seeded(7).await;
    let (again, _) = seeded(7).await;
    let (other, _) = seeded(8).await;

    // Act
    let (first, again, other) = (dump(&first).await, dump(&again).await, dump(&other).await);

    // Assert
    assert!(first.len() > 500);
    assert!(
        first == again,
        "seed 7 twice gives the same rows, ids included"
    );
    assert!(first != other, "seed 8 gives other rows");
}

#[tokio::test]
async fn seeding_refuses_a_database_that_has_data_or_a_weak_password() {
    // Arrange
    let (seeded_app, _) = seeded(1).await;
    let app = TestApp::spawn().await;
    app.user(&[]).await;

    // Act
    let twice = seed_demo(&seeded_app.db, SeedOptions::new(1, 1), Progress::hidden()).await;
    let over_a_user = seed_demo(&app.db, SeedOptions::new(1, 1), Progress::hidden()).await;
    let weak = seed_demo(
        &TestApp::spawn().await.db,
        SeedOptions {
            password: "ngắn quá".into(),
            ..SeedOptions::new(1, 1)
        },
        Progress::hidden(),
    )
    .await;

    // Assert
    assert!(
        matches!(
            twice,
            Err(SeedError::NotEmpty {
                users: 30,
                ideas: 100,
                ..
            })
        ),
        "{twice:?}"
    );
    assert!(
        matches!(
            over_a_user,
            Err(SeedError::NotEmpty {
                users: 1,
                ideas: 0,
                ..
            })
        ),
        "{over_a_user:?}"
    );
    let ideas_written: i64 = app
        .db
        .run(|conn| ideas::table.count().get_result(conn).map_err(DbError::from))
        .await
        .unwrap();
    assert_eq!(ideas_written, 0, "nothing is written");
    assert!(matches!(weak, Err(SeedError::Invalid(_))), "{weak:?}");
}
