//! Full-text search shared by every domain, on each database's own engine.
//!
//! A searchable record is a *document* of a kind (`idea`, `organization`, `user`, …) with two
//! fields: its title and the rest. Both hold the record's words as the application folds them
//! ([`sonla_core::text::tokens`]: no diacritics, `đ` → `d`, lower case), so the engines never
//! tokenise Vietnamese themselves and find the same records:
//!
//! - **SQLite**: `search_documents (doc, kind, record_id)` numbers the documents, and the
//!   contentless FTS5 table `search_fts (title, body)` holds their words under that number,
//!   split by the `ascii` tokenizer, which splits only at the spaces between our words.
//! - **PostgreSQL**: `search_documents (doc, kind, record_id, words)`, where `words` is a
//!   `tsvector` written lexeme by lexeme (title words weighted `A`), with a GIN index; no text
//!   parser runs.
//!
//! A query ([`Query`]) is the folded words of `q`: every word must match a whole word of the
//! document, the last one also the start of a longer one (type-ahead). Each word reaches the
//! engine quoted, as a single term, so query syntax (`"`, `*`, `NEAR`, `OR`, `!`, `:`, …) is
//! only ever text. Documents are numbered in the order they are first indexed, which is the
//! order their records were created; a match is read in that number's order, newest first,
//! so a page stops after its rows however many records match ([`matching`]).
//!
//! A domain indexes a record in the transaction that writes it ([`index`], [`remove`]),
//! filters its list by a match ([`matching`] for raw SQL, [`filter`] for the query builder),
//! and registers a [`Kind`] for the search across every kind ([`everything`]).

mod everything;
mod index;

pub use everything::{EXCERPT_CHARS, Hit, Kind, Texts, everything};
pub use index::{Document, document_count, index, index_many, remove};

use diesel::expression::BoxableExpression;
use diesel::sql_types::{Bool, Text};
use sonla_core::text;

use crate::sql::Sql;
use crate::{Backend, MultiBackend};

/// The most words of a query honoured; later words are ignored.
pub const MAX_QUERY_WORDS: usize = 8;

/// The folded words of a search, at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The words of `q`, at most [`MAX_QUERY_WORDS`]; `None` when it has none (punctuation or
    /// space alone), which callers refuse rather than match everything.
    #[must_use]
    pub fn parse(q: &str) -> Option<Self> {
        let mut words = text::tokens(q);
        words.truncate(MAX_QUERY_WORDS);
        (!words.is_empty()).then_some(Self { words })
    }

    /// The words, in the order given.
    #[must_use]
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The FTS5 query of a scope: each word a quoted string (its characters are letters and
    /// digits only), the last with `*`.
    fn fts5(&self, scope: Scope) -> String {
        let last = self.words.len() - 1;
        let all = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ");
        match scope {
            Scope::Anywhere => all,
            Scope::Title => format!("title : ({all})"),
            Scope::Elsewhere => format!("({all}) NOT title : ({all})"),
        }
    }

    /// The `tsquery` of a scope, written lexeme by lexeme (no parser runs on it).
    fn tsquery(&self, scope: Scope) -> String {
        let last = self.words.len() - 1;
        let words = |weight: &str| {
            self.words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let prefix = if i == last { "*" } else { "" };
                    if prefix.is_empty() && weight.is_empty() {
                        format!("'{w}'")
                    } else {
                        format!("'{w}':{prefix}{weight}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" & ")
        };
        match scope {
            Scope::Anywhere => words(""),
            Scope::Title => words("A"),
            Scope::Elsewhere => format!("{} & !({})", words(""), words("A")),
        }
    }
}

/// Where the words of a query must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every word in the title.
    Title,
    /// Every word somewhere, but not every word in the title (the second tier of relevance).
    Elsewhere,
    /// Every word somewhere.
    Anywhere,
}

/// The orders of a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    /// Records with every word in the title first, then the others; each tier newest first.
    Relevance,
    /// Newest first.
    Newest,
}

/// Where a record is in a search's order: its tier (0: every word in the title, 1: the
/// others; always 0 in `newest` order) and its document number. Cursors hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The tier.
    pub tier: u8,
    /// The document number.
    pub doc: i64,
}

/// Reads up to `limit` rows in `rank` order after `after`: `read(scope, before, n)` reads
/// at most `n` rows of a scope, newest first, with document numbers below `before`, and
/// returns each with its document number. Relevance reads the title tier, then the rest
/// only if the page is not full, so no read sorts more than it returns.
pub fn read_page<T>(
    rank: Rank,
    after: Option<Position>,
    limit: i64,
    mut read: impl FnMut(Scope, Option<i64>, i64) -> diesel::QueryResult<Vec<(i64, T)>>,
) -> diesel::QueryResult<Vec<(Position, T)>> {
    let tiers: &[Scope] = match rank {
        Rank::Relevance => &[Scope::Title, Scope::Elsewhere],
        Rank::Newest => &[Scope::Anywhere],
    };
    let mut out = Vec::new();
    for (tier, scope) in (0u8..).zip(tiers) {
        let before = match after {
            Some(a) if a.tier > tier => continue,
            Some(a) if a.tier == tier => Some(a.doc),
            _ => None,
        };
        let room = limit - i64::try_from(out.len()).unwrap_or(i64::MAX);
        if room <= 0 {
            break;
        }
        out.extend(
            read(*scope, before, room)?
                .into_iter()
                .map(|(doc, row)| (Position { tier, doc }, row)),
        );
    }
    Ok(out)
}

