//! ToUnicode CMaps: how a font's character codes are cut from a string and which text
//! each code stands for (`begincodespacerange`, `beginbfchar`, `beginbfrange`).

use std::collections::HashMap;

/// Entries read from one CMap at most: real maps have a few thousand.
const MAX_ENTRIES: usize = 200_000;

/// A parsed ToUnicode map.
#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    /// Code space ranges: (byte length, low, high).
    spaces: Vec<(usize, u32, u32)>,
    chars: HashMap<u32, String>,
    /// Ranges: low, high, text of `low` (the last character counts up), or one text per code.
    ranges: Vec<(u32, u32, RangeDst)>,
}

#[derive(Debug, Clone)]
enum RangeDst {
    Base(Vec<u16>),
    List(Vec<String>),
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> impl Iterator<Item = Token<'_>> {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let c = *data.get(i)?;
        match c {
            b'%' => {
                while i < data.len() && !matches!(data[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'[' => {
                i += 1;
                return Some(Token::Open);
            }
            b']' => {
                i += 1;
                return Some(Token::Close);
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = data[start..].iter().position(|&b| b == b'>').map_or(data.len(), |p| start + p);
                i = end + 1;
                let digits: Vec<u8> =
                    data[start..end].iter().filter(|b| b.is_ascii_hexdigit()).copied().collect();
                let mut out = Vec::with_capacity(digits.len() / 2 + 1);
                for pair in digits.chunks(2) {
                    let hi = hex(pair[0]);
                    let lo = pair.get(1).map_or(0, |&d| hex(d));
                    out.push(hi << 4 | lo);
                }
                return Some(Token::Hex(out));
            }
            b'(' => {
                // Literal strings do not occur in the sections read; skip them whole.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < data.len() && !b"[]<>()% \t\r\n\x0C\0/".contains(&data[i]) {
                    i += 1;
                }
                return Some(Token::Word(&data[start..i]));
            }
        }
    })
}

fn hex(d: u8) -> u8 {
    match d {
        b'0'..=b'9' => d - b'0',
        b'a'..=b'f' => d - b'a' + 10,
        _ => d - b'A' + 10,
    }
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)])).collect()
}

fn text(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied()).map(|r| r.unwrap_or('\u{FFFD}')).collect()
}

impl ToUnicode {
    /// Parses the CMap's text. Never fails: what cannot be read is left out.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut map = ToUnicode::default();
        let mut section: &[u8] = b"";
        let mut pending: Vec<Vec<u8>> = Vec::new();
        let mut list: Option<Vec<String>> = None;
        let mut entries = 0usize;
        for t in tokens(data) {
            if entries > MAX_ENTRIES {
                break;
            }
            match t {
                Token::Word(w) if w.starts_with(b"begin") || w.starts_with(b"end") => {
                    section = if w.starts_with(b"begin") { w } else { b"" };
                    pending.clear();
                }
                Token::Word(_) => pending.clear(),
                Token::Open => list = Some(Vec::new()),
                Token::Close => {
                    if let (Some(items), [lo, hi]) = (list.take(), pending.as_slice()) {
                        map.ranges.push((code(lo), code(hi), RangeDst::List(items)));
                        entries += 1;
                    }
                    pending.clear();
                }
                Token::Hex(h) if list.is_some() => {
                    if let Some(items) = list.as_mut() {
                        items.push(text(&utf16(&h)));
                    }
                }
                Token::Hex(h) => {
                    pending.push(h);
                    match (section, pending.len()) {
                        (b"begincodespacerange", 2) => {
                            let (lo, hi) = (&pending[0], &pending[1]);
                            if (1..=4).contains(&lo.len()) {
                                map.spaces.push((lo.len(), code(lo), code(hi)));
                            }
                            pending.clear();
                        }
                        (b"beginbfchar", 2) => {
                            map.chars.insert(code(&pending[0]), text(&utf16(&pending[1])));
                            entries += 1;
                            pending.clear();
                        }
                        (b"beginbfrange", 3) => {
                            let (lo, hi) = (code(&pending[0]), code(&pending[1]));
                            if lo <= hi {
                                map.ranges.push((lo, hi, RangeDst::Base(utf16(&pending[2]))));
                                entries += 1;
                            }
                            pending.clear();
                        }
                        (b"beginbfchar" | b"beginbfrange" | b"begincodespacerange", _) => {}
                        _ => pending.clear(),
                    }
                }
            }
        }
        map
    }

    /// The byte lengths codes may have, shortest first, when the map says.
    pub fn code_lengths(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.spaces.iter().map(|s| s.0).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Length of the code at the start of `bytes`, by the code space ranges.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        self.spaces
            .iter()
            .filter(|(n, ..)| *n <= bytes.len())
            .find(|(n, lo, hi)| (*lo..=*hi).contains(&code(&bytes[..*n])))
            .map(|s| s.0)
    }

    /// The text of a code, when the map has it.
    pub fn get(&self, c: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&c) {
            return Some(s.clone());
        }
        self.ranges.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&c)).and_then(|(lo, _, dst)| match dst {
            RangeDst::List(items) => items.get((c - lo) as usize).cloned(),
            RangeDst::Base(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.checked_add(u16::try_from(c - lo).ok()?)?;
                Some(text(&units))
            }
        })
    }

    /// Whether the map has no code at all.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0011> <1EC7> <0012> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0061> <0030> <0031> [<0110> <01B0>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_chars_ranges_and_code_space() {
        let m = ToUnicode::parse(SAMPLE);
        assert_eq!(m.get(0x11).as_deref(), Some("ệ"));
        assert_eq!(m.get(0x12).as_deref(), Some("fi"));
        assert_eq!(m.get(0x22).as_deref(), Some("c"));
        assert_eq!(m.get(0x31).as_deref(), Some("ư"));
        assert_eq!(m.get(0x40), None);
        assert_eq!(m.code_lengths(), vec![2]);
        assert_eq!(m.code_len(&[0, 3, 0]), Some(2));
    }

    #[test]
    fn garbage_gives_an_empty_map() {
        for data in
            [&b""[..], b"<<<<", b"beginbfrange <00", b"[[[[ ]]]] <zz> (((", b"1 beginbfchar <01> endbfchar"]
        {
            let m = ToUnicode::parse(data);
            assert!(m.get(1).is_none());
        }
    }
}
