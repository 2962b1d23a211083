//! What importers hand to the parser: lines of text with footnote marks and emphasis,
//! and the decoding of raw bytes into text.

use crate::legacy::{self, Encoding};
use crate::text::{nfc, squash_spaces};
use std::borrow::Cow;
use thiserror::Error;

/// A footnote mark inside a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMark {
    /// Character offset in [`Line::text`] where the mark stands.
    pub offset: usize,
    /// Footnote identifier.
    pub id: String,
}

/// A bold or italic run inside a line, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

/// One paragraph-like line of a source document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// Text with white space squashed, NFC.
    pub text: String,
    /// Where the line is in the source: 1-based line (text) or paragraph (docx).
    pub line: usize,
    /// Column pieces when the source put several things side by side on one line
    /// (tabs or wide gaps in extracted text). Empty when there is one piece.
    pub cells: Vec<String>,
    /// Footnote marks.
    pub notes: Vec<NoteMark>,
    /// Emphasis runs.
    pub spans: Vec<Span>,
    /// Characters XML 1.0 forbids that were removed from this line (controls became
    /// spaces, U+FFFE and U+FFFF were dropped): see [`crate::text::is_forbidden_in_xml`].
    pub forbidden: usize,
}

impl Line {
    /// A plain line.
    pub fn new(text: &str, line: usize) -> Line {
        let forbidden = text.chars().filter(|&c| crate::text::is_forbidden_in_xml(c)).count();
        Line { text: squash_spaces(&nfc(text)), line, forbidden, ..Line::default() }
    }

    /// A line with its column pieces, as read from extracted text.
    pub fn with_cells(text: &str, line: usize) -> Line {
        let mut b = LineBuilder::new();
        b.push(text, false, false);
        b.finish(line).unwrap_or_else(|| Line { line, ..Line::default() })
    }

    /// The pieces to classify in header and tail zones: the cells, or the whole text.
    pub fn pieces(&self) -> Vec<&str> {
        if self.cells.is_empty() {
            vec![self.text.as_str()]
        } else {
            self.cells.iter().map(String::as_str).collect()
        }
    }

    /// The text from character `from` on, with marks and spans shifted to match, and
    /// `prefix` put in front.
    pub fn tail_from(&self, from: usize, prefix: &str) -> (String, Vec<NoteMark>, Vec<Span>) {
        let start = crate::text::byte_at_char(&self.text, from);
        let text = format!("{prefix}{}", &self.text[start..]);
        let shift = |o: usize| (o.max(from) - from) + prefix.chars().count();
        let notes =
            self.notes.iter().map(|n| NoteMark { offset: shift(n.offset), id: n.id.clone() }).collect();
        let spans = self
            .spans
            .iter()
            .filter(|s| s.end > from)
            .map(|s| Span { start: shift(s.start), end: shift(s.end), ..*s })
            .collect();
        (text, notes, spans)
    }
}

/// Builds a [`Line`] piece by piece: squashes white space as [`squash_spaces`] does,
/// while keeping footnote marks and emphasis at the right character offsets, and
/// remembering tabs for [`split_cells`].
#[derive(Debug, Default)]
pub struct LineBuilder {
    text: String,
    raw: String,
    chars: usize,
    pending_space: bool,
    notes: Vec<NoteMark>,
    spans: Vec<Span>,
    /// Spaces (plain or no-break) at the end of `raw`.
    space_run: usize,
    /// Whether `raw` has a tab or three spaces in a row, so [`split_cells`] may cut it.
    may_split: bool,
    /// Characters XML 1.0 forbids met so far (and not kept).
    forbidden: usize,
}

/// Whether `s` is already squashed (single spaces between ordinary characters, none at
/// either end) and plainly NFC (see [`crate::text::nfc_cow`]): its length in characters.
fn squashed_chars(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut prev_space = true;
    let mut chars = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        chars += 1;
        if x == b' ' {
            if prev_space {
                return None;
            }
            prev_space = true;
            i += 1;
            continue;
        }
        prev_space = false;
        if x < 0x80 {
            if !x.is_ascii_graphic() {
                return None;
            }
            i += 1;
        } else if (0xC3..=0xCB).contains(&x) {
            // U+00C0–U+02FF: Latin letters, all ordinary and NFC.
            i += 2;
        } else if x == 0xE1 && (0xB8..=0xBB).contains(&b[i + 1]) {
            // U+1E00–U+1EFF: Vietnamese letters.
            i += 3;
        } else {
            let c = s[i..].chars().next()?;
            if crate::text::space_class(c) != Some(c) || !crate::text::is_plainly_nfc_char(c as u32) {
                return None;
            }
            i += c.len_utf8();
        }
    }
    (!prev_space || s.is_empty()).then_some(chars)
}

