//! Queries of the ideas tables.
//!
//! Lists, search, counts and the sync feed share one SQL builder ([`ListSpec`]), so the
//! visibility rules are written once for all of them and run the same on both backends.
//! Search joins the shared token index: each query word is a range scan on the
//! `(kind, token)` key, and an idea's score is the sum, over the words, of the highest weight
//! a matching word has in it (title 4, tags 3, summary 2, description 1).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text, Timestamp};
use serde::{Deserialize, Serialize};
use sonla_core::{IdeaId, UserId, text};
use sonla_db::schema::{idea_history, idea_members, ideas};
use sonla_db::{DbConnection, MultiBackend, insert_batches, lookup, search};

use crate::access::Viewer;
use crate::model::{HistoryEntry, Idea, NewTeamMember, TeamMember, TeamRole};

/// The search-index kind of ideas.
pub const SEARCH_KIND: &str = "idea";

/// The order of a list, and what a cursor of it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "o", rename_all = "snake_case")]
pub enum SortKey {
    /// Best match first.
    Relevance {
        /// Score.
        s: i64,
        /// Id.
        id: IdeaId,
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
    pub fn key(self, idea: &Idea, score: i64) -> SortKey {
        let id = idea.id.clone();
        match self {
            Self::Relevance => SortKey::Relevance { s: score, id },
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
    /// Folded search words, all of which must match.
    pub terms: Vec<String>,
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

enum Bind {
    Text(String),
    Int(i32),
    BigInt(i64),
    Time(NaiveDateTime),
    Bool(bool),
}

#[derive(Default)]
struct Sql {
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    /// Adds a bind and returns its placeholder.
    fn bind(&mut self, value: Bind) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }

    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn query(
        self,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, MultiBackend, diesel::query_builder::SqlQuery>
    {
        let mut query = diesel::sql_query(self.text).into_boxed::<MultiBackend>();
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

#[derive(QueryableByName)]
struct PageRow {
    #[diesel(embed)]
    idea: Idea,
    #[diesel(sql_type = BigInt)]
    score: i64,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `FROM … WHERE …` of a list: search join, visibility, filters.
fn from_where(spec: &ListSpec, sql: &mut Sql) {
    sql.push(" FROM ideas i");
    if !spec.terms.is_empty() {
        let mut parts = Vec::new();
        for (term, prefix) in search::term_matches(&spec.terms) {
            let kind = sql.bind(Bind::Text(SEARCH_KIND.to_owned()));
            let low = sql.bind(Bind::Text(term.to_owned()));
            let matches = if prefix {
                let high = sql.bind(Bind::Text(text::prefix_upper_bound(term)));
                format!("token >= {low} AND token < {high}")
            } else {
                format!("token = {low}")
            };
            parts.push(format!(
                "SELECT record_id, MAX(weight) AS w FROM search_tokens \
                 WHERE kind = {kind} AND {matches} GROUP BY record_id"
            ));
        }
        let hits = sql.bind(Bind::BigInt(
            i64::try_from(spec.terms.len()).unwrap_or(i64::MAX),
        ));
        sql.push(&format!(
            " JOIN (SELECT record_id, SUM(w) AS score, COUNT(*) AS hits FROM ({}) u GROUP BY record_id) s \
             ON s.record_id = i.id AND s.hits = {hits}",
            parts.join(" UNION ALL ")
        ));
    }
    let team = |sql: &mut Sql, user: &UserId| {
        let user = sql.bind(Bind::Text(user.to_string()));
        format!(
            "EXISTS (SELECT 1 FROM idea_members m WHERE m.idea_id = i.id AND m.user_id = {user})"
        )
    };
    let mut conditions: Vec<String> = Vec::new();
    if let Order::Sync(since) = spec.order {
        // The feed also reports ideas deleted or hidden since, to callers who may have seen them.
        let since = sql.bind(Bind::Time(since));
        conditions.push(format!("i.updated_at > {since}"));
        match &spec.viewer {
            Viewer::Staff(_) => {}
            Viewer::Member(actor) => {
                let team = team(sql, &actor.user_id);
                conditions.push(format!("(i.ever_public OR i.ever_members OR {team})"));
            }
            Viewer::Anonymous => conditions.push("i.ever_public".to_owned()),
        }
    } else {
        conditions.push("i.deleted_at IS NULL".to_owned());
        match &spec.viewer {
            Viewer::Staff(_) => {}
            Viewer::Member(actor) => {
                let team = team(sql, &actor.user_id);
                conditions.push(format!("(i.visibility IN ('public', 'members') OR {team})"));
            }
            Viewer::Anonymous => conditions.push("i.visibility = 'public'".to_owned()),
        }
    }
    if let Some(user) = &spec.team_of {
        conditions.push(team(sql, user));
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
            let p = sql.bind(Bind::Text(value));
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
    if !conditions.is_empty() {
        sql.push(" WHERE ");
        sql.push(&conditions.join(" AND "));
    }
}

/// The keyset condition after `key`, and the `ORDER BY` of the order.
fn keyset(order: Order, after: Option<&SortKey>, sql: &mut Sql) -> (Option<String>, &'static str) {
    let order_by = match order {
        Order::Relevance => "s.score DESC, i.id DESC",
        Order::Newest => "i.created_at DESC, i.id DESC",
        Order::Updated => "i.updated_at DESC, i.id DESC",
        Order::Priority => "COALESCE(i.priority, -1) DESC, i.created_at DESC, i.id DESC",
        Order::Title => "i.title_key ASC, i.id ASC",
        Order::Sync(_) => "i.updated_at ASC, i.id ASC",
    };
    let condition = after.map(|key| match key {
        SortKey::Relevance { s, id } => {
            let (s, id) = (
                sql.bind(Bind::BigInt(*s)),
                sql.bind(Bind::Text(id.to_string())),
            );
            format!("(s.score < {s} OR (s.score = {s} AND i.id < {id}))")
        }
        SortKey::Newest { t, id } => before("i.created_at", *t, id, "<", sql),
        SortKey::Updated { t, id } => before("i.updated_at", *t, id, "<", sql),
        SortKey::Sync { t, id } => before("i.updated_at", *t, id, ">", sql),
        SortKey::Title { k, id } => {
            let (k, id) = (
                sql.bind(Bind::Text(k.clone())),
                sql.bind(Bind::Text(id.to_string())),
            );
            format!("(i.title_key > {k} OR (i.title_key = {k} AND i.id > {id}))")
        }
        SortKey::Priority { p, t, id } => {
            let p = sql.bind(Bind::Int(*p));
            let rest = before("i.created_at", *t, id, "<", sql);
            format!(
                "(COALESCE(i.priority, -1) < {p} OR (COALESCE(i.priority, -1) = {p} AND {rest}))"
            )
        }
    });
    (condition, order_by)
}

fn before(column: &str, t: NaiveDateTime, id: &IdeaId, op: &str, sql: &mut Sql) -> String {
    let (t, id) = (
        sql.bind(Bind::Time(t)),
        sql.bind(Bind::Text(id.to_string())),
    );
    format!("({column} {op} {t} OR ({column} = {t} AND i.id {op} {id}))")
}

/// One page plus one row: the ideas with their search scores (0 without search words), in
/// one query. (Reading ids first and the rows by `eq_any` after took 41% of the list's time,
/// a statement prepared anew for each request; BENCHMARKS.md.)
pub fn list(
    conn: &mut DbConnection,
    spec: &ListSpec,
    after: Option<&SortKey>,
    limit: i64,
) -> QueryResult<Vec<(Idea, i64)>> {
    let mut sql = Sql::default();
    let score = if spec.terms.is_empty() {
        "CAST(0 AS BIGINT)"
    } else {
        "s.score"
    };
    sql.push(&format!("SELECT i.*, {score} AS score"));
    from_where(spec, &mut sql);
    let (condition, order_by) = keyset(spec.order, after, &mut sql);
    if let Some(condition) = condition {
        sql.push(if sql.text.contains(" WHERE ") {
            " AND "
        } else {
            " WHERE "
        });
        sql.push(&condition);
    }
    let limit = sql.bind(Bind::BigInt(limit));
    sql.push(&format!(" ORDER BY {order_by} LIMIT {limit}"));
    let rows: Vec<PageRow> = sql.query().load(conn)?;
    Ok(rows.into_iter().map(|r| (r.idea, r.score)).collect())
}

/// How many ideas match.
pub fn count(conn: &mut DbConnection, spec: &ListSpec) -> QueryResult<i64> {
    let mut sql = Sql::default();
    sql.push("SELECT COUNT(*) AS n");
    from_where(spec, &mut sql);
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
    let texts = idea.search_texts();
    let weighted: Vec<(&str, i32)> = texts.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    search::index_weighted(conn, SEARCH_KIND, idea.id.as_str(), &weighted)
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
