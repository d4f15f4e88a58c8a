//! Use cases of competitions.

use std::collections::{BTreeMap, BTreeSet, btree_map};

use chrono::NaiveDateTime;
use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_core::id::new_id;
use sonla_core::page::DEFAULT_LIMIT;
use sonla_core::serde_ext::{clean, clean_name};
use sonla_core::{Actor, Cursor, Page, PageRequest, Role};
use sonla_db::{DbConnection, DbPool};

use crate::CompetitionError as E;
use crate::api::{
    AddJudgeRequest, AssignmentResponse, AutoAssignResponse, AwardResponse, CompetitionStatus,
    ConflictKind, ConflictResponse, CreateAssignmentRequest, CreateAwardRequest,
    CreateCompetitionRequest, CreateEntryRequest, CreateRoundRequest, CriterionInput,
    CriterionResponse, DeclareConflictRequest, FeedbackComment, FeedbackResponse, JudgedEntry,
    LeaderboardResponse, LifecycleRequest, LifecycleStep, MyAssignmentResponse, ResultsResponse,
    RoundFeedback, RoundParameters, RoundResult, ScoreValue, SheetRequest, SheetResponse,
    ShortEntry,
};
use crate::assign::{self, Input};
use crate::model::{
    Assignment, AwardRow, Competition, ConflictRow, CriterionRow, Entry, Round, SheetRow,
};
use crate::scoring::{self, Criterion, Leaderboard, Method, Sheet};
use crate::{limits, repo};

/// Settings of the competitions domain.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Rows whose spread (points of `T`) exceeds this are flagged.
    pub flag_spread: f64,
}

impl Default for Policy {
    fn default() -> Self {
        Self { flag_spread: 15.0 }
    }
}

type Result<T> = std::result::Result<T, E>;

fn require_staff(actor: &Actor) -> Result<()> {
    if actor.is_staff() {
        Ok(())
    } else {
        Err(E::forbidden(
            "Chỉ cán bộ và quản trị viên làm được việc này",
            "Only officers and admins may do this",
        ))
    }
}

fn status(c: &Competition) -> CompetitionStatus {
    CompetitionStatus::parse(&c.status).unwrap_or(CompetitionStatus::Draft)
}

/// The competition, hidden (404) while a draft from all but staff.
fn competition(conn: &mut DbConnection, id: &str, actor: Option<&Actor>) -> Result<Competition> {
    let c = repo::find_competition(conn, id)?.ok_or(E::CompetitionNotFound)?;
    if status(&c) == CompetitionStatus::Draft && !actor.is_some_and(Actor::is_staff) {
        return Err(E::CompetitionNotFound);
    }
    Ok(c)
}

fn require_status(
    c: &Competition,
    allowed: &[CompetitionStatus],
    vi: &str,
    en: &str,
) -> Result<()> {
    if allowed.contains(&status(c)) {
        Ok(())
    } else {
        Err(E::not_ready(vi, en))
    }
}

fn round_and_competition(
    conn: &mut DbConnection,
    round_id: &str,
    actor: Option<&Actor>,
) -> Result<(Round, Competition)> {
    let round = repo::find_round(conn, round_id)?.ok_or(E::RoundNotFound)?;
    let c = competition(conn, &round.competition_id, actor).map_err(|_| E::RoundNotFound)?;
    Ok((round, c))
}

fn audit(
    conn: &mut DbConnection,
    actor: &Actor,
    meta: &RequestMeta,
    event: Event<'_>,
) -> Result<()> {
    Ok(sonla_audit::record(conn, Who::User(actor), meta, event)?)
}

/// 412 unless the `If-Match` condition held.
fn precondition(holds: bool) -> Result<()> {
    if holds {
        Ok(())
    } else {
        Err(E::PreconditionFailed)
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// Creates a competition; officers and admins.
#[tracing::instrument(skip_all)]
pub async fn create_competition(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    request: CreateCompetitionRequest,
) -> Result<Competition> {
    require_staff(actor)?;
    let now = sonla_db::now();
    let tracks: Vec<String> = request
        .tracks
        .iter()
        .map(|t| clean_name(t))
        .filter(|t| !t.is_empty())
        .collect();
    let row = Competition {
        id: new_id(),
        title: clean_name(&request.title),
        description: clean(request.description),
        audience: request.audience.as_str().to_owned(),
        tracks: to_json(&tracks),
        organizer_id: request.organizer_id.map(|o| o.to_lowercase()),
        submission_opens_at: request.submission_opens_at.map(|t| t.naive_utc()),
        submission_closes_at: request.submission_closes_at.map(|t| t.naive_utc()),
        status: CompetitionStatus::Draft.as_str().to_owned(),
        created_by: Some(actor.user_id.clone()),
        created_at: now,
        updated_at: now,
    };
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            if let Some(org) = &row.organizer_id
                && !sonla_db::lookup::organization_exists(conn, org)?
            {
                return Err(E::invalid(
                    "organizer_id",
                    "not_found",
                    "Không có tổ chức này",
                    "No such organisation",
                ));
            }
            repo::insert_competition(conn, &row)?;
            audit(
                conn,
                &actor,
                &meta,
                Event::new("competition.created", "competition", Some(&row.id))
                    .after(json!({"title": row.title})),
            )?;
            Ok(row)
        })
    })
    .await
}

/// Lists competitions, newest first; drafts only for staff.
#[tracing::instrument(skip_all)]
pub async fn list_competitions(
    pool: &DbPool,
    actor: Option<&Actor>,
    limit: Option<u32>,
    cursor: Option<String>,
) -> Result<Page<Competition>> {
    let staff = actor.is_some_and(Actor::is_staff);
    let request = PageRequest {
        limit: limit.unwrap_or(DEFAULT_LIMIT),
        after: decode_cursor::<(NaiveDateTime, String)>(cursor.as_deref())?,
    };
    pool.run(move |conn| {
        let rows =
            repo::list_competitions(conn, staff, request.after.as_ref(), request.fetch_limit())?;
        Ok(request.page(rows, |c| (c.created_at, c.id.clone())))
    })
    .await
}

/// One competition.
#[tracing::instrument(skip_all, fields(competition_id = %id))]
pub async fn get_competition(
    pool: &DbPool,
    actor: Option<&Actor>,
    id: String,
) -> Result<Competition> {
    let actor = actor.cloned();
    pool.run(move |conn| competition(conn, &id, actor.as_ref()))
        .await
}

/// The statuses a competition can move to from `from`.
fn next_statuses(from: CompetitionStatus) -> Vec<&'static str> {
    match from {
        CompetitionStatus::Draft => vec!["open"],
        CompetitionStatus::Open => vec!["judging"],
        CompetitionStatus::Judging => vec!["finalised"],
        CompetitionStatus::Finalised => vec!["published"],
        CompetitionStatus::Published => vec![],
    }
}