impl LineBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends text with its emphasis.
    pub fn push(&mut self, s: &str, bold: bool, italic: bool) {
        // The usual line: one piece, NFC and already squashed but for spaces at its end.
        if !bold && !italic && self.text.is_empty() && !self.pending_space {
            let body = s.trim_end_matches(' ');
            if let Some(n) = squashed_chars(body).filter(|_| !body.is_empty()) {
                self.raw.push_str(s);
                self.text.push_str(body);
                self.chars += n;
                self.space_run = s.len() - body.len();
                self.may_split |= self.space_run >= 3;
                self.pending_space = self.space_run > 0;
                return;
            }
        }
        let s = crate::text::nfc_cow(s);
        self.raw.push_str(&s);
        if bold || italic {
            for c in s.chars() {
                self.push_char(c, bold, italic);
            }
            return;
        }
        // Plain text: runs of ordinary characters are copied whole.
        let b = s.as_bytes();
        let (mut run_start, mut run_chars) = (0, 0);
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            // Most characters are ASCII or Latin letters (U+00C0–U+07FF, U+1E00–U+1EFF),
            // told by their first bytes; the others are decoded.
            let (len, c) = if x < 0x80 {
                (1, char::from(x))
            } else if (0xC3..=0xDF).contains(&x) || (x == 0xE1 && (0xB8..=0xBB).contains(&b[i + 1])) {
                (usize::from(x >= 0xE0) + 2, '\u{C0}')
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.len_utf8(), c)
            };
            let ordinary = match c as u32 {
                0..=0x7F => c.is_ascii_graphic(),
                // Latin letters with their marks: no space, control or invisible character
                // but the Ogham space mark.
                0xC0..=0x1EFF => c != '\u{1680}',
                _ => crate::text::space_class(c) == Some(c),
            };
            if ordinary {
                if run_chars == 0 {
                    run_start = i;
                    self.space_run = 0;
                }
                run_chars += 1;
            } else {
                if run_chars > 0 {
                    self.push_run(&s[run_start..i], run_chars);
                    run_chars = 0;
                }
                self.track_cells(c);
                self.forbidden += usize::from(crate::text::is_forbidden_in_xml(c));
                if crate::text::space_class(c).is_some() {
                    self.pending_space = !self.text.is_empty();
                }
            }
            i += len;
        }
        if run_chars > 0 {
            self.push_run(&s[run_start..], run_chars);
        }
    }

    /// Appends `run_chars` ordinary (not space) characters without emphasis.
    fn push_run(&mut self, run: &str, run_chars: usize) {
        if self.pending_space {
            self.text.push(' ');
            self.chars += 1;
            self.pending_space = false;
        }
        self.text.push_str(run);
        self.chars += run_chars;
    }

    /// Follows what [`split_cells`] looks for: tabs and runs of spaces.
    fn track_cells(&mut self, c: char) {
        match c {
            '\t' => {
                self.may_split = true;
                self.space_run = 0;
            }
            ' ' | '\u{00A0}' => {
                self.space_run += 1;
                self.may_split |= self.space_run >= 3;
            }
            _ => self.space_run = 0,
        }
    }

    fn push_char(&mut self, c: char, bold: bool, italic: bool) {
        self.track_cells(c);
        self.forbidden += usize::from(crate::text::is_forbidden_in_xml(c));
        match crate::text::space_class(c) {
            None => {}
            Some(' ') => self.pending_space = !self.text.is_empty(),
            Some(c) => {
                let mut gap = 0;
                if self.pending_space {
                    self.text.push(' ');
                    self.chars += 1;
                    self.pending_space = false;
                    gap = 1;
                }
                let style = (bold, italic);
                if bold || italic {
                    // Continue the last span across a single space of the same style.
                    match self.spans.last_mut() {
                        Some(s) if (s.bold, s.italic) == style && s.end + gap == self.chars => {
                            s.end = self.chars + 1
                        }
                        _ => self.spans.push(Span { start: self.chars, end: self.chars + 1, bold, italic }),
                    }
                }
                self.text.push(c);
                self.chars += 1;
            }
        }
    }

    /// Marks a footnote at the current position.
    pub fn note(&mut self, id: &str) {
        let offset = self.chars + usize::from(self.pending_space);
        self.notes.push(NoteMark { offset, id: id.to_string() });
    }

    /// Whether nothing visible has been pushed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The line, or `None` when it holds no text.
    pub fn finish(self, line: usize) -> Option<Line> {
        if self.text.is_empty() {
            return None;
        }
        let len = self.chars;
        let notes = self.notes.into_iter().map(|n| NoteMark { offset: n.offset.min(len), ..n }).collect();
        let cells = if self.may_split { split_cells(&self.raw) } else { Vec::new() };
        Some(Line { text: self.text, line, cells, notes, spans: self.spans, forbidden: self.forbidden })
    }
}

