//! Organisations: universities, colleges, schools, startup clubs, businesses, cooperatives,
//! incubators, funds, agencies and associations of Sơn La.
//!
//! Route → handler (`api/src/routes/organizations.rs`) → [`service`] → [`repo`] → database.

pub mod api;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;

pub use error::OrganizationError;
