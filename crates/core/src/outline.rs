//! A readable, indented outline of a document, in Vietnamese (the `banthao parse` view).

use crate::model::{DocKind, Document, Section};
use std::fmt::Write;

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("—")
}

fn section(out: &mut String, s: &Section, depth: usize) {
    let pad = "  ".repeat(depth);
    let title = if s.title.is_empty() {
        s.paragraphs.first().map(|p| format!("«{}»", shorten(p, 60))).unwrap_or_default()
    } else {
        s.title.clone()
    };
    let _ = write!(out, "{pad}{} {title}", s.label);
    let bullets = s.paragraphs.iter().filter(|p| p.starts_with("- ") || p.starts_with("+ ")).count();
    let _ = write!(out, "  [{} đoạn", s.paragraphs.len());
    if bullets > 0 {
        let _ = write!(out, ", {bullets} gạch đầu dòng");
    }
    out.push_str("]\n");
    for c in &s.children {
        section(out, c, depth + 1);
    }
}

/// Cuts `s` to at most `n` characters, with an ellipsis.
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>().trim_end())
    }
}

/// Renders the outline.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let kind = match doc.kind {
        Some(DocKind::Party) => "văn bản của Đảng",
        Some(DocKind::State) => "văn bản hành chính nhà nước",
        None => "chưa xác định",
    };
    let _ = writeln!(out, "Loại: {kind}");
    let _ = writeln!(out, "Cơ quan ban hành: {}", opt(&doc.issuer));
    let _ = writeln!(out, "Tỉnh/thành phố: {}", opt(&doc.province));
    let _ = writeln!(out, "Số: {}", doc.number.as_ref().map_or("—", |n| n.raw.as_str()));
    let _ =
        writeln!(out, "Địa danh, ngày tháng: {}", doc.place_date.as_ref().map_or("—", |d| d.raw.as_str()));
    let _ = writeln!(out, "Dự thảo: {}", if doc.draft { opt(&doc.draft_marker) } else { "không" });
    let _ = writeln!(out, "Tên loại: {}", opt(&doc.doc_type));
    if let Some(e) = &doc.doc_type_extra {
        let _ = writeln!(out, "  {e}");
    }
    let _ = writeln!(out, "Trích yếu: {}", opt(&doc.summary));
    let _ = writeln!(out, "Phần mở đầu: {} đoạn", doc.preamble.len());
    out.push_str("Nội dung:\n");
    for s in &doc.sections {
        section(&mut out, s, 1);
    }
    let _ = writeln!(out, "Kết thúc: {}", doc.closing.as_deref().map_or("—".to_string(), |c| shorten(c, 80)));
    let _ = writeln!(out, "Nơi nhận ({}):", doc.recipients.len());
    for r in &doc.recipients {
        let _ = writeln!(out, "  - {r}");
    }
    match &doc.signature {
        Some(s) => {
            let parts: Vec<&str> = [&s.authority, &s.delegation, &s.title, &s.name]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect();
            let _ = writeln!(out, "Chữ ký: {}", parts.join(" / "));
        }
        None => out.push_str("Chữ ký: —\n"),
    }
    let _ = writeln!(out, "Chú thích ({}):", doc.footnotes.len());
    for f in &doc.footnotes {
        let at = f.anchor.as_ref().and_then(|a| a.section.clone()).unwrap_or_default();
        let _ = writeln!(
            out,
            "  [{}]{} {}",
            f.id,
            if at.is_empty() { String::new() } else { format!(" (mục {at})") },
            shorten(&f.text, 70)
        );
    }
    if !doc.diagnostics.is_empty() {
        let _ = writeln!(out, "Lưu ý ({}):", doc.diagnostics.len());
        for d in &doc.diagnostics {
            let line = d.line.map(|l| format!("dòng {l}: ")).unwrap_or_default();
            let _ = writeln!(out, "  [{}] {line}{}", d.code, d.message);
        }
    }
    out
}