/// Takes a lifecycle step, checking its preconditions.
#[tracing::instrument(skip_all, fields(competition_id = %id))]
pub async fn take_step(
    pool: &DbPool,
    policy: Policy,
    actor: &Actor,
    meta: &RequestMeta,
    id: String,
    step: LifecycleStep,
    request: LifecycleRequest,
) -> Result<Competition> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let mut c = competition(conn, &id, Some(&actor))?;
            let from = status(&c);
            let (expected, to) = match step {
                LifecycleStep::Open => (CompetitionStatus::Draft, CompetitionStatus::Open),
                LifecycleStep::StartJudging => {
                    (CompetitionStatus::Open, CompetitionStatus::Judging)
                }
                LifecycleStep::Finalise => {
                    (CompetitionStatus::Judging, CompetitionStatus::Finalised)
                }
                LifecycleStep::Publish => {
                    (CompetitionStatus::Finalised, CompetitionStatus::Published)
                }
            };
            if from != expected {
                return Err(E::InvalidTransition {
                    from: from.as_str(),
                    allowed: next_statuses(from),
                });
            }
            let rounds = repo::rounds_of(conn, &id)?;
            match step {
                LifecycleStep::Open => {
                    let mut ready = !rounds.is_empty();
                    for round in &rounds {
                        ready &= !repo::criteria_of(conn, &round.id)?.is_empty();
                    }
                    if !ready {
                        return Err(E::not_ready(
                            "Cần ít nhất một vòng thi có tiêu chí trước khi mở",
                            "Add a round with criteria before opening",
                        ));
                    }
                }
                LifecycleStep::StartJudging => {
                    let first = rounds
                        .first()
                        .ok_or_else(|| E::not_ready("Chưa có vòng thi", "No round"))?;
                    let active = repo::active_entry_ids(conn, &id)?;
                    repo::add_round_entries(conn, &first.id, &active)?;
                }
                LifecycleStep::Finalise => {
                    let missing = repo::unsubmitted_count(conn, &id)?;
                    if missing > 0 {
                        let reason = request
                            .reason
                            .as_deref()
                            .map(str::trim)
                            .filter(|r| !r.is_empty());
                        match (request.force, actor.is_admin(), reason) {
                            (true, true, Some(_)) => {}
                            (true, false, _) => {
                                return Err(E::forbidden(
                                    "Chỉ quản trị viên được buộc kết thúc",
                                    "Only admins may force finalising",
                                ));
                            }
                            (true, true, None) => {
                                return Err(E::invalid(
                                    "reason",
                                    "required",
                                    "Hãy nêu lý do",
                                    "Give a reason",
                                ));
                            }
                            (false, ..) => {
                                return Err(E::not_ready(
                                    &format!("Còn {missing} phiếu chấm chưa nộp"),
                                    &format!("{missing} score sheets are not submitted"),
                                ));
                            }
                        }
                    }
                    for round in &rounds {
                        repo::set_round_status(conn, &round.id, "closed")?;
                    }
                }
                LifecycleStep::Publish => {
                    let snapshot = snapshot(conn, &c, &rounds, policy)?;
                    repo::insert_results(conn, &id, &to_json(&snapshot), sonla_db::now())?;
                }
            }
            c.status = to.as_str().to_owned();
            c.updated_at = sonla_db::now();
            repo::save_competition(conn, &c)?;
            let event = Event::new("competition.status_changed", "competition", Some(&id))
                .before(json!({"status": from}))
                .after(json!({"status": to, "forced": request.force, "reason": request.reason}));
            audit(conn, &actor, &meta, event)?;
            Ok(c)
        })
    })
    .await
}

fn criterion_rows(round_id: &str, inputs: &[CriterionInput]) -> Vec<CriterionRow> {
    inputs
        .iter()
        .enumerate()
        .map(|(i, c)| CriterionRow {
            id: new_id(),
            round_id: round_id.to_owned(),
            name: clean_name(&c.name),
            description: clean(c.description.clone()),
            weight: c.weight,
            max_score: c.max_score,
            position: i32::try_from(i + 1).unwrap_or(i32::MAX),
        })
        .collect()
}

/// A round with its criteria and whether they are frozen.
pub type RoundView = (Round, Vec<CriterionRow>, bool);

fn round_view(conn: &mut DbConnection, round: Round) -> Result<RoundView> {
    let criteria = repo::criteria_of(conn, &round.id)?;
    let frozen = repo::any_submitted(conn, &round.id)?;
    Ok((round, criteria, frozen))
}

/// Adds a round after the existing ones; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_round(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: String,
    request: CreateRoundRequest,
) -> Result<RoundView> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let c = competition(conn, &competition_id, Some(&actor))?;
            require_status(
                &c,
                &[
                    CompetitionStatus::Draft,
                    CompetitionStatus::Open,
                    CompetitionStatus::Judging,
                ],
                "Không thêm vòng sau khi đã kết thúc",
                "No new rounds once finalised",
            )?;
            conn.lock(&format!("competition-rounds:{competition_id}"))?;
            let position = repo::rounds_of(conn, &competition_id)?
                .last()
                .map_or(1, |r| r.position + 1);
            let round = Round {
                id: new_id(),
                competition_id: competition_id.clone(),
                position,
                name: clean_name(&request.name),
                method: request.method.as_str().to_owned(),
                judges_per_entry: request.judges_per_entry,
                pass_mark: request.pass_mark,
                blind: request.blind,
                advance_count: request.advance_count,
                status: "open".to_owned(),
                created_at: sonla_db::now(),
            };
            let criteria = criterion_rows(&round.id, &request.criteria);
            sonla_db::lookup::ensure_room::<E>(
                conn,
                &format!("competition-rounds:{competition_id}"),
                limits::ROUNDS,
                ("vòng thi trong một cuộc thi", "rounds in a competition"),
                |conn| repo::count_rounds(conn, &competition_id),
            )?;
            repo::insert_round(conn, &round, &criteria)?;
            audit(
                conn,
                &actor,
                &meta,
                Event::new("round.created", "round", Some(&round.id))
                    .after(json!({"position": position})),
            )?;
            Ok((round, criteria, false))
        })
    })
    .await
}

/// The rounds of a competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_rounds(
    pool: &DbPool,
    actor: Option<&Actor>,
    competition_id: String,
) -> Result<Vec<RoundView>> {
    let actor = actor.cloned();
    pool.run(move |conn| {
        competition(conn, &competition_id, actor.as_ref())?;
        repo::rounds_of(conn, &competition_id)?
            .into_iter()
            .map(|r| round_view(conn, r))
            .collect()
    })
    .await
}

/// Replaces a round's criteria while no sheet is submitted in it.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn replace_criteria(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    round_id: String,
    inputs: Vec<CriterionInput>,
    if_match: Option<String>,
) -> Result<RoundView> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            // On PostgreSQL no other replacement slips between the `If-Match` check and the write.
            conn.lock(&format!("round-criteria:{round_id}"))?;
            let (round, _) = round_and_competition(conn, &round_id, Some(&actor))?;
            // The round as the round list shows it, criteria included.
            let listed = crate::api::RoundResponse::from(round_view(conn, round.clone())?);
            precondition(sonla_core::if_match_holds(if_match.as_deref(), &listed))?;
            if repo::any_submitted(conn, &round_id)? {
                return Err(E::not_ready(
                    "Tiêu chí đã cố định vì có phiếu chấm đã nộp",
                    "Criteria are frozen: a sheet is submitted in this round",
                ));
            }
            let rows = criterion_rows(&round_id, &inputs);
            repo::replace_criteria(conn, &round_id, &rows)?;
            audit(
                conn,
                &actor,
                &meta,
                Event::new("round.criteria_replaced", "round", Some(&round_id)),
            )?;
            // Read back, so the answer (and its `ETag`) is the round exactly as listed.
            round_view(conn, round)
        })
    })
    .await
}

/// Closes a round: every sheet in it is locked.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn close_round(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    round_id: String,
) -> Result<RoundView> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (mut round, _) = round_and_competition(conn, &round_id, Some(&actor))?;
            if round.status == "closed" {
                return Err(E::RoundClosed);
            }
            repo::set_round_status(conn, &round_id, "closed")?;
            round.status = "closed".to_owned();
            audit(
                conn,
                &actor,
                &meta,
                Event::new("round.closed", "round", Some(&round_id)),
            )?;
            round_view(conn, round)
        })
    })
    .await
}

