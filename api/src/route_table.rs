//! Which methods each path of the API accepts, and which need credentials, built from the
//! OpenAPI document: a known path asked with another method answers 405 rather than 404 (the
//! default service and the path extractor's errors consult it), and a request without
//! credentials to an operation that needs them is refused before anything else looks at it
//! (the idempotency middleware).

use std::collections::BTreeSet;

use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use sonla_core::ErrorCode;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::SecurityRequirement;

use crate::problem::ApiError;

/// Which methods each path of the API accepts, to answer 405 rather than 404.
///
/// actix registers one resource per handler, so a known path with another method falls
/// through to the default service; this table tells the two cases apart.
#[derive(Debug, Clone)]
pub struct RouteTable {
    routes: Vec<Route>,
}

#[derive(Debug, Clone)]
struct Route {
    template: Vec<String>,
    methods: BTreeSet<&'static str>,
    /// The methods whose operation needs credentials (its `security` has no empty entry).
    signed_in: BTreeSet<&'static str>,
}

impl RouteTable {
    /// Builds the table from the paths of the document.
    #[must_use]
    pub fn from_spec(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let operations = operations(item);
                Route {
                    template: segments(path).map(str::to_owned).collect(),
                    methods: operations.iter().map(|(method, _)| *method).collect(),
                    signed_in: operations
                        .iter()
                        .filter(|(_, op)| {
                            op.security.as_ref().is_some_and(|all| {
                                !all.is_empty() && !all.contains(&SecurityRequirement::default())
                            })
                        })
                        .map(|(method, _)| *method)
                        .collect(),
                }
            })
            .collect();
        Self { routes }
    }

    /// The most specific route matching `path`: a literal segment beats a parameter at the
    /// first place they differ (`/ideas/count` beats `/ideas/{idea_id}`).
    fn most_specific(&self, path: &str) -> Option<&Route> {
        let wanted: Vec<&str> = segments(path).collect();
        self.routes
            .iter()
            .filter(|route| matches(&route.template, &wanted))
            .max_by_key(|route| {
                route
                    .template
                    .iter()
                    .map(|t| !t.starts_with('{'))
                    .collect::<Vec<bool>>()
            })
    }

    /// The methods of the most specific route matching `path`.
    #[must_use]
    pub fn methods_of_most_specific(&self, path: &str) -> Option<Vec<&'static str>> {
        self.most_specific(path)
            .map(|route| route.methods.iter().copied().collect())
    }

    /// Whether the operation of `method` on `path` needs credentials.
    #[must_use]
    pub fn needs_credentials(&self, method: &str, path: &str) -> bool {
        self.most_specific(path)
            .is_some_and(|route| route.signed_in.contains(method))
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

fn operations(item: &PathItem) -> Vec<(&'static str, &Operation)> {
    [
        ("GET", item.get.as_ref()),
        ("POST", item.post.as_ref()),
        ("PUT", item.put.as_ref()),
        ("PATCH", item.patch.as_ref()),
        ("DELETE", item.delete.as_ref()),
    ]
    .into_iter()
    .filter_map(|(name, operation)| Some((name, operation?)))
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

    #[test]
    fn route_table_knows_which_operations_need_credentials() {
        let table = RouteTable::from_spec(&spec());
        assert!(table.needs_credentials("POST", "/api/v1/ideas"));
        assert!(table.needs_credentials("POST", "/api/v1/ideas/abc/submit"));
        assert!(!table.needs_credentials("POST", "/api/v1/auth/register"));
        // Public reads take an optional token.
        assert!(!table.needs_credentials("GET", "/api/v1/ideas"));
        assert!(!table.needs_credentials("POST", "/api/v1/nothing"));
    }
}