/// Why bytes could not be read as a document. Messages are for the user, in Vietnamese.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing but white space.
    #[error("Tệp rỗng: không có nội dung văn bản.")]
    Empty,
    /// Binary data, not text.
    #[error("Tệp không phải văn bản: nội dung là dữ liệu nhị phân.")]
    Binary,
    /// 8-bit text that is not UTF-8 and reads as Vietnamese in none of the legacy
    /// encodings known (the argument names them).
    #[error(
        "Tệp không dùng bảng mã Unicode (UTF-8) và không nhận ra được bảng mã cũ ({0}) nào: \
         có thể là bảng mã cũ khác hoặc không phải tiếng Việt. Hãy chuyển sang Unicode (UTF-8) rồi thử lại."
    )]
    LegacyEncoding(&'static str),
    /// Larger than the limit.
    #[error("Tệp quá lớn ({size} MB; giới hạn {limit} MB).")]
    TooLarge {
        /// Size in MB.
        size: u64,
        /// Limit in MB.
        limit: u64,
    },
    /// A .docx that cannot be read.
    #[error("Tệp .docx bị hỏng hoặc không đúng định dạng: {0}")]
    BadDocx(String),
    /// A Word 97–2003 .doc that cannot be read.
    #[error("Tệp .doc (Word 97–2003) bị hỏng hoặc không đúng định dạng: {0}")]
    BadDoc(String),
    /// A PDF that cannot be read.
    #[error("Tệp PDF bị hỏng hoặc không đọc được: {0}")]
    BadPdf(String),
    /// A PDF larger than any official document: too many pages or too much content.
    #[error("Tệp PDF quá lớn để đọc: {0}.")]
    PdfTooLarge(String),
    /// A PDF whose pages are images with no text layer.
    #[error(
        "Tệp PDF là bản quét (các trang là ảnh chụp, không có lớp chữ) nên không đọc được nội dung. \
         Hãy xin bản PDF gốc hoặc tệp Word của văn bản."
    )]
    Scanned,
    /// A file that needs a password to be opened (`format`: `PDF`, `.doc`, `.docx`).
    #[error(
        "Tệp {0} được bảo vệ bằng mật khẩu nên không đọc được. \
         Hãy mở tệp bằng mật khẩu, lưu một bản không đặt mật khẩu rồi nhập bản đó."
    )]
    Password(&'static str),
}

/// Decodes a plain-text file: UTF-8 with or without BOM, UTF-16 with BOM, or a legacy
/// Vietnamese encoding (TCVN3, VNI, VISCII) told by [`legacy::detect`]. Returns NFC text;
/// [`decode_text_with_encoding`] also says which legacy encoding was converted.
pub fn decode_text(bytes: &[u8]) -> Result<String, ReadError> {
    decode_text_with_encoding(bytes).map(|(text, _)| text)
}

/// [`decode_text`], with the legacy encoding the text was converted from, if any: bytes
/// that are not UTF-8 and read as Vietnamese in TCVN3, VNI or VISCII, or UTF-8 text that
/// is TCVN3 bytes shown as Latin-1 characters (`Thùc hiÖn`). Bytes that are no
/// Vietnamese in any of them stay an error.
///
/// ```
/// use banthao_core::{legacy::Encoding, source::decode_text_with_encoding};
/// let tcvn3 = b"Ch\xad\xacng tr\xd7nh h\xb5nh \xae\xe9ng th\xf9c hi\xd6n Ngh\xde quy\xd5t";
/// let (text, enc) = decode_text_with_encoding(tcvn3).unwrap();
/// assert_eq!(text, "Chương trình hành động thực hiện Nghị quyết");
/// assert_eq!(enc, Some(Encoding::Tcvn3));
/// assert_eq!(decode_text_with_encoding("Nghị quyết".as_bytes()).unwrap(), ("Nghị quyết".to_string(), None));
/// ```
pub fn decode_text_with_encoding(bytes: &[u8]) -> Result<(String, Option<Encoding>), ReadError> {
    decode_text_borrowed(bytes).map(|(text, enc)| (text.into_owned(), enc))
}

