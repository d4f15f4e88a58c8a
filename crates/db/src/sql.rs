//! A raw SQL statement built piece by piece, with its binds, for the few queries the query
//! builder cannot say on both backends (search, keyset pages over computed orders).
//!
//! Placeholders are numbered: `$1`, `$2`, … on PostgreSQL and `?1`, `?2`, … on SQLite (which
//! numbers `$1`-style names by first appearance instead), so binds may be added in any order
//! the text needs.

use chrono::NaiveDateTime;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Bool, Integer, Text, Timestamp};

use crate::{Backend, MultiBackend};

/// One bound value.
#[derive(Debug, Clone)]
pub enum Bind {
    /// `TEXT`.
    Text(String),
    /// `INTEGER`.
    Int(i32),
    /// `BIGINT`.
    BigInt(i64),
    /// `TIMESTAMP`.
    Time(NaiveDateTime),
    /// `BOOLEAN`.
    Bool(bool),
}

/// The text of a statement and its binds, in placeholder order.
#[derive(Debug)]
pub struct Sql {
    backend: Backend,
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    /// An empty statement for `backend`.
    #[must_use]
    pub const fn new(backend: Backend) -> Self {
        Self {
            backend,
            text: String::new(),
            binds: Vec::new(),
        }
    }

    /// The backend the statement is for.
    #[must_use]
    pub const fn backend(&self) -> Backend {
        self.backend
    }

    /// Adds a bind and returns its placeholder.
    pub fn bind(&mut self, value: Bind) -> String {
        self.binds.push(value);
        match self.backend {
            Backend::Postgres => format!("${}", self.binds.len()),
            Backend::Sqlite => format!("?{}", self.binds.len()),
        }
    }

    /// A text bind's placeholder.
    pub fn text(&mut self, value: impl Into<String>) -> String {
        self.bind(Bind::Text(value.into()))
    }

    /// Appends SQL text.
    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends `conditions` as a `WHERE` clause (nothing when there are none).
    pub fn push_where(&mut self, conditions: &[String]) {
        if !conditions.is_empty() {
            self.push(" WHERE ");
            self.push(&conditions.join(" AND "));
        }
    }

    /// The statement, ready to load.
    pub fn query(self) -> BoxedSqlQuery<'static, MultiBackend, SqlQuery> {
        self.prefixed("")
    }

    /// The statement's plan, as the backend explains it (`EXPLAIN QUERY PLAN` on SQLite,
    /// whose rows have a `detail` column; `EXPLAIN` on PostgreSQL, a `QUERY PLAN` column).
    pub fn explain(self) -> BoxedSqlQuery<'static, MultiBackend, SqlQuery> {
        match self.backend {
            Backend::Sqlite => self.prefixed("EXPLAIN QUERY PLAN "),
            Backend::Postgres => self.prefixed("EXPLAIN "),
        }
    }

    fn prefixed(self, prefix: &str) -> BoxedSqlQuery<'static, MultiBackend, SqlQuery> {
        let mut query =
            diesel::sql_query(format!("{prefix}{}", self.text)).into_boxed::<MultiBackend>();
        for bind in self.binds {
            query = match bind {
                Bind::Text(v) => query.bind::<Text, _>(v),
                Bind::Int(v) => query.bind::<Integer, _>(v),
                Bind::BigInt(v) => query.bind::<BigInt, _>(v),
                Bind::Time(v) => query.bind::<Timestamp, _>(v),
                Bind::Bool(v) => query.bind::<Bool, _>(v),
            };
        }
        query
    }
}
