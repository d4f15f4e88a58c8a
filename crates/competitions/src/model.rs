//! Rows of the competitions tables, the domain's enums, the views services return, and the
//! published results (stored as JSON and served as stored).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sonla_core::{
    AssignmentId, AwardId, CompetitionId, ConflictId, CriterionId, EntryId, IdeaId, OrganizationId,
    RoundId, UserId, string_enum,
};
use sonla_db::lookup::IdeaBrief;
use utoipa::ToSchema;

use crate::assign::Short;
use crate::scoring::{CriterionMean, Leaderboard, Method};
use sonla_db::schema::{
    assignments, awards, competitions, conflicts, criteria, entries, rounds, score_sheets,
};

/// A competition row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = competitions, treat_none_as_null = true)]
pub struct Competition {
    /// UUID v7.
    pub id: CompetitionId,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// [`Audience`].
    pub audience: String,
    /// JSON array of track names.
    pub tracks: String,
    /// The organising organisation.
    pub organizer_id: Option<OrganizationId>,
    /// Entries accepted from.
    pub submission_opens_at: Option<NaiveDateTime>,
    /// Entries accepted until.
    pub submission_closes_at: Option<NaiveDateTime>,
    /// [`CompetitionStatus`].
    pub status: String,
    /// Creator.
    pub created_by: Option<UserId>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

/// A round row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rounds)]
pub struct Round {
    /// UUID v7.
    pub id: RoundId,
    /// The competition.
    pub competition_id: CompetitionId,
    /// 1, 2, …
    pub position: i32,
    /// Name.
    pub name: String,
    /// [`crate::scoring::Method`].
    pub method: String,
    /// Judges wanted per entry.
    pub judges_per_entry: i32,
    /// Advance those at or above this score.
    pub pass_mark: Option<f64>,
    /// Hide teams and organisations from judges.
    pub blind: bool,
    /// Advance the top N.
    pub advance_count: Option<i32>,
    /// `open` or `closed`.
    pub status: String,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

/// A criterion row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = criteria)]
pub struct CriterionRow {
    /// UUID v7.
    pub id: CriterionId,
    /// The round.
    pub round_id: RoundId,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Weight (> 0).
    pub weight: f64,
    /// Highest value (> 0).
    pub max_score: f64,
    /// Order.
    pub position: i32,
}

/// An entry row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = entries)]
pub struct Entry {
    /// UUID v7.
    pub id: EntryId,
    /// The competition.
    pub competition_id: CompetitionId,
    /// The idea entered.
    pub idea_id: IdeaId,
    /// Track.
    pub track: Option<String>,
    /// `active` or `withdrawn`.
    pub status: String,
    /// Who entered it.
    pub created_by: Option<UserId>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A declared conflict row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = conflicts)]
pub struct ConflictRow {
    /// UUID v7.
    pub id: ConflictId,
    /// The competition.
    pub competition_id: CompetitionId,
    /// The judge.
    pub judge_id: UserId,
    /// The entry.
    pub entry_id: EntryId,
    /// [`ConflictKind`].
    pub kind: String,
    /// Note.
    pub note: Option<String>,
    /// Who declared it.
    pub declared_by: Option<UserId>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// An assignment row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = assignments)]
pub struct Assignment {
    /// UUID v7.
    pub id: AssignmentId,
    /// The round.
    pub round_id: RoundId,
    /// The entry.
    pub entry_id: EntryId,
    /// The judge.
    pub judge_id: UserId,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A score sheet row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = score_sheets, primary_key(assignment_id), treat_none_as_null = true)]
pub struct SheetRow {
    /// The assignment.
    pub assignment_id: AssignmentId,
    /// Its round (for the leaderboard query).
    pub round_id: RoundId,
    /// `draft` or `submitted`.
    pub status: String,
    /// Comment for the team.
    pub comment: Option<String>,
    /// Bumped on every change; `If-Match` carries it.
    pub version: i32,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// Submission time.
    pub submitted_at: Option<NaiveDateTime>,
}

/// An award row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = awards)]
pub struct AwardRow {
    /// UUID v7.
    pub id: AwardId,
    /// The competition.
    pub competition_id: CompetitionId,
    /// The round whose ranks it refers to.
    pub round_id: Option<RoundId>,
    /// Title.
    pub title: String,
    /// First rank covered.
    pub rank_from: Option<i32>,
    /// Last rank covered.
    pub rank_to: Option<i32>,
    /// Or one entry.
    pub entry_id: Option<EntryId>,
    /// Prize in đồng.
    pub prize_vnd: i64,
    /// When.
    pub created_at: NaiveDateTime,
}

string_enum! {
    /// Where a competition stands.
    pub enum CompetitionStatus {
        /// Being prepared by officers.
        Draft => "draft",
        /// Taking entries.
        Open => "open",
        /// Judges are scoring.
        Judging => "judging",
        /// Scoring is over; results not public yet.
        Finalised => "finalised",
        /// Results are public and frozen.
        Published => "published",
    }
}

string_enum! {
    /// Whether a round takes scores.
    pub enum RoundStatus {
        /// Judges score it.
        Open => "open",
        /// Scoring is over (its entries were advanced, or the competition finalised).
        Closed => "closed",
    }
}

string_enum! {
    /// Whether an entry is still in its competition.
    pub enum EntryStatus {
        /// In the competition.
        Active => "active",
        /// Withdrawn by its team.
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// Where a judge's score sheet stands.
    pub enum SheetStatus {
        /// Not saved yet.
        None => "none",
        /// Saved, still open to changes.
        Draft => "draft",
        /// Submitted: counted in the results.
        Submitted => "submitted",
    }
}

string_enum! {
    /// Who may enter.
    pub enum Audience {
        /// Students.
        Students => "students",
        /// Young people.
        Youth => "youth",
        /// Everyone.
        Everyone => "everyone",
    }
}

string_enum! {
    /// Kinds of conflict of interest.
    pub enum ConflictKind {
        /// The judge is in the entry's team.
        TeamMember => "team_member",
        /// The judge belongs to the idea's organisation.
        SameOrganisation => "same_organisation",
        /// Family ties.
        Family => "family",
        /// Business ties.
        BusinessRelation => "business_relation",
        /// The judge advised the team.
        Advisor => "advisor",
        /// Anything else.
        Other => "other",
    }
}

/// A lifecycle step, `POST /api/v1/competitions/{id}/<step>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LifecycleStep {
    /// draft → open: needs a round with criteria.
    Open,
    /// open → judging: round 1 takes every active entry.
    StartJudging,
    /// judging → finalised: every sheet submitted, unless an admin forces it with a reason.
    Finalise,
    /// finalised → published: the leaderboards are frozen into the results.
    Publish,
}

/// A round with its criteria, and whether they are frozen (a sheet is submitted).
#[derive(Debug, Clone)]
pub struct RoundView {
    /// The round.
    pub round: Round,
    /// Its criteria, in order.
    pub criteria: Vec<CriterionRow>,
    /// Whether a submitted sheet freezes them.
    pub frozen: bool,
}

/// An entry with its idea's title.
#[derive(Debug, Clone)]
pub struct EntryView {
    /// The entry.
    pub entry: Entry,
    /// The idea's title.
    pub title: String,
}

/// A judge of a competition.
#[derive(Debug, Clone)]
pub struct Judge {
    /// The user.
    pub user_id: UserId,
    /// Their name.
    pub full_name: String,
    /// When they were added.
    pub added_at: NaiveDateTime,
}

/// A conflict of interest: declared, or derived from team or organisation membership.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// The judge.
    pub judge_id: UserId,
    /// The entry.
    pub entry_id: EntryId,
    /// Kind.
    pub kind: ConflictKind,
    /// The note of a declared conflict.
    pub note: Option<String>,
    /// Found from membership rather than declared.
    pub derived: bool,
}

