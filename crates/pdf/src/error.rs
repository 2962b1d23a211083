//! Why a PDF could not be read.

use banthao_core::ReadError;

/// A PDF that cannot be read. Reasons are in Vietnamese, for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The bytes are not a PDF the object reader can make sense of.
    #[error("{0}")]
    Damaged(String),
    /// Opening needs a password (a user password, not only an owner password).
    #[error("tệp cần mật khẩu để mở")]
    Password,
    /// Pages that are images with no text layer (a scan).
    #[error("bản quét, không có lớp chữ")]
    Scanned,
    /// Neither text nor images.
    #[error("không có nội dung")]
    Empty,
    /// More pages, text or streams than an official document has.
    #[error("{0}")]
    TooLarge(String),
}

impl From<PdfError> for ReadError {
    fn from(e: PdfError) -> ReadError {
        match e {
            PdfError::Password => ReadError::Password("PDF"),
            PdfError::Scanned => ReadError::Scanned,
            PdfError::Empty => ReadError::Empty,
            PdfError::Damaged(why) => ReadError::BadPdf(why),
            PdfError::TooLarge(why) => ReadError::PdfTooLarge(why),
        }
    }
}