/// A match in raw SQL: `SELECT … FROM {from} CROSS JOIN <records> r WHERE {condition} AND
/// r.id = {record_id} … ORDER BY {doc} DESC LIMIT n` reads the matching records newest
/// first and stops at the page. Keyset pages continue with `{doc} < $after`.
#[derive(Debug, Clone)]
pub struct Match {
    /// The engine's tables (`CROSS JOIN` keeps SQLite from reordering them).
    pub from: &'static str,
    /// The match, with its binds already in the statement.
    pub condition: String,
    /// The document number to order and page by (the FTS5 `rowid` on SQLite, which the engine
    /// returns in order; `d.doc` on PostgreSQL).
    pub doc: &'static str,
    /// The matching record's id.
    pub record_id: &'static str,
}

/// The match of `query` within `scope` among documents of `kinds`.
#[must_use]
pub fn matching(sql: &mut Sql, kinds: &[&str], query: &Query, scope: Scope) -> Match {
    let kinds = kinds
        .iter()
        .map(|k| sql.text(*k))
        .collect::<Vec<_>>()
        .join(", ");
    match sql.backend() {
        Backend::Sqlite => {
            let q = sql.text(query.fts5(scope));
            Match {
                from: "search_fts f CROSS JOIN search_documents d",
                condition: format!(
                    "f.search_fts MATCH {q} AND d.doc = f.rowid AND d.kind IN ({kinds})"
                ),
                doc: "f.rowid",
                record_id: "d.record_id",
            }
        }
        Backend::Postgres => {
            let q = sql.text(query.tsquery(scope));
            Match {
                from: "search_documents d",
                condition: format!("d.kind IN ({kinds}) AND d.words @@ CAST({q} AS tsquery)"),
                doc: "d.doc",
                record_id: "d.record_id",
            }
        }
    }
}

/// A query-builder filter: `column` (a record id column, as SQL) is the id of a record of
/// `kind` matching `query` anywhere. For lists that keep their own order over a few
/// thousand records (organisations, users); large lists page through [`matching`] instead.
#[must_use]
pub fn filter<QS: 'static>(
    backend: Backend,
    column: &'static str,
    kind: &'static str,
    query: &Query,
) -> Box<dyn BoxableExpression<QS, MultiBackend, SqlType = Bool>> {
    use diesel::dsl::sql;
    let (inner, q) = match backend {
        Backend::Sqlite => (
            " AND d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ",
            query.fts5(Scope::Anywhere),
        ),
        Backend::Postgres => (" AND d.words @@ CAST(", query.tsquery(Scope::Anywhere)),
    };
    let close = match backend {
        Backend::Sqlite => "))",
        Backend::Postgres => " AS tsquery))",
    };
    Box::new(
        sql::<Bool>(&format!(
            "{column} IN (SELECT d.record_id FROM search_documents d WHERE d.kind = "
        ))
        .bind::<Text, _>(kind)
        .sql(inner)
        .bind::<Text, _>(q)
        .sql(close),
    )
}

#[cfg(test)]
mod tests {
    use super::{Query, Scope};

    #[test]
    fn a_query_is_its_folded_words_and_needs_one() {
        let q = Query::parse("  Nông SẢN  \"sạch\"* ").unwrap();
        assert_eq!(q.words(), ["nong", "san", "sach"]);
        assert!(Query::parse(" \"*\" () -:^ ").is_none());
        assert_eq!(
            Query::parse("a b c d e f g h i j").unwrap().words().len(),
            super::MAX_QUERY_WORDS
        );
    }

    #[test]
    fn operators_reach_the_engines_as_quoted_words() {
        let q = Query::parse("ca OR NOT phe NEAR").unwrap();
        assert_eq!(
            q.fts5(Scope::Anywhere),
            "\"ca\" AND \"or\" AND \"not\" AND \"phe\" AND \"near\"*"
        );
        assert_eq!(
            q.tsquery(Scope::Anywhere),
            "'ca' & 'or' & 'not' & 'phe' & 'near':*"
        );
    }

    #[test]
    fn scopes_weight_the_title() {
        let q = Query::parse("nong s").unwrap();
        assert_eq!(q.fts5(Scope::Title), "title : (\"nong\" AND \"s\"*)");
        assert_eq!(
            q.fts5(Scope::Elsewhere),
            "(\"nong\" AND \"s\"*) NOT title : (\"nong\" AND \"s\"*)"
        );
        assert_eq!(q.tsquery(Scope::Title), "'nong':A & 's':*A");
        assert_eq!(
            q.tsquery(Scope::Elsewhere),
            "'nong' & 's':* & !('nong':A & 's':*A)"
        );
    }
}