/// An assignment with the status of its sheet (`None` before the first save).
#[derive(Debug, Clone)]
pub struct AssignmentView {
    /// The assignment.
    pub assignment: Assignment,
    /// `draft` or `submitted`.
    pub sheet_status: Option<String>,
}

/// What automatic assignment left: every assignment of the round, and the entries short of
/// judges.
#[derive(Debug, Clone)]
pub struct AutoAssignment {
    /// Every assignment of the round now.
    pub assignments: Vec<AssignmentView>,
    /// Entries with fewer judges than wanted.
    pub short: Vec<Short>,
}

/// A judge's assignment with what they need to score it.
#[derive(Debug, Clone)]
pub struct JudgeTask {
    /// The assignment.
    pub assignment: Assignment,
    /// Its round's name.
    pub round_name: String,
    /// Whether the round hides teams and organisations.
    pub blind: bool,
    /// The round's criteria, in order.
    pub criteria: Vec<CriterionRow>,
    /// The entry.
    pub entry: Entry,
    /// The entered idea.
    pub idea: IdeaBrief,
    /// The names of the idea's team, in the order they joined (empty in blind rounds).
    pub team: Vec<String>,
    /// The sheet, once saved.
    pub sheet: Option<SheetRow>,
}

/// A score sheet as its judge reads it.
#[derive(Debug, Clone)]
pub struct SheetView {
    /// The assignment.
    pub assignment_id: AssignmentId,
    /// The sheet, once saved.
    pub sheet: Option<SheetRow>,
    /// `(criterion, value)`, by criterion id.
    pub values: Vec<(CriterionId, f64)>,
}

