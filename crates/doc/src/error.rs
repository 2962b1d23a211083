//! Why a .doc could not be read (Vietnamese messages) and how that maps to the core's
//! [`ReadError`].

use banthao_core::ReadError;
use thiserror::Error;

/// A .doc that cannot be read. Messages are for the user, in Vietnamese.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DocError {
    /// Not an OLE compound file, or a damaged one.
    #[error("không phải tệp Word 97–2003 (cấu trúc tệp ghép OLE hỏng)")]
    NotCompound,
    /// A compound file without the `WordDocument` stream (Excel, PowerPoint …).
    #[error("không có luồng WordDocument (có thể là tệp Excel hoặc PowerPoint)")]
    NoWordDocument,
    /// The table stream that the FIB names is missing.
    #[error("thiếu luồng bảng ({0})")]
    NoTable(&'static str),
    /// The File Information Block is not a Word 97–2003 one.
    #[error("phần đầu tệp (FIB) không hợp lệ: {0}")]
    BadFib(&'static str),
    /// Word 6/95 or older.
    #[error("tệp Word 6/95 hoặc cũ hơn, chưa hỗ trợ; hãy lưu lại bằng Word dưới dạng .docx")]
    TooOld,
    /// Encrypted or obfuscated.
    #[error("tệp được đặt mật khẩu")]
    Encrypted,
    /// A structure of the file points outside its stream or is inconsistent.
    #[error("cấu trúc bị hỏng: {0}")]
    Damaged(&'static str),
    /// A stream is larger than the limit.
    #[error("luồng {0} quá lớn")]
    TooLarge(&'static str),
    /// No text at all.
    #[error("tệp không có nội dung văn bản")]
    Empty,
}

impl From<DocError> for ReadError {
    fn from(e: DocError) -> ReadError {
        match e {
            DocError::Encrypted => ReadError::Password(".doc"),
            DocError::Empty => ReadError::Empty,
            other => ReadError::BadDoc(other.to_string()),
        }
    }
}
