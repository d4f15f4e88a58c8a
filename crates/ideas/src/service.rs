//! Use cases of ideas.

use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_authz::org_role;
use sonla_core::id::new_id;
use sonla_core::serde_ext::{clean, clean_name, to_json};
use sonla_core::text::fold;
use sonla_core::{Actor, Page, PageRequest};
use sonla_core::{IdeaId, OrganizationId, UserId};
use sonla_db::search::Query;
use sonla_db::{COUNT_CAP, CommonError, Counted, DbConnection, DbPool, body_id, precondition};

use crate::IdeaError;
use crate::access::{Viewer, can_view, sees_private};
use crate::api::{
    ActionRequest, AddTeamMemberRequest, CreateIdeaRequest, IdeaResponse, IdeaSort,
    IntellectualProperty, ListIdeasQuery, Selection, TeamMemberResponse, UpdateIdeaRequest,
};
use crate::model::{
    HistoryEntry, Idea, IdeaView, IpKind, ListItem, NewTeamMember, Sector, Stage, TeamMember,
    TeamRole, Visibility,
};
use crate::repo::{self, ListSpec, Order, SortKey};
use crate::workflow::{self, Action, IdeaStatus, Performer};

fn view(idea: Idea, viewer: &Viewer, my_role: Option<TeamRole>) -> IdeaView {
    IdeaView {
        private: sees_private(viewer, my_role),
        staff: viewer.is_staff(),
        idea,
        my_role,
    }
}

fn clean_list(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.into_iter().map(|t| clean_name(&t)) {
        if !out.iter().any(|o| fold(o) == fold(&item)) {
            out.push(item);
        }
    }
    out
}

/// The idea and the caller's team role, or 404 when the caller may not see it.
fn visible(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: &IdeaId,
) -> Result<(Idea, Option<TeamRole>), IdeaError> {
    let idea = repo::find(conn, id)?.ok_or(IdeaError::NotFound)?;
    let role = match viewer.user_id() {
        Some(user) => {
            repo::team_roles(conn, user, std::slice::from_ref(&idea.id))?.remove(&idea.id)
        }
        None => None,
    };
    if can_view(&idea, viewer, role) {
        Ok((idea, role))
    } else {
        Err(IdeaError::NotFound)
    }
}

/// Checks that the organisation exists and that the actor may link ideas to it.
fn check_organization(
    conn: &mut DbConnection,
    actor: &Actor,
    organization_id: &OrganizationId,
) -> Result<(), IdeaError> {
    let exists = sonla_db::lookup::organization_exists(conn, organization_id)?;
    if !exists {
        return Err(CommonError::invalid(
            "organization_id",
            "not_found",
            "Không có tổ chức này",
            "No such organisation",
        )
        .into());
    }
    if !actor.is_staff() && org_role(conn, organization_id, &actor.user_id)?.is_none() {
        return Err(CommonError::forbidden(
            "Chỉ thành viên của tổ chức được gắn ý tưởng với tổ chức",
            "Only members of an organisation may link ideas to it",
        )
        .into());
    }
    Ok(())
}

fn mark_exposure(idea: &mut Idea) {
    match Visibility::parse(&idea.visibility) {
        Some(Visibility::Public) => idea.ever_public = true,
        Some(Visibility::Members) => idea.ever_members = true,
        _ => {}
    }
}

