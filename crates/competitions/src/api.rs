//! Request and response types of the competitions API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sonla_core::validation::{not_blank, short_items};
use sonla_core::{Sector, Stage};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::assign::Short;
use crate::model::{
    AssignmentView, AutoAssignment, AwardView, Competition, Conflict, CriterionInfo, EntryStatus,
    EntryView, Judge, JudgeTask, RoundBoard, RoundStatus, RoundView, SheetStatus, SheetView,
};
use crate::scoring::{Leaderboard, Method};

pub use crate::model::{Audience, CompetitionStatus, ConflictKind, LifecycleStep};

/// A new competition.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCompetitionRequest {
    /// Title.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Cuộc thi Ý tưởng khởi nghiệp sinh viên Sơn La 2026"
    )]
    pub title: String,
    /// Description.
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    /// The organising organisation.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub organizer_id: Option<String>,
    /// Who may enter.
    pub audience: Audience,
    /// Tracks entries may choose.
    #[serde(default)]
    #[validate(length(max = 10), custom(function = track_items))]
    #[schema(max_items = 10, value_type = Vec<Track>)]
    pub tracks: Vec<String>,
    /// Entries accepted from (UTC).
    pub submission_opens_at: Option<DateTime<Utc>>,
    /// Entries accepted until (UTC).
    pub submission_closes_at: Option<DateTime<Utc>>,
}

/// Options of a lifecycle step.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LifecycleRequest {
    /// Finalise although sheets are unsubmitted (admins only, with a reason).
    #[serde(default)]
    pub force: bool,
    /// Why (required with `force`).
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// A criterion of a round.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionInput {
    /// Name.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Tính khả thi"
    )]
    pub name: String,
    /// Description.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// Weight, above 0.
    #[validate(range(exclusive_min = 0.0, max = 1000.0))]
    #[schema(exclusive_minimum = 0.0, maximum = 1000.0, format = Double)]
    pub weight: f64,
    /// Highest value, above 0.
    #[validate(range(exclusive_min = 0.0, max = 1000.0))]
    #[schema(exclusive_minimum = 0.0, maximum = 1000.0, format = Double)]
    pub max_score: f64,
}

/// A new round; it comes after the existing ones.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRoundRequest {
    /// Name.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Vòng sơ khảo"
    )]
    pub name: String,
    /// Scoring method.
    pub method: Method,
    /// Judges wanted per entry.
    #[validate(range(min = 1, max = 50))]
    #[schema(minimum = 1, maximum = 50, format = Int32)]
    pub judges_per_entry: i32,
    /// Advance entries scoring at or above this.
    #[validate(range(min = -1000.0, max = 1000.0))]
    #[schema(minimum = -1000.0, maximum = 1000.0, format = Double)]
    pub pass_mark: Option<f64>,
    /// Hide teams and organisations from judges.
    #[serde(default)]
    pub blind: bool,
    /// Advance the top N.
    #[validate(range(min = 1, max = 100_000))]
    #[schema(minimum = 1, maximum = 100_000, format = Int32)]
    pub advance_count: Option<i32>,
    /// Criteria, in order.
    #[validate(length(min = 1, max = 50), nested)]
    #[schema(min_items = 1, max_items = 50)]
    pub criteria: Vec<CriterionInput>,
}

/// New criteria for a round (replacing the old ones while no sheet is submitted).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceCriteriaRequest {
    /// Criteria, in order.
    #[validate(length(min = 1, max = 50), nested)]
    #[schema(min_items = 1, max_items = 50)]
    pub criteria: Vec<CriterionInput>,
}

/// An idea to enter.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEntryRequest {
    /// The idea (its lead enters it; it must be submitted).
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub idea_id: String,
    /// One of the competition's tracks.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub track: Option<String>,
}

/// A judge to add.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddJudgeRequest {
    /// A user with the `judge` role.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub user_id: String,
}

