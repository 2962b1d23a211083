//! The consultation round of a draft («Góp ý»): reviewers' Word copies imported and
//! placed on the draft as it is now, each comment and proposed change handled
//! (tiếp thu, tiếp thu một phần, giải trình), the report exported.

use crate::dto::{ImportOutcome, ReviewView};
use crate::error::{AppError, ErrorCode, Result};
use crate::state::{now_iso, AppState};
use banthao_core::review::locate::{review_copy_on, shared_text, Target};
use banthao_core::review::report::{report, summary, Handled};
use banthao_core::review::{Item, Part, Status};
use banthao_core::Document;
use banthao_store::{CopyAdded, Store};
use std::path::Path;
use tauri::State;

fn draft(s: &Store, draft_id: i64) -> Result<Document> {
    Ok(s.draft(draft_id)?.ok_or_else(|| AppError::not_found("dự thảo"))?.1)
}

/// The version of the draft a copy was sent as: the saved version its text is most
/// like, when it is like one at all.
fn sent_version(s: &Store, draft_id: i64, sent: &Document) -> Result<Option<i64>> {
    let mut best: Option<(i64, f32)> = None;
    for v in s.versions(draft_id)? {
        if let Some(doc) = s.version(v.id)? {
            let score = shared_text(sent, &doc);
            if score >= 0.4 && best.is_none_or(|b| score > b.1) {
                best = Some((v.id, score));
            }
        }
    }
    Ok(best.map(|b| b.0))
}