/// Creates an idea; its creator leads the team.
#[tracing::instrument(skip_all)]
pub async fn create_idea(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    request: CreateIdeaRequest,
) -> Result<IdeaView, IdeaError> {
    let now = sonla_db::now();
    let title = clean_name(&request.title);
    let ip = request
        .intellectual_property
        .unwrap_or(IntellectualProperty {
            kind: IpKind::None,
            registration_numbers: Vec::new(),
        });
    let links = request.links.unwrap_or_default();
    let locality = clean(request.locality);
    let mut idea = Idea {
        id: IdeaId::generate(),
        title_key: fold(&title),
        title,
        summary: request.summary.trim().to_owned(),
        description: clean(request.description),
        sector: request.sector.as_str().to_owned(),
        stage: request.stage.as_str().to_owned(),
        status: IdeaStatus::Draft.as_str().to_owned(),
        visibility: request.visibility.as_str().to_owned(),
        ever_public: false,
        ever_members: false,
        locality_key: locality.as_deref().map(fold),
        locality,
        former_district: clean(request.former_district),
        organization_id: request
            .organization_id
            .map(|id| body_id("organization_id", &id))
            .transpose()?,
        tags: to_json(&clean_list(request.tags)),
        ip_kind: ip.kind.as_str().to_owned(),
        ip_numbers: to_json(&clean_list(ip.registration_numbers)),
        website_url: clean(links.website),
        video_url: clean(links.video),
        pitch_deck_url: clean(links.pitch_deck),
        funding_need_vnd: request.funding_need_vnd,
        funding_note: clean(request.funding_note),
        priority: None,
        shortlisted: false,
        officer_note: None,
        created_by: Some(actor.user_id.clone()),
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    mark_exposure(&mut idea);
    pool.write(move |conn| {
        if let Some(org) = idea.organization_id.clone() {
            check_organization(conn, &actor, &org)?;
        }
        repo::insert(conn, &idea)?;
        let lead = NewTeamMember {
            idea_id: &idea.id,
            user_id: &actor.user_id,
            role: TeamRole::Lead.as_str(),
            added_at: now,
        };
        repo::insert_member(conn, &lead)?;
        let event = Event::new("idea.created", "idea", Some(&idea.id))
            .after(json!({"title": idea.title, "visibility": idea.visibility}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        let viewer = Viewer::of(Some(&actor));
        Ok(view(idea, &viewer, Some(TeamRole::Lead)))
    })
    .await
}

/// One idea, as the caller may see it (404 when they may not).
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn get_idea(
    pool: &DbPool,
    actor: Option<Actor>,
    id: IdeaId,
) -> Result<IdeaView, IdeaError> {
    let viewer = Viewer::of(actor.as_ref());
    pool.run(move |conn| {
        let (idea, role) = visible(conn, &viewer, &id)?;
        Ok(view(idea, &viewer, role))
    })
    .await
}

/// Refuses a change when `If-Match` names another version of the idea as this caller sees it.
fn check_if_match(
    if_match: Option<&str>,
    idea: &Idea,
    viewer: &Viewer,
    role: Option<TeamRole>,
) -> Result<(), CommonError> {
    precondition(sonla_core::if_match_holds(
        if_match,
        &IdeaResponse::from(view(idea.clone(), viewer, role)),
    ))
}

/// 412 unless the `If-Match` condition held.
/// Serialises the changes of one idea on PostgreSQL, so none slips between another's read (an
/// `If-Match` check, a workflow step) and its write (SQLite's write transaction already
/// excludes them).
fn lock_idea(conn: &mut DbConnection, id: &IdeaId) -> Result<(), IdeaError> {
    Ok(conn.lock(&format!("idea:{id}"))?)
}

fn require_editor(viewer: &Viewer, role: Option<TeamRole>) -> Result<(), IdeaError> {
    let admin = matches!(viewer, Viewer::Staff(actor) if actor.is_admin());
    if admin || matches!(role, Some(TeamRole::Lead | TeamRole::Member)) {
        Ok(())
    } else {
        Err(CommonError::forbidden(
            "Chỉ trưởng nhóm và thành viên nhóm được sửa ý tưởng",
            "Only the team's lead and members edit an idea",
        )
        .into())
    }
}

/// Changes an idea: its lead and members, and admins.
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn update_idea(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    request: UpdateIdeaRequest,
    if_match: Option<String>,
) -> Result<IdeaView, IdeaError> {
    pool.write(move |conn| {
        lock_idea(conn, &id)?;
        let viewer = Viewer::of(Some(&actor));
        let (before, role) = visible(conn, &viewer, &id)?;
        require_editor(&viewer, role)?;
        check_if_match(if_match.as_deref(), &before, &viewer, role)?;
        let mut idea = before.clone();
        apply_changes(&mut idea, request)?;
        if let Some(org) = idea
            .organization_id
            .clone()
            .filter(|o| before.organization_id.as_ref() != Some(o))
        {
            check_organization(conn, &actor, &org)?;
        }
        mark_exposure(&mut idea);
        idea.updated_at = sonla_db::now();
        repo::save(conn, &idea)?;
        let event = Event::new("idea.updated", "idea", Some(&id))
            .before(json!({"title": before.title, "visibility": before.visibility}))
            .after(json!({"title": idea.title, "visibility": idea.visibility}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(view(idea, &viewer, role))
    })
    .await
}

fn apply_changes(idea: &mut Idea, request: UpdateIdeaRequest) -> Result<(), CommonError> {
    if let Some(title) = request.title {
        idea.title = clean_name(&title);
        idea.title_key = fold(&idea.title);
    }
    if let Some(summary) = request.summary {
        idea.summary = summary.trim().to_owned();
    }
    if let Some(description) = request.description {
        idea.description = clean(description);
    }
    if let Some(sector) = request.sector {
        idea.sector = sector.as_str().to_owned();
    }
    if let Some(stage) = request.stage {
        idea.stage = stage.as_str().to_owned();
    }
    if let Some(visibility) = request.visibility {
        idea.visibility = visibility.as_str().to_owned();
    }
    if let Some(locality) = request.locality {
        idea.locality = clean(locality);
        idea.locality_key = idea.locality.as_deref().map(fold);
    }
    if let Some(former) = request.former_district {
        idea.former_district = clean(former);
    }
    if let Some(org) = request.organization_id {
        idea.organization_id = org.map(|o| body_id("organization_id", &o)).transpose()?;
    }
    if let Some(tags) = request.tags {
        idea.tags = to_json(&clean_list(tags));
    }
    if let Some(ip) = request.intellectual_property {
        idea.ip_kind = ip.kind.as_str().to_owned();
        idea.ip_numbers = to_json(&clean_list(ip.registration_numbers));
    }
    if let Some(links) = request.links {
        idea.website_url = clean(links.website);
        idea.video_url = clean(links.video);
        idea.pitch_deck_url = clean(links.pitch_deck);
    }
    if let Some(need) = request.funding_need_vnd {
        idea.funding_need_vnd = need;
    }
    if let Some(note) = request.funding_note {
        idea.funding_note = clean(note);
    }
    Ok(())
}

/// Deletes an idea: its lead while it is a draft, or an admin. Sync feeds report it as a
/// tombstone.
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn delete_idea(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    if_match: Option<String>,
) -> Result<(), IdeaError> {
    pool.write(move |conn| {
        lock_idea(conn, &id)?;
        let viewer = Viewer::of(Some(&actor));
        let (mut idea, role) = visible(conn, &viewer, &id)?;
        check_if_match(if_match.as_deref(), &idea, &viewer, role)?;
        let draft_of_lead =
            role == Some(TeamRole::Lead) && idea.status == IdeaStatus::Draft.as_str();
        if !(actor.is_admin() || draft_of_lead) {
            return Err(CommonError::forbidden(
                "Trưởng nhóm chỉ xóa được bản nháp; quản trị viên xóa được mọi ý tưởng",
                "The lead deletes drafts only; admins delete any idea",
            )
            .into());
        }
        let now = sonla_db::now();
        idea.deleted_at = Some(now);
        idea.updated_at = now;
        repo::save(conn, &idea)?;
        let event = Event::new("idea.deleted", "idea", Some(&id))
            .before(json!({"title": idea.title, "status": idea.status}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}

/// Takes a workflow action. Refused transitions are 409 with the states allowed now.
#[tracing::instrument(skip_all, fields(idea_id = %id, action = action.as_str()))]
pub async fn act(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    action: Action,
    request: ActionRequest,
) -> Result<IdeaView, IdeaError> {
    let note = clean(request.note);
    if action == Action::Reject && note.is_none() {
        return Err(CommonError::invalid(
            "note",
            "required",
            "Hãy cho nhóm biết lý do từ chối",
            "Tell the team why it is rejected",
        )
        .into());
    }
    pool.write(move |conn| {
        lock_idea(conn, &id)?;
        let viewer = Viewer::of(Some(&actor));
        let (mut idea, role) = visible(conn, &viewer, &id)?;
        let lead = role == Some(TeamRole::Lead);
        let allowed = match workflow::performer(action) {
            Performer::Lead => lead,
            Performer::Staff => actor.is_staff(),
            Performer::LeadOrStaff => lead || actor.is_staff(),
        };
        if !allowed {
            return Err(CommonError::forbidden(
                "Vai trò của bạn không được thực hiện bước này",
                "Your role may not take this step",
            )
            .into());
        }
        let from = IdeaStatus::parse(&idea.status).unwrap_or(IdeaStatus::Draft);
        let to =
            workflow::next(from, action).ok_or(IdeaError::InvalidTransition { from, action })?;
        let now = sonla_db::now();
        idea.status = to.as_str().to_owned();
        idea.updated_at = now;
        repo::save(conn, &idea)?;
        let entry = HistoryEntry {
            id: new_id(),
            idea_id: id.clone(),
            action: action.as_str().to_owned(),
            from_status: from.as_str().to_owned(),
            to_status: to.as_str().to_owned(),
            note: note.clone(),
            actor_id: Some(actor.user_id.clone()),
            occurred_at: now,
        };
        sonla_db::lookup::ensure_room::<IdeaError>(
            conn,
            &format!("idea-history:{id}"),
            crate::limits::HISTORY,
            (
                "lần đổi trạng thái của một ý tưởng",
                "status changes of an idea",
            ),
            |conn| repo::count_history(conn, &id),
        )?;
        repo::insert_history(conn, &entry)?;
        let event = Event::new("idea.status_changed", "idea", Some(&id))
            .before(json!({"status": from}))
            .after(json!({"status": to, "action": action, "note": note}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(view(idea, &viewer, role))
    })
    .await
}

/// Sets officers' priority, shortlist flag and note; officers and admins.
///
/// `If-Match` may name the tag of the selection (its `SelectionResponse`) or of the whole idea
/// as the caller reads it (the `ETag` of `GET /ideas/{id}` and of this change's answer).
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn set_selection(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    selection: Selection,
    if_match: Option<String>,
) -> Result<IdeaView, IdeaError> {
    if !actor.is_staff() {
        return Err(CommonError::forbidden(
            "Chỉ cán bộ được xếp hạng ưu tiên",
            "Only officers set priorities",
        )
        .into());
    }
    pool.write(move |conn| {
        lock_idea(conn, &id)?;
        let viewer = Viewer::of(Some(&actor));
        let (mut idea, role) = visible(conn, &viewer, &id)?;
        let current = IdeaResponse::from(view(idea.clone(), &viewer, role));
        let if_match = if_match.as_deref();
        precondition(
            sonla_core::if_match_holds(if_match, &current.selection)
                || sonla_core::if_match_holds(if_match, &current),
        )?;
        let before = json!({"priority": idea.priority, "shortlisted": idea.shortlisted, "note": idea.officer_note});
        idea.priority = selection.priority;
        idea.shortlisted = selection.shortlisted;
        idea.officer_note = clean(selection.note);
        idea.updated_at = sonla_db::now();
        repo::save(conn, &idea)?;
        let after = json!({"priority": idea.priority, "shortlisted": idea.shortlisted, "note": idea.officer_note});
        let event = Event::new("idea.selection_changed", "idea", Some(&id)).before(before).after(after);
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(view(idea, &viewer, role))
    })
    .await
}

fn staff_only(field: &'static str) -> IdeaError {
    CommonError::forbidden(
        &format!("Chỉ cán bộ được lọc hoặc sắp xếp theo {field}"),
        &format!("Only officers filter or sort by {field}"),
    )
    .into()
}

fn invalid(field: &'static str, vi: &str, en: &str) -> IdeaError {
    CommonError::invalid(field, "not_allowed", vi, en).into()
}

/// Turns the query into a list spec, refusing what the viewer may not ask.
fn spec_of(
    viewer: Viewer,
    query: &ListIdeasQuery,
    team_of: Option<UserId>,
) -> Result<ListSpec, IdeaError> {
    if !viewer.is_staff() {
        if query.priority.is_some() || query.sort == Some(IdeaSort::Priority) {
            return Err(staff_only("priority"));
        }
        if query.shortlisted.is_some() {
            return Err(staff_only("shortlisted"));
        }
    }
    let search = query.q.as_deref().and_then(Query::parse);
    let order = match (query.updated_since, query.sort) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "sort",
                "Chế độ đồng bộ luôn xếp theo thời gian thay đổi",
                "Sync mode always orders by change time",
            ));
        }
        (Some(_), None) if query.q.is_some() => {
            return Err(invalid(
                "q",
                "Không tìm kiếm trong chế độ đồng bộ",
                "Search does not combine with updated_since",
            ));
        }
        (Some(since), None) => Order::Sync(since.naive_utc()),
        (None, sort) => match (search.is_some(), sort) {
            (false, Some(IdeaSort::Relevance)) => {
                return Err(invalid(
                    "sort",
                    "Xếp theo độ phù hợp cần từ khóa q",
                    "Relevance order needs search words in q",
                ));
            }
            (true, Some(IdeaSort::Relevance) | None) => Order::Relevance,
            (true, Some(IdeaSort::Newest)) => Order::Found,
            (true, Some(_)) => {
                return Err(invalid(
                    "sort",
                    "Kết quả tìm kiếm chỉ xếp theo relevance hoặc newest",
                    "Search results are ordered by relevance or newest only",
                ));
            }
            (false, Some(IdeaSort::Newest) | None) => Order::Newest,
            (false, Some(IdeaSort::Updated)) => Order::Updated,
            (false, Some(IdeaSort::Priority)) => Order::Priority,
            (false, Some(IdeaSort::Title)) => Order::Title,
        },
    };
    Ok(ListSpec {
        viewer,
        query: search,
        sector: query.sector.map(Sector::as_str),
        stage: query.stage.map(Stage::as_str),
        status: query.status.map(IdeaStatus::as_str),
        locality_key: query
            .locality
            .as_deref()
            .map(fold)
            .filter(|l| !l.is_empty()),
        organization_id: query.organization_id.as_ref().map(|o| o.to_lowercase()),
        priority: query.priority,
        shortlisted: query.shortlisted,
        created_from: query.created_from.map(|t| t.naive_utc()),
        created_to: query.created_to.map(|t| t.naive_utc()),
        updated_from: query.updated_from.map(|t| t.naive_utc()),
        updated_to: query.updated_to.map(|t| t.naive_utc()),
        team_of,
        order,
    })
}

fn run_list(
    conn: &mut DbConnection,
    spec: &ListSpec,
    request: &PageRequest<SortKey>,
) -> Result<Page<ListItem>, IdeaError> {
    let scored = repo::list(conn, spec, request.after.as_ref(), request.fetch_limit())?;
    let mut roles = match spec.viewer.user_id() {
        Some(user) => {
            let ids: Vec<IdeaId> = scored.iter().map(|(idea, _)| idea.id.clone()).collect();
            repo::team_roles(conn, user, &ids)?
        }
        None => std::collections::HashMap::default(),
    };
    let page = request.page(scored, |(idea, at)| spec.order.key(idea, *at));
    Ok(page.map(|(idea, _)| {
        let role = roles.remove(&idea.id);
        if can_view(&idea, &spec.viewer, role) {
            ListItem::Idea(Box::new(view(idea, &spec.viewer, role)))
        } else {
            ListItem::Tombstone {
                id: idea.id,
                updated_at: idea.updated_at,
            }
        }
    }))
}

fn page_request(query: &ListIdeasQuery, order: Order) -> Result<PageRequest<SortKey>, IdeaError> {
    let request = PageRequest::<SortKey>::decode(query.limit, query.cursor.as_deref())?;
    if request.after.as_ref().is_some_and(|key| !order.fits(key)) {
        return Err(CommonError::InvalidCursor.into());
    }
    Ok(request)
}

/// Lists, searches or syncs ideas the caller may see.
#[tracing::instrument(skip_all)]
pub async fn list_ideas(
    pool: &DbPool,
    actor: Option<Actor>,
    query: ListIdeasQuery,
) -> Result<Page<ListItem>, IdeaError> {
    let spec = spec_of(Viewer::of(actor.as_ref()), &query, None)?;
    let request = page_request(&query, spec.order)?;
    pool.run(move |conn| run_list(conn, &spec, &request)).await
}

/// Counts the ideas the caller may see that match the filters, up to [`COUNT_CAP`]: a
/// count above it comes back as the cap, marked `capped`.
#[tracing::instrument(skip_all)]
pub async fn count_ideas(
    pool: &DbPool,
    actor: Option<Actor>,
    query: ListIdeasQuery,
) -> Result<Counted, IdeaError> {
    let query = ListIdeasQuery {
        updated_since: None,
        sort: None,
        ..query
    };
    let spec = spec_of(Viewer::of(actor.as_ref()), &query, None)?;
    pool.run(move |conn| Ok(Counted::of(repo::count(conn, &spec, COUNT_CAP)?)))
        .await
}

/// The caller's own ideas (any role in the team), newest first by default.
#[tracing::instrument(skip_all)]
pub async fn my_ideas(
    pool: &DbPool,
    actor: Actor,
    query: ListIdeasQuery,
) -> Result<Page<ListItem>, IdeaError> {
    let query = ListIdeasQuery {
        updated_since: None,
        ..query
    };
    let spec = spec_of(
        Viewer::of(Some(&actor)),
        &query,
        Some(actor.user_id.clone()),
    )?;
    let request = page_request(&query, spec.order)?;
    pool.run(move |conn| run_list(conn, &spec, &request)).await
}

/// The team; contacts only for the team, officers and admins.
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn team(
    pool: &DbPool,
    actor: Option<Actor>,
    id: IdeaId,
) -> Result<(Vec<TeamMember>, bool), IdeaError> {
    let viewer = Viewer::of(actor.as_ref());
    pool.run(move |conn| {
        let (_, role) = visible(conn, &viewer, &id)?;
        Ok((repo::team(conn, &id)?, sees_private(&viewer, role)))
    })
    .await
}

fn require_lead(actor: &Actor, role: Option<TeamRole>) -> Result<(), IdeaError> {
    if role == Some(TeamRole::Lead) || actor.is_admin() {
        Ok(())
    } else {
        Err(CommonError::forbidden(
            "Chỉ trưởng nhóm quản lý thành viên",
            "Only the team's lead manages members",
        )
        .into())
    }
}

/// Adds a team member: the lead and admins.
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn add_member(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    request: AddTeamMemberRequest,
) -> Result<TeamMember, IdeaError> {
    let role = request.role.unwrap_or(TeamRole::Member);
    let user_id: UserId = body_id("user_id", &request.user_id)?;
    pool.write(move |conn| {
        let viewer = Viewer::of(Some(&actor));
        let (_, my_role) = visible(conn, &viewer, &id)?;
        require_lead(&actor, my_role)?;
        if !sonla_db::lookup::user_exists(conn, &user_id)? {
            return Err(IdeaError::UserNotFound);
        }
        let team = repo::team(conn, &id)?;
        if team.iter().any(|m| m.user_id == user_id) {
            return Err(IdeaError::AlreadyMember);
        }
        sonla_db::lookup::ensure_room::<IdeaError>(
            conn,
            &format!("idea-team:{id}"),
            crate::limits::TEAM,
            (
                "người trong nhóm của một ý tưởng",
                "people in an idea's team",
            ),
            |conn| repo::count_team(conn, &id),
        )?;
        let member = NewTeamMember {
            idea_id: &id,
            user_id: &user_id,
            role: role.as_str(),
            added_at: sonla_db::now(),
        };
        repo::insert_member(conn, &member)?;
        let event = Event::new("idea.member_added", "idea", Some(&id))
            .after(json!({"user_id": user_id, "role": role}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        repo::team(conn, &id)?
            .into_iter()
            .find(|m| m.user_id == user_id)
            .ok_or(IdeaError::TeamMemberNotFound)
    })
    .await
}

/// Removes a team member: the lead and admins; anyone may leave. A team keeps a lead.
#[tracing::instrument(skip_all, fields(idea_id = %id, user_id = %user_id))]
pub async fn remove_member(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: IdeaId,
    user_id: UserId,
    if_match: Option<String>,
) -> Result<(), IdeaError> {
    pool.write(move |conn| {
        let viewer = Viewer::of(Some(&actor));
        let (_, my_role) = visible(conn, &viewer, &id)?;
        if !actor.is(&user_id) {
            require_lead(&actor, my_role)?;
        }
        conn.lock(&format!("idea-leads:{id}"))?;
        let member = repo::team(conn, &id)?
            .into_iter()
            .find(|m| m.user_id == user_id)
            .ok_or(IdeaError::TeamMemberNotFound)?;
        // The member as the team list shows it to this caller.
        let listed = TeamMemberResponse::new(member.clone(), sees_private(&viewer, my_role));
        precondition(sonla_core::if_match_holds(if_match.as_deref(), &listed))?;
        if member.role == TeamRole::Lead.as_str() && repo::count_leads(conn, &id)? <= 1 {
            return Err(IdeaError::LastLead);
        }
        repo::delete_member(conn, &id, &user_id)?;
        let event = Event::new("idea.member_removed", "idea", Some(&id))
            .before(json!({"user_id": user_id, "role": member.role}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}

/// The workflow history: the team, officers and admins.
#[tracing::instrument(skip_all, fields(idea_id = %id))]
pub async fn history(
    pool: &DbPool,
    actor: Actor,
    id: IdeaId,
) -> Result<Vec<HistoryEntry>, IdeaError> {
    let viewer = Viewer::of(Some(&actor));
    pool.run(move |conn| {
        let (_, role) = visible(conn, &viewer, &id)?;
        if !sees_private(&viewer, role) {
            return Err(CommonError::forbidden(
                "Chỉ nhóm và cán bộ xem được lịch sử xét chọn",
                "Only the team and officers see the selection history",
            )
            .into());
        }
        Ok(repo::history(conn, &id)?)
    })
    .await
}
