//! Tokens for comparison: Vietnamese syllables, punctuation as tokens of its own, and
//! bags of folded words for similarity.

use crate::label::{parse_bullet, parse_label};

/// A syllable or a punctuation mark, with whether a space came before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The text, NFC.
    pub text: String,
    /// Whether white space stood before it.
    pub space_before: bool,
}

impl Token {
    /// Whether the token is punctuation (no letter or digit).
    pub fn is_punct(&self) -> bool {
        is_punct(&self.text)
    }
}

/// Splits text into syllables and punctuation marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    token_slices(text)
        .into_iter()
        .map(|(t, space_before)| Token { text: t.to_string(), space_before })
        .collect()
}

/// Like [`tokenize`], but borrowing: (text, space before) slices of `text`.
pub fn token_slices(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut start: Option<usize> = None;
    let mut space = false;
    for (i, c) in text.char_indices() {
        // ASCII: letters and digits are words; nothing there is dropped like a
        // zero-width character.
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            crate::text::is_word_char(c) || crate::text::space_class(c).is_none()
        };
        if word {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((&text[s..i], space));
            space = false;
        }
        if c.is_whitespace() {
            space = true;
        } else {
            out.push((&text[i..i + c.len_utf8()], space));
            space = false;
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], space));
    }
    if let Some(first) = out.first_mut() {
        first.1 = false;
    }
    out
}

/// How many tokens of `text` are not punctuation (the words [`token_slices`] finds),
/// without building the tokens.
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    // In a token (a run of word characters and dropped zero-width ones); whether it
    // has a word character yet.
    let (mut in_token, mut has_word) = (false, false);
    for c in text.chars() {
        let word_char = crate::text::is_word_char(c);
        if word_char || crate::text::space_class(c).is_none() {
            in_token = true;
            has_word |= word_char;
            continue;
        }
        if in_token && has_word {
            count += 1;
        }
        (in_token, has_word) = (false, false);
    }
    if in_token && has_word {
        count += 1;
    }
    count
}

/// Joins tokens back into text.
pub fn join(tokens: &[Token]) -> String {
    let slices: Vec<(&str, bool)> = tokens.iter().map(|t| (t.text.as_str(), t.space_before)).collect();
    join_slices(&slices, false)
}

