//! Queries of the `organizations` table.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sonla_core::{OrganizationId, UserId};
use sonla_db::schema::{organization_members, organizations};
use sonla_db::search::{self, Query};
use sonla_db::{DbConnection, insert_batches, lookup};

use crate::model::{Member, NewMember, Organization, OrganizationChanges};

pub use crate::model::SEARCH_KIND;

/// Organisations in the search across kinds: every organisation is public; the name, with
/// the description and locality for excerpts.
pub const SEARCH: search::Kind = search::Kind {
    name: SEARCH_KIND,
    table: "organizations",
    visible: |_, _, _| "1 = 1".to_owned(),
    texts: hit_texts,
    link: "/api/v1/organizations/{id}",
};

fn hit_texts(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<search::Texts>> {
    let rows: Vec<(OrganizationId, String, Option<String>, Option<String>)> = organizations::table
        .filter(organizations::id.eq_any(ids))
        .select((
            organizations::id,
            organizations::name,
            organizations::short_description,
            organizations::locality,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, title, description, locality)| search::Texts {
            id: id.to_string(),
            title,
            texts: description.into_iter().chain(locality).collect(),
        })
        .collect())
}

/// The sort key of a row, which is what a cursor holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "o", rename_all = "snake_case")]
pub enum SortKey {
    /// `name` order: folded name, then id.
    Name {
        /// Folded name.
        k: String,
        /// Id.
        id: OrganizationId,
    },
    /// `newest` order: creation time, then id, both descending.
    Newest {
        /// Creation time.
        t: NaiveDateTime,
        /// Id.
        id: OrganizationId,
    },
}

/// What a list asks for, already validated.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Only this kind.
    pub kind: Option<&'static str>,
    /// The search, if any.
    pub query: Option<Query>,
    /// `true` for newest first, `false` for name order.
    pub newest: bool,
}

/// Finds one organisation.
pub fn find_by_id(
    conn: &mut DbConnection,
    id: &OrganizationId,
) -> QueryResult<Option<Organization>> {
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
    if let Some(search) = &filter.query {
        query = query.filter(search::filter(
            conn.backend(),
            "organizations.id",
            SEARCH_KIND,
            search,
        ));
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
    search::index(conn, &row.search_document())
}

/// Inserts many organisations in as few statements as the backends allow (demo data),
/// without their search words; returns how many.
pub fn insert_many(conn: &mut DbConnection, rows: &[Organization]) -> QueryResult<usize> {
    insert_batches!(conn, organizations::table, rows, 13)
}

/// Adds many members at once; returns how many.
pub fn insert_members(conn: &mut DbConnection, members: &[NewMember<'_>]) -> QueryResult<usize> {
    insert_batches!(conn, organization_members::table, members, 4)
}

/// Applies changes, re-indexes and returns the new row.
pub fn update(
    conn: &mut DbConnection,
    id: &OrganizationId,
    changes: &OrganizationChanges,
) -> QueryResult<Organization> {
    diesel::update(organizations::table.find(id))
        .set(changes)
        .execute(conn)?;
    let row = organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)?;
    search::index(conn, &row.search_document())?;
    Ok(row)
}

/// Deletes an organisation and its index entries; returns whether it existed.
pub fn delete(conn: &mut DbConnection, id: &OrganizationId) -> QueryResult<bool> {
    search::remove(conn, SEARCH_KIND, id.as_str())?;
    let deleted = diesel::delete(organizations::table.find(id)).execute(conn)?;
    Ok(deleted > 0)
}

/// One page (plus one row) of members, in order of joining.
pub fn list_members(
    conn: &mut DbConnection,
    organization_id: &OrganizationId,
    after: Option<&(NaiveDateTime, UserId)>,
    limit: i64,
) -> QueryResult<Vec<Member>> {
    use organization_members::dsl as m;
    let mut query = m::organization_members
        .filter(m::organization_id.eq(organization_id))
        .select((m::user_id, m::role, m::added_at))
        .into_boxed();
    if let Some((t, id)) = after {
        query = query.filter(
            m::added_at
                .gt(*t)
                .or(m::added_at.eq(*t).and(m::user_id.gt(id.clone()))),
        );
    }
    let rows = query
        .order((m::added_at.asc(), m::user_id.asc()))
        .limit(limit)
        .load(conn)?;
    with_names(conn, rows)
}

/// One member.
pub fn find_member(
    conn: &mut DbConnection,
    organization_id: &OrganizationId,
    user_id: &UserId,
) -> QueryResult<Option<Member>> {
    use organization_members::dsl as m;
    let row = m::organization_members
        .find((organization_id, user_id))
        .select((m::user_id, m::role, m::added_at))
        .first(conn)
        .optional()?;
    Ok(with_names(conn, row.into_iter().collect())?.pop())
}

/// Members with their names (read through `sonla_db::lookup`), in the order given; a member
/// whose account is gone is left out, as the join this replaces left it out.
fn with_names(
    conn: &mut DbConnection,
    rows: Vec<(UserId, String, NaiveDateTime)>,
) -> QueryResult<Vec<Member>> {
    let ids: Vec<UserId> = rows.iter().map(|(id, _, _)| id.clone()).collect();
    let mut names: HashMap<UserId, String> = lookup::user_names(conn, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .filter_map(|(user_id, role, added_at)| {
            Some(Member {
                full_name: names.remove(&user_id)?,
                user_id,
                role,
                added_at,
            })
        })
        .collect())
}

/// Adds a member.
pub fn insert_member(conn: &mut DbConnection, member: &NewMember<'_>) -> QueryResult<()> {
    diesel::insert_into(organization_members::table)
        .values(member)
        .execute(conn)
        .map(|_| ())
}

/// Changes a member's role.
pub fn update_member_role(
    conn: &mut DbConnection,
    organization_id: &OrganizationId,
    user_id: &UserId,
    role: &str,
) -> QueryResult<()> {
    diesel::update(organization_members::table.find((organization_id, user_id)))
        .set(organization_members::role.eq(role))
        .execute(conn)
        .map(|_| ())
}

/// Removes a member.
pub fn delete_member(
    conn: &mut DbConnection,
    organization_id: &OrganizationId,
    user_id: &UserId,
) -> QueryResult<()> {
    diesel::delete(organization_members::table.find((organization_id, user_id)))
        .execute(conn)
        .map(|_| ())
}

/// How many owners an organisation has.
pub fn count_owners(conn: &mut DbConnection, organization_id: &OrganizationId) -> QueryResult<i64> {
    organization_members::table
        .filter(organization_members::organization_id.eq(organization_id))
        .filter(organization_members::role.eq("owner"))
        .count()
        .get_result(conn)
}
