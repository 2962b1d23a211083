//! The library: drafts and imported documents, search, import, delete.

use crate::dto::{ImportOutcome, ImportProgress, Library};
use crate::error::{AppError, Result};
use crate::state::{now_iso, AppState};
use banthao_store::Added;
use std::sync::atomic::Ordering;
use tauri::{Emitter, State};

/// Drafts and documents whose title, province or text hold `query` as a phrase
/// (diacritics and case ignored: `tri thuc` finds `trí thức`).
#[tauri::command]
pub async fn library(state: State<'_, AppState>, query: String) -> Result<Library> {
    state.with(|s| Ok(Library { drafts: s.drafts(&query)?, documents: s.search_documents(&query)? }))
}

/// Imports files one by one off the window's thread, reporting progress; a file that
/// cannot be read is reported and changes nothing. [`stop_import`] stops it before
/// its next file: the files already imported stay, and the answer holds the outcomes
/// of those that were read (the others, after them, were not imported).
#[tauri::command]
pub async fn import_files(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<Vec<ImportOutcome>> {
    state.import_stop.store(false, Ordering::SeqCst);
    let mut out = Vec::new();
    for (k, p) in paths.iter().enumerate() {
        let path = std::path::Path::new(p);
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.clone());
        if state.import_stop.load(Ordering::SeqCst) {
            break;
        }
        let _ =
            app.emit("import-progress", ImportProgress { done: k, total: paths.len(), file: file.clone() });
        let outcome = match banthao_import::read_path(path) {
            Err(e) => ImportOutcome { file, ok: false, id: None, existing: false, message: e.to_string() },
            Ok((bytes, doc)) => match state.with(|s| Ok(s.add_document(&file, &bytes, &doc, &now_iso())?)) {
                Ok(Added::New(id)) => ImportOutcome {
                    file,
                    ok: true,
                    id: Some(id),
                    existing: false,
                    message: std::iter::once("Đã thêm vào thư viện.")
                        .chain(banthao_import::notes(&doc))
                        .collect::<Vec<_>>()
                        .join(" "),
                },
                Ok(Added::Existing(id)) => ImportOutcome {
                    file,
                    ok: true,
                    id: Some(id),
                    existing: true,
                    message: "Đã có trong thư viện.".into(),
                },
                Err(e) => ImportOutcome { file, ok: false, id: None, existing: false, message: e.message },
            },
        };
        out.push(outcome);
    }
    let _ = app
        .emit("import-progress", ImportProgress { done: out.len(), total: paths.len(), file: String::new() });
    Ok(out)
}

/// Stops the import under way before its next file.
#[tauri::command]
pub fn stop_import(state: State<'_, AppState>) {
    state.import_stop.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn delete_document(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with(|s| if s.remove(id, &now_iso())? { Ok(()) } else { Err(AppError::not_found("văn bản")) })
}

#[tauri::command]
pub async fn delete_draft(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with(|s| if s.delete_draft(id)? { Ok(()) } else { Err(AppError::not_found("dự thảo")) })
}

/// An imported document, to read.
#[tauri::command]
pub async fn open_document(state: State<'_, AppState>, id: i64) -> Result<banthao_core::Document> {
    state.with(|s| s.document(id)?.ok_or_else(|| AppError::not_found("văn bản")))
}
