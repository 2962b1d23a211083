//! `banthao review`: reviewers' Word copies read, their comments and tracked changes
//! placed in the draft, printed, as JSON, or as the tiếp thu–giải trình report; and
//! the `--changes` reading of `banthao parse`.

use crate::input::{self, UserError};
use crate::{clock, output};
use anyhow::Result;
use banthao_core::profile::FormatProfile;
use banthao_core::review::locate::{review_copy_on, Target};
use banthao_core::review::report::{report, Handled};
use banthao_core::review::{CopyReview, Item, Mapping, Status};
use banthao_core::Document;
use banthao_docx::Changes;
use std::path::{Path, PathBuf};

/// How `parse` reads pending tracked changes.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum ChangesArg {
    /// Như đã chấp nhận tất cả (mặc định).
    #[default]
    Accept,
    /// Như đã từ chối tất cả (bản trước khi sửa).
    Reject,
}

/// Reads a document for `parse`, a .docx's pending changes read as `changes` says.
pub fn read_for_parse(path: &Path, changes: ChangesArg) -> Result<Document> {
    let (bytes, doc) = input::read_file(path)?;
    match changes {
        ChangesArg::Accept => Ok(doc),
        ChangesArg::Reject => match banthao_import::Format::of(&bytes, path) {
            banthao_import::Format::Docx => banthao_docx::read_docx_with(&bytes, Changes::Reject)
                .map_err(|e| input::BadInput { path: path.to_path_buf(), reason: e.to_string() }.into()),
            _ => Ok(doc),
        },
    }
}

/// What `review` was asked.
pub struct ReviewArgs {
    pub copies: Vec<PathBuf>,
    pub against: Option<PathBuf>,
    pub reviewer: Option<String>,
    pub json: bool,
    pub docx: Option<PathBuf>,
    pub asked: Option<usize>,
}

/// Reads one copy and places it.
pub fn read_one(path: &Path, draft: Option<&Target>, reviewer: Option<&str>) -> Result<CopyReview> {
    let (bytes, _) = input::read_file(path)?;
    let copy = banthao_docx::read_copy(&bytes)
        .map_err(|e| input::BadInput { path: path.to_path_buf(), reason: e.to_string() })?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(review_copy_on(&copy.copy, &copy.sent, draft, &file, reviewer))
}

/// The `review` command.
pub fn run(a: ReviewArgs) -> Result<()> {
    let draft = a.against.as_deref().map(input::read_draft_or_document).transpose()?;
    let target = draft.as_ref().map(Target::new);
    let first_sent = match (&draft, a.copies.first()) {
        (None, Some(path)) => {
            let (bytes, _) = input::read_file(path)?;
            banthao_docx::read_copy(&bytes).ok().map(|c| c.sent)
        }
        _ => None,
    };
    // Copies are read and placed on a few threads (each is independent), joined in order.
    let (t, who) = (target.as_ref(), a.reviewer.as_deref());
    let parts = a.copies.len().div_ceil(4).max(1);
    let reviews: Vec<CopyReview> = std::thread::scope(|s| {
        let hs: Vec<_> = a
            .copies
            .chunks(parts)
            .map(|part| s.spawn(move || part.iter().map(|p| read_one(p, t, who)).collect::<Vec<_>>()))
            .collect();
        hs.into_iter().flat_map(|h| h.join().expect("reading a copy does not panic")).collect::<Result<_>>()
    })?;
    for r in &reviews {
        for n in &r.notes {
            eprintln!("{}: {n}", r.file);
        }
        if r.formatting_changes > 0 {
            eprintln!("{}: {} thay đổi định dạng (không liệt kê).", r.file, r.formatting_changes);
        }
    }
    let items: Vec<&Item> =
        reviews.iter().filter(|r| r.mapping != Mapping::Unrelated).flat_map(|r| &r.items).collect();
    let target = draft.as_ref().or(first_sent.as_ref());
    if let Some(out) = &a.docx {
        let target = target.ok_or_else(|| UserError("Không có dự thảo để lập báo cáo.".into()))?;
        let handled: Vec<Handled> = items
            .iter()
            .map(|i| Handled { item: (*i).clone(), status: Status::Pending, answer: String::new() })
            .collect();
        let rep = report(&handled, target, a.asked.unwrap_or(a.copies.len()));
        let profile = FormatProfile::for_kind(target.kind);
        let opts = banthao_docx::ExportOptions { created: clock::now_iso(), author: None };
        output::write_atomic(out, &banthao_docx::write_report(&rep, &profile, &opts))?;
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&items)?);
    } else if a.docx.is_none() {
        for i in &items {
            let place =
                if i.path.is_empty() { format!("{:?}", i.part).to_lowercase() } else { i.path.clone() };
            println!(
                "{} | {} | {} | {}",
                i.reviewer,
                place,
                i.kind.as_str(),
                banthao_core::review::report::content(i)
            );
        }
    }
    Ok(())
}