/// A declared conflict of interest.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclareConflictRequest {
    /// The judge (a judge declares for themself).
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub judge_id: String,
    /// The entry.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub entry_id: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Note.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Automatic assignment.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AutoAssignRequest {
    /// The seed: the same seed gives the same assignment (default 0; at most 2^53 − 1, so
    /// JavaScript clients can hold it).
    #[serde(default)]
    #[validate(range(max = 9_007_199_254_740_991_u64))]
    #[schema(format = Int64, minimum = 0, maximum = 9_007_199_254_740_991_u64)]
    pub seed: u64,
}

/// One assignment to add by hand.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAssignmentRequest {
    /// The entry.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub entry_id: String,
    /// The judge.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub judge_id: String,
}

/// Why an assignment is removed.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveAssignmentQuery {
    /// Required when its sheet is submitted.
    #[validate(length(max = 2000))]
    #[param(max_length = 2000)]
    pub reason: Option<String>,
}

/// One value of a score sheet.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreValue {
    /// The criterion.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub criterion_id: String,
    /// The value, 0 to the criterion's `max_score`.
    #[schema(format = Double)]
    pub value: f64,
}

/// A score sheet draft.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SheetRequest {
    /// A value for every criterion of the round.
    #[validate(length(max = 50), nested)]
    #[schema(max_items = 50)]
    pub scores: Vec<ScoreValue>,
    /// A comment for the team.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub comment: Option<String>,
    /// The version read (or send `If-Match`); required once the sheet exists.
    #[schema(format = Int32, minimum = 0)]
    pub version: Option<i32>,
}

/// Why a sheet is reopened.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReopenRequest {
    /// The reason, kept in the audit log.
    #[validate(length(min = 1, max = 2000), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// The method of a leaderboard request.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeaderboardQuery {
    /// Default: the round's method.
    #[param(inline)]
    pub method: Option<Method>,
}

/// A new award.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAwardRequest {
    /// Title, such as "Giải Nhất".
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 200)]
    pub title: String,
    /// The round whose ranks it covers (default: the last round).
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub round_id: Option<String>,
    /// First rank covered.
    #[validate(range(min = 1, max = 100_000))]
    #[schema(minimum = 1, maximum = 100_000, format = Int32)]
    pub rank_from: Option<i32>,
    /// Last rank covered.
    #[validate(range(min = 1, max = 100_000))]
    #[schema(minimum = 1, maximum = 100_000, format = Int32)]
    pub rank_to: Option<i32>,
    /// Or one entry.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub entry_id: Option<String>,
    /// Prize in đồng.
    #[validate(range(min = 0_i64, max = 1_000_000_000_000_i64))]
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64, format = Int64)]
    pub prize_vnd: i64,
}

/// A competition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompetitionResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Title.
    #[schema(max_length = 200)]
    pub title: String,
    /// Description.
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    /// Who may enter.
    pub audience: Audience,
    /// Tracks.
    #[schema(max_items = 10, value_type = Vec<Track>)]
    pub tracks: Vec<String>,
    /// Organiser.
    #[schema(format = Uuid, max_length = 36)]
    pub organizer_id: Option<String>,
    /// Entries from.
    pub submission_opens_at: Option<DateTime<Utc>>,
    /// Entries until.
    pub submission_closes_at: Option<DateTime<Utc>>,
    /// Status.
    pub status: CompetitionStatus,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A round.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// The competition.
    #[schema(format = Uuid, max_length = 36)]
    pub competition_id: String,
    /// 1, 2, …
    #[schema(format = Int32)]
    pub position: i32,
    /// Name.
    #[schema(max_length = 200)]
    pub name: String,
    /// Method.
    pub method: Method,
    /// Judges per entry.
    #[schema(format = Int32)]
    pub judges_per_entry: i32,
    /// Pass mark.
    #[schema(format = Double)]
    pub pass_mark: Option<f64>,
    /// Blind.
    pub blind: bool,
    /// Advance count.
    #[schema(format = Int32)]
    pub advance_count: Option<i32>,
    /// Whether it takes scores.
    pub status: RoundStatus,
    /// Criteria can no longer change: a sheet is submitted.
    pub criteria_frozen: bool,
    /// Criteria.
    #[schema(max_items = 50)]
    pub criteria: Vec<CriterionInfo>,
}