/// Joins token slices back into text; `lead` keeps the space before the first one.
pub fn join_slices(tokens: &[(&str, bool)], lead: bool) -> String {
    let mut s = String::new();
    for (i, (t, space)) in tokens.iter().enumerate() {
        if *space && (i > 0 || lead) {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

/// Whether a token slice is punctuation (no letter or digit).
pub fn is_punct(t: &str) -> bool {
    !t.chars().any(crate::text::is_word_char)
}

/// Text without a leading section label or list marker (`III- `, `2.1. `, `- `).
pub fn strip_marker(text: &str) -> &str {
    if let Some(l) = parse_label(text) {
        return &text[l.rest..];
    }
    if let Some((_, at)) = parse_bullet(text) {
        return &text[at..];
    }
    text
}

/// FNV-1a offset basis: the hash of the empty word.
const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One more byte into an FNV-1a hash (a word's key in bags: fast, no allocation;
/// collisions are harmless here).
#[inline]
fn hash_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// Hashes of the folded words of `text`, in order: the words of
/// `fold(strip_marker(text))` split on characters that are not word characters, each
/// hashed by FNV-1a over its bytes. Folds and hashes in one pass, without building the folded
/// text.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let text = strip_marker(text);
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut h = HASH_SEED;
    let mut in_word = false;
    let mut slow = String::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // ASCII, most of the bytes, straight from the bytes.
        if x < 0x80 {
            if x.is_ascii_alphanumeric() {
                h = hash_byte(h, x.to_ascii_lowercase());
                in_word = true;
            } else if in_word {
                out.push(h);
                h = HASH_SEED;
                in_word = false;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        i += c.len_utf8();
        if let Some(q) = crate::text::fold_char_quick(c) {
            if q.is_ascii_alphanumeric() {
                h = hash_byte(h, q);
                in_word = true;
            } else if in_word {
                out.push(h);
                h = HASH_SEED;
                in_word = false;
            }
            continue;
        }
        slow.clear();
        crate::text::fold_char_slow(c, &mut slow);
        for f in slow.chars() {
            if crate::text::is_word_char(f) {
                let mut buf = [0u8; 4];
                h = f.encode_utf8(&mut buf).bytes().fold(h, hash_byte);
                in_word = true;
            } else if in_word {
                out.push(h);
                h = HASH_SEED;
                in_word = false;
            }
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// A bag of words (by hash) with counts.
pub type Bag = crate::text::FxMap<u64, u32>;

/// The bag of folded words of some texts.
pub fn bag<'a>(texts: impl IntoIterator<Item = &'a str>) -> Bag {
    let mut b = Bag::default();
    for t in texts {
        for w in word_hashes(t) {
            *b.entry(w).or_default() += 1;
        }
    }
    b
}

/// Dice coefficient of two bags (multiset overlap): 1 for equal bags, 0 for disjoint.
pub fn dice(a: &Bag, b: &Bag) -> f32 {
    let (na, nb): (u32, u32) = (a.values().sum(), b.values().sum());
    if na + nb == 0 {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common: u32 = small.iter().map(|(w, n)| (*n).min(*large.get(w).unwrap_or(&0))).sum();
    2.0 * common as f32 / (na + nb) as f32
}

/// A bag as a sorted list of word hashes (cheaper than a map for small texts).
pub fn sorted_words(text: &str) -> Vec<u64> {
    let mut v = word_hashes(text);
    v.sort_unstable();
    v
}

/// How many elements two sorted lists share (as multisets).
pub fn common_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    // Without branches on the comparison (it is unpredictable): the smaller side
    // advances, both when equal.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    common
}

/// Dice coefficient of two sorted word lists.
pub fn dice_sorted(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common_sorted(a, b) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    /// FNV-1a of a word, as word_hashes hashes it.
    fn word_hash(w: &str) -> u64 {
        w.bytes().fold(HASH_SEED, hash_byte)
    }

    #[test]
    fn syllables_and_punctuation() {
        let t = tokenize("Nghị quyết số 45-NQ/TW, ngày 24/11/2023.");
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Nghị", "quyết", "số", "45", "-", "NQ", "/", "TW", ",", "ngày", "24", "/", "11", "/", "2023",
                "."
            ]
        );
        assert_eq!(join(&t), "Nghị quyết số 45-NQ/TW, ngày 24/11/2023.");
    }

    #[test]
    fn slices_match_tokens() {
        for t in ["Nghị quyết số 45-NQ/TW, ngày 24/11/2023.", "  a  b\u{200B}c , d", ""] {
            let a: Vec<(String, bool)> = tokenize(t).into_iter().map(|t| (t.text, t.space_before)).collect();
            let b: Vec<(String, bool)> =
                token_slices(t).into_iter().map(|(s, sp)| (s.to_string(), sp)).collect();
            assert_eq!(a, b, "{t:?}");
        }
    }

    #[test]
    fn word_hashes_are_the_hashes_of_the_folded_words() {
        for t in [
            "- Nâng cao nhận thức, ĐẢNG bộ; Thừa Thiên-Huế 2024",
            "Ⅻ ﬁnal ǅ Ǆ ß İ ſ x_y ½ ² ⁵ Ω Ä\u{301}ö \u{200B}a\u{0301}b",
            "",
            "  ,;  ",
            "1. Mục tiêu",
        ] {
            let expected: Vec<u64> = fold(strip_marker(t))
                .split(|c: char| !crate::text::is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(word_hash)
                .collect();
            assert_eq!(word_hashes(t), expected, "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_hashes_and_counts_agree_with_their_definitions(
            t in "[a-zA-Z0-9 ,.;:_\\-/()đĐăâêôơưĂÂÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ\u{300}\u{301}\u{200B}\u{A0}ßİﬁ½²Ω]{0,40}"
        ) {
            let expected: Vec<u64> = fold(strip_marker(&t))
                .split(|c: char| !crate::text::is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(word_hash)
                .collect();
            proptest::prop_assert_eq!(word_hashes(&t), expected);
            let tokens = token_slices(&t).iter().filter(|t| !is_punct(t.0)).count();
            proptest::prop_assert_eq!(count_words(&t), tokens);
        }
    }

    #[test]
    fn words_counted_as_tokens() {
        for t in [
            "Nghị quyết số 45-NQ/TW, ngày 24/11/2023.",
            "  a  b\u{200B}c , d",
            "",
            "\u{200B} , \u{200B}x",
            "—",
        ] {
            let expected = token_slices(t).iter().filter(|t| !is_punct(t.0)).count();
            assert_eq!(count_words(t), expected, "{t:?}");
        }
    }

    #[test]
    fn dice_of_bags() {
        let a = bag(["- Nâng cao nhận thức"]);
        let b = bag(["1. nâng cao nhận thức"]);
        assert_eq!(dice(&a, &b), 1.0);
        assert_eq!(dice(&a, &bag(["khác hẳn"])), 0.0);
        assert_eq!(
            dice_sorted(&sorted_words("- Nâng cao nhận thức"), &sorted_words("nâng cao NHẬN THỨC")),
            1.0
        );
    }
}
