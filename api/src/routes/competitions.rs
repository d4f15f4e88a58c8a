//! Idea competitions: `/api/v1/competitions`, `/api/v1/rounds`, `/api/v1/entries` and
//! `/api/v1/assignments` (judging, DESIGN.md §6).

use actix_web::http::header;
use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put};
use sonla_competitions::api::{
    AddJudgeRequest, AssignmentResponse, AutoAssignRequest, AutoAssignResult, AwardResponse,
    CompetitionResponse, ConflictResponse, CreateAssignmentRequest, CreateAwardRequest,
    CreateCompetitionRequest, CreateEntryRequest, CreateRoundRequest, DeclareConflictRequest,
    EntryResponse, JudgeResponse, LeaderboardQuery, LeaderboardResponse, LifecycleRequest,
    LifecycleStep, RemoveAssignmentQuery, ReopenRequest, ReplaceCriteriaRequest, RoundResponse,
    SheetRequest, SheetResponse,
};
use sonla_competitions::model::{Feedback, PublishedResults};
use sonla_competitions::service;
use sonla_core::Page;
use sonla_core::page::PageQuery;
use sonla_core::{AssignmentId, CompetitionId, EntryId, RoundId};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::{AuthUser, Meta, OptionalAuthUser};
use crate::caching::tagged;
use crate::extract::{OptionalJson, ValidJson, ValidQuery};
use crate::problem::{
    ApiResult, AuthErrors, CreateErrors, DeleteErrors, ListErrors, PreconditionErrors, ReadErrors,
    UpdateErrors,
};

pub(crate) fn configure_competitions(cfg: &mut ServiceConfig<'_>) {
    // Fixed segments before `/{competition_id}/{step}`.
    cfg.service(list_competitions)
        .service(create_competition)
        .service(get_competition)
        .service(create_round)
        .service(list_rounds)
        .service(create_entry)
        .service(list_entries)
        .service(add_judge)
        .service(list_judges)
        .service(declare_conflict)
        .service(list_conflicts)
        .service(get_results)
        .service(create_award)
        .service(list_awards)
        .service(take_step);
}

pub(crate) fn configure_rounds(cfg: &mut ServiceConfig<'_>) {
    cfg.service(replace_criteria)
        .service(close_round)
        .service(auto_assign)
        .service(list_assignments)
        .service(add_assignment)
        .service(get_leaderboard)
        .service(advance_entries);
}

pub(crate) fn configure_entries(cfg: &mut ServiceConfig<'_>) {
    cfg.service(withdraw_entry).service(get_feedback);
}

pub(crate) fn configure_assignments(cfg: &mut ServiceConfig<'_>) {
    cfg.service(remove_assignment)
        .service(get_sheet)
        .service(save_sheet)
        .service(submit_sheet)
        .service(reopen_sheet);
}

/// The version in `If-Match` (`"3"`, `W/"3"` or `3`); a value that is no version never matches.
fn if_match(req: &HttpRequest) -> Option<i32> {
    let raw = req.headers().get(header::IF_MATCH)?.to_str().ok()?.trim();
    let raw = raw.strip_prefix("W/").unwrap_or(raw).trim_matches('"');
    Some(raw.parse().unwrap_or(-1))
}

fn sheet_response(sheet: SheetResponse) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{}\"", sheet.version)))
        .json(sheet)
}

/// List competitions.
///
/// Everyone sees competitions past their draft; officers and admins see drafts too.
#[utoipa::path(
    tag = "competitions",
    security((), ("bearer_jwt" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<CompetitionResponse>), ListErrors, AuthErrors)
)]
#[get("")]
pub async fn list_competitions(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list_competitions(&state.db, actor, query.limit, query.cursor).await?;
    Ok(HttpResponse::Ok().json(page.map(CompetitionResponse::from)))
}

/// Create a competition.
///
/// Officers and admins. It starts as a draft.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    request_body = CreateCompetitionRequest,
    responses((status = 201, body = CompetitionResponse, headers(("Location" = sonla_core::UrlPath, description = "The new competition's URL"))), CreateErrors, AuthErrors)
)]
#[post("")]
pub async fn create_competition(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    ValidJson(body): ValidJson<CreateCompetitionRequest>,
) -> ApiResult<HttpResponse> {
    let c = service::create_competition(&state.db, actor, meta, body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/competitions/{}", c.id)))
        .json(CompetitionResponse::from(c)))
}

