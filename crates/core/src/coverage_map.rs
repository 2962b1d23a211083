//! The coverage map («Bản đồ triển khai»): for every section of a parent (a
//! resolution, or a provincial programme a plan implements), which section of each
//! implementing document takes it up, how closely, and whether that section has a
//! quantified target, a lead agency and a time.
//!
//! A document's sections are matched to the parent's by its own links when it was
//! scaffolded from this parent (`45-NQ/TW#III.3`), otherwise by alignment
//! ([`crate::compare::align()`]) with the parent's structure. Lead and time come from
//! the task table ([`crate::tasks::tasks`]) rows in the section; a target is a
//! paragraph with a quantity that is not a year (the check's rule), citations and
//! dates (`45-NQ/TW`, `10/12`) aside.

use crate::compare::align;
use crate::model::{path_segments, Document, Section};
use crate::scaffold::ParentTemplate;
use crate::tasks::{tasks, Task};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How closely a section takes a parent section up, as the map colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// Score at least [`Band::CLOSE`] (a linked section is 1).
    Close,
    /// Score at least [`Band::PARTIAL`].
    Partial,
    /// Paired, but with little in common.
    Weak,
}

impl Band {
    /// The least score of a close match (the CLI's page colours from it too).
    pub const CLOSE: f32 = 0.5;
    /// The least score of a partial match.
    pub const PARTIAL: f32 = 0.25;

    /// The band of a score.
    pub fn of(score: f32) -> Band {
        if score >= Band::CLOSE {
            Band::Close
        } else if score >= Band::PARTIAL {
            Band::Partial
        } else {
            Band::Weak
        }
    }
}

/// A document's section that implements a parent section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CoveredBy {
    /// Index of the document in the list given.
    pub document: usize,
    /// The document's province, if it has one.
    pub province: Option<String>,
    /// The section's path in the document (`III.3`).
    pub path: String,
    /// How closely it matches (0..1; 1 for a section linked to the parent).
    pub score: f32,
    /// The score's band.
    pub band: Band,
    /// The section (or a sub-section) states a quantified target.
    pub has_target: bool,
    /// A task in it names a lead agency (`chủ trì`).
    pub has_lead: bool,
    /// A task in it has a time (`quý I/2025`, `hằng năm`).
    pub has_time: bool,
}

/// One section of the parent across the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionCoverage {
    /// The parent section's link id (`45-NQ/TW#III.3`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The documents that take it up, in the order given (at most one section each).
    pub covered_by: Vec<CoveredBy>,
}

/// Sections of a tree with their paths, pre-order: (path, depth, section).
fn walk<'a>(secs: &'a [Section], prefix: &str, depth: usize, out: &mut Vec<(String, usize, &'a Section)>) {
    for (s, seg) in secs.iter().zip(path_segments(secs)) {
        let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
        out.push((path.clone(), depth, s));
        walk(&s.children, &path, depth + 1, out);
    }
}

/// Whether a paragraph states a quantity: the check's rule, without the tokens that
/// carry a `/` (document numbers, dates: `45-NQ/TW`, `10/12`, `quý I/2024`).
fn target_in(text: &str) -> bool {
    let kept: Vec<&str> = text.split_whitespace().filter(|w| !w.contains('/')).collect();
    crate::check::quantified(&kept.join(" "))
}

fn has_target(s: &Section) -> bool {
    s.paragraphs.iter().any(|p| target_in(p)) || s.children.iter().any(has_target)
}

/// What a document's section holds: (target, lead, time).
fn facts(s: &Section, path: &str, rows: &[Task]) -> (bool, bool, bool) {
    let inside = |t: &&Task| t.path == path || t.path.starts_with(&format!("{path}."));
    let rows: Vec<&Task> = rows.iter().filter(inside).collect();
    (has_target(s), rows.iter().any(|t| t.lead.is_some()), rows.iter().any(|t| t.time.is_some()))
}

/// The coverage map of `docs` against `parent`: one entry per parent section of the
/// first two levels, in the parent's order.
pub fn coverage_map(parent: &ParentTemplate, docs: &[Document]) -> Vec<SectionCoverage> {
    let pdoc = parent.as_document();
    let mut pnodes = Vec::new();
    walk(&pdoc.sections, "", 1, &mut pnodes);
    let mut out: Vec<SectionCoverage> = Vec::new();
    // A parent section's link id -> its entry; a path in `pdoc` -> its link id.
    let mut entry: HashMap<String, usize> = HashMap::new();
    let mut link_of: HashMap<String, String> = HashMap::new();
    for (path, depth, s) in &pnodes {
        let Some(id) = s.implements.clone() else { continue };
        link_of.insert(path.clone(), id.clone());
        if *depth <= 2 {
            entry.insert(id.clone(), out.len());
            out.push(SectionCoverage { id, title: s.title.clone(), covered_by: Vec::new() });
        }
    }
    let own = format!("{}#", parent.id);
    for (k, doc) in docs.iter().enumerate() {
        let mut nodes = Vec::new();
        walk(&doc.sections, "", 1, &mut nodes);
        let rows = tasks(doc);
        let by_path: HashMap<&str, &Section> = nodes.iter().map(|(p, _, s)| (p.as_str(), *s)).collect();
        // (parent link id, document path, score)
        let linked: Vec<(String, String, f32)> = nodes
            .iter()
            .filter_map(|(p, _, s)| {
                let id = s.implements.as_deref().filter(|i| i.starts_with(&own))?;
                Some((id.to_string(), p.clone(), 1.0))
            })
            .collect();
        let pairs = if linked.is_empty() {
            align(&pdoc, doc)
                .pairs
                .into_iter()
                .filter_map(|p| Some((link_of.get(&p.a)?.clone(), p.b, p.score)))
                .collect()
        } else {
            linked
        };
        for (id, path, score) in pairs {
            let (Some(&e), Some(s)) = (entry.get(&id), by_path.get(path.as_str())) else { continue };
            if out[e].covered_by.last().is_some_and(|c| c.document == k) {
                continue;
            }
            let (has_target, has_lead, has_time) = facts(s, &path, &rows);
            out[e].covered_by.push(CoveredBy {
                document: k,
                province: doc.province.clone(),
                path,
                score,
                band: Band::of(score),
                has_target,
                has_lead,
                has_time,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands() {
        assert_eq!(Band::of(1.0), Band::Close);
        assert_eq!(Band::of(0.3), Band::Partial);
        assert_eq!(Band::of(0.1), Band::Weak);
    }

    #[test]
    fn targets_are_quantities_not_citations_or_dates() {
        assert!(target_in("- Phấn đấu 80% cán bộ được bồi dưỡng."));
        assert!(target_in("- Thu hút 100 trí thức trẻ."));
        assert!(!target_in("- Quán triệt Nghị quyết số 45-NQ/TW đến năm 2030."));
        assert!(!target_in("- Báo cáo trước ngày 10/12 hằng năm."));
    }
}