/// [`decode_text_with_encoding`], borrowing `bytes` when they are already plain NFC UTF-8
/// (the common case: no copy of the file).
pub fn decode_text_borrowed(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<Encoding>), ReadError> {
    fn utf8(b: &[u8]) -> Result<&str, &[u8]> {
        simdutf8::basic::from_utf8(b).map_err(|_| b)
    }
    let text: Result<Cow<'_, str>, &[u8]> = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest).map(Cow::Borrowed)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Ok(Cow::Owned(utf16(rest, u16::from_le_bytes)?))
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Ok(Cow::Owned(utf16(rest, u16::from_be_bytes)?))
    } else {
        utf8(bytes).map(Cow::Borrowed)
    };
    let text = match text {
        Ok(text) => text,
        Err(raw) => {
            let enc = legacy_bytes(raw)?;
            let text = legacy::decode(raw, enc);
            check_is_text(&text)?;
            return Ok((Cow::Owned(text), Some(enc)));
        }
    };
    // Text that fits the checks' limits is read once for all of them.
    let (suspect, tcvn3) = if text.len() <= TCVN3_LIMIT {
        let scan = Scan::of(&text);
        scan.check()?;
        if scan.plainly_nfc && !scan.legacy_suspect() {
            return Ok((text, None));
        }
        (scan.legacy_suspect(), scan.tcvn3_suspect())
    } else {
        check_is_text(&text)?;
        let tcvn3 = looks_like_tcvn3(&text);
        (tcvn3, tcvn3)
    };
    if suspect {
        match legacy::detect_in_text(&text) {
            Some(enc) => return Ok((Cow::Owned(legacy::decode_text(&text, enc)), Some(enc))),
            None if tcvn3 => return Err(ReadError::LegacyEncoding(LEGACY_NAMES)),
            None => {}
        }
    }
    Ok((
        match crate::text::nfc_cow(&text) {
            Cow::Owned(n) => Cow::Owned(n),
            Cow::Borrowed(_) => text,
        },
        None,
    ))
}

/// The encodings [`legacy::detect`] knows, for messages.
const LEGACY_NAMES: &str = "TCVN3, VNI, VISCII";

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, ReadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ReadError::Binary);
    }
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| ReadError::Binary)
}

/// Bytes that are not UTF-8: text in a legacy Vietnamese encoding, or an error (binary,
/// or 8-bit text that reads as Vietnamese in no encoding known).
fn legacy_bytes(bytes: &[u8]) -> Result<Encoding, ReadError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    if controls * 50 > sample.len() || sample.contains(&0) {
        return Err(ReadError::Binary);
    }
    if let Some(enc) = legacy::detect(bytes) {
        return Ok(enc);
    }
    let ascii_letters = sample.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let spaces = sample.iter().filter(|&&b| b == b' ').count();
    // Text in an 8-bit encoding: mostly ASCII letters and spaces.
    if (ascii_letters + spaces) * 2 > sample.len() {
        Err(ReadError::LegacyEncoding(LEGACY_NAMES))
    } else {
        Err(ReadError::Binary)
    }
}

/// Characters [`check_is_text`] looks at.
const TEXT_LIMIT: usize = 200_000;
/// Characters [`looks_like_tcvn3`] looks at.
const TCVN3_LIMIT: usize = 100_000;

/// What the checks on decoded text count, in one pass (for text of at most
/// [`TCVN3_LIMIT`] bytes, which both checks read whole).
#[derive(Debug, Default, PartialEq, Eq)]
struct Scan {
    total: usize,
    bad: usize,
    letters: usize,
    odd: usize,
    vi: usize,
    /// Characters U+00A0–U+00FF: legacy bytes shown as Latin-1 are all among them.
    latin1: usize,
    plainly_nfc: bool,
}

