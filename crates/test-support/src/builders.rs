//! Builders of the records a test starts from, made through the API as a client would make
//! them, so a domain's tests set up what they need in a few lines:
//!
//! ```ignore
//! let judging = app.judging(&officer).leads(&[&lead]).judges(&[&judge]).auto_assign(7).build().await;
//! let org = app.organization(&owner).member(&member, "manager").build().await;
//! ```

use reqwest::Response;
use serde_json::{Value, json};

use crate::{TestApp, TestUser};

/// The competitions collection.
pub const COMPETITIONS: &str = "/api/v1/competitions";

/// The answer's JSON (`Null` for an empty body), after checking its status; `what` names the
/// step in the failure message, which shows the body.
pub async fn ok(response: Response, status: u16, what: &str) -> Value {
    let code = response.status().as_u16();
    let body = response.text().await.expect("body");
    assert_eq!(code, status, "{what}: {body}");
    if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&body).expect("JSON")
    }
}

/// The `id` of a record as the API returns it.
#[must_use]
pub fn id_of(value: &Value) -> String {
    value["id"].as_str().expect("an id").to_owned()
}

/// A round in the shape of `POST /competitions/{id}/rounds`: blind, the mean, two judges per
/// entry, the top two advancing, two criteria (weights 2 and 1, maxima 10 and 5).
#[must_use]
pub fn round_one() -> Value {
    json!({
        "name": "Vòng sơ khảo",
        "method": "mean",
        "judges_per_entry": 2,
        "blind": true,
        "advance_count": 2,
        "criteria": [
            {"name": "Tính mới", "weight": 2, "max_score": 10},
            {"name": "Khả thi", "weight": 1, "max_score": 5}
        ]
    })
}

/// A criterion of the built round.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// Its id.
    pub id: String,
    /// Its weight.
    pub weight: f64,
    /// Its highest value.
    pub max_score: f64,
}

/// A competition being judged, as [`JudgingBuilder::build`] leaves it.
#[derive(Debug, Clone)]
pub struct Judging {
    /// The competition.
    pub competition: String,
    /// Its round.
    pub round: String,
    /// The round's criteria, in order.
    pub criteria: Vec<Criterion>,
    /// The entries, one per lead, in the order of the leads.
    pub entries: Vec<String>,
    /// The submitted idea of each entry, in the same order.
    pub ideas: Vec<String>,
    /// The round's assignments (empty unless asked for), as the API lists them.
    pub assignments: Vec<Value>,
}

/// Builds a judging competition: created by the officer, with one round, opened, entered
/// with a submitted idea by each lead, judged by the judges, judging started, and assigned
/// when asked.
pub struct JudgingBuilder<'a> {
    app: &'a TestApp,
    officer: &'a TestUser,
    title: String,
    round: Value,
    leads: Vec<&'a TestUser>,
    judges: Vec<&'a TestUser>,
    auto_assign: Option<u64>,
}

impl TestApp {
    /// A judging competition of `officer` (an officer or admin), to be built.
    #[must_use]
    pub fn judging<'a>(&'a self, officer: &'a TestUser) -> JudgingBuilder<'a> {
        JudgingBuilder {
            app: self,
            officer,
            title: "Ý tưởng khởi nghiệp 2026".to_owned(),
            round: round_one(),
            leads: Vec::new(),
            judges: Vec::new(),
            auto_assign: None,
        }
    }

    /// A public idea of `lead` with `extra` fields over a minimal body; the idea as created.
    pub async fn idea(&self, lead: &TestUser, title: &str, extra: Value) -> Value {
        let mut body = json!({"title": title, "summary": "Tóm tắt", "sector": "agriculture", "stage": "idea", "visibility": "public"});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        ok(
            self.post_as(lead, "/api/v1/ideas", &body).await,
            201,
            &format!("create {title}"),
        )
        .await
    }

    /// An organisation of `owner` (a club with a fresh name unless named), to be built.
    #[must_use]
    pub fn organization<'a>(&'a self, owner: &'a TestUser) -> OrganizationBuilder<'a> {
        OrganizationBuilder {
            app: self,
            owner,
            name: format!("CLB {}", uuid::Uuid::new_v4()),
            kind: "club",
            members: Vec::new(),
        }
    }

    /// A new draft competition of `officer`; its id.
    pub async fn competition(&self, officer: &TestUser, title: &str) -> String {
        let body = json!({"title": title, "audience": "students"});
        id_of(
            &ok(
                self.post_as(officer, COMPETITIONS, &body).await,
                201,
                "create",
            )
            .await,
        )
    }
}

