//! Request and response types of the ideas API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sonla_core::serde_ext::double_option;
use sonla_core::validation::{http_url, not_blank, short_items};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::model::{HistoryEntry, IdeaView, ListItem, TeamMember};
use crate::workflow::{Action, IdeaStatus};

pub use crate::model::{IpKind, Sector, Stage, TeamRole, Visibility};

/// Intellectual property of an idea.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntellectualProperty {
    /// The kind of protection.
    pub kind: IpKind,
    /// Registration or application numbers.
    #[serde(default)]
    #[validate(length(max = 10), custom(function = number_items))]
    #[schema(max_items = 10, value_type = Vec<RegistrationNumber>)]
    pub registration_numbers: Vec<String>,
}

/// Links of an idea (`http` or `https` only).
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IdeaLinks {
    /// Website.
    #[validate(length(max = 500), custom(function = http_url))]
    #[schema(
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$",
        max_length = 500
    )]
    pub website: Option<String>,
    /// A video.
    #[validate(length(max = 500), custom(function = http_url))]
    #[schema(
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$",
        max_length = 500
    )]
    pub video: Option<String>,
    /// The pitch deck.
    #[validate(length(max = 500), custom(function = http_url))]
    #[schema(
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#][!-~]*)?$",
        max_length = 500
    )]
    pub pitch_deck: Option<String>,
}

fn number_items(items: &[String]) -> Result<(), ValidationError> {
    short_items(items, 50)
}

fn tag_items(items: &[String]) -> Result<(), ValidationError> {
    short_items(items, 40)
}

/// A tag: 1 to 40 characters (OpenAPI only).
#[derive(ToSchema)]
#[schema(min_length = 1, max_length = 40)]
pub struct Tag(pub String);

/// A registration or application number: 1 to 50 characters (OpenAPI only).
#[derive(ToSchema)]
#[schema(min_length = 1, max_length = 50)]
pub struct RegistrationNumber(pub String);

/// A new idea; its creator becomes the team's lead.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateIdeaRequest {
    /// Title.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Sấy lạnh mận hậu Mộc Châu"
    )]
    pub title: String,
    /// A short summary.
    #[validate(length(min = 1, max = 1000), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 1000)]
    pub summary: String,
    /// The full description.
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    /// Sector.
    pub sector: Sector,
    /// Stage.
    pub stage: Stage,
    /// Who may see it.
    pub visibility: Visibility,
    /// Commune or ward (xã, phường).
    #[validate(length(max = 100))]
    #[schema(max_length = 100, example = "Phường Mộc Châu")]
    pub locality: Option<String>,
    /// The former district (huyện), for records from before July 2025.
    #[validate(length(max = 100))]
    #[schema(max_length = 100, example = "Huyện Mộc Châu")]
    pub former_district: Option<String>,
    /// The organisation behind it (club, university, business, cooperative); the creator
    /// must belong to it.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub organization_id: Option<String>,
    /// Tags.
    #[serde(default)]
    #[validate(length(max = 10), custom(function = tag_items))]
    #[schema(max_items = 10, value_type = Vec<Tag>)]
    pub tags: Vec<String>,
    /// Intellectual property (default: none).
    #[validate(nested)]
    pub intellectual_property: Option<IntellectualProperty>,
    /// Links.
    #[validate(nested)]
    pub links: Option<IdeaLinks>,
    /// Funding needed, in đồng.
    #[validate(range(min = 0_i64, max = 1_000_000_000_000_000_i64))]
    #[schema(minimum = 0, maximum = 1_000_000_000_000_000_i64, format = Int64)]
    pub funding_need_vnd: Option<i64>,
    /// Notes on funding: seen by the team, officers and admins only.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub funding_note: Option<String>,
}

