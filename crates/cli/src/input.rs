//! Reading any supported input file into a document, with the size limit and the
//! user-facing message for input that is not a document.

use banthao_core::Document;
use std::fmt;
use std::path::{Path, PathBuf};

pub use banthao_import::MAX_INPUT_BYTES;

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
        let meta =
            std::fs::metadata(path).map_err(|e| bad(path, banthao_import::ImportError::from_io(&e)))?;
        if meta.len() > MAX_INPUT_BYTES {
            return Err(bad(path, "tệp quá lớn."));
        }
        let text =
            std::fs::read_to_string(path).map_err(|e| bad(path, banthao_import::ImportError::from_io(&e)))?;
        let doc: Document = serde_json::from_str(&text)
            .map_err(|e| bad(path, format!("tệp JSON không đúng mô hình văn bản ({e}).")))?;
        // NFC at the entrance: a draft JSON written by hand or by another tool may be NFD.
        return Ok(doc.into_nfc());
    }
    read_document(path)
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
    banthao_import::read_path(path).map_err(|e| bad(path, e))
}

pub fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