impl<'a> JudgingBuilder<'a> {
    /// The competition's title.
    #[must_use]
    pub fn title(mut self, title: &str) -> Self {
        title.clone_into(&mut self.title);
        self
    }

    /// The round, as `POST /competitions/{id}/rounds` takes it (default [`round_one`]).
    #[must_use]
    pub fn round(mut self, round: Value) -> Self {
        self.round = round;
        self
    }

    /// One entry per lead, each of a new submitted idea the lead leads.
    #[must_use]
    pub fn leads(mut self, leads: &[&'a TestUser]) -> Self {
        self.leads.extend_from_slice(leads);
        self
    }

    /// The judges (users holding the `judge` role).
    #[must_use]
    pub fn judges(mut self, judges: &[&'a TestUser]) -> Self {
        self.judges.extend_from_slice(judges);
        self
    }

    /// Assigns the round's judges automatically once judging starts, with this seed.
    #[must_use]
    pub const fn auto_assign(mut self, seed: u64) -> Self {
        self.auto_assign = Some(seed);
        self
    }

    /// Makes it all through the API, checking every step's status.
    pub async fn build(self) -> Judging {
        let (app, officer) = (self.app, self.officer);
        let competition = app.competition(officer, &self.title).await;
        let base = format!("{COMPETITIONS}/{competition}");
        let round = ok(
            app.post_as(officer, &format!("{base}/rounds"), &self.round)
                .await,
            201,
            "round",
        )
        .await;
        let criteria = round["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .map(|c| Criterion {
                id: id_of(c),
                weight: c["weight"].as_f64().expect("weight"),
                max_score: c["max_score"].as_f64().expect("max_score"),
            })
            .collect();
        let step = |name: &'static str| {
            let path = format!("{base}/{name}");
            async move { ok(app.post_as(officer, &path, &json!({})).await, 200, name).await }
        };
        step("open").await;
        let (mut entries, mut ideas) = (Vec::new(), Vec::new());
        for (i, lead) in self.leads.iter().enumerate() {
            let idea = id_of(&app.idea(lead, &format!("Dự án {i}"), json!({})).await);
            let submit = format!("/api/v1/ideas/{idea}/submit");
            ok(app.post_as(lead, &submit, &json!({})).await, 200, "submit").await;
            let body = json!({"idea_id": idea});
            let entry = app.post_as(lead, &format!("{base}/entries"), &body).await;
            entries.push(id_of(&ok(entry, 201, "enter").await));
            ideas.push(idea);
        }
        for judge in &self.judges {
            let body = json!({"user_id": judge.id});
            ok(
                app.post_as(officer, &format!("{base}/judges"), &body).await,
                201,
                "judge",
            )
            .await;
        }
        step("start-judging").await;
        let round = id_of(&round);
        let assignments = match self.auto_assign {
            Some(seed) => {
                let path = format!("/api/v1/rounds/{round}/auto-assign");
                let made = ok(
                    app.post_as(officer, &path, &json!({"seed": seed})).await,
                    200,
                    "assign",
                )
                .await;
                made["assignments"].as_array().cloned().unwrap_or_default()
            }
            None => Vec::new(),
        };
        Judging {
            competition,
            round,
            criteria,
            entries,
            ideas,
            assignments,
        }
    }
}

/// Builds an organisation: created by its owner, who then adds the members.
pub struct OrganizationBuilder<'a> {
    app: &'a TestApp,
    owner: &'a TestUser,
    name: String,
    kind: &'static str,
    members: Vec<(&'a TestUser, &'static str)>,
}

impl<'a> OrganizationBuilder<'a> {
    /// Its name (default `CLB <uuid>`, unique).
    #[must_use]
    pub fn name(mut self, name: &str) -> Self {
        name.clone_into(&mut self.name);
        self
    }

    /// Its kind (default `club`).
    #[must_use]
    pub const fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// A member added by the owner with this organisation role (`member`, `manager`, `owner`).
    #[must_use]
    pub fn member(mut self, user: &'a TestUser, role: &'static str) -> Self {
        self.members.push((user, role));
        self
    }

    /// Makes it through the API, checking every step's status; its id.
    pub async fn build(self) -> String {
        let (app, owner) = (self.app, self.owner);
        let body = json!({"name": self.name, "kind": self.kind});
        let created = app.post_as(owner, "/api/v1/organizations", &body).await;
        let org = id_of(&ok(created, 201, &format!("create {}", self.name)).await);
        let path = format!("/api/v1/organizations/{org}/members");
        for (user, role) in self.members {
            let body = json!({"user_id": user.id, "role": role});
            ok(app.post_as(owner, &path, &body).await, 201, "member").await;
        }
        org
    }
}
