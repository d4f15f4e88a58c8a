//! Which methods each path of the API accepts, built from the OpenAPI document, so a known
//! path asked with another method answers 405 rather than 404 (the default service and the
//! path extractor's errors consult it).

use std::collections::BTreeSet;

use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use sonla_core::ErrorCode;
use utoipa::openapi::path::PathItem;

use crate::problem::ApiError;

/// Which methods each path of the API accepts, to answer 405 rather than 404.
///
/// actix registers one resource per handler, so a known path with another method falls
/// through to the default service; this table tells the two cases apart.
#[derive(Debug, Clone)]
pub struct RouteTable {
    routes: Vec<(Vec<String>, BTreeSet<&'static str>)>,
}

impl RouteTable {
    /// Builds the table from the paths of the document.
    #[must_use]
    pub fn from_spec(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| (segments(path).map(str::to_owned).collect(), methods(item)))
            .collect();
        Self { routes }
    }

    /// The methods of the most specific route matching `path`: a literal segment beats a
    /// parameter at the first place they differ (`/ideas/count` beats `/ideas/{idea_id}`).
    #[must_use]
    pub fn methods_of_most_specific(&self, path: &str) -> Option<Vec<&'static str>> {
        let wanted: Vec<&str> = segments(path).collect();
        self.routes
            .iter()
            .filter(|(template, _)| matches(template, &wanted))
            .max_by_key(|(template, _)| {
                template
                    .iter()
                    .map(|t| !t.starts_with('{'))
                    .collect::<Vec<bool>>()
            })
            .map(|(_, methods)| methods.iter().copied().collect())
    }
}

/// Whether a route template matches the segments of a path.
fn matches(template: &[String], wanted: &[&str]) -> bool {
    template.len() == wanted.len()
        && template
            .iter()
            .zip(wanted)
            .all(|(t, w)| t == w || (!w.is_empty() && t.starts_with('{') && t.ends_with('}')))
}

/// Path segments; a trailing slash makes a last, empty segment, as it does for actix's router.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.strip_prefix('/').unwrap_or(path).split('/')
}

fn methods(item: &PathItem) -> BTreeSet<&'static str> {
    [
        ("GET", item.get.is_some()),
        ("POST", item.post.is_some()),
        ("PUT", item.put.is_some()),
        ("PATCH", item.patch.is_some()),
        ("DELETE", item.delete.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, present)| present.then_some(name))
    .collect()
}

/// The default service: 405 for a known path with another method, 404 otherwise.
pub async fn fallback(req: HttpRequest, table: Data<RouteTable>) -> Result<HttpResponse, ApiError> {
    match table.methods_of_most_specific(req.path()) {
        Some(methods) if !methods.contains(&req.method().as_str()) => {
            Err(ApiError::method_not_allowed(methods.join(", ")))
        }
        // The method is served there too, so the path itself is not (`/x/` for `/x`).
        _ => Err(ApiError::new(ErrorCode::NotFound)),
    }
}

#[cfg(test)]
mod tests {
    use super::RouteTable;
    use crate::openapi::spec;

    #[test]
    fn route_table_knows_methods_by_template() {
        let table = RouteTable::from_spec(&spec());
        let methods = |path| table.methods_of_most_specific(path);
        assert_eq!(methods("/api/v1/organizations"), Some(vec!["GET", "POST"]));
        assert_eq!(methods("/api/v1/organizations/"), None);
        assert_eq!(
            methods("/api/v1/organizations/abc"),
            Some(vec!["DELETE", "GET", "PATCH"])
        );
        assert_eq!(methods("/api/v1/nothing"), None);
        assert_eq!(
            table.methods_of_most_specific("/api/v1/ideas/count"),
            Some(vec!["GET"])
        );
        assert_eq!(
            table.methods_of_most_specific("/api/v1/ideas/abc/history"),
            Some(vec!["GET"])
        );
        assert_eq!(
            table.methods_of_most_specific("/api/v1/ideas/abc/submit"),
            Some(vec!["POST"])
        );
    }
}
