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

/// A mistake in what the user asked for (an unknown province, a bad option value, an
/// unwritable output path): exit 2 with this message.
#[derive(Debug)]
pub struct UserError(pub String);

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// Reads a draft JSON (the document model) or any document `parse` reads.
pub fn read_draft_or_document(path: &Path) -> anyhow::Result<Document> {
    if has_ext(path, "json") {
        let meta = std::fs::metadata(path).map_err(|e| bad(path, io_reason(&e)))?;
        if meta.len() > MAX_INPUT_BYTES {
            return Err(bad(path, "tệp quá lớn."));
        }
        let text = std::fs::read_to_string(path).map_err(|e| bad(path, io_reason(&e)))?;
        let doc: Document = serde_json::from_str(&text)
            .map_err(|e| bad(path, format!("tệp JSON không đúng mô hình văn bản ({e}).")))?;
        return Ok(normalise(doc));
    }
    read_document(path)
}

/// NFC at the entrance: a draft JSON written by hand or by another tool may be NFD.
fn normalise(doc: Document) -> Document {
    let json = serde_json::to_string(&doc).expect("a document serialises");
    serde_json::from_str(&banthao_core::text::nfc(&json)).expect("NFC keeps JSON valid")
}

fn bad(path: &Path, reason: impl ToString) -> anyhow::Error {
    BadInput { path: path.to_path_buf(), reason: reason.to_string() }.into()
}

/// Reads a .txt or .docx file (by content, not by name) into a document.
pub fn read_document(path: &Path) -> anyhow::Result<Document> {
    read_file(path).map(|(_, doc)| doc)
}

/// Reads a .txt or .docx file: its bytes and the document they hold.
pub fn read_file(path: &Path) -> anyhow::Result<(Vec<u8>, Document)> {
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
    let doc = doc.map_err(|e| bad(path, e))?;
    Ok((bytes, doc))
}

pub fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp.".into(),
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc tệp.".into(),
        _ => format!("lỗi đọc tệp ({e})."),
    }
}
