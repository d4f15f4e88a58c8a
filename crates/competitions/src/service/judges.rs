//! Judges of a competition and their conflicts of interest, declared or derived from team
//! and organisation membership.

use std::collections::{BTreeSet, HashMap};

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::{holds_role, require_staff};
use sonla_core::serde_ext::clean;
use sonla_core::{Actor, CompetitionId, ConflictId, EntryId, IdeaId, OrganizationId, Role, UserId};
use sonla_db::lookup;
use sonla_db::{CommonError, DbConnection, DbPool, body_id};

use super::{Result, audit, competition, require_status};
use crate::CompetitionError as E;
use crate::api::{AddJudgeRequest, DeclareConflictRequest};
use crate::model::{CompetitionStatus, Conflict, ConflictKind, ConflictRow, Judge};
use crate::{limits, repo};

/// The judges of a competition with their names, in the order they were added.
fn judges_of(conn: &mut DbConnection, competition_id: &CompetitionId) -> Result<Vec<Judge>> {
    let rows = repo::judges(conn, competition_id)?;
    let ids: Vec<UserId> = rows.iter().map(|(id, _)| id.clone()).collect();
    let mut names: HashMap<UserId, String> = lookup::user_names(conn, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|(user_id, added_at)| Judge {
            full_name: names.remove(&user_id).unwrap_or_default(),
            user_id,
            added_at,
        })
        .collect())
}

/// Conflicts that follow from membership: a judge in the entry's team (`team_member`) or in
/// the idea's organisation (`same_organisation`), by judge and entry.
fn derived_conflicts(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> Result<Vec<Conflict>> {
    let judges: Vec<UserId> = repo::judges(conn, competition_id)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let entries = repo::entry_ideas(conn, competition_id)?;
    if judges.is_empty() || entries.is_empty() {
        return Ok(Vec::new());
    }
    let idea_ids: Vec<IdeaId> = entries.iter().map(|(_, idea)| idea.clone()).collect();
    let organisation_of: HashMap<IdeaId, OrganizationId> = lookup::idea_briefs(conn, &idea_ids)?
        .into_iter()
        .filter_map(|idea| Some((idea.id, idea.organization_id?)))
        .collect();
    let teams: BTreeSet<(UserId, IdeaId)> = lookup::team_members_among(conn, &idea_ids, &judges)?
        .into_iter()
        .collect();
    let organisations: Vec<OrganizationId> = organisation_of.values().cloned().collect();
    let members: BTreeSet<(UserId, OrganizationId)> =
        lookup::organization_members_among(conn, &organisations, &judges)?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    for judge in &judges {
        for (entry, idea) in &entries {
            let kind = if teams.contains(&(judge.clone(), idea.clone())) {
                ConflictKind::TeamMember
            } else if organisation_of
                .get(idea)
                .is_some_and(|org| members.contains(&(judge.clone(), org.clone())))
            {
                ConflictKind::SameOrganisation
            } else {
                continue;
            };
            out.push(Conflict {
                judge_id: judge.clone(),
                entry_id: entry.clone(),
                kind,
                note: None,
                derived: true,
            });
        }
    }
    Ok(out)
}

/// Every conflict of a competition: the declared ones as declared, then the derived ones.
fn conflicts(conn: &mut DbConnection, competition_id: &CompetitionId) -> Result<Vec<Conflict>> {
    let mut out: Vec<Conflict> = repo::declared_conflicts(conn, competition_id)?
        .into_iter()
        .map(|c| Conflict {
            kind: ConflictKind::parse(&c.kind).unwrap_or(ConflictKind::Other),
            judge_id: c.judge_id,
            entry_id: c.entry_id,
            note: c.note,
            derived: false,
        })
        .collect();
    out.extend(derived_conflicts(conn, competition_id)?);
    Ok(out)
}

/// Every conflicted `(judge, entry)` pair, declared or derived.
pub(super) fn conflicted_pairs(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> Result<BTreeSet<(UserId, EntryId)>> {
    Ok(conflicts(conn, competition_id)?
        .into_iter()
        .map(|c| (c.judge_id, c.entry_id))
        .collect())
}

/// Adds a judge (a user with the `judge` role); officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn add_judge(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    competition_id: CompetitionId,
    request: AddJudgeRequest,
) -> Result<Judge> {
    require_staff(&actor)?;
    let user_id: UserId = body_id("user_id", &request.user_id)?;
    pool.write(move |conn| {
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
        if !holds_role(conn, &user_id, Role::Judge)? {
            return Err(CommonError::invalid(
                "user_id",
                "not_a_judge",
                "Người này chưa có vai trò giám khảo",
                "This user does not hold the judge role",
            )
            .into());
        }
        if !repo::is_judge(conn, &competition_id, &user_id)? {
            lookup::ensure_room::<E>(
                conn,
                &format!("competition-judges:{competition_id}"),
                limits::JUDGES,
                ("giám khảo trong một cuộc thi", "judges in a competition"),
                |conn| repo::count_judges(conn, &competition_id),
            )?;
            repo::insert_judge(conn, &competition_id, &user_id, sonla_db::now())?;
            let event = Event::new(
                "competition.judge_added",
                "competition",
                Some(&competition_id),
            )
            .after(json!({"user_id": user_id}));
            audit(conn, &actor, &meta, event)?;
        }
        judges_of(conn, &competition_id)?
            .into_iter()
            .find(|judge| judge.user_id == user_id)
            .ok_or_else(|| {
                CommonError::invalid(
                    "user_id",
                    "not_found",
                    "Không có người dùng này",
                    "No such user",
                )
                .into()
            })
    })
    .await
}

/// The judges; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_judges(
    pool: &DbPool,
    actor: Actor,
    competition_id: CompetitionId,
) -> Result<Vec<Judge>> {
    require_staff(&actor)?;
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        judges_of(conn, &competition_id)
    })
    .await
}

