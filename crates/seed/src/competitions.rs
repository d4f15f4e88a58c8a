//! Competitions of the demo, one at each stage of the lifecycle:
//!
//! - last year's youth competition, **published**: two closed rounds (the best five of the
//!   first advanced to the final), every sheet submitted, frozen results and awards;
//! - this year's provincial competition, **judging**: the large round (12 to 5,000 entries),
//!   judges assigned by the application's own `auto_assign`, away from their conflicts, and
//!   submitted sheets, except two of the first demo judge's, left to score in the demo;
//! - the university's student competition, **open** for entries;
//! - next year's pitching competition, a **draft**.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDateTime};
use indicatif::ProgressBar;
use sonla_competitions::assign::{self, Input};
use sonla_competitions::model::{
    Assignment, AwardRow, Competition, ConflictRow, CriterionRow, Entry, Round, SheetRow,
};
use sonla_competitions::repo;
use sonla_competitions::scoring::{self, Method};
use sonla_competitions::service::Policy;
use sonla_core::serde_ext::to_json;
use sonla_core::{
    AssignmentId, CompetitionId, CriterionId, EntryId, IdeaId, OrganizationId, RoundId, UserId,
};
use sonla_db::DbConnection;
use sonla_ideas::api::Sector;
use sonla_ideas::workflow::IdeaStatus;

use super::accounts::{OFFICER, OFFICER2, People};
use super::ideas::IdeaPlan;
use super::organizations::Organizations;
use super::rng::Rng;
use super::vocab::{COMMENTS, CRITERIA};
use super::{SeedError, Sizes};

/// Sheets written per transaction.
const SHEET_BATCH: usize = 2_500;

/// What the summary names.
#[derive(Debug, Clone)]
pub struct CompetitionIds {
    /// The published competition.
    pub published: String,
    /// The competition being judged.
    pub judging: String,
    /// Its first round, the large one.
    pub judging_round: String,
    /// Entries of that round.
    pub round_entries: usize,
    /// The competition open for entries.
    pub open: String,
    /// The draft.
    pub draft: String,
}

/// Everything the seeding of competitions reads.
pub struct Context<'a> {
    /// The seed.
    pub seed: u64,
    /// Sizes of the scale.
    pub sizes: &'a Sizes,
    /// Accounts.
    pub people: &'a People,
    /// Organisations.
    pub organizations: &'a Organizations,
    /// Ideas.
    pub plans: &'a [IdeaPlan],
    /// The demo's "now".
    pub anchor: NaiveDateTime,
    /// The leaderboard's flag threshold, as the server is configured.
    pub policy: Policy,
}

/// A sheet with its values.
struct Scored {
    sheet: SheetRow,
    values: Vec<(CriterionId, f64)>,
}

/// The rows of one competition.
#[derive(Default)]
struct Built {
    competitions: Vec<Competition>,
    rounds: Vec<Round>,
    criteria: Vec<CriterionRow>,
    entries: Vec<Entry>,
    round_entries: Vec<(RoundId, EntryId)>,
    judges: Vec<(UserId, NaiveDateTime)>,
    conflicts: Vec<ConflictRow>,
    assignments: Vec<Assignment>,
    sheets: Vec<Scored>,
}

