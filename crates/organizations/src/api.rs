//! Request and response types of the organisations API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sonla_core::serde_ext::double_option;
use sonla_core::validation::{email, http_url, not_blank, phone};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use sonla_authz::OrgRole;

use crate::model::{Member, Organization};

/// What kind of organisation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// Đại học.
    University,
    /// Cao đẳng.
    College,
    /// Trường phổ thông or vocational school.
    School,
    /// Câu lạc bộ khởi nghiệp (a startup club).
    Club,
    /// Doanh nghiệp.
    Business,
    /// Hợp tác xã.
    Cooperative,
    /// Vườn ươm (an incubator).
    Incubator,
    /// Quỹ (a fund).
    Fund,
    /// Cơ quan nhà nước (a government agency).
    Agency,
    /// Hiệp hội (an association).
    Association,
    /// Anything else.
    Other,
}

impl OrganizationKind {
    /// Every kind.
    pub const ALL: [Self; 11] = [
        Self::University,
        Self::College,
        Self::School,
        Self::Club,
        Self::Business,
        Self::Cooperative,
        Self::Incubator,
        Self::Fund,
        Self::Agency,
        Self::Association,
        Self::Other,
    ];

    /// The stored name, the same as the JSON one.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::University => "university",
            Self::College => "college",
            Self::School => "school",
            Self::Club => "club",
            Self::Business => "business",
            Self::Cooperative => "cooperative",
            Self::Incubator => "incubator",
            Self::Fund => "fund",
            Self::Agency => "agency",
            Self::Association => "association",
            Self::Other => "other",
        }
    }

    /// Reads a stored name; unknown names read as `Other`.
    #[must_use]
    pub fn parse(stored: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == stored)
            .unwrap_or(Self::Other)
    }
}

/// A new organisation.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganizationRequest {
    /// Name, unique ignoring case and diacritics.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Trường Đại học Tây Bắc"
    )]
    pub name: String,
    /// Kind.
    pub kind: OrganizationKind,
    /// A short description.
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub short_description: Option<String>,
    /// Website, `http` or `https`.
    #[validate(length(max = 300), custom(function = http_url))]
    #[schema(
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$",
        max_length = 300,
        example = "https://utb.edu.vn"
    )]
    pub website: Option<String>,
    /// Contact email.
    #[validate(length(max = 254), custom(function = email))]
    #[schema(max_length = 254, format = Email)]
    pub contact_email: Option<String>,
    /// Contact telephone: 8 to 15 digits, optional leading `+`.
    #[validate(length(max = 20), custom(function = phone))]
    #[schema(
        pattern = r"^\+?(?:[ .-]*[0-9]){8,15}[ .-]*$",
        max_length = 20,
        example = "+84 212 3751 700"
    )]
    pub contact_phone: Option<String>,
    /// Postal address.
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub address: Option<String>,
    /// Commune or ward (xã, phường).
    #[validate(length(max = 100))]
    #[schema(max_length = 100, example = "Phường Chiềng Sinh")]
    pub locality: Option<String>,
}

/// Changes to an organisation: absent fields stay as they are, `null` clears an optional one.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganizationRequest {
    /// New name.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// New kind.
    pub kind: Option<OrganizationKind>,
    /// New description, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub short_description: Option<Option<String>>,
    /// New website, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 300), custom(function = http_url))]
    #[schema(
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$",
        max_length = 300
    )]
    pub website: Option<Option<String>>,
    /// New email, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 254), custom(function = email))]
    #[schema(max_length = 254, format = Email)]
    pub contact_email: Option<Option<String>>,
    /// New telephone, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 20), custom(function = phone))]
    #[schema(pattern = r"^\+?(?:[ .-]*[0-9]){8,15}[ .-]*$", max_length = 20)]
    pub contact_phone: Option<Option<String>>,
    /// New address, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub address: Option<Option<String>>,
    /// New locality, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub locality: Option<Option<String>>,
}

/// Orders of the organisation list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationSort {
    /// By name, A to Z, ignoring case and diacritics (the default).
    #[default]
    Name,
    /// Newest first.
    Newest,
}

/// Filters and paging of the organisation list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListOrganizationsQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    /// Words to find in name, description, address and locality; diacritics and case are
    /// ignored ("dai hoc tay bac"). Every word must match a whole word; the last one may also
    /// be the start of a longer one ("dai hoc tay b"). Quotes, `*`, brackets and operators are
    /// plain text. A `q` with no word (letters or digits) in it, or longer than 200 characters,
    /// is refused with 422. The list keeps its `sort` order.
    #[validate(length(max = 200), custom(function = sonla_core::validation::search_words))]
    #[param(max_length = 200, example = "dai hoc tay bac")]
    pub q: Option<String>,
    /// Only this kind.
    #[param(inline)]
    pub kind: Option<OrganizationKind>,
    /// Order (default `name`).
    #[param(inline)]
    pub sort: Option<OrganizationSort>,
}

/// An organisation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrganizationResponse {
    /// Id (UUID v7).
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Name.
    #[schema(max_length = 200)]
    pub name: String,
    /// Kind.
    pub kind: OrganizationKind,
    /// Short description.
    #[schema(max_length = 500)]
    pub short_description: Option<String>,
    /// Website.
    #[schema(max_length = 300)]
    pub website: Option<String>,
    /// Contact email.
    #[schema(max_length = 254, format = Email)]
    pub contact_email: Option<String>,
    /// Contact telephone.
    #[schema(max_length = 20)]
    pub contact_phone: Option<String>,
    /// Postal address.
    #[schema(max_length = 300)]
    pub address: Option<String>,
    /// Commune or ward.
    #[schema(max_length = 100)]
    pub locality: Option<String>,
    /// When it was created (UTC).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC).
    pub updated_at: DateTime<Utc>,
}

impl From<Organization> for OrganizationResponse {
    fn from(row: Organization) -> Self {
        Self {
            kind: OrganizationKind::parse(&row.kind),
            id: row.id.into(),
            name: row.name,
            short_description: row.short_description,
            website: row.website,
            contact_email: row.contact_email,
            contact_phone: row.contact_phone,
            address: row.address,
            locality: row.locality,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

/// A person to add to an organisation.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddMemberRequest {
    /// The user's id.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub user_id: String,
    /// Their role (default `member`). Only owners add owners and managers.
    pub role: Option<OrgRole>,
}

/// A new role for a member.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMemberRequest {
    /// The role.
    pub role: OrgRole,
}

/// Paging of the member list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListMembersQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A member of an organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberResponse {
    /// The user's id.
    #[schema(format = Uuid, max_length = 36)]
    pub user_id: String,
    /// The user's full name.
    #[schema(max_length = 200)]
    pub full_name: String,
    /// Their role in the organisation.
    pub role: OrgRole,
    /// When they joined (UTC).
    pub added_at: DateTime<Utc>,
}

impl From<Member> for MemberResponse {
    fn from(member: Member) -> Self {
        Self {
            role: OrgRole::parse(&member.role).unwrap_or(OrgRole::Member),
            user_id: member.user_id.into(),
            full_name: member.full_name,
            added_at: member.added_at.and_utc(),
        }
    }
}
