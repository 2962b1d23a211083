//! Structure inference: from [`Line`]s to a [`Document`].
//!
//! The document is cut into zones — header, title, preamble and body, tail — and each
//! zone is read by its own module. Nothing here fails: what does not fit becomes a
//! diagnostic.

mod body;
mod header;
mod infer;
mod tail;

use crate::label::parse_label;
use crate::model::{Anchor, AnchorPart, Diagnostic, Document, Footnote, LabelKind};
use crate::places::Gazetteer;
use crate::source::Line;
use crate::text::{char_len, fold, is_upper, word_count};
use header::{classify, classify_line, doc_type, is_draft_marker, is_rule, Piece};

/// How far from the top the type name (`CHƯƠNG TRÌNH`) is looked for.
const TITLE_SEARCH_LINES: usize = 60;

fn is_section_start(line: &Line) -> bool {
    parse_label(&line.text).is_some_and(|l| l.kind == LabelKind::Roman)
}

/// The central resolution a document implements, read from its summary and preamble
/// (`Nghị quyết số 45-NQ/TW` → `45-NQ/TW`).
pub fn parent_resolution(doc: &Document) -> Option<String> {
    doc.summary.iter().chain(&doc.preamble).find_map(|t| resolution_in(t).map(str::to_string))
}

/// The first `Nghị quyết (?:số )?([0-9]{1,3}-NQ/(?:TW|TU|CP))` in `t`: the number.
fn resolution_in(t: &str) -> Option<&str> {
    const LEAD: &str = "Nghị quyết ";
    let mut from = 0;
    while let Some(i) = t[from..].find(LEAD) {
        let after = from + i + LEAD.len();
        from = after;
        let rest = &t[after..];
        let rest = rest.strip_prefix("số ").unwrap_or(rest);
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&d)
            && rest[d..]
                .strip_prefix("-NQ/")
                .is_some_and(|r| r.starts_with("TW") || r.starts_with("TU") || r.starts_with("CP"))
        {
            return Some(&rest[..d + 6]);
        }
    }
    None
}

/// The diagnostic for characters XML 1.0 forbids that import removed (counted by
/// [`crate::source::LineBuilder`]): files we write must stay valid, so they are not kept.
fn forbidden_characters(n: usize) -> Diagnostic {
    Diagnostic::new(
        "forbidden-characters",
        format!(
            "Đã bỏ {n} ký tự không hợp lệ (ký tự điều khiển, U+FFFE, U+FFFF — thường do chuyển đổi \
             bảng mã hoặc sao chép từ PDF); phần còn lại của văn bản được giữ nguyên."
        ),
        None,
    )
}

