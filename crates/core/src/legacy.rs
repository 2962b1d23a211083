//! Pre-Unicode Vietnamese encodings: TCVN3 (ABC), VNI and VISCII.
//!
//! Old documents store Vietnamese in 8-bit fonts. Word keeps each byte of such a run
//! as the Windows-1252 (or Latin-1) character of that byte, so a `.VnTime` run
//! `Thùc hiÖn` means `Thực hiện`; a plain-text file holds the bytes themselves. This
//! module converts both to NFC Unicode, either because the font says which encoding a
//! run uses ([`font`], [`LegacyFont::decode`]) or because the text reads as
//! Vietnamese in one encoding and not in the others ([`detect`], [`detect_in_text`]).
//!
//! Decoding is only ever run on text known (by font) or found (by statistics) to be
//! legacy: real Unicode Vietnamese decoded again would be corrupted.

use crate::model::Diagnostic;
use unicode_normalization::UnicodeNormalization;

/// A pre-Unicode Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// TCVN 5712:1993 VN3, the "ABC" fonts (`.VnTime`, `.VnArial`…): one byte per
    /// letter, lower-case letters with tones only (capitals with tones are in the
    /// capitals fonts, `.VnTimeH`…, at the lower-case codes).
    Tcvn3,
    /// VNI Windows (`VNI-Times`…): a base letter followed by a byte for its marks.
    Vni,
    /// VISCII (RFC 1456): one byte per letter, all 134 letters.
    Viscii,
}

impl Encoding {
    /// The encodings, in the order detection prefers them on a tie.
    pub const ALL: [Encoding; 3] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii];

    /// The name users know: `"TCVN3 (ABC)"`, `"VNI"`, `"VISCII"`.
    ///
    /// ```
    /// assert_eq!(banthao_core::legacy::Encoding::Tcvn3.name(), "TCVN3 (ABC)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
            Encoding::Viscii => "VISCII",
        }
    }

    /// The `legacy-encoding` diagnostic a document converted from this encoding carries.
    ///
    /// ```
    /// let d = banthao_core::legacy::Encoding::Vni.diagnostic();
    /// assert_eq!(d.code, "legacy-encoding");
    /// assert_eq!(d.message, "Đã chuyển từ bảng mã VNI sang Unicode.");
    /// ```
    pub fn diagnostic(self) -> Diagnostic {
        Diagnostic::new(
            "legacy-encoding",
            format!("Đã chuyển từ bảng mã {} sang Unicode.", self.name()),
            None,
        )
    }
}

/// A font that draws Vietnamese from a legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegacyFont {
    /// The encoding of the font.
    pub encoding: Encoding,
    /// Whether the font draws every letter as a capital (`.VnTimeH`, `.VnArialH`…):
    /// TCVN3 has no codes for capitals with tones, these fonts draw the lower-case
    /// codes as capitals.
    pub capitals: bool,
}

/// The legacy encoding of a font, by its name: `.Vn…` fonts are TCVN3 (ABC), those
/// whose family name ends in `H` (`.VnTimeH`, `.VnArialH`, `.VnCentury SchoolbookH`)
/// being the capitals fonts; `VNI-…` fonts are VNI; fonts whose name contains `VISCII`
/// are VISCII. Case and surrounding spaces do not matter.
///
/// ```
/// use banthao_core::legacy::{font, Encoding};
/// assert_eq!(font(".VnTime").unwrap().encoding, Encoding::Tcvn3);
/// assert!(font(".VnTimeH").unwrap().capitals);
/// assert!(!font(".VnTime").unwrap().capitals);
/// assert_eq!(font(" VNI-Times ").unwrap().encoding, Encoding::Vni);
/// assert_eq!(font("Times New Roman"), None);
/// ```
pub fn font(name: &str) -> Option<LegacyFont> {
    let n = name.trim().to_ascii_lowercase();
    if let Some(family) = n.strip_prefix(".vn") {
        // ".VnTimeH", ".VnArial NarrowH", ".VnCentury SchoolbookH": the capitals
        // fonts end in "H" (not ".VnH…", a name of its own).
        let capitals = family.len() > 1 && family.ends_with('h');
        return Some(LegacyFont { encoding: Encoding::Tcvn3, capitals });
    }
    if n.starts_with("vni-") || n.starts_with("vni ") {
        return Some(LegacyFont { encoding: Encoding::Vni, capitals: false });
    }
    // No naming rule is known for VISCII fonts: only names that say so.
    if n.contains("viscii") {
        return Some(LegacyFont { encoding: Encoding::Viscii, capitals: false });
    }
    None
}