/// A round's leaderboard, live or as published.
#[derive(Debug, Clone)]
pub struct RoundBoard {
    /// The round.
    pub round_id: RoundId,
    /// Whether it is the published, frozen one.
    pub published: bool,
    /// The leaderboard.
    pub board: Leaderboard,
}

/// An award with the entries it goes to.
#[derive(Debug, Clone)]
pub struct AwardView {
    /// The award.
    pub award: AwardRow,
    /// The entries it goes to, from the published ranks.
    pub winners: Vec<String>,
}

impl From<&CriterionRow> for CriterionInfo {
    fn from(c: &CriterionRow) -> Self {
        Self {
            id: c.id.to_string(),
            name: c.name.clone(),
            description: c.description.clone(),
            weight: c.weight,
            max_score: c.max_score,
            position: c.position,
        }
    }
}

/// A criterion as rounds, judges' assignments and published results show it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = CriterionResponse)]
pub struct CriterionInfo {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Name.
    #[schema(max_length = 200)]
    pub name: String,
    /// Description.
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// Weight.
    #[schema(format = Double)]
    pub weight: f64,
    /// Highest value.
    #[schema(format = Double)]
    pub max_score: f64,
    /// Order.
    #[schema(format = Int32)]
    pub position: i32,
}

/// The parameters a round was scored with.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoundParameters {
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
    /// Spread above which rows are flagged.
    #[schema(format = Double)]
    pub flag_spread: f64,
}

/// A round in the published results.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoundResult {
    /// The round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: String,
    /// Name.
    #[schema(max_length = 200)]
    pub name: String,
    /// Position.
    #[schema(format = Int32)]
    pub position: i32,
    /// The round's method.
    pub method: Method,
    /// Parameters.
    pub parameters: RoundParameters,
    /// Criteria.
    #[schema(max_items = 50)]
    pub criteria: Vec<CriterionInfo>,
    /// The leaderboard by the round's method.
    pub leaderboard: Leaderboard,
    /// The leaderboards by every method.
    #[schema(max_items = 4)]
    pub by_method: Vec<Leaderboard>,
}

/// The frozen results of a published competition, served as they were stored on publication.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = ResultsResponse)]
pub struct PublishedResults {
    /// The competition.
    #[schema(format = Uuid, max_length = 36)]
    pub competition_id: String,
    /// When published.
    pub published_at: DateTime<Utc>,
    /// Every round.
    #[schema(max_items = 10)]
    pub rounds: Vec<RoundResult>,
}

/// A judge's comment to an entrant.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeedbackComment {
    /// The judge, except in blind rounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid, max_length = 36)]
    pub judge_id: Option<String>,
    /// The comment.
    #[schema(max_length = 5000)]
    pub comment: String,
}

/// An entrant's feedback for one round.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundFeedback {
    /// The round.
    #[schema(format = Uuid, max_length = 36)]
    pub round_id: String,
    /// Rank in the published result.
    #[schema(format = Int32)]
    pub rank: Option<u32>,
    /// Mean raw value per criterion.
    #[schema(max_items = 50)]
    pub criteria: Vec<CriterionMean>,
    /// Judges' comments.
    #[schema(max_items = 50)]
    pub comments: Vec<FeedbackComment>,
}

/// An entrant's feedback after publication.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = FeedbackResponse)]
pub struct Feedback {
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// Per round.
    #[schema(max_items = 10)]
    pub rounds: Vec<RoundFeedback>,
}
