//! `banthao coverage`: which section of each document takes up each section of the
//! parent, as text, JSON or a self-contained HTML table.

use crate::{input, output};
use anyhow::Result;
use banthao_core::coverage_map::{coverage_map, SectionCoverage};
use banthao_core::scaffold::ParentTemplate;
use std::path::{Path, PathBuf};

/// The map as JSON: an array over the parent's sections, documents by file name.
fn json_rows(map: &[SectionCoverage], names: &[String]) -> serde_json::Value {
    map.iter()
        .map(|s| {
            let cells: Vec<serde_json::Value> = s
                .covered_by
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "document": names[c.document], "province": c.province, "path": c.path,
                        "score": c.score, "has_target": c.has_target, "has_lead": c.has_lead,
                        "has_time": c.has_time,
                    })
                })
                .collect();
            serde_json::json!({"id": s.id, "title": s.title, "covered_by": cells})
        })
        .collect()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn flags(t: bool, l: bool, h: bool) -> String {
    let mark = |b: bool, s: &str| if b { s.to_string() } else { "—".to_string() };
    format!("{} {} {}", mark(t, "chỉ tiêu"), mark(l, "chủ trì"), mark(h, "thời gian"))
}

/// The map as a self-contained HTML5 page: the parent's sections × the documents.
pub fn html(parent: &ParentTemplate, map: &[SectionCoverage], names: &[String]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Bản đồ triển khai</title>\n\
         <style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;vertical-align:top}\
         td.none{background:#f4cccc}td.low{background:#fff2cc}td.high{background:#d9ead3}small{color:#555}</style>\n</head>\n<body>\n",
    );
    out.push_str(&format!(
        "<h1>Bản đồ triển khai: {}</h1>\n<table>\n<thead><tr><th>Mục</th>",
        esc(&parent.name)
    ));
    for n in names {
        out.push_str(&format!("<th>{}</th>", esc(n)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for s in map {
        out.push_str(&format!(
            "<tr><th>{} {}</th>",
            esc(s.id.rsplit('#').next().unwrap_or("")),
            esc(&s.title)
        ));
        for k in 0..names.len() {
            match s.covered_by.iter().find(|c| c.document == k) {
                Some(c) => out.push_str(&format!(
                    "<td class=\"{}\">{} ({:.2})<br><small>{}</small></td>",
                    if c.score >= banthao_core::coverage_map::Band::CLOSE { "high" } else { "low" },
                    esc(&c.path),
                    c.score,
                    esc(&flags(c.has_target, c.has_lead, c.has_time))
                )),
                None => out.push_str("<td class=\"none\">—</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// Runs the command.
pub fn run(parent: &ParentTemplate, files: &[PathBuf], json: bool, html_out: Option<&Path>) -> Result<()> {
    let docs = files.iter().map(|p| input::read_draft_or_document(p)).collect::<Result<Vec<_>>>()?;
    let names: Vec<String> =
        files.iter().map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned()).collect();
    let map = coverage_map(parent, &docs);
    if let Some(out) = html_out {
        output::write_atomic(out, html(parent, &map, &names).as_bytes())?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&json_rows(&map, &names))?);
    } else if html_out.is_none() {
        for s in &map {
            println!("{} {}", s.id, s.title);
            for c in &s.covered_by {
                let doc = &names[c.document];
                let flags = flags(c.has_target, c.has_lead, c.has_time);
                println!("    {doc}: {} ({:.2}; {flags})", c.path, c.score);
            }
            if s.covered_by.is_empty() {
                println!("    (chưa văn bản nào triển khai)");
            }
        }
    }
    Ok(())
}
