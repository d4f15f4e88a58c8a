//! The OpenAPI document: committed, served, and matching the code.

use sonla_test_support::{TestApp, json};

const COMMITTED: &str = include_str!("../../openapi/openapi.json");

#[test]
fn committed_spec_matches_the_code() {
    let generated = api::openapi::spec_json().unwrap();
    assert!(
        generated == COMMITTED,
        "openapi/openapi.json is out of date: run `cargo run -p api -- openapi > openapi/openapi.json`"
    );
}

#[tokio::test]
async fn spec_is_served_as_openapi_3_1() {
    let app = TestApp::spawn().await;

    let spec = json(app.get("/openapi.json").await).await;

    assert_eq!(spec["openapi"], "3.1.0");
    assert!(spec["paths"]["/api/v1/organizations"]["get"].is_object());
    let committed: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert!(
        spec == committed,
        "the served document differs from openapi/openapi.json"
    );
}

#[tokio::test]
async fn interactive_docs_are_served_without_internet() {
    let app = TestApp::spawn().await;

    let page = app.get("/docs/").await;
    let script = app.get("/docs/swagger-ui-bundle.js").await;

    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("swagger-ui"));
    assert_eq!(
        script.status().as_u16(),
        200,
        "the UI's script is vendored into the binary"
    );
    assert!(script.text().await.unwrap().len() > 100_000);
}

#[tokio::test]
async fn docs_without_the_slash_redirect_to_it() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    let response = client.get(app.url("/docs")).send().await.unwrap();

    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers()["location"], "/docs/");
}

/// Optional bodies are their schema, not required, rather than `oneOf [schema, null]`, which
/// client generators stumble on.
#[test]
fn optional_bodies_are_their_schema_and_not_required() {
    let spec: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, schema) in [
        ("/api/v1/ideas/{idea_id}/{action}", "ActionRequest"),
        (
            "/api/v1/competitions/{competition_id}/{step}",
            "LifecycleRequest",
        ),
    ] {
        let body = &spec["paths"][path]["post"]["requestBody"];
        assert_eq!(body["required"], false, "{path}");
        assert_eq!(
            body["content"]["application/json"]["schema"],
            serde_json::json!({"$ref": format!("#/components/schemas/{schema}")}),
            "{path}"
        );
    }
}

#[test]
fn schemas_state_their_limits() {
    let spec: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    let create = &spec["components"]["schemas"]["CreateOrganizationRequest"]["properties"];
    assert_eq!(create["name"]["maxLength"], 200);
    assert_eq!(create["website"]["maxLength"], 300);
    let params = spec["paths"]["/api/v1/organizations"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let limit = params.iter().find(|p| p["name"] == "limit").unwrap();
    assert_eq!(limit["schema"]["maximum"], 100);
    assert_eq!(limit["schema"]["format"], "int32");
}

#[test]
fn every_response_has_a_description_and_every_reference_resolves() {
    let spec: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                let described = response["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty());
                assert!(described, "{method} {path} {status} has no description");
            }
        }
    }
    let text = COMMITTED;
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(
            schemas.contains_key(name),
            "#/components/schemas/{name} does not exist"
        );
    }
}

/// Every `pattern` of the document is one a validator applies, character for character.
#[test]
fn documented_patterns_are_the_ones_the_server_applies() {
    use sonla_core::validation::{
        HEADER_PATTERN, HTTP_URL_PATTERN, NOT_BLANK_PATTERN, PHONE_PATTERN, TEXT_PATTERN,
    };
    fn patterns(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(fields) => {
                if let Some(serde_json::Value::String(p)) = fields.get("pattern") {
                    found.push(p.clone());
                }
                fields.values().for_each(|v| patterns(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| patterns(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    patterns(&api::openapi::document(), &mut found);
    assert!(found.len() > 10, "{found:?}");
    let known = [
        TEXT_PATTERN,
        NOT_BLANK_PATTERN,
        HEADER_PATTERN,
        HTTP_URL_PATTERN,
        PHONE_PATTERN,
    ];
    for pattern in &found {
        assert!(
            known.contains(&pattern.as_str()),
            "no validator applies the pattern {pattern}"
        );
    }
    // The marker of a not-blank field became the pattern that says it exactly.
    assert!(!found.iter().any(|p| p == r"\S"));
    assert!(found.iter().any(|p| p == NOT_BLANK_PATTERN));
}
