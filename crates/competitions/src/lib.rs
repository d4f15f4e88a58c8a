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