/// Imports reviewers' copies (.docx) for a draft: each read, placed on the draft as it
/// is now and stored; a file that cannot be read is reported and changes nothing.
#[tauri::command]
pub async fn import_review_copies(
    state: State<'_, AppState>,
    draft_id: i64,
    paths: Vec<String>,
) -> Result<Vec<ImportOutcome>> {
    let current = state.with(|s| draft(s, draft_id))?;
    let target = Target::new(&current);
    let mut out = Vec::new();
    for p in &paths {
        let path = Path::new(p);
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.clone());
        let fail = |message: String| ImportOutcome {
            file: file.clone(),
            ok: false,
            id: None,
            existing: false,
            message,
        };
        let bytes = match banthao_import::read_bytes_limited(path) {
            Ok(b) => b,
            Err(e) => {
                out.push(fail(e.to_string()));
                continue;
            }
        };
        let copy = match banthao_docx::read_copy(&bytes) {
            Ok(c) => c,
            Err(e) => {
                out.push(fail(e.to_string()));
                continue;
            }
        };
        let review = review_copy_on(&copy.copy, &copy.sent, Some(&target), &file, None);
        let added = state.with(|s| {
            let version = sent_version(s, draft_id, &copy.sent)?;
            Ok(s.add_review_copy(draft_id, version, &bytes, &copy.copy, &copy.sent, &review, &now_iso())?)
        });
        out.push(match added {
            Ok(CopyAdded::New(id)) => ImportOutcome {
                file,
                ok: true,
                id: Some(id),
                existing: false,
                message: std::iter::once(format!("{}: {} ý kiến.", review.reviewer, review.items.len()))
                    .chain(review.notes.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            Ok(CopyAdded::Existing(id)) => ImportOutcome {
                file,
                ok: true,
                id: Some(id),
                existing: true,
                message: "Bản góp ý này đã được nhập.".into(),
            },
            Err(e) => fail(e.message),
        });
    }
    Ok(out)
}

/// The round as it stands: copies, items with their status and the draft's current
/// text at each place, and the counts.
#[tauri::command]
pub async fn review_state(state: State<'_, AppState>, draft_id: i64) -> Result<ReviewView> {
    state.with(|s| {
        let doc = draft(s, draft_id)?;
        let copies = s.review_copies(draft_id)?;
        let items = s.review_items(draft_id)?;
        let handled: Vec<Handled> = items.iter().map(|i| i.handled.clone()).collect();
        let units = banthao_core::check::units(&doc);
        let current = items
            .iter()
            .map(|i| {
                let it = &i.handled.item;
                let (path, paragraph) = match it.part {
                    Part::Section => (it.path.as_str(), it.paragraph),
                    Part::Title => ("title", Some(0)),
                    Part::Preamble => ("preamble", it.paragraph),
                    Part::Closing => ("closing", Some(0)),
                    Part::Header | Part::Tail | Part::Unknown => return None,
                };
                units.iter().find(|u| u.path == path && u.paragraph == paragraph).map(|u| u.text.to_string())
            })
            .collect();
        let content = items.iter().map(|i| banthao_core::review::report::content(&i.handled.item)).collect();
        let asked = copies.len();
        Ok(ReviewView { copies, items, content, current, summary: summary(&handled, asked) })
    })
}

/// Records how an item was handled, with the drafter's answer.
#[tauri::command]
pub async fn set_review_status(
    state: State<'_, AppState>,
    item_id: i64,
    status: Status,
    answer: String,
) -> Result<()> {
    state.with(|s| {
        if s.set_review_status(item_id, status, &answer, &now_iso())? {
            Ok(())
        } else {
            Err(AppError::not_found("ý kiến góp ý"))
        }
    })
}

/// «Tiếp thu»: applies a proposed change to the draft as stored. The draft as it was
/// is kept as a version first (the change is in the draft's history, and undone by
/// restoring that version); the items of every copy are placed again on the new text.
/// Returns the version's id.
#[tauri::command]
pub async fn accept_review_item(state: State<'_, AppState>, draft_id: i64, item_id: i64) -> Result<i64> {
    state.with(|s| {
        let (entry, doc) = s.draft(draft_id)?.ok_or_else(|| AppError::not_found("dự thảo"))?;
        let stored = s
            .review_items(draft_id)?
            .into_iter()
            .find(|i| i.id == item_id)
            .ok_or_else(|| AppError::not_found("ý kiến góp ý"))?;
        let item: &Item = &stored.handled.item;
        let changed = banthao_core::review::apply::apply(&doc, item)
            .map_err(|e| AppError::new(ErrorCode::BadInput, format!("Không tiếp thu tự động được: {e}.")))?;
        let where_ = if item.path.is_empty() { String::new() } else { format!(" — mục {}", item.path) };
        let now = now_iso();
        let author = s.setting("author")?;
        s.save_version(
            draft_id,
            &format!("Trước khi tiếp thu góp ý của {}{where_}", item.reviewer),
            author.as_deref(),
            &now,
        )?;
        let version = s.versions(draft_id)?.into_iter().map(|v| v.id).max().unwrap_or_default();
        s.save_draft(draft_id, &changed, entry.revision, &now)?;
        let answer =
            if stored.handled.answer.is_empty() { "Tiếp thu." } else { stored.handled.answer.as_str() };
        s.set_review_status(item_id, Status::Accepted, answer, &now)?;
        replace_places(s, draft_id, &changed)?;
        Ok(version)
    })
}

/// Places every copy's items again on the draft's current text (statuses kept).
fn replace_places(s: &mut Store, draft_id: i64, doc: &Document) -> Result<()> {
    let target = Target::new(doc);
    for c in s.review_copies(draft_id)? {
        if let Some((copy, sent)) = s.review_copy_source(c.id)? {
            let review = review_copy_on(&copy, &sent, Some(&target), &c.file_name, Some(&c.reviewer));
            s.replace_review_places(c.id, &review.items)?;
        }
    }
    Ok(())
}

/// Places the items again on the draft as it is now (after the drafter edited it).
#[tauri::command]
pub async fn refresh_review_places(state: State<'_, AppState>, draft_id: i64) -> Result<()> {
    state.with(|s| {
        let doc = draft(s, draft_id)?;
        replace_places(s, draft_id, &doc)
    })
}

/// Removes an imported copy and its items.
#[tauri::command]
pub async fn remove_review_copy(state: State<'_, AppState>, copy_id: i64) -> Result<()> {
    state.with(|s| {
        if s.remove_review_copy(copy_id)? {
            Ok(())
        } else {
            Err(AppError::not_found("bản góp ý"))
        }
    })
}

/// Writes the «Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý» to `path`.
#[tauri::command]
pub async fn export_review_report(
    state: State<'_, AppState>,
    draft_id: i64,
    asked: usize,
    path: String,
) -> Result<()> {
    let (doc, profile, handled, author) = state.with(|s| {
        let (entry, doc) = s.draft(draft_id)?.ok_or_else(|| AppError::not_found("dự thảo"))?;
        let handled: Vec<Handled> = s.review_items(draft_id)?.into_iter().map(|i| i.handled).collect();
        Ok((doc, entry.profile, handled, s.setting("author")?))
    })?;
    let r = report(&handled, &doc, asked);
    let opts = banthao_docx::ExportOptions { created: now_iso(), author };
    let bytes = banthao_docx::write_report(&r, &banthao_core::profile::FormatProfile::of(profile), &opts);
    Ok(banthao_docx::save::write_atomic(Path::new(&path), &bytes)?)
}
