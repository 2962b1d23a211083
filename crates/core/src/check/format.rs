//! Format of a .docx against the profile the document claims: paper, margins, the
//! font and the body size. The facts are read from the file by the caller
//! (`banthao_docx::docx_format`); this module only compares.

use super::{Finding, Severity};
use crate::profile::FormatProfile;
use serde::{Deserialize, Serialize};

/// What a .docx says about its presentation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormatFacts {
    /// Paper width and height, mm (the last section's).
    pub paper_mm: Option<(f32, f32)>,
    /// Margins top, bottom, left, right, mm.
    pub margins_mm: Option<[f32; 4]>,
    /// Fonts of the text with the number of characters each sets, most used first.
    pub fonts: Vec<(String, usize)>,
    /// The size most of the text is set in, points.
    pub body_size_pt: Option<f32>,
}

/// How far above the profile's margin a margin may be (the rules give ranges:
/// 20–25 mm top, 30–35 mm left …), mm.
const MARGIN_ABOVE: f32 = 5.5;
/// How far below it, mm (rounding of twips).
const MARGIN_BELOW: f32 = 0.6;

fn finding(
    code: &str,
    severity: Severity,
    message: String,
    excerpt: String,
    suggestion: Option<String>,
) -> Finding {
    Finding {
        code: code.into(),
        severity,
        message,
        excerpt,
        path: "format".into(),
        paragraph: None,
        start: 0,
        end: 0,
        suggestion,
    }
}

fn mm(v: f32) -> String {
    format!("{v:.0} mm")
}

/// Findings on the format of a .docx.
pub(super) fn check(facts: &FormatFacts, profile: &FormatProfile) -> Vec<Finding> {
    let mut out = Vec::new();
    let p = &profile.paper;
    if let Some((w, h)) = facts.paper_mm {
        let portrait = (w.min(h), w.max(h));
        let want = (p.width_mm.min(p.height_mm), p.width_mm.max(p.height_mm));
        if (portrait.0 - want.0).abs() > 2.0 || (portrait.1 - want.1).abs() > 2.0 {
            out.push(finding(
                "format-paper",
                Severity::Warning,
                format!(
                    "Khổ giấy {}×{} mm, không phải khổ {}×{} mm của thể thức ({}).",
                    w.round(),
                    h.round(),
                    want.0,
                    want.1,
                    profile.name
                ),
                format!("{}×{} mm", w.round(), h.round()),
                None,
            ));
        }
    }
    if let Some(m) = facts.margins_mm {
        let want = [
            profile.margins_mm.top,
            profile.margins_mm.bottom,
            profile.margins_mm.left,
            profile.margins_mm.right,
        ];
        let names = ["trên", "dưới", "trái", "phải"];
        for i in 0..4 {
            if m[i] < want[i] - MARGIN_BELOW || m[i] > want[i] + MARGIN_ABOVE {
                out.push(finding(
                    "format-margins",
                    Severity::Warning,
                    format!(
                        "Lề {} {}, thể thức quy định {} ({}).",
                        names[i],
                        mm(m[i]),
                        mm(want[i]),
                        profile.name
                    ),
                    format!("lề {} {}", names[i], mm(m[i])),
                    Some(mm(want[i])),
                ));
            }
        }
    }
    let total: usize = facts.fonts.iter().map(|(_, n)| n).sum();
    for (font, n) in &facts.fonts {
        let same = crate::text::fold(font) == crate::text::fold(&profile.font);
        if !same && total > 0 && n * 20 > total {
            out.push(finding(
                "format-font",
                Severity::Warning,
                format!(
                    "{}% chữ dùng phông «{font}», thể thức quy định «{}».",
                    n * 100 / total,
                    profile.font
                ),
                font.clone(),
                Some(profile.font.clone()),
            ));
        }
    }
    if let Some(size) = facts.body_size_pt {
        if (size - profile.sizes.body).abs() > 1.01 {
            out.push(finding(
                "format-size",
                Severity::Warning,
                format!("Cỡ chữ phần lớn văn bản là {size} pt, thể thức quy định {} pt.", profile.sizes.body),
                format!("{size} pt"),
                Some(format!("{} pt", profile.sizes.body)),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_page_with_narrow_margins_in_arial() {
        let state = FormatProfile::builtin("state").unwrap();
        let facts = FormatFacts {
            paper_mm: Some((215.9, 279.4)),
            margins_mm: Some([20.0, 20.0, 20.0, 15.0]),
            fonts: vec![("Arial".into(), 900), ("Times New Roman".into(), 100)],
            body_size_pt: Some(12.0),
        };
        let codes: Vec<String> = check(&facts, &state).into_iter().map(|f| f.code).collect();
        assert_eq!(codes, ["format-paper", "format-margins", "format-font", "format-size"]);
        let good = FormatFacts {
            paper_mm: Some((210.0, 297.0)),
            margins_mm: Some([20.0, 20.0, 30.0, 15.0]),
            fonts: vec![("Times New Roman".into(), 1000)],
            body_size_pt: Some(14.0),
        };
        assert!(check(&good, &state).is_empty());
    }
}