/// Refuses a declaration unless the caller may make it and it names a judge and an entry of
/// the competition: a judge for themself, an officer for any judge.
fn check_declaration(
    conn: &mut DbConnection,
    actor: &Actor,
    competition_id: &CompetitionId,
    judge_id: &UserId,
    entry_id: &EntryId,
) -> Result<()> {
    let is_judge = repo::is_judge(conn, competition_id, judge_id)?;
    if !(actor.is_staff() || (actor.is(judge_id) && is_judge)) {
        return Err(CommonError::forbidden(
            "Giám khảo chỉ khai báo xung đột của chính mình",
            "Judges declare their own conflicts only",
        )
        .into());
    }
    if !is_judge {
        return Err(CommonError::invalid(
            "judge_id",
            "not_a_judge",
            "Người này không chấm cuộc thi",
            "Not a judge of this competition",
        )
        .into());
    }
    if repo::find_entry(conn, entry_id)?.is_none_or(|e| e.competition_id != *competition_id) {
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

/// Removes the judge's assignments of the entry in every round, each audited.
fn unassign(
    conn: &mut DbConnection,
    actor: &Actor,
    meta: &RequestMeta,
    competition_id: &CompetitionId,
    judge_id: &UserId,
    entry_id: &EntryId,
) -> Result<()> {
    for round in repo::rounds_of(conn, competition_id)? {
        for (assignment, sheet) in repo::round_assignments(conn, &round.id)? {
            if assignment.judge_id == *judge_id && assignment.entry_id == *entry_id {
                repo::delete_assignment(conn, &assignment.id)?;
                let event = Event::new("assignment.removed", "assignment", Some(&assignment.id))
                    .before(json!({"entry_id": entry_id, "judge_id": judge_id, "sheet": sheet}))
                    .after(json!({"reason": "conflict of interest declared"}));
                audit(conn, actor, meta, event)?;
            }
        }
    }
    Ok(())
}

/// Declares a conflict: a judge for themself, or an officer for any judge. The judge loses
/// any assignment of that entry.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn declare_conflict(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    competition_id: CompetitionId,
    request: DeclareConflictRequest,
) -> Result<Conflict> {
    let judge_id: UserId = body_id("judge_id", &request.judge_id)?;
    let entry_id: EntryId = body_id("entry_id", &request.entry_id)?;
    let note = clean(request.note);
    pool.write(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        check_declaration(conn, &actor, &competition_id, &judge_id, &entry_id)?;
        let declared = repo::declared_conflicts(conn, &competition_id)?
            .iter()
            .any(|c| c.judge_id == judge_id && c.entry_id == entry_id);
        if !declared {
            lookup::ensure_room::<E>(
                conn,
                &format!("competition-conflicts:{competition_id}"),
                limits::CONFLICTS,
                (
                    "xung đột lợi ích khai báo trong một cuộc thi",
                    "declared conflicts in a competition",
                ),
                |conn| repo::count_conflicts(conn, &competition_id),
            )?;
            let row = ConflictRow {
                id: ConflictId::generate(),
                competition_id: competition_id.clone(),
                judge_id: judge_id.clone(),
                entry_id: entry_id.clone(),
                kind: request.kind.as_str().to_owned(),
                note: note.clone(),
                declared_by: Some(actor.user_id.clone()),
                created_at: sonla_db::now(),
            };
            repo::insert_conflict(conn, &row)?;
        }
        unassign(conn, &actor, &meta, &competition_id, &judge_id, &entry_id)?;
        let event = Event::new(
            "competition.conflict_declared",
            "competition",
            Some(&competition_id),
        )
        .after(json!({"judge_id": judge_id, "entry_id": entry_id, "kind": request.kind}));
        audit(conn, &actor, &meta, event)?;
        Ok(Conflict {
            judge_id,
            entry_id,
            kind: request.kind,
            note,
            derived: false,
        })
    })
    .await
}

/// Declared and derived conflicts; officers and admins.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_conflicts(
    pool: &DbPool,
    actor: Actor,
    competition_id: CompetitionId,
) -> Result<Vec<Conflict>> {
    require_staff(&actor)?;
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        conflicts(conn, &competition_id)
    })
    .await
}
