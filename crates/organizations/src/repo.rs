//! Queries of the `organizations` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sonla_db::schema::organizations;
use sonla_db::{DbConnection, search};

use crate::model::{Organization, OrganizationChanges};

/// The search-index kind of organisations.
pub const SEARCH_KIND: &str = "organization";

/// The sort key of a row, which is what a cursor holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "o", rename_all = "snake_case")]
pub enum SortKey {
    /// `name` order: folded name, then id.
    Name {
        /// Folded name.
        k: String,
        /// Id.
        id: String,
    },
    /// `newest` order: creation time, then id, both descending.
    Newest {
        /// Creation time.
        t: NaiveDateTime,
        /// Id.
        id: String,
    },
}

/// What a list asks for, already validated.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Only this kind.
    pub kind: Option<&'static str>,
    /// Folded words that must each start a word of the record.
    pub terms: Vec<String>,
    /// `true` for newest first, `false` for name order.
    pub newest: bool,
}

/// Finds one organisation.
pub fn find_by_id(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Organization>> {
    organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)
        .optional()
}

/// One page (plus one row) of organisations after `after`, in the filter's order.
pub fn list(
    conn: &mut DbConnection,
    filter: &ListFilter,
    after: Option<&SortKey>,
    limit: i64,
) -> QueryResult<Vec<Organization>> {
    use organizations::dsl as o;
    let mut query = o::organizations
        .select(Organization::as_select())
        .into_boxed();
    if let Some(kind) = filter.kind {
        query = query.filter(o::kind.eq(kind));
    }
    for term in &filter.terms {
        query = query.filter(o::id.eq_any(search::ids_matching(SEARCH_KIND, term)));
    }
    match after {
        Some(SortKey::Name { k, id }) => {
            query = query.filter(
                o::name_key
                    .gt(k.clone())
                    .or(o::name_key.eq(k.clone()).and(o::id.gt(id.clone()))),
            );
        }
        Some(SortKey::Newest { t, id }) => {
            query = query.filter(
                o::created_at
                    .lt(*t)
                    .or(o::created_at.eq(*t).and(o::id.lt(id.clone()))),
            );
        }
        None => {}
    }
    query = if filter.newest {
        query.order((o::created_at.desc(), o::id.desc()))
    } else {
        query.order((o::name_key.asc(), o::id.asc()))
    };
    query.limit(limit).load(conn)
}

/// Inserts an organisation and indexes it for search.
pub fn insert(conn: &mut DbConnection, row: &Organization) -> QueryResult<()> {
    diesel::insert_into(organizations::table)
        .values(row)
        .execute(conn)?;
    search::index(conn, SEARCH_KIND, &row.id, &row.search_texts())
}

/// Applies changes, re-indexes and returns the new row.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    changes: &OrganizationChanges,
) -> QueryResult<Organization> {
    diesel::update(organizations::table.find(id))
        .set(changes)
        .execute(conn)?;
    let row = organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)?;
    search::index(conn, SEARCH_KIND, &row.id, &row.search_texts())?;
    Ok(row)
}

/// Deletes an organisation and its index entries; returns whether it existed.
pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    search::remove(conn, SEARCH_KIND, id)?;
    let deleted = diesel::delete(organizations::table.find(id)).execute(conn)?;
    Ok(deleted > 0)
}
