//! Descriptions of the problem types that `type` in an error body points at.

use actix_web::web::Path;
use actix_web::{HttpRequest, HttpResponse, get};
use serde::Serialize;
use sonla_core::ErrorCode;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::problem::{ApiError, ApiResult, ReadErrors, ServerErrors, request_lang};

pub(crate) fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_problem_types).service(get_problem_type);
}

/// A kind of error the API returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemType {
    /// The stable code.
    #[schema(value_type = crate::problem::ProblemCode, example = "organization_not_found")]
    pub code: String,
    /// The HTTP status it comes with.
    #[schema(minimum = 400, maximum = 599, format = Int32)]
    pub status: u16,
    /// Its title in the response's language.
    #[schema(max_length = 200)]
    pub title: String,
}

fn describe(code: ErrorCode, req: &HttpRequest) -> ProblemType {
    ProblemType {
        code: code.as_str().to_owned(),
        status: code.status(),
        title: code.title(request_lang(req)).to_owned(),
    }
}

/// List every problem type.
///
/// Public: each `code` a problem document can carry, with its HTTP status and title in the
/// language of `Accept-Language`.
#[utoipa::path(tag = "operations", responses((status = 200, body = ProblemTypeList), ServerErrors))]
#[get("")]
pub async fn list_problem_types(req: HttpRequest) -> HttpResponse {
    HttpResponse::Ok().json(
        ErrorCode::ALL
            .iter()
            .map(|c| describe(*c, &req))
            .collect::<Vec<_>>(),
    )
}

/// Describe one problem type.
///
/// Public: where a problem's `type` (`/problems/{code}`) points; 404 for an unknown code.
#[utoipa::path(
    tag = "operations",
    params(("code" = String, Path, max_length = 64, description = "A problem's `code`")),
    responses((status = 200, body = ProblemType), ReadErrors)
)]
#[get("/{code}")]
pub async fn get_problem_type(req: HttpRequest, code: Path<String>) -> ApiResult<HttpResponse> {
    let code = ErrorCode::from_code(&code).ok_or(ApiError::new(ErrorCode::ProblemTypeNotFound))?;
    Ok(HttpResponse::Ok().json(describe(code, &req)))
}

/// Every problem type (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 100)]
pub struct ProblemTypeList(pub Vec<ProblemType>);