impl Context<'_> {
    fn organization(&self, index: usize) -> Option<OrganizationId> {
        self.organizations.rows.get(index).map(|o| o.id.clone())
    }

    fn judge_ids(&self) -> Vec<UserId> {
        self.people.judges.iter().map(|j| j.id.clone()).collect()
    }

    /// Conflicts that follow from membership: a judge in the organisation of an entry's idea
    /// (judges are in no idea's team).
    fn derived_conflicts(&self, entries: &[Entry]) -> BTreeSet<(UserId, EntryId)> {
        let mut judge_orgs: HashMap<&UserId, Vec<usize>> = HashMap::new();
        for m in &self.organizations.members {
            if self.people.judges.iter().any(|j| j.id == m.user_id) {
                judge_orgs
                    .entry(&m.user_id)
                    .or_default()
                    .push(m.organization);
            }
        }
        let by_idea: HashMap<&IdeaId, &IdeaPlan> = self.plans.iter().map(|p| (&p.id, p)).collect();
        let mut out = BTreeSet::new();
        for entry in entries {
            let Some(org) = by_idea.get(&entry.idea_id).and_then(|p| p.organization) else {
                continue;
            };
            for (judge, orgs) in &judge_orgs {
                if orgs.contains(&org) {
                    out.insert(((*judge).clone(), entry.id.clone()));
                }
            }
        }
        out
    }

    /// `count` ideas that pass `eligible`, the demo founder's `forced` one first.
    fn choose(
        &self,
        rng: &mut Rng,
        eligible: impl Fn(&IdeaPlan) -> bool,
        count: usize,
        forced: usize,
    ) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..self.plans.len())
            .filter(|i| *i != forced && eligible(&self.plans[*i]))
            .collect();
        rng.shuffle(&mut pool);
        let mut chosen = Vec::with_capacity(count);
        if self.plans.get(forced).is_some_and(&eligible) {
            chosen.push(forced);
        }
        let rest = count.saturating_sub(chosen.len());
        chosen.extend(pool.into_iter().take(rest));
        chosen
    }

    /// Entries of the chosen ideas, entered by their leads between the idea's submission and
    /// the close of entries.
    fn entries(
        &self,
        rng: &mut Rng,
        competition: &Competition,
        chosen: &[usize],
        until: NaiveDateTime,
        track: impl Fn(Sector) -> Option<String>,
    ) -> Vec<Entry> {
        let opens = competition
            .submission_opens_at
            .unwrap_or(competition.created_at);
        let mut out: Vec<Entry> = chosen
            .iter()
            .map(|i| {
                let plan = &self.plans[*i];
                let after = plan
                    .submitted_at
                    .map_or(opens, |t| (t + Duration::minutes(1)).max(opens))
                    .min(until);
                let at = rng.time_between(after, until);
                Entry {
                    id: rng.uuid_v7(at),
                    competition_id: competition.id.clone(),
                    idea_id: plan.id.clone(),
                    track: track(plan.sector),
                    status: "active".to_owned(),
                    created_by: Some(self.people.founders[plan.lead].id.clone()),
                    created_at: at,
                }
            })
            .collect();
        out.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        out
    }
}

/// What a new competition row says.
struct Spec<'a> {
    title: &'a str,
    description: &'a str,
    audience: &'a str,
    tracks: &'a [&'a str],
    created_by: &'a UserId,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    opens: Option<NaiveDateTime>,
    closes: Option<NaiveDateTime>,
}

fn competition(rng: &mut Rng, spec: &Spec<'_>) -> Competition {
    Competition {
        id: rng.uuid_v7(spec.created_at),
        title: spec.title.to_owned(),
        description: Some(spec.description.to_owned()),
        audience: spec.audience.to_owned(),
        tracks: to_json(&spec.tracks),
        organizer_id: None,
        submission_opens_at: spec.opens,
        submission_closes_at: spec.closes,
        status: "draft".to_owned(),
        created_by: Some(spec.created_by.clone()),
        created_at: spec.created_at,
        updated_at: spec.updated_at,
    }
}

/// A round and its criteria (the first `criteria` of [`CRITERIA`]).
fn round(
    rng: &mut Rng,
    c: &Competition,
    position: i32,
    name: &str,
    method: Method,
    judges_per_entry: usize,
    criteria_count: usize,
) -> (Round, Vec<CriterionRow>) {
    let created_at = c.created_at + Duration::days(1) + Duration::hours(i64::from(position));
    let round = Round {
        id: rng.uuid_v7(created_at),
        competition_id: c.id.clone(),
        position,
        name: name.to_owned(),
        method: method.as_str().to_owned(),
        judges_per_entry: i32::try_from(judges_per_entry).unwrap_or(1),
        pass_mark: None,
        blind: false,
        advance_count: None,
        status: "open".to_owned(),
        created_at,
    };
    let criteria = CRITERIA
        .iter()
        .take(criteria_count)
        .zip(1..)
        .map(
            |((name, description, weight, max), position)| CriterionRow {
                id: rng.uuid_v7(created_at),
                round_id: round.id.clone(),
                name: (*name).to_owned(),
                description: Some((*description).to_owned()),
                weight: *weight,
                max_score: *max,
                position,
            },
        )
        .collect();
    (round, criteria)
}

