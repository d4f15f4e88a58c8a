//! The role matrix: every operation of the API called as each kind of caller, with the status
//! each one must get.
//!
//! Every operation in the OpenAPI document needs a row, so a new endpoint without one fails
//! [`every_operation_has_a_row`]. Each call gets fresh records (an organisation, a user, an
//! API key), so rows neither depend on nor spoil each other.
//!
//! Each domain keeps its rows and the fixtures behind its placeholders in its own module
//! (`platform`, `accounts`, `organizations`, `ideas`, `competitions`): a new domain adds a
//! module with `rows()` and `fixtures()`, and one line each in [`rows`] and [`fill`].

mod accounts;
mod competitions;
mod ideas;
mod organizations;
mod platform;

use std::collections::BTreeSet;

use serde_json::Value;
use sonla_core::Role;
use sonla_test_support::{TestApp, TestUser};

/// Who calls, in the order of the `expect` arrays.
const PERSONAS: [&str; 5] = ["anonymous", "org member", "other org", "officer", "admin"];

struct Row {
    method: &'static str,
    /// The path as the OpenAPI document writes it.
    spec_path: &'static str,
    /// The path called, with placeholders each domain's `fixtures` fills with fresh records:
    /// `{org}` an organisation in which "org member" is a member, `{idea}` a public draft idea
    /// with "org member" in its team, `{member}` that member, `{user}` a fresh user, `{key}` an
    /// API key, `{comp}`, `{round}`, `{entry}`, `{assignment}`, `{criterion}` a judging
    /// competition.
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

/// Every row, domain by domain.
fn rows() -> Vec<Row> {
    [
        platform::rows(),
        accounts::rows(),
        organizations::rows(),
        ideas::rows(),
        competitions::rows(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The callers: `None` is anonymous.
struct Cast {
    personas: Vec<Option<TestUser>>,
    owner: TestUser,
    admin: TestUser,
    judge: TestUser,
}

impl Cast {
    /// "org member": in the fixtures' organisations and idea teams, and leading the entry.
    fn member(&self) -> &TestUser {
        self.personas[1].as_ref().unwrap()
    }
}

async fn cast(app: &TestApp) -> Cast {
    let member = app.user(&[]).await;
    let other = app.user(&[]).await;
    app.organization(&other)
        .name("Tổ chức khác")
        .kind("business")
        .build()
        .await;
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
    let mut path = row.path.to_owned();
    let mut body = row.body.as_ref().map(Value::to_string).unwrap_or_default();
    let text = format!("{path}{body}");
    let mut replacements = platform::fixtures(app, &text).await;
    replacements.extend(accounts::fixtures(app, cast, &text).await);
    replacements.extend(organizations::fixtures(app, cast, &text).await);
    replacements.extend(ideas::fixtures(app, cast, &text).await);
    replacements.extend(competitions::fixtures(app, cast, &text).await);
    if let Some(caller) = caller {
        replacements.push(("{own_password}", caller.password.clone()));
    }
    for (from, to) in &replacements {
        path = path.replace(from, to);
        body = body.replace(from, to);
    }
    let body = (!body.is_empty()).then(|| serde_json::from_str(&body).unwrap());
    (path, body)
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
