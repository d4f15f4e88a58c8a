//! Queries of the ideas tables.
//!
//! Lists, search, counts and the sync feed share one SQL builder ([`ListSpec`]), so the
//! visibility rules are written once for all of them ([`visible`], which the search across
//! kinds applies too) and run the same on both backends. A search reads the shared engine's
//! match ([`search::matching`]) newest first and joins the ideas to it, so a page stops after
//! its rows; relevance reads the ideas with every word in the title first, then the others.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use serde::{Deserialize, Serialize};
use sonla_core::auth::Actor;
use sonla_core::{IdeaId, UserId};
use sonla_db::schema::{idea_history, idea_members, ideas};
use sonla_db::search::{self, Position, Query, Rank, Scope, Span};
use sonla_db::sql::{Bind, Sql};
use sonla_db::{Backend, DbConnection, insert_batches, lookup};

use crate::access::Viewer;
use crate::model::{HistoryEntry, Idea, NewTeamMember, TeamMember, TeamRole};

pub use crate::model::SEARCH_KIND;

/// Ideas in the search across kinds: the visibility of the ideas list, the title with the
/// summary and description for excerpts.
pub const SEARCH: search::Kind = search::Kind {
    name: SEARCH_KIND,
    table: "ideas",
    visible: |actor: Option<&Actor>, alias: &str, sql: &mut Sql| {
        visible(&Viewer::of(actor), alias, sql)
    },
    texts: hit_texts,
    link: "/api/v1/ideas/{id}",
};

fn hit_texts(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<search::Texts>> {
    let rows: Vec<(IdeaId, String, String, Option<String>)> = ideas::table
        .filter(ideas::id.eq_any(ids))
        .select((ideas::id, ideas::title, ideas::summary, ideas::description))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, title, summary, description)| search::Texts {
            id: id.to_string(),
            title,
            texts: std::iter::once(summary).chain(description).collect(),
        })
        .collect())
}

/// The order of a list, and what a cursor of it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "o", rename_all = "snake_case")]
pub enum SortKey {
    /// Best match first: the tier, then the search document, newest first.
    Relevance {
        /// Tier (0: every word in the title).
        r: u8,
        /// Document number.
        d: i64,
    },
    /// A search, newest first: the search document.
    Found {
        /// Document number.
        d: i64,
    },
    /// Newest first.
    Newest {
        /// Creation time.
        t: NaiveDateTime,
        /// Id.
        id: IdeaId,
    },
    /// Most recently changed first.
    Updated {
        /// Change time.
        t: NaiveDateTime,
        /// Id.
        id: IdeaId,
    },
    /// Highest priority first (no priority counts as -1), then newest.
    Priority {
        /// Priority.
        p: i32,
        /// Creation time.
        t: NaiveDateTime,
        /// Id.
        id: IdeaId,
    },
    /// By folded title.
    Title {
        /// Folded title.
        k: String,
        /// Id.
        id: IdeaId,
    },
    /// Sync feed: oldest change first.
    Sync {
        /// Change time.
        t: NaiveDateTime,
        /// Id.
        id: IdeaId,
    },
}

/// The orders, without cursor values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Best match first (needs search words).
    Relevance,
    /// A search, newest first (needs search words).
    Found,
    /// Newest first.
    Newest,
    /// Most recently changed first.
    Updated,
    /// Highest priority first.
    Priority,
    /// By title.
    Title,
    /// Changes after a time, oldest first, deleted and hidden ideas included.
    Sync(NaiveDateTime),
}

impl Order {
    /// The sort key of a row in this order.
    #[must_use]
    pub fn key(self, idea: &Idea, at: Option<Position>) -> SortKey {
        let id = idea.id.clone();
        let at = at.unwrap_or(Position { tier: 0, doc: 0 });
        match self {
            Self::Relevance => SortKey::Relevance {
                r: at.tier,
                d: at.doc,
            },
            Self::Found => SortKey::Found { d: at.doc },
            Self::Newest => SortKey::Newest {
                t: idea.created_at,
                id,
            },
            Self::Updated => SortKey::Updated {
                t: idea.updated_at,
                id,
            },
            Self::Priority => SortKey::Priority {
                p: idea.priority.unwrap_or(-1),
                t: idea.created_at,
                id,
            },
            Self::Title => SortKey::Title {
                k: idea.title_key.clone(),
                id,
            },
            Self::Sync(_) => SortKey::Sync {
                t: idea.updated_at,
                id,
            },
        }
    }

