//! The error of reading a .docx, with messages for the user.

use banthao_core::ReadError;
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
