//! Use cases of competitions, one module per sub-resource: [`competitions`] (the competition
//! and its lifecycle), [`rounds`] (rounds and their criteria), [`entries`], [`judges`]
//! (judges and conflicts of interest), [`assignments`], [`sheets`], [`results`]
//! (leaderboards, advancing, published results, feedback) and [`awards`].
//!
//! Each use case is an `async fn` that takes the pool, the caller and typed inputs, checks
//! who may do it, runs in one transaction when it writes, and returns model types; the API
//! layer turns them into responses. The rules shared by the modules are here.

use sonla_audit::{Event, RequestMeta, Who};
use sonla_core::{Actor, CompetitionId, RoundId};
use sonla_db::DbConnection;

use crate::CompetitionError as E;
use crate::model::{Competition, CompetitionStatus, Round};
use crate::repo;

pub mod assignments;
pub mod awards;
pub mod competitions;
pub mod entries;
pub mod judges;
pub mod results;
pub mod rounds;
pub mod sheets;

pub use self::assignments::{
    add_assignment, auto_assign, list_assignments, my_assignments, remove_assignment,
};
pub use self::awards::{create_award, list_awards};
pub use self::competitions::{create_competition, get_competition, list_competitions, take_step};
pub use self::entries::{create_entry, list_entries, withdraw_entry};
pub use self::judges::{add_judge, declare_conflict, list_conflicts, list_judges};
pub use self::results::{advance, feedback, leaderboard, results, snapshot};
pub use self::rounds::{close_round, create_round, list_rounds, replace_criteria};
pub use self::sheets::{get_sheet, reopen_sheet, save_sheet, submit_sheet};

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

fn status(c: &Competition) -> CompetitionStatus {
    CompetitionStatus::parse(&c.status).unwrap_or(CompetitionStatus::Draft)
}

/// Whether the competition is hidden from the caller: drafts are for staff only.
fn hidden(c: &Competition, actor: Option<&Actor>) -> bool {
    status(c) == CompetitionStatus::Draft && !actor.is_some_and(Actor::is_staff)
}

/// The competition, hidden (404) while a draft from all but staff.
fn competition(
    conn: &mut DbConnection,
    id: &CompetitionId,
    actor: Option<&Actor>,
) -> Result<Competition> {
    let c = repo::find_competition(conn, id)?.ok_or(E::CompetitionNotFound)?;
    if hidden(&c, actor) {
        return Err(E::CompetitionNotFound);
    }
    Ok(c)
}

/// 409 `not_ready` unless the competition is in one of the `allowed` statuses.
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

/// The round and its competition, 404 for a round of a competition the caller may not see.
fn round_and_competition(
    conn: &mut DbConnection,
    round_id: &RoundId,
    actor: Option<&Actor>,
) -> Result<(Round, Competition)> {
    let round = repo::find_round(conn, round_id)?.ok_or(E::RoundNotFound)?;
    let c = competition(conn, &round.competition_id, actor).map_err(|_| E::RoundNotFound)?;
    Ok((round, c))
}

/// Judges score only while the competition is judging and the round is open.
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

/// Writes the event to the audit log, in the caller's transaction.
fn audit(
    conn: &mut DbConnection,
    actor: &Actor,
    meta: &RequestMeta,
    event: Event<'_>,
) -> Result<()> {
    Ok(sonla_audit::record(conn, Who::User(actor), meta, event)?)
}
