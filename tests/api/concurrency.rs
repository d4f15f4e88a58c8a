//! Races: the database, not luck, keeps the rules.

use serde_json::json;
use sonla_test_support::{TestApp, all, json};

#[tokio::test]
async fn concurrent_creates_with_one_name_make_exactly_one_organisation() {
    let app = TestApp::spawn_with(|s| s.workers = 2).await;
    let owner = app.user(&[]).await;
    let body = json!({"name": "Vườn ươm Đại học Tây Bắc", "kind": "incubator"});

    let statuses: Vec<u16> = all((0..12).map(|_| async {
        app.post_as(&owner, "/api/v1/organizations", &body)
            .await
            .status()
            .as_u16()
    }))
    .await;

    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        11,
        "{statuses:?}"
    );
    let list = json(app.get("/api/v1/organizations").await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn concurrent_writes_of_different_records_all_succeed() {
    let app = TestApp::spawn_with(|s| s.workers = 2).await;
    let owner = app.user(&[]).await;

    let statuses: Vec<u16> = all((0..24).map(|i| {
        let (app, owner) = (&app, &owner);
        async move {
            let body = json!({"name": format!("Hợp tác xã {i}"), "kind": "cooperative", "locality": "Mộc Châu"});
            app.post_as(owner, "/api/v1/organizations", &body).await.status().as_u16()
        }
    }))
    .await;

    assert!(
        statuses.iter().all(|s| *s == 201),
        "no write fails with a locked database: {statuses:?}"
    );
    let list = json(
        app.get("/api/v1/organizations?limit=100&q=moc%20chau")
            .await,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 24);
}
