//! Export: a preview of the first page, and the .docx written where the user chose.

use crate::error::Result;
use crate::state::{now_iso, AppState};
use banthao_core::model::DocKind;
use banthao_core::profile::FormatProfile;
use banthao_core::Document;
use std::path::Path;
use tauri::State;

/// The first page as it will print, as HTML sized in millimetres.
#[tauri::command]
pub fn preview(doc: Document, profile: DocKind) -> Result<String> {
    Ok(banthao_docx::preview_html(&doc, &FormatProfile::of(profile)))
}

/// Writes the official .docx to `path` and remembers its folder.
#[tauri::command]
pub async fn export_docx(
    state: State<'_, AppState>,
    doc: Document,
    profile: DocKind,
    path: String,
) -> Result<()> {
    let p = FormatProfile::of(profile);
    let author = state.with(|s| Ok(s.setting("author")?))?;
    let bytes =
        banthao_docx::write_docx(&doc, &p, &banthao_docx::ExportOptions { created: now_iso(), author });
    let path = Path::new(&path);
    banthao_docx::save::write_atomic(path, &bytes)?;
    if let Some(dir) = path.parent() {
        state.with(|s| Ok(s.set_setting("export_dir", &dir.to_string_lossy())?))?;
    }
    Ok(())
}