/// Changes to an idea: absent fields stay, `null` clears an optional one.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateIdeaRequest {
    /// New title.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 200)]
    pub title: Option<String>,
    /// New summary.
    #[validate(length(min = 1, max = 1000), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 1000)]
    pub summary: Option<String>,
    /// New description, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    pub description: Option<Option<String>>,
    /// New sector.
    pub sector: Option<Sector>,
    /// New stage.
    pub stage: Option<Stage>,
    /// New visibility.
    pub visibility: Option<Visibility>,
    /// New commune or ward, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub locality: Option<Option<String>>,
    /// New former district, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub former_district: Option<Option<String>>,
    /// New organisation, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub organization_id: Option<Option<String>>,
    /// New tags (replacing the old ones).
    #[validate(length(max = 10), custom(function = tag_items))]
    #[schema(max_items = 10, value_type = Option<Vec<Tag>>)]
    pub tags: Option<Vec<String>>,
    /// New intellectual property.
    #[validate(nested)]
    pub intellectual_property: Option<IntellectualProperty>,
    /// New links (replacing the old ones).
    #[validate(nested)]
    pub links: Option<IdeaLinks>,
    /// New funding need, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(range(min = 0_i64, max = 1_000_000_000_000_000_i64))]
    #[schema(minimum = 0, maximum = 1_000_000_000_000_000_i64, format = Int64)]
    pub funding_need_vnd: Option<Option<i64>>,
    /// New funding note, or `null`.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub funding_note: Option<Option<String>>,
}

/// A workflow action's note.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    /// Why: shown to the team in the idea's history. Required to reject.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Officers' selection data of an idea.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// Priority, 0 (lowest) to 5, or `null`.
    #[validate(range(min = 0, max = 5))]
    #[schema(minimum = 0, maximum = 5, format = Int32)]
    pub priority: Option<i32>,
    /// On the shortlist.
    pub shortlisted: bool,
    /// Internal note.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A person to add to an idea's team.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddTeamMemberRequest {
    /// The user's id.
    #[validate(custom(function = sonla_core::validation::uuid))]
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub user_id: String,
    /// Their role (default `member`).
    pub role: Option<TeamRole>,
}

/// Orders of the idea list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    /// Every search word in the title first, then the other matches, each group newest first
    /// (the default with `q`; needs `q`).
    Relevance,
    /// Newest first (the default without `q`).
    Newest,
    /// Most recently changed first (not with `q`).
    Updated,
    /// Highest priority first (officers and admins; not with `q`).
    Priority,
    /// By title, A to Z, ignoring case and diacritics (not with `q`).
    Title,
}

/// Filters, search and paging of the idea list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListIdeasQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    /// Words to find in title, summary, description and tags; diacritics and case are ignored
    /// ("khoi nghiep nong san" finds "Khởi nghiệp nông sản"). Every word must match a whole
    /// word; the last one may also be the start of a longer one, for type-ahead ("nong s"
    /// finds "nông sản"); words after the eighth are ignored. Quotes, `*`, brackets, `-`,
    /// `:`, `^`, `AND`, `OR`, `NOT` and `NEAR` are plain text, never operators. A `q` with no
    /// word (letters or digits) in it, or longer than 200 characters, is refused with 422.
    #[validate(length(max = 200), custom(function = sonla_core::validation::search_words))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only this sector.
    #[param(inline)]
    pub sector: Option<Sector>,
    /// Only this stage.
    #[param(inline)]
    pub stage: Option<Stage>,
    /// Only this status.
    #[param(inline)]
    pub status: Option<IdeaStatus>,
    /// Only this commune or ward (case and diacritics ignored).
    #[validate(length(max = 100))]
    #[param(max_length = 100)]
    pub locality: Option<String>,
    /// Only ideas of this organisation.
    #[validate(length(max = 36))]
    #[param(max_length = 36)]
    pub organization_id: Option<String>,
    /// Only this priority (officers and admins).
    #[validate(range(min = 0, max = 5))]
    #[param(minimum = 0, maximum = 5)]
    pub priority: Option<i32>,
    /// Only shortlisted (or not) ideas (officers and admins).
    pub shortlisted: Option<bool>,
    /// Created at or after (RFC 3339).
    pub created_from: Option<DateTime<Utc>>,
    /// Created before.
    pub created_to: Option<DateTime<Utc>>,
    /// Changed at or after.
    pub updated_from: Option<DateTime<Utc>>,
    /// Changed before.
    pub updated_to: Option<DateTime<Utc>>,
    /// Order (default `relevance` with `q`, else `newest`). With `q` the order is `relevance`
    /// (ideas with every word in the title first, then the others, each group newest first)
    /// or `newest`; other orders are refused with 422.
    #[param(inline)]
    pub sort: Option<IdeaSort>,
    /// Sync mode: only ideas changed after this time, oldest change first, with tombstones
    /// for ideas deleted or hidden from the caller since. Not combined with `q` or `sort`.
    pub updated_since: Option<DateTime<Utc>>,
}

