//! The search across every kind (`GET /api/v1/search`), each kind with its own visibility.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use sonla_core::auth::Actor;
use sonla_core::text;

use super::{Position, Query, Rank, Scope, Span, matching, read_page};
use crate::sql::{Bind, Sql};
use crate::{Backend, DbConnection};

/// A kind of record the search across kinds covers, registered by its domain (see the
/// README's "Adding a domain").
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The document kind, as the domain indexes it (`idea`).
    pub name: &'static str,
    /// The table of its records, whose `id` is the document's record id.
    pub table: &'static str,
    /// The condition, on the records table under the given alias, that the caller may see a
    /// record: the very condition the kind's own list applies.
    pub visible: fn(Option<&Actor>, &str, &mut Sql) -> String,
    /// The title and the other texts (in excerpt preference) of records, by id.
    pub texts: fn(&mut DbConnection, &[String]) -> QueryResult<Vec<Texts>>,
    /// The record's path in the API, with `{id}` for its id.
    pub link: &'static str,
}

/// What a kind shows of a record in a hit.
#[derive(Debug, Clone)]
pub struct Texts {
    /// The record's id.
    pub id: String,
    /// Its title, as written.
    pub title: String,
    /// Its other searchable texts, as written, the most telling first.
    pub texts: Vec<String>,
}

/// One record found.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Its kind.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// A short excerpt around the first matching word ([`text::excerpt`]).
    pub excerpt: String,
    /// Its path in the API.
    pub link: String,
    /// Where it is in the order, for the next page's cursor.
    pub at: Position,
}

/// The longest excerpt, in characters.
pub const EXCERPT_CHARS: usize = 160;

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    record_id: String,
    #[diesel(sql_type = BigInt)]
    doc: i64,
}

/// The newest `n` matches of `query` in `scope` among the records of `kinds` that `actor` may
/// see, with document numbers below `before`.
fn group_read(
    sql: &mut Sql,
    kinds: &[Kind],
    actor: Option<&Actor>,
    query: &Query,
    scope: Scope,
    span: Span,
    n: &str,
) -> String {
    let names: Vec<&str> = kinds.iter().map(|k| k.name).collect();
    let m = matching(sql, &names, query, scope, span);
    let visible: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let name = sql.text(kind.name);
            let condition = (kind.visible)(actor, "r", sql);
            format!(
                "(d.kind = {name} AND EXISTS (SELECT 1 FROM {} r WHERE r.id = {} AND {condition}))",
                kind.table, m.record_id
            )
        })
        .collect();
    let conditions = [m.condition.clone(), format!("({})", visible.join(" OR "))];
    format!(
        "SELECT d.kind AS kind, {} AS record_id, {} AS doc FROM {} WHERE {} ORDER BY {} DESC LIMIT {n}",
        m.record_id,
        m.doc,
        m.from,
        conditions.join(" AND "),
        m.doc
    )
}

/// A page of records of `kinds` that match `query` and that `actor` may see, in `rank`
/// order, after `after`.
pub fn everything(
    conn: &mut DbConnection,
    kinds: &[Kind],
    actor: Option<&Actor>,
    query: &Query,
    rank: Rank,
    after: Option<Position>,
    limit: i64,
) -> QueryResult<Vec<Hit>> {
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.backend();
    // SQLite's FTS5 hands the matches of every kind over in one scan in document order.
    // PostgreSQL reads each kind through its own range of the `(kind, doc)` index, newest
    // first, and merges the pages: one scan over several kinds would have to sort every match.
    let groups: Vec<&[Kind]> = match backend {
        Backend::Sqlite => vec![kinds],
        Backend::Postgres => kinds.chunks(1).collect(),
    };
    let found = read_page(backend, rank, after, limit, |scope, span, n| {
        let mut sql = Sql::new(backend);
        let n = sql.bind(Bind::BigInt(n));
        let reads: Vec<String> = groups
            .iter()
            .map(|group| group_read(&mut sql, group, actor, query, scope, span, &n))
            .collect();
        match reads.as_slice() {
            [one] => sql.push(one),
            _ => sql.push(&format!(
                "SELECT kind, record_id, doc FROM ({}) u ORDER BY doc DESC LIMIT {n}",
                reads
                    .iter()
                    .map(|r| format!("({r})"))
                    .collect::<Vec<_>>()
                    .join(" UNION ALL ")
            )),
        }
        let rows: Vec<Found> = sql.query().load(conn)?;
        Ok(rows
            .into_iter()
            .map(|r| (r.doc, (r.kind, r.record_id)))
            .collect())
    })?;
    let mut texts: HashMap<(&str, String), Texts> = HashMap::new();
    for kind in kinds {
        let ids: Vec<String> = found
            .iter()
            .filter(|(_, (k, _))| k == kind.name)
            .map(|(_, (_, id))| id.clone())
            .collect();
        if !ids.is_empty() {
            for t in (kind.texts)(conn, &ids)? {
                texts.insert((kind.name, t.id.clone()), t);
            }
        }
    }
    Ok(found
        .into_iter()
        .filter_map(|(at, (kind, id))| {
            let kind = kinds.iter().find(|k| k.name == kind)?;
            let t = texts.remove(&(kind.name, id.clone()))?;
            Some(Hit {
                kind: kind.name,
                excerpt: text::excerpt(&t.texts, query.words(), EXCERPT_CHARS),
                link: kind.link.replace("{id}", &id),
                title: t.title,
                id,
                at,
            })
        })
        .collect())
}
