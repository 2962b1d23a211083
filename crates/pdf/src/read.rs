//! A PDF's bytes to a document: load, draw each page's text, lay it out, parse.

use crate::content::{Painter, MAX_OPERATIONS};
use crate::error::PdfError;
use crate::layout::{text_of, PageRuns, Text};
use crate::objects::Objects;
use crate::pages::pages;
use banthao_core::legacy::{self, Encoding};
use banthao_core::model::Diagnostic;
use banthao_core::{Document, ReadError};

/// Letters per page below which a page with images counts as scanned.
const SCANNED_LETTERS: usize = 20;

/// The runs of each page with its size.
pub fn page_runs(bytes: &[u8]) -> Result<Vec<PageRuns>, PdfError> {
    let doc = crate::load::load(bytes)?;
    let objects = Objects { doc: &doc };
    let pages = pages(&objects)?;
    let mut painter = Painter::new(&objects);
    let mut out = Vec::with_capacity(pages.len());
    let mut images = 0;
    let mut unreadable = None;
    for p in &pages {
        let drawn = painter.page(p.dict, p.resources, p.media);
        if painter.operations > MAX_OPERATIONS {
            return Err(PdfError::TooLarge("nội dung trang quá lớn".into()));
        }
        images += usize::from(drawn.images > 0);
        unreadable = unreadable.or(drawn.unreadable);
        out.push(PageRuns {
            runs: drawn.runs,
            width: p.media[2] - p.media[0],
            height: p.media[3] - p.media[1],
        });
    }
    let letters =
        |p: &PageRuns| p.runs.iter().flat_map(|r| r.text.chars()).filter(|c| c.is_alphabetic()).count();
    let text_pages = out.iter().filter(|p| letters(p) >= SCANNED_LETTERS).count();
    if text_pages == 0 {
        return Err(match (images, unreadable) {
            (0, Some(why)) => PdfError::Damaged(format!("không giải nén được nội dung trang ({why})")),
            (0, None) => PdfError::Empty,
            _ => PdfError::Scanned,
        });
    }
    Ok(out)
}

/// Decodes text drawn in legacy Vietnamese fonts, by the font's name, or — when the
/// fonts were substituted on the way to PDF and only the mojibake is left — by the
/// statistics of the whole text. Returns the encoding found.
fn convert_legacy(pages: &mut [PageRuns]) -> Option<Encoding> {
    let mut found = None;
    for r in pages.iter_mut().flat_map(|p| p.runs.iter_mut()) {
        if let Some(font) = r.legacy {
            r.text = font.decode(&r.text);
            found = Some(font.encoding);
        }
    }
    if found.is_some() {
        return found;
    }
    let mut sample = String::new();
    for r in pages.iter().flat_map(|p| p.runs.iter()) {
        if sample.len() > 64 * 1024 {
            break;
        }
        sample.push_str(&r.text);
        sample.push(' ');
    }
    let enc = legacy::detect_in_text(&sample)?;
    for r in pages.iter_mut().flat_map(|p| p.runs.iter_mut()) {
        // Word by word, only words made of characters legacy bytes show as: a word
        // with real Vietnamese letters is Unicode already.
        let words: Vec<String> = r
            .text
            .split(' ')
            .map(|w| if w.chars().all(shows_a_byte) { legacy::decode_text(w, enc) } else { w.to_string() })
            .collect();
        r.text = words.join(" ");
    }
    Some(enc)
}

/// Whether a legacy byte shown as Windows-1252 or Latin-1 can be this character.
fn shows_a_byte(c: char) -> bool {
    (c as u32) <= 0xFF || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// The lines and footnote bodies of a PDF, the number of pages that are scans, and
/// the legacy encoding its text was converted from.
pub fn pdf_text(bytes: &[u8]) -> Result<(Text, usize, Option<Encoding>), PdfError> {
    let mut pages = page_runs(bytes)?;
    let legacy = convert_legacy(&mut pages);
    let scanned = pages
        .iter()
        .filter(|p| {
            p.runs.iter().flat_map(|r| r.text.chars()).filter(|c| c.is_alphabetic()).count() < SCANNED_LETTERS
        })
        .count();
    Ok((text_of(&pages), scanned, legacy))
}

/// Reads a text PDF into a document.
pub fn read_pdf(bytes: &[u8]) -> Result<Document, ReadError> {
    let ((lines, notes), without_text, legacy) = pdf_text(bytes)?;
    if lines.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut doc = banthao_core::parse_lines(lines, notes, banthao_core::builtin_places());
    if let Some(enc) = legacy {
        doc.diagnostics.insert(0, enc.diagnostic());
    }
    if without_text > 0 {
        doc.diagnostics.push(Diagnostic {
            code: "pdf-pages-without-text".into(),
            message: format!(
                "{without_text} trang của tệp PDF không có chữ (trang trắng hoặc ảnh quét), đã bỏ qua."
            ),
            line: None,
        });
    }
    Ok(doc)
}
