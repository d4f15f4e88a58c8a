//! Rows of the ideas tables, the domain's enums, and the views services return.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_core::{IdeaId, OrganizationId, UserId, string_enum};
pub use sonla_core::{Sector, Stage};
use sonla_db::schema::{idea_history, idea_members, ideas};
use sonla_db::search::Document;

/// An idea row.
#[derive(
    Debug, Clone, PartialEq, Eq, Queryable, QueryableByName, Selectable, Insertable, AsChangeset,
)]
#[diesel(table_name = ideas, treat_none_as_null = true)]
pub struct Idea {
    /// UUID v7.
    pub id: IdeaId,
    /// Title.
    pub title: String,
    /// Folded title, the sort key of the `title` order.
    pub title_key: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: Option<String>,
    /// [`Sector`].
    pub sector: String,
    /// [`Stage`].
    pub stage: String,
    /// [`crate::workflow::IdeaStatus`].
    pub status: String,
    /// [`Visibility`].
    pub visibility: String,
    /// Was it ever public? Then anonymous sync clients get a tombstone when it is hidden.
    pub ever_public: bool,
    /// Was it ever visible to members?
    pub ever_members: bool,
    /// Commune or ward.
    pub locality: Option<String>,
    /// Folded locality, for the filter.
    pub locality_key: Option<String>,
    /// Former district.
    pub former_district: Option<String>,
    /// Organisation.
    pub organization_id: Option<OrganizationId>,
    /// JSON array of tags.
    pub tags: String,
    /// [`IpKind`].
    pub ip_kind: String,
    /// JSON array of registration numbers.
    pub ip_numbers: String,
    /// Website.
    pub website_url: Option<String>,
    /// Video.
    pub video_url: Option<String>,
    /// Pitch deck.
    pub pitch_deck_url: Option<String>,
    /// Funding need in đồng.
    pub funding_need_vnd: Option<i64>,
    /// Private funding note.
    pub funding_note: Option<String>,
    /// Officers' priority.
    pub priority: Option<i32>,
    /// Officers' shortlist flag.
    pub shortlisted: bool,
    /// Officers' note.
    pub officer_note: Option<String>,
    /// Creator.
    pub created_by: Option<UserId>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change, deletion included.
    pub updated_at: NaiveDateTime,
    /// Deletion time; deleted ideas remain as tombstones for sync.
    pub deleted_at: Option<NaiveDateTime>,
}

/// The search-index kind of ideas.
pub const SEARCH_KIND: &str = "idea";

impl Idea {
    /// The idea's search document: the title, then tags, summary and description.
    #[must_use]
    pub fn search_document(&self) -> Document {
        let tags: Vec<String> = serde_json::from_str(&self.tags).unwrap_or_default();
        let tags = tags.join(" ");
        let mut body = vec![tags.as_str(), self.summary.as_str()];
        body.extend(self.description.as_deref());
        Document::new(SEARCH_KIND, self.id.as_str(), &self.title, &body)
    }
}

/// A team row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = idea_members)]
pub struct NewTeamMember<'a> {
    /// The idea.
    pub idea_id: &'a IdeaId,
    /// The user.
    pub user_id: &'a UserId,
    /// [`TeamRole`].
    pub role: &'a str,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// A team member with their contact details.
#[derive(Debug, Clone, Queryable)]
pub struct TeamMember {
    /// The user.
    pub user_id: UserId,
    /// Name.
    pub full_name: String,
    /// Email.
    pub email: String,
    /// Telephone.
    pub phone: Option<String>,
    /// [`TeamRole`].
    pub role: String,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// A workflow transition row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idea_history)]
pub struct HistoryEntry {
    /// UUID v7.
    pub id: String,
    /// The idea.
    pub idea_id: IdeaId,
    /// [`crate::workflow::Action`].
    pub action: String,
    /// Status before.
    pub from_status: String,
    /// Status after.
    pub to_status: String,
    /// The note.
    pub note: Option<String>,
    /// Who acted.
    pub actor_id: Option<UserId>,
    /// When.
    pub occurred_at: NaiveDateTime,
}

string_enum! {
    /// Who may see an idea.
    pub enum Visibility {
        /// Its team, officers and admins.
        Private => "private",
        /// Anyone logged in.
        Members => "members",
        /// Everyone, club websites included.
        Public => "public",
    }
}

string_enum! {
    /// Intellectual-property protection.
    pub enum IpKind {
        /// None.
        None => "none",
        /// Applied for.
        Pending => "pending",
        /// Sáng chế.
        Patent => "patent",
        /// Giải pháp hữu ích.
        UtilitySolution => "utility_solution",
        /// Nhãn hiệu.
        Trademark => "trademark",
        /// Quyền tác giả.
        Copyright => "copyright",
    }
}

string_enum! {
    /// A role in an idea's team.
    pub enum TeamRole {
        /// Leads the team: submits, manages members.
        Lead => "lead",
        /// Works on the idea and edits it.
        Member => "member",
        /// Advises; reads the private parts but does not edit.
        Advisor => "advisor",
    }
}

/// An idea with what the caller may see of it.
#[derive(Debug, Clone)]
pub struct IdeaView {
    /// The row.
    pub idea: Idea,
    /// The caller's role in its team.
    pub my_role: Option<TeamRole>,
    /// Whether the caller sees funding notes and team contacts.
    pub private: bool,
    /// Whether the caller sees the officers' selection data.
    pub staff: bool,
}

/// An item of a list: an idea or, in sync mode, an id to forget.
#[derive(Debug, Clone)]
pub enum ListItem {
    /// A visible idea.
    Idea(Box<IdeaView>),
    /// Deleted or hidden since the sync time.
    Tombstone {
        /// Id.
        id: IdeaId,
        /// Change time.
        updated_at: NaiveDateTime,
    },
}