fn idea_row(
    conn: &mut DbConnection,
    idea_id: &str,
) -> Result<Option<(String, String, Option<String>)>> {
    use diesel::prelude::*;
    use sonla_db::schema::ideas;
    Ok(ideas::table
        .find(idea_id)
        .filter(ideas::deleted_at.is_null())
        .select((ideas::title, ideas::status, ideas::organization_id))
        .first(conn)
        .optional()?)
}

fn team_role(conn: &mut DbConnection, idea_id: &str, user_id: &str) -> Result<Option<String>> {
    use diesel::prelude::*;
    use sonla_db::schema::idea_members;
    Ok(idea_members::table
        .find((idea_id, user_id))
        .select(idea_members::role)
        .first(conn)
        .optional()?)
}

/// Enters an idea; its lead, while the competition is open.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_entry(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: String,
    request: CreateEntryRequest,
) -> Result<(Entry, String)> {
    let idea_id = request.idea_id.to_lowercase();
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let c = competition(conn, &competition_id, Some(&actor))?;
            require_status(
                &c,
                &[CompetitionStatus::Open],
                "Cuộc thi không nhận bài lúc này",
                "The competition takes no entries now",
            )?;
            let now = sonla_db::now();
            if c.submission_opens_at.is_some_and(|t| now < t)
                || c.submission_closes_at.is_some_and(|t| now > t)
            {
                return Err(E::not_ready(
                    "Ngoài thời gian nhận bài",
                    "Outside the submission window",
                ));
            }
            let (title, idea_status, _) = idea_row(conn, &idea_id)?.ok_or_else(|| {
                E::invalid(
                    "idea_id",
                    "not_found",
                    "Không có ý tưởng này",
                    "No such idea",
                )
            })?;
            if team_role(conn, &idea_id, &actor.user_id)?.as_deref() != Some("lead") {
                return Err(E::forbidden(
                    "Chỉ trưởng nhóm được đăng ký dự thi",
                    "Only the idea's lead enters it",
                ));
            }
            if !matches!(
                idea_status.as_str(),
                "submitted" | "under_review" | "selected" | "incubated"
            ) {
                return Err(E::invalid(
                    "idea_id",
                    "not_submitted",
                    "Hãy nộp ý tưởng trước khi dự thi",
                    "Submit the idea before entering it",
                ));
            }
            let tracks: Vec<String> = serde_json::from_str(&c.tracks).unwrap_or_default();
            let track = clean(request.track);
            if let Some(track) = &track
                && !tracks.contains(track)
            {
                return Err(E::invalid(
                    "track",
                    "invalid_choice",
                    "Không có bảng thi này",
                    "No such track",
                ));
            }
            if repo::find_entry_of_idea(conn, &competition_id, &idea_id)?.is_some() {
                return Err(E::AlreadyEntered);
            }
            let entry = Entry {
                id: new_id(),
                competition_id: competition_id.clone(),
                idea_id: idea_id.clone(),
                track,
                status: "active".to_owned(),
                created_by: Some(actor.user_id.clone()),
                created_at: now,
            };
            sonla_db::lookup::ensure_room::<E>(
                conn,
                &format!("competition-entries:{competition_id}"),
                limits::ENTRIES,
                ("bài dự thi trong một cuộc thi", "entries in a competition"),
                |conn| repo::count_entries(conn, &competition_id),
            )?;
            repo::insert_entry(conn, &entry)?;
            audit(
                conn,
                &actor,
                &meta,
                Event::new("entry.created", "entry", Some(&entry.id))
                    .after(json!({"idea_id": idea_id})),
            )?;
            Ok((entry, title))
        })
    })
    .await
}

/// Entries: all for staff, one's own teams' for others.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_entries(
    pool: &DbPool,
    actor: &Actor,
    competition_id: String,
) -> Result<Vec<(Entry, String)>> {
    let actor = actor.clone();
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        let team_of = (!actor.is_staff()).then_some(actor.user_id.as_str());
        Ok(repo::list_entries(conn, &competition_id, team_of)?)
    })
    .await
}

/// Withdraws an entry before judging starts; its lead (or staff).
#[tracing::instrument(skip_all, fields(entry_id = %entry_id))]
pub async fn withdraw_entry(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    entry_id: String,
) -> Result<(Entry, String)> {
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let mut entry = repo::find_entry(conn, &entry_id)?.ok_or(E::EntryNotFound)?;
            let lead = team_role(conn, &entry.idea_id, &actor.user_id)?.as_deref() == Some("lead");
            if !lead && !actor.is_staff() {
                return Err(E::EntryNotFound);
            }
            let c = competition(conn, &entry.competition_id, Some(&actor))?;
            require_status(
                &c,
                &[CompetitionStatus::Open],
                "Chỉ rút được trước khi chấm",
                "Entries are withdrawn only before judging",
            )?;
            repo::set_entry_status(conn, &entry_id, "withdrawn")?;
            entry.status = "withdrawn".to_owned();
            audit(
                conn,
                &actor,
                &meta,
                Event::new("entry.withdrawn", "entry", Some(&entry_id)),
            )?;
            let title = idea_row(conn, &entry.idea_id)?
                .map(|(t, _, _)| t)
                .unwrap_or_default();
            Ok((entry, title))
        })
    })
    .await
}

fn has_judge_role(conn: &mut DbConnection, user_id: &str) -> Result<bool> {
    use diesel::prelude::*;
    use sonla_db::schema::user_roles;
    Ok(diesel::select(diesel::dsl::exists(
        user_roles::table.find((user_id, Role::Judge.as_str())),
    ))
    .get_result(conn)?)
}

/// Adds a judge (a user with the `judge` role); officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn add_judge(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: String,
    request: AddJudgeRequest,
) -> Result<(String, String, NaiveDateTime)> {
    require_staff(actor)?;
    let user_id = request.user_id.to_lowercase();
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let c = competition(conn, &competition_id, Some(&actor))?;
            require_status(
                &c,
                &[
                    CompetitionStatus::Draft,
                    CompetitionStatus::Open,
                    CompetitionStatus::Judging,
                ],
                "Không thêm giám khảo sau khi đã kết thúc",
                "No new judges once finalised",
            )?;
            if !has_judge_role(conn, &user_id)? {
                return Err(E::invalid(
                    "user_id",
                    "not_a_judge",
                    "Người này chưa có vai trò giám khảo",
                    "This user does not hold the judge role",
                ));
            }
            if !repo::is_judge(conn, &competition_id, &user_id)? {
                sonla_db::lookup::ensure_room::<E>(
                    conn,
                    &format!("competition-judges:{competition_id}"),
                    limits::JUDGES,
                    ("giám khảo trong một cuộc thi", "judges in a competition"),
                    |conn| repo::count_judges(conn, &competition_id),
                )?;
                repo::insert_judge(conn, &competition_id, &user_id, sonla_db::now())?;
                audit(
                    conn,
                    &actor,
                    &meta,
                    Event::new(
                        "competition.judge_added",
                        "competition",
                        Some(&competition_id),
                    )
                    .after(json!({"user_id": user_id})),
                )?;
            }
            repo::judges(conn, &competition_id)?
                .into_iter()
                .find(|(id, _, _)| *id == user_id)
                .ok_or_else(|| {
                    E::invalid(
                        "user_id",
                        "not_found",
                        "Không có người dùng này",
                        "No such user",
                    )
                })
        })
    })
    .await
}