/// Get a competition.
///
/// Anyone, once it is past its draft; officers and admins see drafts too.
#[utoipa::path(
    tag = "competitions",
    security((), ("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = CompetitionResponse), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}")]
pub async fn get_competition(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    let c = service::get_competition(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(CompetitionResponse::from(c)))
}

/// Take a lifecycle step.
///
/// `open` (needs a round with criteria), `start-judging` (round 1 takes the active entries),
/// `finalise` (every sheet submitted, unless an admin sends `force` with a `reason`; audited),
/// `publish` (freezes every round's leaderboards into the results). Officers and admins. A
/// step not allowed now is 409 with `allowed_next_states`.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(
        ("competition_id" = Uuid, Path, description = "The competition's id"),
        ("step" = LifecycleStep, Path, description = "The step")
    ),
    request_body(content = Option<LifecycleRequest>, description = "Options of `finalise`"),
    responses((status = 200, body = CompetitionResponse), UpdateErrors, AuthErrors)
)]
#[post("/{competition_id}/{step}")]
pub async fn take_step(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    path: Path<(CompetitionId, LifecycleStep)>,
    OptionalJson(request): OptionalJson<LifecycleRequest>,
) -> ApiResult<HttpResponse> {
    let (id, step) = path.into_inner();
    let c = service::take_step(
        &state.db,
        state.competitions,
        actor,
        meta,
        id,
        step,
        request,
    )
    .await?;
    Ok(HttpResponse::Ok().json(CompetitionResponse::from(c)))
}

