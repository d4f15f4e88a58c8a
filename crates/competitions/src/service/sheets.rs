//! Score sheets: the assigned judge saves drafts and submits; officers reopen a submitted
//! sheet with a reason.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_authz::require_staff;
use sonla_core::serde_ext::clean;
use sonla_core::{Actor, AssignmentId, CriterionId};
use sonla_db::{CommonError, DbConnection, DbPool};

use super::{Result, audit, hidden, require_scoring_round};
use crate::CompetitionError as E;
use crate::api::{ScoreValue, SheetRequest};
use crate::model::{Assignment, Competition, CriterionRow, Round, SheetRow, SheetView};
use crate::repo;

/// The assignment with its round and competition, for its judge or staff; 404 for anyone
/// else (and for staff-only drafts).
fn own_assignment(
    conn: &mut DbConnection,
    actor: &Actor,
    assignment_id: &AssignmentId,
) -> Result<(Assignment, Round, Competition)> {
    let (assignment, round, c) =
        repo::assignment_in_context(conn, assignment_id)?.ok_or(E::AssignmentNotFound)?;
    if !(actor.is(&assignment.judge_id) || actor.is_staff()) {
        return Err(E::AssignmentNotFound);
    }
    if hidden(&c, Some(actor)) {
        return Err(E::RoundNotFound);
    }
    Ok((assignment, round, c))
}

/// The assignment, for its judge only, while the round takes scores.
fn judges_assignment(
    conn: &mut DbConnection,
    actor: &Actor,
    assignment_id: &AssignmentId,
    (vi, en): (&str, &str),
) -> Result<Round> {
    let (assignment, round, c) = own_assignment(conn, actor, assignment_id)?;
    if !actor.is(&assignment.judge_id) {
        return Err(CommonError::forbidden(vi, en).into());
    }
    require_scoring_round(&round, &c)?;
    Ok(round)
}

/// A score sheet; its judge and staff.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn get_sheet(
    pool: &DbPool,
    actor: Actor,
    assignment_id: AssignmentId,
) -> Result<SheetView> {
    pool.run(move |conn| {
        own_assignment(conn, &actor, &assignment_id)?;
        let sheet = repo::find_sheet(conn, &assignment_id)?;
        let values = repo::sheet_values(conn, &assignment_id)?;
        Ok(SheetView {
            assignment_id,
            sheet,
            values,
        })
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
/// Returns them by criterion id, as the sheet is read back.
fn check_values(
    criteria: &[CriterionRow],
    scores: &[ScoreValue],
) -> Result<Vec<(CriterionId, f64)>> {
    let known: BTreeMap<&str, &CriterionRow> =
        criteria.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut seen = BTreeSet::new();
    for (i, score) in scores.iter().enumerate() {
        let field = format!("scores[{i}]");
        let Some(criterion) = known.get(score.criterion_id.as_str()) else {
            return Err(CommonError::invalid(
                format!("{field}.criterion_id"),
                "unknown_criterion",
                "Tiêu chí không thuộc vòng này",
                "Not a criterion of this round",
            )
            .into());
        };
        if !seen.insert(score.criterion_id.as_str()) {
            return Err(CommonError::invalid(
                format!("{field}.criterion_id"),
                "duplicate",
                "Tiêu chí bị lặp",
                "Criterion given twice",
            )
            .into());
        }
        if !score.value.is_finite() || score.value < 0.0 || score.value > criterion.max_score {
            return Err(CommonError::invalid(
                format!("{field}.value"),
                "range",
                &format!("Điểm phải từ 0 đến {}", criterion.max_score),
                &format!("The value must be between 0 and {}", criterion.max_score),
            )
            .into());
        }
    }
    if let Some(missing) = criteria.iter().find(|c| !seen.contains(c.id.as_str())) {
        return Err(CommonError::invalid(
            "scores",
            "missing_criterion",
            &format!("Thiếu điểm tiêu chí “{}”", missing.name),
            &format!("No value for criterion “{}”", missing.name),
        )
        .into());
    }
    let mut values: Vec<(CriterionId, f64)> = scores
        .iter()
        .filter_map(|s| {
            known
                .get(s.criterion_id.as_str())
                .map(|c| (c.id.clone(), s.value))
        })
        .collect();
    values.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(values)
}

/// Saves a draft; only the assigned judge, while the round is open and the sheet not
/// submitted. Five statements whatever the number of criteria: the assignment with its round
/// and competition, the sheet, the criteria, the sheet's row, and its values replaced.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn save_sheet(
    pool: &DbPool,
    actor: Actor,
    assignment_id: AssignmentId,
    request: SheetRequest,
    if_match: Option<i32>,
) -> Result<SheetView> {
    pool.write(move |conn| {
        let round = judges_assignment(
            conn,
            &actor,
            &assignment_id,
            (
                "Chỉ giám khảo được phân công chấm phiếu này",
                "Only the assigned judge scores this sheet",
            ),
        )?;
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
        Ok(SheetView {
            assignment_id,
            sheet: Some(row),
            values,
        })
    })
    .await
}

/// Submits a sheet: it counts from now on and becomes read-only.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn submit_sheet(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    assignment_id: AssignmentId,
    if_match: Option<i32>,
) -> Result<SheetView> {
    pool.write(move |conn| {
        let round = judges_assignment(
            conn,
            &actor,
            &assignment_id,
            (
                "Chỉ giám khảo được phân công nộp phiếu này",
                "Only the assigned judge submits this sheet",
            ),
        )?;
        let mut sheet = repo::find_sheet(conn, &assignment_id)?.ok_or_else(|| {
            E::not_ready(
                "Hãy lưu điểm trước khi nộp",
                "Save the scores before submitting",
            )
        })?;
        if let Some(version) = if_match
            && version != sheet.version
        {
            return Err(E::VersionMismatch);
        }
        if sheet.status == "submitted" {
            return Err(E::SheetLocked);
        }
        let saved: Vec<ScoreValue> = repo::sheet_values(conn, &assignment_id)?
            .into_iter()
            .map(|(criterion_id, value)| ScoreValue {
                criterion_id: criterion_id.into(),
                value,
            })
            .collect();
        // The criteria may have been replaced since the draft was saved.
        let values = check_values(&repo::criteria_of(conn, &round.id)?, &saved)?;
        let now = sonla_db::now();
        sheet.status = "submitted".to_owned();
        sheet.version += 1;
        sheet.updated_at = now;
        sheet.submitted_at = Some(now);
        repo::save_sheet(conn, &sheet, true)?;
        let event = Event::new("sheet.submitted", "assignment", Some(&assignment_id))
            .after(json!({"values": values.iter().cloned().collect::<BTreeMap<_, _>>()}));
        audit(conn, &actor, &meta, event)?;
        Ok(SheetView {
            assignment_id,
            sheet: Some(sheet),
            values,
        })
    })
    .await
}

/// Reopens a submitted sheet for changes; officers and admins, with a reason.
#[tracing::instrument(skip_all, fields(assignment_id = %assignment_id))]
pub async fn reopen_sheet(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    assignment_id: AssignmentId,
    reason: String,
) -> Result<SheetView> {
    require_staff(&actor)?;
    pool.write(move |conn| {
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
        let values = repo::sheet_values(conn, &assignment_id)?;
        Ok(SheetView {
            assignment_id,
            sheet: Some(sheet),
            values,
        })
    })
    .await
}
