//! .docx to lines: paragraphs and table cells in reading order, Word automatic
//! numbering turned into visible labels, footnote marks and bodies, bold and italic.
//! Pending tracked changes are read accepted (default) or rejected ([`Changes`]),
//! counted with their authors ([`Tracked`]) and never taken silently: the document
//! gets a `tracked-changes` diagnostic.
//!
//! Guarded against hostile files: sizes of the parts read are capped (zip bombs),
//! DTDs are refused (entity expansion), and any malformed XML is an error, never a panic.

use crate::error::DocxError;
use crate::numbering::{Fonts, Numbering, Styles};
use crate::xml_read::{attr, decode_text, resolve_ref, toggle, xml_err};
use banthao_core::legacy::{self, Encoding, LegacyFont};
use banthao_core::source::{Line, LineBuilder};
use banthao_core::{Document, ReadError};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Largest uncompressed size read for `word/document.xml`.
pub(crate) const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;
/// Largest uncompressed size read for the other parts.
pub(crate) const MAX_PART_XML: u64 = 16 * 1024 * 1024;
/// More entries than this is not a Word document.
const MAX_ENTRIES: usize = 10_000;

/// A .docx package opened for reading its parts.
pub(crate) struct Archive {
    zip: ZipArchive<Cursor<Vec<u8>>>,
}

impl Archive {
    /// Opens the zip, refusing archives with too many entries.
    pub(crate) fn open(bytes: &[u8]) -> Result<Archive, DocxError> {
        let zip = ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|_| DocxError::Zip(String::new()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(DocxError::Zip(format!(" ({} mục trong tệp nén)", zip.len())));
        }
        Ok(Archive { zip })
    }

    /// A part as text, or `None` when absent. Refuses parts over `limit` bytes and DTDs.
    pub(crate) fn part(&mut self, name: &str, limit: u64) -> Result<Option<String>, DocxError> {
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocxError::Zip(e.to_string())),
        };
        let mut buf = Vec::new();
        file.take(limit + 1).read_to_end(&mut buf).map_err(|_| DocxError::Zip(String::new()))?;
        if buf.len() as u64 > limit {
            return Err(DocxError::TooLarge(name.to_string()));
        }
        let text = String::from_utf8(buf).map_err(|_| DocxError::Xml(format!("{name}: không phải UTF-8")))?;
        if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
            return Err(DocxError::Dtd);
        }
        Ok(Some(text))
    }
}

/// Legacy encodings met while reading: runs in a legacy font are converted, or every
/// run when the whole text was found to be legacy bytes (`force`).
#[derive(Debug, Default, Clone, Copy)]
struct Legacy {
    force: Option<Encoding>,
    found: Option<Encoding>,
}

impl Legacy {
    /// A run's text in Unicode.
    fn convert<'a>(
        &mut self,
        s: &'a str,
        font: impl FnOnce() -> Option<LegacyFont>,
    ) -> std::borrow::Cow<'a, str> {
        let font = match self.force {
            // Found by statistics, no font to tell: a run with letters that no legacy
            // byte stands for is Unicode already.
            Some(_) if s.chars().any(|c| c as u32 > 0xFF && c.is_alphabetic() && !"ŒœŠšŽžŸƒ".contains(c)) => {
                None
            }
            Some(encoding) => Some(LegacyFont { encoding, capitals: false }),
            None => font(),
        };
        match font {
            Some(f) => {
                self.found.get_or_insert(f.encoding);
                std::borrow::Cow::Owned(f.decode(s))
            }
            None => std::borrow::Cow::Borrowed(s),
        }
    }
}

