//! `/api/v1/search`: every public kind of record at once.
//!
//! The kinds searched are listed here; a new domain adds its `SEARCH` kind to [`KINDS`] and a
//! variant to `sonla_search::api::SearchKind`.

use actix_web::web::Data;
use actix_web::{HttpResponse, get};
use sonla_core::Page;
use sonla_db::search::Kind;
use sonla_search::api::{SearchHitResponse, SearchQuery};
use sonla_search::service;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::auth::OptionalAuthUser;
use crate::extract::ValidQuery;
use crate::problem::{ApiResult, AuthErrors, ListErrors};

/// The kinds the search covers, each with the visibility of its own list.
static KINDS: [Kind; 2] = [sonla_ideas::repo::SEARCH, sonla_organizations::repo::SEARCH];

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(search_everything);
}

/// Search everything.
///
/// Ideas and organisations matching `q`, one list with each hit's kind, id, title, an excerpt
/// and its link. A record appears only to the callers its own list shows it to: a private idea
/// to its team and staff, a members-only one to signed-in users. `relevance` (the default)
/// lists records with every word in the title first, then the others, each group newest
/// first; `newest` lists them all newest first. Page with `cursor`.
#[utoipa::path(
    tag = "search",
    security((), ("bearer_jwt" = [])),
    params(SearchQuery),
    responses((status = 200, body = Page<SearchHitResponse>), ListErrors, AuthErrors)
)]
#[get("")]
pub async fn search_everything(
    state: Data<AppState>,
    OptionalAuthUser(actor): OptionalAuthUser,
    ValidQuery(query): ValidQuery<SearchQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::search(&state.db, actor, &KINDS, query).await?;
    Ok(HttpResponse::Ok().json(page.map(SearchHitResponse::from)))
}
