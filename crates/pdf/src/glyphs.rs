//! Character codes of simple fonts: the standard encodings and glyph names.

/// Windows code page 1252 (PDF's WinAnsiEncoding): bytes 0x80–0x9F; the rest is Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// WinAnsiEncoding (also used for fonts that name none: close enough for text).
    WinAnsi,
    /// StandardEncoding: quotes differ from ASCII, the high half is sparse.
    Standard,
    /// MacRomanEncoding: only the ASCII half is mapped.
    MacRoman,
}

impl BaseEncoding {
    /// From the `/BaseEncoding` or `/Encoding` name.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            _ => None,
        }
    }

    /// The character of a one-byte code, when the encoding has one.
    pub fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (_, 0..=0x1F) => None,
            (BaseEncoding::Standard, 0x27) => Some('’'),
            (BaseEncoding::Standard, 0x60) => Some('‘'),
            (_, 0x20..=0x7E) => Some(code as char),
            (BaseEncoding::WinAnsi, 0x80..=0x9F) => Some(CP1252_HIGH[usize::from(code - 0x80)]),
            (BaseEncoding::WinAnsi, 0xA0..=0xFF) => Some(char::from(code)),
            _ => None,
        }
    }
}

/// The character a glyph name stands for: `uniXXXX`, `uXXXX`, `a`–`z`, and the
/// Adobe Glyph List names that Latin and Vietnamese text uses.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if let Some(hex) = name.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(hex) = name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len())) {
        if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            return Some(c);
        }
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_alphabetic() {
            return Some(c);
        }
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("quoteleft", '‘'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("minus", '−'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("underscore", '_'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("endash", '–'),
    ("emdash", '—'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("bullet", '•'),
    ("ellipsis", '…'),
    ("nbspace", '\u{A0}'),
    ("degree", '°'),
    ("section", '§'),
    ("percent", '%'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acircumflex", 'Â'),
    ("Atilde", 'Ã'),
    ("Abreve", 'Ă'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acircumflex", 'â'),
    ("atilde", 'ã'),
    ("abreve", 'ă'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecircumflex", 'Ê'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecircumflex", 'ê'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Itilde", 'Ĩ'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("itilde", 'ĩ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocircumflex", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ohorn", 'Ơ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocircumflex", 'ô'),
    ("otilde", 'õ'),
    ("ohorn", 'ơ'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Utilde", 'Ũ'),
    ("Uhorn", 'Ư'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("utilde", 'ũ'),
    ("uhorn", 'ư'),
    ("Yacute", 'Ý'),
    ("yacute", 'ý'),
    ("Dcroat", 'Đ'),
    ("dcroat", 'đ'),
    ("gravecomb", '\u{300}'),
    ("acutecomb", '\u{301}'),
    ("tildecomb", '\u{303}'),
    ("hookabovecomb", '\u{309}'),
    ("dotbelowcomb", '\u{323}'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(glyph_char(b"uni1EC7"), Some('ệ'));
        assert_eq!(glyph_char(b"u1EC7"), Some('ệ'));
        assert_eq!(glyph_char(b"ohorn"), Some('ơ'));
        assert_eq!(glyph_char(b"a.sc"), Some('a'));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(BaseEncoding::WinAnsi.char(0x93), Some('“'));
        assert_eq!(BaseEncoding::WinAnsi.char(0xE0), Some('à'));
        assert_eq!(BaseEncoding::MacRoman.char(0xE0), None);
        assert_eq!(BaseEncoding::Standard.char(0x27), Some('’'));
    }
}
