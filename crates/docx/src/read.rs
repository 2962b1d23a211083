//! .docx to lines: paragraphs and table cells in reading order, Word automatic
//! numbering turned into visible labels, footnote marks and bodies, bold and italic.
//!
//! Guarded against hostile files: sizes of the parts read are capped (zip bombs),
//! DTDs are refused (entity expansion), and any malformed XML is an error, never a panic.

use crate::error::DocxError;
use crate::numbering::{Numbering, Styles};
use crate::xml_read::{attr, decode_text, resolve_ref, toggle, xml_err};
use banthao_core::source::{Line, LineBuilder};
use banthao_core::{Document, ReadError};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Largest uncompressed size read for `word/document.xml`.
const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;
/// Largest uncompressed size read for the other parts.
const MAX_PART_XML: u64 = 16 * 1024 * 1024;
/// More entries than this is not a Word document.
const MAX_ENTRIES: usize = 10_000;

struct Archive {
    zip: ZipArchive<Cursor<Vec<u8>>>,
}

impl Archive {
    fn open(bytes: &[u8]) -> Result<Archive, DocxError> {
        let zip = ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|_| DocxError::Zip(String::new()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(DocxError::Zip(format!(" ({} mục trong tệp nén)", zip.len())));
        }
        Ok(Archive { zip })
    }

    /// A part as text, or `None` when absent. Refuses parts over `limit` bytes and DTDs.
    fn part(&mut self, name: &str, limit: u64) -> Result<Option<String>, DocxError> {
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

/// Footnote bodies from `word/footnotes.xml`: (id, text), separators skipped.
fn read_footnotes(xml: &str) -> Result<Vec<(String, String)>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<(String, LineBuilder)> = None;
    let mut in_text = false;
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
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::End(e) if e.local_name().as_ref() == b"p" => {
                if let Some((_, b)) = current.as_mut() {
                    b.push(" ", false, false);
                }
            }
            Event::Text(t) if in_text => {
                if let Some((_, b)) = current.as_mut() {
                    b.push(&decode_text(&t)?, false, false);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some((_, b)) = current.as_mut() {
                    b.push(&resolve_ref(&r)?, false, false);
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
}

/// Reads a .docx into a document.
pub fn read_docx(bytes: &[u8]) -> Result<Document, ReadError> {
    let text = docx_text(bytes)?;
    if text.lines.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(banthao_core::parse_lines(text.lines, text.footnotes, banthao_core::builtin_places()))
}

/// The lines and footnote bodies of a .docx.
pub fn docx_text(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let mut archive = Archive::open(bytes)?;
    let document = archive.part("word/document.xml", MAX_DOCUMENT_XML)?.ok_or(DocxError::NoDocument)?;
    let mut numbering = match archive.part("word/numbering.xml", MAX_PART_XML)? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let styles = match archive.part("word/styles.xml", MAX_PART_XML)? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    let footnotes = match archive.part("word/footnotes.xml", MAX_PART_XML)? {
        Some(x) => read_footnotes(&x)?,
        None => Vec::new(),
    };
    let lines = read_document(&document, &mut numbering, &styles)?;
    Ok(DocxText { lines, footnotes })
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
}

/// Reads `word/document.xml` into lines.
fn read_document(xml: &str, numbering: &mut Numbering, styles: &Styles) -> Result<Vec<Line>, DocxError> {
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
                match name {
                    b"Fallback" | b"del" | b"moveFrom" | b"instrText" | b"delText" if !empty => {
                        skip_depth = 1
                    }
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
                    b"t" if !empty => in_text = true,
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
                    b"t" => in_text = false,
                    b"tc" => {}
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => {
                let s = decode_text(t)?;
                push(&mut paras, numbering, styles, &s, &run);
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                let s = resolve_ref(r)?;
                push(&mut paras, numbering, styles, &s, &run);
            }
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(lines)
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