    /// Whether a cursor belongs to this order.
    #[must_use]
    pub const fn fits(self, key: &SortKey) -> bool {
        matches!(
            (self, key),
            (Self::Relevance, SortKey::Relevance { .. })
                | (Self::Found, SortKey::Found { .. })
                | (Self::Newest, SortKey::Newest { .. })
                | (Self::Updated, SortKey::Updated { .. })
                | (Self::Priority, SortKey::Priority { .. })
                | (Self::Title, SortKey::Title { .. })
                | (Self::Sync(_), SortKey::Sync { .. })
        )
    }
}

/// What a list asks for, already validated and authorised.
#[derive(Debug, Clone)]
pub struct ListSpec {
    /// Who asks.
    pub viewer: Viewer,
    /// The search, if any.
    pub query: Option<Query>,
    /// Sector.
    pub sector: Option<&'static str>,
    /// Stage.
    pub stage: Option<&'static str>,
    /// Status.
    pub status: Option<&'static str>,
    /// Folded locality.
    pub locality_key: Option<String>,
    /// Organisation.
    pub organization_id: Option<String>,
    /// Priority.
    pub priority: Option<i32>,
    /// Shortlist flag.
    pub shortlisted: Option<bool>,
    /// Created at or after.
    pub created_from: Option<NaiveDateTime>,
    /// Created before.
    pub created_to: Option<NaiveDateTime>,
    /// Changed at or after.
    pub updated_from: Option<NaiveDateTime>,
    /// Changed before.
    pub updated_to: Option<NaiveDateTime>,
    /// Only ideas whose team includes this user.
    pub team_of: Option<UserId>,
    /// The order.
    pub order: Order,
}

impl ListSpec {
    /// Every idea `viewer` may see, in `order`, with no search or filter; set the fields to
    /// narrow it.
    #[must_use]
    pub const fn new(viewer: Viewer, order: Order) -> Self {
        Self {
            viewer,
            query: None,
            sector: None,
            stage: None,
            status: None,
            locality_key: None,
            organization_id: None,
            priority: None,
            shortlisted: None,
            created_from: None,
            created_to: None,
            updated_from: None,
            updated_to: None,
            team_of: None,
            order,
        }
    }
}

