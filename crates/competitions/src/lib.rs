//! Idea competitions (plan items 1.2a, IV.6–7): rounds with criteria, judges and their
//! conflicts of interest, assignment, score sheets, leaderboards, advancing, publication and
//! awards.
//!
//! The scoring rules of DESIGN.md §6 are pure functions in [`scoring`]; assignment is a pure
//! function in [`assign`]. Route (`api/src/routes/competitions.rs`) → [`service`] → [`repo`].

pub mod api;
pub mod assign;
pub mod error;
pub mod model;
pub mod repo;
pub mod scoring;
pub mod service;

pub use error::CompetitionError;

/// Sizes of a competition's collections. Each is checked under a lock when a record is added
/// (409 `limit_reached`), so no list the API returns whole can grow without bound, and each
/// is the `maxItems` of the lists that return the collection.
pub mod limits {
    /// Rounds of one competition.
    pub const ROUNDS: i64 = 10;
    /// Entries of one competition (and so rows of a leaderboard).
    pub const ENTRIES: i64 = 10_000;
    /// Judges of one competition.
    pub const JUDGES: i64 = 1_000;
    /// Declared conflicts of one competition.
    pub const CONFLICTS: i64 = 10_000;
    /// Awards of one competition.
    pub const AWARDS: i64 = 100;
    /// Judges of one entry in one round (the largest `judges_per_entry`).
    pub const JUDGES_PER_ENTRY: i64 = 50;
}
