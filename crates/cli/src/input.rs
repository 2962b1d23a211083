//! Reading any supported input file into a document, with the size limit and the
//! user-facing message for input that is not a document.

use banthao_core::{Document, ReadError};
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before being read.
pub const MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// Input that is not a readable document: exit code 2.
#[derive(Debug)]
pub struct BadInput {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Không đọc được «{}»: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for BadInput {}

fn bad(path: &Path, reason: impl ToString) -> anyhow::Error {
    BadInput { path: path.to_path_buf(), reason: reason.to_string() }.into()
}

/// Reads a .txt or .docx file (by content, not by name) into a document.
pub fn read_document(path: &Path) -> anyhow::Result<Document> {
    let meta = std::fs::metadata(path).map_err(|e| bad(path, io_reason(&e)))?;
    if meta.is_dir() {
        return Err(bad(path, "đây là một thư mục, không phải tệp."));
    }
    if meta.len() > MAX_INPUT_BYTES {
        let e =
            ReadError::TooLarge { size: meta.len() / (1024 * 1024), limit: MAX_INPUT_BYTES / (1024 * 1024) };
        return Err(bad(path, e));
    }
    let bytes = std::fs::read(path).map_err(|e| bad(path, io_reason(&e)))?;
    let doc = if bytes.starts_with(b"PK\x03\x04") || has_ext(path, "docx") {
        banthao_docx::read_docx(&bytes)
    } else {
        banthao_core::parse_text_bytes(&bytes)
    };
    doc.map_err(|e| bad(path, e))
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp.".into(),
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc tệp.".into(),
        _ => format!("lỗi đọc tệp ({e})."),
    }
}