/// The judges; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_judges(
    pool: &DbPool,
    actor: &Actor,
    competition_id: String,
) -> Result<Vec<(String, String, NaiveDateTime)>> {
    require_staff(actor)?;
    let actor = actor.clone();
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        Ok(repo::judges(conn, &competition_id)?)
    })
    .await
}

/// Declares a conflict: a judge for themself, or an officer for any judge. The judge loses
/// any assignment of that entry.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn declare_conflict(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: String,
    request: DeclareConflictRequest,
) -> Result<ConflictResponse> {
    let (judge_id, entry_id) = (
        request.judge_id.to_lowercase(),
        request.entry_id.to_lowercase(),
    );
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            competition(conn, &competition_id, Some(&actor))?;
            if !(actor.is_staff()
                || (actor.is(&judge_id) && repo::is_judge(conn, &competition_id, &judge_id)?))
            {
                return Err(E::forbidden(
                    "Giám khảo chỉ khai báo xung đột của chính mình",
                    "Judges declare their own conflicts only",
                ));
            }
            if !repo::is_judge(conn, &competition_id, &judge_id)? {
                return Err(E::invalid(
                    "judge_id",
                    "not_a_judge",
                    "Người này không chấm cuộc thi",
                    "Not a judge of this competition",
                ));
            }
            let entry =
                repo::find_entry(conn, &entry_id)?.filter(|e| e.competition_id == competition_id);
            if entry.is_none() {
                return Err(E::invalid(
                    "entry_id",
                    "not_found",
                    "Không có bài dự thi này",
                    "No such entry",
                ));
            }
            let declared = repo::declared_conflicts(conn, &competition_id)?;
            if !declared
                .iter()
                .any(|c| c.judge_id == judge_id && c.entry_id == entry_id)
            {
                sonla_db::lookup::ensure_room::<E>(
                    conn,
                    &format!("competition-conflicts:{competition_id}"),
                    limits::CONFLICTS,
                    (
                        "xung đột lợi ích khai báo trong một cuộc thi",
                        "declared conflicts in a competition",
                    ),
                    |conn| repo::count_conflicts(conn, &competition_id),
                )?;
                repo::insert_conflict(
                    conn,
                    &ConflictRow {
                        id: new_id(),
                        competition_id: competition_id.clone(),
                        judge_id: judge_id.clone(),
                        entry_id: entry_id.clone(),
                        kind: request.kind.as_str().to_owned(),
                        note: clean(request.note.clone()),
                        declared_by: Some(actor.user_id.clone()),
                        created_at: sonla_db::now(),
                    },
                )?;
            }
            for round in repo::rounds_of(conn, &competition_id)? {
                for (assignment, sheet) in repo::round_assignments(conn, &round.id)? {
                    if assignment.judge_id == judge_id && assignment.entry_id == entry_id {
                        repo::delete_assignment(conn, &assignment.id)?;
                        let event = Event::new(
                            "assignment.removed",
                            "assignment",
                            Some(&assignment.id),
                        )
                        .before(json!({"entry_id": entry_id, "judge_id": judge_id, "sheet": sheet}))
                        .after(json!({"reason": "conflict of interest declared"}));
                        audit(conn, &actor, &meta, event)?;
                    }
                }
            }
            let event = Event::new(
                "competition.conflict_declared",
                "competition",
                Some(&competition_id),
            )
            .after(json!({"judge_id": judge_id, "entry_id": entry_id, "kind": request.kind}));
            audit(conn, &actor, &meta, event)?;
            Ok(ConflictResponse {
                judge_id,
                entry_id,
                kind: request.kind,
                note: clean(request.note),
                derived: false,
            })
        })
    })
    .await
}

/// Declared and derived conflicts; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_conflicts(
    pool: &DbPool,
    actor: &Actor,
    competition_id: String,
) -> Result<Vec<ConflictResponse>> {
    require_staff(actor)?;
    let actor = actor.clone();
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        let mut out: Vec<ConflictResponse> = repo::declared_conflicts(conn, &competition_id)?
            .into_iter()
            .map(|c| ConflictResponse {
                kind: ConflictKind::parse(&c.kind).unwrap_or(ConflictKind::Other),
                judge_id: c.judge_id,
                entry_id: c.entry_id,
                note: c.note,
                derived: false,
            })
            .collect();
        for (judge_id, entry_id, kind) in repo::derived_conflicts(conn, &competition_id)? {
            out.push(ConflictResponse {
                kind: ConflictKind::parse(kind).unwrap_or(ConflictKind::Other),
                judge_id,
                entry_id,
                note: None,
                derived: true,
            });
        }
        Ok(out)
    })
    .await
}

fn assignment_response((a, sheet): (Assignment, Option<String>)) -> AssignmentResponse {
    AssignmentResponse {
        id: a.id,
        round_id: a.round_id,
        entry_id: a.entry_id,
        judge_id: a.judge_id,
        sheet_status: sheet.unwrap_or_else(|| "none".to_owned()),
    }
}

fn require_scoring_round(round: &Round, c: &Competition) -> Result<()> {
    require_status(
        c,
        &[CompetitionStatus::Judging],
        "Cuộc thi chưa ở giai đoạn chấm",
        "The competition is not judging",
    )?;
    if round.status == "closed" {
        return Err(E::RoundClosed);
    }
    Ok(())
}

/// Assigns judges automatically; officers and admins.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn auto_assign(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    round_id: String,
    seed: u64,
) -> Result<AutoAssignResponse> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (round, c) = round_and_competition(conn, &round_id, Some(&actor))?;
            require_scoring_round(&round, &c)?;
            let existing: Vec<(String, String)> = repo::round_assignments(conn, &round_id)?
                .into_iter()
                .map(|(a, _)| (a.entry_id, a.judge_id))
                .collect();
            let input = Input {
                entries: repo::round_entry_ids(conn, &round_id)?,
                judges: repo::judges(conn, &c.id)?
                    .into_iter()
                    .map(|(id, _, _)| id)
                    .collect(),
                per_entry: usize::try_from(round.judges_per_entry).unwrap_or(0),
                conflicts: repo::conflicted_pairs(conn, &c.id)?,
                existing,
                seed,
            };
            let output = assign::auto_assign(&input);
            let now = sonla_db::now();
            for (entry_id, judge_id) in &output.added {
                let row = Assignment {
                    id: new_id(),
                    round_id: round_id.clone(),
                    entry_id: entry_id.clone(),
                    judge_id: judge_id.clone(),
                    created_at: now,
                };
                repo::insert_assignment(conn, &row)?;
            }
            let event = Event::new("round.auto_assigned", "round", Some(&round_id)).after(
                json!({"seed": seed, "added": output.added.len(), "short": output.short.len()}),
            );
            audit(conn, &actor, &meta, event)?;
            Ok(AutoAssignResponse {
                assignments: repo::round_assignments(conn, &round_id)?
                    .into_iter()
                    .map(assignment_response)
                    .collect(),
                short: output
                    .short
                    .into_iter()
                    .map(|s| ShortEntry {
                        entry_id: s.entry_id,
                        assigned: u32::try_from(s.assigned).unwrap_or(u32::MAX),
                        needed: u32::try_from(s.needed).unwrap_or(u32::MAX),
                    })
                    .collect(),
            })
        })
    })
    .await
}

