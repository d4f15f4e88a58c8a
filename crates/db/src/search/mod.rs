//! Full-text search shared by every domain, on each database's own engine.
//!
//! A searchable record is a *document* of a kind (`idea`, `organization`, `user`, …) with two
//! fields: its title and the rest. Both hold the record's words as the application folds them
//! ([`sonla_core::text::tokens`]: no diacritics, `đ` → `d`, lower case), so the engines never
//! tokenise Vietnamese themselves and find the same records:
//!
//! - **SQLite**: `search_documents (doc, kind, record_id)` numbers the documents, and the
//!   contentless FTS5 tables `search_fts (title, body)` and `search_titles (title)` hold their
//!   words under that number, split by the `ascii` tokenizer, which splits only at the spaces
//!   between our words, with prefix indexes up to six letters.
//! - **PostgreSQL**: `search_documents (doc, kind, record_id, words, title_words)`, where
//!   `words` is a `tsvector` written lexeme by lexeme (title words weighted `A`) and
//!   `title_words` the title's alone, each with a GIN index; no text parser runs.
//!
//! A query ([`Query`]) is the folded words of `q`: every word must match a whole word of the
//! document, the last one also the start of a longer one (type-ahead). Each word reaches the
//! engine quoted, as a single term, so query syntax (`"`, `*`, `NEAR`, `OR`, `!`, `:`, …) is
//! only ever text. Documents are numbered in the order they are first indexed, which is the
//! order their records were created; a match is read in that number's order, newest first,
//! so a page stops after its rows however many records match ([`matching`], [`read_page`]).
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

use crate::sql::{Bind, Sql};
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
            // The first tier reads `search_titles`, which holds titles alone.
            Scope::Anywhere | Scope::Title => all,
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
            // The first tier matches `title_words`, which holds titles alone.
            Scope::Anywhere | Scope::Title => words(""),
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

/// The documents one read looks at: those numbered below `before`, and of those only the
/// newest `window` when it is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// Only documents numbered below this one (the cursor's).
    pub before: Option<i64>,
    /// Only this many of the newest documents of the kinds (PostgreSQL; see [`read_page`]).
    pub window: Option<i64>,
}

/// The newest documents a PostgreSQL read looks at first, in document order, before it asks
/// the GIN index (see [`read_page`]).
pub const WINDOW: i64 = 2_000;

/// The most documents a second window looks at (see [`read_page`]).
pub const MAX_WINDOW: i64 = 25_000;

/// Reads up to `limit` rows in `rank` order after `after`: `read(scope, span, n)` reads at
/// most `n` rows of a scope within `span`, newest first, and returns each with its document
/// number. Relevance reads the title tier, then the rest only if the page is not full, so no
/// read sorts more than it returns.
///
/// SQLite's FTS5 returns matches in document order, so a read stops at its page whatever
/// the number of matches. PostgreSQL's GIN index returns them unordered, to be sorted: for
/// a common word, every one of its records. The planner cannot tell a common query from a
/// rare one (it takes a query's words for independent, and "chanh leo" always come
/// together), so each tier is read in up to three steps ([`tier`]).
pub fn read_page<T>(
    backend: Backend,
    rank: Rank,
    after: Option<Position>,
    limit: i64,
    mut read: impl FnMut(Scope, Span, i64) -> diesel::QueryResult<Vec<(i64, T)>>,
) -> diesel::QueryResult<Vec<(Position, T)>> {
    let tiers: &[Scope] = match rank {
        Rank::Relevance => &[Scope::Title, Scope::Elsewhere],
        Rank::Newest => &[Scope::Anywhere],
    };
    let mut out = Vec::new();
    for (tier_no, scope) in (0u8..).zip(tiers) {
        let before = match after {
            Some(a) if a.tier > tier_no => continue,
            Some(a) if a.tier == tier_no => Some(a.doc),
            _ => None,
        };
        let room = limit - count(out.len());
        if room <= 0 {
            break;
        }
        let rows = match backend {
            Backend::Sqlite => read(
                *scope,
                Span {
                    before,
                    window: None,
                },
                room,
            )?,
            Backend::Postgres => tier(|window| read(*scope, Span { before, window }, room), room)?,
        };
        out.extend(
            rows.into_iter()
                .map(|(doc, row)| (Position { tier: tier_no, doc }, row)),
        );
    }
    Ok(out)
}

