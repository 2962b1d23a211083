//! The appendix «Phụ lục: Phân công nhiệm vụ»: the task table of a document
//! (`banthao_core::tasks`) on landscape pages in the document's profile, with STT,
//! Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành and
//! Sản phẩm; the header row repeats on every page.

use crate::package::{package, ExportOptions};
use crate::xml::{ppr, run_xml, twips_mm, ParaStyle, RunStyle};
use banthao_core::model::Document;
use banthao_core::profile::FormatProfile;
use banthao_core::tasks::Task;

/// Column headings and their shares of the text width (per mille).
const COLUMNS: [(&str, i64); 6] = [
    ("STT", 50),
    ("Nội dung nhiệm vụ", 370),
    ("Cơ quan chủ trì", 160),
    ("Cơ quan phối hợp", 170),
    ("Thời gian hoàn thành", 120),
    ("Sản phẩm", 130),
];

fn centered(before: i64, after: i64) -> ParaStyle {
    ParaStyle { align: "center", before_twips: before, after_twips: after, ..ParaStyle::default() }
}

fn p(style: ParaStyle, text: &str, st: RunStyle, font: &str) -> String {
    format!("<w:p>{}{}</w:p>", ppr(style), run_xml(text, st, font))
}

fn cell(width: i64, text: &str, st: RunStyle, align: &'static str, font: &str) -> String {
    let ps = ParaStyle { align, before_twips: 40, after_twips: 40, ..ParaStyle::default() };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{}</w:tc>"#,
        p(ps, text, st, font)
    )
}

/// The words after «Kèm theo»: the document's type and number, when known.
fn attached_to(doc: &Document) -> String {
    let kind = doc.doc_type.as_deref().map(|t| {
        let lower = t.to_lowercase();
        let mut cs = lower.chars();
        cs.next().map(|c| c.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
    });
    let number = doc
        .number
        .as_ref()
        .map(|n| n.raw.trim().trim_start_matches("Số").trim_start_matches(':').trim().to_string());
    match (kind, number) {
        (Some(k), Some(n)) if n.chars().any(|c| c.is_ascii_digit()) => format!("(Kèm theo {k} số {n})"),
        (Some(k), _) => format!("(Kèm theo {k})"),
        _ => String::new(),
    }
}

/// The body XML of the appendix for a text width in twips.
fn body(doc: &Document, tasks: &[Task], profile: &FormatProfile, width: i64) -> String {
    let f = profile.font.as_str();
    let size = profile.sizes.body - 1.0;
    let mut out = String::new();
    out.push_str(&p(centered(0, 0), "Phụ lục", RunStyle::size(profile.sizes.heading).bold(true), f));
    out.push_str(&p(
        centered(0, 0),
        "PHÂN CÔNG NHIỆM VỤ",
        RunStyle::size(profile.sizes.heading).bold(true),
        f,
    ));
    let attached = attached_to(doc);
    if !attached.is_empty() {
        out.push_str(&p(centered(0, 0), &attached, RunStyle::size(profile.sizes.body).italic(true), f));
    }
    out.push_str(&p(centered(0, 120), "-----", RunStyle::size(profile.sizes.body), f));
    let widths: Vec<i64> = COLUMNS.iter().map(|(_, w)| width * w / 1000).collect();
    let total: i64 = widths.iter().sum();
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|b| format!(r#"<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#))
        .collect();
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{}</w:tblGrid>"#,
        widths.iter().map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#)).collect::<String>()
    ));
    let head = RunStyle::size(size).bold(true);
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for ((name, _), w) in COLUMNS.iter().zip(&widths) {
        out.push_str(&cell(*w, name, head, "center", f));
    }
    out.push_str("</w:tr>");
    let plain = RunStyle::size(size);
    for (i, t) in tasks.iter().enumerate() {
        let cells = [
            ((i + 1).to_string(), "center"),
            (t.task.clone(), "both"),
            (t.lead.clone().unwrap_or_default(), "left"),
            (t.partners.join("; "), "left"),
            (t.time.clone().unwrap_or_default(), "center"),
            (t.product.clone().unwrap_or_default(), "left"),
        ];
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for ((text, align), w) in cells.iter().zip(&widths) {
            out.push_str(&cell(*w, text, plain, align, f));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// Writes the task table of `doc` as the appendix «Phụ lục: Phân công nhiệm vụ»
/// (.docx bytes): landscape pages with the profile's margins, font and sizes.
pub fn write_tasks_docx(
    doc: &Document,
    tasks: &[Task],
    profile: &FormatProfile,
    opts: &ExportOptions,
) -> Vec<u8> {
    let mut landscape = profile.clone();
    let (w, h) = (profile.paper.width_mm, profile.paper.height_mm);
    landscape.paper.width_mm = w.max(h);
    landscape.paper.height_mm = w.min(h);
    // The binding edge (left in portrait) becomes the top.
    let m = &profile.margins_mm;
    landscape.margins_mm.top = m.left.max(m.top);
    landscape.margins_mm.left = m.top;
    landscape.margins_mm.bottom = m.bottom;
    landscape.margins_mm.right = m.right;
    let width = twips_mm(landscape.paper.width_mm - landscape.margins_mm.left - landscape.margins_mm.right);
    let xml = body(doc, tasks, &landscape, width);
    package(&xml, "", doc, &landscape, opts)
}
