//! Who judges which entry in a round: automatic assignment, assignments by hand, and a
//! judge's own list.

use std::collections::HashMap;

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::serde_ext::clean;
use sonla_core::{
    Actor, AssignmentId, CompetitionId, EntryId, IdeaId, Page, PageRequest, RoundId, UserId,
};
use sonla_db::lookup::{self, IdeaBrief};
use sonla_db::{CommonError, DbConnection, DbPool, body_id, precondition};

use super::judges::conflicted_pairs;
use super::{Result, audit, require_scoring_round, round_and_competition};
use crate::CompetitionError as E;
use crate::api::{AssignmentResponse, CreateAssignmentRequest};
use crate::assign::{self, Input};
use crate::model::{Assignment, AssignmentView, AutoAssignment, CriterionRow, JudgeTask, Round};
use crate::{limits, repo};

fn views(rows: Vec<(Assignment, Option<String>)>) -> Vec<AssignmentView> {
    rows.into_iter()
        .map(|(assignment, sheet_status)| AssignmentView {
            assignment,
            sheet_status,
        })
        .collect()
}

/// Assigns judges automatically; officers and admins.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn auto_assign(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    round_id: RoundId,
    seed: u64,
) -> Result<AutoAssignment> {
    require_staff(&actor)?;
    pool.write(move |conn| {
        let (round, c) = round_and_competition(conn, &round_id, Some(&actor))?;
        require_scoring_round(&round, &c)?;
        // The assignment algorithm works on the ids' text (see `crate::assign`).
        let input = Input {
            entries: repo::round_entry_ids(conn, &round_id)?
                .into_iter()
                .map(String::from)
                .collect(),
            judges: repo::judges(conn, &c.id)?
                .into_iter()
                .map(|(id, _)| id.into())
                .collect(),
            per_entry: usize::try_from(round.judges_per_entry).unwrap_or(0),
            conflicts: conflicted_pairs(conn, &c.id)?
                .into_iter()
                .map(|(judge, entry)| (judge.into(), entry.into()))
                .collect(),
            existing: repo::round_assignments(conn, &round_id)?
                .into_iter()
                .map(|(a, _)| (a.entry_id.into(), a.judge_id.into()))
                .collect(),
            seed,
        };
        let output = assign::auto_assign(&input);
        let now = sonla_db::now();
        let rows: Vec<Assignment> = output
            .added
            .iter()
            .map(|(entry_id, judge_id)| Assignment {
                id: AssignmentId::generate(),
                round_id: round_id.clone(),
                entry_id: EntryId::from_stored(entry_id.clone()),
                judge_id: UserId::from_stored(judge_id.clone()),
                created_at: now,
            })
            .collect();
        repo::insert_assignments(conn, &rows)?;
        let event = Event::new("round.auto_assigned", "round", Some(&round_id))
            .after(json!({"seed": seed, "added": output.added.len(), "short": output.short.len()}));
        audit(conn, &actor, &meta, event)?;
        Ok(AutoAssignment {
            assignments: views(repo::round_assignments(conn, &round_id)?),
            short: output.short,
        })
    })
    .await
}

/// A round's assignments; officers and admins.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn list_assignments(
    pool: &DbPool,
    actor: Actor,
    round_id: RoundId,
) -> Result<Vec<AssignmentView>> {
    require_staff(&actor)?;
    pool.run(move |conn| {
        round_and_competition(conn, &round_id, Some(&actor))?;
        Ok(views(repo::round_assignments(conn, &round_id)?))
    })
    .await
}