/// Footnote bodies from `word/footnotes.xml`: (id, text), separators skipped.
fn read_footnotes(
    xml: &str,
    styles: &Styles,
    legacy: &mut Legacy,
) -> Result<Vec<(String, String)>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<(String, LineBuilder)> = None;
    let mut in_text = false;
    let (mut in_ppr, mut in_rpr) = (false, false);
    let mut para_style: Option<String> = None;
    let mut run = RunProps::default();
    loop {
        match reader.read_event().map_err(xml_err)? {
            Event::Start(e) if e.local_name().as_ref() == b"footnote" => {
                let kind = attr(&e, b"type");
                if kind.as_deref().is_none_or(|k| k == "normal") {
                    current = attr(&e, b"id").map(|id| (id, LineBuilder::new()));
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"footnote" => {
                if let Some((id, b)) = current.take() {
                    let text = b.finish(0).map(|l| l.text).unwrap_or_default();
                    out.push((id, text));
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"p" => para_style = None,
            Event::Start(e) if e.local_name().as_ref() == b"pPr" => in_ppr = true,
            Event::End(e) if e.local_name().as_ref() == b"pPr" => in_ppr = false,
            Event::Start(e) if e.local_name().as_ref() == b"r" => run = RunProps::default(),
            Event::Start(e) if e.local_name().as_ref() == b"rPr" && !in_ppr => in_rpr = true,
            Event::End(e) if e.local_name().as_ref() == b"rPr" => in_rpr = false,
            Event::Start(e) | Event::Empty(e) if in_ppr && e.local_name().as_ref() == b"pStyle" => {
                para_style = attr(&e, b"val")
            }
            Event::Start(e) | Event::Empty(e) if in_rpr && e.local_name().as_ref() == b"rFonts" => {
                run.fonts = Fonts::of(&e)
            }
            Event::Start(e) | Event::Empty(e) if in_rpr && e.local_name().as_ref() == b"rStyle" => {
                run.style = attr(&e, b"val")
            }
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::End(e) if e.local_name().as_ref() == b"p" => {
                if let Some((_, b)) = current.as_mut() {
                    b.push(" ", false, false);
                }
            }
            Event::Text(t) if in_text => {
                if let Some((_, b)) = current.as_mut() {
                    let s = decode_text(&t)?;
                    let s = legacy.convert(&s, || run.legacy_font(styles, para_style.as_deref()));
                    b.push(&s, false, false);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some((_, b)) = current.as_mut() {
                    let s = resolve_ref(&r)?;
                    let s = legacy.convert(&s, || run.legacy_font(styles, para_style.as_deref()));
                    b.push(&s, false, false);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of a .docx before structure inference.
#[derive(Debug, Clone, Default)]
pub struct DocxText {
    /// Paragraphs and table-cell paragraphs in reading order, numbering labels included.
    pub lines: Vec<Line>,
    /// Footnote bodies: (id, text).
    pub footnotes: Vec<(String, String)>,
    /// The legacy Vietnamese encoding text was converted from: runs in a legacy font
    /// (`.VnTime`, `VNI-Times`…), or the whole text when it is legacy bytes shown as
    /// Latin-1 with no font saying so.
    pub legacy: Option<Encoding>,
    /// Pending tracked changes met (read as [`Changes`] says).
    pub tracked: Tracked,
}

/// How pending tracked changes are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Changes {
    /// As if accepted: insertions kept, deletions dropped (what Word shows).
    #[default]
    Accept,
    /// As if rejected: the text before the changes (what was sent for comments).
    Reject,
}

/// Pending tracked changes of a document: counts and authors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tracked {
    /// Tracked insertions (`w:ins` around text).
    pub insertions: usize,
    /// Tracked deletions (`w:del` around text).
    pub deletions: usize,
    /// Moves (`w:moveFrom`).
    pub moves: usize,
    /// Formatting changes (`w:rPrChange`, `w:pPrChange` …): counted, not applied.
    pub formatting: usize,
    /// Authors of the changes, in order of first appearance.
    pub authors: Vec<String>,
}

impl Tracked {
    /// Whether any text change is pending.
    pub fn any(&self) -> bool {
        self.insertions + self.deletions + self.moves > 0
    }

    fn author(&mut self, e: &quick_xml::events::BytesStart) {
        if let Some(a) = attr(e, b"author").map(|a| a.trim().to_string()).filter(|a| !a.is_empty()) {
            if !self.authors.contains(&a) {
                self.authors.push(a);
            }
        }
    }

    /// The `tracked-changes` diagnostic (Vietnamese), when changes are pending.
    pub fn diagnostic(&self, how: Changes) -> Option<banthao_core::model::Diagnostic> {
        if !self.any() {
            return None;
        }
        let moves =
            if self.moves > 0 { format!(", {} chỗ di chuyển", self.moves) } else { String::new() };
        let who = if self.authors.is_empty() {
            String::new()
        } else {
            format!(" của {}", self.authors.join(", "))
        };
        let read = match how {
            Changes::Accept => {
                "đang đọc như đã chấp nhận tất cả (dùng --changes reject để đọc bản trước khi sửa)"
            }
            Changes::Reject => "đang đọc như đã từ chối tất cả (bản trước khi sửa)",
        };
        Some(banthao_core::model::Diagnostic {
            code: "tracked-changes".into(),
            message: format!(
                "Văn bản còn thay đổi được theo dõi chưa xử lý: {} chỗ chèn, {} chỗ xóa{moves}{who}; {read}.",
                self.insertions, self.deletions
            ),
            line: None,
        })
    }
}

/// Reads a .docx into a document, pending tracked changes accepted (and said so in a
/// diagnostic).
pub fn read_docx(bytes: &[u8]) -> Result<Document, ReadError> {
    read_docx_with(bytes, Changes::Accept)
}

/// Reads a .docx into a document, pending tracked changes read as `changes` says; a
/// `tracked-changes` diagnostic tells how many are pending and whose.
pub fn read_docx_with(bytes: &[u8], changes: Changes) -> Result<Document, ReadError> {
    let text = docx_text_with(bytes, changes)?;
    if text.lines.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut doc = banthao_core::parse_lines(text.lines, text.footnotes, banthao_core::builtin_places());
    if let Some(enc) = text.legacy {
        doc.diagnostics.insert(0, enc.diagnostic());
    }
    if let Some(d) = text.tracked.diagnostic(changes) {
        doc.diagnostics.insert(usize::from(text.legacy.is_some()), d);
    }
    Ok(doc)
}

/// The lines and footnote bodies of a .docx, pending changes accepted.
pub fn docx_text(bytes: &[u8]) -> Result<DocxText, DocxError> {
    docx_text_with(bytes, Changes::Accept)
}

/// The lines and footnote bodies of a .docx, pending changes read as `changes` says.
pub fn docx_text_with(bytes: &[u8], changes: Changes) -> Result<DocxText, DocxError> {
    let mut archive = Archive::open(bytes)?;
    let document = archive.part("word/document.xml", MAX_DOCUMENT_XML)?.ok_or(DocxError::NoDocument)?;
    let numbering_xml = archive.part("word/numbering.xml", MAX_PART_XML)?;
    let numbering = || match &numbering_xml {
        Some(x) => Numbering::parse(x),
        None => Ok(Numbering::default()),
    };
    let styles = match archive.part("word/styles.xml", MAX_PART_XML)? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    let footnotes_xml = archive.part("word/footnotes.xml", MAX_PART_XML)?;
    let read = |legacy: &mut Legacy| -> Result<DocxText, DocxError> {
        let footnotes = match &footnotes_xml {
            Some(x) => read_footnotes(x, &styles, legacy)?,
            None => Vec::new(),
        };
        let mut tracked = Tracked::default();
        let lines = read_document(&document, &mut numbering()?, &styles, legacy, changes, &mut tracked)?;
        Ok(DocxText { lines, footnotes, legacy: legacy.found, tracked })
    };
    let mut legacy = Legacy::default();
    let text = read(&mut legacy)?;
    // No legacy font, but the text may still be legacy bytes (the fonts were lost).
    if text.legacy.is_none() {
        let sample = sample(&text.lines, &text.footnotes);
        if plainly_unicode(&sample) {
            return Ok(text);
        }
        if let Some(enc) = legacy::detect_in_text(&sample) {
            legacy.force = Some(enc);
            return read(&mut legacy);
        }
    }
    Ok(text)
}

/// Whether text is plainly Unicode Vietnamese, so statistics need not be run (they
/// cost tens of milliseconds on a long document): letters only Unicode has (ơ, ư, ă,
/// đ and the precomposed letters with tones, U+1EA0–U+1EF9) are many and not rare
/// beside the Latin-1 letters that legacy bytes show as. Legacy bytes shown as
/// Windows-1252 never give those letters.
fn plainly_unicode(text: &str) -> bool {
    let (mut unicode, mut latin) = (0usize, 0usize);
    for c in text.chars().take(64 * 1024) {
        match c as u32 {
            0x80..=0xFF
            | 0x152
            | 0x153
            | 0x160
            | 0x161
            | 0x178
            | 0x17D
            | 0x17E
            | 0x192
            | 0x2C6
            | 0x2DC
            | 0x2013
            | 0x2014
            | 0x2018..=0x201E
            | 0x2020..=0x2022
            | 0x2026
            | 0x2030
            | 0x2039
            | 0x203A
            | 0x20AC
            | 0x2122 => latin += 1,
            0x1EA0..=0x1EF9 | 0x102 | 0x103 | 0x110 | 0x111 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 => unicode += 1,
            _ => {}
        }
    }
    unicode >= 50 && unicode * 2 >= latin
}

/// The beginning of the text read, for [`legacy::detect_in_text`].
fn sample(lines: &[Line], footnotes: &[(String, String)]) -> String {
    let mut text = String::new();
    for t in lines.iter().map(|l| &l.text).chain(footnotes.iter().map(|(_, t)| t)) {
        if text.len() > 256 * 1024 {
            break;
        }
        text.push_str(t);
        text.push('\n');
    }
    text
}

#[derive(Default)]
struct Para {
    no: usize,
    builder: LineBuilder,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    label_done: bool,
    /// Lines already cut from this paragraph at `w:br`.
    done: Vec<LineBuilder>,
}

#[derive(Default)]
struct RunProps {
    bold: bool,
    italic: bool,
    /// `w:rFonts` of the run.
    fonts: Fonts,
    /// `w:rStyle` of the run.
    style: Option<String>,
}

impl RunProps {
    fn legacy_font(&self, styles: &Styles, para_style: Option<&str>) -> Option<LegacyFont> {
        styles.legacy_font(&self.fonts, self.style.as_deref(), para_style)
    }
}

/// Reads `word/document.xml` into lines.
fn read_document(
    xml: &str,
    numbering: &mut Numbering,
    styles: &Styles,
    legacy: &mut Legacy,
    changes: Changes,
    tracked: &mut Tracked,
) -> Result<Vec<Line>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut lines = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut run = RunProps::default();
    let mut in_rpr = false;
    let mut in_ppr = false;
    let mut in_text = false;
    let mut skip_depth = 0usize; // inside mc:Fallback, w:del, w:instrText …
    let mut para_no = 0usize;
    loop {
        let ev = reader.read_event().map_err(xml_err)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    if !empty {
                        skip_depth += 1;
                    }
                    continue;
                }
                if !empty {
                    match name {
                        b"ins" | b"moveTo" => {
                            tracked.insertions += usize::from(name == b"ins");
                            tracked.author(e);
                        }
                        b"del" | b"moveFrom" => {
                            if name == b"del" {
                                tracked.deletions += 1;
                            } else {
                                tracked.moves += 1;
                            }
                            tracked.author(e);
                        }
                        _ => {}
                    }
                }
                let (dropped, kept): (&[&[u8]], &[u8]) = match changes {
                    Changes::Accept => (&[b"del", b"moveFrom"], b"t"),
                    Changes::Reject => (&[b"ins", b"moveTo"], b"delText"),
                };
                if !empty && dropped.contains(&name) {
                    skip_depth = 1;
                    continue;
                }
                if !empty && is_format_change(name) {
                    tracked.formatting += 1;
                    skip_depth = 1;
                    continue;
                }
                if !empty && (name == b"t" || name == b"delText") {
                    if name == kept || name == b"t" {
                        in_text = true;
                    } else {
                        skip_depth = 1;
                    }
                    continue;
                }
                match name {
                    b"Fallback" | b"instrText" | b"delInstrText" if !empty => skip_depth = 1,
                    b"p" if !empty => {
                        para_no += 1;
                        paras.push(Para { no: para_no, ..Para::default() });
                    }
                    b"pPr" if !empty => in_ppr = true,
                    b"pPr" => {}
                    b"pStyle" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.style = attr(e, b"val");
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.num_id = attr(e, b"val");
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"r" if !empty => run = RunProps::default(),
                    b"rPr" if !empty && !in_ppr => in_rpr = true,
                    b"b" if in_rpr => run.bold = toggle(e),
                    b"i" if in_rpr => run.italic = toggle(e),
                    b"rFonts" if in_rpr => run.fonts = Fonts::of(e),
                    b"rStyle" if in_rpr => run.style = attr(e, b"val"),
                    b"tab" if !in_ppr => push(&mut paras, numbering, styles, "\t", &run),
                    b"br" | b"cr" => {
                        if let Some(p) = paras.last_mut() {
                            if !p.builder.is_empty() {
                                let b = std::mem::take(&mut p.builder);
                                p.done.push(b);
                            }
                        }
                    }
                    b"noBreakHyphen" => push(&mut paras, numbering, styles, "-", &run),
                    b"footnoteReference" => {
                        ensure_label(&mut paras, numbering, styles);
                        if let (Some(p), Some(id)) = (paras.last_mut(), attr(e, b"id")) {
                            p.builder.note(&id);
                        }
                    }
                    b"tc" if !empty => {}
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(mut p) = paras.pop() {
                            if !p.label_done {
                                finish_label(&mut p, numbering, styles);
                            }
                            for b in p.done.drain(..).chain(std::iter::once(p.builder)) {
                                if let Some(l) = b.finish(p.no) {
                                    lines.push(l);
                                }
                            }
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"rPr" => in_rpr = false,
                    b"t" | b"delText" => in_text = false,
                    b"tc" => {}
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => {
                let s = decode_text(t)?;
                let style = paras.last().and_then(|p| p.style.as_deref());
                let s = legacy.convert(&s, || run.legacy_font(styles, style));
                push(&mut paras, numbering, styles, &s, &run);
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                let s = resolve_ref(r)?;
                let style = paras.last().and_then(|p| p.style.as_deref());
                let s = legacy.convert(&s, || run.legacy_font(styles, style));
                push(&mut paras, numbering, styles, &s, &run);
            }
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(lines)
}

/// A formatting change: the properties before it, to be skipped.
pub(crate) fn is_format_change(name: &[u8]) -> bool {
    matches!(
        name,
        b"rPrChange"
            | b"pPrChange"
            | b"sectPrChange"
            | b"tblPrChange"
            | b"tblPrExChange"
            | b"trPrChange"
            | b"tcPrChange"
            | b"tblGridChange"
            | b"numberingChange"
    )
}

fn ensure_label(paras: &mut [Para], numbering: &mut Numbering, styles: &Styles) {
    if let Some(p) = paras.last_mut() {
        if !p.label_done {
            finish_label(p, numbering, styles);
        }
    }
}

fn push(paras: &mut [Para], numbering: &mut Numbering, styles: &Styles, s: &str, run: &RunProps) {
    ensure_label(paras, numbering, styles);
    if let Some(p) = paras.last_mut() {
        p.builder.push(s, run.bold, run.italic);
    }
}

/// Puts the visible label of Word's automatic numbering in front of the paragraph.
fn finish_label(p: &mut Para, numbering: &mut Numbering, styles: &Styles) {
    p.label_done = true;
    let (num_id, ilvl) = match (&p.num_id, p.ilvl) {
        (Some(n), l) => (Some(n.clone()), l.unwrap_or(0)),
        (None, _) => match p.style.as_deref().and_then(|s| styles.numbering_of(s)) {
            Some((n, l)) => (Some(n), p.ilvl.unwrap_or(l)),
            None => (None, 0),
        },
    };
    if let Some(num_id) = num_id {
        if let Some(label) = numbering.next_label(&num_id, ilvl) {
            if !label.is_empty() {
                p.builder.push(&label, false, false);
                p.builder.push(" ", false, false);
            }
        }
    }
}