/// Reads lines (from any importer) and footnote bodies into a document.
pub fn parse_lines(lines: Vec<Line>, footnotes: Vec<(String, String)>, places: &Gazetteer) -> Document {
    let forbidden: usize = lines.iter().map(|l| l.forbidden).sum();
    let lines: Vec<Line> = lines.into_iter().filter(|l| !l.text.trim().is_empty()).collect();
    let mut doc = Document::default();
    if forbidden > 0 {
        doc.diagnostics.push(forbidden_characters(forbidden));
    }

    // Zone 1: header, up to the type name.
    let first_section = lines.iter().position(is_section_start).unwrap_or(lines.len());
    let limit = first_section.min(TITLE_SEARCH_LINES).min(lines.len());
    let title_at = lines[..limit].iter().position(|l| doc_type(&l.text).is_some());
    let mut pos = match title_at {
        Some(t) => {
            let leftovers = header::read_header(&mut doc, &lines[..t], places);
            for l in leftovers {
                doc.diagnostics.push(Diagnostic::new(
                    "unknown-header-line",
                    format!("Dòng ở phần đầu văn bản không nhận ra được: «{}»", l.text),
                    Some(l.line),
                ));
            }
            t
        }
        None => {
            let n = lines[..first_section]
                .iter()
                .take_while(|l| {
                    classify_line(l).iter().all(|(_, c)| *c != Piece::Unknown)
                        && parse_label(&l.text).is_none()
                })
                .count();
            let leftovers = header::read_header(&mut doc, &lines[..n], places);
            debug_assert!(leftovers.is_empty());
            doc.diagnostics.push(Diagnostic::new(
                "no-title",
                "Không thấy tên loại văn bản (CHƯƠNG TRÌNH, KẾ HOẠCH …).",
                None,
            ));
            n
        }
    };
    if doc.national_heading.is_empty() && doc.issuer.is_none() {
        doc.diagnostics.push(Diagnostic::new(
            "no-header",
            "Không thấy phần đầu văn bản (quốc hiệu, cơ quan ban hành); cơ quan ban hành và tỉnh được suy ra từ nội dung.",
            None,
        ));
    }

    // Zone 2: type name, extra capitalised line, summary, rule.
    let mut summary_lines: Vec<&Line> = Vec::new();
    if let Some(t) = title_at {
        let (ty, rest) = doc_type(&lines[t].text).unwrap();
        doc.doc_type = Some(ty);
        pos = t + 1;
        let mut extra: Vec<String> = Vec::new();
        match rest {
            Some(r) if is_upper(&r) => extra.push(r),
            Some(_) => summary_lines.push(&lines[t]),
            None => {}
        }
        while let Some(l) = lines.get(pos) {
            let t = l.text.as_str();
            if summary_lines.is_empty()
                && is_upper(t)
                && word_count(t) <= 15
                && parse_label(t).is_none()
                && !is_rule(t)
                && !is_draft_marker(t)
            {
                extra.push(t.to_string());
                pos += 1;
            } else {
                break;
            }
        }
        if !extra.is_empty() {
            doc.doc_type_extra = Some(extra.join(" "));
        }
        pos = read_summary(&mut doc, &lines, pos, &mut summary_lines);
    }
    // Header items that some layouts put under the title.
    while let Some(l) = lines.get(pos) {
        match classify(&l.text) {
            Piece::Draft => header::set_draft(&mut doc, &l.text),
            Piece::Rule | Piece::Star => {}
            Piece::PlaceDate(d) if doc.place_date.is_none() => doc.place_date = Some(d),
            Piece::Number(n) if doc.number.is_none() => doc.number = Some(n),
            _ => break,
        }
        pos += 1;
    }
    if !doc.draft {
        if let Some(l) = lines.iter().take(pos.max(3)).find(|l| l.pieces().iter().any(|p| is_draft_marker(p)))
        {
            let marker = l.pieces().into_iter().find(|p| is_draft_marker(p)).unwrap_or("").to_string();
            header::set_draft(&mut doc, &marker);
        }
    }

    // Zone 4 (found before 3): the tail.
    let tail_at = (pos..lines.len()).find(|&i| tail::opens_tail(&lines[i])).unwrap_or(lines.len());
    let mut body_end = tail_at;
    let last_label = (pos..tail_at).rev().find(|&i| parse_label(&lines[i].text).is_some());
    for i in (pos..tail_at).rev().take(2) {
        let t = lines[i].text.trim();
        if last_label.is_some_and(|l| i <= l) {
            break;
        }
        if fold(t).starts_with("tren day la") || t.ends_with("./.") {
            doc.closing = Some(t.to_string());
            body_end = i;
            break;
        }
    }
    let tail = tail::read_tail(&lines[tail_at..]);
    doc.recipients = tail.recipients;
    doc.signature = tail.signature;
    doc.diagnostics.extend(tail.diagnostics);

    // Zone 3: preamble and body.
    let body = body::read_body(&lines[pos..body_end]);
    doc.preamble = body.preamble;
    doc.sections = body.sections;
    doc.diagnostics.extend(body.diagnostics);
    if doc.sections.is_empty() {
        doc.diagnostics.push(Diagnostic::new(
            "no-sections",
            "Không thấy mục đánh số nào (I-, 1., a) …) trong văn bản.",
            None,
        ));
    }

    // Footnotes with their anchors.
    let mut anchors = body.anchors;
    anchors.extend(summary_anchors(&summary_lines));
    if let (Some(_), Some(l)) = (&doc.closing, lines.get(body_end)) {
        anchors.extend(l.notes.iter().map(|n| {
            (
                n.id.clone(),
                Anchor { part: AnchorPart::Closing, section: None, paragraph: None, offset: n.offset },
            )
        }));
    }
    attach_footnotes(&mut doc, footnotes, anchors);

    let sample = infer::joined_head(lines[pos..body_end].iter().take(80).map(|l| l.text.as_str()));
    infer::infer(&mut doc, &sample, places);
    doc
}

