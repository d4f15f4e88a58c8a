//! The request head: at most [`MAX_HEADER_BYTES`] of headers and [`MAX_HEADERS`] of them, or
//! 431 `headers_too_large` as a problem document like every other error.
//!
//! actix-http refuses a head over 32 KiB, or with more than 96 headers, in its HTTP/1 parser,
//! before any middleware runs, with a 431 that has no body. These limits sit below those, so a
//! client meets the bare 431 only far past the documented ones.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use sonla_core::{ErrorCode, Localized};

use crate::problem::{ApiError, request_lang};

/// The most bytes of header names and values a request may carry.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most header lines a request may carry.
pub const MAX_HEADERS: usize = 64;

/// Middleware; see the module documentation.
pub async fn limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let headers = req.headers();
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES {
        let error = ApiError::new(ErrorCode::HeadersTooLarge).with_detail(Localized::new(
            format!(
                "Tối đa {MAX_HEADERS} dòng tiêu đề, tổng cộng {MAX_HEADER_BYTES} byte; yêu cầu này có {} dòng, {bytes} byte",
                headers.len()
            ),
            format!(
                "At most {MAX_HEADERS} header lines and {MAX_HEADER_BYTES} bytes of them; this request has {} lines, {bytes} bytes",
                headers.len()
            ),
        ));
        let response = error.to_response(request_lang(req.request()), Some(req.path()));
        return Ok(req.into_response(response));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
