//! Vietnamese text helpers: NFC normalisation, folding for matching, whitespace.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Normalises to NFC. Every string that enters the model goes through here.
pub fn nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// [`nfc`] without a copy when the text is already NFC.
pub fn nfc_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfc(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Folds text for matching: lower case, tone marks and other diacritics removed,
/// `đ` → `d`. `Đảng` and `dang` fold to the same string; so do the old and new tone
/// placements (`uỷ` / `ủy`, `hoà` / `hòa`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
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
    out
}

/// How white space squashing sees a character: `None` drops it (zero-width, soft
/// hyphen), `Some(' ')` is a space of any kind (and control characters), otherwise the
/// character itself.
pub fn space_class(c: char) -> Option<char> {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => None,
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

#[cfg(test)]
mod tests {
    use super::*;

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
