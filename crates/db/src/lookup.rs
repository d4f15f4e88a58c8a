//! The one door through which a domain reads what other domains own: existence checks,
//! names, the short form of an idea, team and organisation memberships; and the check of a
//! collection's size limit.
//!
//! A domain's `repo.rs` queries only its own tables. Anything else it needs is a function
//! here, named for the question it answers, so the reads across domains are all in one place
//! and each is one query however many records it is asked about (no query per row). Roles
//! are asked through `sonla_authz`.

use diesel::prelude::*;
use sonla_core::{IdeaId, Localized, OrganizationId, UserId};

use crate::schema::{idea_members, ideas, organization_members, organizations, users};
use crate::{CommonError, DbConnection};

/// Whether a user exists.
pub fn user_exists(conn: &mut DbConnection, id: &UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.find(id))).get_result(conn)
}

/// Whether an organisation exists.
pub fn organization_exists(conn: &mut DbConnection, id: &OrganizationId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(organizations::table.find(id))).get_result(conn)
}

/// `(id, full name)` of each of these users that exists, in no particular order.
pub fn user_names(conn: &mut DbConnection, ids: &[UserId]) -> QueryResult<Vec<(UserId, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::full_name))
        .load(conn)
}

/// How to reach a person, for those who may see it (an idea's team, staff).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct Contact {
    /// The user.
    pub id: UserId,
    /// Full name.
    pub full_name: String,
    /// Email.
    pub email: String,
    /// Telephone.
    pub phone: Option<String>,
}

/// The contacts of each of these users that exists, in no particular order.
pub fn contacts(conn: &mut DbConnection, ids: &[UserId]) -> QueryResult<Vec<Contact>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select(Contact::as_select())
        .load(conn)
}

/// What other domains show of an idea: a competition entry, a judge's task.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = ideas)]
pub struct IdeaBrief {
    /// Id.
    pub id: IdeaId,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: Option<String>,
    /// Sector code.
    pub sector: String,
    /// Stage code.
    pub stage: String,
    /// Workflow status.
    pub status: String,
    /// The organisation it belongs to.
    pub organization_id: Option<OrganizationId>,
    /// Set once the idea is deleted.
    pub deleted_at: Option<chrono::NaiveDateTime>,
}

/// The short form of each of these ideas, deleted ones included (`deleted_at` tells), in no
/// particular order.
pub fn idea_briefs(conn: &mut DbConnection, ids: &[IdeaId]) -> QueryResult<Vec<IdeaBrief>> {
    ideas::table
        .filter(ideas::id.eq_any(ids))
        .select(IdeaBrief::as_select())
        .load(conn)
}

/// The short form of an idea that is not deleted.
pub fn live_idea(conn: &mut DbConnection, id: &IdeaId) -> QueryResult<Option<IdeaBrief>> {
    ideas::table
        .find(id)
        .filter(ideas::deleted_at.is_null())
        .select(IdeaBrief::as_select())
        .first(conn)
        .optional()
}

/// The user's role in the idea's team (`lead`, `member`, `advisor`), if they are in it.
pub fn team_role(
    conn: &mut DbConnection,
    idea_id: &IdeaId,
    user_id: &UserId,
) -> QueryResult<Option<String>> {
    idea_members::table
        .find((idea_id, user_id))
        .select(idea_members::role)
        .first(conn)
        .optional()
}

/// The ideas in whose teams the user is.
pub fn ideas_of_member(conn: &mut DbConnection, user_id: &UserId) -> QueryResult<Vec<IdeaId>> {
    idea_members::table
        .filter(idea_members::user_id.eq(user_id))
        .select(idea_members::idea_id)
        .load(conn)
}

/// `(idea, member's full name)` of the teams of these ideas, each team in the order its
/// members joined.
pub fn team_names(
    conn: &mut DbConnection,
    idea_ids: &[IdeaId],
) -> QueryResult<Vec<(IdeaId, String)>> {
    idea_members::table
        .inner_join(users::table)
        .filter(idea_members::idea_id.eq_any(idea_ids))
        .select((idea_members::idea_id, users::full_name))
        .order((idea_members::idea_id.asc(), idea_members::added_at.asc()))
        .load(conn)
}

/// `(user, idea)` for each of these users who is in the team of one of these ideas.
pub fn team_members_among(
    conn: &mut DbConnection,
    idea_ids: &[IdeaId],
    user_ids: &[UserId],
) -> QueryResult<Vec<(UserId, IdeaId)>> {
    idea_members::table
        .filter(idea_members::idea_id.eq_any(idea_ids))
        .filter(idea_members::user_id.eq_any(user_ids))
        .select((idea_members::user_id, idea_members::idea_id))
        .load(conn)
}

/// `(user, organisation)` for each of these users who is a member of one of these
/// organisations.
pub fn organization_members_among(
    conn: &mut DbConnection,
    organization_ids: &[OrganizationId],
    user_ids: &[UserId],
) -> QueryResult<Vec<(UserId, OrganizationId)>> {
    organization_members::table
        .filter(organization_members::organization_id.eq_any(organization_ids))
        .filter(organization_members::user_id.eq_any(user_ids))
        .select((
            organization_members::user_id,
            organization_members::organization_id,
        ))
        .load(conn)
}

/// Refuses a new record of a full collection with [`CommonError::LimitReached`].
///
/// Takes the lock `key` first, so writers racing for the last place count one after the
/// other and at most `max` records ever exist; then compares `count` with `max`. `what` names
/// the records in Vietnamese and English for the error's detail.
pub fn ensure_room<E>(
    conn: &mut DbConnection,
    key: &str,
    max: i64,
    (vi, en): (&str, &str),
    count: impl FnOnce(&mut DbConnection) -> QueryResult<i64>,
) -> Result<(), E>
where
    E: From<CommonError>,
{
    conn.lock(key).map_err(CommonError::from)?;
    if count(conn).map_err(CommonError::from)? < max {
        Ok(())
    } else {
        Err(CommonError::LimitReached(Localized::at_most(max, vi, en)).into())
    }
}