/// Add a round.
///
/// Officers and admins. It comes after the existing rounds.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    request_body = CreateRoundRequest,
    responses((status = 201, body = RoundResponse, headers(("ETag" = sonla_core::EntityTag, description = "The round's tag, for `If-Match`"))), CreateErrors, AuthErrors)
)]
#[post("/{competition_id}/rounds")]
pub async fn create_round(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<CompetitionId>,
    ValidJson(body): ValidJson<CreateRoundRequest>,
) -> ApiResult<HttpResponse> {
    let round = service::create_round(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(tagged(HttpResponse::Created(), &RoundResponse::from(round)))
}

/// List a competition's rounds with their criteria.
///
/// Whoever may see the competition; in order, each with its scoring method and whether its
/// criteria can still change.
#[utoipa::path(
    tag = "competitions",
    security((), ("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = sonla_competitions::api::RoundList), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/rounds")]
pub async fn list_rounds(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    let rounds = service::list_rounds(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        rounds
            .into_iter()
            .map(RoundResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Enter an idea.
///
/// The lead of a submitted idea, while the competition is open; one entry per idea.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    request_body = CreateEntryRequest,
    responses((status = 201, body = EntryResponse), CreateErrors, AuthErrors)
)]
#[post("/{competition_id}/entries")]
pub async fn create_entry(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<CompetitionId>,
    ValidJson(body): ValidJson<CreateEntryRequest>,
) -> ApiResult<HttpResponse> {
    let entry = service::create_entry(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(HttpResponse::Created().json(EntryResponse::from(entry)))
}

/// List entries.
///
/// Officers and admins see all; others the entries of their own teams.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = sonla_competitions::api::EntryList), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/entries")]
pub async fn list_entries(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    let entries = service::list_entries(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        entries
            .into_iter()
            .map(EntryResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Add a judge.
///
/// Officers and admins; the user must hold the `judge` role.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    request_body = AddJudgeRequest,
    responses((status = 201, body = JudgeResponse), CreateErrors, AuthErrors)
)]
#[post("/{competition_id}/judges")]
pub async fn add_judge(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<CompetitionId>,
    ValidJson(body): ValidJson<AddJudgeRequest>,
) -> ApiResult<HttpResponse> {
    let judge = service::add_judge(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(HttpResponse::Created().json(JudgeResponse::from(judge)))
}

/// List judges.
///
/// Officers and admins: the people who score the competition's entries.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = sonla_competitions::api::JudgeList), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/judges")]
pub async fn list_judges(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    let judges = service::list_judges(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        judges
            .into_iter()
            .map(JudgeResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Declare a conflict of interest.
///
/// A judge for themself, or an officer. The judge loses any assignment of the entry.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    request_body = DeclareConflictRequest,
    responses((status = 201, body = ConflictResponse), CreateErrors, AuthErrors)
)]
#[post("/{competition_id}/conflicts")]
pub async fn declare_conflict(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<CompetitionId>,
    ValidJson(body): ValidJson<DeclareConflictRequest>,
) -> ApiResult<HttpResponse> {
    let conflict = service::declare_conflict(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(HttpResponse::Created().json(ConflictResponse::from(conflict)))
}

/// List conflicts of interest, declared and derived.
///
/// Officers and admins. Derived: the judge is in the entry's team or its idea's organisation.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = sonla_competitions::api::ConflictList), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/conflicts")]
pub async fn list_conflicts(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    let conflicts = service::list_conflicts(&state.db, actor, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        conflicts
            .into_iter()
            .map(ConflictResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Get the published results.
///
/// The frozen leaderboards of every round, with method and parameters; later edits cannot
/// change them. 403 `results_not_published` before publication.
#[utoipa::path(
    tag = "competitions",
    security((), ("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = PublishedResults), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/results")]
pub async fn get_results(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::results(&state.db, actor, id.into_inner()).await?))
}

/// Add an award to the published results.
///
/// Officers and admins; a rank range (of a round, default the last) or one entry, and a prize.
#[utoipa::path(
    tag = "competitions",
    security(("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    request_body = CreateAwardRequest,
    responses((status = 201, body = AwardResponse), CreateErrors, AuthErrors)
)]
#[post("/{competition_id}/awards")]
pub async fn create_award(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<CompetitionId>,
    ValidJson(body): ValidJson<CreateAwardRequest>,
) -> ApiResult<HttpResponse> {
    let award = service::create_award(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(HttpResponse::Created().json(AwardResponse::from(award)))
}

/// List the awards of a published competition.
///
/// Anyone, once the results are published (403 `results_not_published` before).
#[utoipa::path(
    tag = "competitions",
    security((), ("bearer_jwt" = [])),
    params(("competition_id" = Uuid, Path, description = "The competition's id")),
    responses((status = 200, body = sonla_competitions::api::AwardList), ReadErrors, AuthErrors)
)]
#[get("/{competition_id}/awards")]
pub async fn list_awards(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<CompetitionId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        service::list_awards(&state.db, actor, id.into_inner())
            .await?
            .into_iter()
            .map(AwardResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Replace a round's criteria.
///
/// Officers and admins, while no sheet of the round is submitted.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(
        ("round_id" = Uuid, Path, description = "The round's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Replace only if the round is unchanged: the `ETag` of the answer that created it or last replaced its criteria, or the tag of the round as `GET /api/v1/competitions/{competition_id}/rounds` lists it, criteria included (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    request_body = ReplaceCriteriaRequest,
    responses((status = 200, body = RoundResponse, headers(("ETag" = sonla_core::EntityTag, description = "The round's new tag, for `If-Match`"))), UpdateErrors, AuthErrors, PreconditionErrors)
)]
#[put("/{round_id}/criteria")]
pub async fn replace_criteria(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<RoundId>,
    ValidJson(body): ValidJson<ReplaceCriteriaRequest>,
) -> ApiResult<HttpResponse> {
    let round = service::replace_criteria(
        &state.db,
        actor,
        meta,
        id.into_inner(),
        body.criteria,
        crate::extract::if_match(&req),
    )
    .await?;
    Ok(tagged(HttpResponse::Ok(), &RoundResponse::from(round)))
}

/// Close a round.
///
/// Officers and admins; every sheet of the round is locked.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id")),
    responses((status = 200, body = RoundResponse), UpdateErrors, AuthErrors)
)]
#[post("/{round_id}/close")]
pub async fn close_round(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<RoundId>,
) -> ApiResult<HttpResponse> {
    let round = service::close_round(&state.db, actor, meta, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(RoundResponse::from(round)))
}

/// Assign judges automatically.
///
/// Officers and admins. Every entry gets `judges_per_entry` unconflicted judges where possible,
/// loads stay balanced, the same `seed` gives the same result, and `short` lists entries left
/// with fewer judges. Existing assignments are kept.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id")),
    request_body = AutoAssignRequest,
    responses((status = 200, body = AutoAssignResult), UpdateErrors, AuthErrors)
)]
#[post("/{round_id}/auto-assign")]
pub async fn auto_assign(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<RoundId>,
    ValidJson(body): ValidJson<AutoAssignRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(AutoAssignResult::from(
        service::auto_assign(&state.db, actor, meta, id.into_inner(), body.seed).await?,
    )))
}

/// List a round's assignments.
///
/// Officers and admins: which judge scores which entry, and where each sheet stands.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id")),
    responses((status = 200, body = sonla_competitions::api::AssignmentList), ReadErrors, AuthErrors)
)]
#[get("/{round_id}/assignments")]
pub async fn list_assignments(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<RoundId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        service::list_assignments(&state.db, actor, id.into_inner())
            .await?
            .into_iter()
            .map(AssignmentResponse::from)
            .collect::<Vec<_>>(),
    ))
}