/// Refuses an assignment of an entry outside the round, a judge outside the competition, or
/// a conflicted pair.
fn check_pair(
    conn: &mut DbConnection,
    round_id: &RoundId,
    competition_id: &CompetitionId,
    entry_id: &EntryId,
    judge_id: &UserId,
) -> Result<()> {
    if !repo::round_entry_ids(conn, round_id)?.contains(entry_id) {
        return Err(CommonError::invalid(
            "entry_id",
            "not_in_round",
            "Bài này không thuộc vòng thi",
            "The entry is not in this round",
        )
        .into());
    }
    if !repo::is_judge(conn, competition_id, judge_id)? {
        return Err(CommonError::invalid(
            "judge_id",
            "not_a_judge",
            "Người này không chấm cuộc thi",
            "Not a judge of this competition",
        )
        .into());
    }
    if conflicted_pairs(conn, competition_id)?.contains(&(judge_id.clone(), entry_id.clone())) {
        return Err(E::ConflictOfInterest);
    }
    Ok(())
}

/// Adds one assignment by hand; officers and admins. Conflicted pairs are refused.
#[tracing::instrument(skip_all, fields(round_id = %round_id))]
pub async fn add_assignment(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    round_id: RoundId,
    request: CreateAssignmentRequest,
) -> Result<AssignmentView> {
    require_staff(&actor)?;
    let entry_id: EntryId = body_id("entry_id", &request.entry_id)?;
    let judge_id: UserId = body_id("judge_id", &request.judge_id)?;
    pool.write(move |conn| {
        let (round, c) = round_and_competition(conn, &round_id, Some(&actor))?;
        require_scoring_round(&round, &c)?;
        check_pair(conn, &round_id, &c.id, &entry_id, &judge_id)?;
        if let Some((assignment, sheet_status)) = repo::round_assignments(conn, &round_id)?
            .into_iter()
            .find(|(a, _)| a.entry_id == entry_id && a.judge_id == judge_id)
        {
            return Ok(AssignmentView {
                assignment,
                sheet_status,
            });
        }
        lookup::ensure_room::<E>(
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
            id: AssignmentId::generate(),
            round_id: round_id.clone(),
            entry_id,
            judge_id,
            created_at: sonla_db::now(),
        };
        repo::insert_assignments(conn, std::slice::from_ref(&row))?;
        let event = Event::new("assignment.added", "assignment", Some(&row.id))
            .after(json!({"entry_id": row.entry_id, "judge_id": row.judge_id}));
        audit(conn, &actor, &meta, event)?;
        Ok(AssignmentView {
            assignment: row,
            sheet_status: None,
        })
    })
    .await
}

/// Removes an assignment; one with a submitted sheet needs a reason, and is audited.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn remove_assignment(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    assignment_id: AssignmentId,
    reason: Option<String>,
    if_match: Option<String>,
) -> Result<()> {
    require_staff(&actor)?;
    let reason = clean(reason);
    pool.write(move |conn| {
        // On PostgreSQL no other removal slips between the `If-Match` check and the write.
        conn.lock(&format!("assignment:{assignment_id}"))?;
        let assignment =
            repo::find_assignment(conn, &assignment_id)?.ok_or(E::AssignmentNotFound)?;
        let (round, c) = round_and_competition(conn, &assignment.round_id, Some(&actor))?;
        let sheet_status = repo::find_sheet(conn, &assignment_id)?.map(|s| s.status);
        // The assignment as the round's assignment list shows it.
        let listed = AssignmentResponse::from(AssignmentView {
            assignment: assignment.clone(),
            sheet_status: sheet_status.clone(),
        });
        precondition(sonla_core::if_match_holds(if_match.as_deref(), &listed))?;
        require_scoring_round(&round, &c)?;
        if sheet_status.as_deref() == Some("submitted") && reason.is_none() {
            return Err(CommonError::invalid(
                "reason",
                "required",
                "Phiếu đã nộp: hãy nêu lý do",
                "Its sheet is submitted: give a reason",
            )
            .into());
        }
        repo::delete_assignment(conn, &assignment_id)?;
        let event = Event::new("assignment.removed", "assignment", Some(&assignment_id))
            .before(json!({"entry_id": assignment.entry_id, "judge_id": assignment.judge_id, "sheet": sheet_status}))
            .after(json!({"reason": reason}));
        audit(conn, &actor, &meta, event)?;
        Ok(())
    })
    .await
}

