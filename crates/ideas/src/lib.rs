//! Startup ideas and projects (plan item 1.2a): the heart of the data that competitions,
//! incubators, funds and mentors point at.
//!
//! Route (`api/src/routes/ideas.rs`) → [`service`] → [`repo`] → database. The workflow is a
//! pure state machine in [`workflow`]; who may see what is decided in [`access`].

pub mod access;
pub mod api;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
pub mod workflow;

pub use error::IdeaError;

/// Sizes of an idea's collections, checked under a lock when a record is added (409
/// `limit_reached`) and documented as `maxItems` of the lists that return them whole.
pub mod limits {
    /// People in one idea's team.
    pub const TEAM: i64 = 20;
    /// Status changes of one idea (its history).
    pub const HISTORY: i64 = 1_000;
}
