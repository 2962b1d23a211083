//! The reviewer's check of a draft (`banthao check`, the app's «Kiểm tra» panel):
//! slips (citations, outdated names, numbering, words, repeats) and substance
//! (copied sections, unquantified objectives, vague assignments).
//!
//! [`check`] is pure: the date that decides which names are valid, today's date and the
//! parent document come in through [`CheckContext`]. The rules' data (names with their
//! validity dates, spellings, document types) is in `templates/check/`.
//!
//! Modules run one way: `scan` and `data` are leaves; the rules (`citations`, `names`,
//! `numbering`, `words`, `repeats`, `substance`, `format`) use them and this module's types;
//! this module calls the rules. `fix` applies a finding's suggestion to the document.

mod citations;
mod data;
mod fix;
mod format;
mod names;
mod numbering;
mod repeats;
pub mod scan;
mod substance;
pub(crate) use substance::quantified;
mod words;

use crate::model::Document;
pub use fix::apply_fix;
pub use format::FormatFacts;
use serde::{Deserialize, Serialize};

/// How sure the checker is that a finding needs a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A defect to fix.
    Error,
    /// Very likely a defect.
    Warning,
    /// Substance: the reviewer decides.
    Advice,
}

/// One thing the checker found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Stable code of the rule (`outdated-name`, `doubled-word`).
    pub code: String,
    /// How sure.
    pub severity: Severity,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// The exact text found.
    pub excerpt: String,
    /// Where: a section path (`III.2`) or `header`, `title`, `preamble`, `closing`,
    /// `recipients`; `format` for the presentation of a .docx (paper, margins, fonts).
    pub path: String,
    /// Paragraph index within that part; `None` for a section's title. In `header`, 0
    /// is the number line and 1 the place-date line; `title` 0 is the summary.
    pub paragraph: Option<usize>,
    /// Start of the excerpt in that paragraph, in characters. A numbering finding's
    /// excerpt is the section label, which stands before the title: `start` = `end` = 0;
    /// so are a format finding's.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// The replacement of the excerpt when it is certain.
    pub suggestion: Option<String>,
}

/// What a check needs besides the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckContext {
    /// The date whose names apply (ISO `YYYY-MM-DD`); when `None`, the document's
    /// place-date line, else `today`.
    pub date: Option<String>,
    /// Today's date (ISO), from the caller's clock.
    pub today: String,
    /// The parent document, for the share of each section copied from it.
    pub parent: Option<Document>,
    /// The presentation of a .docx input (`banthao_docx::docx_format`), checked
    /// against the document's profile.
    pub format: Option<FormatFacts>,
}

impl CheckContext {
    /// The date whose names apply to `doc`: the explicit date, the place-date line
    /// (a year alone counts as that year, see [`crate::date::reference_date`]), today.
    pub fn reference_date(&self, doc: &Document) -> String {
        if let Some(d) = &self.date {
            return d.clone();
        }
        match doc.place_date.as_ref().and_then(|p| p.year.map(|y| (y, p.month, p.day))) {
            Some((y, Some(m), Some(d))) => format!("{y:04}-{m:02}-{d:02}"),
            Some((y, Some(m), None)) => {
                // The last day of the month, unless that is still to come.
                let days = match m {
                    2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                let month_end = format!("{y:04}-{m:02}-{days:02}");
                if self.today < month_end && self.today.starts_with(&format!("{y:04}-{m:02}")) {
                    self.today.clone()
                } else {
                    month_end
                }
            }
            Some((y, _, _)) => crate::date::reference_date(y, &self.today),
            None => self.today.clone(),
        }
    }
}

/// A paragraph-like piece of the document that findings point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    /// [`Finding::path`].
    pub path: String,
    /// [`Finding::paragraph`].
    pub paragraph: Option<usize>,
    /// The text.
    pub text: &'a str,
}

