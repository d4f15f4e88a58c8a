//! `/api/v1/reference`: fixed lists clients show in forms.

use actix_web::{HttpRequest, HttpResponse, get};
use sonla_core::Lang;
use sonla_ideas::api::{Sector, SectorResponse};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::problem::{ServerErrors, request_lang};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_sectors);
}

/// List the sectors of ideas.
///
/// Names follow `Accept-Language`.
#[utoipa::path(tag = "reference", responses((status = 200, body = sonla_ideas::api::SectorList), ServerErrors))]
#[get("/sectors")]
pub async fn list_sectors(req: HttpRequest) -> HttpResponse {
    let lang = request_lang(&req);
    let sectors: Vec<SectorResponse> = Sector::ALL
        .iter()
        .map(|s| {
            let (vi, en) = s.names();
            SectorResponse {
                code: *s,
                name: if lang == Lang::En { en } else { vi }.to_owned(),
            }
        })
        .collect();
    HttpResponse::Ok().json(sectors)
}
