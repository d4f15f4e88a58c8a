//! `/api/v1/ideas`: startup ideas, their workflow, team, selection and history.

use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put};
use sonla_core::Page;
use sonla_core::{IdeaId, UserId};
use sonla_ideas::api::{
    ActionRequest, AddTeamMemberRequest, CountResponse, CreateIdeaRequest, HistoryEntryResponse,
    IdeaListItem, IdeaResponse, ListIdeasQuery, Selection, TeamMemberResponse, UpdateIdeaRequest,
};
use sonla_ideas::service;
use sonla_ideas::workflow::Action;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta, OptionalAuthUser};
use crate::caching::tagged;
use crate::extract::{OptionalJson, ValidJson, ValidQuery, if_match};
use crate::problem::{
    ApiResult, AuthErrors, CreateErrors, DeleteErrors, ListErrors, PreconditionErrors, ReadErrors,
    UpdateErrors,
};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    // Fixed segments before `/{idea_id}/{action}`, which would otherwise take them.
    cfg.service(list_ideas)
        .service(count_ideas)
        .service(create_idea)
        .service(get_idea)
        .service(update_idea)
        .service(delete_idea)
        .service(list_team)
        .service(add_team_member)
        .service(remove_team_member)
        .service(get_history)
        .service(set_selection)
        .service(act_on_idea);
}

/// List, search or sync ideas.
///
/// Anonymous callers see public ideas; logged-in people also members-only ideas and their
/// teams' private ones; officers and admins all. `q` searches title, summary, description and
/// tags ignoring diacritics, best match first. `updated_since` switches to the sync feed, with
/// tombstones (`{"id", "deleted": true, "updated_at"}`) for ideas deleted or hidden since.
#[utoipa::path(
    tag = "ideas",
    security((), ("bearer_jwt" = [])),
    params(ListIdeasQuery),
    responses((status = 200, body = Page<IdeaListItem>), ListErrors, AuthErrors)
)]
#[get("")]
pub async fn list_ideas(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    ValidQuery(query): ValidQuery<ListIdeasQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list_ideas(&state.db, actor, query).await?;
    Ok(HttpResponse::Ok().json(page.map(IdeaListItem::from)))
}

/// Count ideas.
///
/// The number of ideas the caller may see that match the same filters and search as the list,
/// counted up to 10,000; above that the answer is 10,000 with `capped: true`.
#[utoipa::path(
    tag = "ideas",
    security((), ("bearer_jwt" = [])),
    params(ListIdeasQuery),
    responses((status = 200, body = CountResponse), ListErrors, AuthErrors)
)]
#[get("/count")]
pub async fn count_ideas(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    ValidQuery(query): ValidQuery<ListIdeasQuery>,
) -> ApiResult<HttpResponse> {
    let counted = service::count_ideas(&state.db, actor, query).await?;
    Ok(HttpResponse::Ok().json(CountResponse {
        count: counted.count,
        capped: counted.capped,
    }))
}

/// Create an idea.
///
/// Any logged-in person; they lead its team. It starts as a draft.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    request_body = CreateIdeaRequest,
    responses((status = 201, body = IdeaResponse, headers(("Location" = sonla_core::UrlPath, description = "The new idea's URL"))), CreateErrors, AuthErrors)
)]
#[post("")]
pub async fn create_idea(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<CreateIdeaRequest>,
) -> ApiResult<HttpResponse> {
    let view = service::create_idea(&state.db, actor, meta, body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/ideas/{}", view.idea.id)))
        .json(IdeaResponse::from(view)))
}

/// Get an idea.
///
/// 404 for an idea the caller may not see. Funding notes appear for the team and officers,
/// the selection data for officers and admins only.
#[utoipa::path(
    tag = "ideas",
    security((), ("bearer_jwt" = [])),
    params(("idea_id" = Uuid, Path, description = "The idea's id")),
    responses((status = 200, body = IdeaResponse), ReadErrors, AuthErrors)
)]
#[get("/{idea_id}")]
pub async fn get_idea(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<IdeaId>,
) -> ApiResult<HttpResponse> {
    let view = service::get_idea(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(IdeaResponse::from(view)))
}