/// Judges for every entry of a round, as `POST /rounds/{id}/auto-assign` makes them.
fn assign_judges(
    rng: &mut Rng,
    seed: u64,
    round: &Round,
    entries: &[EntryId],
    judges: &[UserId],
    conflicts: &BTreeSet<(UserId, EntryId)>,
    at: NaiveDateTime,
) -> Vec<Assignment> {
    let output = assign::auto_assign(&Input {
        entries: entries.iter().map(ToString::to_string).collect(),
        judges: judges.iter().map(ToString::to_string).collect(),
        per_entry: usize::try_from(round.judges_per_entry).unwrap_or(1),
        conflicts: conflicts
            .iter()
            .map(|(judge, entry)| (judge.to_string(), entry.to_string()))
            .collect(),
        existing: Vec::new(),
        seed,
    });
    output
        .added
        .into_iter()
        .map(|(entry_id, judge_id)| Assignment {
            id: rng.uuid_v7(at),
            round_id: round.id.clone(),
            entry_id: EntryId::from_stored(entry_id),
            judge_id: UserId::from_stored(judge_id),
            created_at: at,
        })
        .collect()
}

/// How far a sheet got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SheetState {
    Submitted,
    Draft,
    None,
}

/// Judges' sheets: each entry has a quality, each judge a bias, each value some noise, all
/// within the criterion's range and in half points.
struct Scorer {
    quality: HashMap<EntryId, f64>,
    bias: HashMap<UserId, f64>,
}

impl Scorer {
    fn new() -> Self {
        Self {
            quality: HashMap::new(),
            bias: HashMap::new(),
        }
    }

    fn score(
        &mut self,
        rng: &mut Rng,
        assignment: &Assignment,
        criteria: &[CriterionRow],
        state: SheetState,
        window: (NaiveDateTime, NaiveDateTime),
    ) -> Option<Scored> {
        if state == SheetState::None {
            return None;
        }
        let quality = *self
            .quality
            .entry(assignment.entry_id.clone())
            .or_insert_with(|| 0.3 + 0.6 * rng.unit());
        let bias = *self
            .bias
            .entry(assignment.judge_id.clone())
            .or_insert_with(|| (rng.unit() - 0.5) * 0.24);
        let values = criteria
            .iter()
            .map(|c| {
                let raw = (quality + bias + (rng.unit() - 0.5) * 0.3).clamp(0.0, 1.0);
                let value = ((raw * c.max_score * 2.0).round() / 2.0).clamp(0.0, c.max_score);
                (c.id.clone(), value)
            })
            .collect();
        let at = rng.time_between(window.0, window.1);
        let submitted = state == SheetState::Submitted;
        Some(Scored {
            sheet: SheetRow {
                assignment_id: assignment.id.clone(),
                round_id: assignment.round_id.clone(),
                status: if submitted { "submitted" } else { "draft" }.to_owned(),
                comment: rng.percent(50).then(|| (*rng.pick(COMMENTS)).to_owned()),
                // Saving makes version 1; submitting makes it 2.
                version: if submitted { 2 } else { 1 },
                updated_at: at,
                submitted_at: submitted.then_some(at),
            },
            values,
        })
    }
}

