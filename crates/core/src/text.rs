//! Vietnamese text helpers: NFC normalisation, folding for matching, whitespace.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Normalises to NFC. Every string that enters the model goes through here.
pub fn nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// [`nfc`] without a copy when the text is already NFC.
pub fn nfc_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_plainly_nfc(s) || unicode_normalization::is_nfc(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Whether `s` is made only of characters that are NFC on their own and never combine
/// with a neighbour (U+0000–U+02FF, U+1E00–U+1EFF, U+2010–U+2027): then `s` is NFC. Most
/// Vietnamese text is, and this is much cheaper than the general check.
/// Whether the character `u` is one of those [`is_plainly_nfc`] accepts.
#[inline]
pub(crate) fn is_plainly_nfc_char(u: u32) -> bool {
    u < 0x300 || (0x1E00..=0x1EFF).contains(&u) || (0x2010..=0x2027).contains(&u)
}

fn is_plainly_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
        } else if x < 0xCC {
            // Two bytes: U+0080–U+02FF.
            i += 2;
        } else if (x == 0xE1 && (0xB8..=0xBB).contains(&b[i + 1]))
            || (x == 0xE2 && b[i + 1] == 0x80 && (0x90..=0xA7).contains(&b[i + 2]))
        {
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// The fold of U+00C0–U+024F, one ASCII letter each; `_` where it is not one ASCII letter.
const FOLD_LATIN: &[u8; 400] = b"aaaaaa_ceeeeiiii_nooooo__uuuuy__aaaaaa_ceeeeiiii_nooooo__uuuuy_yaaaaaaccccccccddddeeeeeeeeeegggggggghh__iiiiiiiii___jjkk_llllll____nnnnnn___oooooo__rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzz_________________________________oo_____________uu____________________________aaiioouuuuuuuuuu_aaaa____ggkkoooo__j___gg__nnaa____aaaaeeeeiiiioooorrrruuuusstt__hh______aaeeooooooooyy____________________________";
/// The fold of U+1E00–U+1EFF (Vietnamese letters with tone marks), as [`FOLD_LATIN`].
const FOLD_LATIN_ADDITIONAL: &[u8; 256] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy______aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy______";

/// Folds text for matching: lower case, tone marks and other diacritics removed,
/// `đ` → `d`. `Đảng` and `dang` fold to the same string; so do the old and new tone
/// placements (`uỷ` / `ủy`, `hoà` / `hòa`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return out;
    }
    // Bytes first: most characters fold to one ASCII byte.
    let mut bytes = std::mem::take(&mut out).into_bytes();
    let mut slow = String::new();
    for c in s.chars() {
        match fold_char_quick(c) {
            Some(q) => bytes.push(q),
            None => {
                slow.clear();
                fold_char_slow(c, &mut slow);
                bytes.extend_from_slice(slow.as_bytes());
            }
        }
    }
    String::from_utf8(bytes).expect("ASCII bytes and whole characters")
}

/// Appends the fold of one character to `out` (what [`fold`] does to each).
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    match fold_char_quick(c) {
        Some(q) => out.push(char::from(q)),
        None => fold_char_slow(c, out),
    }
}

/// The fold of `c` when it is one ASCII character found by table (ASCII, Latin and
/// Vietnamese letters); `None` for the others, which [`fold_char_slow`] folds.
#[inline]
pub(crate) fn fold_char_quick(c: char) -> Option<u8> {
    let u = c as u32;
    let quick = match u {
        0..=0x7F => c.to_ascii_lowercase() as u8,
        0xC0..=0x24F => FOLD_LATIN[(u - 0xC0) as usize],
        0x1E00..=0x1EFF => FOLD_LATIN_ADDITIONAL[(u - 0x1E00) as usize],
        _ => b'_',
    };
    (quick != b'_' || c == '_').then_some(quick)
}