#[derive(QueryableByName)]
struct PageRow {
    #[diesel(embed)]
    idea: Idea,
    #[diesel(sql_type = BigInt)]
    doc: i64,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The condition that the viewer may see an idea (under `alias`) in lists and searches: not
/// deleted, and public, members-only for signed-in users, or of their team; staff see all.
pub fn visible(viewer: &Viewer, alias: &str, sql: &mut Sql) -> String {
    let audience = match viewer {
        Viewer::Staff(_) => return format!("{alias}.deleted_at IS NULL"),
        Viewer::Member(actor) => {
            let team = in_team(alias, &actor.user_id, sql);
            format!("({alias}.visibility IN ('public', 'members') OR {team})")
        }
        Viewer::Anonymous => format!("{alias}.visibility = 'public'"),
    };
    format!("{alias}.deleted_at IS NULL AND {audience}")
}

fn in_team(alias: &str, user: &UserId, sql: &mut Sql) -> String {
    let user = sql.text(user.to_string());
    format!(
        "EXISTS (SELECT 1 FROM idea_members m WHERE m.idea_id = {alias}.id AND m.user_id = {user})"
    )
}

/// The conditions of a list on `ideas i`: visibility and filters.
fn conditions(spec: &ListSpec, sql: &mut Sql) -> Vec<String> {
    let mut conditions: Vec<String> = Vec::new();
    if let Order::Sync(since) = spec.order {
        // The feed also reports ideas deleted or hidden since, to callers who may have seen them.
        let since = sql.bind(Bind::Time(since));
        conditions.push(format!("i.updated_at > {since}"));
        match &spec.viewer {
            Viewer::Staff(_) => {}
            Viewer::Member(actor) => {
                let team = in_team("i", &actor.user_id, sql);
                conditions.push(format!("(i.ever_public OR i.ever_members OR {team})"));
            }
            Viewer::Anonymous => conditions.push("i.ever_public".to_owned()),
        }
    } else {
        conditions.push(visible(&spec.viewer, "i", sql));
    }
    if let Some(user) = &spec.team_of {
        conditions.push(in_team("i", user, sql));
    }
    let texts = [
        ("i.sector", spec.sector.map(str::to_owned)),
        ("i.stage", spec.stage.map(str::to_owned)),
        ("i.status", spec.status.map(str::to_owned)),
        ("i.locality_key", spec.locality_key.clone()),
        ("i.organization_id", spec.organization_id.clone()),
    ];
    for (column, value) in texts {
        if let Some(value) = value {
            let p = sql.text(value);
            conditions.push(format!("{column} = {p}"));
        }
    }
    if let Some(priority) = spec.priority {
        let p = sql.bind(Bind::Int(priority));
        conditions.push(format!("i.priority = {p}"));
    }
    if let Some(shortlisted) = spec.shortlisted {
        let p = sql.bind(Bind::Bool(shortlisted));
        conditions.push(format!("i.shortlisted = {p}"));
    }
    let ranges = [
        ("i.created_at >=", spec.created_from),
        ("i.created_at <", spec.created_to),
        ("i.updated_at >=", spec.updated_from),
        ("i.updated_at <", spec.updated_to),
    ];
    for (condition, value) in ranges {
        if let Some(value) = value {
            let p = sql.bind(Bind::Time(value));
            conditions.push(format!("{condition} {p}"));
        }
    }
    conditions
}

/// The keyset condition after `key`, and the `ORDER BY` of an order without search.
fn keyset(order: Order, after: Option<&SortKey>, sql: &mut Sql) -> (Option<String>, &'static str) {
    let order_by = match order {
        Order::Relevance | Order::Found | Order::Newest => "i.created_at DESC, i.id DESC",
        Order::Updated => "i.updated_at DESC, i.id DESC",
        Order::Priority => "COALESCE(i.priority, -1) DESC, i.created_at DESC, i.id DESC",
        Order::Title => "i.title_key ASC, i.id ASC",
        Order::Sync(_) => "i.updated_at ASC, i.id ASC",
    };
    let condition = after.and_then(|key| match key {
        SortKey::Relevance { .. } | SortKey::Found { .. } => None,
        SortKey::Newest { t, id } => Some(before("i.created_at", *t, id, "<", sql)),
        SortKey::Updated { t, id } => Some(before("i.updated_at", *t, id, "<", sql)),
        SortKey::Sync { t, id } => Some(before("i.updated_at", *t, id, ">", sql)),
        SortKey::Title { k, id } => {
            let (k, id) = (sql.text(k.clone()), sql.text(id.to_string()));
            Some(format!(
                "(i.title_key > {k} OR (i.title_key = {k} AND i.id > {id}))"
            ))
        }
        SortKey::Priority { p, t, id } => {
            let p = sql.bind(Bind::Int(*p));
            let rest = before("i.created_at", *t, id, "<", sql);
            Some(format!(
                "(COALESCE(i.priority, -1) < {p} OR (COALESCE(i.priority, -1) = {p} AND {rest}))"
            ))
        }
    });
    (condition, order_by)
}

fn before(column: &str, t: NaiveDateTime, id: &IdeaId, op: &str, sql: &mut Sql) -> String {
    let (t, id) = (sql.bind(Bind::Time(t)), sql.text(id.to_string()));
    format!("({column} {op} {t} OR ({column} = {t} AND i.id {op} {id}))")
}

/// The search position a cursor holds.
fn position(after: Option<&SortKey>) -> Option<Position> {
    match after {
        Some(SortKey::Relevance { r, d }) => Some(Position { tier: *r, doc: *d }),
        Some(SortKey::Found { d }) => Some(Position { tier: 0, doc: *d }),
        _ => None,
    }
}

/// One page plus one row, each idea with its search position (`None` without search), in
/// one query per relevance tier read. (Reading ids first and the rows by `eq_any` after took
/// 41% of the list's time, a statement prepared anew for each request; BENCHMARKS.md.)
pub fn list(
    conn: &mut DbConnection,
    spec: &ListSpec,
    after: Option<&SortKey>,
    limit: i64,
) -> QueryResult<Vec<(Idea, Option<Position>)>> {
    let Some(query) = &spec.query else {
        let mut sql = Sql::new(conn.backend());
        sql.push("SELECT i.*, CAST(0 AS BIGINT) AS doc FROM ideas i");
        let mut conditions = conditions(spec, &mut sql);
        let (condition, order_by) = keyset(spec.order, after, &mut sql);
        conditions.extend(condition);
        sql.push_where(&conditions);
        let limit = sql.bind(Bind::BigInt(limit));
        sql.push(&format!(" ORDER BY {order_by} LIMIT {limit}"));
        let rows: Vec<PageRow> = sql.query().load(conn)?;
        return Ok(rows.into_iter().map(|r| (r.idea, None)).collect());
    };
    let rank = if spec.order == Order::Relevance {
        Rank::Relevance
    } else {
        Rank::Newest
    };
    let backend = conn.backend();
    let rows = search::read_page(backend, rank, position(after), limit, |scope, span, n| {
        let sql = search_read(backend, spec, query, scope, span, n);
        let rows: Vec<PageRow> = sql.query().load(conn)?;
        Ok(rows.into_iter().map(|r| (r.doc, r.idea)).collect())
    })?;
    Ok(rows
        .into_iter()
        .map(|(at, idea)| (idea, Some(at)))
        .collect())
}

/// The statement of one read of a search: up to `n` ideas matching `query` in `scope`, with
/// search documents in `span`, newest first (public so that tests can explain it).
#[must_use]
pub fn search_read(
    backend: Backend,
    spec: &ListSpec,
    query: &Query,
    scope: Scope,
    span: Span,
    n: i64,
) -> Sql {
    let mut sql = Sql::new(backend);
    let found = search::matching(&mut sql, &[SEARCH_KIND], query, scope, span);
    sql.push(&format!(
        "SELECT i.*, {} AS doc FROM {} CROSS JOIN ideas i",
        found.doc, found.from
    ));
    let mut all = vec![found.condition, format!("i.id = {}", found.record_id)];
    all.extend(conditions(spec, &mut sql));
    sql.push_where(&all);
    let n = sql.bind(Bind::BigInt(n));
    sql.push(&format!(" ORDER BY {} DESC LIMIT {n}", found.doc));
    sql
}

/// How many ideas match, counting no further than `cap` + 1.
pub fn count(conn: &mut DbConnection, spec: &ListSpec, cap: i64) -> QueryResult<i64> {
    let mut sql = Sql::new(conn.backend());
    let mut all = Vec::new();
    let from = match &spec.query {
        Some(query) => {
            let found = search::matching(
                &mut sql,
                &[SEARCH_KIND],
                query,
                Scope::Anywhere,
                Span::default(),
            );
            all.push(found.condition);
            all.push(format!("i.id = {}", found.record_id));
            format!("{} CROSS JOIN ideas i", found.from)
        }
        None => "ideas i".to_owned(),
    };
    sql.push(&format!(
        "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM {from}"
    ));
    all.extend(conditions(spec, &mut sql));
    sql.push_where(&all);
    let cap = sql.bind(Bind::BigInt(cap.saturating_add(1)));
    sql.push(&format!(" LIMIT {cap}) c"));
    let row: CountRow = sql.query().get_result(conn)?;
    Ok(row.n)
}

/// One idea, deleted ones included.
pub fn find(conn: &mut DbConnection, id: &IdeaId) -> QueryResult<Option<Idea>> {
    ideas::table
        .find(id)
        .select(Idea::as_select())
        .first(conn)
        .optional()
}

/// The user's roles in the teams of `ids`.
pub fn team_roles(
    conn: &mut DbConnection,
    user_id: &UserId,
    ids: &[IdeaId],
) -> QueryResult<HashMap<IdeaId, TeamRole>> {
    let rows: Vec<(IdeaId, String)> = idea_members::table
        .filter(idea_members::user_id.eq(user_id))
        .filter(idea_members::idea_id.eq_any(ids))
        .select((idea_members::idea_id, idea_members::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, role)| TeamRole::parse(&role).map(|r| (id, r)))
        .collect())
}

