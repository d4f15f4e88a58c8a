//! Rate limits per caller, with `RateLimit-*` headers and 429 problems.

use api::ratelimit::Quota;
use serde_json::json;
use sonla_test_support::{TestApp, assert_problem};

#[tokio::test]
async fn a_caller_over_its_quota_gets_429_with_retry_after() {
    let app = TestApp::spawn_with(|s| {
        s.rate_limit = Quota {
            per_minute: 60,
            burst: 3,
        }
    })
    .await;
    let user = app.user(&[]).await;

    // Registering `user` spent some of this address's quota already: spend the rest.
    let mut remaining = Vec::new();
    let refused = loop {
        let response = app.get("/api/v1/organizations").await;
        if response.status().as_u16() != 200 {
            break response;
        }
        assert_eq!(response.headers()["ratelimit-limit"], "3");
        // 60 a minute: one request comes back each second, so the burst of 3 is whole
        // again within (3 - remaining) seconds.
        let reset: u64 = response.headers()["ratelimit-reset"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=3).contains(&reset), "RateLimit-Reset {reset}");
        remaining.push(
            response.headers()["ratelimit-remaining"]
                .to_str()
                .unwrap()
                .parse::<u32>()
                .unwrap(),
        );
        assert!(remaining.len() <= 3, "the quota was never applied");
    };
    let other_caller = app.get_as(&user, "/api/v1/organizations").await;
    // Error answers carry the quota too.
    let not_found = app.get_as(&user, "/api/v1/nothing-here").await;
    assert_eq!(not_found.status().as_u16(), 404);
    for header in ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"] {
        assert!(
            not_found.headers().contains_key(header),
            "404 without {header}"
        );
    }

    assert_eq!(remaining.last(), Some(&0));
    assert!(
        remaining.windows(2).all(|w| w[0] == w[1] + 1),
        "{remaining:?}"
    );
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    assert_eq!(refused.headers()["ratelimit-remaining"], "0");
    assert_problem(refused, 429, "rate_limited").await;
    assert_eq!(
        other_caller.status().as_u16(),
        200,
        "each caller has its own quota"
    );
}

#[tokio::test]
async fn the_auth_routes_have_a_tighter_quota() {
    let app = TestApp::spawn_with(|s| {
        s.auth_rate_limit = Quota {
            per_minute: 60,
            burst: 2,
        }
    })
    .await;
    let body = json!({"email": "ai@example.org", "password": "không đúng đâu"});

    for _ in 0..2 {
        assert_eq!(
            app.post_json("/api/v1/auth/login", &body)
                .await
                .status()
                .as_u16(),
            401
        );
    }
    let refused = app.post_json("/api/v1/auth/login", &body).await;

    assert_problem(refused, 429, "rate_limited").await;
    assert_eq!(
        app.get("/api/v1/organizations").await.status().as_u16(),
        200,
        "other routes are not affected"
    );
}