impl LegacyFont {
    /// The text of a run in this font, as Word stores it (each legacy byte as the
    /// Windows-1252 or Latin-1 character of that byte), in NFC Unicode. Characters that
    /// are no such byte (real Unicode already) pass through unchanged.
    ///
    /// ```
    /// use banthao_core::legacy::font;
    /// assert_eq!(font(".VnTime").unwrap().decode("Thùc hiÖn NghÞ quyÕt"), "Thực hiện Nghị quyết");
    /// assert_eq!(font(".VnTimeH").unwrap().decode("nghÞ quyÕt"), "NGHỊ QUYẾT");
    /// assert_eq!(font("VNI-Times").unwrap().decode("Vieät Nam"), "Việt Nam");
    /// ```
    pub fn decode(&self, run_text: &str) -> String {
        let units = run_text.chars().map(|c| (byte_of(c), c));
        let (text, _) = decode_units(units, self.encoding, !self.capitals);
        if self.capitals {
            text.chars().flat_map(char::to_uppercase).collect()
        } else {
            text
        }
    }
}

/// Decodes bytes in a legacy encoding to NFC Unicode. Bytes that the encoding gives no
/// letter read as Windows-1252 (Latin-1 where Windows-1252 has nothing).
///
/// TCVN3 has no capitals with tones outside the capitals fonts: text typed in capitals
/// carries the lower-case codes, so a lower-case letter with tone inside a word or
/// line of capitals is read as a capital (`TR×NH` → `TRÌNH`).
///
/// ```
/// use banthao_core::legacy::{decode, Encoding};
/// assert_eq!(decode(b"Ch\xad\xacng tr\xd7nh", Encoding::Tcvn3), "Chương trình");
/// assert_eq!(decode(b"CH\xa6\xa5NG TR\xd7NH", Encoding::Tcvn3), "CHƯƠNG TRÌNH");
/// assert_eq!(decode(b"Ch\xf6\xf4ng tr\xecnh", Encoding::Vni), "Chương trình");
/// assert_eq!(decode(b"Ch\xdf\xbdng tr\xecnh", Encoding::Viscii), "Chương trình");
/// ```
pub fn decode(bytes: &[u8], enc: Encoding) -> String {
    decode_units(bytes.iter().map(|&b| (Some(b), char_of(b))), enc, true).0
}

/// The encoding plain-text bytes (not UTF-8) are in, by the statistics of Vietnamese:
/// the encoding in which most words carrying legacy bytes read as Vietnamese
/// syllables. `None` when the bytes read as Vietnamese in none of them (English,
/// Western European text, binary data).
///
/// ```
/// use banthao_core::legacy::{detect, Encoding};
/// let tcvn3 = b"Ch\xad\xacng tr\xd7nh h\xb5nh \xae\xe9ng th\xf9c hi\xd6n Ngh\xde quy\xd5t";
/// assert_eq!(detect(tcvn3), Some(Encoding::Tcvn3));
/// assert_eq!(detect(b"Programme of action, r\xe9sum\xe9 and caf\xe9 in Z\xfcrich"), None);
/// ```
pub fn detect(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    Score::best(|enc, score| score_units(sample.iter().map(|&b| (Some(b), char_of(b))), enc, score))
}

/// The encoding of Unicode text that is really legacy bytes shown as Windows-1252 or
/// Latin-1 characters (a document whose fonts were lost, a file re-saved from
/// mojibake), by the same statistics as [`detect`]. `None` for real Vietnamese
/// Unicode and for text that is not Vietnamese.
///
/// ```
/// use banthao_core::legacy::{detect_in_text, Encoding};
/// let mojibake = "Ch\u{AD}¬ng tr×nh hµnh ®éng thùc hiÖn NghÞ quyÕt";
/// assert_eq!(detect_in_text(mojibake), Some(Encoding::Tcvn3));
/// assert_eq!(detect_in_text("Chương trình hành động thực hiện Nghị quyết"), None);
/// ```
pub fn detect_in_text(text: &str) -> Option<Encoding> {
    let end = text.char_indices().nth(SAMPLE).map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    Score::best(|enc, score| score_units(sample.chars().map(|c| (byte_of(c), c)), enc, score))
}

