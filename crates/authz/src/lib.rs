//! Authorisation checks every domain shares.
//!
//! Global roles are on [`sonla_core::Actor`] (`has_role`, `is_admin`, `is_staff`, `is`);
//! this crate adds the refusals every domain writes (`require_staff`, `require_admin`) and
//! what needs the database: a user's global role as stored now, and their role in an
//! organisation. Each check is one line in a service, next to the data it protects.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sonla_core::{Actor, OrganizationId, Role, UserId};
use sonla_db::schema::{organization_members, user_roles};
use sonla_db::{CommonError, DbConnection};
use utoipa::ToSchema;

/// A role in an organisation, from the most to the least powerful.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// Runs the organisation's record and its members; an organisation always has one.
    Owner,
    /// Edits the record and manages ordinary members.
    Manager,
    /// Belongs to the organisation.
    Member,
}

impl OrgRole {
    /// The stored name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Manager => "manager",
            Self::Member => "member",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Owner, Self::Manager, Self::Member]
            .into_iter()
            .find(|r| r.as_str() == name)
    }

    /// Whether this role is `min` or more powerful.
    #[must_use]
    pub fn at_least(self, min: Self) -> bool {
        self <= min
    }
}

/// 403 unless the actor is an officer or an admin (provincial staff).
pub fn require_staff(actor: &Actor) -> Result<(), CommonError> {
    if actor.is_staff() {
        Ok(())
    } else {
        Err(CommonError::forbidden(
            "Chỉ cán bộ và quản trị viên làm được việc này",
            "Only officers and admins may do this",
        ))
    }
}

/// 403 unless the actor is an admin.
pub fn require_admin(actor: &Actor) -> Result<(), CommonError> {
    if actor.is_admin() {
        Ok(())
    } else {
        Err(CommonError::forbidden(
            "Chỉ quản trị viên được làm việc này",
            "Only administrators may do this",
        ))
    }
}

/// Whether the user holds the global role now (the database's word, not a token's, which
/// may be older).
pub fn holds_role(conn: &mut DbConnection, user_id: &UserId, role: Role) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        user_roles::table.find((user_id, role.as_str())),
    ))
    .get_result(conn)
}

/// The user's role in the organisation, if they belong to it.
pub fn org_role(
    conn: &mut DbConnection,
    organization_id: &OrganizationId,
    user_id: &UserId,
) -> QueryResult<Option<OrgRole>> {
    let role: Option<String> = organization_members::table
        .find((organization_id, user_id))
        .select(organization_members::role)
        .first(conn)
        .optional()?;
    Ok(role.as_deref().and_then(OrgRole::parse))
}

/// What the actor may do in an organisation: their own role, or owner's rights for admins.
pub fn effective_org_role(
    conn: &mut DbConnection,
    actor: &Actor,
    organization_id: &OrganizationId,
) -> QueryResult<Option<OrgRole>> {
    if actor.is_admin() {
        return Ok(Some(OrgRole::Owner));
    }
    org_role(conn, organization_id, &actor.user_id)
}

/// Whether the actor holds at least `min` in the organisation (admins always do).
pub fn has_org_role(
    conn: &mut DbConnection,
    actor: &Actor,
    organization_id: &OrganizationId,
    min: OrgRole,
) -> QueryResult<bool> {
    Ok(effective_org_role(conn, actor, organization_id)?.is_some_and(|role| role.at_least(min)))
}

#[cfg(test)]
mod tests {
    use super::OrgRole;

    #[test]
    fn roles_are_ordered_by_power() {
        assert!(OrgRole::Owner.at_least(OrgRole::Manager));
        assert!(OrgRole::Manager.at_least(OrgRole::Manager));
        assert!(!OrgRole::Member.at_least(OrgRole::Manager));
        assert_eq!(OrgRole::parse("manager"), Some(OrgRole::Manager));
        assert_eq!(OrgRole::parse("boss"), None);
    }
}
