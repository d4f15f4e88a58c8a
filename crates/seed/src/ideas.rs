//! Ideas of the demo: titles, summaries and descriptions in Vietnamese by sector, teams led by
//! founders, and a workflow history that leads to each idea's status, step by step as the
//! application allows (`sonla_ideas::workflow`).

use chrono::{Duration, NaiveDateTime};
use sonla_core::serde_ext::to_json;
use sonla_core::text::fold;
use sonla_core::{IdeaId, UserId};
use sonla_db::DbConnection;
use sonla_db::search::{self, Document};
use sonla_ideas::api::{Sector, Stage, TeamRole, Visibility};
use sonla_ideas::model::{HistoryEntry, Idea, NewTeamMember};
use sonla_ideas::workflow::{self, Action, IdeaStatus, Performer};

use super::accounts::{OFFICER, OFFICER2, People};
use super::organizations::Organizations;
use super::rng::Rng;
use super::vocab::{
    COMMON_TAGS, FUNDING_NOTES, LOCALITIES, Locality, MARKETS, OFFICER_NOTES, PEOPLES, PLANS,
    REJECTION_NOTES, RESERVOIRS, SECTORS, SOLUTIONS, SectorWords, TEAMS, VILLAGES,
};

/// What later steps (competitions) need to know of an idea.
#[derive(Debug, Clone)]
pub struct IdeaPlan {
    /// Id.
    pub id: IdeaId,
    /// Index of its lead in [`People::founders`].
    pub lead: usize,
    /// Index of its organisation.
    pub organization: Option<usize>,
    /// Status now.
    pub status: IdeaStatus,
    /// When it was (last) submitted, unless it is a draft.
    pub submitted_at: Option<NaiveDateTime>,
    /// Sector.
    pub sector: Sector,
}

/// A team member of an idea.
pub struct TeamRow {
    /// The idea.
    pub idea_id: IdeaId,
    /// The member.
    pub user_id: UserId,
    /// Role.
    pub role: TeamRole,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// One idea with its team, history and index words.
pub struct MadeIdea {
    /// The row.
    pub idea: Idea,
    /// The team, lead first.
    pub team: Vec<TeamRow>,
    /// The workflow history, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The search document.
    pub document: Document,
    /// What competitions need.
    pub plan: IdeaPlan,
}

/// Makes ideas one after the other from one seeded stream.
pub struct IdeaMaker<'a> {
    rng: Rng,
    total: usize,
    people: &'a People,
    organizations: &'a Organizations,
    anchor: NaiveDateTime,
}

/// Lower-cases the first letter, for a name inside a sentence ("Xã Chiềng Hặc" → "xã …").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn fill(pattern: &str, item: &str, locality: &Locality, rng: &mut Rng) -> String {
    let mut text = pattern.replace("{x}", item).replace("{p}", locality.place);
    if text.contains("{b}") {
        let word = *rng.pick(VILLAGES);
        text = text.replace("{b}", word);
    }
    if text.contains("{e}") {
        let word = *rng.pick(PEOPLES);
        text = text.replace("{e}", word);
    }
    if text.contains("{r}") {
        let word = *rng.pick(RESERVOIRS);
        text = text.replace("{r}", word);
    }
    text
}

/// The status a new idea is given, before the demo founder's fixed ones.
fn draw_status(rng: &mut Rng) -> IdeaStatus {
    const STATUSES: [(IdeaStatus, u32); 7] = [
        (IdeaStatus::Draft, 24),
        (IdeaStatus::Submitted, 18),
        (IdeaStatus::UnderReview, 18),
        (IdeaStatus::Selected, 12),
        (IdeaStatus::Rejected, 10),
        (IdeaStatus::Incubated, 8),
        (IdeaStatus::Archived, 10),
    ];
    let weights: Vec<u32> = STATUSES.iter().map(|(_, w)| *w).collect();
    STATUSES[rng.weighted(&weights)].0
}

/// The actions that lead from draft to `status`.
fn path_to(status: IdeaStatus, rng: &mut Rng) -> Vec<Action> {
    use Action as A;
    match status {
        IdeaStatus::Draft if rng.percent(10) => vec![A::Submit, A::Withdraw],
        IdeaStatus::Draft => vec![],
        IdeaStatus::Submitted => vec![A::Submit],
        IdeaStatus::UnderReview => vec![A::Submit, A::Review],
        IdeaStatus::Selected => vec![A::Submit, A::Review, A::Select],
        IdeaStatus::Rejected => vec![A::Submit, A::Review, A::Reject],
        IdeaStatus::Incubated => vec![A::Submit, A::Review, A::Select, A::Incubate],
        IdeaStatus::Archived => match rng.weighted(&[40, 30, 30]) {
            0 => vec![A::Archive],
            1 => vec![A::Submit, A::Review, A::Reject, A::Archive],
            _ => vec![A::Submit, A::Review, A::Select, A::Incubate, A::Archive],
        },
    }
}

