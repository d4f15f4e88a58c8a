//! The search across kinds.

use serde::{Deserialize, Serialize};
use sonla_core::{Actor, Page, PageRequest};
use sonla_db::search::{self, Hit, Kind, Position, Query, Rank};
use sonla_db::{CommonError, DbPool};

use crate::api::{SearchQuery, SearchSort};

/// Where a page stopped: the relevance tier and the search document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortKey {
    /// Tier (0: every word in the title; always 0 in `newest` order).
    r: u8,
    /// Document number.
    d: i64,
    /// Whether the order is `newest`, so a cursor is not reused in the other order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    n: bool,
}

/// A page of the records of `kinds` (the kind asked for, or all) that match `q` and that the
/// caller may see.
#[tracing::instrument(skip_all)]
pub async fn search(
    pool: &DbPool,
    actor: Option<Actor>,
    kinds: &'static [Kind],
    query: SearchQuery,
) -> Result<Page<Hit>, CommonError> {
    let words = Query::parse(&query.q).ok_or_else(|| {
        CommonError::invalid(
            "q",
            "no_words",
            "Cần ít nhất một từ (chữ hoặc số) để tìm",
            "Search needs at least one word (letters or digits)",
        )
    })?;
    let newest = query.sort.unwrap_or_default() == SearchSort::Newest;
    let request = PageRequest::<SortKey>::decode(query.limit, query.cursor.as_deref())?;
    if request.after.is_some_and(|key| key.n != newest) {
        return Err(CommonError::InvalidCursor);
    }
    let kinds: Vec<Kind> = kinds
        .iter()
        .filter(|k| query.kind.is_none_or(|only| only.as_str() == k.name))
        .copied()
        .collect();
    let rank = if newest {
        Rank::Newest
    } else {
        Rank::Relevance
    };
    pool.run(move |conn| {
        let after = request.after.map(|k| Position {
            tier: k.r,
            doc: k.d,
        });
        let hits = search::everything(
            conn,
            &kinds,
            actor.as_ref(),
            &words,
            rank,
            after,
            request.fetch_limit(),
        )?;
        Ok(request.page(hits, |hit| SortKey {
            r: hit.at.tier,
            d: hit.at.doc,
            n: newest,
        }))
    })
    .await
}
