//! Numbering: gaps, repeats, a list that starts past 1, Roman labels written in two
//! styles or against the profile (`I-` vs `I.`), and bullet markers mixed in a list.

use super::{Finding, Severity, Unit};
use crate::label::{parse_label, to_letter, to_roman};
use crate::model::{path_segments, Document, LabelKind, Section};
use crate::profile::FormatProfile;

/// The value of a label (`III-` → 3, `2.1.` → 1, `c)` → 3).
fn value(label: &str) -> Option<u32> {
    parse_label(&format!("{label} x")).and_then(|l| l.value.last().copied())
}

/// The label for value `n`, written as `like`.
fn relabel(like: &str, kind: LabelKind, n: u32) -> Option<String> {
    let v = value(like)?;
    let old = match kind {
        LabelKind::Roman => to_roman(v),
        LabelKind::Letter => to_letter(v),
        _ => v.to_string(),
    };
    let new = match kind {
        LabelKind::Roman => to_roman(n),
        LabelKind::Letter => to_letter(n),
        _ => n.to_string(),
    };
    let at = like.rfind(&old)?;
    Some(format!("{}{new}{}", &like[..at], &like[at + old.len()..]))
}

fn title_unit<'a>(path: &str, s: &'a Section) -> Unit<'a> {
    Unit { path: path.to_string(), paragraph: None, text: s.label.as_str() }
}

fn siblings(prefix: &str, secs: &[Section], out: &mut Vec<Finding>) {
    let segs = path_segments(secs);
    let paths: Vec<String> =
        segs.iter().map(|s| if prefix.is_empty() { s.clone() } else { format!("{prefix}.{s}") }).collect();
    let mut prev: Option<(LabelKind, u32)> = None;
    for (i, s) in secs.iter().enumerate() {
        let Some(v) = value(&s.label) else { continue };
        let unit = title_unit(&paths[i], s);
        let n = s.label.chars().count();
        let label_msg = |m: String| m;
        match prev.filter(|(k, _)| *k == s.label_kind) {
            None if v != 1 && (i == 0 || prev.is_some_and(|(k, _)| k != s.label_kind)) => {
                out.push(labelled(
                    &unit,
                    "numbering-start",
                    Severity::Warning,
                    label_msg(format!(
                        "Danh sách bắt đầu bằng «{}», không phải số thứ tự đầu tiên.",
                        s.label.trim()
                    )),
                    n,
                    relabel(&s.label, s.label_kind, 1),
                ));
            }
            Some((_, p)) if v == p => {
                out.push(labelled(
                    &unit,
                    "numbering-repeat",
                    Severity::Error,
                    format!("Số thứ tự «{}» lặp lại mục trước.", s.label.trim()),
                    n,
                    None,
                ));
            }
            Some((_, p)) if v > p + 1 => {
                out.push(labelled(
                    &unit,
                    "numbering-gap",
                    Severity::Error,
                    format!("Số thứ tự nhảy từ {} lên «{}»: thiếu mục ở giữa.", p, s.label.trim()),
                    n,
                    relabel(&s.label, s.label_kind, p + 1),
                ));
            }
            Some((_, p)) if v < p => {
                out.push(labelled(
                    &unit,
                    "numbering-order",
                    Severity::Error,
                    format!("Số thứ tự «{}» đứng sau mục {p}.", s.label.trim()),
                    n,
                    None,
                ));
            }
            _ => {}
        }
        prev = Some((s.label_kind, v));
        siblings(&paths[i], &s.children, out);
    }
}

fn labelled(
    unit: &Unit<'_>,
    code: &str,
    sev: Severity,
    msg: String,
    n: usize,
    sugg: Option<String>,
) -> Finding {
    let mut f = unit.finding(code, sev, msg, 0, n, sugg);
    // The label is not part of the title text: point at the title, offsets 0..0.
    f.start = 0;
    f.end = 0;
    f
}

/// The separator after a Roman numeral (`-` or `.`).
fn roman_sep(label: &str) -> Option<char> {
    label.trim().chars().last().filter(|c| matches!(c, '-' | '.'))
}

/// Findings on numbering and bullets.
pub(super) fn check(doc: &Document, units: &[Unit<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    siblings("", &doc.sections, &mut out);
    // Roman labels: one style in the document, and the profile's.
    let romans: Vec<(String, &Section)> = {
        let mut v = Vec::new();
        for (s, seg) in doc.sections.iter().zip(path_segments(&doc.sections)) {
            if s.label_kind == LabelKind::Roman {
                v.push((seg, s));
            }
        }
        v
    };
    let want = FormatProfile::for_kind(doc.kind).numbering.roman_separator.chars().next().unwrap_or('-');
    let count = |c: char| romans.iter().filter(|(_, s)| roman_sep(&s.label) == Some(c)).count();
    let (dash, dot) = (count('-'), count('.'));
    if dash > 0 && dot > 0 {
        let minority = if dash > dot {
            '.'
        } else if dot > dash {
            '-'
        } else {
            if want == '-' {
                '.'
            } else {
                '-'
            }
        };
        let majority = if minority == '-' { '.' } else { '-' };
        for (path, s) in romans.iter().filter(|(_, s)| roman_sep(&s.label) == Some(minority)) {
            let unit = title_unit(path, s);
            let fixed = s.label.trim().trim_end_matches(minority).to_string() + &majority.to_string();
            out.push(labelled(
                &unit,
                "numbering-style",
                Severity::Warning,
                format!("Nhãn «{}» viết khác các mục La Mã còn lại («…{majority}»).", s.label.trim()),
                s.label.chars().count(),
                Some(fixed),
            ));
        }
    } else if let Some((path, s)) = romans.first() {
        if roman_sep(&s.label).is_some_and(|c| c != want) {
            let unit = title_unit(path, s);
            out.push(labelled(
                &unit,
                "numbering-style",
                Severity::Advice,
                format!(
                    "Thể thức của văn bản đánh số mục La Mã dạng «I{want}», văn bản dùng «{}».",
                    s.label.trim()
                ),
                s.label.chars().count(),
                None,
            ));
        }
    }
    // Bullet markers: `-` and `–`/`•` mixed in one section.
    let mut by_path: std::collections::HashMap<&str, Vec<(&Unit<'_>, char)>> = Default::default();
    for u in units.iter().filter(|u| u.in_body() && u.paragraph.is_some()) {
        if let Some(c) =
            u.text.chars().next().filter(|c| matches!(c, '-' | '–' | '—' | '•' | '*' | '·' | '●'))
        {
            if u.text.chars().nth(1) == Some(' ') {
                by_path.entry(u.path.as_str()).or_default().push((u, c));
            }
        }
    }
    let mut paths: Vec<&&str> = by_path.keys().collect();
    paths.sort();
    for p in paths {
        let list = &by_path[*p];
        let mut counts: Vec<(char, usize)> = Vec::new();
        for (_, c) in list {
            match counts.iter_mut().find(|(k, _)| k == c) {
                Some(e) => e.1 += 1,
                None => counts.push((*c, 1)),
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let major = counts.iter().max_by_key(|(_, n)| *n).map(|(c, _)| *c).unwrap_or('-');
        for (u, c) in list.iter().filter(|(_, c)| *c != major) {
            out.push(u.finding(
                "bullet-mixed",
                Severity::Warning,
                format!("Dấu đầu dòng «{c}» khác các dòng còn lại của mục («{major}»)."),
                0,
                1,
                Some(major.to_string()),
            ));
        }
    }
    out
}
