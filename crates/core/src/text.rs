//! Vietnamese-aware text folding for search and sorting.
//!
//! Folding strips diacritics (`Khởi nghiệp` → `khoi nghiep`), maps `đ` to `d` and lower-cases,
//! so "dai hoc tay bac" finds "Đại học Tây Bắc". The same folding runs in Rust for both
//! backends, which is why search gives the same results on SQLite and PostgreSQL.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest token kept in a search index; longer words are cut to this many characters.
pub const MAX_TOKEN_CHARS: usize = 40;

/// Folds text: no diacritics, `đ` → `d`, lower case, runs of white space collapsed.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits text into distinct folded words (letters and digits), in first-seen order.
#[must_use]
pub fn tokens(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<String> = Vec::new();
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().take(MAX_TOKEN_CHARS).collect();
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// The exclusive upper bound of every token that starts with `prefix`.
///
/// Key columns compare bytes (`COLLATE "C"` on PostgreSQL, `BINARY` on SQLite), and no UTF-8
/// string starting with `prefix` sorts at or after `prefix` followed by U+10FFFF.
#[must_use]
pub fn prefix_upper_bound(prefix: &str) -> String {
    let mut bound = String::with_capacity(prefix.len() + 4);
    bound.push_str(prefix);
    bound.push(char::MAX);
    bound
}

/// A short excerpt of `texts` for a search hit: up to `max_chars` characters of the first
/// text with a word matching `words` (folded words; the last may match as a prefix), from a
/// little before that word, with `…` where the text is cut; the start of the first non-empty
/// text when none matches.
#[must_use]
pub fn excerpt(texts: &[String], words: &[String], max_chars: usize) -> String {
    let last = words.len().saturating_sub(1);
    let matches = |word: &str| {
        tokens(word).iter().any(|t| {
            words
                .iter()
                .enumerate()
                .any(|(i, w)| t == w || (i == last && t.starts_with(w.as_str())))
        })
    };
    let found = texts.iter().find_map(|text| {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut start = None;
        for (n, &(at, c)) in chars.iter().enumerate() {
            let in_word = c.is_alphanumeric() || is_combining_mark(c);
            match (in_word, start) {
                (true, None) => start = Some(n),
                (false, Some(s)) => {
                    if matches(&text[chars[s].0..at]) {
                        return Some((text, s));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        start
            .filter(|s| matches(&text[chars[*s].0..]))
            .map(|s| (text, s))
    });
    let (text, word) = match found {
        Some(found) => found,
        None => match texts.iter().find(|t| !t.trim().is_empty()) {
            Some(text) => (text, 0),
            None => return String::new(),
        },
    };
    let chars: Vec<char> = text.chars().collect();
    // Up to a quarter of the room before the word, from the start of a word.
    let mut from = word.saturating_sub(max_chars / 4);
    while from > 0 && from < word && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    let to = (from + max_chars).min(chars.len());
    let mut out: String = chars[from..to].iter().collect::<String>().trim().to_owned();
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{excerpt, fold, prefix_upper_bound, tokens};

    #[test]
    fn an_excerpt_starts_near_the_first_match() {
        let texts = vec![
            "Không liên quan".to_owned(),
            "Dự án trồng chè shan tuyết ở Tà Xùa, chế biến và bán nông sản sạch cho khách du lịch"
                .to_owned(),
        ];
        let words = vec!["nong".to_owned(), "sa".to_owned()];
        let e = excerpt(&texts, &words, 40);
        assert!(e.starts_with('…') && e.contains("nông sản"), "{e}");
        assert!(e.chars().count() <= 42, "{e}");
        assert_eq!(excerpt(&texts, &["xyz".to_owned()], 10), "Không liên…");
        assert_eq!(excerpt(&[], &words, 10), "");
    }

    #[test]
    fn folds_vietnamese_diacritics_and_case() {
        assert_eq!(fold("Đại học Tây Bắc"), "dai hoc tay bac");
        assert_eq!(fold("Khởi nghiệp nông sản"), "khoi nghiep nong san");
        assert_eq!(fold("  HỢP   tác xã  "), "hop tac xa");
        assert_eq!(fold("đường Điện Biên"), "duong dien bien");
    }

    #[test]
    fn folds_precomposed_and_decomposed_forms_alike() {
        let precomposed = "Sơn La";
        let decomposed = "So\u{031B}n La";
        assert_eq!(fold(precomposed), fold(decomposed));
    }

    #[test]
    fn tokens_are_distinct_folded_words() {
        assert_eq!(
            tokens("Cà phê Sơn La, cà phê!"),
            vec!["ca", "phe", "son", "la"]
        );
        assert!(tokens(" -- ").is_empty());
    }

    #[test]
    fn prefix_bound_is_above_every_extension() {
        let hi = prefix_upper_bound("dai");
        assert!("dai".as_bytes() < hi.as_bytes());
        assert!("daizzzz".as_bytes() < hi.as_bytes());
        assert!("daj".as_bytes() > hi.as_bytes());
    }
}