/// One tier of a PostgreSQL page of `room` rows, by `read(window)`: the newest [`WINDOW`]
/// documents first, read backwards through the `(kind, doc)` index, where a common query
/// fills its page (the read stops there, so it costs what it finds). If they hold fewer, the
/// matches they hold tell how far the page is: a second window goes half as far again, when
/// that is at most [`MAX_WINDOW`]. Only a query too rare for that asks the GIN index, and it
/// has few matches to sort.
fn tier<T>(
    mut read: impl FnMut(Option<i64>) -> diesel::QueryResult<Vec<T>>,
    room: i64,
) -> diesel::QueryResult<Vec<T>> {
    let first = read(Some(WINDOW))?;
    let found = count(first.len());
    if found >= room {
        return Ok(first);
    }
    if found > 0 {
        let next = WINDOW * room * 3 / (2 * found);
        if next <= MAX_WINDOW {
            let second = read(Some(next))?;
            if count(second.len()) >= room {
                return Ok(second);
            }
        }
    }
    read(None)
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A match in raw SQL: `SELECT … FROM {from} CROSS JOIN <records> r WHERE {condition} AND
/// r.id = {record_id} … ORDER BY {doc} DESC LIMIT n` reads the matching records newest
/// first and stops at the page.
#[derive(Debug, Clone)]
pub struct Match {
    /// The engine's tables (`CROSS JOIN` keeps SQLite from reordering them).
    pub from: String,
    /// The match and its span, with their binds already in the statement.
    pub condition: String,
    /// The document number to order and page by (the FTS5 `rowid` on SQLite, which the engine
    /// returns in order; `d.doc` on PostgreSQL).
    pub doc: &'static str,
    /// The matching record's id.
    pub record_id: &'static str,
}

/// The match of `query` within `scope` among documents of `kinds` in `span`.
#[must_use]
pub fn matching(sql: &mut Sql, kinds: &[&str], query: &Query, scope: Scope, span: Span) -> Match {
    let kinds = kinds
        .iter()
        .map(|k| sql.text(*k))
        .collect::<Vec<_>>()
        .join(", ");
    let before = span.before.map(|b| sql.bind(Bind::BigInt(b)));
    match sql.backend() {
        Backend::Sqlite => {
            let table = if scope == Scope::Title {
                "search_titles"
            } else {
                "search_fts"
            };
            let q = sql.text(query.fts5(scope));
            let below = before.map(|b| format!(" AND f.rowid < {b}"));
            Match {
                from: format!("{table} f CROSS JOIN search_documents d"),
                condition: format!(
                    "f.{table} MATCH {q} AND d.doc = f.rowid AND d.kind IN ({kinds}){}",
                    below.unwrap_or_default()
                ),
                doc: "f.rowid",
                record_id: "d.record_id",
            }
        }
        Backend::Postgres => {
            let column = if scope == Scope::Title {
                "title_words"
            } else {
                "words"
            };
            let q = sql.text(query.tsquery(scope));
            let below = before.map(|b| format!(" AND d.doc < {b}"));
            let span_condition = format!("d.kind IN ({kinds}){}", below.unwrap_or_default());
            let condition = format!("{span_condition} AND d.{column} @@ CAST({q} AS tsquery)");
            let from = match span.window {
                // A subquery with a LIMIT keeps its order and is not merged into the outer
                // query, so the match filters these rows only.
                Some(window) => {
                    let window = sql.bind(Bind::BigInt(window));
                    format!(
                        "(SELECT d.doc, d.kind, d.record_id, d.words, d.title_words \
                         FROM search_documents d WHERE {span_condition} \
                         ORDER BY d.doc DESC LIMIT {window}) d"
                    )
                }
                None => "search_documents d".to_owned(),
            };
            Match {
                from,
                condition,
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
    use super::{Position, Query, Rank, Scope, Span, WINDOW, read_page};
    use crate::Backend;

    /// Reads a page of `matches` (document numbers, newest first, among documents
    /// `1..=10_000` of one kind) the way `backend` does, and returns it with the spans read.
    fn page(backend: Backend, matches: &[i64]) -> (Vec<i64>, Vec<Span>) {
        let mut spans = Vec::new();
        let rows = read_page(backend, Rank::Newest, None, 20, |_, span, n| {
            spans.push(span);
            let top = span.before.unwrap_or(10_001);
            let floor = span.window.map_or(0, |w| top - w);
            Ok(matches
                .iter()
                .filter(|&&d| d < top && d >= floor)
                .take(usize::try_from(n).unwrap())
                .map(|&d| (d, ()))
                .collect())
        })
        .unwrap();
        let docs = rows.iter().map(|(Position { doc, .. }, ())| *doc).collect();
        (docs, spans)
    }

    #[test]
    fn postgres_reads_the_newest_documents_first_and_the_index_only_for_rare_words() {
        let common: Vec<i64> = (1..=10_000).rev().step_by(7).collect();
        let rare = [9_000, 5, 3];
        let window = Span {
            before: None,
            window: Some(WINDOW),
        };

        let (sqlite, sqlite_spans) = page(Backend::Sqlite, &common);
        let (postgres, postgres_spans) = page(Backend::Postgres, &common);
        assert_eq!(postgres, sqlite);
        assert_eq!(sqlite.len(), 20);
        assert_eq!(sqlite_spans, [Span::default()]);
        assert_eq!(
            postgres_spans,
            [window],
            "a common word stops in the window"
        );

        let (sqlite, _) = page(Backend::Sqlite, &rare);
        let (postgres, postgres_spans) = page(Backend::Postgres, &rare);
        assert_eq!(postgres, sqlite);
        assert_eq!(sqlite, rare);
        assert_eq!(
            postgres_spans,
            [window, Span::default()],
            "a rare word asks the index"
        );

        // Seven of the newest 2,000 documents match: a page of 20 is about 5,700 documents
        // away, and the second window looks half as far again.
        let sparse: Vec<i64> = (1..=10_000).rev().step_by(300).collect();
        let (sqlite, _) = page(Backend::Sqlite, &sparse);
        let (postgres, postgres_spans) = page(Backend::Postgres, &sparse);
        assert_eq!(postgres, sqlite);
        let second = Span {
            before: None,
            window: Some(8_571),
        };
        assert_eq!(
            postgres_spans,
            [window, second],
            "the second window fills the page"
        );

        // Two of them: the page would be 20,000 documents away, beyond the second window.
        let rarer: Vec<i64> = (1..=10_000).rev().step_by(1_500).collect();
        let (_, postgres_spans) = page(Backend::Postgres, &rarer);
        assert_eq!(postgres_spans, [window, Span::default()]);
    }

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
    fn the_second_tier_leaves_out_the_title_matches() {
        // The first tier's query is the plain one, run on the titles' own index.
        let q = Query::parse("nong s").unwrap();
        assert_eq!(q.fts5(Scope::Title), "\"nong\" AND \"s\"*");
        assert_eq!(
            q.fts5(Scope::Elsewhere),
            "(\"nong\" AND \"s\"*) NOT title : (\"nong\" AND \"s\"*)"
        );
        assert_eq!(q.tsquery(Scope::Title), "'nong' & 's':*");
        assert_eq!(
            q.tsquery(Scope::Elsewhere),
            "'nong' & 's':* & !('nong':A & 's':*A)"
        );
    }
}
