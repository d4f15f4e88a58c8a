//! Rows of the ideas tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sonla_db::schema::{idea_history, idea_members, ideas};

/// An idea row.
#[derive(
    Debug, Clone, PartialEq, Eq, Queryable, QueryableByName, Selectable, Insertable, AsChangeset,
)]
#[diesel(table_name = ideas, treat_none_as_null = true)]
pub struct Idea {
    /// UUID v7.
    pub id: String,
    /// Title.
    pub title: String,
    /// Folded title, the sort key of the `title` order.
    pub title_key: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: Option<String>,
    /// [`crate::api::Sector`].
    pub sector: String,
    /// [`crate::api::Stage`].
    pub stage: String,
    /// [`crate::workflow::IdeaStatus`].
    pub status: String,
    /// [`crate::api::Visibility`].
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
    pub organization_id: Option<String>,
    /// JSON array of tags.
    pub tags: String,
    /// [`crate::api::IpKind`].
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
    pub created_by: Option<String>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change, deletion included.
    pub updated_at: NaiveDateTime,
    /// Deletion time; deleted ideas remain as tombstones for sync.
    pub deleted_at: Option<NaiveDateTime>,
}

impl Idea {
    /// The texts of the search index, weighted: title 4, tags 3, summary 2, description 1.
    #[must_use]
    pub fn search_texts(&self) -> Vec<(String, i32)> {
        let tags: Vec<String> = serde_json::from_str(&self.tags).unwrap_or_default();
        let mut texts = vec![
            (self.title.clone(), 4),
            (tags.join(" "), 3),
            (self.summary.clone(), 2),
        ];
        if let Some(description) = &self.description {
            texts.push((description.clone(), 1));
        }
        texts
    }
}

/// A team row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = idea_members)]
pub struct NewTeamMember<'a> {
    /// The idea.
    pub idea_id: &'a str,
    /// The user.
    pub user_id: &'a str,
    /// [`crate::api::TeamRole`].
    pub role: &'a str,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// A team member with their contact details.
#[derive(Debug, Clone, Queryable)]
pub struct TeamMember {
    /// The user.
    pub user_id: String,
    /// Name.
    pub full_name: String,
    /// Email.
    pub email: String,
    /// Telephone.
    pub phone: Option<String>,
    /// [`crate::api::TeamRole`].
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
    pub idea_id: String,
    /// [`crate::workflow::Action`].
    pub action: String,
    /// Status before.
    pub from_status: String,
    /// Status after.
    pub to_status: String,
    /// The note.
    pub note: Option<String>,
    /// Who acted.
    pub actor_id: Option<String>,
    /// When.
    pub occurred_at: NaiveDateTime,
}
