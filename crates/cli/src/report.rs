//! Human-readable renderings of comparisons: terminal text (coloured on a terminal)
//! and self-contained HTML reports. All text a user reads is Vietnamese.

use banthao_core::compare::{Alignment, Comparison, Coverage, ParaKind, SectionDiff, Span};
use std::fmt::Write;

fn pct(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The alignment as a table.
pub fn alignment_text(a: &Alignment) -> String {
    let mut out = String::from("Mục A  ↔  Mục B   (độ giống)\n");
    for p in &a.pairs {
        let _ = writeln!(out, "{:<8} ↔  {:<8} {}", p.a, p.b, pct(p.score));
    }
    if !a.only_a.is_empty() {
        let _ = writeln!(out, "Chỉ có ở A: {}", a.only_a.join(", "));
    }
    if !a.only_b.is_empty() {
        let _ = writeln!(out, "Chỉ có ở B: {}", a.only_b.join(", "));
    }
    out
}

fn spans_text(spans: &[Span], colour: bool) -> String {
    let mut s = String::new();
    for sp in spans {
        match (sp, colour) {
            (Span::Equal(t), _) => s.push_str(t),
            (Span::Delete(t), true) => {
                let _ = write!(s, "\x1b[31;9m{t}\x1b[0m");
            }
            (Span::Insert(t), true) => {
                let _ = write!(s, "\x1b[32;4m{t}\x1b[0m");
            }
            (Span::Delete(t), false) | (Span::Insert(t), false) => {
                // The space before a change stays outside its marker.
                let lead = if t.starts_with(' ') { " " } else { "" };
                let (open, close) = if matches!(sp, Span::Delete(_)) { ("[-", "-]") } else { ("{+", "+}") };
                let _ = write!(s, "{lead}{open}{}{close}", t.trim_start());
            }
        }
    }
    s
}

fn where_(sd: &SectionDiff) -> String {
    match (&sd.a, &sd.b) {
        (Some(a), Some(b)) if a.is_empty() => sd.b_heading.clone().unwrap_or_default(),
        (Some(a), Some(b)) if a == b => format!("Mục {b}"),
        (Some(a), Some(b)) => format!("Mục {b} (A: {a})"),
        (Some(a), None) => format!("Mục {a} — chỉ có ở A"),
        (None, Some(b)) => format!("Mục {b} — chỉ có ở B"),
        (None, None) => String::new(),
    }
}

/// The diff for a terminal.
pub fn diff_text(c: &Comparison, colour: bool) -> String {
    if c.identical {
        return "Không có khác biệt.\n".into();
    }
    let mut out = format!("Độ giống toàn văn bản: {}\n", pct(c.similarity));
    for sd in c.sections.iter().filter(|s| s.has_changes()) {
        let head = sd.b_heading.clone().or(sd.a_heading.clone()).unwrap_or_default();
        let _ = writeln!(out, "\n== {} · {} · giống {}", where_(sd), head, pct(sd.similarity));
        if sd.title.iter().any(|s| !matches!(s, Span::Equal(_))) {
            let _ = writeln!(out, "  Tiêu đề: {}", spans_text(&sd.title, colour));
        }
        for p in sd.paragraphs.iter().filter(|p| p.kind != ParaKind::Same) {
            let tag = match p.kind {
                ParaKind::Changed => "~",
                ParaKind::Moved => "↕",
                ParaKind::Deleted => "-",
                ParaKind::Inserted => "+",
                ParaKind::Same => " ",
            };
            let moved = if p.kind == ParaKind::Moved { " (đoạn chuyển chỗ)" } else { "" };
            let _ = writeln!(out, "  {tag} {}{moved}", spans_text(&p.spans, colour));
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const CSS: &str = "body{font-family:'Times New Roman',serif;margin:24px;color:#111}h1{font-size:20px}\
table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border:1px solid #ccc;vertical-align:top;padding:6px;font-size:15px;line-height:1.45}\
th{background:#f3f3f3;text-align:left}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}\
.moved{background:#fff6d5}.sim{color:#555;font-weight:normal}.only{color:#777;font-style:italic}p{margin:0 0 6px}";

fn side(spans: &[Span], keep: fn(&Span) -> Option<(bool, &str)>) -> String {
    let mut s = String::new();
    for sp in spans {
        if let Some((marked, t)) = keep(sp) {
            if marked {
                let tag = if matches!(sp, Span::Delete(_)) { "del" } else { "ins" };
                let _ = write!(s, "<{tag}>{}</{tag}>", esc(t));
            } else {
                s.push_str(&esc(t));
            }
        }
    }
    s
}

fn left(sp: &Span) -> Option<(bool, &str)> {
    match sp {
        Span::Equal(t) => Some((false, t)),
        Span::Delete(t) => Some((true, t)),
        Span::Insert(_) => None,
    }
}

fn right(sp: &Span) -> Option<(bool, &str)> {
    match sp {
        Span::Equal(t) => Some((false, t)),
        Span::Insert(t) => Some((true, t)),
        Span::Delete(_) => None,
    }
}

/// A self-contained side-by-side HTML report.
pub fn diff_html(c: &Comparison, name_a: &str, name_b: &str) -> String {
    let mut h = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>So sánh văn bản</title><style>{CSS}</style></head><body>\
         <h1>So sánh: {} ↔ {}</h1><p>Độ giống toàn văn bản: <b>{}</b>{}</p><table><tr><th>A: {}</th><th>B: {}</th></tr>",
        esc(name_a),
        esc(name_b),
        pct(c.similarity),
        if c.identical { " — không có khác biệt" } else { "" },
        esc(name_a),
        esc(name_b)
    );
    for sd in &c.sections {
        let ha = sd
            .a_heading
            .as_deref()
            .map(esc)
            .unwrap_or_else(|| "<span class=\"only\">(không có)</span>".into());
        let hb = sd
            .b_heading
            .as_deref()
            .map(esc)
            .unwrap_or_else(|| "<span class=\"only\">(không có)</span>".into());
        let _ = write!(
            h,
            "<tr><th>{ha}</th><th>{hb} <span class=\"sim\">· giống {}</span></th></tr>",
            pct(sd.similarity)
        );
        for p in &sd.paragraphs {
            let class = if p.kind == ParaKind::Moved { " class=\"moved\"" } else { "" };
            let note = if p.kind == ParaKind::Moved { "<i>(đoạn chuyển chỗ)</i> " } else { "" };
            let _ = write!(
                h,
                "<tr{class}><td>{note}{}</td><td>{note}{}</td></tr>",
                side(&p.spans, left),
                side(&p.spans, right)
            );
        }
    }
    h.push_str("</table></body></html>\n");
    h
}

/// Coverage of a draft by other documents, as text.
pub fn coverage_text(c: &Coverage, names: &[String]) -> String {
    let mut out = String::new();
    for s in &c.sections {
        let pad = "  ".repeat(s.depth.saturating_sub(1));
        let by: Vec<String> = s
            .covered_by
            .iter()
            .map(|k| format!("{} ({}, {})", names[k.document], k.path, pct(k.similarity)))
            .collect();
        let _ = writeln!(
            out,
            "{pad}{} — {}",
            s.heading,
            if by.is_empty() { "không văn bản nào có".into() } else { by.join("; ") }
        );
        for m in &s.missing {
            let _ = writeln!(
                out,
                "{pad}    + [{} {}] {}",
                names[m.document],
                m.path,
                banthao_core::outline::shorten(&m.text, 160)
            );
        }
    }
    out
}

/// Coverage as HTML.
pub fn coverage_html(c: &Coverage, draft: &str, names: &[String]) -> String {
    let mut h = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đối chiếu với văn bản khác</title><style>{CSS}</style></head><body><h1>Đối chiếu «{}» với {} văn bản</h1><table><tr><th style=\"width:30%\">Mục của dự thảo</th><th>Văn bản có mục này</th><th style=\"width:45%\">Nội dung văn bản khác có mà dự thảo chưa có</th></tr>",
        esc(draft),
        names.len()
    );
    for s in &c.sections {
        let by: Vec<String> = s
            .covered_by
            .iter()
            .map(|k| format!("{} ({}, {})", esc(&names[k.document]), esc(&k.path), pct(k.similarity)))
            .collect();
        let miss: Vec<String> = s
            .missing
            .iter()
            .map(|m| format!("<p><b>{}</b>: {}</p>", esc(&names[m.document]), esc(&m.text)))
            .collect();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.heading),
            by.join("<br>"),
            miss.join("")
        );
    }
    h.push_str("</table></body></html>\n");
    h
}