impl Unit<'_> {
    /// A finding on characters `start..end` of this unit.
    pub fn finding(
        &self,
        code: &str,
        severity: Severity,
        message: impl Into<String>,
        start: usize,
        end: usize,
        suggestion: Option<String>,
    ) -> Finding {
        let r = scan::byte_range(self.text, start, end);
        Finding {
            code: code.to_string(),
            severity,
            message: message.into(),
            excerpt: self.text[r].to_string(),
            path: self.path.clone(),
            paragraph: self.paragraph,
            start,
            end,
            suggestion,
        }
    }

    /// Whether the unit is part of the body (a section title or paragraph).
    pub fn in_body(&self) -> bool {
        !matches!(self.path.as_str(), "header" | "title" | "preamble" | "closing" | "recipients")
    }
}

/// Every text of the document that findings can point into, in reading order.
pub fn units(doc: &Document) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    if let Some(n) = &doc.number {
        out.push(Unit { path: "header".into(), paragraph: Some(0), text: n.raw.as_str() });
    }
    if let Some(p) = &doc.place_date {
        out.push(Unit { path: "header".into(), paragraph: Some(1), text: p.raw.as_str() });
    }
    if let Some(s) = &doc.summary {
        out.push(Unit { path: "title".into(), paragraph: Some(0), text: s.as_str() });
    }
    for (i, p) in doc.preamble.iter().enumerate() {
        out.push(Unit { path: "preamble".into(), paragraph: Some(i), text: p.as_str() });
    }
    doc.walk_sections(|path, s| {
        if !s.title.is_empty() {
            out.push(Unit { path: path.to_string(), paragraph: None, text: s.title.as_str() });
        }
        for (i, p) in s.paragraphs.iter().enumerate() {
            out.push(Unit { path: path.to_string(), paragraph: Some(i), text: p.as_str() });
        }
    });
    if let Some(c) = &doc.closing {
        out.push(Unit { path: "closing".into(), paragraph: Some(0), text: c.as_str() });
    }
    for (i, r) in doc.recipients.iter().enumerate() {
        out.push(Unit { path: "recipients".into(), paragraph: Some(i), text: r.as_str() });
    }
    out
}

/// Checks a document: every finding, in reading order (errors before warnings before
/// advice at the same place). Overlapping findings of one rule keep the longest.
pub fn check(doc: &Document, ctx: &CheckContext) -> Vec<Finding> {
    let data = data::Data::builtin();
    let units = units(doc);
    let toks: Vec<Vec<scan::Token<'_>>> = units.iter().map(|u| scan::tokens(u.text)).collect();
    let date = ctx.reference_date(doc);
    let mut out = Vec::new();
    out.extend(citations::check(&units, data));
    out.extend(names::check(doc, &units, &toks, data, &date));
    out.extend(numbering::check(doc, &units));
    out.extend(words::check(&units, &toks, data));
    out.extend(repeats::check(&units, &toks));
    out.extend(substance::check(doc, &units, &toks, ctx.parent.as_ref()));
    if let Some(facts) = &ctx.format {
        out.extend(format::check(facts, &crate::profile::FormatProfile::for_kind(doc.kind)));
    }
    let order: std::collections::HashMap<(String, Option<usize>), usize> =
        units.iter().enumerate().map(|(i, u)| ((u.path.clone(), u.paragraph), i)).collect();
    let key = |f: &Finding| order.get(&(f.path.clone(), f.paragraph)).copied().unwrap_or(usize::MAX);
    out.sort_by(|a, b| {
        (key(a), a.start, a.severity, std::cmp::Reverse(a.end)).cmp(&(
            key(b),
            b.start,
            b.severity,
            std::cmp::Reverse(b.end),
        ))
    });
    dedup_overlaps(out)
}

/// Drops a finding inside an earlier, longer finding of the same code at the same place.
fn dedup_overlaps(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        let covered = out.iter().rev().take(8).any(|g| {
            g.code == f.code
                && g.path == f.path
                && g.paragraph == f.paragraph
                && g.start <= f.start
                && f.end <= g.end
        });
        if !covered {
            out.push(f);
        }
    }
    out
}

/// Whether any finding is an error (the CLI's exit code 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
