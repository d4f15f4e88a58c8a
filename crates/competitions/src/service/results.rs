//! Leaderboards (live for staff, frozen once published), advancing to the next round, the
//! published results and an entrant's feedback.

use std::collections::{BTreeMap, btree_map};

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::{Actor, CompetitionId, EntryId, RoundId};
use sonla_db::{DbConnection, DbPool, lookup};

use super::{Policy, Result, audit, competition, require_status, round_and_competition};
use crate::CompetitionError as E;
use crate::model::{
    Competition, CompetitionStatus, CriterionInfo, CriterionRow, Feedback, FeedbackComment,
    PublishedResults, Round, RoundBoard, RoundFeedback, RoundParameters, RoundResult,
};
use crate::repo;
use crate::scoring::{self, Criterion, Leaderboard, Method, Sheet};

fn scoring_criteria(rows: &[CriterionRow]) -> Vec<Criterion> {
    rows.iter()
        .map(|c| Criterion {
            id: c.id.to_string(),
            weight: c.weight,
            max_score: c.max_score,
            position: c.position,
        })
        .collect()
}

/// The round's submitted sheets, in (entry, judge) order, each value at its criterion's index.
fn sheets_of(
    conn: &mut DbConnection,
    round_id: &RoundId,
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
) -> Result<PublishedResults> {
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
            round_id: round.id.to_string(),
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
            criteria: criteria_rows.iter().map(CriterionInfo::from).collect(),
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
    Ok(PublishedResults {
        competition_id: c.id.to_string(),
        published_at: sonla_db::now().and_utc(),
        rounds: out,
    })
}

/// The published results of a competition, if it is published.
pub(super) fn published(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> Result<Option<PublishedResults>> {
    Ok(repo::find_results(conn, competition_id)?.and_then(|s| serde_json::from_str(&s).ok()))
}

/// A round's leaderboard: live for officers and admins; for everyone else only once
/// published, from the frozen results.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn leaderboard(
    pool: &DbPool,
    policy: Policy,
    actor: Option<Actor>,
    round_id: RoundId,
    method: Option<Method>,
) -> Result<RoundBoard> {
    pool.run(move |conn| {
        let (round, c) = round_and_competition(conn, &round_id, actor.as_ref())?;
        let method = method.unwrap_or_else(|| round_method(&round));
        if let Some(results) = published(conn, &c.id)? {
            let board = results
                .rounds
                .into_iter()
                .find(|r| round_id == r.round_id)
                .and_then(|r| r.by_method.into_iter().find(|b| b.method == method))
                .ok_or(E::RoundNotFound)?;
            return Ok(RoundBoard {
                round_id,
                published: true,
                board,
            });
        }
        if !actor.as_ref().is_some_and(Actor::is_staff) {
            return Err(E::NotPublished);
        }
        Ok(RoundBoard {
            board: live_board(conn, &round, method, policy)?,
            round_id,
            published: false,
        })
    })
    .await
}

/// The entries a round advances: the top `advance_count`, or those at or above `pass_mark`.
fn advancing(round: &Round, board: &Leaderboard) -> Result<Vec<EntryId>> {
    let rows = board.rows.iter();
    Ok(match (round.advance_count, round.pass_mark) {
        (Some(n), _) => rows
            .filter(|r| i64::from(r.rank) <= i64::from(n))
            .map(|r| EntryId::from_stored(r.entry_id.clone()))
            .collect(),
        (None, Some(mark)) => rows
            .filter(|r| r.score >= mark)
            .map(|r| EntryId::from_stored(r.entry_id.clone()))
            .collect(),
        (None, None) => {
            return Err(E::not_ready(
                "Vòng này chưa đặt số bài đi tiếp hay điểm chuẩn",
                "The round has no advance count or pass mark",
            ));
        }
    })
}

/// Moves the top `advance_count` (or those at or above `pass_mark`) into the next round.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn advance(
    pool: &DbPool,
    policy: Policy,
    actor: Actor,
    meta: RequestMeta,
    round_id: RoundId,
) -> Result<Vec<EntryId>> {
    require_staff(&actor)?;
    pool.write(move |conn| {
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
        let chosen = advancing(&round, &board)?;
        repo::set_round_status(conn, &round_id, "closed")?;
        repo::add_round_entries(conn, &next.id, &chosen)?;
        let event = Event::new("round.advanced", "round", Some(&round_id))
            .after(json!({"next_round": next.id, "entries": chosen}));
        audit(conn, &actor, &meta, event)?;
        Ok(chosen)
    })
    .await
}

/// The frozen results of a published competition.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn results(
    pool: &DbPool,
    actor: Option<Actor>,
    competition_id: CompetitionId,
) -> Result<PublishedResults> {
    pool.run(move |conn| {
        competition(conn, &competition_id, actor.as_ref())?;
        published(conn, &competition_id)?.ok_or(E::NotPublished)
    })
    .await
}

/// An entrant's feedback after publication: per-criterion means and judges' comments (no
/// judge names in blind rounds). The entry's team, officers and admins.
#[tracing::instrument(skip_all, fields(entry_id = %entry_id))]
pub async fn feedback(pool: &DbPool, actor: Actor, entry_id: EntryId) -> Result<Feedback> {
    pool.run(move |conn| {
        let entry = repo::find_entry(conn, &entry_id)?.ok_or(E::EntryNotFound)?;
        if !actor.is_staff() && lookup::team_role(conn, &entry.idea_id, &actor.user_id)?.is_none() {
            return Err(E::EntryNotFound);
        }
        let results = published(conn, &entry.competition_id)?.ok_or(E::NotPublished)?;
        let mut rounds = Vec::new();
        for round in &results.rounds {
            let Some(row) = round
                .leaderboard
                .rows
                .iter()
                .find(|r| entry_id == r.entry_id)
            else {
                continue;
            };
            let comments = repo::comments(
                conn,
                &RoundId::from_stored(round.round_id.clone()),
                &entry_id,
            )?
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
        Ok(Feedback {
            entry_id: entry_id.into(),
            rounds,
        })
    })
    .await
}