/// An entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntryResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// The competition.
    #[schema(format = Uuid, max_length = 36)]
    pub competition_id: String,
    /// The idea.
    #[schema(format = Uuid, max_length = 36)]
    pub idea_id: String,
    /// The idea's title.
    #[schema(max_length = 200)]
    pub title: String,
    /// Track.
    #[schema(max_length = 100)]
    pub track: Option<String>,
    /// Whether it is still in the competition.
    pub status: EntryStatus,
    /// When entered.
    pub created_at: DateTime<Utc>,
}

/// A judge of a competition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JudgeResponse {
    /// The user.
    #[schema(format = Uuid, max_length = 36)]
    pub user_id: String,
    /// Name.
    #[schema(max_length = 200)]
    pub full_name: String,
    /// When added.
    pub added_at: DateTime<Utc>,
}

/// A conflict of interest, declared or derived.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConflictResponse {
    /// The judge.
    #[schema(format = Uuid, max_length = 36)]
    pub judge_id: String,
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// Kind.
    pub kind: ConflictKind,
    /// Note.
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Found from team or organisation membership rather than declared.
    pub derived: bool,
}

/// An assignment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssignmentResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// The round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: String,
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// The judge.
    #[schema(format = Uuid, max_length = 36)]
    pub judge_id: String,
    /// Where the sheet stands.
    pub sheet_status: SheetStatus,
}

/// An entry left short of judges.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShortEntry {
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// Judges it has.
    #[schema(format = Int32)]
    pub assigned: u32,
    /// Judges wanted.
    #[schema(format = Int32)]
    pub needed: u32,
}

/// The result of automatic assignment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AutoAssignResult {
    /// Every assignment of the round now (at most 50 per entry).
    #[schema(max_items = 500_000)]
    pub assignments: Vec<AssignmentResponse>,
    /// Entries with fewer judges than wanted (conflicts or too few judges).
    #[schema(max_items = 10_000)]
    pub short: Vec<ShortEntry>,
}

/// What a judge sees of an entry; in blind rounds the team and organisation are absent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JudgedEntry {
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// Title.
    #[schema(max_length = 200)]
    pub title: String,
    /// Summary.
    #[schema(max_length = 1000)]
    pub summary: String,
    /// Description.
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    /// Sector.
    pub sector: Sector,
    /// Stage.
    pub stage: Stage,
    /// Track.
    #[schema(max_length = 100)]
    pub track: Option<String>,
    /// The idea (not in blind rounds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid, max_length = 36)]
    pub idea_id: Option<String>,
    /// The idea's organisation (not in blind rounds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid, max_length = 36)]
    pub organization_id: Option<String>,
    /// Team members' names (not in blind rounds).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 20, value_type = Option<Vec<PersonName>>)]
    pub team: Option<Vec<String>>,
}

/// A judge's assignment with what they need to score it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyAssignmentResponse {
    /// The assignment.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// The round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: String,
    /// Round name.
    #[schema(max_length = 200)]
    pub round_name: String,
    /// Whether the round is blind.
    pub blind: bool,
    /// The entry.
    pub entry: JudgedEntry,
    /// The criteria to score.
    #[schema(max_items = 50)]
    pub criteria: Vec<CriterionInfo>,
    /// Where the sheet stands.
    pub sheet_status: SheetStatus,
    /// The sheet's version (0 before the first save).
    #[schema(format = Int32)]
    pub sheet_version: i32,
}

/// A score sheet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetResponse {
    /// The assignment.
    #[schema(format = Uuid, max_length = 36)]
    pub assignment_id: String,
    /// Where it stands.
    pub status: SheetStatus,
    /// Comment.
    #[schema(max_length = 5000)]
    pub comment: Option<String>,
    /// Version (also the `ETag`).
    #[schema(format = Int32)]
    pub version: i32,
    /// Values.
    #[schema(max_items = 50)]
    pub scores: Vec<ScoreValue>,
    /// Submission time.
    pub submitted_at: Option<DateTime<Utc>>,
}

/// A round's leaderboard.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LeaderboardResponse {
    /// The round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: String,
    /// Whether this is the published, frozen result.
    pub published: bool,
    /// The leaderboard of DESIGN.md §6.
    #[serde(flatten)]
    pub board: Leaderboard,
}

