//! Awards attached to published results: a rank range of a round, or one entry.

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::serde_ext::clean_name;
use sonla_core::{Actor, AwardId, CompetitionId, EntryId};
use sonla_db::{CommonError, DbConnection, DbPool, body_id, lookup};

use super::results::published;
use super::{Result, audit, competition};
use crate::CompetitionError as E;
use crate::api::CreateAwardRequest;
use crate::model::{AwardRow, AwardView, PublishedResults};
use crate::{limits, repo};

/// The award with the entries it goes to, from the published ranks of its round (the last
/// round when it names none).
fn with_winners(award: AwardRow, results: &PublishedResults) -> AwardView {
    let round = match &award.round_id {
        Some(id) => results.rounds.iter().find(|r| *id == r.round_id),
        None => results.rounds.last(),
    };
    let winners = match (&award.entry_id, award.rank_from, round) {
        (Some(entry), _, _) => vec![entry.to_string()],
        (None, Some(from), Some(round)) => {
            let to = award.rank_to.unwrap_or(from);
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
    AwardView { award, winners }
}

/// Refuses an award that names a round outside the results, neither or both of an entry and
/// a rank range, a range that ends before it starts, or an entry of another competition.
fn check_award(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    results: &PublishedResults,
    request: &CreateAwardRequest,
) -> Result<()> {
    if request.round_id.as_ref().is_some_and(|r| {
        let r = r.to_lowercase();
        !results.rounds.iter().any(|x| x.round_id == r)
    }) {
        return Err(CommonError::invalid(
            "round_id",
            "not_found",
            "Không có vòng này",
            "No such round",
        )
        .into());
    }
    match (&request.entry_id, request.rank_from, request.rank_to) {
        (Some(_), None, None) | (None, Some(_), _) => {}
        _ => {
            return Err(CommonError::invalid(
                "rank_from",
                "required",
                "Chọn một bài hoặc một khoảng hạng",
                "Give either an entry or a rank range",
            )
            .into());
        }
    }
    if let (Some(from), Some(to)) = (request.rank_from, request.rank_to)
        && to < from
    {
        return Err(CommonError::invalid(
            "rank_to",
            "range",
            "Hạng cuối phải không nhỏ hơn hạng đầu",
            "rank_to must not be below rank_from",
        )
        .into());
    }
    if let Some(entry) = &request.entry_id
        && repo::find_entry(conn, &body_id::<EntryId>("entry_id", entry)?)?
            .is_none_or(|e| e.competition_id != *competition_id)
    {
        return Err(CommonError::invalid(
            "entry_id",
            "not_found",
            "Không có bài dự thi này",
            "No such entry",
        )
        .into());
    }
    Ok(())
}

/// Attaches an award to the published results; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_award(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    competition_id: CompetitionId,
    request: CreateAwardRequest,
) -> Result<AwardView> {
    require_staff(&actor)?;
    pool.write(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        let results = published(conn, &competition_id)?.ok_or_else(|| {
            E::not_ready(
                "Giải thưởng gắn với kết quả đã công bố",
                "Awards attach to published results",
            )
        })?;
        check_award(conn, &competition_id, &results, &request)?;
        lookup::ensure_room::<E>(
            conn,
            &format!("competition-awards:{competition_id}"),
            limits::AWARDS,
            ("giải thưởng trong một cuộc thi", "awards in a competition"),
            |conn| repo::count_awards(conn, &competition_id),
        )?;
        let row = AwardRow {
            id: AwardId::generate(),
            competition_id: competition_id.clone(),
            round_id: request
                .round_id
                .map(|r| body_id("round_id", &r))
                .transpose()?,
            title: clean_name(&request.title),
            rank_from: request.rank_from,
            rank_to: request.rank_to,
            entry_id: request
                .entry_id
                .map(|e| body_id("entry_id", &e))
                .transpose()?,
            prize_vnd: request.prize_vnd,
            created_at: sonla_db::now(),
        };
        repo::insert_award(conn, &row)?;
        let event = Event::new(
            "competition.award_created",
            "competition",
            Some(&competition_id),
        )
        .after(json!({"award_id": row.id, "title": row.title, "prize_vnd": row.prize_vnd}));
        audit(conn, &actor, &meta, event)?;
        Ok(with_winners(row, &results))
    })
    .await
}

/// The awards of a published competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_awards(
    pool: &DbPool,
    actor: Option<Actor>,
    competition_id: CompetitionId,
) -> Result<Vec<AwardView>> {
    pool.run(move |conn| {
        competition(conn, &competition_id, actor.as_ref())?;
        let results = published(conn, &competition_id)?.ok_or(E::NotPublished)?;
        Ok(repo::awards_of(conn, &competition_id)?
            .into_iter()
            .map(|a| with_winners(a, &results))
            .collect())
    })
    .await
}
