//! Requests and responses of `GET /api/v1/search`.

use serde::{Deserialize, Serialize};
use sonla_db::search::Hit;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// The kinds of record the search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// A startup idea (`/api/v1/ideas/{id}`).
    Idea,
    /// An organisation (`/api/v1/organizations/{id}`).
    Organization,
}

impl SearchKind {
    /// Every kind.
    pub const ALL: [Self; 2] = [Self::Idea, Self::Organization];

    /// The kind's name in the index and in responses.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Organization => "organization",
        }
    }

    /// The kind named `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Orders of the search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchSort {
    /// Records with every word in the title first, then the others; each group newest first.
    #[default]
    Relevance,
    /// Newest first.
    Newest,
}

/// The search, its kind and paging.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find; diacritics and case are ignored ("khoi nghiep nong san" finds "Khởi
    /// nghiệp nông sản"). Every word must match a whole word of the record; the last one may
    /// also be the start of a longer one, for type-ahead ("nong s" finds "nông sản"); words
    /// after the eighth are ignored. Quotes, `*`, brackets, `-`, `:`, `^`, `AND`, `OR`, `NOT`
    /// and `NEAR` are plain text, never operators. A `q` with no word (letters or digits) in it,
    /// or longer than 200 characters, is refused with 422.
    #[validate(length(min = 1, max = 200), custom(function = sonla_core::validation::search_words))]
    #[param(min_length = 1, max_length = 200, example = "nong san")]
    pub q: String,
    /// Only this kind (every kind when absent).
    #[param(inline)]
    pub kind: Option<SearchKind>,
    /// Order (default `relevance`).
    #[param(inline)]
    pub sort: Option<SearchSort>,
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// One record found.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "kind": "idea",
    "id": "0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f",
    "title": "Chè Shan tuyết Tà Xùa sấy lạnh",
    "excerpt": "…chế biến chè và bán nông sản sạch cho khách du lịch…",
    "link": "/api/v1/ideas/0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f"
}))]
pub struct SearchHitResponse {
    /// The record's kind.
    pub kind: SearchKind,
    /// The record's id.
    #[schema(format = Uuid, min_length = 36, max_length = 36)]
    pub id: String,
    /// Its title (an idea's title, an organisation's name), as written.
    #[schema(max_length = 300)]
    pub title: String,
    /// Up to 160 characters of its text around the first matching word, `…` where cut
    /// (empty when it has no text besides the title).
    #[schema(max_length = 170)]
    pub excerpt: String,
    /// The record's path in this API.
    #[schema(
        max_length = 100,
        example = "/api/v1/ideas/0193a6c2-7d4e-7c1a-9f00-3b2a1c0d4e5f"
    )]
    pub link: String,
}

impl From<Hit> for SearchHitResponse {
    fn from(hit: Hit) -> Self {
        Self {
            kind: SearchKind::parse(hit.kind).unwrap_or(SearchKind::Idea),
            id: hit.id,
            title: hit.title,
            excerpt: hit.excerpt,
            link: hit.link,
        }
    }
}
