//! Names valid at the document's date: bodies renamed or merged (data in
//! `templates/check/names.json`), former provinces after 1/7/2025, and the district
//! level after it was abolished. The same names in an older text are correct.

use super::data::Data;
use super::scan::{find_phrase, phrase_keys, Token};
use super::{Finding, Severity, Unit};
use crate::model::Document;
use crate::text::fold;

/// One outdated name to look for.
struct Pattern {
    keys: Vec<String>,
    severity: Severity,
    replacement: Option<String>,
    message: String,
}

fn patterns(data: &Data, date: &str) -> Vec<Pattern> {
    let mut out = Vec::new();
    for n in data.names.iter().filter(|n| date > n.valid_until.as_str()) {
        let severity = if n.severity == "warning" { Severity::Warning } else { Severity::Error };
        for spelling in std::iter::once(&n.name).chain(&n.aliases) {
            let message = match &n.replacement {
                Some(r) => format!(
                    "«{spelling}» không còn từ sau {}: nay là {r} ({}).",
                    vi_date(&n.valid_until),
                    n.source
                ),
                None => format!("«{spelling}» không còn từ sau {} ({}).", vi_date(&n.valid_until), n.source),
            };
            out.push(Pattern {
                keys: phrase_keys(spelling, true),
                severity,
                replacement: n.replacement.clone(),
                message,
            });
        }
    }
    // Former provinces, after the set they belong to ended.
    let places = crate::builtin_places();
    let current = places.set_on(date);
    for set in &places.sets {
        let Some(until) = set.valid_until.as_deref().filter(|u| date > *u) else { continue };
        for unit in &set.units {
            if current.is_some_and(|c| c.units.iter().any(|u| u.name == unit.name)) {
                continue;
            }
            let successor = places.merged_into(&unit.name).map(|(u, _)| u.name.clone());
            for prefix in ["tỉnh", "Tỉnh ủy", "thành phố", "Thành ủy"] {
                let message = match &successor {
                    Some(s) => format!(
                        "{prefix} {} không còn từ sau {}: đã hợp nhất vào {s}.",
                        unit.name,
                        vi_date(until)
                    ),
                    None => format!("{prefix} {} không còn từ sau {}.", unit.name, vi_date(until)),
                };
                out.push(Pattern {
                    keys: phrase_keys(&format!("{prefix} {}", unit.name), true),
                    severity: Severity::Error,
                    replacement: None,
                    message,
                });
            }
        }
    }
    out
}

