//! Rows of the competitions tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_db::schema::{
    assignments, awards, competitions, conflicts, criteria, entries, rounds, score_sheets,
};

/// A competition row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = competitions, treat_none_as_null = true)]
pub struct Competition {
    /// UUID v7.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// [`crate::api::Audience`].
    pub audience: String,
    /// JSON array of track names.
    pub tracks: String,
    /// The organising organisation.
    pub organizer_id: Option<String>,
    /// Entries accepted from.
    pub submission_opens_at: Option<NaiveDateTime>,
    /// Entries accepted until.
    pub submission_closes_at: Option<NaiveDateTime>,
    /// [`crate::api::CompetitionStatus`].
    pub status: String,
    /// Creator.
    pub created_by: Option<String>,
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
    pub id: String,
    /// The competition.
    pub competition_id: String,
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
    pub id: String,
    /// The round.
    pub round_id: String,
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
    pub id: String,
    /// The competition.
    pub competition_id: String,
    /// The idea entered.
    pub idea_id: String,
    /// Track.
    pub track: Option<String>,
    /// `active` or `withdrawn`.
    pub status: String,
    /// Who entered it.
    pub created_by: Option<String>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A declared conflict row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = conflicts)]
pub struct ConflictRow {
    /// UUID v7.
    pub id: String,
    /// The competition.
    pub competition_id: String,
    /// The judge.
    pub judge_id: String,
    /// The entry.
    pub entry_id: String,
    /// [`crate::api::ConflictKind`].
    pub kind: String,
    /// Note.
    pub note: Option<String>,
    /// Who declared it.
    pub declared_by: Option<String>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// An assignment row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = assignments)]
pub struct Assignment {
    /// UUID v7.
    pub id: String,
    /// The round.
    pub round_id: String,
    /// The entry.
    pub entry_id: String,
    /// The judge.
    pub judge_id: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// A score sheet row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = score_sheets, primary_key(assignment_id), treat_none_as_null = true)]
pub struct SheetRow {
    /// The assignment.
    pub assignment_id: String,
    /// Its round (for the leaderboard query).
    pub round_id: String,
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
    pub id: String,
    /// The competition.
    pub competition_id: String,
    /// The round whose ranks it refers to.
    pub round_id: Option<String>,
    /// Title.
    pub title: String,
    /// First rank covered.
    pub rank_from: Option<i32>,
    /// Last rank covered.
    pub rank_to: Option<i32>,
    /// Or one entry.
    pub entry_id: Option<String>,
    /// Prize in đồng.
    pub prize_vnd: i64,
    /// When.
    pub created_at: NaiveDateTime,
}
