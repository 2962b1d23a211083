//! The «báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý» as .docx: the report's
//! header, title and summary composed like any document in the draft's profile
//! ([`crate::compose`]), then the table — STT, Cơ quan góp ý, Mục, Nội dung góp ý,
//! Ý kiến tiếp thu, giải trình — one row per item, its header row repeated on every
//! page.

use crate::compose::compose;
use crate::layout::items_xml;
use crate::package::{package, ExportOptions};
use crate::xml::{ppr, run_xml, twips_mm, ParaStyle, RunStyle};
use banthao_core::profile::FormatProfile;
use banthao_core::review::report::Report;

/// Column titles and shares of the text width (per mille).
const COLUMNS: [(&str, i64); 5] = [
    ("STT", 60),
    ("Cơ quan góp ý", 170),
    ("Mục", 150),
    ("Nội dung góp ý", 340),
    ("Ý kiến tiếp thu, giải trình", 280),
];

/// A table cell of one paragraph.
fn cell(width: i64, text: &str, st: RunStyle, align: &'static str, font: &str) -> String {
    let ps = ParaStyle { align, before_twips: 40, after_twips: 40, ..ParaStyle::default() };
    let run = if text.is_empty() { String::new() } else { run_xml(text, st, font) };
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{}{run}</w:p></w:tc>"#, ppr(ps))
}

/// The table's XML.
fn table(report: &Report, profile: &FormatProfile) -> String {
    let p = profile;
    let total = twips_mm(p.paper.width_mm - p.margins_mm.left - p.margins_mm.right);
    let widths: Vec<i64> = COLUMNS.iter().map(|(_, w)| total * w / 1000).collect();
    let size = (p.sizes.body - 1.0).max(11.0);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|b| format!(r#"<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#))
        .collect();
    let grid: String = widths.iter().map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#)).collect();
    let head: String = COLUMNS
        .iter()
        .zip(&widths)
        .map(|((t, _), w)| cell(*w, t, RunStyle::size(size).bold(true), "center", &p.font))
        .collect();
    let mut rows = format!(r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"#);
    for r in &report.rows {
        let st = RunStyle::size(size);
        let cells = [
            cell(widths[0], &r.number.to_string(), st, "center", &p.font),
            cell(widths[1], &r.reviewer, st, "left", &p.font),
            cell(widths[2], &r.section, st, "left", &p.font),
            cell(widths[3], &r.content, st, "both", &p.font),
            cell(widths[4], &r.answer, st, "both", &p.font),
        ];
        rows.push_str(&format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{}</w:tr>", cells.concat()));
    }
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl><w:p/>"#
    )
}

/// Writes the report as .docx bytes in `profile` (the draft's).
pub fn write_report(report: &Report, profile: &FormatProfile, opts: &ExportOptions) -> Vec<u8> {
    let laid = compose(&report.document, profile, 1);
    let mut body = items_xml(&laid.items, profile);
    body.push_str(&table(report, profile));
    package(&body, "", &report.document, profile, opts)
}