/// Add one assignment.
///
/// Officers and admins; a conflicted judge is refused with 409.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id")),
    request_body = CreateAssignmentRequest,
    responses((status = 201, body = AssignmentResponse, headers(("ETag" = sonla_core::EntityTag, description = "The assignment's tag, for `If-Match`"))), CreateErrors, AuthErrors)
)]
#[post("/{round_id}/assignments")]
pub async fn add_assignment(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<RoundId>,
    ValidJson(body): ValidJson<CreateAssignmentRequest>,
) -> ApiResult<HttpResponse> {
    let assignment = service::add_assignment(&state.db, actor, meta, id.into_inner(), body).await?;
    Ok(tagged(
        HttpResponse::Created(),
        &AssignmentResponse::from(assignment),
    ))
}

/// Get a round's leaderboard.
///
/// DESIGN.md §6: `{method, rows, judges}`; `method` defaults to the round's. Officers and
/// admins see it live; everyone else only once published (the frozen result).
#[utoipa::path(
    tag = "judging",
    security((), ("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id"), LeaderboardQuery),
    responses((status = 200, body = LeaderboardResponse), ReadErrors, AuthErrors)
)]
#[get("/{round_id}/leaderboard")]
pub async fn get_leaderboard(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    id: Path<RoundId>,
    ValidQuery(query): ValidQuery<LeaderboardQuery>,
) -> ApiResult<HttpResponse> {
    let board = service::leaderboard(
        &state.db,
        state.competitions,
        actor,
        id.into_inner(),
        query.method,
    )
    .await?;
    Ok(HttpResponse::Ok().json(LeaderboardResponse::from(board)))
}

/// Advance entries to the next round.
///
/// Officers and admins. The top `advance_count` (ties included), or those at or above
/// `pass_mark`; the round is closed. Returns the entries advanced.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("round_id" = Uuid, Path, description = "The round's id")),
    responses((status = 200, body = sonla_competitions::api::AdvancedEntries), UpdateErrors, AuthErrors)
)]
#[post("/{round_id}/advance")]
pub async fn advance_entries(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<RoundId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(service::advance(&state.db, state.competitions, actor, meta, id.into_inner()).await?))
}

/// Withdraw an entry.
///
/// Its lead, before judging starts.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("entry_id" = Uuid, Path, description = "The entry's id")),
    responses((status = 200, body = EntryResponse), UpdateErrors, AuthErrors)
)]
#[post("/{entry_id}/withdraw")]
pub async fn withdraw_entry(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<EntryId>,
) -> ApiResult<HttpResponse> {
    let entry = service::withdraw_entry(&state.db, actor, meta, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(EntryResponse::from(entry)))
}

/// Get an entry's feedback.
///
/// After publication, the entry's team (and officers) read per-criterion means and judges'
/// comments; judges stay anonymous in blind rounds.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("entry_id" = Uuid, Path, description = "The entry's id")),
    responses((status = 200, body = Feedback), ReadErrors, AuthErrors)
)]
#[get("/{entry_id}/feedback")]
pub async fn get_feedback(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<EntryId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::feedback(&state.db, actor, id.into_inner()).await?))
}

