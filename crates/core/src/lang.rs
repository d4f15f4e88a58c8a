//! The languages responses speak: Vietnamese by default, English on request.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A language of human-readable messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the language from an `Accept-Language` header value.
    ///
    /// The first supported language in the caller's order of preference wins (quality values
    /// are honoured); anything else falls back to Vietnamese.
    #[must_use]
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(f32, Self)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = match tag.split('-').next() {
                Some("vi") => Self::Vi,
                Some("en") => Self::En,
                _ => continue,
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map(|(_, lang)| lang).unwrap_or_default()
    }

    /// Reads a stored tag; anything unknown reads as Vietnamese.
    #[must_use]
    pub fn parse(tag: &str) -> Self {
        if tag == "en" { Self::En } else { Self::Vi }
    }

    /// The BCP 47 tag for `Content-Language`.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn picks_the_preferred_supported_language() {
        assert_eq!(Lang::from_accept_language("en"), Lang::En);
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language("vi-VN,en;q=0.8"), Lang::Vi);
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, vi;q=0.9"),
            Lang::Vi
        );
        assert_eq!(Lang::from_accept_language("en;q=0"), Lang::Vi);
    }

    #[test]
    fn falls_back_to_vietnamese() {
        assert_eq!(Lang::from_accept_language(""), Lang::Vi);
        assert_eq!(Lang::from_accept_language("fr-FR"), Lang::Vi);
        assert_eq!(Lang::from_accept_language("*"), Lang::Vi);
    }
}
