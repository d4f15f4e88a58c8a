//! Rows of the `organizations` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_core::{OrganizationId, UserId};
use sonla_db::schema::{organization_members, organizations};
use sonla_db::search::Document;

/// The search-index kind of organisations.
pub const SEARCH_KIND: &str = "organization";

/// An organisation row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = organizations)]
pub struct Organization {
    /// UUID v7.
    pub id: OrganizationId,
    /// Display name.
    pub name: String,
    /// Folded name: unique, and the sort key of the `name` order.
    pub name_key: String,
    /// One of [`crate::api::OrganizationKind`].
    pub kind: String,
    /// Short description.
    pub short_description: Option<String>,
    /// `http`/`https` website.
    pub website: Option<String>,
    /// Contact email.
    pub contact_email: Option<String>,
    /// Contact telephone.
    pub contact_phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Commune or ward.
    pub locality: Option<String>,
    /// The account that created it.
    pub created_by: Option<UserId>,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

impl Organization {
    /// The organisation's search document: the name, then description, address and locality.
    #[must_use]
    pub fn search_document(&self) -> Document {
        let body: Vec<&str> = [&self.short_description, &self.address, &self.locality]
            .into_iter()
            .filter_map(|t| t.as_deref())
            .collect();
        Document::new(SEARCH_KIND, self.id.as_str(), &self.name, &body)
    }
}

/// Changed columns of an update; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = organizations)]
pub struct OrganizationChanges {
    /// New name.
    pub name: Option<String>,
    /// New folded name.
    pub name_key: Option<String>,
    /// New kind.
    pub kind: Option<String>,
    /// New description; `Some(None)` clears it.
    pub short_description: Option<Option<String>>,
    /// New website; `Some(None)` clears it.
    pub website: Option<Option<String>>,
    /// New email; `Some(None)` clears it.
    pub contact_email: Option<Option<String>>,
    /// New telephone; `Some(None)` clears it.
    pub contact_phone: Option<Option<String>>,
    /// New address; `Some(None)` clears it.
    pub address: Option<Option<String>>,
    /// New locality; `Some(None)` clears it.
    pub locality: Option<Option<String>>,
    /// Change time.
    pub updated_at: Option<NaiveDateTime>,
}

/// A membership row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = organization_members)]
pub struct NewMember<'a> {
    /// The organisation.
    pub organization_id: &'a OrganizationId,
    /// The user.
    pub user_id: &'a UserId,
    /// `owner`, `manager` or `member`.
    pub role: &'a str,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// A member with their name.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    /// The user.
    pub user_id: UserId,
    /// Their name.
    pub full_name: String,
    /// `owner`, `manager` or `member`.
    pub role: String,
    /// When they joined.
    pub added_at: NaiveDateTime,
}