fn scoring_criteria(rows: &[CriterionRow]) -> Vec<scoring::Criterion> {
    rows.iter()
        .map(|c| scoring::Criterion {
            id: c.id.to_string(),
            weight: c.weight,
            max_score: c.max_score,
            position: c.position,
        })
        .collect()
}

fn scoring_sheets(
    sheets: &[Scored],
    assignments: &[Assignment],
    criteria: &[scoring::Criterion],
) -> Vec<scoring::Sheet> {
    let by_id: HashMap<&AssignmentId, &Assignment> =
        assignments.iter().map(|a| (&a.id, a)).collect();
    sheets
        .iter()
        .filter(|s| s.sheet.status == "submitted")
        .filter_map(|s| {
            let a = by_id.get(&s.sheet.assignment_id)?;
            Some(scoring::Sheet {
                entry_id: a.entry_id.to_string(),
                judge_id: a.judge_id.to_string(),
                values: criteria
                    .iter()
                    .map(|c| {
                        s.values
                            .iter()
                            .find(|(id, _)| *id == c.id)
                            .map_or(0.0, |(_, value)| *value)
                    })
                    .collect(),
            })
        })
        .collect()
}

fn submitted_at(plan: &IdeaPlan) -> Option<NaiveDateTime> {
    plan.submitted_at
        .filter(|_| plan.status != IdeaStatus::Draft)
}

fn can_enter_now(plan: &IdeaPlan) -> bool {
    matches!(
        plan.status,
        IdeaStatus::Submitted
            | IdeaStatus::UnderReview
            | IdeaStatus::Selected
            | IdeaStatus::Incubated
    )
}

