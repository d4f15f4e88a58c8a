//! Cursor pagination: `?limit=&cursor=` in, `{items, next_cursor}` out.
//!
//! A cursor is the sort key of the last row of a page, encoded as opaque URL-safe base64 of
//! a small JSON document. Keyset pagination stays fast at any depth and neither skips nor
//! repeats rows when others are inserted between two requests.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The page size when a request gives none.
pub const DEFAULT_LIMIT: u32 = 20;
/// The largest page a request may ask for.
pub const MAX_LIMIT: u32 = 100;
/// The longest cursor accepted, in characters.
pub const MAX_CURSOR_CHARS: usize = 512;

/// One page of a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    /// The records of this page, in the list's order.
    #[schema(max_items = 100)]
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[schema(max_length = 512)]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Converts every item, keeping the cursor.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

/// The query of a list with no filter: `?limit=&cursor=`.
#[derive(Debug, Clone, Default, Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A validated page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest<K> {
    /// How many items to return (1 to [`MAX_LIMIT`]).
    pub limit: u32,
    /// The sort key of the last item of the previous page.
    pub after: Option<K>,
}

impl<K: DeserializeOwned> PageRequest<K> {
    /// The page a list's `?limit=&cursor=` asks for: `limit` or [`DEFAULT_LIMIT`], and the
    /// sort key in `cursor`, which must be one this API made (else [`InvalidCursor`], a 400).
    pub fn decode(limit: Option<u32>, cursor: Option<&str>) -> Result<Self, InvalidCursor> {
        Ok(Self {
            limit: limit.unwrap_or(DEFAULT_LIMIT),
            after: cursor.map(Cursor::decode::<K>).transpose()?,
        })
    }
}

impl<K> PageRequest<K> {
    /// Builds a page of at most `limit` items from `limit + 1` fetched rows.
    ///
    /// Fetching one row more than asked tells whether another page exists without a count.
    pub fn page<T>(&self, mut rows: Vec<T>, key: impl Fn(&T) -> K) -> Page<T>
    where
        K: Serialize,
    {
        let limit = self.limit as usize;
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|last| Cursor::encode(&key(last)))
        } else {
            None
        };
        Page {
            items: rows,
            next_cursor,
        }
    }

    /// How many rows to fetch: one more than the page size.
    #[must_use]
    pub fn fetch_limit(&self) -> i64 {
        i64::from(self.limit) + 1
    }
}

/// The opaque cursor codec.
pub struct Cursor;

/// A cursor that was not produced by this API (or not for this list and sort order).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid cursor")]
pub struct InvalidCursor;

impl Cursor {
    /// Encodes a sort key.
    #[must_use]
    pub fn encode<K: Serialize>(key: &K) -> String {
        // Serialising plain data to JSON cannot fail; an empty cursor would only restart the list.
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
    }

    /// Decodes a sort key.
    pub fn decode<K: DeserializeOwned>(raw: &str) -> Result<K, InvalidCursor> {
        if raw.len() > MAX_CURSOR_CHARS {
            return Err(InvalidCursor);
        }
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| InvalidCursor)?;
        serde_json::from_slice(&bytes).map_err(|_| InvalidCursor)
    }
}

#[cfg(test)]
mod tests {
    use super::{Cursor, InvalidCursor, PageRequest};

    #[test]
    fn cursor_round_trips() {
        let key = ("n".to_owned(), "0190".to_owned());
        let raw = Cursor::encode(&key);
        assert_eq!(Cursor::decode::<(String, String)>(&raw), Ok(key));
    }

    #[test]
    fn foreign_cursors_are_rejected() {
        assert_eq!(
            Cursor::decode::<(String, String)>("not base64!"),
            Err(InvalidCursor)
        );
        assert_eq!(
            Cursor::decode::<(String, String)>("e30"),
            Err(InvalidCursor)
        );
    }

    #[test]
    fn page_sets_next_cursor_only_when_more_rows_exist() {
        let request: PageRequest<u32> = PageRequest {
            limit: 2,
            after: None,
        };
        let full = request.page(vec![1, 2, 3], |n| *n);
        assert_eq!(full.items, vec![1, 2]);
        assert_eq!(full.next_cursor, Some(Cursor::encode(&2)));
        let last = request.page(vec![1, 2], |n| *n);
        assert_eq!(last.next_cursor, None);
    }
}
