//! Word .docx for Bản thảo: reading a .docx into the document model.
//!
//! Reading goes through the same structure inference as plain text
//! ([`banthao_core::parse_lines`]): this crate only turns the Word parts into lines.

pub mod import;
mod layout;
mod numbering;
mod preview;
mod read;
mod redline;
pub mod save;
mod write;

pub use preview::preview_html;
pub use redline::{write_redline, RedlineOptions};
pub use write::{write_docx, ExportOptions};

use banthao_core::{Document, ReadError};
use numbering::{Numbering, Styles};
use thiserror::Error;

/// What can go wrong reading a .docx. Messages are for the user, in Vietnamese.
#[derive(Debug, Error)]
pub enum DocxError {
    /// Not a zip archive, or a damaged one.
    #[error("tệp nén hỏng hoặc bị cắt cụt{0}")]
    Zip(String),
    /// A zip without `word/document.xml`.
    #[error("không có phần nội dung word/document.xml")]
    NoDocument,
    /// Malformed XML.
    #[error("nội dung XML hỏng ({0})")]
    Xml(String),
    /// A DTD or entity declaration (entity expansion attack, never in real Word files).
    #[error("có khai báo DTD/thực thể XML, không được phép trong tệp Word")]
    Dtd,
    /// A part that decompresses to more than the limit (zip bomb).
    #[error("phần {0} giải nén ra quá lớn")]
    TooLarge(String),
}

impl From<DocxError> for ReadError {
    fn from(e: DocxError) -> ReadError {
        ReadError::BadDocx(e.to_string())
    }
}

/// The text of a .docx before structure inference.
#[derive(Debug, Clone, Default)]
pub struct DocxText {
    /// Paragraphs and table-cell paragraphs in reading order, numbering labels included.
    pub lines: Vec<banthao_core::source::Line>,
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
    let mut archive = read::Archive::open(bytes)?;
    let document = archive.part("word/document.xml", read::MAX_DOCUMENT_XML)?.ok_or(DocxError::NoDocument)?;
    let mut numbering = match archive.part("word/numbering.xml", read::MAX_PART_XML)? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let styles = match archive.part("word/styles.xml", read::MAX_PART_XML)? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    let footnotes = match archive.part("word/footnotes.xml", read::MAX_PART_XML)? {
        Some(x) => read::read_footnotes(&x)?,
        None => Vec::new(),
    };
    let lines = read::read_document(&document, &mut numbering, &styles)?;
    Ok(DocxText { lines, footnotes })
}
