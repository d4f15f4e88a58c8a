//! Entries: an idea's lead enters it while the competition is open, and may withdraw it
//! before judging starts.

use std::collections::HashMap;

use serde_json::json;
use sonla_audit::{Event, RequestMeta};
use sonla_core::serde_ext::clean;
use sonla_core::{Actor, CompetitionId, EntryId, IdeaId, UserId};
use sonla_db::lookup::{self, IdeaBrief};
use sonla_db::{CommonError, DbConnection, DbPool, body_id};

use super::{Result, audit, competition, require_status};
use crate::CompetitionError as E;
use crate::api::CreateEntryRequest;
use crate::model::{Competition, CompetitionStatus, Entry, EntryView};
use crate::{limits, repo};

/// Idea statuses that may be entered: submitted, and not rejected or archived.
const ENTERABLE: [&str; 4] = ["submitted", "under_review", "selected", "incubated"];

/// Whether the user leads the idea's team.
fn leads(conn: &mut DbConnection, idea_id: &IdeaId, user_id: &UserId) -> Result<bool> {
    Ok(lookup::team_role(conn, idea_id, user_id)?.as_deref() == Some("lead"))
}

/// The entries with their ideas' titles, in the order given.
fn with_titles(conn: &mut DbConnection, entries: Vec<Entry>) -> Result<Vec<EntryView>> {
    let ids: Vec<IdeaId> = entries.iter().map(|e| e.idea_id.clone()).collect();
    let mut titles: HashMap<IdeaId, String> = lookup::idea_briefs(conn, &ids)?
        .into_iter()
        .map(|idea| (idea.id, idea.title))
        .collect();
    Ok(entries
        .into_iter()
        .map(|entry| EntryView {
            title: titles.remove(&entry.idea_id).unwrap_or_default(),
            entry,
        })
        .collect())
}

/// The idea to enter, refused unless the caller leads it, it is submitted and its track is
/// one of the competition's.
fn enterable_idea(
    conn: &mut DbConnection,
    actor: &Actor,
    c: &Competition,
    idea_id: &IdeaId,
    track: Option<&String>,
) -> Result<IdeaBrief> {
    let idea = lookup::live_idea(conn, idea_id)?.ok_or_else(|| {
        CommonError::invalid(
            "idea_id",
            "not_found",
            "Không có ý tưởng này",
            "No such idea",
        )
    })?;
    if !leads(conn, idea_id, &actor.user_id)? {
        return Err(CommonError::forbidden(
            "Chỉ trưởng nhóm được đăng ký dự thi",
            "Only the idea's lead enters it",
        )
        .into());
    }
    if !ENTERABLE.contains(&idea.status.as_str()) {
        return Err(CommonError::invalid(
            "idea_id",
            "not_submitted",
            "Hãy nộp ý tưởng trước khi dự thi",
            "Submit the idea before entering it",
        )
        .into());
    }
    let tracks: Vec<String> = serde_json::from_str(&c.tracks).unwrap_or_default();
    if let Some(track) = track
        && !tracks.contains(track)
    {
        return Err(CommonError::invalid(
            "track",
            "invalid_choice",
            "Không có bảng thi này",
            "No such track",
        )
        .into());
    }
    Ok(idea)
}

/// Enters an idea; its lead, while the competition is open.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn create_entry(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    competition_id: CompetitionId,
    request: CreateEntryRequest,
) -> Result<EntryView> {
    let idea_id: IdeaId = body_id("idea_id", &request.idea_id)?;
    let track = clean(request.track);
    pool.write(move |conn| {
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
        let idea = enterable_idea(conn, &actor, &c, &idea_id, track.as_ref())?;
        if repo::find_entry_of_idea(conn, &competition_id, &idea_id)?.is_some() {
            return Err(E::AlreadyEntered);
        }
        lookup::ensure_room::<E>(
            conn,
            &format!("competition-entries:{competition_id}"),
            limits::ENTRIES,
            ("bài dự thi trong một cuộc thi", "entries in a competition"),
            |conn| repo::count_entries(conn, &competition_id),
        )?;
        let entry = Entry {
            id: EntryId::generate(),
            competition_id: competition_id.clone(),
            idea_id: idea_id.clone(),
            track,
            status: "active".to_owned(),
            created_by: Some(actor.user_id.clone()),
            created_at: now,
        };
        repo::insert_entry(conn, &entry)?;
        let event = Event::new("entry.created", "entry", Some(&entry.id))
            .after(json!({"idea_id": idea_id}));
        audit(conn, &actor, &meta, event)?;
        Ok(EntryView {
            entry,
            title: idea.title,
        })
    })
    .await
}

/// Entries: all for staff, one's own teams' for others.
#[tracing::instrument(skip_all, fields(competition_id = %competition_id))]
pub async fn list_entries(
    pool: &DbPool,
    actor: Actor,
    competition_id: CompetitionId,
) -> Result<Vec<EntryView>> {
    pool.run(move |conn| {
        competition(conn, &competition_id, Some(&actor))?;
        let own_ideas = if actor.is_staff() {
            None
        } else {
            Some(lookup::ideas_of_member(conn, &actor.user_id)?)
        };
        let entries = repo::list_entries(conn, &competition_id, own_ideas.as_deref())?;
        with_titles(conn, entries)
    })
    .await
}

/// Withdraws an entry before judging starts; its lead (or staff).
#[tracing::instrument(skip_all, fields(entry_id = %entry_id))]
pub async fn withdraw_entry(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    entry_id: EntryId,
) -> Result<EntryView> {
    pool.write(move |conn| {
        let mut entry = repo::find_entry(conn, &entry_id)?.ok_or(E::EntryNotFound)?;
        if !actor.is_staff() && !leads(conn, &entry.idea_id, &actor.user_id)? {
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
        let title = lookup::live_idea(conn, &entry.idea_id)?
            .map(|idea| idea.title)
            .unwrap_or_default();
        Ok(EntryView { entry, title })
    })
    .await
}