/// Officers' data on an idea, in responses.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionResponse {
    /// Priority 0 to 5.
    #[schema(format = Int32)]
    pub priority: Option<i32>,
    /// On the shortlist.
    pub shortlisted: bool,
    /// Internal note.
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// An idea as the caller may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IdeaResponse {
    /// Id (UUID v7).
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Title.
    #[schema(max_length = 200)]
    pub title: String,
    /// Summary.
    #[schema(max_length = 1000)]
    pub summary: String,
    /// Description.
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    /// Sector.
    pub sector: Sector,
    /// Stage.
    pub stage: Stage,
    /// Workflow status.
    pub status: IdeaStatus,
    /// Who may see it.
    pub visibility: Visibility,
    /// Commune or ward.
    #[schema(max_length = 100)]
    pub locality: Option<String>,
    /// Former district.
    #[schema(max_length = 100)]
    pub former_district: Option<String>,
    /// Organisation.
    #[schema(format = Uuid, max_length = 36)]
    pub organization_id: Option<String>,
    /// Tags.
    #[schema(max_items = 10, value_type = Vec<Tag>)]
    pub tags: Vec<String>,
    /// Intellectual property.
    pub intellectual_property: IntellectualProperty,
    /// Links.
    pub links: IdeaLinks,
    /// Funding needed, in đồng.
    #[schema(format = Int64)]
    pub funding_need_vnd: Option<i64>,
    /// Funding notes: present for the team, officers and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2000)]
    pub funding_note: Option<String>,
    /// Officers' priority, shortlist and note: present for officers and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selection: Option<SelectionResponse>,
    /// The caller's role in the team, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_role: Option<TeamRole>,
    /// Creation time (UTC).
    pub created_at: DateTime<Utc>,
    /// Last change (UTC).
    pub updated_at: DateTime<Utc>,
}

/// An idea deleted or hidden from the caller since `updated_since`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Tombstone {
    /// The idea's id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Always `true`.
    pub deleted: bool,
    /// When it changed (UTC).
    pub updated_at: DateTime<Utc>,
}

/// An item of the idea list: an idea or, in sync mode, a tombstone.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum IdeaListItem {
    /// An idea the caller may see.
    Idea(Box<IdeaResponse>),
    /// An idea the caller should forget.
    Tombstone(Tombstone),
}

/// How many ideas match.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountResponse {
    /// The number of ideas the caller may see that match the filters, at most 10,000: counting
    /// stops there, and `capped` says so.
    #[schema(format = Int64, minimum = 0, maximum = 10_000, example = 42)]
    pub count: i64,
    /// Whether more ideas than `count` match (the count stopped at its cap of 10,000).
    pub capped: bool,
}

/// A member of an idea's team.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TeamMemberResponse {
    /// The user's id.
    #[schema(format = Uuid, max_length = 36)]
    pub user_id: String,
    /// Full name.
    #[schema(max_length = 200)]
    pub full_name: String,
    /// Role.
    pub role: TeamRole,
    /// Email: for the team, officers and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 254)]
    pub email: Option<String>,
    /// Telephone: for the team, officers and admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 20)]
    pub phone: Option<String>,
    /// When they joined (UTC).
    pub added_at: DateTime<Utc>,
}

/// A workflow transition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HistoryEntryResponse {
    /// Id.
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// The action.
    pub action: Action,
    /// Status before.
    pub from_status: IdeaStatus,
    /// Status after.
    pub to_status: IdeaStatus,
    /// The note given.
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Who acted.
    #[schema(format = Uuid, max_length = 36)]
    pub actor_id: Option<String>,
    /// When (UTC).
    pub occurred_at: DateTime<Utc>,
}

