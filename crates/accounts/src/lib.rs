//! User accounts, password hashing and global roles.
//!
//! The foundation needs only what `api create-admin` does; the accounts issue adds
//! registration, login, tokens and role management on top of these tables.

pub mod error;
pub mod model;
pub mod password;
pub mod repo;
pub mod service;

pub use error::AccountError;
pub use model::{Role, User};