/// An award.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AwardResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Title.
    #[schema(max_length = 200)]
    pub title: String,
    /// Round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: Option<String>,
    /// First rank.
    #[schema(format = Int32)]
    pub rank_from: Option<i32>,
    /// Last rank.
    #[schema(format = Int32)]
    pub rank_to: Option<i32>,
    /// Entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: Option<String>,
    /// The entries it goes to, from the published ranks.
    #[schema(max_items = 10_000, value_type = Vec<sonla_core::id::RecordId>)]
    pub winners: Vec<String>,
    /// Prize in đồng.
    #[schema(format = Int64)]
    pub prize_vnd: i64,
}

impl From<Competition> for CompetitionResponse {
    fn from(c: Competition) -> Self {
        Self {
            audience: Audience::parse(&c.audience).unwrap_or(Audience::Everyone),
            status: CompetitionStatus::parse(&c.status).unwrap_or(CompetitionStatus::Draft),
            tracks: serde_json::from_str(&c.tracks).unwrap_or_default(),
            id: c.id.into(),
            title: c.title,
            description: c.description,
            organizer_id: c.organizer_id.map(Into::into),
            submission_opens_at: c.submission_opens_at.map(|t| t.and_utc()),
            submission_closes_at: c.submission_closes_at.map(|t| t.and_utc()),
            created_at: c.created_at.and_utc(),
            updated_at: c.updated_at.and_utc(),
        }
    }
}

impl From<RoundView> for RoundResponse {
    fn from(view: RoundView) -> Self {
        let RoundView {
            round,
            criteria,
            frozen,
        } = view;
        Self {
            method: Method::parse(&round.method).unwrap_or(Method::Mean),
            id: round.id.into(),
            competition_id: round.competition_id.into(),
            position: round.position,
            name: round.name,
            judges_per_entry: round.judges_per_entry,
            pass_mark: round.pass_mark,
            blind: round.blind,
            advance_count: round.advance_count,
            status: RoundStatus::parse(&round.status).unwrap_or(RoundStatus::Open),
            criteria_frozen: frozen,
            criteria: criteria.iter().map(CriterionInfo::from).collect(),
        }
    }
}

impl From<EntryView> for EntryResponse {
    fn from(EntryView { entry, title }: EntryView) -> Self {
        Self {
            id: entry.id.into(),
            competition_id: entry.competition_id.into(),
            idea_id: entry.idea_id.into(),
            title,
            track: entry.track,
            status: EntryStatus::parse(&entry.status).unwrap_or(EntryStatus::Active),
            created_at: entry.created_at.and_utc(),
        }
    }
}

impl From<Judge> for JudgeResponse {
    fn from(judge: Judge) -> Self {
        Self {
            user_id: judge.user_id.into(),
            full_name: judge.full_name,
            added_at: judge.added_at.and_utc(),
        }
    }
}

impl From<Conflict> for ConflictResponse {
    fn from(c: Conflict) -> Self {
        Self {
            judge_id: c.judge_id.into(),
            entry_id: c.entry_id.into(),
            kind: c.kind,
            note: c.note,
            derived: c.derived,
        }
    }
}

/// The status of a sheet as assignments and sheets show it: `none` before the first save.
fn sheet_status(status: Option<&str>) -> SheetStatus {
    status
        .and_then(SheetStatus::parse)
        .unwrap_or(SheetStatus::None)
}

impl From<AssignmentView> for AssignmentResponse {
    fn from(view: AssignmentView) -> Self {
        let a = view.assignment;
        Self {
            id: a.id.into(),
            round_id: a.round_id.into(),
            entry_id: a.entry_id.into(),
            judge_id: a.judge_id.into(),
            sheet_status: sheet_status(view.sheet_status.as_deref()),
        }
    }
}

impl From<Short> for ShortEntry {
    fn from(short: Short) -> Self {
        Self {
            entry_id: short.entry_id,
            assigned: u32::try_from(short.assigned).unwrap_or(u32::MAX),
            needed: u32::try_from(short.needed).unwrap_or(u32::MAX),
        }
    }
}