fn draw_stage(status: IdeaStatus, rng: &mut Rng) -> Stage {
    const STAGES: [Stage; 5] = [
        Stage::Idea,
        Stage::Prototype,
        Stage::Mvp,
        Stage::EarlyRevenue,
        Stage::Growth,
    ];
    let weights: [u32; 5] = match status {
        IdeaStatus::Draft | IdeaStatus::Submitted => [60, 30, 10, 0, 0],
        IdeaStatus::UnderReview | IdeaStatus::Rejected => [30, 40, 25, 5, 0],
        IdeaStatus::Selected => [0, 30, 45, 20, 5],
        IdeaStatus::Incubated | IdeaStatus::Archived => [0, 0, 30, 45, 25],
    };
    STAGES[rng.weighted(&weights)]
}

fn draw_visibility(status: IdeaStatus, rng: &mut Rng) -> Visibility {
    const VISIBILITIES: [Visibility; 3] =
        [Visibility::Public, Visibility::Members, Visibility::Private];
    let weights = if status == IdeaStatus::Draft {
        [20, 30, 50]
    } else {
        [65, 25, 10]
    };
    VISIBILITIES[rng.weighted(&weights)]
}

/// Intellectual property: kind and registration numbers in Vietnam's formats.
fn draw_ip(rng: &mut Rng) -> (&'static str, Vec<String>) {
    let year = rng.between(2023, 2026);
    match rng.weighted(&[75, 10, 8, 4, 3]) {
        0 => ("none", Vec::new()),
        1 => (
            "pending",
            vec![format!("4-{year}-{:05}", rng.between(1, 60_000))],
        ),
        2 => (
            "trademark",
            vec![format!("4-{year}-{:05}", rng.between(1, 60_000))],
        ),
        3 => (
            "utility_solution",
            vec![format!("2-{year}-{:05}", rng.between(1, 900))],
        ),
        _ => (
            "copyright",
            vec![format!("{}/{year}/QTG", rng.between(100, 9999))],
        ),
    }
}

/// A team member can join at any time between the idea's creation and the anchor.
fn soon_after(rng: &mut Rng, from: NaiveDateTime, anchor: NaiveDateTime) -> NaiveDateTime {
    let room = (anchor - from) / 4;
    rng.time_between(from, from + room)
}

impl<'a> IdeaMaker<'a> {
    /// A maker of `total` ideas for `seed`.
    #[must_use]
    pub fn new(
        seed: u64,
        total: usize,
        people: &'a People,
        organizations: &'a Organizations,
        anchor: NaiveDateTime,
    ) -> Self {
        Self {
            rng: Rng::new(seed, "ideas"),
            total,
            people,
            organizations,
            anchor,
        }
    }