/// Stores a new idea and indexes it.
pub fn insert(conn: &mut DbConnection, idea: &Idea) -> QueryResult<()> {
    diesel::insert_into(ideas::table)
        .values(idea)
        .execute(conn)?;
    reindex(conn, idea)
}

/// Inserts many ideas in as few statements as the backends allow (demo data), without their
/// search words; returns how many.
pub fn insert_many(conn: &mut DbConnection, ideas: &[Idea]) -> QueryResult<usize> {
    insert_batches!(conn, ideas::table, ideas, 30)
}

/// Adds many team members at once; returns how many.
pub fn insert_members(
    conn: &mut DbConnection,
    members: &[NewTeamMember<'_>],
) -> QueryResult<usize> {
    insert_batches!(conn, idea_members::table, members, 4)
}

/// Records many workflow transitions at once; returns how many.
pub fn insert_histories(conn: &mut DbConnection, entries: &[HistoryEntry]) -> QueryResult<usize> {
    insert_batches!(conn, idea_history::table, entries, 8)
}

/// Writes every column of `idea` and re-indexes it (or drops it from the index if deleted).
pub fn save(conn: &mut DbConnection, idea: &Idea) -> QueryResult<()> {
    diesel::update(ideas::table.find(&idea.id))
        .set(idea)
        .execute(conn)?;
    reindex(conn, idea)
}

fn reindex(conn: &mut DbConnection, idea: &Idea) -> QueryResult<()> {
    if idea.deleted_at.is_some() {
        return search::remove(conn, SEARCH_KIND, idea.id.as_str());
    }
    search::index(conn, &idea.search_document())
}

/// The team, in order of joining, with contacts read through `sonla_db::lookup` (a member
/// whose account is gone is left out, as the join this replaces left it out).
pub fn team(conn: &mut DbConnection, idea_id: &IdeaId) -> QueryResult<Vec<TeamMember>> {
    let rows: Vec<(UserId, String, NaiveDateTime)> = idea_members::table
        .filter(idea_members::idea_id.eq(idea_id))
        .select((
            idea_members::user_id,
            idea_members::role,
            idea_members::added_at,
        ))
        .order((idea_members::added_at.asc(), idea_members::user_id.asc()))
        .load(conn)?;
    let ids: Vec<UserId> = rows.iter().map(|(id, _, _)| id.clone()).collect();
    let mut contacts: HashMap<UserId, lookup::Contact> = lookup::contacts(conn, &ids)?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(user_id, role, added_at)| {
            let contact = contacts.remove(&user_id)?;
            Some(TeamMember {
                user_id,
                full_name: contact.full_name,
                email: contact.email,
                phone: contact.phone,
                role,
                added_at,
            })
        })
        .collect())
}