/// [`fold_char_into`] by decomposition, for the characters outside its tables.
pub(crate) fn fold_char_slow(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'đ' | 'Đ' => out.push('d'),
        _ => unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Whether XML 1.0 forbids the character: C0 controls other than tab, line feed and
/// carriage return, and the non-characters U+FFFE and U+FFFF (lone surrogates cannot
/// occur in a Rust string). Import is the one boundary that removes them: squashing
/// ([`space_class`]) drops the non-characters and turns the controls into spaces, and
/// [`crate::source::LineBuilder`] counts them for the `forbidden-characters` diagnostic.
pub fn is_forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// How white space squashing sees a character: `None` drops it (zero-width, soft
/// hyphen, the non-characters U+FFFE and U+FFFF), `Some(' ')` is a space of any kind
/// (and control characters), otherwise the character itself.
pub fn space_class(c: char) -> Option<char> {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => None,
        '\u{FFFE}' | '\u{FFFF}' => None,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => Some(' '),
        c if c.is_whitespace() || c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Replaces non-breaking, thin and zero-width characters, folds runs of white space
/// into one space and trims. Tabs become spaces too: callers that need column breaks
/// split on tabs first.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().filter_map(space_class) {
        if c == ' ' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Whether every letter in `s` is upper case (and there is at least one letter).
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if is_letter(c) {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters > 0
}

/// Share of upper-case letters among letters.
pub fn upper_ratio(s: &str) -> f32 {
    let (mut up, mut all) = (0u32, 0u32);
    for c in s.chars().filter(|c| is_letter(*c)) {
        all += 1;
        if c.is_uppercase() {
            up += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        up as f32 / all as f32
    }
}

/// Title-cases an upper-case Vietnamese name word by word (`HÀ GIANG` → `Hà Giang`).
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `c` is part of a word (letter or digit), with a fast path for the Latin
/// ranges Vietnamese uses (the standard library's lookup is slow outside ASCII).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` is a letter, with the same fast path as [`is_word_char`].
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// A fast, non-cryptographic hasher (the Fx algorithm) for internal maps keyed by
/// words, ids and tokens; the standard SipHash is needlessly slow there.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(v));
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash-map builder with [`FxHasher`].
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// Number of characters (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s`, as a byte index.
pub fn byte_at_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

/// Number of syllables (whitespace-separated tokens).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Random text for the tests that hold a hand-written matcher to the regular expression
/// it replaced.
#[cfg(test)]
pub(crate) mod testing {
    use proptest::prelude::*;

    /// Up to `max` characters drawn from `alphabet`.
    pub(crate) fn chars_from(alphabet: &'static str, max: usize) -> impl Strategy<Value = String> {
        let chars: Vec<char> = alphabet.chars().collect();
        proptest::collection::vec(proptest::sample::select(chars), 0..=max)
            .prop_map(|v| v.into_iter().collect())
    }

    /// Up to `max` pieces drawn from `pieces`, put together.
    pub(crate) fn pieces_from(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(pieces), 0..=max).prop_map(|v| v.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_tables_agree_with_decomposition() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{1F600}', '\u{F0000}']) {
            let (mut quick, mut slow) = (String::new(), String::new());
            fold_char_into(c, &mut quick);
            fold_char_slow(c, &mut slow);
            assert_eq!(quick, slow, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn plainly_nfc_characters_are_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        for c in ('\0'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}').chain('\u{2010}'..='\u{2027}') {
            let s = c.to_string();
            assert!(is_plainly_nfc(&s), "{c:?}");
            assert!(is_plainly_nfc_char(c as u32), "{c:?}");
            assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        }
        for c in ['\u{300}', '\u{2000}', '\u{2028}', '\u{1F00}', '\u{1DFF}', '\u{F0000}', '\u{212B}'] {
            assert!(!is_plainly_nfc(&c.to_string()), "{c:?}");
            assert!(!is_plainly_nfc_char(c as u32), "{c:?}");
        }
    }

    #[test]
    fn fold_removes_tones_and_d_bar() {
        assert_eq!(fold("Đảng"), "dang");
        assert_eq!(fold("trí thức trẻ"), "tri thuc tre");
        assert_eq!(fold("Tỉnh uỷ"), fold("Tỉnh ủy"));
        assert_eq!(fold("Thanh Hoá"), fold("Thanh Hóa"));
    }

    #[test]
    fn nfc_composes_decomposed_input() {
        let nfd: String = "Nghị quyết".nfd().collect();
        assert_ne!(nfd, "Nghị quyết");
        assert_eq!(nfc(&nfd), "Nghị quyết");
    }

    #[test]
    fn squash_handles_nbsp_and_zero_width() {
        assert_eq!(squash_spaces("  a\u{00A0}\u{00A0}b\u{200B}c\t d  "), "a bc d");
    }

    #[test]
    fn word_chars() {
        for c in "aZ09ĐđơƯăâêôỹẠệ".chars() {
            assert!(is_word_char(c), "{c}");
        }
        for c in " ,.-/()×÷–“".chars() {
            assert!(!is_word_char(c), "{c}");
        }
    }

    #[test]
    fn title_case_vietnamese() {
        assert_eq!(title_case("HÀ GIANG"), "Hà Giang");
        assert_eq!(title_case("ĐẮK LẮK"), "Đắk Lắk");
        assert_eq!(title_case("BÀ RỊA - VŨNG TÀU"), "Bà Rịa - Vũng Tàu");
    }
}
