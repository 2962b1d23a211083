//! The first page of an export as HTML, from the same layout the .docx is written
//! from: what the export screen shows before the user saves.

use crate::compose::compose;
use crate::layout::{Inline, Item, P};
use banthao_core::profile::FormatProfile;
use banthao_core::Document;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Twentieths of a point to points.
fn pt(twips: i64) -> f32 {
    twips as f32 / 20.0
}

/// The profile's font, then fonts with the same metrics, so that lines break where
/// Word's would on a machine without the font (Linux has Liberation Serif, not Times).
fn font_stack(font: &str) -> String {
    let same_metrics = match font {
        "Times New Roman" => "'Liberation Serif','Tinos',",
        "Arial" => "'Liberation Sans','Arimo',",
        _ => "",
    };
    format!("'{font}',{same_metrics}serif")
}

fn paragraph(p: &P, font: &str) -> String {
    let s = &p.style;
    let align = match s.align {
        "center" => "center",
        "right" => "right",
        "both" => "justify",
        _ => "left",
    };
    let line = if s.line_240 > 0 { s.line_240 as f32 / 240.0 } else { 1.0 } * 1.15;
    let mut style = format!(
        "white-space:pre-wrap;text-align:{align};text-indent:{}pt;margin:{}pt {}pt {}pt {}pt;line-height:{line:.2};",
        pt(s.first_line_twips),
        pt(s.before_twips),
        pt(s.side_indent_twips),
        pt(s.after_twips),
        pt(s.side_indent_twips)
    );
    if s.bottom_border {
        style.push_str("border-bottom:0.75pt solid #000;padding-bottom:1pt;");
    }
    let mut html = format!("<p style=\"{style}font-family:{}\">", font_stack(font));
    for i in &p.inlines {
        match i {
            Inline::Text(t, r) => {
                let mut css = format!("font-size:{}pt;", r.size);
                if r.bold {
                    css.push_str("font-weight:bold;");
                }
                if r.italic {
                    css.push_str("font-style:italic;");
                }
                if r.underline {
                    css.push_str("text-decoration:underline;");
                }
                html.push_str(&format!("<span style=\"{css}\">{}</span>", esc(t)));
            }
            Inline::Note(n) => html.push_str(&format!("<sup>{n}</sup>")),
        }
    }
    if p.inlines.is_empty() {
        html.push_str("&nbsp;");
    }
    html.push_str("</p>");
    html
}

/// The first page as an HTML fragment sized in millimetres (an A4 sheet with the
/// profile's margins; what does not fit on the page is cut off, as the printer would
/// carry it to the next).
pub fn preview_html(doc: &Document, profile: &FormatProfile) -> String {
    let laid = compose(doc, profile, 1);
    let (w, h, m) = (profile.paper.width_mm, profile.paper.height_mm, &profile.margins_mm);
    let mut html = format!(
        "<div class=\"sheet\" style=\"width:{w}mm;height:{h}mm;padding:{}mm {}mm {}mm {}mm;box-sizing:border-box;overflow:hidden;background:#fff;color:#000\">",
        m.top, m.right, m.bottom, m.left
    );
    for item in &laid.items {
        match item {
            Item::P(p) => html.push_str(&paragraph(p, &profile.font)),
            Item::Table { widths, cells } => {
                let total = (widths.0 + widths.1).max(1) as f32;
                html.push_str("<div style=\"display:flex;width:100%\">");
                for (k, cell) in cells.iter().enumerate() {
                    let share = if k == 0 { widths.0 } else { widths.1 } as f32 / total * 100.0;
                    html.push_str(&format!("<div style=\"width:{share:.1}%\">"));
                    for p in cell {
                        html.push_str(&paragraph(p, &profile.font));
                    }
                    html.push_str("</div>");
                }
                html.push_str("</div>");
            }
        }
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_page_shows_the_header_and_title_in_the_profile_font() {
        let doc = banthao_core::parse_text(
            "TỈNH ỦY CAO BẰNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-CTr/TU\nCao Bằng, ngày 5 tháng 3 năm 2024\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW <của> Ban Chấp hành\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc.\n",
        );
        let profile = FormatProfile::builtin("party").unwrap();
        let html = preview_html(&doc, &profile);
        assert!(html.starts_with("<div class=\"sheet\" style=\"width:210mm;height:297mm;"), "{html}");
        for want in
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY CAO BẰNG", "CHƯƠNG TRÌNH", "MỤC ĐÍCH, YÊU CẦU", "&lt;của&gt;"]
        {
            assert!(html.contains(want), "{want} missing");
        }
        assert!(html.contains("font-family:'Times New Roman','Liberation Serif','Tinos',serif"));
        // Blanks left for the clerk (day, month, number) keep their width, as in Word.
        assert!(html.contains("white-space:pre-wrap"));
        assert!(!html.contains("<của>"), "text is escaped");
    }
}