/// [`decode`] for Unicode text that is legacy bytes shown as Windows-1252 or Latin-1
/// characters (see [`detect_in_text`]); other characters pass through.
///
/// ```
/// use banthao_core::legacy::{decode_text, Encoding};
/// assert_eq!(decode_text("NghÞ quyÕt", Encoding::Tcvn3), "Nghị quyết");
/// ```
pub fn decode_text(text: &str, enc: Encoding) -> String {
    decode_units(text.chars().map(|c| (byte_of(c), c)), enc, true).0
}

/// How much of the input detection reads.
const SAMPLE: usize = 64 * 1024;

/// The byte a character stands for when a legacy byte is shown as Windows-1252 or
/// Latin-1, if any.
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().position(|&x| x == c).map(|i| 0x80 + i as u8)
}

/// The Windows-1252 character of a byte (the C1 control where Windows-1252 has none).
fn char_of(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        CP1252_HIGH[usize::from(b - 0x80)]
    } else {
        char::from(b)
    }
}

/// Windows-1252 0x80–0x9F; its five undefined codes are the C1 controls.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// TCVN3 (VN3) 0xA0–0xFF; `.` where the byte is no letter.
const TCVN3_HIGH: &str =
    ".ĂÂÊÔƠƯĐăâêôơưđ......àảãáạ.ằẳẵắ.......ặầẩẫấậè.ẻẽéẹềểễếệìỉ...ĩíịò.ỏõóọồổỗốộờởỡớợù.ủũúụừửữứựỳỷỹýỵ.";

/// VISCII 0x80–0xFF.
const VISCII_HIGH: &str = "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ";

/// VISCII's six capitals in control codes.
const VISCII_LOW: [(u8, char); 6] =
    [(0x02, 'Ẳ'), (0x05, 'Ẵ'), (0x06, 'Ẫ'), (0x14, 'Ỷ'), (0x19, 'Ỹ'), (0x1E, 'Ỵ')];

fn table_char(table: &str, i: usize) -> Option<char> {
    table.chars().nth(i).filter(|&c| c != '.')
}

/// The letter of a one-byte encoding's byte.
fn single(enc: Encoding, b: u8) -> Option<char> {
    match enc {
        Encoding::Tcvn3 => {
            static T: std::sync::LazyLock<[Option<char>; 96]> =
                std::sync::LazyLock::new(|| std::array::from_fn(|i| table_char(TCVN3_HIGH, i)));
            (b >= 0xA0).then(|| T[usize::from(b - 0xA0)]).flatten()
        }
        Encoding::Viscii => {
            static T: std::sync::LazyLock<[Option<char>; 128]> =
                std::sync::LazyLock::new(|| std::array::from_fn(|i| table_char(VISCII_HIGH, i)));
            if b >= 0x80 {
                T[usize::from(b - 0x80)]
            } else {
                VISCII_LOW.iter().find(|&&(x, _)| x == b).map(|&(_, c)| c)
            }
        }
        Encoding::Vni => None,
    }
}

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// VNI: the tone of a mark byte after a vowel (either case).
fn vni_tone(b: u8) -> Option<char> {
    match b | 0x20 {
        0xF9 => Some(ACUTE),
        0xF8 => Some(GRAVE),
        0xFB => Some(HOOK),
        0xF5 => Some(TILDE),
        0xEF => Some(DOT),
        _ => None,
    }
}

/// VNI: circumflex with a tone, after `a`, `e`, `o` (`â` alone: no tone).
fn vni_circumflex(b: u8) -> Option<Option<char>> {
    match b | 0x20 {
        0xE2 => Some(None),
        0xE1 => Some(Some(ACUTE)),
        0xE0 => Some(Some(GRAVE)),
        0xE5 => Some(Some(HOOK)),
        0xE3 => Some(Some(TILDE)),
        0xE4 => Some(Some(DOT)),
        _ => None,
    }
}

