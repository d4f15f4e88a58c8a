//! ASCII forms of Vietnamese text for the demo's emails and web addresses.

use sonla_core::text::fold;

/// Folded ASCII letters and digits only ("Đặng" → "dang").
pub fn ascii(text: &str) -> String {
    fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// ASCII words joined by hyphens, at most 40 characters ("Chè Tà Xùa" → "che-ta-xua").
pub fn slug(text: &str) -> String {
    let words: Vec<String> = fold(text)
        .split_whitespace()
        .map(ascii)
        .filter(|w| !w.is_empty())
        .collect();
    let slug: String = words.join("-").chars().take(40).collect();
    slug.trim_end_matches('-').to_owned()
}