/// A round's assignments; officers and admins.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn list_assignments(
    pool: &DbPool,
    actor: &Actor,
    round_id: String,
) -> Result<Vec<AssignmentResponse>> {
    require_staff(actor)?;
    let actor = actor.clone();
    pool.run(move |conn| {
        round_and_competition(conn, &round_id, Some(&actor))?;
        Ok(repo::round_assignments(conn, &round_id)?
            .into_iter()
            .map(assignment_response)
            .collect())
    })
    .await
}

/// Adds one assignment by hand; officers and admins. Conflicted pairs are refused.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn add_assignment(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    round_id: String,
    request: CreateAssignmentRequest,
) -> Result<AssignmentResponse> {
    require_staff(actor)?;
    let (entry_id, judge_id) = (
        request.entry_id.to_lowercase(),
        request.judge_id.to_lowercase(),
    );
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (round, c) = round_and_competition(conn, &round_id, Some(&actor))?;
            require_scoring_round(&round, &c)?;
            if !repo::round_entry_ids(conn, &round_id)?.contains(&entry_id) {
                return Err(E::invalid(
                    "entry_id",
                    "not_in_round",
                    "Bài này không thuộc vòng thi",
                    "The entry is not in this round",
                ));
            }
            if !repo::is_judge(conn, &c.id, &judge_id)? {
                return Err(E::invalid(
                    "judge_id",
                    "not_a_judge",
                    "Người này không chấm cuộc thi",
                    "Not a judge of this competition",
                ));
            }
            if repo::conflicted_pairs(conn, &c.id)?.contains(&(judge_id.clone(), entry_id.clone()))
            {
                return Err(E::ConflictOfInterest);
            }
            let existing = repo::round_assignments(conn, &round_id)?;
            if let Some(found) = existing
                .into_iter()
                .find(|(a, _)| a.entry_id == entry_id && a.judge_id == judge_id)
            {
                return Ok(assignment_response(found));
            }
            sonla_db::lookup::ensure_room::<E>(
                conn,
                &format!("round-entry-judges:{round_id}:{entry_id}"),
                limits::JUDGES_PER_ENTRY,
                (
                    "giám khảo cho một bài trong một vòng",
                    "judges of an entry in a round",
                ),
                |conn| repo::count_entry_judges(conn, &round_id, &entry_id),
            )?;
            let row = Assignment {
                id: new_id(),
                round_id: round_id.clone(),
                entry_id,
                judge_id,
                created_at: sonla_db::now(),
            };
            repo::insert_assignment(conn, &row)?;
            audit(
                conn,
                &actor,
                &meta,
                Event::new("assignment.added", "assignment", Some(&row.id))
                    .after(json!({"entry_id": row.entry_id, "judge_id": row.judge_id})),
            )?;
            Ok(assignment_response((row, None)))
        })
    })
    .await
}

/// Removes an assignment; one with a submitted sheet needs a reason, and is audited.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn remove_assignment(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    assignment_id: String,
    reason: Option<String>,
    if_match: Option<String>,
) -> Result<()> {
    require_staff(actor)?;
    let reason = clean(reason);
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            // On PostgreSQL no other removal slips between the `If-Match` check and the write.
            conn.lock(&format!("assignment:{assignment_id}"))?;
            let assignment = repo::find_assignment(conn, &assignment_id)?.ok_or(E::AssignmentNotFound)?;
            let (round, c) = round_and_competition(conn, &assignment.round_id, Some(&actor))?;
            let sheet = repo::find_sheet(conn, &assignment_id)?;
            // The assignment as the round's assignment list shows it.
            let sheet_status = sheet.as_ref().map(|s| s.status.clone());
            let listed = assignment_response((assignment.clone(), sheet_status));
            precondition(sonla_core::if_match_holds(if_match.as_deref(), &listed))?;
            require_scoring_round(&round, &c)?;
            let submitted = sheet.as_ref().is_some_and(|s| s.status == "submitted");
            if submitted && reason.is_none() {
                return Err(E::invalid("reason", "required", "Phiếu đã nộp: hãy nêu lý do", "Its sheet is submitted: give a reason"));
            }
            repo::delete_assignment(conn, &assignment_id)?;
            let event = Event::new("assignment.removed", "assignment", Some(&assignment_id))
                .before(json!({"entry_id": assignment.entry_id, "judge_id": assignment.judge_id, "sheet": sheet.map(|s| s.status)}))
                .after(json!({"reason": reason}));
            audit(conn, &actor, &meta, event)?;
            Ok(())
        })
    })
    .await
}

fn criterion_response(c: &CriterionRow) -> CriterionResponse {
    CriterionResponse {
        id: c.id.clone(),
        name: c.name.clone(),
        description: c.description.clone(),
        weight: c.weight,
        max_score: c.max_score,
        position: c.position,
    }
}

/// The caller's assignments with the entries to score, redacted in blind rounds.
#[tracing::instrument(skip_all)]
pub async fn my_assignments(
    pool: &DbPool,
    actor: &Actor,
    limit: Option<u32>,
    cursor: Option<String>,
) -> Result<Page<MyAssignmentResponse>> {
    use diesel::prelude::*;
    use sonla_db::schema::{idea_members, ideas, users};
    let actor = actor.clone();
    let request = PageRequest {
        limit: limit.unwrap_or(DEFAULT_LIMIT),
        after: decode_cursor::<String>(cursor.as_deref())?,
    };
    pool.run(move |conn| {
        let mut out = Vec::new();
        let mut rounds: BTreeMap<String, (Round, Vec<CriterionRow>)> = BTreeMap::new();
        let rows = repo::judge_assignments(
            conn,
            &actor.user_id,
            request.after.as_deref(),
            request.fetch_limit(),
        )?;
        for (assignment, sheet) in rows {
            if !rounds.contains_key(&assignment.round_id) {
                let round =
                    repo::find_round(conn, &assignment.round_id)?.ok_or(E::RoundNotFound)?;
                let criteria = repo::criteria_of(conn, &round.id)?;
                rounds.insert(round.id.clone(), (round, criteria));
            }
            let Some((round, criteria)) = rounds.get(&assignment.round_id) else {
                continue;
            };
            let entry = repo::find_entry(conn, &assignment.entry_id)?.ok_or(E::EntryNotFound)?;
            let (title, summary, description, sector, stage, organization_id): (
                String,
                String,
                Option<String>,
                String,
                String,
                Option<String>,
            ) = ideas::table
                .find(&entry.idea_id)
                .select((
                    ideas::title,
                    ideas::summary,
                    ideas::description,
                    ideas::sector,
                    ideas::stage,
                    ideas::organization_id,
                ))
                .first(conn)?;
            let team: Vec<String> = if round.blind {
                Vec::new()
            } else {
                idea_members::table
                    .inner_join(users::table)
                    .filter(idea_members::idea_id.eq(&entry.idea_id))
                    .select(users::full_name)
                    .order(idea_members::added_at.asc())
                    .load(conn)?
            };
            let blind = round.blind;
            out.push(MyAssignmentResponse {
                id: assignment.id,
                round_id: round.id.clone(),
                round_name: round.name.clone(),
                blind,
                entry: JudgedEntry {
                    entry_id: entry.id,
                    title,
                    summary,
                    description,
                    sector,
                    stage,
                    track: entry.track,
                    idea_id: (!blind).then_some(entry.idea_id),
                    organization_id: if blind { None } else { organization_id },
                    team: (!blind).then_some(team),
                },
                criteria: criteria.iter().map(criterion_response).collect(),
                sheet_status: sheet
                    .as_ref()
                    .map_or_else(|| "none".to_owned(), |s| s.status.clone()),
                sheet_version: sheet.as_ref().map_or(0, |s| s.version),
            });
        }
        Ok(request.page(out, |a| a.id.clone()))
    })
    .await
}