/// VNI: breve with a tone, after `a` (`ê` alone: no tone).
fn vni_breve(b: u8) -> Option<Option<char>> {
    match b | 0x20 {
        0xEA => Some(None),
        0xE9 => Some(Some(ACUTE)),
        0xE8 => Some(Some(GRAVE)),
        0xFA => Some(Some(HOOK)),
        0xFC => Some(Some(TILDE)),
        0xEB => Some(Some(DOT)),
        _ => None,
    }
}

/// VNI: letters of one byte (`ô` is ơ, `ö` ư, `ñ` đ, the `i`s and `ỵ`).
fn vni_single(b: u8) -> Option<&'static str> {
    Some(match b {
        0xF1 => "đ",
        0xD1 => "Đ",
        0xF4 => "o\u{31B}",
        0xD4 => "O\u{31B}",
        0xF6 => "u\u{31B}",
        0xD6 => "U\u{31B}",
        0xED => "í",
        0xCD => "Í",
        0xEC => "ì",
        0xCC => "Ì",
        0xE6 => "ỉ",
        0xC6 => "Ỉ",
        0xF3 => "ĩ",
        0xD3 => "Ĩ",
        0xF2 => "ị",
        0xD2 => "Ị",
        0xEE => "ỵ",
        0xCE => "Ỵ",
        _ => return None,
    })
}

/// Decodes units (the byte a character stands for, if any, and the character) to NFC
/// text; also returns how many legacy letters were read. `fix_case`: TCVN3 lower-case
/// letters with tones among capitals become capitals.
fn decode_units(
    units: impl Iterator<Item = (Option<u8>, char)>,
    enc: Encoding,
    fix_case: bool,
) -> (String, usize) {
    let mut out = String::new();
    let mut letters = 0;
    let mut units = units.peekable();
    while let Some((b, c)) = units.next() {
        let Some(b) = b else {
            out.push(c);
            continue;
        };
        if enc != Encoding::Vni {
            match single(enc, b) {
                Some(l) => {
                    out.push(l);
                    letters += 1;
                }
                None => out.push(c),
            }
            continue;
        }
        if let Some(s) = vni_single(b) {
            out.push_str(s);
            letters += 1;
            // ơ and ư take a tone byte.
            if matches!(b, 0xF4 | 0xD4 | 0xF6 | 0xD6) {
                if let Some(t) = units.peek().and_then(|&(n, _)| n).and_then(vni_tone) {
                    out.push(t);
                    units.next();
                }
            }
            continue;
        }
        let lower = b | 0x20;
        if b.is_ascii_alphabetic() && matches!(lower, b'a' | b'e' | b'o' | b'u' | b'y' | b'i') {
            let next = units.peek().and_then(|&(n, _)| n);
            let marks: Option<[Option<char>; 2]> = next.and_then(|n| {
                if let Some(t) = vni_circumflex(n).filter(|_| matches!(lower, b'a' | b'e' | b'o')) {
                    Some([Some(CIRCUMFLEX), t])
                } else if let Some(t) = vni_breve(n).filter(|_| lower == b'a') {
                    Some([Some(BREVE), t])
                } else {
                    vni_tone(n).filter(|_| lower != b'i').map(|t| [None, Some(t)])
                }
            });
            out.push(c);
            if let Some(marks) = marks {
                out.extend(marks.into_iter().flatten());
                letters += 1;
                units.next();
            }
            continue;
        }
        out.push(c);
    }
    let mut text: String = out.nfc().collect();
    if fix_case && enc == Encoding::Tcvn3 {
        text = capitals_among_capitals(&text);
    }
    (text, letters)
}

