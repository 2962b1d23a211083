//! Tokens of a paragraph with their character offsets, and phrase matching over them:
//! the one tokenizer the rules share (a leaf module).

use crate::text::{fold, is_word_char};

/// A word or a single punctuation character of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Folded (case and tone marks ignored).
    pub folded: String,
    /// Lower case, tone marks kept.
    pub lower: String,
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Byte offset of the start.
    pub byte: usize,
    /// Whether the token is a word (letters or digits).
    pub word: bool,
    /// Whether white space comes right before it.
    pub space_before: bool,
}

/// The tokens of `s`: runs of word characters, and every other non-space character
/// on its own.
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().enumerate().peekable();
    let mut space_before = true;
    while let Some((ci, (bi, c))) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let (mut end_ci, mut end_bi) = (ci + 1, bi + c.len_utf8());
        let word = is_word_char(c);
        if word {
            while let Some(&(nci, (nbi, nc))) = chars.peek() {
                if !is_word_char(nc) {
                    break;
                }
                end_ci = nci + 1;
                end_bi = nbi + nc.len_utf8();
                chars.next();
            }
        }
        let text = &s[bi..end_bi];
        out.push(Token {
            text,
            folded: fold(text),
            lower: text.to_lowercase(),
            start: ci,
            end: end_ci,
            byte: bi,
            word,
            space_before,
        });
        space_before = false;
    }
    out
}

/// A phrase to find: its tokens, folded or lower-cased as the rule wants.
pub fn phrase_keys(s: &str, folded: bool) -> Vec<String> {
    tokens(s).into_iter().map(|t| if folded { t.folded } else { t.lower }).collect()
}

/// Where `phrase` occurs in `toks` (token index ranges), compared folded or lower-cased.
pub fn find_phrase(toks: &[Token<'_>], phrase: &[String], folded: bool) -> Vec<(usize, usize)> {
    let n = phrase.len();
    if n == 0 || toks.len() < n {
        return Vec::new();
    }
    fn key<'t>(t: &'t Token<'_>, folded: bool) -> &'t str {
        if folded {
            &t.folded
        } else {
            &t.lower
        }
    }
    (0..=toks.len() - n)
        .filter(|&i| toks[i..i + n].iter().zip(phrase).all(|(t, p)| key(t, folded) == p))
        .map(|i| (i, i + n))
        .collect()
}

/// The byte range of characters `start..end` of `s`.
pub fn byte_range(s: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let b = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    b(start)..b(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets() {
        let t = tokens("Sở Nội vụ, (đội ngũ)");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Sở", "Nội", "vụ", ",", "(", "đội", "ngũ", ")"]);
        assert_eq!((t[5].start, t[5].end), (12, 15));
        assert_eq!(t[5].folded, "doi");
        assert!(!t[3].space_before && t[4].space_before);
    }

    #[test]
    fn phrases_match_folded_or_exact() {
        let t = tokens("Ban Tuyên giáo Tỉnh uỷ chủ trì");
        assert_eq!(find_phrase(&t, &phrase_keys("ban tuyen giao tinh ủy", true), true), [(0, 5)]);
        assert!(find_phrase(&t, &phrase_keys("ban tuyên giáo tỉnh ủy", false), false).is_empty());
    }
}