impl Scan {
    fn of(text: &str) -> Scan {
        let mut s = Scan { plainly_nfc: true, ..Scan::default() };
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            s.total += 1;
            if x < 0x80 {
                if x.is_ascii_alphabetic() {
                    s.letters += 1;
                } else if x.is_ascii_control() && !matches!(x, b'\n' | b'\r' | b'\t' | 0x0C) {
                    s.bad += 1;
                }
                i += 1;
                continue;
            }
            if x == 0xE1 && (0xB8..=0xBB).contains(&b[i + 1]) {
                // U+1E00–U+1EFF: letters, plainly NFC; U+1EA0–U+1EF9 are Vietnamese.
                s.letters += 1;
                s.vi += usize::from(
                    (b[i + 1] == 0xBA && b[i + 2] >= 0xA0) || (b[i + 1] == 0xBB && b[i + 2] <= 0xB9),
                );
                i += 3;
                continue;
            }
            // Two bytes (U+0080–U+07FF: Latin letters with marks) decoded in place; the
            // text is valid UTF-8.
            let c = if (0xC2..=0xDF).contains(&x) {
                let u = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
                i += 2;
                char::from_u32(u).unwrap_or('\0')
            } else {
                let c = text[i..].chars().next().unwrap_or('\0');
                i += c.len_utf8();
                c
            };
            let u = c as u32;
            if (0x80..=0x9F).contains(&u) {
                s.bad += 1;
            } else if crate::text::is_letter(c) {
                s.letters += 1;
            }
            s.latin1 += usize::from((0xA0..=0xFF).contains(&u));
            if is_tcvn3_odd(c) {
                s.odd += 1;
            } else if is_vietnamese(c) {
                s.vi += 1;
            }
            s.plainly_nfc &= crate::text::is_plainly_nfc_char(u);
        }
        s
    }

    /// [`check_is_text`], from the counts.
    fn check(&self) -> Result<(), ReadError> {
        if self.letters == 0 && self.bad == 0 {
            return Err(ReadError::Empty);
        }
        if self.bad * 100 > self.total || self.letters * 10 < self.total {
            return Err(ReadError::Binary);
        }
        Ok(())
    }

    /// Whether the text looks like TCVN3 bytes shown as Latin-1 (see [`looks_like_tcvn3`]).
    fn tcvn3_suspect(&self) -> bool {
        self.odd > 20 && self.odd > self.vi * 2
    }

    /// Whether the text may be legacy bytes shown as Latin-1 (many Latin-1 characters,
    /// few Vietnamese letters outside Latin-1): worth asking [`legacy::detect_in_text`].
    fn legacy_suspect(&self) -> bool {
        self.tcvn3_suspect() || (self.latin1 > 20 && self.latin1 > self.vi * 2)
    }
}

fn is_tcvn3_odd(c: char) -> bool {
    matches!(c, '¬' | '×' | '¸' | 'ß' | '®' | '¶' | '÷' | '©' | '¦' | '§' | 'µ' | '¾' | 'Þ' | 'ª')
}

fn is_vietnamese(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c) || matches!(c, 'đ' | 'Đ' | 'ư' | 'Ư' | 'ơ' | 'Ơ' | 'ă' | 'Ă')
}

/// Valid Unicode can still be binary (NULs, control characters) or empty. (Whether it is
/// legacy bytes shown as Latin-1 is asked separately.)
fn check_is_text(text: &str) -> Result<(), ReadError> {
    let mut total = 0usize;
    let mut bad = 0usize;
    let mut letters = 0usize;
    for c in text.chars().take(TEXT_LIMIT) {
        total += 1;
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
            } else if c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
                bad += 1;
            }
        } else if c.is_control() {
            bad += 1;
        } else if crate::text::is_letter(c) {
            letters += 1;
        }
    }
    if letters == 0 && bad == 0 {
        return Err(ReadError::Empty);
    }
    if bad * 100 > total || letters * 10 < total {
        return Err(ReadError::Binary);
    }
    Ok(())
}

/// TCVN3 (ABC) text decoded as Latin-1 shows characters such as `¬`, `×`, `¸`, `ß`
/// where Vietnamese letters should be; real Vietnamese Unicode has none of them.
pub fn looks_like_tcvn3(text: &str) -> bool {
    let text = if text.len() <= TCVN3_LIMIT {
        text
    } else {
        &text[..text.char_indices().nth(TCVN3_LIMIT).map_or(text.len(), |(i, _)| i)]
    };
    // The odd characters are all two-byte ones (U+0080–U+00FF, led by 0xC2 or 0xC3):
    // count them first, most text has none.
    let b = text.as_bytes();
    let mut odd = 0;
    for i in 0..b.len().saturating_sub(1) {
        if b[i] & 0xFE == 0xC2 && is_tcvn3_odd(char::from((b[i] & 0x1F) << 6 | (b[i + 1] & 0x3F))) {
            odd += 1;
        }
    }
    if odd <= 20 {
        return false;
    }
    let (mut odd, mut vi) = (0usize, 0usize);
    for c in text.chars() {
        if is_tcvn3_odd(c) {
            odd += 1;
        } else if is_vietnamese(c) {
            vi += 1;
        }
    }
    odd > 20 && odd > vi * 2
}

