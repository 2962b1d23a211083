//! The section being written beside its counterparts in other provinces' documents.

use crate::dto::Counterpart;
use crate::error::Result;
use crate::state::AppState;
use banthao_core::Document;
use tauri::State;

/// For each chosen document, the section that corresponds to `path` in the draft
/// (see `banthao_core::counterpart`), compared word by word: A is the other
/// document, B the draft.
#[tauri::command]
pub async fn compare_section(
    state: State<'_, AppState>,
    doc: Document,
    path: String,
    others: Vec<i64>,
) -> Result<Vec<Counterpart>> {
    if doc.section_at(&path).is_none() {
        return Ok(Vec::new());
    }
    let entries = state.with(|s| Ok(s.list()?))?;
    let mut out = Vec::new();
    for id in others {
        let Some(entry) = entries.iter().find(|e| e.id == id) else { continue };
        let Some(other) = state.with(|s| Ok(s.document(id)?))? else { continue };
        let found = banthao_core::counterpart::counterpart(&doc, &path, &other);
        out.push(Counterpart {
            document_id: id,
            name: banthao_core::catalogue::document_name(&other, &entry.file_name),
            heading: found.as_ref().map(|c| c.heading.clone()),
            diff: found.map(|c| c.diff),
        });
    }
    Ok(out)
}
