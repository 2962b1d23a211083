//! Reading any supported file (.docx, or text in any encoding `parse` reads) from disk,
//! with the size limit checked before reading. Shared by the CLI and the app.

use banthao_core::{Document, ReadError};
use std::path::Path;

/// Files larger than this are refused before being read.
pub const MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be read, in Vietnamese (without the file's name). The reader's
/// own reason ([`ReadError`]: empty, binary, legacy encoding, too large, damaged .docx)
/// is kept as it is, so a caller can tell the kinds apart.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// No file at that path.
    #[error("không tìm thấy tệp.")]
    NotFound,
    /// The user may not read it.
    #[error("không có quyền đọc tệp.")]
    NoPermission,
    /// A folder, not a file.
    #[error("đây là một thư mục, không phải tệp.")]
    Directory,
    /// Another failure of the operating system, with its own words.
    #[error("lỗi đọc tệp ({0}).")]
    Io(String),
    /// The bytes are not a readable document.
    #[error("{0}")]
    Read(#[from] ReadError),
}

/// Reads a .txt or .docx file (told by content, or by name): its bytes and the
/// document they hold.
pub fn read_path(path: &Path) -> Result<(Vec<u8>, Document), ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::from_io(&e))?;
    if meta.is_dir() {
        return Err(ImportError::Directory);
    }
    if meta.len() > MAX_INPUT_BYTES {
        let mb = |b: u64| b / (1024 * 1024);
        return Err(ReadError::TooLarge { size: mb(meta.len()), limit: mb(MAX_INPUT_BYTES) }.into());
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::from_io(&e))?;
    let is_docx = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let doc = if bytes.starts_with(b"PK\x03\x04") || is_docx {
        crate::read::read_docx(&bytes)
    } else {
        banthao_core::parse_text_bytes(&bytes)
    }?;
    Ok((bytes, doc))
}

impl ImportError {
    /// The reason an I/O error gives, for the user.
    pub fn from_io(e: &std::io::Error) -> ImportError {
        match e.kind() {
            std::io::ErrorKind::NotFound => ImportError::NotFound,
            std::io::ErrorKind::PermissionDenied => ImportError::NoPermission,
            _ => ImportError::Io(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reasons_keep_their_kind() {
        let dir = std::env::temp_dir().join(format!("banthao-import-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(read_path(&dir).unwrap_err(), ImportError::Directory);
        assert_eq!(read_path(&dir.join("không có.txt")).unwrap_err(), ImportError::NotFound);
        let empty = dir.join("rỗng.txt");
        std::fs::write(&empty, "  \n").unwrap();
        assert_eq!(read_path(&empty).unwrap_err(), ImportError::Read(ReadError::Empty));
        let bad = dir.join("hỏng.docx");
        std::fs::write(&bad, b"PK\x03\x04 not a zip").unwrap();
        let e = read_path(&bad).unwrap_err();
        assert!(matches!(e, ImportError::Read(ReadError::BadDocx(_))), "{e:?}");
        assert!(e.to_string().starts_with("Tệp .docx bị hỏng"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
