//! Use cases of the organisations domain.

use chrono::NaiveDateTime;
use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_authz::{OrgRole, effective_org_role};
use sonla_core::serde_ext::{clean, clean_name};
use sonla_core::text::fold;
use sonla_core::{Actor, OrganizationId, UserId};
use sonla_core::{Page, PageRequest};
use sonla_db::search::Query;
use sonla_db::{CommonError, DbConnection, DbPool, body_id, precondition};

use crate::OrganizationError;
use crate::api::{
    AddMemberRequest, CreateOrganizationRequest, ListMembersQuery, ListOrganizationsQuery,
    MemberResponse, OrganizationKind, OrganizationResponse, OrganizationSort, UpdateMemberRequest,
    UpdateOrganizationRequest,
};
use crate::model::{Member, NewMember, Organization, OrganizationChanges};
use crate::repo::{self, ListFilter, SortKey};

fn sort_key(sort: OrganizationSort, row: &Organization) -> SortKey {
    match sort {
        OrganizationSort::Name => SortKey::Name {
            k: row.name_key.clone(),
            id: row.id.clone(),
        },
        OrganizationSort::Newest => SortKey::Newest {
            t: row.created_at,
            id: row.id.clone(),
        },
    }
}

/// Lists organisations, filtered, searched and paged by cursor.
#[tracing::instrument(skip_all)]
pub async fn list_organizations(
    pool: &DbPool,
    query: ListOrganizationsQuery,
) -> Result<Page<Organization>, OrganizationError> {
    let sort = query.sort.unwrap_or_default();
    let request = PageRequest::<SortKey>::decode(query.limit, query.cursor.as_deref())?;
    let cursor_fits = matches!(
        (&request.after, sort),
        (None, _)
            | (Some(SortKey::Name { .. }), OrganizationSort::Name)
            | (Some(SortKey::Newest { .. }), OrganizationSort::Newest)
    );
    if !cursor_fits {
        return Err(CommonError::InvalidCursor.into());
    }
    let filter = ListFilter {
        kind: query.kind.map(OrganizationKind::as_str),
        query: query.q.as_deref().and_then(Query::parse),
        newest: sort == OrganizationSort::Newest,
    };
    pool.run(move |conn| {
        let rows = repo::list(conn, &filter, request.after.as_ref(), request.fetch_limit())?;
        Ok(request.page(rows, |row| sort_key(sort, row)))
    })
    .await
}

/// Gets one organisation.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn get_organization(
    pool: &DbPool,
    id: OrganizationId,
) -> Result<Organization, OrganizationError> {
    pool.run(move |conn| repo::find_by_id(conn, &id)?.ok_or(OrganizationError::NotFound))
        .await
}

/// Creates an organisation; its creator becomes its owner.
#[tracing::instrument(skip_all)]
pub async fn create_organization(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    request: CreateOrganizationRequest,
) -> Result<Organization, OrganizationError> {
    let name = clean_name(&request.name);
    let now = sonla_db::now();
    let row = Organization {
        id: OrganizationId::generate(),
        name_key: fold(&name),
        name,
        kind: request.kind.as_str().to_owned(),
        short_description: clean(request.short_description),
        website: clean(request.website),
        contact_email: clean(request.contact_email).map(|e| e.to_lowercase()),
        contact_phone: clean(request.contact_phone),
        address: clean(request.address),
        locality: clean(request.locality),
        created_by: Some(actor.user_id.clone()),
        created_at: now,
        updated_at: now,
    };
    pool.write(move |conn| {
        repo::insert(conn, &row)?;
        let owner = NewMember {
            organization_id: &row.id,
            user_id: &actor.user_id,
            role: OrgRole::Owner.as_str(),
            added_at: now,
        };
        repo::insert_member(conn, &owner)?;
        let event = Event::new("organization.created", "organization", Some(&row.id))
            .after(OrganizationResponse::from(row.clone()));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(row)
    })
    .await
}

/// Refuses a change when `If-Match` names another version of the organisation.
fn check_if_match(if_match: Option<&str>, current: &Organization) -> Result<(), CommonError> {
    precondition(sonla_core::if_match_holds(
        if_match,
        &OrganizationResponse::from(current.clone()),
    ))
}

/// Refuses a change when `If-Match` names another version of the member as listed.
fn check_member_if_match(if_match: Option<&str>, member: &Member) -> Result<(), CommonError> {
    precondition(sonla_core::if_match_holds(
        if_match,
        &MemberResponse::from(member.clone()),
    ))
}

