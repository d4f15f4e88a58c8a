//! The search index shared by every domain.
//!
//! Each searchable record stores its folded words in `search_tokens` (see
//! [`sonla_core::text`]). A query word matches every indexed word it is a prefix of, through a
//! range scan on the `(kind, token)` primary key, so a search is served by an index on both
//! backends and gives the same answer on both.

use diesel::prelude::*;
use sonla_core::text;

use crate::DbConnection;
use crate::schema::search_tokens;

/// The most query words honoured; later words are ignored.
pub const MAX_QUERY_TERMS: usize = 8;

/// Replaces the indexed words of one record with the words of `texts`, all of weight 1.
pub fn index(
    conn: &mut DbConnection,
    kind: &'static str,
    record_id: &str,
    texts: &[&str],
) -> QueryResult<()> {
    let weighted: Vec<(&str, i32)> = texts.iter().map(|t| (*t, 1)).collect();
    index_weighted(conn, kind, record_id, &weighted)
}

/// Replaces the indexed words of one record; a word keeps the highest weight of the texts it
/// appears in (a title word outranks a description word when results are ranked).
pub fn index_weighted(
    conn: &mut DbConnection,
    kind: &'static str,
    record_id: &str,
    texts: &[(&str, i32)],
) -> QueryResult<()> {
    remove(conn, kind, record_id)?;
    let words = weighted_words(texts);
    let rows: Vec<_> = words
        .iter()
        .map(|(token, weight)| {
            (
                search_tokens::kind.eq(kind),
                search_tokens::token.eq(token),
                search_tokens::record_id.eq(record_id),
                search_tokens::weight.eq(weight),
            )
        })
        .collect();
    crate::insert_batches!(conn, search_tokens::table, &rows, 4).map(|_| ())
}

/// The words of one record, made ahead of a bulk load ([`index_many`]).
#[derive(Debug, Clone)]
pub struct Indexed {
    /// The index kind (`idea`, `user`, `organization`).
    pub kind: &'static str,
    /// The record.
    pub record_id: String,
    /// Its folded words and their weights ([`weighted_words`]).
    pub words: Vec<(String, i32)>,
}

impl Indexed {
    /// The words of `texts` with their weights, as [`index_weighted`] would store them.
    #[must_use]
    pub fn weighted(kind: &'static str, record_id: &str, texts: &[(&str, i32)]) -> Self {
        Self {
            kind,
            record_id: record_id.to_owned(),
            words: weighted_words(texts),
        }
    }

    /// The words of `texts`, all of weight 1, as [`index`] would store them.
    #[must_use]
    pub fn plain(kind: &'static str, record_id: &str, texts: &[&str]) -> Self {
        let weighted: Vec<(&str, i32)> = texts.iter().map(|t| (*t, 1)).collect();
        Self::weighted(kind, record_id, &weighted)
    }
}

/// Indexes records that have no words yet (a bulk load), in as few statements as the
/// backends allow; returns how many rows it wrote. The rows go in key order, so a batch fills
/// neighbouring pages of the `(kind, token)` key.
pub fn index_many<'a>(
    conn: &mut DbConnection,
    records: impl IntoIterator<Item = &'a Indexed>,
) -> QueryResult<usize> {
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
    crate::insert_batches!(conn, search_tokens::table, &rows, 4)
}

/// The distinct folded words of `texts`, in first-seen order, each with the highest weight of
/// the texts it appears in: the rows [`index_weighted`] stores (bulk loaders use it too).
#[must_use]
pub fn weighted_words(texts: &[(&str, i32)]) -> Vec<(String, i32)> {
    let mut words: Vec<(String, i32)> = Vec::new();
    for (text, weight) in texts {
        for word in text::tokens(text) {
            match words.iter_mut().find(|(w, _)| *w == word) {
                Some((_, best)) => *best = (*best).max(*weight),
                None => words.push((word, *weight)),
            }
        }
    }
    words
}

/// Removes a record from the index.
pub fn remove(conn: &mut DbConnection, kind: &'static str, record_id: &str) -> QueryResult<()> {
    diesel::delete(
        search_tokens::table
            .filter(search_tokens::kind.eq(kind))
            .filter(search_tokens::record_id.eq(record_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// The folded query words of `q`, at most [`MAX_QUERY_TERMS`].
#[must_use]
pub fn query_terms(q: &str) -> Vec<String> {
    let mut terms = text::tokens(q);
    terms.truncate(MAX_QUERY_TERMS);
    terms
}

/// Each query word with whether it matches as a prefix: every word must match a whole indexed
/// word, and the last one also the start of a longer one, for type-ahead ("nong s" finds
/// "nông sản").
pub fn term_matches(terms: &[String]) -> impl Iterator<Item = (&str, bool)> {
    let last = terms.len().saturating_sub(1);
    terms
        .iter()
        .enumerate()
        .map(move |(i, term)| (term.as_str(), i == last))
}

/// The ids of records of `kind` with an indexed word starting with `term`; use with `eq_any`.
#[must_use]
pub fn ids_matching(kind: &'static str, term: &str) -> ids_between {
    ids_between(kind, term.to_owned(), text::prefix_upper_bound(term))
}

/// The ids of records of `kind` with the indexed word `term` itself; use with `eq_any`.
#[diesel::dsl::auto_type]
#[must_use]
pub fn ids_with_word(kind: &'static str, term: String) -> _ {
    search_tokens::table
        .select(search_tokens::record_id)
        .filter(search_tokens::kind.eq(kind))
        .filter(search_tokens::token.eq(term))
}

/// The ids of records of `kind` with an indexed word in `[low, high)`.
#[diesel::dsl::auto_type]
#[must_use]
pub fn ids_between(kind: &'static str, low: String, high: String) -> _ {
    search_tokens::table
        .select(search_tokens::record_id)
        .filter(search_tokens::kind.eq(kind))
        .filter(search_tokens::token.ge(low))
        .filter(search_tokens::token.lt(high))
}