/// Adds a team member.
pub fn insert_member(conn: &mut DbConnection, member: &NewTeamMember<'_>) -> QueryResult<()> {
    diesel::insert_into(idea_members::table)
        .values(member)
        .execute(conn)
        .map(|_| ())
}

/// Removes a team member.
pub fn delete_member(
    conn: &mut DbConnection,
    idea_id: &IdeaId,
    user_id: &UserId,
) -> QueryResult<()> {
    diesel::delete(idea_members::table.find((idea_id, user_id)))
        .execute(conn)
        .map(|_| ())
}

/// How many leads a team has.
pub fn count_leads(conn: &mut DbConnection, idea_id: &IdeaId) -> QueryResult<i64> {
    idea_members::table
        .filter(idea_members::idea_id.eq(idea_id))
        .filter(idea_members::role.eq(TeamRole::Lead.as_str()))
        .count()
        .get_result(conn)
}

/// Records a workflow transition.
pub fn insert_history(conn: &mut DbConnection, entry: &HistoryEntry) -> QueryResult<()> {
    diesel::insert_into(idea_history::table)
        .values(entry)
        .execute(conn)
        .map(|_| ())
}

/// An idea's transitions, oldest first.
pub fn history(conn: &mut DbConnection, idea_id: &IdeaId) -> QueryResult<Vec<HistoryEntry>> {
    idea_history::table
        .filter(idea_history::idea_id.eq(idea_id))
        .select(HistoryEntry::as_select())
        .order((idea_history::occurred_at.asc(), idea_history::id.asc()))
        .load(conn)
}

/// How many people an idea's team has.
pub fn count_team(conn: &mut DbConnection, idea_id: &IdeaId) -> QueryResult<i64> {
    idea_members::table
        .filter(idea_members::idea_id.eq(idea_id))
        .count()
        .get_result(conn)
}

/// How many status changes an idea has had.
pub fn count_history(conn: &mut DbConnection, idea_id: &IdeaId) -> QueryResult<i64> {
    idea_history::table
        .filter(idea_history::idea_id.eq(idea_id))
        .count()
        .get_result(conn)
}