/// Last year's competition, published.
#[expect(
    clippy::too_many_lines,
    reason = "a competition's story from entries to awards, clearer in one piece"
)]
fn published(ctx: &Context<'_>, rng: &mut Rng) -> (Built, Vec<AwardRow>, NaiveDateTime) {
    let a = ctx.anchor;
    let days = Duration::days;
    let (opens, closes, judging) = (a - days(400), a - days(340), a - days(335));
    let published_at = a - days(300);
    let staff = &ctx.people.staff;
    let mut c = competition(
        rng,
        &Spec {
            title: "Cuộc thi Ý tưởng khởi nghiệp thanh niên tỉnh Sơn La năm 2025",
            description: "Cuộc thi dành cho thanh niên từ 16 đến 35 tuổi có ý tưởng khởi nghiệp gắn với tiềm năng của Sơn La. Vòng sơ khảo chấm hồ sơ; năm ý tưởng xuất sắc nhất vào vòng chung khảo thuyết trình trước hội đồng giám khảo.",
            audience: "youth",
            tracks: &[],
            created_by: &staff[OFFICER].id,
            created_at: a - days(420),
            updated_at: published_at,
            opens: Some(opens),
            closes: Some(closes),
        },
    );
    c.organizer_id = ctx.organization(4);
    c.status = "published".to_owned();
    let judges = ctx.judge_ids();
    let (mut first, criteria1) = round(rng, &c, 1, "Vòng sơ khảo", Method::Mean, 3, 6);
    first.blind = true;
    first.advance_count = Some(5);
    first.status = "closed".to_owned();
    let (mut last, criteria2) = round(
        rng,
        &c,
        2,
        "Vòng chung khảo",
        Method::TrimmedMean,
        judges.len().min(5),
        6,
    );
    last.status = "closed".to_owned();

    let chosen = ctx.choose(
        rng,
        |p| submitted_at(p).is_some_and(|t| t < closes - days(1)),
        ctx.sizes.past_entries,
        2,
    );
    let entries = ctx.entries(rng, &c, &chosen, closes, |_| None);
    let conflicts = ctx.derived_conflicts(&entries);
    let entry_ids: Vec<EntryId> = entries.iter().map(|e| e.id.clone()).collect();
    let mut scorer = Scorer::new();
    let mut built = Built {
        judges: judges
            .iter()
            .map(|j| (j.clone(), opens + days(2)))
            .collect(),
        round_entries: entry_ids
            .iter()
            .map(|e| (first.id.clone(), e.clone()))
            .collect(),
        ..Built::default()
    };

    let first_assignments = assign_judges(
        rng,
        ctx.seed,
        &first,
        &entry_ids,
        &judges,
        &conflicts,
        judging + Duration::hours(1),
    );
    let first_sheets: Vec<Scored> = first_assignments
        .iter()
        .filter_map(|x| {
            scorer.score(
                rng,
                x,
                &criteria1,
                SheetState::Submitted,
                (judging + days(1), a - days(320)),
            )
        })
        .collect();
    // The best five advance, as `POST /rounds/{id}/advance` chooses them.
    let criteria = scoring_criteria(&criteria1);
    let board = scoring::leaderboard(
        Method::Mean,
        &criteria,
        &scoring_sheets(&first_sheets, &first_assignments, &criteria),
        ctx.policy.flag_spread,
    );
    let finalists: Vec<EntryId> = board
        .rows
        .iter()
        .filter(|r| r.rank <= 5)
        .map(|r| EntryId::from_stored(r.entry_id.clone()))
        .collect();
    built
        .round_entries
        .extend(finalists.iter().map(|e| (last.id.clone(), e.clone())));
    let last_assignments = assign_judges(
        rng,
        ctx.seed,
        &last,
        &finalists,
        &judges,
        &conflicts,
        a - days(318),
    );
    let last_sheets: Vec<Scored> = last_assignments
        .iter()
        .filter_map(|x| {
            scorer.score(
                rng,
                x,
                &criteria2,
                SheetState::Submitted,
                (a - days(317), a - days(310)),
            )
        })
        .collect();

    let award_at = published_at + days(1);
    let mut awards: Vec<AwardRow> = [
        ("Giải Nhất", 1, 1, 30_000_000),
        ("Giải Nhì", 2, 2, 20_000_000),
        ("Giải Ba", 3, 3, 10_000_000),
        ("Giải Khuyến khích", 4, 5, 5_000_000),
    ]
    .into_iter()
    .map(|(title, from, to, prize_vnd)| AwardRow {
        id: rng.uuid_v7(award_at),
        competition_id: c.id.clone(),
        round_id: Some(last.id.clone()),
        title: title.to_owned(),
        rank_from: Some(from),
        rank_to: Some(to),
        entry_id: None,
        prize_vnd,
        created_at: award_at,
    })
    .collect();
    let demo_entry = ctx
        .plans
        .get(2)
        .and_then(|p| entries.iter().find(|e| e.idea_id == p.id));
    if let Some(entry) = demo_entry {
        awards.push(AwardRow {
            id: rng.uuid_v7(award_at),
            competition_id: c.id.clone(),
            round_id: None,
            title: "Giải Ý tưởng vì cộng đồng".to_owned(),
            rank_from: None,
            rank_to: None,
            entry_id: Some(entry.id.clone()),
            prize_vnd: 5_000_000,
            created_at: award_at,
        });
    }

    built.competitions.push(c);
    built.rounds.extend([first, last]);
    built
        .criteria
        .extend(criteria1.into_iter().chain(criteria2));
    built.entries = entries;
    built.assignments = first_assignments
        .into_iter()
        .chain(last_assignments)
        .collect();
    built.sheets = first_sheets.into_iter().chain(last_sheets).collect();
    (built, awards, published_at)
}