/// The organisation, or 404.
fn existing(
    conn: &mut DbConnection,
    id: &OrganizationId,
) -> Result<Organization, OrganizationError> {
    repo::find_by_id(conn, id)?.ok_or(OrganizationError::NotFound)
}

/// The actor's role in the organisation, or 403 when it is below `min`. Admins act as owners.
fn require_org_role(
    conn: &mut DbConnection,
    actor: &Actor,
    id: &OrganizationId,
    min: OrgRole,
) -> Result<OrgRole, OrganizationError> {
    match effective_org_role(conn, actor, id)? {
        Some(role) if role.at_least(min) => Ok(role),
        _ => Err(CommonError::forbidden(
            "Bạn không có quyền này trong tổ chức",
            "Your role in this organisation does not allow this",
        )
        .into()),
    }
}

/// Changes an organisation: its owners and managers, officers and admins.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn update_organization(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: OrganizationId,
    request: UpdateOrganizationRequest,
    if_match: Option<String>,
) -> Result<Organization, OrganizationError> {
    let name = request.name.as_deref().map(clean_name);
    let changes = OrganizationChanges {
        name_key: name.as_deref().map(fold),
        name,
        kind: request.kind.map(|k| k.as_str().to_owned()),
        short_description: request.short_description.map(clean),
        website: request.website.map(clean),
        contact_email: request
            .contact_email
            .map(|e| clean(e).map(|e| e.to_lowercase())),
        contact_phone: request.contact_phone.map(clean),
        address: request.address.map(clean),
        locality: request.locality.map(clean),
        updated_at: Some(sonla_db::now()),
    };
    pool.write(move |conn| {
        // On PostgreSQL no other change of the organisation slips between check and write.
        conn.lock(&format!("organization:{id}"))?;
        let before = existing(conn, &id)?;
        if !actor.is_staff() {
            require_org_role(conn, &actor, &id, OrgRole::Manager)?;
        }
        check_if_match(if_match.as_deref(), &before)?;
        let after = repo::update(conn, &id, &changes)?;
        let event = Event::new("organization.updated", "organization", Some(&id))
            .before(OrganizationResponse::from(before))
            .after(OrganizationResponse::from(after.clone()));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(after)
    })
    .await
}

/// Deletes an organisation: its owners and admins.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn delete_organization(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: OrganizationId,
    if_match: Option<String>,
) -> Result<(), OrganizationError> {
    pool.write(move |conn| {
        conn.lock(&format!("organization:{id}"))?;
        let before = existing(conn, &id)?;
        require_org_role(conn, &actor, &id, OrgRole::Owner)?;
        check_if_match(if_match.as_deref(), &before)?;
        repo::delete(conn, &id)?;
        let event = Event::new("organization.deleted", "organization", Some(&id))
            .before(OrganizationResponse::from(before));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}

/// Lists members: for the organisation's members, officers and admins.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn list_members(
    pool: &DbPool,
    actor: Actor,
    id: OrganizationId,
    query: ListMembersQuery,
) -> Result<Page<Member>, OrganizationError> {
    let request =
        PageRequest::<(NaiveDateTime, UserId)>::decode(query.limit, query.cursor.as_deref())?;
    pool.run(move |conn| {
        existing(conn, &id)?;
        if !actor.is_staff() {
            require_org_role(conn, &actor, &id, OrgRole::Member)?;
        }
        let rows = repo::list_members(conn, &id, request.after.as_ref(), request.fetch_limit())?;
        Ok(request.page(rows, |m| (m.added_at, m.user_id.clone())))
    })
    .await
}

/// Managers add members; only owners (and admins) add owners and managers.
fn may_assign(actor_role: OrgRole, role: OrgRole) -> bool {
    actor_role == OrgRole::Owner || role == OrgRole::Member
}

fn member_event<'a>(
    action: &'a str,
    id: &'a OrganizationId,
    user_id: &UserId,
    before: Option<OrgRole>,
    after: Option<OrgRole>,
) -> Event<'a> {
    let mut event = Event::new(action, "organization", Some(id));
    if let Some(role) = before {
        event = event.before(json!({"user_id": user_id, "role": role}));
    }
    if let Some(role) = after {
        event = event.after(json!({"user_id": user_id, "role": role}));
    }
    event
}

fn role_of(member: &Member) -> OrgRole {
    OrgRole::parse(&member.role).unwrap_or(OrgRole::Member)
}

