//! Export: a preview of the first page, and the .docx written where the user chose.

use crate::error::{AppError, Result};
use crate::state::{now_iso, AppState};
use banthao_core::Document;
use std::path::Path;
use tauri::State;

/// The first page as it will print, as HTML sized in millimetres.
#[tauri::command]
pub fn preview(doc: Document, profile: String) -> Result<String> {
    Ok(banthao_docx::preview_html(&doc, &crate::commands::drafts::profile_named(&profile)?))
}

/// Writes the official .docx to `path` and remembers its folder.
#[tauri::command]
pub async fn export_docx(
    state: State<'_, AppState>,
    doc: Document,
    profile: String,
    path: String,
) -> Result<()> {
    let p = crate::commands::drafts::profile_named(&profile)?;
    let author = state.with(|s| Ok(s.setting("author")?))?;
    let bytes =
        banthao_docx::write_docx(&doc, &p, &banthao_docx::ExportOptions { created: now_iso(), author });
    let path = Path::new(&path);
    write_atomically(path, &bytes)?;
    if let Some(dir) = path.parent() {
        state.with(|s| Ok(s.set_setting("export_dir", &dir.to_string_lossy())?))?;
    }
    Ok(())
}

/// Writes through a temporary file in the same folder and renames it over the
/// target: a failed write never leaves half a file where the user's was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}.tmp", path.file_name().and_then(|n| n.to_str()).unwrap_or("banthao")));
    let fail = |e: std::io::Error| AppError::new("io", format!("Không ghi được «{}»: {e}", path.display()));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