/// TCVN3 text typed in capitals carries lower-case codes for the capitals with tones:
/// a non-ASCII lower-case letter becomes a capital when the other letters of its word
/// are capitals (two at least), or when its line has no ASCII lower-case letter and two
/// words of three or more capitals (`Hµ` in `TØNH ñY Hµ GIANG`, not `Sè` in
/// `Sè: 12/KH-UBND`).
fn capitals_among_capitals(text: &str) -> String {
    if !text.chars().any(|c| !c.is_ascii() && c.is_lowercase()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        // Words and what lies between them.
        let mut pieces: Vec<(String, bool)> = Vec::new();
        let mut rest = line;
        while !rest.is_empty() {
            let start = rest.find(|c: char| c.is_alphabetic()).unwrap_or(rest.len());
            if start > 0 {
                pieces.push((rest[..start].to_string(), false));
            }
            rest = &rest[start..];
            let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            if end > 0 {
                pieces.push((rest[..end].to_string(), true));
            }
            rest = &rest[end..];
        }
        let counts = |w: &str| {
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            let lower_ascii = w.chars().filter(char::is_ascii_lowercase).count();
            let lower_other = w.chars().filter(|c| !c.is_ascii() && c.is_lowercase()).count();
            (upper, lower_ascii, lower_other)
        };
        for (w, is_word) in &mut pieces {
            let (upper, lower_ascii, lower_other) = counts(w);
            if *is_word && lower_ascii == 0 && lower_other > 0 && upper >= 2 {
                *w = w.chars().flat_map(char::to_uppercase).collect();
            }
        }
        let no_ascii_lower = !line.chars().any(|c| c.is_ascii_lowercase());
        let capital_words = pieces
            .iter()
            .filter(|(w, is_word)| *is_word && w.chars().count() >= 3 && counts(w).0 == w.chars().count())
            .count();
        let line_caps = no_ascii_lower && capital_words >= 2;
        for (w, is_word) in pieces {
            if is_word && line_caps {
                out.extend(w.chars().flat_map(char::to_uppercase));
            } else {
                out.push_str(&w);
            }
        }
    }
    out
}

/// Word counts of one candidate decoding.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    /// Words that read as Vietnamese syllables only once decoded.
    good: usize,
    /// Words with legacy letters that read as no syllable once decoded.
    bad: usize,
    /// Words that are Vietnamese Unicode already (characters no byte stands for).
    native: usize,
    /// All words.
    words: usize,
}

impl Score {
    /// The encoding whose decoding reads best, if it reads as Vietnamese.
    fn best(score: impl Fn(Encoding, &mut Score)) -> Option<Encoding> {
        let mut best: Option<(Encoding, Score)> = None;
        for enc in Encoding::ALL {
            let mut s = Score::default();
            score(enc, &mut s);
            let ok = s.good >= 3
                && s.good * 10 >= (s.good + s.bad) * 7
                && s.good * 10 >= s.words
                && s.good > s.native;
            if ok && best.is_none_or(|(_, b)| s.good - s.bad.min(s.good) > b.good - b.bad.min(b.good)) {
                best = Some((enc, s));
            }
        }
        best.map(|(e, _)| e)
    }
}

/// Counts the words of a decoding: units are cut into words at ASCII characters that
/// are not letters and at characters that stand for no byte and are not letters.
fn score_units(units: impl Iterator<Item = (Option<u8>, char)>, enc: Encoding, score: &mut Score) {
    let mut word: Vec<(Option<u8>, char)> = Vec::new();
    let mut flush = |word: &mut Vec<(Option<u8>, char)>| {
        if word.is_empty() {
            return;
        }
        score.words += 1;
        if word.iter().all(|&(b, _)| b.is_some_and(|b| b < 0x80)) {
            word.clear();
            return;
        }
        if word.iter().any(|&(b, c)| b.is_none() && !c.is_ascii()) {
            let text: String = word.iter().map(|&(_, c)| c).collect();
            score.native += usize::from(is_syllable(text.trim_matches(|c: char| !c.is_alphabetic())));
            word.clear();
            return;
        }
        let before: String = word.iter().map(|&(_, c)| c).collect();
        let (after, letters) = decode_units(word.drain(..), enc, false);
        if letters == 0 || is_syllable(before.trim_matches(|c: char| !c.is_alphabetic())) {
            return;
        }
        if is_syllable(after.trim_matches(|c: char| !c.is_alphabetic())) {
            score.good += 1;
        } else {
            score.bad += 1;
        }
    };
    for (b, c) in units {
        let cut = match b {
            Some(b) if b < 0x80 => !(b.is_ascii_alphabetic() || single(enc, b).is_some()),
            Some(_) => false,
            None => !c.is_alphabetic(),
        };
        if cut {
            flush(&mut word);
        } else {
            word.push((b, c));
        }
    }
    flush(&mut word);
}

/// Vowels of Vietnamese, without tones.
const VOWELS: &str = "aăâeêioôơuưy";

/// Vowel groups of Vietnamese syllables, without tones.
const NUCLEI: [&str; 49] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ",
    "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oao", "oeo", "uây", "uôi",
];
const NUCLEI3: [&str; 6] = ["uya", "uyê", "uyu", "ươi", "ươu", "yêu"];