/// The assignment, for its judge or staff; 404 for anyone else.
fn own_assignment(
    conn: &mut DbConnection,
    actor: &Actor,
    assignment_id: &str,
) -> Result<(Assignment, Round, Competition)> {
    let assignment = repo::find_assignment(conn, assignment_id)?.ok_or(E::AssignmentNotFound)?;
    if !(actor.is(&assignment.judge_id) || actor.is_staff()) {
        return Err(E::AssignmentNotFound);
    }
    let (round, c) = round_and_competition(conn, &assignment.round_id, Some(actor))?;
    Ok((assignment, round, c))
}

fn sheet_response(
    conn: &mut DbConnection,
    assignment_id: &str,
    sheet: Option<&SheetRow>,
) -> Result<SheetResponse> {
    let scores = repo::sheet_values(conn, assignment_id)?
        .into_iter()
        .map(|(criterion_id, value)| ScoreValue {
            criterion_id,
            value,
        })
        .collect();
    Ok(SheetResponse {
        assignment_id: assignment_id.to_owned(),
        status: sheet.map_or_else(|| "none".to_owned(), |s| s.status.clone()),
        comment: sheet.and_then(|s| s.comment.clone()),
        version: sheet.map_or(0, |s| s.version),
        scores,
        submitted_at: sheet.and_then(|s| s.submitted_at.map(|t| t.and_utc())),
    })
}

/// A score sheet; its judge and staff.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn get_sheet(
    pool: &DbPool,
    actor: &Actor,
    assignment_id: String,
) -> Result<SheetResponse> {
    let actor = actor.clone();
    pool.run(move |conn| {
        own_assignment(conn, &actor, &assignment_id)?;
        let sheet = repo::find_sheet(conn, &assignment_id)?;
        sheet_response(conn, &assignment_id, sheet.as_ref())
    })
    .await
}

fn check_version(sheet: Option<&SheetRow>, version: Option<i32>) -> Result<()> {
    match (sheet, version) {
        (None, None | Some(0)) => Ok(()),
        (Some(_), None) => Err(E::VersionRequired),
        (Some(s), Some(v)) if s.version == v => Ok(()),
        (_, Some(_)) => Err(E::VersionMismatch),
    }
}

/// Validates values: every criterion of the round once, each within `[0, max_score]`.
fn check_values(criteria: &[CriterionRow], scores: &[ScoreValue]) -> Result<Vec<(String, f64)>> {
    let known: BTreeMap<&str, &CriterionRow> =
        criteria.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut seen = BTreeSet::new();
    for (i, score) in scores.iter().enumerate() {
        let field = format!("scores[{i}]");
        let Some(criterion) = known.get(score.criterion_id.as_str()) else {
            return Err(E::invalid(
                format!("{field}.criterion_id"),
                "unknown_criterion",
                "Tiêu chí không thuộc vòng này",
                "Not a criterion of this round",
            ));
        };
        if !seen.insert(score.criterion_id.as_str()) {
            return Err(E::invalid(
                format!("{field}.criterion_id"),
                "duplicate",
                "Tiêu chí bị lặp",
                "Criterion given twice",
            ));
        }
        if !score.value.is_finite() || score.value < 0.0 || score.value > criterion.max_score {
            return Err(E::invalid(
                format!("{field}.value"),
                "range",
                &format!("Điểm phải từ 0 đến {}", criterion.max_score),
                &format!("The value must be between 0 and {}", criterion.max_score),
            ));
        }
    }
    if let Some(missing) = criteria.iter().find(|c| !seen.contains(c.id.as_str())) {
        return Err(E::invalid(
            "scores",
            "missing_criterion",
            &format!("Thiếu điểm tiêu chí “{}”", missing.name),
            &format!("No value for criterion “{}”", missing.name),
        ));
    }
    Ok(scores
        .iter()
        .map(|s| (s.criterion_id.clone(), s.value))
        .collect())
}

/// Saves a draft; only the assigned judge, while the round is open and the sheet not submitted.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn save_sheet(
    pool: &DbPool,
    actor: &Actor,
    assignment_id: String,
    request: SheetRequest,
    if_match: Option<i32>,
) -> Result<SheetResponse> {
    let actor = actor.clone();
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (assignment, round, c) = own_assignment(conn, &actor, &assignment_id)?;
            if !actor.is(&assignment.judge_id) {
                return Err(E::forbidden(
                    "Chỉ giám khảo được phân công chấm phiếu này",
                    "Only the assigned judge scores this sheet",
                ));
            }
            require_scoring_round(&round, &c)?;
            let sheet = repo::find_sheet(conn, &assignment_id)?;
            check_version(sheet.as_ref(), if_match.or(request.version))?;
            if sheet.as_ref().is_some_and(|s| s.status == "submitted") {
                return Err(E::SheetLocked);
            }
            let values = check_values(&repo::criteria_of(conn, &round.id)?, &request.scores)?;
            let row = SheetRow {
                assignment_id: assignment_id.clone(),
                round_id: round.id.clone(),
                status: "draft".to_owned(),
                comment: clean(request.comment),
                version: sheet.as_ref().map_or(1, |s| s.version + 1),
                updated_at: sonla_db::now(),
                submitted_at: None,
            };
            repo::save_sheet(conn, &row, sheet.is_some())?;
            repo::replace_values(conn, &assignment_id, &values)?;
            sheet_response(conn, &assignment_id, Some(&row))
        })
    })
    .await
}

/// Submits a sheet: it counts from now on and becomes read-only.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn submit_sheet(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    assignment_id: String,
    if_match: Option<i32>,
) -> Result<SheetResponse> {
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (assignment, round, c) = own_assignment(conn, &actor, &assignment_id)?;
            if !actor.is(&assignment.judge_id) {
                return Err(E::forbidden("Chỉ giám khảo được phân công nộp phiếu này", "Only the assigned judge submits this sheet"));
            }
            require_scoring_round(&round, &c)?;
            let mut sheet = repo::find_sheet(conn, &assignment_id)?
                .ok_or_else(|| E::not_ready("Hãy lưu điểm trước khi nộp", "Save the scores before submitting"))?;
            if let Some(version) = if_match
                && version != sheet.version
            {
                return Err(E::VersionMismatch);
            }
            if sheet.status == "submitted" {
                return Err(E::SheetLocked);
            }
            let values: Vec<ScoreValue> = repo::sheet_values(conn, &assignment_id)?
                .into_iter()
                .map(|(criterion_id, value)| ScoreValue { criterion_id, value })
                .collect();
            check_values(&repo::criteria_of(conn, &round.id)?, &values)?;
            let now = sonla_db::now();
            sheet.status = "submitted".to_owned();
            sheet.version += 1;
            sheet.updated_at = now;
            sheet.submitted_at = Some(now);
            repo::save_sheet(conn, &sheet, true)?;
            audit(conn, &actor, &meta, Event::new("sheet.submitted", "assignment", Some(&assignment_id)).after(json!({"values": values.iter().map(|v| (v.criterion_id.clone(), v.value)).collect::<BTreeMap<_, _>>()})))?;
            sheet_response(conn, &assignment_id, Some(&sheet))
        })
    })
    .await
}