/// A sector with its names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SectorResponse {
    /// The code used in ideas.
    pub code: Sector,
    /// Name in the response's language.
    #[schema(max_length = 100)]
    pub name: String,
}

impl From<IdeaView> for IdeaResponse {
    fn from(view: IdeaView) -> Self {
        let IdeaView {
            idea,
            my_role,
            private,
            staff,
        } = view;
        let links = links_of(&idea);
        Self {
            sector: Sector::parse(&idea.sector).unwrap_or(Sector::Other),
            stage: Stage::parse(&idea.stage).unwrap_or(Stage::Idea),
            status: IdeaStatus::parse(&idea.status).unwrap_or(IdeaStatus::Draft),
            visibility: Visibility::parse(&idea.visibility).unwrap_or(Visibility::Private),
            tags: serde_json::from_str(&idea.tags).unwrap_or_default(),
            intellectual_property: IntellectualProperty {
                kind: IpKind::parse(&idea.ip_kind).unwrap_or(IpKind::None),
                registration_numbers: serde_json::from_str(&idea.ip_numbers).unwrap_or_default(),
            },
            links,
            funding_note: if private { idea.funding_note } else { None },
            selection: staff.then_some(SelectionResponse {
                priority: idea.priority,
                shortlisted: idea.shortlisted,
                note: idea.officer_note,
            }),
            my_role,
            id: idea.id.into(),
            title: idea.title,
            summary: idea.summary,
            description: idea.description,
            locality: idea.locality,
            former_district: idea.former_district,
            organization_id: idea.organization_id.map(Into::into),
            funding_need_vnd: idea.funding_need_vnd,
            created_at: idea.created_at.and_utc(),
            updated_at: idea.updated_at.and_utc(),
        }
    }
}

/// The links of an idea row.
fn links_of(idea: &crate::model::Idea) -> IdeaLinks {
    IdeaLinks {
        website: idea.website_url.clone(),
        video: idea.video_url.clone(),
        pitch_deck: idea.pitch_deck_url.clone(),
    }
}

impl From<ListItem> for IdeaListItem {
    fn from(item: ListItem) -> Self {
        match item {
            ListItem::Idea(view) => Self::Idea(Box::new(IdeaResponse::from(*view))),
            ListItem::Tombstone { id, updated_at } => Self::Tombstone(Tombstone {
                id: id.into(),
                deleted: true,
                updated_at: updated_at.and_utc(),
            }),
        }
    }
}

impl TeamMemberResponse {
    /// A member, with contacts only when the caller may see them.
    #[must_use]
    pub fn new(member: TeamMember, private: bool) -> Self {
        Self {
            role: TeamRole::parse(&member.role).unwrap_or(TeamRole::Member),
            user_id: member.user_id.into(),
            full_name: member.full_name,
            email: private.then_some(member.email),
            phone: if private { member.phone } else { None },
            added_at: member.added_at.and_utc(),
        }
    }
}

impl From<HistoryEntry> for HistoryEntryResponse {
    fn from(entry: HistoryEntry) -> Self {
        Self {
            action: Action::parse(&entry.action).unwrap_or(Action::Submit),
            from_status: IdeaStatus::parse(&entry.from_status).unwrap_or(IdeaStatus::Draft),
            to_status: IdeaStatus::parse(&entry.to_status).unwrap_or(IdeaStatus::Draft),
            id: entry.id,
            note: entry.note,
            actor_id: entry.actor_id.map(Into::into),
            occurred_at: entry.occurred_at.and_utc(),
        }
    }
}

/// The status changes of an idea, oldest first (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 1_000)]
pub struct HistoryList(pub Vec<HistoryEntryResponse>);

/// The team of an idea (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 20)]
pub struct TeamList(pub Vec<TeamMemberResponse>);

/// The sectors of the plan (OpenAPI only).
#[derive(ToSchema)]
#[schema(max_items = 50)]
pub struct SectorList(pub Vec<SectorResponse>);
