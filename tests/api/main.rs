//! End-to-end tests: each test starts the real HTTP app on a random port with a fresh
//! database (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set).

mod api_keys;
mod audit;
mod auth;
mod competitions;
mod concurrency;
mod error_codes;
mod errors;
mod health;
mod hostile_inputs;
mod http_cache;
mod ideas;
mod ideas_lists;
mod idempotency;
mod if_match;
mod limits;
mod members;
mod migrations;
mod openapi;
mod organizations;
mod rate_limits;
mod role_matrix;
mod search;
mod seed;
mod throttle;
mod tokens;
mod users;
