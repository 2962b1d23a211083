//! Reading any supported file (.docx, or text in any encoding `parse` reads) from disk,
//! with the size limit checked before reading. Shared by the CLI and the app.

use banthao_core::{Document, ReadError};
use std::path::Path;

/// Files larger than this are refused before being read.
pub const MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be read, in Vietnamese (without the file's name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// Reads a .txt or .docx file (told by content, or by name): its bytes and the
/// document they hold.
pub fn read_path(path: &Path) -> Result<(Vec<u8>, Document), ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::from_io(&e))?;
    if meta.is_dir() {
        return Err(ImportError("đây là một thư mục, không phải tệp.".into()));
    }
    if meta.len() > MAX_INPUT_BYTES {
        let e =
            ReadError::TooLarge { size: meta.len() / (1024 * 1024), limit: MAX_INPUT_BYTES / (1024 * 1024) };
        return Err(ImportError(e.to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::from_io(&e))?;
    let is_docx = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let doc = if bytes.starts_with(b"PK\x03\x04") || is_docx {
        crate::read::read_docx(&bytes)
    } else {
        banthao_core::parse_text_bytes(&bytes)
    };
    let doc = doc.map_err(|e| ImportError(e.to_string()))?;
    Ok((bytes, doc))
}

impl ImportError {
    /// The reason an I/O error gives, for the user.
    pub fn from_io(e: &std::io::Error) -> ImportError {
        ImportError(match e.kind() {
            std::io::ErrorKind::NotFound => "không tìm thấy tệp.".into(),
            std::io::ErrorKind::PermissionDenied => "không có quyền đọc tệp.".into(),
            _ => format!("lỗi đọc tệp ({e})."),
        })
    }
}
