//! The section being written beside its counterparts in other provinces' documents.

use crate::dto::Counterpart;
use crate::error::Result;
use crate::state::AppState;
use banthao_core::compare::{align, diff_section, DiffOptions};
use banthao_core::Document;
use tauri::State;

/// For each chosen document, the section that corresponds to `path` in the draft
/// (aligned by meaning, not by number; a deeper section is found through its
/// second-level ancestor), compared word by word: A is the other document, B the draft.
#[tauri::command]
pub async fn compare_section(
    state: State<'_, AppState>,
    doc: Document,
    path: String,
    others: Vec<i64>,
) -> Result<Vec<Counterpart>> {
    let Some(mine) = doc.section_at(&path).cloned() else { return Ok(Vec::new()) };
    // The first two levels are aligned; deeper sections go by their ancestor.
    let top: String = path.split('.').take(2).collect::<Vec<_>>().join(".");
    let entries = state.with(|s| Ok(s.list()?))?;
    let mut out = Vec::new();
    for id in others {
        let Some(entry) = entries.iter().find(|e| e.id == id) else { continue };
        let Some(other) = state.with(|s| Ok(s.document(id)?))? else { continue };
        let name = entry.province.clone().unwrap_or_else(|| entry.file_name.clone());
        let alignment = align(&doc, &other);
        let pair = alignment
            .pairs
            .iter()
            .find(|p| p.a == path)
            .or_else(|| alignment.pairs.iter().find(|p| p.a == top));
        let (heading, diff) = match pair.and_then(|p| other.section_at(&p.b).map(|s| (p, s))) {
            Some((p, theirs)) => (
                Some(format!("{} {}", theirs.label, theirs.title).trim().to_string()),
                Some(diff_section(theirs, &mine, &DiffOptions::default())).map(|mut d| {
                    d.a = Some(p.b.clone());
                    d.b = Some(path.clone());
                    d
                }),
            ),
            None => (None, None),
        };
        out.push(Counterpart { document_id: id, name, heading, diff });
    }
    Ok(out)
}
