//! A competition and its lifecycle: draft → open → judging → finalised → published.

use chrono::NaiveDateTime;
use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::serde_ext::{clean, clean_name, to_json};
use sonla_core::{Actor, CompetitionId, Page, PageRequest};
use sonla_db::{CommonError, DbConnection, DbPool, body_id};

use super::{Policy, Result, audit, competition, results, status};
use crate::CompetitionError as E;
use crate::api::{CreateCompetitionRequest, LifecycleRequest};
use crate::model::{Competition, CompetitionStatus, LifecycleStep, Round};
use crate::repo;

/// Creates a competition; officers and admins.
#[tracing::instrument(skip_all)]
pub async fn create_competition(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    request: CreateCompetitionRequest,
) -> Result<Competition> {
    require_staff(&actor)?;
    let now = sonla_db::now();
    let tracks: Vec<String> = request
        .tracks
        .iter()
        .map(|t| clean_name(t))
        .filter(|t| !t.is_empty())
        .collect();
    let row = Competition {
        id: CompetitionId::generate(),
        title: clean_name(&request.title),
        description: clean(request.description),
        audience: request.audience.as_str().to_owned(),
        tracks: to_json(&tracks),
        organizer_id: request
            .organizer_id
            .map(|o| body_id("organizer_id", &o))
            .transpose()?,
        submission_opens_at: request.submission_opens_at.map(|t| t.naive_utc()),
        submission_closes_at: request.submission_closes_at.map(|t| t.naive_utc()),
        status: CompetitionStatus::Draft.as_str().to_owned(),
        created_by: Some(actor.user_id.clone()),
        created_at: now,
        updated_at: now,
    };
    pool.write(move |conn| {
        if let Some(org) = &row.organizer_id
            && !sonla_db::lookup::organization_exists(conn, org)?
        {
            return Err(CommonError::invalid(
                "organizer_id",
                "not_found",
                "Không có tổ chức này",
                "No such organisation",
            )
            .into());
        }
        repo::insert_competition(conn, &row)?;
        let event = Event::new("competition.created", "competition", Some(&row.id))
            .after(json!({"title": row.title}));
        audit(conn, &actor, &meta, event)?;
        Ok(row)
    })
    .await
}

/// Lists competitions, newest first; drafts only for staff.
#[tracing::instrument(skip_all)]
pub async fn list_competitions(
    pool: &DbPool,
    actor: Option<Actor>,
    limit: Option<u32>,
    cursor: Option<String>,
) -> Result<Page<Competition>> {
    let staff = actor.as_ref().is_some_and(Actor::is_staff);
    let request = PageRequest::<(NaiveDateTime, CompetitionId)>::decode(limit, cursor.as_deref())?;
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
    actor: Option<Actor>,
    id: CompetitionId,
) -> Result<Competition> {
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

/// The status a step starts from and the one it leads to.
const fn step_statuses(step: LifecycleStep) -> (CompetitionStatus, CompetitionStatus) {
    match step {
        LifecycleStep::Open => (CompetitionStatus::Draft, CompetitionStatus::Open),
        LifecycleStep::StartJudging => (CompetitionStatus::Open, CompetitionStatus::Judging),
        LifecycleStep::Finalise => (CompetitionStatus::Judging, CompetitionStatus::Finalised),
        LifecycleStep::Publish => (CompetitionStatus::Finalised, CompetitionStatus::Published),
    }
}

/// Takes a lifecycle step, checking its preconditions.
#[tracing::instrument(skip_all, fields(competition_id = %id))]
pub async fn take_step(
    pool: &DbPool,
    policy: Policy,
    actor: Actor,
    meta: RequestMeta,
    id: CompetitionId,
    step: LifecycleStep,
    request: LifecycleRequest,
) -> Result<Competition> {
    require_staff(&actor)?;
    pool.write(move |conn| {
        let mut c = competition(conn, &id, Some(&actor))?;
        let from = status(&c);
        let (expected, to) = step_statuses(step);
        if from != expected {
            return Err(E::InvalidTransition {
                from: from.as_str(),
                allowed: next_statuses(from),
            });
        }
        let rounds = repo::rounds_of(conn, &id)?;
        match step {
            LifecycleStep::Open => check_rounds_ready(conn, &rounds)?,
            LifecycleStep::StartJudging => enter_first_round(conn, &id, &rounds)?,
            LifecycleStep::Finalise => finalise(conn, &actor, &id, &rounds, &request)?,
            LifecycleStep::Publish => {
                let snapshot = results::snapshot(conn, &c, &rounds, policy)?;
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
    .await
}

/// Opening needs at least one round, and criteria in every round.
fn check_rounds_ready(conn: &mut DbConnection, rounds: &[Round]) -> Result<()> {
    let mut ready = !rounds.is_empty();
    for round in rounds {
        ready &= !repo::criteria_of(conn, &round.id)?.is_empty();
    }
    if ready {
        Ok(())
    } else {
        Err(E::not_ready(
            "Cần ít nhất một vòng thi có tiêu chí trước khi mở",
            "Add a round with criteria before opening",
        ))
    }
}

/// Judging starts with every active entry in the first round.
fn enter_first_round(conn: &mut DbConnection, id: &CompetitionId, rounds: &[Round]) -> Result<()> {
    let first = rounds
        .first()
        .ok_or_else(|| E::not_ready("Chưa có vòng thi", "No round"))?;
    let active = repo::active_entry_ids(conn, id)?;
    Ok(repo::add_round_entries(conn, &first.id, &active)?)
}

/// Finalising closes every round; with sheets unsubmitted only an admin may force it, with a
/// reason.
fn finalise(
    conn: &mut DbConnection,
    actor: &Actor,
    id: &CompetitionId,
    rounds: &[Round],
    request: &LifecycleRequest,
) -> Result<()> {
    let missing = repo::unsubmitted_count(conn, id)?;
    if missing > 0 {
        let reason = request
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        match (request.force, actor.is_admin(), reason) {
            (true, true, Some(_)) => {}
            (true, false, _) => {
                return Err(CommonError::forbidden(
                    "Chỉ quản trị viên được buộc kết thúc",
                    "Only admins may force finalising",
                )
                .into());
            }
            (true, true, None) => {
                return Err(CommonError::invalid(
                    "reason",
                    "required",
                    "Hãy nêu lý do",
                    "Give a reason",
                )
                .into());
            }
            (false, ..) => {
                return Err(E::not_ready(
                    &format!("Còn {missing} phiếu chấm chưa nộp"),
                    &format!("{missing} score sheets are not submitted"),
                ));
            }
        }
    }
    for round in rounds {
        repo::set_round_status(conn, &round.id, "closed")?;
    }
    Ok(())
}