/// Fails when removing or demoting `member` would leave no owner. Call under the owner lock.
fn keep_an_owner(
    conn: &mut DbConnection,
    id: &OrganizationId,
    member: &Member,
) -> Result<(), OrganizationError> {
    if role_of(member) == OrgRole::Owner && repo::count_owners(conn, id)? <= 1 {
        return Err(OrganizationError::LastOwner);
    }
    Ok(())
}

/// Adds a member.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn add_member(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: OrganizationId,
    request: AddMemberRequest,
) -> Result<Member, OrganizationError> {
    let role = request.role.unwrap_or(OrgRole::Member);
    let user_id: UserId = body_id("user_id", &request.user_id)?;
    pool.write(move |conn| {
        existing(conn, &id)?;
        let actor_role = require_org_role(conn, &actor, &id, OrgRole::Manager)?;
        if !may_assign(actor_role, role) {
            return Err(CommonError::forbidden(
                "Chỉ chủ sở hữu được thêm chủ sở hữu hoặc người quản lý",
                "Only owners add owners and managers",
            )
            .into());
        }
        if !sonla_db::lookup::user_exists(conn, &user_id)? {
            return Err(OrganizationError::UserNotFound);
        }
        if repo::find_member(conn, &id, &user_id)?.is_some() {
            return Err(OrganizationError::AlreadyMember);
        }
        let new = NewMember {
            organization_id: &id,
            user_id: &user_id,
            role: role.as_str(),
            added_at: sonla_db::now(),
        };
        repo::insert_member(conn, &new)?;
        let event = member_event("organization.member_added", &id, &user_id, None, Some(role));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        repo::find_member(conn, &id, &user_id)?.ok_or(OrganizationError::MemberNotFound)
    })
    .await
}

/// Changes a member's role: owners and admins.
#[tracing::instrument(skip_all, fields(organization_id = %id, user_id = %user_id))]
pub async fn update_member(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: OrganizationId,
    user_id: UserId,
    request: UpdateMemberRequest,
    if_match: Option<String>,
) -> Result<Member, OrganizationError> {
    pool.write(move |conn| {
        existing(conn, &id)?;
        require_org_role(conn, &actor, &id, OrgRole::Owner)?;
        // Role changes and removals take this lock before reading the member, so the
        // `If-Match` check below sees the last committed role.
        conn.lock(&format!("organization-owners:{id}"))?;
        let member =
            repo::find_member(conn, &id, &user_id)?.ok_or(OrganizationError::MemberNotFound)?;
        check_member_if_match(if_match.as_deref(), &member)?;
        if role_of(&member) == request.role {
            return Ok(member);
        }
        keep_an_owner(conn, &id, &member)?;
        repo::update_member_role(conn, &id, &user_id, request.role.as_str())?;
        let event = member_event(
            "organization.member_role_changed",
            &id,
            &user_id,
            Some(role_of(&member)),
            Some(request.role),
        );
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        repo::find_member(conn, &id, &user_id)?.ok_or(OrganizationError::MemberNotFound)
    })
    .await
}

/// Removes a member: anyone may leave; managers remove members; owners remove anyone.
#[tracing::instrument(skip_all, fields(organization_id = %id, user_id = %user_id))]
pub async fn remove_member(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: OrganizationId,
    user_id: UserId,
    if_match: Option<String>,
) -> Result<(), OrganizationError> {
    pool.write(move |conn| {
        existing(conn, &id)?;
        let actor_role = effective_org_role(conn, &actor, &id)?;
        conn.lock(&format!("organization-owners:{id}"))?;
        let member = repo::find_member(conn, &id, &user_id)?;
        let leaving = actor.is(&user_id) && member.is_some();
        let allowed = leaving
            || actor_role.is_some_and(|r| {
                r.at_least(OrgRole::Manager)
                    && member.as_ref().is_none_or(|m| may_assign(r, role_of(m)))
            });
        if !allowed {
            return Err(CommonError::forbidden(
                "Bạn không có quyền xóa thành viên này",
                "Your role in this organisation does not allow removing this member",
            )
            .into());
        }
        let member = member.ok_or(OrganizationError::MemberNotFound)?;
        check_member_if_match(if_match.as_deref(), &member)?;
        keep_an_owner(conn, &id, &member)?;
        repo::delete_member(conn, &id, &user_id)?;
        let event = member_event(
            "organization.member_removed",
            &id,
            &user_id,
            Some(role_of(&member)),
            None,
        );
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}
