//! Named versions of a draft: save, list, open, restore, compare, and the comparison
//! as a redline .docx.

use crate::commands::drafts::draft_view;
use crate::dto::{DraftView, VersionView};
use crate::error::{AppError, Result};
use crate::state::{now_iso, AppState};
use banthao_core::compare::{compare, DiffOptions};
use banthao_core::Document;
use banthao_store::VersionEntry;
use tauri::State;

#[tauri::command]
pub async fn save_version(
    state: State<'_, AppState>,
    draft_id: i64,
    name: String,
) -> Result<Vec<VersionEntry>> {
    if name.trim().is_empty() {
        return Err(AppError::new(
            crate::error::ErrorCode::BadInput,
            "Hãy đặt tên cho phiên bản (ví dụ «Dự thảo lần 2»).",
        ));
    }
    state.with(|s| {
        let author = s.setting("author")?;
        s.save_version(draft_id, &name, author.as_deref(), &now_iso())?;
        Ok(s.versions(draft_id)?)
    })
}

#[tauri::command]
pub async fn versions(state: State<'_, AppState>, draft_id: i64) -> Result<Vec<VersionEntry>> {
    state.with(|s| Ok(s.versions(draft_id)?))
}

/// A version, to read (the window shows it read-only).
#[tauri::command]
pub async fn get_version(state: State<'_, AppState>, id: i64) -> Result<VersionView> {
    state
        .with(|s| Ok(VersionView { doc: s.version(id)?.ok_or_else(|| AppError::not_found("phiên bản"))? }))
}

/// Makes a version current; what was current is kept as a version first.
#[tauri::command]
pub async fn restore_version(state: State<'_, AppState>, id: i64) -> Result<DraftView> {
    state.with(|s| {
        let draft_id = s.restore_version(id, "Trước khi khôi phục", &now_iso())?;
        draft_view(s, draft_id)
    })
}

/// Two states of a draft to compare: a version by id, or the current state for
/// `None` (the draft is read once); with the draft's profile.
fn pair(
    s: &banthao_store::Store,
    draft_id: i64,
    a: Option<i64>,
    b: Option<i64>,
) -> Result<(Document, Document, banthao_core::model::DocKind)> {
    let current = draft_view(s, draft_id)?;
    let pick = |v: Option<i64>| match v {
        Some(id) => s.version(id)?.ok_or_else(|| AppError::not_found("phiên bản")),
        None => Ok(current.doc.clone()),
    };
    Ok((pick(a)?, pick(b)?, current.entry.profile))
}

/// Two versions (or a version and the current state) aligned section by section and
/// compared word by word.
#[tauri::command]
pub async fn compare_versions(
    state: State<'_, AppState>,
    draft_id: i64,
    a: Option<i64>,
    b: Option<i64>,
) -> Result<banthao_core::compare::Comparison> {
    let (da, db, _) = state.with(|s| pair(s, draft_id, a, b))?;
    Ok(compare(&da, &db, &DiffOptions::default()))
}

/// The comparison as a .docx with tracked changes (accept all gives B, reject all A).
#[tauri::command]
pub async fn export_redline(
    state: State<'_, AppState>,
    draft_id: i64,
    a: Option<i64>,
    b: Option<i64>,
    path: String,
) -> Result<()> {
    let (da, db, profile) = state.with(|s| pair(s, draft_id, a, b))?;
    let profile = banthao_core::profile::FormatProfile::of(profile);
    let author = state.with(|s| Ok(s.setting("author")?))?.unwrap_or_else(|| "Bản thảo".into());
    let bytes = banthao_docx::write_redline(
        &da,
        &db,
        &profile,
        &banthao_docx::RedlineOptions { author, date: now_iso() },
    );
    Ok(banthao_docx::save::write_atomic(std::path::Path::new(&path), &bytes)?)
}