/// This year's competition, being judged: the large round.
#[expect(
    clippy::too_many_lines,
    reason = "a competition's story from entries to sheets, clearer in one piece"
)]
fn judging(ctx: &Context<'_>, rng: &mut Rng) -> Built {
    const TRACKS: [&str; 4] = [
        "Nông nghiệp và chế biến nông sản",
        "Du lịch, dịch vụ và sản phẩm địa phương",
        "Công nghệ và chuyển đổi số",
        "Xã hội, y tế và môi trường",
    ];
    let a = ctx.anchor;
    let days = Duration::days;
    let (opens, closes, judging) = (a - days(120), a - days(40), a - days(35));
    let mut c = competition(
        rng,
        &Spec {
            title: "Cuộc thi Ý tưởng khởi nghiệp đổi mới sáng tạo tỉnh Sơn La năm 2026",
            description: "Cuộc thi thường niên theo Đề án hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Sơn La (Quyết định 2610/QĐ-UBND). Mọi cá nhân, nhóm và doanh nghiệp khởi nghiệp trong tỉnh đều được tham gia theo bốn bảng.",
            audience: "everyone",
            tracks: &TRACKS,
            created_by: &ctx.people.staff[OFFICER].id,
            created_at: a - days(130),
            updated_at: judging,
            opens: Some(opens),
            closes: Some(closes),
        },
    );
    c.organizer_id = ctx.organization(0);
    c.status = "judging".to_owned();
    let judges = ctx.judge_ids();
    let sizes = ctx.sizes;
    let (mut first, criteria1) = round(
        rng,
        &c,
        1,
        "Vòng sơ khảo",
        Method::Zscore,
        sizes.judges_per_entry,
        CRITERIA.len(),
    );
    first.advance_count = i32::try_from((sizes.round_entries / 10).clamp(5, 500)).ok();
    let (last, criteria2) = round(
        rng,
        &c,
        2,
        "Vòng chung khảo",
        Method::Mean,
        judges.len().min(5),
        6,
    );

    // A few entries are withdrawn before judging; the round keeps exactly its size.
    let withdrawn = sizes.round_entries / 50;
    let chosen = ctx.choose(
        rng,
        |p| can_enter_now(p) && submitted_at(p).is_some_and(|t| t < closes - days(1)),
        sizes.round_entries + withdrawn,
        1,
    );
    let track = |sector: Sector| {
        let i = match sector {
            Sector::Agriculture | Sector::FoodProcessing | Sector::Forestry => 0,
            Sector::Tourism | Sector::Handicrafts | Sector::Services => 1,
            Sector::Technology | Sector::Education => 2,
            Sector::Health | Sector::Environment | Sector::Energy | Sector::Other => 3,
        };
        Some(TRACKS[i].to_owned())
    };
    let mut entries = ctx.entries(rng, &c, &chosen, closes, track);
    let demo_idea = ctx.plans.get(1).map(|p| p.id.clone());
    let mut withdrawn_left = withdrawn;
    for entry in entries.iter_mut().rev() {
        if withdrawn_left == 0 {
            break;
        }
        if Some(&entry.idea_id) != demo_idea.as_ref() {
            entry.status = "withdrawn".to_owned();
            withdrawn_left -= 1;
        }
    }
    let active: Vec<EntryId> = entries
        .iter()
        .filter(|e| e.status == "active")
        .map(|e| e.id.clone())
        .collect();
    let mut conflicts = ctx.derived_conflicts(&entries);
    // The second judge declares a family tie with one team.
    let mut declared = Vec::new();
    if let Some(judge) = judges.get(1) {
        let demo_entry = entries
            .iter()
            .find(|e| Some(&e.idea_id) == demo_idea.as_ref())
            .map(|e| e.id.clone());
        if let Some(entry) = active.iter().find(|e| {
            Some(*e) != demo_entry.as_ref() && !conflicts.contains(&(judge.clone(), (*e).clone()))
        }) {
            let at = judging - days(1);
            declared.push(ConflictRow {
                id: rng.uuid_v7(at),
                competition_id: c.id.clone(),
                judge_id: judge.clone(),
                entry_id: entry.clone(),
                kind: "family".to_owned(),
                note: Some("Người thân của trưởng nhóm dự thi.".to_owned()),
                declared_by: Some(judge.clone()),
                created_at: at,
            });
            conflicts.insert((judge.clone(), entry.clone()));
        }
    }

    let assignments = assign_judges(
        rng,
        ctx.seed,
        &first,
        &active,
        &judges,
        &conflicts,
        judging + Duration::hours(1),
    );
    // The first demo judge has two sheets left, first in their list of this round: one not
    // started, one saved as a draft.
    let mut mine: Vec<usize> = assignments
        .iter()
        .enumerate()
        .filter(|(_, x)| judges.first() == Some(&x.judge_id))
        .map(|(i, _)| i)
        .collect();
    mine.sort_by(|a, b| assignments[*a].id.cmp(&assignments[*b].id));
    let untouched = mine.first().copied();
    let draft = mine.get(1).copied();
    let mut scorer = Scorer::new();
    let sheets = assignments
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            let state = if Some(i) == untouched {
                SheetState::None
            } else if Some(i) == draft {
                SheetState::Draft
            } else {
                SheetState::Submitted
            };
            scorer.score(
                rng,
                x,
                &criteria1,
                state,
                (judging + days(1), a - Duration::hours(1)),
            )
        })
        .collect();

    Built {
        competitions: vec![c],
        criteria: criteria1.into_iter().chain(criteria2).collect(),
        round_entries: active
            .iter()
            .map(|e| (first.id.clone(), e.clone()))
            .collect(),
        rounds: vec![first, last],
        entries,
        judges: judges
            .iter()
            .map(|j| (j.clone(), opens + days(3)))
            .collect(),
        conflicts: declared,
        assignments,
        sheets,
    }
}

