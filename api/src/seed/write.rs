//! Bulk writes: multi-row `INSERT`s of the domain crates' own row types.
//!
//! The multi-backend connection has no multi-row insert, so each batch names its backend, as
//! `sonla_db::search::index_weighted` does. Batches stay under SQLite's 32,766 bound
//! parameters (PostgreSQL allows 65,535). SQLite runs a batch whose rows have `DEFAULT`
//! columns (`Option` fields) as one statement per row, still inside the caller's transaction.

use diesel::prelude::*;
use sonla_db::DbConnection;
use sonla_db::schema::search_tokens;

/// Bound parameters per statement, under SQLite's limit.
pub const PARAMETERS: usize = 32_000;

/// Inserts `rows` (a slice of `Insertable` values with `columns` columns) in batches.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let per_batch = ($crate::seed::write::PARAMETERS / $columns).max(1);
        for chunk in $rows.chunks(per_batch) {
            match &mut *$conn {
                sonla_db::DbConnection::Pg(c) => {
                    diesel::RunQueryDsl::execute(diesel::insert_into($table).values(chunk), c)?
                }
                sonla_db::DbConnection::Sqlite(c) => {
                    diesel::RunQueryDsl::execute(diesel::insert_into($table).values(chunk), c)?
                }
            };
        }
    }};
}

pub(crate) use insert_rows;

/// Words of one record for the shared search index.
pub struct Indexed {
    /// The index kind (`idea`, `user`, `organization`).
    pub kind: &'static str,
    /// The record.
    pub record_id: String,
    /// Its folded words and their weights, from `sonla_db::search::weighted_words`.
    pub words: Vec<(String, i32)>,
}

impl Indexed {
    /// The words of `texts` (with weights) for `record_id`, folded as the application folds.
    #[must_use]
    pub fn weighted(kind: &'static str, record_id: &str, texts: &[(&str, i32)]) -> Self {
        Self {
            kind,
            record_id: record_id.to_owned(),
            words: sonla_db::search::weighted_words(texts),
        }
    }

    /// The words of `texts`, all of weight 1 (`sonla_db::search::index`).
    #[must_use]
    pub fn plain(kind: &'static str, record_id: &str, texts: &[&str]) -> Self {
        let weighted: Vec<(&str, i32)> = texts.iter().map(|t| (*t, 1)).collect();
        Self::weighted(kind, record_id, &weighted)
    }
}

/// Writes the index rows of `records`; returns how many.
pub fn index<'a>(
    conn: &mut DbConnection,
    records: impl IntoIterator<Item = &'a Indexed>,
) -> QueryResult<usize> {
    // In key order, so a batch fills neighbouring pages of the `(kind, token)` key.
    let mut words: Vec<(&str, &str, &str, i32)> = records
        .into_iter()
        .flat_map(|r| {
            r.words
                .iter()
                .map(move |(token, weight)| (r.kind, token.as_str(), r.record_id.as_str(), *weight))
        })
        .collect();
    words.sort_unstable();
    let rows: Vec<_> = words
        .iter()
        .map(|(kind, token, record_id, weight)| {
            (
                search_tokens::kind.eq(*kind),
                search_tokens::token.eq(*token),
                search_tokens::record_id.eq(*record_id),
                search_tokens::weight.eq(*weight),
            )
        })
        .collect();
    insert_rows!(conn, search_tokens::table, rows, 4);
    Ok(rows.len())
}