/// Reopens a submitted sheet for changes; officers and admins, with a reason.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn reopen_sheet(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    assignment_id: String,
    reason: String,
) -> Result<SheetResponse> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (_, round, c) = own_assignment(conn, &actor, &assignment_id)?;
            require_scoring_round(&round, &c)?;
            let mut sheet = repo::find_sheet(conn, &assignment_id)?
                .filter(|s| s.status == "submitted")
                .ok_or_else(|| E::not_ready("Phiếu chưa nộp", "The sheet is not submitted"))?;
            sheet.status = "draft".to_owned();
            sheet.version += 1;
            sheet.updated_at = sonla_db::now();
            sheet.submitted_at = None;
            repo::save_sheet(conn, &sheet, true)?;
            let event = Event::new("sheet.reopened", "assignment", Some(&assignment_id))
                .after(json!({"reason": reason.trim()}));
            audit(conn, &actor, &meta, event)?;
            sheet_response(conn, &assignment_id, Some(&sheet))
        })
    })
    .await
}

fn scoring_criteria(rows: &[CriterionRow]) -> Vec<Criterion> {
    rows.iter()
        .map(|c| Criterion {
            id: c.id.clone(),
            weight: c.weight,
            max_score: c.max_score,
            position: c.position,
        })
        .collect()
}

fn sheets_of(
    conn: &mut DbConnection,
    round_id: &str,
    criteria: &[Criterion],
) -> Result<Vec<Sheet>> {
    // Sheets in (entry, judge) order, so the board's sums run in the same order every time.
    // The sheet being read is kept aside while its values arrive, which spares a map lookup
    // and two key allocations per value. A value goes to its criterion's index (a sheet holds
    // one value per criterion: the key of `sheet_scores`), so the parts of a sheet whose values
    // did not arrive together add up to the whole; values of unknown criteria are not scored.
    type Key = (String, String);
    let index = |criterion: &str| criteria.iter().position(|c| c.id == criterion);
    let mut grouped: BTreeMap<Key, Vec<f64>> = BTreeMap::new();
    let mut current: Option<(Key, Vec<f64>)> = None;
    repo::each_submitted_value(conn, round_id, |entry, judge, criterion, value| {
        let Some(i) = index(&criterion) else {
            return;
        };
        match &mut current {
            Some(((e, j), values)) if *e == entry && *j == judge => values[i] = value,
            _ => {
                let mut values = vec![0.0; criteria.len()];
                values[i] = value;
                if let Some((key, values)) = current.replace(((entry, judge), values)) {
                    add_part(&mut grouped, key, values);
                }
            }
        }
    })?;
    if let Some((key, values)) = current {
        add_part(&mut grouped, key, values);
    }
    Ok(grouped
        .into_iter()
        .map(|((entry_id, judge_id), values)| Sheet {
            entry_id,
            judge_id,
            values,
        })
        .collect())
}

/// Adds part of a sheet's values to what was read of the sheet before (0 where nothing was).
fn add_part(
    grouped: &mut BTreeMap<(String, String), Vec<f64>>,
    key: (String, String),
    part: Vec<f64>,
) {
    match grouped.entry(key) {
        btree_map::Entry::Vacant(slot) => {
            slot.insert(part);
        }
        btree_map::Entry::Occupied(mut slot) => {
            for (sum, value) in slot.get_mut().iter_mut().zip(part) {
                *sum += value;
            }
        }
    }
}

fn live_board(
    conn: &mut DbConnection,
    round: &Round,
    method: Method,
    policy: Policy,
) -> Result<Leaderboard> {
    let criteria = scoring_criteria(&repo::criteria_of(conn, &round.id)?);
    let sheets = sheets_of(conn, &round.id, &criteria)?;
    Ok(scoring::leaderboard(
        method,
        &criteria,
        &sheets,
        policy.flag_spread,
    ))
}

fn round_method(round: &Round) -> Method {
    Method::parse(&round.method).unwrap_or(Method::Mean)
}

/// The frozen results of a competition as publishing stores them: every round's leaderboard
/// by every method, stamped with the current time (also used by the demo-data seeder).
pub fn snapshot(
    conn: &mut DbConnection,
    c: &Competition,
    rounds: &[Round],
    policy: Policy,
) -> Result<ResultsResponse> {
    let mut out = Vec::new();
    for round in rounds {
        let criteria_rows = repo::criteria_of(conn, &round.id)?;
        let criteria = scoring_criteria(&criteria_rows);
        let sheets = sheets_of(conn, &round.id, &criteria)?;
        let by_method: Vec<Leaderboard> = Method::ALL
            .iter()
            .map(|m| scoring::leaderboard(*m, &criteria, &sheets, policy.flag_spread))
            .collect();
        let method = round_method(round);
        out.push(RoundResult {
            round_id: round.id.clone(),
            name: round.name.clone(),
            position: round.position,
            method,
            parameters: RoundParameters {
                judges_per_entry: round.judges_per_entry,
                pass_mark: round.pass_mark,
                blind: round.blind,
                advance_count: round.advance_count,
                flag_spread: policy.flag_spread,
            },
            criteria: criteria_rows.iter().map(criterion_response).collect(),
            leaderboard: by_method
                .iter()
                .find(|b| b.method == method)
                .cloned()
                .unwrap_or_else(|| {
                    scoring::leaderboard(method, &criteria, &sheets, policy.flag_spread)
                }),
            by_method,
        });
    }
    Ok(ResultsResponse {
        competition_id: c.id.clone(),
        published_at: sonla_db::now().and_utc(),
        rounds: out,
    })
}

fn published(conn: &mut DbConnection, competition_id: &str) -> Result<Option<ResultsResponse>> {
    Ok(repo::find_results(conn, competition_id)?.and_then(|s| serde_json::from_str(&s).ok()))
}

/// A round's leaderboard: live for officers and admins; for everyone else only once
/// published, from the frozen results.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn leaderboard(
    pool: &DbPool,
    policy: Policy,
    actor: Option<&Actor>,
    round_id: String,
    method: Option<Method>,
) -> Result<LeaderboardResponse> {
    let actor = actor.cloned();
    pool.run(move |conn| {
        let (round, c) = round_and_competition(conn, &round_id, actor.as_ref())?;
        let method = method.unwrap_or_else(|| round_method(&round));
        if let Some(results) = published(conn, &c.id)? {
            let board = results
                .rounds
                .into_iter()
                .find(|r| r.round_id == round_id)
                .and_then(|r| r.by_method.into_iter().find(|b| b.method == method))
                .ok_or(E::RoundNotFound)?;
            return Ok(LeaderboardResponse {
                round_id,
                published: true,
                board,
            });
        }
        if !actor.as_ref().is_some_and(Actor::is_staff) {
            return Err(E::NotPublished);
        }
        Ok(LeaderboardResponse {
            round_id,
            published: false,
            board: live_board(conn, &round, method, policy)?,
        })
    })
    .await
}

/// Moves the top `advance_count` (or those at or above `pass_mark`) into the next round.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn advance(
    pool: &DbPool,
    policy: Policy,
    actor: &Actor,
    meta: &RequestMeta,
    round_id: String,
) -> Result<Vec<String>> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            let (round, c) = round_and_competition(conn, &round_id, Some(&actor))?;
            require_status(
                &c,
                &[CompetitionStatus::Judging],
                "Cuộc thi không ở giai đoạn chấm",
                "The competition is not judging",
            )?;
            let next = repo::rounds_of(conn, &c.id)?
                .into_iter()
                .find(|r| r.position > round.position)
                .ok_or_else(|| E::not_ready("Không có vòng tiếp theo", "There is no next round"))?;
            let board = live_board(conn, &round, round_method(&round), policy)?;
            let chosen: Vec<String> = match (round.advance_count, round.pass_mark) {
                (Some(n), _) => board
                    .rows
                    .iter()
                    .filter(|r| i64::from(r.rank) <= i64::from(n))
                    .map(|r| r.entry_id.clone())
                    .collect(),
                (None, Some(mark)) => board
                    .rows
                    .iter()
                    .filter(|r| r.score >= mark)
                    .map(|r| r.entry_id.clone())
                    .collect(),
                (None, None) => {
                    return Err(E::not_ready(
                        "Vòng này chưa đặt số bài đi tiếp hay điểm chuẩn",
                        "The round has no advance count or pass mark",
                    ));
                }
            };
            repo::set_round_status(conn, &round_id, "closed")?;
            repo::add_round_entries(conn, &next.id, &chosen)?;
            let event = Event::new("round.advanced", "round", Some(&round_id))
                .after(json!({"next_round": next.id, "entries": chosen}));
            audit(conn, &actor, &meta, event)?;
            Ok(chosen)
        })
    })
    .await
}

