//! Comparison of documents the way a reviewer reads them: sections aligned by meaning
//! (not by number), paragraphs matched (moves are moves), words diffed (syllables,
//! punctuation as its own token).
//!
//! ```
//! use banthao_core::compare::{compare, DiffOptions};
//! let a = banthao_core::parse_text("I- MỤC TIÊU\n1. Mục tiêu chung\nXây dựng đội ngũ trí thức vững mạnh.\n");
//! let b = banthao_core::parse_text("II. MỤC TIÊU\n1. Mục tiêu chung\nXây dựng đội ngũ trí thức lớn mạnh.\n");
//! let c = compare(&a, &b, &DiffOptions::default());
//! assert!(!c.identical);
//! let changed = c.sections.iter().find(|s| s.b.as_deref() == Some("II.1")).unwrap();
//! assert_eq!(changed.a.as_deref(), Some("I.1"));
//! ```

pub mod align;
pub mod diff;
mod matching;
mod parallel;
pub mod tokens;

pub use align::{align, Alignment, Pair};
pub use diff::{
    compare, diff_paragraphs, diff_section, diff_text, Comparison, DiffOptions, ParaDiff, ParaKind,
    SectionDiff, Span,
};

use crate::model::Document;
use serde::Serialize;

/// How well one other document covers a section of the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Covered {
    /// Index of the other document.
    pub document: usize,
    /// Its section's path.
    pub path: String,
    /// Similarity of the section texts.
    pub similarity: f32,
}

/// A paragraph another document has for a section and the draft lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    /// Index of the other document.
    pub document: usize,
    /// Its section's path.
    pub path: String,
    /// The paragraph as that document has it.
    pub text: String,
}

/// One section of the draft across the other documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionCoverage {
    /// The draft section's path.
    pub path: String,
    /// Its label and title.
    pub heading: String,
    /// 1 for top-level sections, 2 below.
    pub depth: usize,
    /// The other documents that have this section, in their order.
    pub covered_by: Vec<Covered>,
    /// Paragraphs they have there and the draft lacks.
    pub missing: Vec<Missing>,
}

/// A draft against many documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// The draft's sections of the first two levels, in order.
    pub sections: Vec<SectionCoverage>,
}

/// For every section of the draft (first two levels): which other documents cover it,
/// how similar they are, and the paragraphs they have there that the draft lacks.
pub fn coverage(draft: &Document, others: &[Document], o: &DiffOptions) -> Coverage {
    let nd = align::nodes(draft);
    // Draft node -> its entry in `sections` (first two levels only).
    let mut entry: Vec<Option<usize>> = vec![None; nd.len()];
    let mut sections: Vec<SectionCoverage> = nd
        .iter()
        .enumerate()
        .filter(|(_, n)| n.depth <= 2)
        .enumerate()
        .map(|(k, (at, n))| {
            entry[at] = Some(k);
            let s = diff::section_by_index(&draft.sections, &n.index);
            SectionCoverage {
                path: n.path.clone(),
                heading: format!("{} {}", s.label, s.title).trim().to_string(),
                depth: n.depth,
                covered_by: Vec::new(),
                missing: Vec::new(),
            }
        })
        .collect();
    for (k, other) in others.iter().enumerate() {
        let no = align::nodes(other);
        for (i, j, _) in align::align_nodes(&nd, &no) {
            let Some(sc) = entry[i].map(|k| &mut sections[k]) else { continue };
            let sa = diff::section_by_index(&draft.sections, &nd[i].index);
            let sb = diff::section_by_index(&other.sections, &no[j].index);
            let d = diff_section(sa, sb, o);
            sc.covered_by.push(Covered { document: k, path: no[j].path.clone(), similarity: d.similarity });
            for p in d.paragraphs.iter().filter(|p| p.kind == ParaKind::Inserted) {
                if let Some(b) = p.b {
                    sc.missing.push(Missing {
                        document: k,
                        path: no[j].path.clone(),
                        text: sb.paragraphs[b].clone(),
                    });
                }
            }
        }
    }
    Coverage { sections }
}
