//! The search across every public kind of record: ideas and organisations now, and each new
//! domain's kinds as they come (spaces, programmes, courses, events, news, documents, offers,
//! demands).
//!
//! A domain takes part by indexing its records with `sonla_db::search::index` and exporting a
//! [`sonla_db::search::Kind`] (`sonla_ideas::repo::SEARCH` is the example), which the API
//! lists in `api/src/routes/search.rs`. The kind's visibility condition is the one its own
//! list applies, so a record appears here to exactly the callers its list shows it to.
//!
//! Route → handler (`api/src/routes/search.rs`) → [`service`] → `sonla_db::search` → database.

pub mod api;
pub mod service;