/// Remove an assignment.
///
/// Officers and admins; one whose sheet is submitted needs `reason` and is audited.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(
        ("assignment_id" = Uuid, Path, description = "The assignment's id"),
        RemoveAssignmentQuery,
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "Remove only if the assignment is unchanged (its sheet's status included): the `ETag` of the answer that added it, or the tag of the assignment as `GET /api/v1/rounds/{round_id}/assignments` lists it (`W/\"` + the first 24 hex digits of the SHA-256 of its JSON + `\"`); 412 otherwise. `*` matches any version; without the header the change is unconditional.")
    ),
    responses((status = 204, description = "Removed"), DeleteErrors, AuthErrors, PreconditionErrors, (status = 422, description = "A reason is required", body = crate::problem::Problem, content_type = "application/problem+json"))
)]
#[delete("/{assignment_id}")]
pub async fn remove_assignment(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<AssignmentId>,
    ValidQuery(query): ValidQuery<RemoveAssignmentQuery>,
) -> ApiResult<HttpResponse> {
    service::remove_assignment(
        &state.db,
        actor,
        meta,
        id.into_inner(),
        query.reason,
        crate::extract::if_match(&req),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Get a score sheet.
///
/// The assigned judge, officers and admins. The `ETag` is the sheet's version.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("assignment_id" = Uuid, Path, description = "The assignment's id")),
    responses((status = 200, body = SheetResponse, headers(("ETag" = sonla_core::EntityTag, description = "The version"))), ReadErrors, AuthErrors)
)]
#[get("/{assignment_id}/sheet")]
pub async fn get_sheet(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<AssignmentId>,
) -> ApiResult<HttpResponse> {
    Ok(sheet_response(
        service::get_sheet(&state.db, actor, id.into_inner())
            .await?
            .into(),
    ))
}

/// Save a score sheet draft.
///
/// The assigned judge. Every criterion of the round, each within `[0, max_score]`. Once the
/// sheet exists, send its version (`If-Match` or `version`): a stale one gets 412, none 428.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(
        ("assignment_id" = Uuid, Path, description = "The assignment's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "The version read, as the ETag")
    ),
    request_body = SheetRequest,
    responses(
        (status = 200, body = SheetResponse),
        UpdateErrors,
        AuthErrors,
        (status = 412, description = "Stale version", body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 428, description = "No version sent", body = crate::problem::Problem, content_type = "application/problem+json")
    )
)]
#[put("/{assignment_id}/sheet")]
pub async fn save_sheet(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    id: Path<AssignmentId>,
    ValidJson(body): ValidJson<SheetRequest>,
) -> ApiResult<HttpResponse> {
    Ok(sheet_response(
        service::save_sheet(&state.db, actor, id.into_inner(), body, if_match(&req))
            .await?
            .into(),
    ))
}

/// Submit a score sheet.
///
/// The assigned judge; the sheet counts from now on and becomes read-only.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(
        ("assignment_id" = Uuid, Path, description = "The assignment's id"),
        ("If-Match" = Option<String>, Header, max_length = 1024, description = "The version read, as the ETag")
    ),
    responses((status = 200, body = SheetResponse), UpdateErrors, AuthErrors, (status = 412, description = "Stale version", body = crate::problem::Problem, content_type = "application/problem+json"))
)]
#[post("/{assignment_id}/sheet/submit")]
pub async fn submit_sheet(
    req: HttpRequest,
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<AssignmentId>,
) -> ApiResult<HttpResponse> {
    Ok(sheet_response(
        service::submit_sheet(&state.db, actor, meta, id.into_inner(), if_match(&req))
            .await?
            .into(),
    ))
}

/// Reopen a submitted sheet.
///
/// Officers and admins, with a reason; audited.
#[utoipa::path(
    tag = "judging",
    security(("bearer_jwt" = [])),
    params(("assignment_id" = Uuid, Path, description = "The assignment's id")),
    request_body = ReopenRequest,
    responses((status = 200, body = SheetResponse), UpdateErrors, AuthErrors)
)]
#[post("/{assignment_id}/sheet/reopen")]
pub async fn reopen_sheet(
    state: Data<AppState>,
    AuthUser(actor): AuthUser,
    Meta(meta): Meta,
    id: Path<AssignmentId>,
    ValidJson(body): ValidJson<ReopenRequest>,
) -> ApiResult<HttpResponse> {
    Ok(sheet_response(
        service::reopen_sheet(&state.db, actor, meta, id.into_inner(), body.reason)
            .await?
            .into(),
    ))
}