impl From<AutoAssignment> for AutoAssignResult {
    fn from(outcome: AutoAssignment) -> Self {
        Self {
            assignments: outcome.assignments.into_iter().map(Into::into).collect(),
            short: outcome.short.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<JudgeTask> for MyAssignmentResponse {
    fn from(task: JudgeTask) -> Self {
        let JudgeTask {
            assignment,
            round_name,
            blind,
            criteria,
            entry,
            idea,
            team,
            sheet,
        } = task;
        Self {
            id: assignment.id.into(),
            round_id: assignment.round_id.into(),
            round_name,
            blind,
            entry: JudgedEntry {
                entry_id: entry.id.into(),
                title: idea.title,
                summary: idea.summary,
                description: idea.description,
                sector: Sector::parse(&idea.sector).unwrap_or(Sector::Other),
                stage: Stage::parse(&idea.stage).unwrap_or(Stage::Idea),
                track: entry.track,
                idea_id: (!blind).then(|| entry.idea_id.into()),
                organization_id: idea.organization_id.filter(|_| !blind).map(Into::into),
                team: (!blind).then_some(team),
            },
            criteria: criteria.iter().map(CriterionInfo::from).collect(),
            sheet_version: sheet.as_ref().map_or(0, |s| s.version),
            sheet_status: sheet_status(sheet.as_ref().map(|s| s.status.as_str())),
        }
    }
}

impl From<SheetView> for SheetResponse {
    fn from(view: SheetView) -> Self {
        let sheet = view.sheet;
        Self {
            assignment_id: view.assignment_id.into(),
            version: sheet.as_ref().map_or(0, |s| s.version),
            comment: sheet.as_ref().and_then(|s| s.comment.clone()),
            submitted_at: sheet
                .as_ref()
                .and_then(|s| s.submitted_at.map(|t| t.and_utc())),
            status: sheet_status(sheet.as_ref().map(|s| s.status.as_str())),
            scores: view
                .values
                .into_iter()
                .map(|(criterion_id, value)| ScoreValue {
                    criterion_id: criterion_id.into(),
                    value,
                })
                .collect(),
        }
    }
}

impl From<RoundBoard> for LeaderboardResponse {
    fn from(board: RoundBoard) -> Self {
        Self {
            round_id: board.round_id.into(),
            published: board.published,
            board: board.board,
        }
    }
}

impl From<AwardView> for AwardResponse {
    fn from(AwardView { award, winners }: AwardView) -> Self {
        Self {
            id: award.id.into(),
            title: award.title,
            round_id: award.round_id.map(Into::into),
            rank_from: award.rank_from,
            rank_to: award.rank_to,
            entry_id: award.entry_id.map(Into::into),
            winners,
            prize_vnd: award.prize_vnd,
        }
    }
}

fn track_items(items: &[String]) -> Result<(), ValidationError> {
    short_items(items, 100)
}

/// A track of a competition: 1 to 100 characters (OpenAPI only).
#[derive(ToSchema)]
#[schema(min_length = 1, max_length = 100)]
pub struct Track(pub String);

/// A person's full name (OpenAPI only).
#[derive(ToSchema)]
#[schema(min_length = 1, max_length = 200)]
pub struct PersonName(pub String);

/// The rounds of a competition, in order (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 10)]
pub struct RoundList(pub Vec<RoundResponse>);

/// The entries of a competition (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 10_000)]
pub struct EntryList(pub Vec<EntryResponse>);

/// The judges of a competition (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 1_000)]
pub struct JudgeList(pub Vec<JudgeResponse>);

/// The declared and derived conflicts of a competition (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 10_000)]
pub struct ConflictList(pub Vec<ConflictResponse>);

/// The awards of a competition (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 100)]
pub struct AwardList(pub Vec<AwardResponse>);

/// The assignments of a round, at most 50 per entry (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 500_000)]
pub struct AssignmentList(pub Vec<AssignmentResponse>);

/// Ids of the entries advanced to the next round (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 10_000)]
pub struct AdvancedEntries(pub Vec<sonla_core::id::RecordId>);