/// Reads the summary starting at `pos`; returns the position after it (and its rule).
fn read_summary<'a>(doc: &mut Document, lines: &'a [Line], mut pos: usize, out: &mut Vec<&'a Line>) -> usize {
    let rule = (pos..(pos + 10).min(lines.len())).find(|&i| is_rule(&lines[i].text));
    match rule {
        Some(r) => {
            for l in &lines[pos..r] {
                match classify(&l.text) {
                    Piece::Draft => header::set_draft(doc, &l.text),
                    Piece::PlaceDate(d) => doc.place_date = Some(d),
                    _ => out.push(l),
                }
            }
            pos = r + 1;
        }
        None => {
            while let Some(l) = lines.get(pos) {
                let t = l.text.as_str();
                let stop = parse_label(t).is_some()
                    || is_draft_marker(t)
                    || (!out.is_empty()
                        && (char_len(t) > 120
                            || ["Thực hiện", "Căn cứ", "Để ", "Nhằm", "Triển khai"]
                                .iter()
                                .any(|p| t.starts_with(p))
                            || out.last().is_some_and(|p| p.text.ends_with(['.', ':']))
                            || out.len() >= 6));
                // A long first line that opens like a preamble is not a summary.
                if stop || (out.is_empty() && (t.starts_with("Căn cứ") || char_len(t) > 300)) {
                    break;
                }
                out.push(l);
                pos += 1;
            }
        }
    }
    if !out.is_empty() {
        doc.summary = Some(out.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "));
    }
    pos
}

fn summary_anchors(lines: &[&Line]) -> Vec<(String, Anchor)> {
    let mut out = Vec::new();
    let mut base = 0;
    for l in lines {
        for n in &l.notes {
            out.push((
                n.id.clone(),
                Anchor { part: AnchorPart::Summary, section: None, paragraph: None, offset: base + n.offset },
            ));
        }
        base += char_len(&l.text) + 1;
    }
    out
}

fn attach_footnotes(doc: &mut Document, bodies: Vec<(String, String)>, anchors: Vec<(String, Anchor)>) {
    for (id, text) in bodies {
        let anchor = anchors.iter().find(|(a, _)| *a == id).map(|(_, a)| a.clone());
        if anchor.is_none() {
            doc.diagnostics.push(Diagnostic::new(
                "footnote-unanchored",
                format!("Chú thích {id} không có dấu chú thích trong văn bản."),
                None,
            ));
        }
        doc.footnotes.push(Footnote { id, text, anchor });
    }
    for (id, _) in &anchors {
        if !doc.footnotes.iter().any(|f| f.id == *id) {
            doc.diagnostics.push(Diagnostic::new(
                "footnote-missing",
                format!("Dấu chú thích {id} không có nội dung chú thích."),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oracle(t: &str) -> Option<&str> {
        static RESOLUTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"Nghị quyết (?:số )?([0-9]{1,3}-NQ/(?:TW|TU|CP))").unwrap()
        });
        RESOLUTION.captures(t).map(|c| c.get(1).unwrap().as_str())
    }

    #[test]
    fn resolution_agrees_with_the_regex_on_tricky_text() {
        for t in [
            "thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023",
            "Nghị quyết 45-NQ/TU",
            "Nghị quyết số 1234-NQ/TW và Nghị quyết số 12-NQ/CP",
            "Nghị quyết số số 45-NQ/TW Nghị quyết 7-NQ/TWx",
            "Nghị quyết số45-NQ/TW",
            "Nghị quyết  45-NQ/TW",
            "Nghị quyết Nghị quyết 45-NQ/TP",
            "",
        ] {
            assert_eq!(resolution_in(t), oracle(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn resolution_agrees_with_the_regex(
            t in crate::text::testing::pieces_from(
                &["Nghị quyết ", "Nghị", "quyết", "số ", "số", " ", "4", "45", "1234", "-NQ/", "-", "NQ", "/", "TW",
                  "TU", "CP", "T", "x"], 10)
        ) {
            proptest::prop_assert_eq!(resolution_in(&t), oracle(&t));
        }
    }
}