    /// The `index`-th idea. The first three belong to the demo founder: a private draft, a
    /// submitted idea (entered in the competition being judged) and a selected one (entered
    /// in the published competition).
    #[expect(
        clippy::too_many_lines,
        reason = "one idea's fields in the order of the row, clearer in one piece"
    )]
    pub fn make(&mut self, index: usize) -> MadeIdea {
        let rng = &mut self.rng;
        let anchor = self.anchor;
        let founders = &self.people.founders;
        let demo = match index {
            0 => Some((IdeaStatus::Draft, Sector::FoodProcessing, 12)),
            1 => Some((IdeaStatus::Submitted, Sector::Agriculture, 200)),
            2 => Some((IdeaStatus::Selected, Sector::Tourism, 600)),
            _ => None,
        };
        let shares: Vec<u32> = SECTORS.iter().map(|s| s.share).collect();
        let words: &SectorWords = match demo {
            Some((_, sector, _)) => SECTORS
                .iter()
                .find(|s| s.sector == sector)
                .unwrap_or(&SECTORS[0]),
            None => &SECTORS[rng.weighted(&shares)],
        };
        let status = demo.map_or_else(|| draw_status(rng), |(status, _, _)| status);
        // Ideas come in over two years in the order they are made, so their v7 ids grow
        // and bulk inserts append to the indexes instead of splitting pages all over them.
        let created_at = if let Some((_, _, days)) = demo {
            anchor - Duration::days(days)
        } else {
            let span = Duration::days(730) - Duration::hours(1);
            let slot = span / i32::try_from(self.total.max(1)).unwrap_or(i32::MAX);
            let start =
                anchor - Duration::days(730) + slot * i32::try_from(index).unwrap_or(i32::MAX);
            rng.time_between(start, start + slot)
        };
        let lead = if demo.is_some() || founders.len() < 2 {
            0
        } else {
            1 + rng.below(founders.len() - 1)
        };
        let lead_user = &founders[lead];

        let template = rng.pick(words.templates);
        let item = if template.items.is_empty() {
            ""
        } else {
            rng.pick(template.items)
        };
        let locality = rng.pick(LOCALITIES);
        let title = fill(template.title, item, locality, rng);
        let where_ = format!(
            "{} ({} cũ)",
            lower_first(locality.name),
            lower_first(locality.district)
        );
        let summary = format!(
            "{title} nhằm {}, hướng tới {}. Dự án triển khai tại {where_}.",
            rng.pick(words.goals),
            rng.pick(words.customers),
        );
        let team_size = 1 + rng.weighted(&[30, 40, 20, 10]);
        let description = rng.percent(85).then(|| {
            let problem = *rng.pick(words.problems);
            let solution = *rng.pick(SOLUTIONS);
            let market = *rng.pick(MARKETS);
            let people = (team_size + rng.below(3)).to_string();
            let team = rng.pick(TEAMS).replace("{n}", &people);
            let plan = *rng.pick(PLANS);
            [problem, solution, market, team.as_str(), plan].join(" ")
        });
        let mut tags: Vec<String> = vec![(*rng.pick(words.tags)).to_owned()];
        if !item.is_empty() && rng.percent(70) {
            tags.push(item.to_owned());
        }
        if rng.percent(50) {
            tags.push(locality.place.to_owned());
        }
        if rng.percent(40) {
            tags.push((*rng.pick(COMMON_TAGS)).to_owned());
        }
        let mut seen = Vec::new();
        tags.retain(|t| {
            let key = fold(t);
            let fresh = !seen.contains(&key) && t.chars().count() <= 40;
            seen.push(key);
            fresh
        });
        let visibility = match index {
            0 => Visibility::Private,
            1 | 2 => Visibility::Public,
            _ => draw_visibility(status, rng),
        };
        let stage = draw_stage(status, rng);
        let (ip_kind, ip_numbers) = draw_ip(rng);
        let organization =
            self.organizations.founder_org[lead].filter(|_| demo.is_some() || rng.percent(70));
        let funding_need = rng.percent(60).then(|| rng.between(5, 500) * 10_000_000);
        let funding_note = funding_need
            .filter(|_| rng.percent(40))
            .map(|_| (*rng.pick(FUNDING_NOTES)).to_owned());
        let locality_set = rng.percent(85);
        let has_district = locality_set && rng.percent(60);

        // The workflow, one allowed step after another.
        let id: IdeaId = rng.uuid_v7(created_at);
        let officers = [
            &self.people.staff[OFFICER].id,
            &self.people.staff[OFFICER2].id,
        ];
        let mut history = Vec::new();
        let mut current = IdeaStatus::Draft;
        let mut at = created_at;
        let mut submitted_at = None;
        for action in path_to(status, rng) {
            let Some(next) = workflow::next(current, action) else {
                break;
            };
            let gap = Duration::minutes(rng.between(120, 45 * 24 * 60));
            at += gap.min((anchor - at) / 2);
            // The lead archives a draft; officers archive what they decided on.
            let by_lead = match workflow::performer(action) {
                Performer::Lead => true,
                Performer::Staff => false,
                Performer::LeadOrStaff => current == IdeaStatus::Draft,
            };
            let actor = if by_lead {
                &lead_user.id
            } else {
                officers[rng.below(2)]
            };
            let note = match action {
                Action::Reject => Some((*rng.pick(REJECTION_NOTES)).to_owned()),
                Action::Withdraw => Some("Rút lại để bổ sung hồ sơ.".to_owned()),
                Action::Select if rng.percent(30) => {
                    Some("Đủ điều kiện nhận hỗ trợ của tỉnh.".to_owned())
                }
                _ => None,
            };
            submitted_at = match action {
                Action::Submit => Some(at),
                Action::Withdraw => None,
                _ => submitted_at,
            };
            history.push(HistoryEntry {
                id: rng.uuid_v7(at),
                idea_id: id.clone(),
                action: action.as_str().to_owned(),
                from_status: current.as_str().to_owned(),
                to_status: next.as_str().to_owned(),
                note,
                actor_id: Some(actor.clone()),
                occurred_at: at,
            });
            current = next;
        }

        // Officers' selection data on ideas they have looked at.
        let reviewed = matches!(
            current,
            IdeaStatus::UnderReview | IdeaStatus::Selected | IdeaStatus::Incubated
        );
        let mut priority = None;
        let mut shortlisted = false;
        let mut officer_note = None;
        let mut updated_at = at;
        if reviewed && rng.percent(60) {
            let high = i64::from(current != IdeaStatus::UnderReview) * 2;
            priority = i32::try_from(rng.between(high, 5)).ok();
            shortlisted = rng.percent(if current == IdeaStatus::UnderReview {
                15
            } else {
                70
            });
            officer_note = rng
                .percent(30)
                .then(|| (*rng.pick(OFFICER_NOTES)).to_owned());
            updated_at = at + Duration::minutes(rng.between(5, 600)).min((anchor - at) / 2);
        }

        let mut team = vec![TeamRow {
            idea_id: id.clone(),
            user_id: lead_user.id.clone(),
            role: TeamRole::Lead,
            added_at: created_at,
        }];
        while team.len() < team_size && founders.len() > team.len() {
            let candidate = &founders[rng.below(founders.len())];
            if team.iter().any(|m| m.user_id == candidate.id) {
                continue;
            }
            let role = if rng.percent(20) {
                TeamRole::Advisor
            } else {
                TeamRole::Member
            };
            team.push(TeamRow {
                idea_id: id.clone(),
                user_id: candidate.id.clone(),
                role,
                added_at: soon_after(rng, created_at, anchor),
            });
        }

        let slug = super::text::slug(&title);
        let mut idea = Idea {
            id: id.clone(),
            title_key: fold(&title),
            title,
            summary,
            description,
            sector: words.sector.as_str().to_owned(),
            stage: stage.as_str().to_owned(),
            status: current.as_str().to_owned(),
            visibility: visibility.as_str().to_owned(),
            ever_public: visibility == Visibility::Public,
            ever_members: visibility == Visibility::Members,
            locality: locality_set.then(|| locality.name.to_owned()),
            locality_key: locality_set.then(|| fold(locality.name)),
            former_district: has_district.then(|| locality.district.to_owned()),
            organization_id: organization.map(|o| self.organizations.rows[o].id.clone()),
            tags: to_json(&tags),
            ip_kind: ip_kind.to_owned(),
            ip_numbers: to_json(&ip_numbers),
            website_url: rng
                .percent(15)
                .then(|| format!("https://{slug}.{}", super::EMAIL_DOMAIN)),
            video_url: rng
                .percent(5)
                .then(|| format!("https://video.{}/{slug}", super::EMAIL_DOMAIN)),
            pitch_deck_url: None,
            funding_need_vnd: funding_need,
            funding_note,
            priority,
            shortlisted,
            officer_note,
            created_by: Some(lead_user.id.clone()),
            created_at,
            updated_at: updated_at.max(created_at),
            deleted_at: None,
        };
        if rng.percent(5) {
            idea.pitch_deck_url = Some(format!(
                "https://tailieu.{}/{slug}.pdf",
                super::EMAIL_DOMAIN
            ));
        }
        let document = idea.search_document();
        MadeIdea {
            plan: IdeaPlan {
                id,
                lead,
                organization,
                status: current,
                submitted_at,
                sector: words.sector,
            },
            idea,
            team,
            history,
            document,
        }
    }
}