/// The frozen results of a published competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn results(
    pool: &DbPool,
    actor: Option<&Actor>,
    competition_id: String,
) -> Result<ResultsResponse> {
    let actor = actor.cloned();
    pool.run(move |conn| {
        competition(conn, &competition_id, actor.as_ref())?;
        published(conn, &competition_id)?.ok_or(E::NotPublished)
    })
    .await
}

fn award_response(row: AwardRow, results: &ResultsResponse) -> AwardResponse {
    let round = match &row.round_id {
        Some(id) => results.rounds.iter().find(|r| r.round_id == *id),
        None => results.rounds.last(),
    };
    let winners = match (&row.entry_id, row.rank_from, round) {
        (Some(entry), _, _) => vec![entry.clone()],
        (None, Some(from), Some(round)) => {
            let to = row.rank_to.unwrap_or(from);
            round
                .leaderboard
                .rows
                .iter()
                .filter(|r| {
                    i64::from(r.rank) >= i64::from(from) && i64::from(r.rank) <= i64::from(to)
                })
                .map(|r| r.entry_id.clone())
                .collect()
        }
        _ => Vec::new(),
    };
    AwardResponse {
        id: row.id,
        title: row.title,
        round_id: row.round_id,
        rank_from: row.rank_from,
        rank_to: row.rank_to,
        entry_id: row.entry_id,
        winners,
        prize_vnd: row.prize_vnd,
    }
}

/// Attaches an award to the published results; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_award(
    pool: &DbPool,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: String,
    request: CreateAwardRequest,
) -> Result<AwardResponse> {
    require_staff(actor)?;
    let (actor, meta) = (actor.clone(), meta.clone());
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            competition(conn, &competition_id, Some(&actor))?;
            let results = published(conn, &competition_id)?.ok_or_else(|| {
                E::not_ready(
                    "Giải thưởng gắn với kết quả đã công bố",
                    "Awards attach to published results",
                )
            })?;
            let round_id = request.round_id.map(|r| r.to_lowercase());
            if round_id
                .as_ref()
                .is_some_and(|r| !results.rounds.iter().any(|x| x.round_id == *r))
            {
                return Err(E::invalid(
                    "round_id",
                    "not_found",
                    "Không có vòng này",
                    "No such round",
                ));
            }
            match (&request.entry_id, request.rank_from, request.rank_to) {
                (Some(_), None, None) | (None, Some(_), _) => {}
                _ => {
                    return Err(E::invalid(
                        "rank_from",
                        "required",
                        "Chọn một bài hoặc một khoảng hạng",
                        "Give either an entry or a rank range",
                    ));
                }
            }
            if let (Some(from), Some(to)) = (request.rank_from, request.rank_to)
                && to < from
            {
                return Err(E::invalid(
                    "rank_to",
                    "range",
                    "Hạng cuối phải không nhỏ hơn hạng đầu",
                    "rank_to must not be below rank_from",
                ));
            }
            let entry_id = request.entry_id.map(|e| e.to_lowercase());
            if let Some(entry) = &entry_id
                && repo::find_entry(conn, entry)?.is_none_or(|e| e.competition_id != competition_id)
            {
                return Err(E::invalid(
                    "entry_id",
                    "not_found",
                    "Không có bài dự thi này",
                    "No such entry",
                ));
            }
            let row = AwardRow {
                id: new_id(),
                competition_id: competition_id.clone(),
                round_id,
                title: clean_name(&request.title),
                rank_from: request.rank_from,
                rank_to: request.rank_to,
                entry_id,
                prize_vnd: request.prize_vnd,
                created_at: sonla_db::now(),
            };
            sonla_db::lookup::ensure_room::<E>(
                conn,
                &format!("competition-awards:{competition_id}"),
                limits::AWARDS,
                ("giải thưởng trong một cuộc thi", "awards in a competition"),
                |conn| repo::count_awards(conn, &competition_id),
            )?;
            repo::insert_award(conn, &row)?;
            let event = Event::new(
                "competition.award_created",
                "competition",
                Some(&competition_id),
            )
            .after(json!({"award_id": row.id, "title": row.title, "prize_vnd": row.prize_vnd}));
            audit(conn, &actor, &meta, event)?;
            Ok(award_response(row, &results))
        })
    })
    .await
}

/// The awards of a published competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_awards(
    pool: &DbPool,
    actor: Option<&Actor>,
    competition_id: String,
) -> Result<Vec<AwardResponse>> {
    let actor = actor.cloned();
    pool.run(move |conn| {
        competition(conn, &competition_id, actor.as_ref())?;
        let results = published(conn, &competition_id)?.ok_or(E::NotPublished)?;
        Ok(repo::awards_of(conn, &competition_id)?
            .into_iter()
            .map(|a| award_response(a, &results))
            .collect())
    })
    .await
}

/// An entrant's feedback after publication: per-criterion means and judges' comments (no
/// judge names in blind rounds). The entry's team, officers and admins.
#[tracing::instrument(skip_all, fields(entry_id = %entry_id))]
pub async fn feedback(pool: &DbPool, actor: &Actor, entry_id: String) -> Result<FeedbackResponse> {
    let actor = actor.clone();
    pool.run(move |conn| {
        let entry = repo::find_entry(conn, &entry_id)?.ok_or(E::EntryNotFound)?;
        if !actor.is_staff() && team_role(conn, &entry.idea_id, &actor.user_id)?.is_none() {
            return Err(E::EntryNotFound);
        }
        let results = published(conn, &entry.competition_id)?.ok_or(E::NotPublished)?;
        let mut rounds = Vec::new();
        for round in &results.rounds {
            let Some(row) = round
                .leaderboard
                .rows
                .iter()
                .find(|r| r.entry_id == entry_id)
            else {
                continue;
            };
            let comments = repo::comments(conn, &round.round_id, &entry_id)?
                .into_iter()
                .filter_map(|(judge, comment)| {
                    comment.map(|comment| FeedbackComment {
                        judge_id: (!round.parameters.blind).then_some(judge),
                        comment,
                    })
                })
                .collect();
            rounds.push(RoundFeedback {
                round_id: round.round_id.clone(),
                rank: Some(row.rank),
                criteria: row.criteria.clone(),
                comments,
            });
        }
        Ok(FeedbackResponse { entry_id, rounds })
    })
    .await
}

/// The sort key in a list's `cursor`; one this API did not make is 400 `invalid_cursor`.
fn decode_cursor<K: serde::de::DeserializeOwned>(cursor: Option<&str>) -> Result<Option<K>> {
    cursor
        .map(Cursor::decode::<K>)
        .transpose()
        .map_err(|_| E::InvalidCursor)
}