/// The university's competition, open for entries, and next year's draft.
fn open_and_draft(ctx: &Context<'_>, rng: &mut Rng) -> Built {
    let a = ctx.anchor;
    let days = Duration::days;
    let opens = a - days(20);
    let mut open = competition(
        rng,
        &Spec {
            title: "Cuộc thi Sinh viên khởi nghiệp Trường Đại học Tây Bắc năm học 2026–2027",
            description: "Sân chơi cho sinh viên và học viên của Trường Đại học Tây Bắc. Hồ sơ được nhận liên tục; hội đồng chấm vòng hồ sơ theo từng đợt.",
            audience: "students",
            tracks: &[],
            created_by: &ctx.people.staff[OFFICER2].id,
            created_at: a - days(30),
            updated_at: opens,
            opens: Some(opens),
            closes: None,
        },
    );
    open.organizer_id = ctx.organization(1);
    open.status = "open".to_owned();
    let (mut open_round, open_criteria) = round(rng, &open, 1, "Vòng hồ sơ", Method::Mean, 2, 4);
    open_round.blind = true;
    open_round.advance_count = Some(10);
    let chosen = ctx.choose(
        rng,
        |p| can_enter_now(p) && submitted_at(p).is_some_and(|t| t < a - days(2)),
        ctx.sizes.open_entries,
        usize::MAX,
    );
    let entries = ctx.entries(rng, &open, &chosen, a - Duration::hours(1), |_| None);

    let mut draft = competition(
        rng,
        &Spec {
            title: "Cuộc thi Gọi vốn khởi nghiệp Sơn La năm 2027",
            description: "Các dự án đã qua vườn ươm thuyết trình gọi vốn trước nhà đầu tư thiên thần và quỹ đầu tư. Đang chuẩn bị thể lệ.",
            audience: "youth",
            tracks: &["Dự án có doanh thu", "Dự án công nghệ"],
            created_by: &ctx.people.staff[OFFICER].id,
            created_at: a - days(5),
            updated_at: a - days(5),
            opens: Some(a + days(100)),
            closes: Some(a + days(160)),
        },
    );
    draft.organizer_id = ctx.organization(5);
    let (draft_round, draft_criteria) = round(rng, &draft, 1, "Vòng gọi vốn", Method::Median, 3, 5);

    let judges = ctx.judge_ids();
    Built {
        judges: judges
            .iter()
            .take(2)
            .map(|j| (j.clone(), a - days(10)))
            .collect(),
        competitions: vec![open, draft],
        rounds: vec![open_round, draft_round],
        criteria: open_criteria.into_iter().chain(draft_criteria).collect(),
        entries,
        ..Built::default()
    }
}

