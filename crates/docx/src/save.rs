//! Writing a file the user asked for (an export, a redline, a report) atomically: a
//! temporary file beside the target, flushed to disk and renamed into place, so a
//! failure never leaves a partial file where the user's was. Shared by the CLI and
//! the app.

use std::io::Write;
use std::path::Path;

/// Why a file could not be written, in Vietnamese, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Không ghi được tệp «{path}»: {reason}")]
pub struct SaveError {
    /// The file that could not be written, as the user named it.
    pub path: String,
    /// Why, for the user.
    pub reason: String,
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError { path: path.display().to_string(), reason };
    if path.is_dir() {
        return Err(fail("đây là một thư mục.".into()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(reason(&e)));
    }
    Ok(())
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "thư mục không tồn tại.".into(),
        std::io::ErrorKind::PermissionDenied => "không có quyền ghi.".into(),
        _ => format!("{e}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_says_why_it_cannot() {
        let dir = std::env::temp_dir().join(format!("banthao-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("xuat.docx");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("xuat.docx")], "no temporary file is left");

        let e = write_atomic(&dir, b"x").unwrap_err();
        assert_eq!(e.reason, "đây là một thư mục.");
        let e = write_atomic(&dir.join("khong-co/xuat.docx"), b"x").unwrap_err();
        assert!(
            e.to_string().starts_with("Không ghi được tệp «") && e.reason == "thư mục không tồn tại.",
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
