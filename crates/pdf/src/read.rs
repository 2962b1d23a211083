//! A PDF's bytes to a document: load, draw each page's text, lay it out, parse.

use crate::content::{Painter, MAX_OPERATIONS};
use crate::error::PdfError;
use crate::layout::{text_of, PageRuns, Text};
use crate::objects::Objects;
use crate::pages::pages;
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

/// The lines and footnote bodies of a PDF, and the number of pages that are scans.
pub fn pdf_text(bytes: &[u8]) -> Result<(Text, usize), PdfError> {
    let pages = page_runs(bytes)?;
    let scanned = pages
        .iter()
        .filter(|p| {
            p.runs.iter().flat_map(|r| r.text.chars()).filter(|c| c.is_alphabetic()).count() < SCANNED_LETTERS
        })
        .count();
    Ok((text_of(&pages), scanned))
}

/// Reads a text PDF into a document.
pub fn read_pdf(bytes: &[u8]) -> Result<Document, ReadError> {
    let ((lines, notes), without_text) = pdf_text(bytes)?;
    if lines.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut doc = banthao_core::parse_lines(lines, notes, banthao_core::builtin_places());
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