/// Whether `raw` holds a tab or three spaces (plain or no-break) in a row: otherwise
/// [`split_cells`] finds one piece.
fn may_have_cells(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut spaces = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\t' => return true,
            b' ' => spaces += 1,
            0xC2 if b[i + 1] == 0xA0 => {
                spaces += 1;
                i += 1;
            }
            _ => spaces = 0,
        }
        if spaces == 3 {
            return true;
        }
        i += 1;
    }
    false
}

/// Splits a raw line into column pieces at tabs or runs of three or more spaces.
pub fn split_cells(raw: &str) -> Vec<String> {
    if !may_have_cells(raw) {
        return Vec::new();
    }
    // Pieces as slices of `raw`: a tab ends one, three spaces end one and the gap is skipped.
    let mut cells: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut spaces = 0;
    for (i, c) in raw.char_indices() {
        if c == '\t' {
            cells.push(&raw[start..i]);
            start = i + 1;
            spaces = 0;
            continue;
        }
        if c == ' ' || c == '\u{00A0}' {
            spaces += 1;
            if spaces == 3 {
                cells.push(&raw[start..i]);
            }
            if spaces >= 3 {
                start = i + c.len_utf8();
            }
        } else {
            spaces = 0;
        }
    }
    cells.push(&raw[start..]);
    let cells: Vec<String> = cells.iter().map(|c| squash_spaces(c)).filter(|c| !c.is_empty()).collect();
    if cells.len() > 1 {
        cells
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_read_without_a_copy() {
        let plain = "Nghị quyết số 45-NQ/TW".as_bytes();
        assert!(
            matches!(decode_text_borrowed(plain).unwrap(), (Cow::Borrowed(t), None) if t.as_bytes() == plain)
        );
        // Decomposed marks are composed: a new text.
        let nfd = "Nghi\u{0323} quye\u{0302}\u{0301}t".as_bytes();
        assert!(matches!(decode_text_borrowed(nfd).unwrap(), (Cow::Owned(t), None) if t == "Nghị quyết"));
    }

    #[test]
    fn utf8_bom_and_utf16() {
        let s = "Nghị quyết số 45-NQ/TW";
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(s.as_bytes());
        assert_eq!(decode_text(&b).unwrap(), s);
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text(&le).unwrap(), s);
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode_text(&be).unwrap(), s);
    }

    #[test]
    fn binary_and_legacy() {
        assert_eq!(decode_text(&[0, 1, 2, 3, 0xff, 0xfe, 0x00, 0x9c]), Err(ReadError::Binary));
        assert_eq!(decode_text(b"   \n\n "), Err(ReadError::Empty));
        // "Ch\xac\xedng tr\xd7nh" is TCVN3 for "Chương trình".
        let legacy = b"Ch\xad\xacng tr\xd7nh h\xb5nh \xae\xe9ng th\xf9c hi\xd6n Ngh\xde quy\xd5t ".repeat(5);
        let (text, enc) = decode_text_with_encoding(&legacy).unwrap();
        assert_eq!(enc, Some(Encoding::Tcvn3));
        assert_eq!(text, "Chương trình hành động thực hiện Nghị quyết ".repeat(5));
        // With a BOM, as UTF-8 reading failed.
        let bom = [&[0xEF, 0xBB, 0xBF][..], &legacy].concat();
        assert_eq!(decode_text_with_encoding(&bom).unwrap().1, Some(Encoding::Tcvn3));
        // 8-bit text that is no Vietnamese: Windows-1252 French.
        let french = b"Le comit\xe9 a adopt\xe9 le programme d'action: \xe9l\xe8ves, fran\xe7ais, tr\xe8s, d\xe9j\xe0, \
                       syst\xe8me, int\xe9r\xeat, \xe0 c\xf4t\xe9, ao\xfbt, gar\xe7on.";
        assert_eq!(decode_text(french), Err(ReadError::LegacyEncoding(LEGACY_NAMES)));
        assert!(ReadError::LegacyEncoding(LEGACY_NAMES).to_string().contains("UTF-8"));
    }

    #[test]
    fn builder_removes_and_counts_what_xml_forbids() {
        let mut b = LineBuilder::new();
        b.push("Kế\u{FFFE}hoạch\u{0}số\u{FFFF} 12", false, false);
        b.push("\u{1}đậm\u{FFFF}", true, false);
        b.push("\ttab\u{7F}\u{200F}", false, false);
        let l = b.finish(1).unwrap();
        // DEL is allowed by XML but is a control: a space, as before, and not counted.
        assert_eq!(l.text, "Kếhoạch số 12 đậm tab \u{200F}");
        assert_eq!(l.forbidden, 5);
        assert!(!l.text.chars().any(crate::text::is_forbidden_in_xml));
        assert!(l.cells.iter().flat_map(|c| c.chars()).all(|c| !crate::text::is_forbidden_in_xml(c)));
        // Ordinary text counts nothing.
        assert_eq!(Line::with_cells("Thu hút nhân tài", 1).forbidden, 0);
        assert_eq!(
            Line::new("a\u{FFFE}b\u{B}c", 1),
            Line { text: "ab c".into(), line: 1, forbidden: 2, ..Line::default() }
        );
    }

    #[test]
    fn builder_keeps_offsets_through_squashing() {
        let mut b = LineBuilder::new();
        b.push("  Thu hút ", false, false);
        b.push("nhân  tài", true, false);
        b.note("1");
        b.push("\u{00A0} góp phần", false, true);
        let l = b.finish(7).unwrap();
        assert_eq!(l.text, "Thu hút nhân tài góp phần");
        assert_eq!(l.notes, vec![NoteMark { offset: 16, id: "1".into() }]);
        assert_eq!(
            l.spans,
            vec![
                Span { start: 8, end: 16, bold: true, italic: false },
                Span { start: 17, end: 25, bold: false, italic: true }
            ]
        );
    }

    /// `split_cells` as it was, character by character.
    fn split_cells_by_chars(raw: &str) -> Vec<String> {
        let mut cells = Vec::new();
        let mut cur = String::new();
        let mut spaces = 0;
        for c in raw.chars() {
            if c == '\t' {
                cells.push(std::mem::take(&mut cur));
                spaces = 0;
                continue;
            }
            if c == ' ' || c == '\u{00A0}' {
                spaces += 1;
                if spaces == 3 {
                    cells.push(std::mem::take(&mut cur));
                }
                if spaces >= 3 {
                    continue;
                }
            } else {
                if spaces >= 3 {
                    cur.clear();
                }
                spaces = 0;
            }
            cur.push(c);
        }
        cells.push(cur);
        let cells: Vec<String> = cells.iter().map(|c| squash_spaces(c)).filter(|c| !c.is_empty()).collect();
        if cells.len() > 1 {
            cells
        } else {
            Vec::new()
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn cells_agree_with_the_char_by_char_split(
            raw in crate::text::testing::chars_from(" \t\u{a0}\u{2003}aĐ,", 14)
        ) {
            proptest::prop_assert_eq!(split_cells(&raw), split_cells_by_chars(&raw));
            let mut b = LineBuilder::new();
            b.push(&raw, false, false);
            let line = b.finish(1).unwrap_or_default();
            proptest::prop_assert_eq!(line.text, squash_spaces(&raw));
            let cells = if squash_spaces(&raw).is_empty() { Vec::new() } else { split_cells_by_chars(&raw) };
            proptest::prop_assert_eq!(line.cells, cells.clone());
            // The same text in pieces, some in bold.
            let mut b = LineBuilder::new();
            let mut plain = String::new();
            for (k, piece) in raw.split_inclusive(['a', ' ']).enumerate() {
                b.push(piece, k % 3 == 1, false);
                plain.push_str(piece);
            }
            let line = b.finish(1).unwrap_or_default();
            proptest::prop_assert_eq!(line.text, squash_spaces(&plain));
            proptest::prop_assert_eq!(line.cells, cells);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn one_scan_agrees_with_the_separate_checks(
            text in crate::text::testing::chars_from("aĐđ ơ\n\t\r\0\u{1}\u{7f}\u{85}¬×ßÞªạỹ\u{301}\u{a0}–…ḀỺỿẟẠ\u{1e9f}", 40)
        ) {
            let scan = Scan::of(&text);
            proptest::prop_assert_eq!(scan.check(), check_is_text(&text));
            // The counts as the separate checks make them, character by character.
            let mut by_chars = Scan { plainly_nfc: true, ..Scan::default() };
            for c in text.chars() {
                by_chars.total += 1;
                if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) {
                    by_chars.bad += 1;
                } else if crate::text::is_letter(c) {
                    by_chars.letters += 1;
                }
                if is_tcvn3_odd(c) {
                    by_chars.odd += 1;
                } else if ('\u{1EA0}'..='\u{1EF9}').contains(&c) || matches!(c, 'đ' | 'Đ' | 'ư' | 'Ư' | 'ơ' | 'Ơ' | 'ă' | 'Ă') {
                    by_chars.vi += 1;
                }
                by_chars.latin1 += usize::from(('\u{A0}'..='\u{FF}').contains(&c));
                by_chars.plainly_nfc &= crate::text::is_plainly_nfc_char(c as u32);
            }
            proptest::prop_assert_eq!(&scan, &by_chars);
            proptest::prop_assert_eq!(scan.plainly_nfc, crate::text::nfc_cow(&text) == text && !text.contains('\u{301}'));
        }
    }

    #[test]
    fn tcvn3_shown_as_latin1_is_converted() {
        let legacy = "Ch\u{ad}¬ng tr×nh h\u{b5}nh \u{ae}éng thùc hiÖn NghÞ quyÕt ".repeat(5);
        assert!(Scan::of(&legacy).tcvn3_suspect());
        assert_eq!(Scan::of(&legacy).check(), Ok(()));
        let (text, enc) = decode_text_with_encoding(legacy.as_bytes()).unwrap();
        assert_eq!(enc, Some(Encoding::Tcvn3));
        assert_eq!(text, "Chương trình hành động thực hiện Nghị quyết ".repeat(5));
        // Past the one scan's limit too.
        let long = legacy.repeat(TCVN3_LIMIT / legacy.len() + 1);
        assert_eq!(decode_text_with_encoding(long.as_bytes()).unwrap().1, Some(Encoding::Tcvn3));
        // VNI shown as Latin-1 has none of TCVN3's signs but many Latin-1 letters.
        let vni = "Chöông trình haønh ñoäng thöïc hieän Nghò quyeát ".repeat(5);
        assert_eq!(
            decode_text_with_encoding(vni.as_bytes()).unwrap(),
            ("Chương trình hành động thực hiện Nghị quyết ".repeat(5), Some(Encoding::Vni))
        );
        // Real Vietnamese is left alone.
        let real = "Chương trình hành động thực hiện Nghị quyết, ngày 5 tháng 3 năm 2024 ".repeat(5);
        assert_eq!(decode_text_with_encoding(real.as_bytes()).unwrap(), (real, None));
    }

    #[test]
    fn latin_letters_are_ordinary_but_the_ogham_space() {
        for c in '\u{C0}'..='\u{1EFF}' {
            assert_eq!(crate::text::space_class(c) == Some(c), c != '\u{1680}', "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn builder_squashes_like_squash_spaces() {
        for s in
            ["  a\u{00A0}\u{00A0}b\u{200B}c\t d  ", "\u{1680}x\u{1680}", "ẠỹĐ  \u{2003}\u{3000}z", "", "   "]
        {
            let mut b = LineBuilder::new();
            b.push(s, false, false);
            assert_eq!(b.finish(1).map(|l| l.text).unwrap_or_default(), squash_spaces(s), "{s:?}");
        }
    }

    #[test]
    fn cells_split_on_tabs_and_wide_gaps() {
        assert_eq!(
            split_cells("TỈNH ỦY HÀ GIANG\t\tĐẢNG CỘNG SẢN VIỆT NAM"),
            vec!["TỈNH ỦY HÀ GIANG".to_string(), "ĐẢNG CỘNG SẢN VIỆT NAM".to_string()]
        );
        assert_eq!(split_cells("- Như trên,        T/M BAN THƯỜNG VỤ").len(), 2);
        assert!(split_cells("Nơi nhận.      \t\t\t   ").is_empty());
        assert!(split_cells("một  dòng  thường").is_empty());
        assert!(split_cells("một\u{00A0}dòng\u{00A0} thường").is_empty());
        assert_eq!(split_cells("A \u{00A0} B").len(), 2);
        assert_eq!(split_cells("A\u{00A0}\u{00A0}\u{00A0}B").len(), 2);
    }
}
