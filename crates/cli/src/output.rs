//! Writing output files atomically: a temporary file beside the target, renamed into
//! place, so a failure never leaves a partial file at the output path.

use crate::input::UserError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), UserError> {
    let fail =
        |e: std::io::Error| UserError(format!("Không ghi được tệp «{}»: {}", path.display(), reason(&e)));
    if path.is_dir() {
        return Err(UserError(format!("Không ghi được tệp «{}»: đây là một thư mục.", path.display())));
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
        return Err(fail(e));
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
