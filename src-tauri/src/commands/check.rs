//! The reviewer's check of the open draft («Kiểm tra»: findings, one-click fixes,
//! findings the drafter set aside) and its task table («Phân công», exported as the
//! appendix).

use crate::error::{AppError, ErrorCode, Result};
use crate::state::{now_iso, today, AppState};
use banthao_core::check::{apply_fix, check, CheckContext, Finding};
use banthao_core::model::DocKind;
use banthao_core::profile::FormatProfile;
use banthao_core::scaffold::ParentTemplate;
use banthao_core::tasks::Task;
use banthao_core::Document;
use std::path::Path;
use tauri::State;

/// The setting that holds a draft's set-aside findings (their keys, as JSON).
fn dismissed_key(draft_id: i64) -> String {
    format!("check-dismissed/{draft_id}")
}

fn dismissed(state: &AppState, draft_id: i64) -> Result<Vec<String>> {
    let raw = state.with(|s| Ok(s.setting(&dismissed_key(draft_id))?))?;
    Ok(raw.and_then(|r| serde_json::from_str(&r).ok()).unwrap_or_default())
}

/// The findings on the draft as it is now, without those the drafter set aside, and
/// how many were set aside.
#[tauri::command]
pub async fn check_draft(
    state: State<'_, AppState>,
    draft_id: i64,
    doc: Document,
) -> Result<crate::dto::CheckView> {
    let parent = doc.parent.as_ref().and_then(|p| ParentTemplate::builtin(&p.id)).map(|t| t.as_document());
    let ctx = CheckContext { date: None, today: today(), parent, format: None };
    let set_aside = dismissed(&state, draft_id)?;
    let (hidden, findings): (Vec<Finding>, Vec<Finding>) =
        check(&doc, &ctx).into_iter().partition(|f| set_aside.contains(&f.key()));
    Ok(crate::dto::CheckView { findings, set_aside: hidden.len() })
}

/// Sets a finding aside for this draft («bỏ qua»), or brings the set-aside ones back.
#[tauri::command]
pub async fn dismiss_finding(
    state: State<'_, AppState>,
    draft_id: i64,
    finding: Option<Finding>,
) -> Result<()> {
    let mut keys = dismissed(&state, draft_id)?;
    match finding {
        Some(f) if !keys.contains(&f.key()) => keys.push(f.key()),
        Some(_) => {}
        None => keys.clear(),
    }
    let json = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
    state.with(|s| Ok(s.set_setting(&dismissed_key(draft_id), &json)?))
}

/// The draft with a finding's suggestion applied.
#[tauri::command]
pub fn fix_finding(doc: Document, finding: Finding) -> Result<Document> {
    apply_fix(&doc, &finding).ok_or_else(|| {
        AppError::new(ErrorCode::BadInput, "Đoạn văn đã thay đổi từ lúc kiểm tra; hãy kiểm tra lại rồi sửa.")
    })
}

/// The draft's assignments: task, lead agency, partners, time, product.
#[tauri::command]
pub fn draft_tasks(doc: Document) -> Vec<Task> {
    banthao_core::tasks::tasks(&doc)
}

/// Writes the appendix «Phụ lục: Phân công nhiệm vụ» with the table as edited.
#[tauri::command]
pub async fn export_tasks(
    state: State<'_, AppState>,
    doc: Document,
    profile: DocKind,
    tasks: Vec<Task>,
    path: String,
) -> Result<()> {
    let author = state.with(|s| Ok(s.setting("author")?))?;
    let opts = banthao_docx::ExportOptions { created: now_iso(), author };
    let bytes = banthao_docx::write_tasks_docx(&doc, &tasks, &FormatProfile::of(profile), &opts);
    banthao_docx::save::write_atomic(Path::new(&path), &bytes)?;
    Ok(())
}
