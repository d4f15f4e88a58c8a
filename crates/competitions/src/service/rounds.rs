//! Rounds of a competition and their weighted criteria.

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::serde_ext::{clean, clean_name};
use sonla_core::{Actor, CompetitionId, CriterionId, RoundId};
use sonla_db::{DbConnection, DbPool, lookup, precondition};

use super::{Result, audit, competition, require_status, round_and_competition};
use crate::CompetitionError as E;
use crate::api::{CreateRoundRequest, CriterionInput, RoundResponse};
use crate::model::{CompetitionStatus, CriterionRow, Round, RoundView};
use crate::{limits, repo};

fn criterion_rows(round_id: &RoundId, inputs: &[CriterionInput]) -> Vec<CriterionRow> {
    inputs
        .iter()
        .enumerate()
        .map(|(i, c)| CriterionRow {
            id: CriterionId::generate(),
            round_id: round_id.clone(),
            name: clean_name(&c.name),
            description: clean(c.description.clone()),
            weight: c.weight,
            max_score: c.max_score,
            position: i32::try_from(i + 1).unwrap_or(i32::MAX),
        })
        .collect()
}

fn round_view(conn: &mut DbConnection, round: Round) -> Result<RoundView> {
    let criteria = repo::criteria_of(conn, &round.id)?;
    let frozen = repo::any_submitted(conn, &round.id)?;
    Ok(RoundView {
        round,
        criteria,
        frozen,
    })
}

/// Adds a round after the existing ones; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_round(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    competition_id: CompetitionId,
    request: CreateRoundRequest,
) -> Result<RoundView> {
    require_staff(&actor)?;
    pool.write(move |conn| {
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
        lookup::ensure_room::<E>(
            conn,
            &format!("competition-rounds:{competition_id}"),
            limits::ROUNDS,
            ("vòng thi trong một cuộc thi", "rounds in a competition"),
            |conn| repo::count_rounds(conn, &competition_id),
        )?;
        let position = repo::rounds_of(conn, &competition_id)?
            .last()
            .map_or(1, |r| r.position + 1);
        let round = Round {
            id: RoundId::generate(),
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
        repo::insert_round(conn, &round, &criteria)?;
        let event = Event::new("round.created", "round", Some(&round.id))
            .after(json!({"position": position}));
        audit(conn, &actor, &meta, event)?;
        Ok(RoundView {
            round,
            criteria,
            frozen: false,
        })
    })
    .await
}

/// The rounds of a competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_rounds(
    pool: &DbPool,
    actor: Option<Actor>,
    competition_id: CompetitionId,
) -> Result<Vec<RoundView>> {
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
    actor: Actor,
    meta: RequestMeta,
    round_id: RoundId,
    inputs: Vec<CriterionInput>,
    if_match: Option<String>,
) -> Result<RoundView> {
    require_staff(&actor)?;
    pool.write(move |conn| {
        // On PostgreSQL no other replacement slips between the `If-Match` check and the write.
        conn.lock(&format!("round-criteria:{round_id}"))?;
        let (round, _) = round_and_competition(conn, &round_id, Some(&actor))?;
        // The round as the round list shows it, criteria included.
        let listed = RoundResponse::from(round_view(conn, round.clone())?);
        precondition(sonla_core::if_match_holds(if_match.as_deref(), &listed))?;
        if listed.criteria_frozen {
            return Err(E::not_ready(
                "Tiêu chí đã cố định vì có phiếu chấm đã nộp",
                "Criteria are frozen: a sheet is submitted in this round",
            ));
        }
        let criteria = criterion_rows(&round_id, &inputs);
        repo::replace_criteria(conn, &round_id, &criteria)?;
        audit(
            conn,
            &actor,
            &meta,
            Event::new("round.criteria_replaced", "round", Some(&round_id)),
        )?;
        Ok(RoundView {
            round,
            criteria,
            frozen: false,
        })
    })
    .await
}

/// Closes a round: every sheet in it is locked.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn close_round(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    round_id: RoundId,
) -> Result<RoundView> {
    require_staff(&actor)?;
    pool.write(move |conn| {
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
    .await
}
