//! Opening a PDF: lopdf's object reader with its damage repair, a decompression
//! limit, and the empty user password (files with an owner password only open).

use crate::error::PdfError;
use crate::objects::MAX_STREAM;
use lopdf::{Document, LoadOptions};

/// Loads the document's objects.
pub fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    if !bytes.get(..1024).unwrap_or(bytes).windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::Damaged("không phải tệp PDF".into()));
    }
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Password,
        e => PdfError::Damaged(describe(&e)),
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(PdfError::Password);
    }
    Ok(doc)
}

fn describe(e: &lopdf::Error) -> String {
    let what = match e {
        lopdf::Error::Xref(_) | lopdf::Error::InvalidOffset(_) => "bảng tham chiếu đối tượng hỏng",
        lopdf::Error::Decompress(_) => "dữ liệu nén hỏng hoặc quá lớn",
        lopdf::Error::UnsupportedSecurityHandler(_) => "kiểu mã hóa không hỗ trợ",
        _ => "cấu trúc PDF không đọc được",
    };
    format!("{what} ({e})")
}