/// Writes a competition's rows, sheets excepted, through the competitions repository.
fn write_structure(conn: &mut DbConnection, built: &Built) -> Result<(), SeedError> {
    repo::insert_competitions(conn, &built.competitions)?;
    repo::insert_rounds(conn, &built.rounds)?;
    repo::insert_criteria(conn, &built.criteria)?;
    repo::insert_entries(conn, &built.entries)?;
    repo::insert_round_entries(conn, &built.round_entries)?;
    // Judges join every competition of the batch that is past its draft.
    let judges: Vec<(CompetitionId, UserId, NaiveDateTime)> = built
        .judges
        .iter()
        .flat_map(|(judge, at)| {
            built
                .competitions
                .iter()
                .filter(|c| c.status != "draft")
                .map(move |c| (c.id.clone(), judge.clone(), *at))
        })
        .collect();
    repo::insert_judges(conn, &judges)?;
    repo::insert_conflicts(conn, &built.conflicts)?;
    repo::insert_assignments(conn, &built.assignments)?;
    Ok(())
}

/// Writes sheets and their values.
fn write_sheets(conn: &mut DbConnection, sheets: &[Scored]) -> Result<(), SeedError> {
    let rows: Vec<SheetRow> = sheets.iter().map(|s| s.sheet.clone()).collect();
    repo::insert_sheets(conn, &rows)?;
    let values: Vec<(&AssignmentId, &CriterionId, f64)> = sheets
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .map(|(criterion, value)| (&s.sheet.assignment_id, criterion, *value))
        })
        .collect();
    repo::insert_values(conn, &values)?;
    Ok(())
}

/// How many sheets `built` holds (for the progress bar).
fn sheet_count(built: &[&Built]) -> usize {
    built.iter().map(|b| b.sheets.len()).sum()
}

/// Makes and writes every competition.
pub fn write(
    conn: &mut DbConnection,
    ctx: &Context<'_>,
    bar: impl Fn(usize) -> ProgressBar,
) -> Result<CompetitionIds, SeedError> {
    let mut rng = Rng::new(ctx.seed, "competitions");
    let (past, awards, published_at) = published(ctx, &mut rng);
    let current = judging(ctx, &mut rng);
    let later = open_and_draft(ctx, &mut rng);
    let progress = bar(sheet_count(&[&past, &current]));

    conn.write_transaction(|conn| -> Result<(), SeedError> {
        write_structure(conn, &past)?;
        write_sheets(conn, &past.sheets)?;
        // Publication freezes the leaderboards, as `POST /competitions/{id}/publish` does.
        if let Some(c) = past.competitions.first() {
            let mut results =
                sonla_competitions::service::snapshot(conn, c, &past.rounds, ctx.policy)?;
            results.published_at = published_at.and_utc();
            repo::insert_results(conn, &c.id, &to_json(&results), published_at)?;
        }
        repo::insert_awards(conn, &awards)?;
        Ok(())
    })?;
    progress.inc(u64::try_from(past.sheets.len()).unwrap_or(0));

    conn.write_transaction(|conn| write_structure(conn, &current))?;
    for chunk in current.sheets.chunks(SHEET_BATCH) {
        conn.write_transaction(|conn| write_sheets(conn, chunk))?;
        progress.inc(u64::try_from(chunk.len()).unwrap_or(0));
    }
    conn.write_transaction(|conn| write_structure(conn, &later))?;
    progress.finish();

    let id = |b: &Built, i: usize| {
        b.competitions
            .get(i)
            .map(|c| c.id.to_string())
            .unwrap_or_default()
    };
    Ok(CompetitionIds {
        published: id(&past, 0),
        judging: id(&current, 0),
        judging_round: current
            .rounds
            .first()
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
        round_entries: current.round_entries.len(),
        open: id(&later, 0),
        draft: id(&later, 1),
    })
}
