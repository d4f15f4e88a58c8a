//! Accounts and everything that proves who a caller is: registration, login sessions with
//! rotating refresh tokens, passwords, global roles, API keys for machine clients, and login
//! throttling.
//!
//! Access tokens (JWTs) are minted and verified in the API layer (`api/src/auth.rs`); this
//! crate hands it the verified facts: who logged in, with which roles, in which session.

pub mod api;
pub mod api_keys;
pub mod error;
pub mod model;
pub mod password;
pub mod repo;
pub mod secret;
pub mod service;
pub mod throttle;

pub use error::AccountError;
pub use model::User;