/// Update an idea.
///
/// The team's lead and members, and admins. Absent fields stay; `null` clears.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(
        ("idea_id" = Uuid, Path, description = "The idea's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the idea is unchanged: its `ETag` from `GET /api/v1/ideas/{idea_id}` as this caller reads it, or from the answer of a `PATCH` or `PUT …/selection` of it; 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = UpdateIdeaRequest,
    responses((status = 200, body = IdeaResponse, headers(("ETag" = sonla_core::EntityTag, description = "The idea's new tag as this caller reads it, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[patch("/{idea_id}")]
pub async fn update_idea(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<IdeaId>,
    ValidJson(body): ValidJson<UpdateIdeaRequest>,
) -> ApiResult<HttpResponse> {
    let view = service::update_idea(
        &state.db,
        actor,
        meta,
        id.into_inner(),
        body,
        if_match(&req),
    )
    .await?;
    Ok(tagged(HttpResponse::Ok(), &IdeaResponse::from(view)))
}

/// Delete an idea.
///
/// The lead deletes drafts; admins delete any idea. Sync feeds report it as a tombstone.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(
        ("idea_id" = Uuid, Path, description = "The idea's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the idea is unchanged: its `ETag` from `GET /api/v1/ideas/{idea_id}` as this caller reads it, or from the answer of a `PATCH` or `PUT …/selection` of it; 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors, AuthErrors, PreconditionErrors)
)]
#[delete("/{idea_id}")]
pub async fn delete_idea(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<IdeaId>,
) -> ApiResult<HttpResponse> {
    service::delete_idea(&state.db, actor, meta, id.into_inner(), if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Take a workflow step.
///
/// `submit` and `withdraw`: the lead. `review`, `select`, `reject` (with a `note`) and
/// `incubate`: officers and admins. `archive`: either. A step not allowed from the idea's
/// status is 409 `invalid_transition` with `allowed_next_states`.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(
        ("idea_id" = Uuid, Path, description = "The idea's id"),
        ("action" = Action, Path, description = "The step")
    ),
    request_body(content = Option<ActionRequest>, description = "An optional note (required to reject)"),
    responses((status = 200, body = IdeaResponse), UpdateErrors, AuthErrors)
)]
#[post("/{idea_id}/{action}")]
pub async fn act_on_idea(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(IdeaId, Action)>,
    OptionalJson(note): OptionalJson<ActionRequest>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let view = service::act(&state.db, actor, meta, id, action, note).await?;
    Ok(HttpResponse::Ok().json(IdeaResponse::from(view)))
}

/// Set the officers' priority, shortlist flag and note.
///
/// Officers and admins; audited. These fields are never shown to anyone else.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(
        ("idea_id" = Uuid, Path, description = "The idea's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Change only if the selection is unchanged: the idea's `ETag` from `GET /api/v1/ideas/{idea_id}` (or from the answer of a `PATCH` or `PUT …/selection` of it), or the tag of its `selection` object (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = Selection,
    responses((status = 200, body = IdeaResponse, headers(("ETag" = sonla_core::EntityTag, description = "The idea's new tag as this caller reads it, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[put("/{idea_id}/selection")]
pub async fn set_selection(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<IdeaId>,
    ValidJson(body): ValidJson<Selection>,
) -> ApiResult<HttpResponse> {
    let view = service::set_selection(
        &state.db,
        actor,
        meta,
        id.into_inner(),
        body,
        if_match(&req),
    )
    .await?;
    Ok(tagged(HttpResponse::Ok(), &IdeaResponse::from(view)))
}

/// Get an idea's workflow history.
///
/// The team, officers and admins.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(("idea_id" = Uuid, Path, description = "The idea's id")),
    responses((status = 200, body = sonla_ideas::api::HistoryList), ReadErrors, AuthErrors)
)]
#[get("/{idea_id}/history")]
pub async fn get_history(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<IdeaId>,
) -> ApiResult<HttpResponse> {
    let entries = service::history(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        entries
            .into_iter()
            .map(HistoryEntryResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// List an idea's team.
///
/// Whoever may see the idea; emails and phones only for the team, officers and admins.
#[utoipa::path(
    tag = "ideas",
    security((), ("bearer_jwt" = [])),
    params(("idea_id" = Uuid, Path, description = "The idea's id")),
    responses((status = 200, body = sonla_ideas::api::TeamList), ReadErrors, AuthErrors)
)]
#[get("/{idea_id}/members")]
pub async fn list_team(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<IdeaId>,
) -> ApiResult<HttpResponse> {
    let (team, private) = service::team(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        team.into_iter()
            .map(|m| TeamMemberResponse::new(m, private))
            .collect::<Vec<_>>(),
    ))
}

/// Add a team member.
///
/// The lead and admins; audited.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(("idea_id" = Uuid, Path, description = "The idea's id")),
    request_body = AddTeamMemberRequest,
    responses((status = 201, body = TeamMemberResponse, headers(("ETag" = sonla_core::EntityTag, description = "The member's tag, for `If-Match`"))), UpdateErrors, AuthErrors)
)]
#[post("/{idea_id}/members")]
pub async fn add_team_member(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<IdeaId>,
    ValidJson(body): ValidJson<AddTeamMemberRequest>,
) -> ApiResult<HttpResponse> {
    let member = service::add_member(&state.db, actor, meta, id.into_inner(), body).await?;
    // Only the lead and admins add members, and both see contacts: this is the listed form.
    Ok(tagged(
        HttpResponse::Created(),
        &TeamMemberResponse::new(member, true),
    ))
}

/// Remove a team member.
///
/// The lead and admins; anyone may leave. A team keeps a lead.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    params(
        ("idea_id" = Uuid, Path, description = "The idea's id"),
        ("user_id" = Uuid, Path, description = "The member's user id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Remove only if the member is unchanged: the `ETag` of the answer that added them, or the tag of the member as `GET …/members` lists it to this caller (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    responses((status = 204, description = "Removed"), DeleteErrors, AuthErrors, PreconditionErrors, (status = 409, description = "The team's last lead", body = crate::problem::Problem, content_type = "application/problem+json"))
)]
#[delete("/{idea_id}/members/{user_id}")]
pub async fn remove_team_member(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(IdeaId, UserId)>,
) -> ApiResult<HttpResponse> {
    let (id, user_id) = path.into_inner();
    service::remove_member(&state.db, actor, meta, id, user_id, if_match(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}
