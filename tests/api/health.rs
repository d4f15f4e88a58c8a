//! Liveness, readiness, metrics and request ids.

use sonla_test_support::{TestApp, json};

#[tokio::test]
async fn live_and_ready_answer_200() {
    let app = TestApp::spawn().await;

    let live = app.get("/health/live").await;
    let ready = app.get("/health/ready").await;

    assert_eq!(live.status().as_u16(), 200);
    assert_eq!(ready.status().as_u16(), 200);
    let ready = json(ready).await;
    assert_eq!(ready["status"], "ok");
    assert_eq!(ready["database"], app.test_db.backend().name());
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_nosniff() {
    let app = TestApp::spawn().await;

    let ok = app.get("/health/live").await;
    let missing = app.get("/nowhere").await;

    for response in [&ok, &missing] {
        let id = response.headers()["x-request-id"].to_str().unwrap();
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
    assert_ne!(
        ok.headers()["x-request-id"],
        missing.headers()["x-request-id"]
    );
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_and_report_the_pool() {
    let app = TestApp::spawn().await;
    app.get("/api/v1/organizations").await;
    app.get(&format!("/api/v1/organizations/{}", uuid::Uuid::now_v7()))
        .await;
    app.get("/scanner/probe").await;

    let response = app.get("/metrics").await;

    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = response.text().await.unwrap();
    assert!(
        text.contains(r#"sonla_http_requests_total{endpoint="/api/v1/organizations",method="GET",status="200"} 1"#),
        "{text}"
    );
    assert!(text.contains(r#"sonla_http_requests_total{endpoint="/api/v1/organizations/{organization_id}",method="GET",status="404"} 1"#));
    assert!(
        text.contains(r#"endpoint="UNMATCHED""#),
        "unknown paths share one label"
    );
    assert!(text.contains("sonla_http_requests_duration_seconds_bucket"));
    assert!(text.contains("sonla_db_pool_max_connections 4"));
    assert!(text.contains("sonla_db_pool_connections"));
}
