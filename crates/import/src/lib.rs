//! Reading any file Bản thảo accepts from disk — .docx, Word 97–2003 .doc, PDF, plain
//! text in UTF-8/UTF-16 or a legacy Vietnamese encoding — told apart by content (the
//! name only breaks ties), with the size limit checked before reading. Shared by the
//! CLI and the app, which add nothing to it.
#![warn(missing_docs)]

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

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word 2007+ (a zip package).
    Docx,
    /// Word 97–2003 (a compound file).
    Doc,
    /// PDF.
    Pdf,
    /// Plain text.
    Text,
}

impl Format {
    /// What the bytes are, by their signature; the extension decides only when the
    /// bytes say nothing (a damaged file keeps the reader its name promises).
    pub fn of(bytes: &[u8], path: &Path) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if bytes.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Format::Doc
        } else if bytes.get(..1024).unwrap_or(bytes).windows(5).any(|w| w == b"%PDF-") {
            Format::Pdf
        } else {
            match ext.as_str() {
                "docx" => Format::Docx,
                "doc" => Format::Doc,
                "pdf" => Format::Pdf,
                _ => Format::Text,
            }
        }
    }
}

/// Reads bytes of the given format into a document.
pub fn read_bytes(bytes: &[u8], format: Format) -> Result<Document, ReadError> {
    match format {
        Format::Docx => banthao_docx::read_docx(bytes),
        Format::Doc => banthao_doc::read_doc(bytes),
        Format::Pdf => banthao_pdf::read_pdf(bytes),
        Format::Text => banthao_core::parse_text_bytes(bytes),
    }
}

/// Reads a file (any format above, told by content): its bytes and the document
/// they hold.
pub fn read_path(path: &Path) -> Result<(Vec<u8>, Document), ImportError> {
    let bytes = read_bytes_limited(path)?;
    let doc = read_bytes(&bytes, Format::of(&bytes, path))?;
    Ok((bytes, doc))
}

/// Diagnostics the user is told about at import, not only in the reading report: how
/// the text was converted or what of it could not be read.
const IMPORT_NOTES: [&str; 3] = ["legacy-encoding", "pdf-pages-without-text", "doc-list-numbers"];

/// What the user should know about how a file was read (converted from TCVN3, pages
/// without text left out, list numbers Word did not store), in Vietnamese.
pub fn notes(doc: &Document) -> Vec<&str> {
    doc.diagnostics
        .iter()
        .filter(|d| IMPORT_NOTES.contains(&d.code.as_str()))
        .map(|d| d.message.as_str())
        .collect()
}

/// A file's bytes, the size limit checked before reading (for a reader of its own,
/// such as reviewers' copies).
pub fn read_bytes_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::from_io(&e))?;
    if meta.is_dir() {
        return Err(ImportError::Directory);
    }
    if meta.len() > MAX_INPUT_BYTES {
        let mb = |b: u64| b / (1024 * 1024);
        return Err(ReadError::TooLarge { size: mb(meta.len()), limit: mb(MAX_INPUT_BYTES) }.into());
    }
    std::fs::read(path).map_err(|e| ImportError::from_io(&e))
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
    fn formats_are_told_by_content_then_by_name() {
        let p = Path::new("x.txt");
        assert_eq!(Format::of(b"PK\x03\x04rest", p), Format::Docx);
        assert_eq!(Format::of(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], p), Format::Doc);
        assert_eq!(Format::of(b"%PDF-1.7\n", p), Format::Pdf);
        assert_eq!(Format::of(b"\xEF\xBB\xBF%PDF-1.4", p), Format::Pdf);
        assert_eq!(Format::of(b"plain", p), Format::Text);
        assert_eq!(Format::of(b"damaged", Path::new("x.PDF")), Format::Pdf);
        assert_eq!(Format::of(b"damaged", Path::new("x.doc")), Format::Doc);
    }

    #[test]
    fn conversions_are_noted() {
        let bytes =
            b"Ch\xad\xacng tr\xd7nh h\xb5nh \xae\xe9ng th\xf9c hi\xd6n Ngh\xde quy\xd5t s\xe8 45\n".repeat(5);
        let doc = read_bytes(&bytes, Format::Text).unwrap();
        let notes = notes(&doc);
        assert_eq!(notes.len(), 1, "{:?}", doc.diagnostics);
        assert!(notes[0].contains("TCVN3"), "{notes:?}");
        assert!(super::notes(&banthao_core::parse_text("Kế hoạch\nI. Mục đích")).is_empty());
    }

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