/// `2025-02-28` → `28/02/2025`.
fn vi_date(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    match p.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// The replacement written in the case of the excerpt (`SỞ …` stays capitals).
fn in_case_of(excerpt: &str, replacement: &str) -> String {
    if crate::text::is_upper(excerpt) {
        replacement.to_uppercase()
    } else if excerpt.starts_with(char::is_lowercase) {
        let mut cs = replacement.chars();
        cs.next().map(|c| c.to_lowercase().chain(cs).collect()).unwrap_or_default()
    } else {
        replacement.to_string()
    }
}

/// Findings on outdated names.
pub(super) fn check(
    doc: &Document,
    units: &[Unit<'_>],
    toks: &[Vec<Token<'_>>],
    data: &Data,
    date: &str,
) -> Vec<Finding> {
    let pats = patterns(data, date);
    let mut out = Vec::new();
    if pats.is_empty() {
        return out;
    }
    let mut by_first: std::collections::HashMap<&str, Vec<&Pattern>> = std::collections::HashMap::new();
    for p in &pats {
        if let Some(k) = p.keys.first() {
            by_first.entry(k.as_str()).or_default().push(p);
        }
    }
    for (u, ts) in units.iter().zip(toks) {
        for (i, t) in ts.iter().enumerate() {
            let Some(cands) = by_first.get(t.folded.as_str()) else { continue };
            for p in cands {
                if find_phrase(&ts[i..], &p.keys, true).first().is_none_or(|m| m.0 != 0) {
                    continue;
                }
                let last = &ts[i + p.keys.len() - 1];
                let mut f =
                    u.finding("outdated-name", p.severity, p.message.clone(), t.start, last.end, None);
                f.suggestion = p.replacement.as_ref().map(|r| in_case_of(&f.excerpt, r));
                out.push(f);
            }
        }
    }
    // A district by its name (`huyện Bảo Lâm`, `thị xã Sa Pa`) after the district level ended.
    if let Some(level) =
        data.names.iter().find(|n| n.name == "cấp huyện").filter(|n| date > n.valid_until.as_str())
    {
        for (u, ts) in units.iter().zip(toks) {
            for (i, t) in ts.iter().enumerate() {
                if t.folded != "huyen" {
                    continue;
                }
                let mut j = i + 1;
                while j < ts.len()
                    && ts[j].word
                    && ts[j].text.starts_with(char::is_uppercase)
                    && ts[j].folded != "uy"
                {
                    j += 1;
                }
                if j > i + 1 {
                    let m = format!(
                        "«{}» là đơn vị cấp huyện, không còn từ sau {} ({}).",
                        t.text,
                        vi_date(&level.valid_until),
                        level.source
                    );
                    out.push(u.finding("outdated-name", Severity::Warning, m, t.start, ts[j - 1].end, None));
                }
            }
        }
    }
    // Overlapping names in one paragraph (`các huyện` and `huyện, thành phố`) are one
    // finding over their union.
    out = merge_overlaps(out, units);
    // The place of the place-date line.
    if let (Some(pd), Some(place)) =
        (&doc.place_date, doc.place_date.as_ref().and_then(|p| p.place.as_deref()))
    {
        let places = crate::builtin_places();
        let current = places.set_on(date);
        let former = places.sets.iter().any(|s| s.units.iter().any(|u| fold(&u.name) == fold(place)));
        let valid = current.is_none_or(|c| c.units.iter().any(|u| fold(&u.name) == fold(place)));
        if former && !valid && pd.raw.starts_with(place) {
            let unit = Unit { path: "header".into(), paragraph: Some(1), text: pd.raw.as_str() };
            let successor = places.merged_into(place).map(|(u, _)| u.name.clone());
            let n = place.chars().count();
            out.push(unit.finding(
                "outdated-name",
                Severity::Error,
                match &successor {
                    Some(s) => format!(
                        "Địa danh «{place}» không còn là tỉnh, thành phố ở ngày của văn bản: nay là {s}."
                    ),
                    None => format!("Địa danh «{place}» không còn là tỉnh, thành phố ở ngày của văn bản."),
                },
                0,
                n,
                None,
            ));
        }
    }
    out
}

/// Findings of one paragraph that overlap, merged into one over their union.
fn merge_overlaps(findings: Vec<Finding>, units: &[Unit<'_>]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        if let Some(g) = out.iter_mut().rev().find(|g| {
            g.path == f.path && g.paragraph == f.paragraph && f.start < g.end + 3 && g.start < f.end
        }) {
            // Names one after another (`các huyện, thành phố, thị xã`) are one finding;
            // names apart are two.
            let gap = units
                .iter()
                .find(|u| u.path == g.path && u.paragraph == g.paragraph)
                .map(|u| {
                    let r = super::scan::byte_range(u.text, g.end.min(f.start), f.start.max(g.end));
                    u.text[r].to_string()
                })
                .unwrap_or_default();
            if f.start >= g.end && !matches!(gap.as_str(), "" | ", " | " ") {
                out.push(f);
                continue;
            }
            let (s, e) = (g.start.min(f.start), g.end.max(f.end));
            if (s, e) != (g.start, g.end) {
                if let Some(u) = units.iter().find(|u| u.path == g.path && u.paragraph == g.paragraph) {
                    let severity = g.severity.min(f.severity);
                    let (sugg, msg) = if (f.end - f.start) > (g.end - g.start) {
                        (f.suggestion.clone(), f.message.clone())
                    } else {
                        (g.suggestion.clone(), g.message.clone())
                    };
                    *g = u.finding(&g.code, severity, msg, s, e, None);
                    g.suggestion = sugg.filter(|_| false);
                }
            }
            continue;
        }
        out.push(f);
    }
    out
}
