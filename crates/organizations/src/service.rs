//! Use cases of the organisations domain.

use sonla_core::id::new_id;
use sonla_core::page::DEFAULT_LIMIT;
use sonla_core::serde_ext::{clean, clean_name};
use sonla_core::text::fold;
use sonla_core::{Cursor, Page, PageRequest};
use sonla_db::{DbPool, search};

use crate::OrganizationError;
use crate::api::{
    CreateOrganizationRequest, ListOrganizationsQuery, OrganizationKind, OrganizationSort,
    UpdateOrganizationRequest,
};
use crate::model::{Organization, OrganizationChanges};
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
    let after = query
        .cursor
        .as_deref()
        .map(Cursor::decode::<SortKey>)
        .transpose()?;
    let cursor_fits = matches!(
        (&after, sort),
        (None, _)
            | (Some(SortKey::Name { .. }), OrganizationSort::Name)
            | (Some(SortKey::Newest { .. }), OrganizationSort::Newest)
    );
    if !cursor_fits {
        return Err(OrganizationError::InvalidCursor);
    }
    let filter = ListFilter {
        kind: query.kind.map(OrganizationKind::as_str),
        terms: query
            .q
            .as_deref()
            .map(search::query_terms)
            .unwrap_or_default(),
        newest: sort == OrganizationSort::Newest,
    };
    let request = PageRequest {
        limit: query.limit.unwrap_or(DEFAULT_LIMIT),
        after,
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
    id: String,
) -> Result<Organization, OrganizationError> {
    pool.run(move |conn| repo::find_by_id(conn, &id)?.ok_or(OrganizationError::NotFound))
        .await
}

/// Creates an organisation; `created_by` is the caller's account once login exists.
#[tracing::instrument(skip_all)]
pub async fn create_organization(
    pool: &DbPool,
    created_by: Option<String>,
    request: CreateOrganizationRequest,
) -> Result<Organization, OrganizationError> {
    let name = clean_name(&request.name);
    let now = sonla_db::now();
    let row = Organization {
        id: new_id(),
        name_key: fold(&name),
        name,
        kind: request.kind.as_str().to_owned(),
        short_description: clean(request.short_description),
        website: clean(request.website),
        contact_email: clean(request.contact_email).map(|e| e.to_lowercase()),
        contact_phone: clean(request.contact_phone),
        address: clean(request.address),
        locality: clean(request.locality),
        created_by,
        created_at: now,
        updated_at: now,
    };
    pool.run(move |conn| {
        conn.write_transaction(|conn| repo::insert(conn, &row))?;
        Ok(row)
    })
    .await
}

/// Changes an organisation.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn update_organization(
    pool: &DbPool,
    id: String,
    request: UpdateOrganizationRequest,
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
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            if repo::find_by_id(conn, &id)?.is_none() {
                return Err(OrganizationError::NotFound);
            }
            Ok(repo::update(conn, &id, &changes)?)
        })
    })
    .await
}

/// Deletes an organisation.
#[tracing::instrument(skip_all, fields(organization_id = %id))]
pub async fn delete_organization(pool: &DbPool, id: String) -> Result<(), OrganizationError> {
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            if repo::delete(conn, &id)? {
                Ok(())
            } else {
                Err(OrganizationError::NotFound)
            }
        })
    })
    .await
}
