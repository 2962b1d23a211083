//! `banthao tasks`: the task-assignment table as text, JSON, CSV or the .docx appendix.

use crate::{clock, input, output};
use anyhow::Result;
use banthao_core::profile::FormatProfile;
use banthao_core::tasks::{tasks, Task};
use std::path::Path;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The table as CSV (a header row, partners joined by `; `).
pub fn csv(list: &[Task]) -> String {
    let mut out = String::from("stt,path,task,lead,partners,time,product\n");
    for (i, t) in list.iter().enumerate() {
        let row = [
            (i + 1).to_string(),
            t.path.clone(),
            t.task.clone(),
            t.lead.clone().unwrap_or_default(),
            t.partners.join("; "),
            t.time.clone().unwrap_or_default(),
            t.product.clone().unwrap_or_default(),
        ];
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

fn text(list: &[Task]) -> String {
    if list.is_empty() {
        return "Không tìm thấy nhiệm vụ được phân công.\n".into();
    }
    let dash = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".into());
    let mut out = String::new();
    for (i, t) in list.iter().enumerate() {
        out.push_str(&format!("{}. [{}] {}\n", i + 1, t.path, t.task));
        out.push_str(&format!("   Chủ trì: {}\n", dash(&t.lead)));
        if !t.partners.is_empty() {
            out.push_str(&format!("   Phối hợp: {}\n", t.partners.join("; ")));
        }
        out.push_str(&format!("   Thời gian: {}\n", dash(&t.time)));
        if let Some(p) = &t.product {
            out.push_str(&format!("   Sản phẩm: {p}\n"));
        }
    }
    out
}

/// Prints or writes the task table of a document.
pub fn run(file: &Path, json: bool, csv_out: bool, docx: Option<&Path>) -> Result<()> {
    let doc = input::read_draft_or_document(file)?;
    let list = tasks(&doc);
    if let Some(out) = docx {
        let profile = FormatProfile::for_kind(doc.kind);
        let opts = banthao_docx::ExportOptions { created: clock::now_iso(), author: None };
        output::write_atomic(out, &banthao_docx::write_tasks_docx(&doc, &list, &profile, &opts))?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
    } else if csv_out {
        print!("{}", csv(&list));
    } else if docx.is_none() {
        print!("{}", text(&list));
    }
    Ok(())
}