/// Values of `rows` by the key of each, taking each row once.
fn by_key<K: std::hash::Hash + Eq, T>(rows: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, T> {
    rows.into_iter().map(|row| (key(&row), row)).collect()
}

/// The caller's assignments with the entries to score, redacted in blind rounds, a page at a
/// time: six queries whatever the page size (assignments with sheets, their rounds, the
/// rounds' criteria, the entries, the ideas, the teams), none per assignment.
#[tracing::instrument(skip_all)]
pub async fn my_assignments(
    pool: &DbPool,
    actor: Actor,
    limit: Option<u32>,
    cursor: Option<String>,
) -> Result<Page<JudgeTask>> {
    let request = PageRequest::<AssignmentId>::decode(limit, cursor.as_deref())?;
    pool.run(move |conn| {
        let rows = repo::judge_assignments(
            conn,
            &actor.user_id,
            request.after.as_ref(),
            request.fetch_limit(),
        )?;
        let page = request.page(rows, |(a, _)| a.id.clone());
        let tasks = tasks(conn, page.items)?;
        Ok(Page {
            items: tasks,
            next_cursor: page.next_cursor,
        })
    })
    .await
}

/// What a judge needs to score each assignment, read in one query per kind of record.
fn tasks(
    conn: &mut DbConnection,
    rows: Vec<(Assignment, Option<crate::model::SheetRow>)>,
) -> Result<Vec<JudgeTask>> {
    fn distinct<T: Ord + Clone>(ids: impl Iterator<Item = T>) -> Vec<T> {
        let mut ids: Vec<T> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
    let round_ids = distinct(rows.iter().map(|(a, _)| a.round_id.clone()));
    let entry_ids = distinct(rows.iter().map(|(a, _)| a.entry_id.clone()));
    let rounds: HashMap<RoundId, Round> =
        by_key(repo::rounds_by_ids(conn, &round_ids)?, |r| r.id.clone());
    let mut criteria: HashMap<RoundId, Vec<CriterionRow>> = HashMap::new();
    for criterion in repo::criteria_of_rounds(conn, &round_ids)? {
        criteria
            .entry(criterion.round_id.clone())
            .or_default()
            .push(criterion);
    }
    let entries = by_key(repo::entries_by_ids(conn, &entry_ids)?, |e| e.id.clone());
    let idea_ids: Vec<IdeaId> = entries.values().map(|e| e.idea_id.clone()).collect();
    let ideas: HashMap<IdeaId, IdeaBrief> =
        by_key(lookup::idea_briefs(conn, &idea_ids)?, |i| i.id.clone());
    let seen_ideas: Vec<IdeaId> = rows
        .iter()
        .filter(|(a, _)| rounds.get(&a.round_id).is_some_and(|r| !r.blind))
        .filter_map(|(a, _)| entries.get(&a.entry_id).map(|e| e.idea_id.clone()))
        .collect();
    let mut teams: HashMap<IdeaId, Vec<String>> = HashMap::new();
    for (idea_id, name) in lookup::team_names(conn, &seen_ideas)? {
        teams.entry(idea_id).or_default().push(name);
    }
    rows.into_iter()
        .map(|(assignment, sheet)| {
            let round = rounds.get(&assignment.round_id).ok_or(E::RoundNotFound)?;
            let entry = entries
                .get(&assignment.entry_id)
                .cloned()
                .ok_or(E::EntryNotFound)?;
            let idea = ideas.get(&entry.idea_id).cloned().ok_or(E::EntryNotFound)?;
            let team = if round.blind {
                Vec::new()
            } else {
                teams.get(&entry.idea_id).cloned().unwrap_or_default()
            };
            Ok(JudgeTask {
                round_name: round.name.clone(),
                blind: round.blind,
                criteria: criteria.get(&round.id).cloned().unwrap_or_default(),
                assignment,
                entry,
                idea,
                team,
                sheet,
            })
        })
        .collect()
}