/// Initial consonants, longest first.
const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether a word is one Vietnamese syllable: an initial consonant, a vowel group with
/// at most one tone, a final consonant.
fn is_syllable(word: &str) -> bool {
    if word.is_empty() || word.len() > 24 {
        return false;
    }
    let mut base = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.chars().flat_map(char::to_lowercase).nfd() {
        match c {
            ACUTE | GRAVE | HOOK | TILDE | DOT => tones += 1,
            _ => base.push(c),
        }
    }
    if tones > 1 {
        return false;
    }
    let base: String = base.nfc().collect();
    INITIALS.iter().filter(|i| base.starts_with(*i)).any(|i| {
        let rest = &base[i.len()..];
        let v = rest.find(|c: char| !VOWELS.contains(c)).unwrap_or(rest.len());
        let (nucleus, coda) = rest.split_at(v);
        (NUCLEI.contains(&nucleus) || NUCLEI3.contains(&nucleus)) && FINALS.contains(&coda)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The 134 Vietnamese letters that are not ASCII, lower and upper case.
    fn letters() -> Vec<char> {
        let lower: Vec<char> = "đăâêôơư".chars().collect();
        let mut all = lower.clone();
        for v in "aăâeêioôơuưy".chars() {
            for t in [ACUTE, GRAVE, HOOK, TILDE, DOT] {
                all.push(format!("{v}{t}").nfc().next().unwrap());
            }
        }
        let upper: Vec<char> = all.iter().flat_map(|c| c.to_uppercase()).collect();
        all.extend(upper);
        all
    }

    /// The shortest byte sequence that decodes to each letter (an inverse table).
    fn inverse(enc: Encoding) -> HashMap<char, Vec<u8>> {
        let mut inv: HashMap<char, Vec<u8>> = HashMap::new();
        let mut seqs: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
        if enc == Encoding::Vni {
            // The mark byte in the case of its letter.
            for a in b"aeiouyAEIOUY\xf4\xd4\xf6\xd6" {
                seqs.extend((0x80..=0xFFu8).filter(|b| b & 0x20 == a & 0x20).map(|b| vec![*a, b]));
            }
        }
        for s in seqs {
            let (text, letters) = decode_units(s.iter().map(|&b| (Some(b), char_of(b))), enc, false);
            let mut cs = text.chars();
            if let (Some(c), None, true) = (cs.next(), cs.next(), letters == 1) {
                inv.entry(c).or_insert(s);
            }
        }
        inv
    }

    /// `s` with the signs the encoding has no code for (VISCII uses every high byte for
    /// letters: no dashes, curly quotes, no-break space) written in ASCII.
    fn representable(s: &str, enc: Encoding) -> String {
        let mut out = String::new();
        for c in s.nfc() {
            let b = byte_of(c).filter(|&b| b >= 0x80);
            match b {
                Some(b) if !c.is_alphabetic() && decode(&[b], enc) != c.to_string() => {
                    out.push_str(match c {
                        '\u{A0}' => " ",
                        '–' | '—' | '•' => "-",
                        '“' | '”' | '„' => "\"",
                        '‘' | '’' => "'",
                        '…' => "...",
                        _ => "?",
                    })
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Where two long texts first differ, with some context.
    fn first_difference(a: &str, b: &str) -> Option<(String, String)> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        if a.len() == b.len() && i == a.len() {
            return None;
        }
        let around = |v: &[char]| v[i.saturating_sub(30)..(i + 30).min(v.len())].iter().collect();
        Some((around(&a), around(&b)))
    }

    /// Encodes Vietnamese text; TCVN3 capitals with tones take the lower-case codes.
    pub(super) fn encode(s: &str, enc: Encoding, inv: &HashMap<char, Vec<u8>>) -> Vec<u8> {
        let mut out = Vec::new();
        for c in representable(s, enc).chars() {
            if c.is_ascii() {
                out.push(c as u8);
            } else if let Some(b) = inv.get(&c) {
                out.extend(b);
            } else if let Some(b) = c.to_lowercase().next().and_then(|l| inv.get(&l)) {
                out.extend(b);
            } else if let Some(b) = byte_of(c) {
                out.push(b);
            } else {
                panic!("{c:?} has no code in {enc:?}");
            }
        }
        out
    }

    #[test]
    fn every_letter_both_ways() {
        for enc in Encoding::ALL {
            let inv = inverse(enc);
            for c in letters() {
                let tcvn3_capital = enc == Encoding::Tcvn3 && c.is_uppercase() && !"ĐĂÂÊÔƠƯ".contains(c);
                if tcvn3_capital {
                    assert!(!inv.contains_key(&c), "{c} has no TCVN3 code");
                    continue;
                }
                let b = inv.get(&c).unwrap_or_else(|| panic!("{c} in {enc:?}"));
                assert_eq!(decode(b, enc), c.to_string(), "{enc:?} {b:x?}");
                let shown: String = b.iter().map(|&b| char_of(b)).collect();
                assert_eq!(decode_text(&shown, enc), c.to_string());
            }
        }
        // A few codes written down from the standards, against the inverse tables.
        assert_eq!(inverse(Encoding::Tcvn3)[&'ư'], [0xAD]);
        assert_eq!(inverse(Encoding::Tcvn3)[&'ệ'], [0xD6]);
        assert_eq!(inverse(Encoding::Vni)[&'ệ'], b"e\xe4");
        assert_eq!(inverse(Encoding::Vni)[&'Ữ'], b"\xd6\xd5");
        assert_eq!(inverse(Encoding::Viscii)[&'Ỵ'], [0x1E]);
        assert_eq!(inverse(Encoding::Viscii)[&'Õ'], [0xA0]);
    }

    #[test]
    fn capitals_fonts_draw_lower_case_codes_as_capitals() {
        let h = font(".VnTimeH").unwrap();
        let inv = inverse(Encoding::Tcvn3);
        for c in letters().into_iter().filter(|c| c.is_lowercase()) {
            let shown: String = inv[&c].iter().map(|&b| char_of(b)).collect();
            assert_eq!(h.decode(&shown), c.to_uppercase().to_string());
        }
        assert_eq!(h.decode("nghÞ quyÕt"), "NGHỊ QUYẾT");
        assert_eq!(h.decode("ch\u{AD}¬ng tr×nh 45-NQ/TW"), "CHƯƠNG TRÌNH 45-NQ/TW");
        // Real Unicode in a legacy font passes through.
        assert_eq!(font(".VnTime").unwrap().decode("ệ ¸"), "ệ á");
    }

    #[test]
    fn font_names() {
        let f = |n: &str| font(n).map(|f| (f.encoding, f.capitals));
        assert_eq!(f(".VnTime"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f(".VnTimeH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f(".VnArialH "), Some((Encoding::Tcvn3, true)));
        assert_eq!(f(".VnArial"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f(".VnCentury Schoolbook"), Some((Encoding::Tcvn3, false)));
        assert_eq!(f(".VnCentury SchoolbookH"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f(".vntimeh"), Some((Encoding::Tcvn3, true)));
        assert_eq!(f("VNI-Times"), Some((Encoding::Vni, false)));
        assert_eq!(f("VNI-Helve"), Some((Encoding::Vni, false)));
        assert_eq!(f("vni-top"), Some((Encoding::Vni, false)));
        assert_eq!(f("Times VISCII"), Some((Encoding::Viscii, false)));
        for n in ["Times New Roman", "Arial", "", "Vni", "VnTime", "Verdana"] {
            assert_eq!(f(n), None, "{n}");
        }
    }

    #[test]
    fn tcvn3_capitals_typed_with_lower_case_codes() {
        assert_eq!(decode(b"T\xd8NH \xf1Y H\xb5 GIANG", Encoding::Tcvn3), "TỈNH ỦY HÀ GIANG");
        assert_eq!(decode(b"H\xb5 Giang, ng\xb5y 5", Encoding::Tcvn3), "Hà Giang, ngày 5");
        assert_eq!(decode(b"I- M\xf4C \xa7\xddCH\nth\xf9c", Encoding::Tcvn3), "I- MỤC ĐÍCH\nthực");
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        crate::text::nfc(&std::fs::read_to_string(path).unwrap())
    }

    /// TCVN3 loses the capitals with tones; the rest of the text must come back.
    fn lossy(s: &str, enc: Encoding) -> String {
        if enc != Encoding::Tcvn3 {
            return s.to_string();
        }
        crate::text::fold(s)
    }

    #[test]
    fn fixtures_are_detected_and_come_back() {
        for name in [
            "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
            "lam-dong_ctrhd_tinh-uy.txt",
            "cao-bang_kh_ban-thuong-vu.txt",
        ] {
            let original = fixture(name);
            for enc in Encoding::ALL {
                let text = representable(&original, enc);
                let bytes = encode(&text, enc, &inverse(enc));
                assert_eq!(detect(&bytes), Some(enc), "{name} {enc:?}");
                let back = decode(&bytes, enc);
                if enc == Encoding::Tcvn3 {
                    assert_eq!(first_difference(&lossy(&back, enc), &lossy(&text, enc)), None, "{name}");
                    // Capitals with tones in words of capitals come back too.
                    let caps = |s: &str| -> Vec<String> {
                        s.split_whitespace()
                            .filter(|w| w.chars().count() > 2 && crate::text::is_upper(w))
                            .map(String::from)
                            .collect()
                    };
                    assert_eq!(caps(&back), caps(&text), "{name}");
                } else {
                    assert_eq!(first_difference(&back, &text), None, "{name} {enc:?}");
                }
                let shown: String = bytes.iter().map(|&b| char_of(b)).collect();
                assert_eq!(detect_in_text(&shown), Some(enc), "{name} {enc:?}");
                assert_eq!(decode_text(&shown, enc), back);
            }
            assert_eq!(detect_in_text(&original), None, "{name}");
            assert_eq!(detect(original.as_bytes()), None, "{name}: UTF-8 is not legacy");
        }
    }

    #[test]
    fn other_languages_and_noise_are_not_vietnamese() {
        let english = b"The programme of action sets out the tasks of the provincial committee for 2024.";
        let french = "Le comité a adopté le programme d'action: élèves, français, où, très, déjà, \
                      système, intérêt, à côté, août, noël, maïs, garçon, œuvre, cœur. Ça été réglé.";
        let german = "Die Größe des Ausschusses für Straßenbau, Übersicht über Änderungen, \
                      schöne Grüße aus München, Bürgermeister Müller, täglich, Käse, Fußgänger.";
        assert_eq!(detect(english), None);
        let cp1252 = |s: &str| s.chars().map(|c| byte_of(c).unwrap()).collect::<Vec<u8>>();
        assert_eq!(detect(&cp1252(french)), None);
        assert_eq!(detect(&cp1252(german)), None);
        assert_eq!(detect_in_text(french), None);
        assert_eq!(detect_in_text(german), None);
        // Pseudo-random bytes.
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..20000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert_eq!(detect(&noise), None);
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn syllables() {
        for w in ["nghiêng", "quyết", "được", "khuya", "gì", "giữa", "Việt", "thường", "ĐẢNG", "oanh", "a"]
        {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["français", "été", "Größe", "fỹr", "trìnhh", "ớá", "xyz", "ộtộ"] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, failure_persistence: None, ..Default::default() })]

        #[test]
        fn decode_inverts_encode(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "nghị", "quyết", "Chương", "trình", "hành", "động", "ĐẢNG", "CỘNG", "SẢN", "VIỆT", "Nam",
                    "tỉnh", "ủy", "Ủy", "ban", "thường", "vụ", "xây", "dựng", "kế", "hoạch", "ỹ", "Ỹ", "khuya",
                    "năm", "2024", "số", "45-NQ/TW", "(1)", "a)", "-", "“", "”", "Ẳ", "ẵ", "Ữ", "ươu",
                ]),
                0..30,
            ),
            enc in proptest::sample::select(Encoding::ALL.to_vec()),
        ) {
            let s = representable(&words.join(" "), enc);
            let inv = inverse(enc);
            let bytes = encode(&s, enc, &inv);
            let back = decode(&bytes, enc);
            if enc == Encoding::Tcvn3 {
                proptest::prop_assert_eq!(lossy(&back, enc), lossy(&s, enc));
            } else {
                proptest::prop_assert_eq!(back, s);
            }
        }

        #[test]
        fn detect_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)) {
            let _ = detect(&bytes);
            let text: String = bytes.iter().map(|&b| char_of(b)).collect();
            let _ = detect_in_text(&text);
            for enc in Encoding::ALL {
                let _ = decode(&bytes, enc);
            }
        }
    }
}