/// Writes a batch of ideas with their teams, histories and search words, through the ideas
/// repository.
pub fn write(conn: &mut DbConnection, made: &[MadeIdea]) -> diesel::QueryResult<()> {
    let rows: Vec<Idea> = made.iter().map(|m| m.idea.clone()).collect();
    sonla_ideas::repo::insert_many(conn, &rows)?;
    let team: Vec<NewTeamMember<'_>> = made
        .iter()
        .flat_map(|m| &m.team)
        .map(|t| NewTeamMember {
            idea_id: &t.idea_id,
            user_id: &t.user_id,
            role: t.role.as_str(),
            added_at: t.added_at,
        })
        .collect();
    sonla_ideas::repo::insert_members(conn, &team)?;
    let history: Vec<HistoryEntry> = made.iter().flat_map(|m| m.history.clone()).collect();
    sonla_ideas::repo::insert_histories(conn, &history)?;
    // Documents are numbered in the order the ideas were created, which is the order they
    // are made in but for the few demo ideas of fixed ages.
    let mut documents: Vec<(&Idea, &Document)> =
        made.iter().map(|m| (&m.idea, &m.document)).collect();
    documents.sort_by_key(|(idea, _)| (idea.created_at, idea.id.clone()));
    let documents: Vec<Document> = documents.into_iter().map(|(_, d)| d.clone()).collect();
    search::index_many(conn, &documents)?;
    Ok(())
}
