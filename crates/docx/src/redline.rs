//! Redline: the newer document (B) in the official format, with every difference from
//! the older one (A) as a Word tracked change, so that accepting all changes gives B
//! and rejecting all gives A.
//!
//! Both documents are laid out with the same profile; the header tables, the bodies
//! and the recipients/signature tables are merged paragraph by paragraph, and edited
//! paragraphs word by word. A moved paragraph is a deletion where it was and an
//! insertion where it is, which keeps accept and reject exact.

use crate::compose::compose;
use crate::layout::{inlines_xml, p_xml, table_xml, Changes, Inline, Item, Track, P};
use crate::package::{package, ExportOptions};
use crate::xml::{footnote_xml, RunStyle};
use banthao_core::compare::tokens::{bag, dice, token_slices};
use banthao_core::model::Document;
use banthao_core::profile::FormatProfile;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Who made the changes and when.
#[derive(Debug, Clone, Default)]
pub struct RedlineOptions {
    /// Author recorded on every change.
    pub author: String,
    /// Date recorded on every change (`2026-11-23T10:30:00Z`).
    pub date: String,
}

/// Paragraphs this similar are one paragraph edited, not one deleted and one added.
const EDITED: f32 = 0.4;
/// Footnote marks travel through the text diff as private-use characters.
const NOTE_BASE: u32 = 0xF0000;

/// A paragraph as characters, each with its style or footnote.
struct Flat {
    chars: Vec<char>,
    styles: Vec<Option<RunStyle>>,
}

fn flatten(p: &P) -> Flat {
    let mut f = Flat { chars: Vec::new(), styles: Vec::new() };
    for i in &p.inlines {
        match i {
            Inline::Text(t, st) => {
                for c in t.chars() {
                    f.chars.push(c);
                    f.styles.push(Some(*st));
                }
            }
            Inline::Note(n) => {
                f.chars.push(char::from_u32(NOTE_BASE + *n as u32).unwrap_or('\u{F0000}'));
                f.styles.push(None);
            }
        }
    }
    f
}

fn plain(p: &P) -> String {
    flatten(p).chars.into_iter().collect()
}

/// Inlines for the characters `from..to` of a flattened paragraph.
fn slice(f: &Flat, from: usize, to: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for k in from..to.min(f.chars.len()) {
        match f.styles[k] {
            None => out.push(Inline::Note((f.chars[k] as u32 - NOTE_BASE) as usize)),
            Some(st) => match out.last_mut() {
                Some(Inline::Text(t, s)) if *s == st => t.push(f.chars[k]),
                _ => out.push(Inline::Text(f.chars[k].to_string(), st)),
            },
        }
    }
    out
}

/// Character ranges of the tokens of `text`, each starting at the white space before it.
fn token_ranges(chars: &[char]) -> Vec<((String, bool), usize, usize)> {
    let text: String = chars.iter().collect();
    // Character index of every byte offset that starts a character (and of the end).
    let mut char_at = vec![chars.len(); text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at[bi] = ci;
    }
    let mut prev_end = 0;
    token_slices(&text)
        .into_iter()
        .map(|(t, space)| {
            let at = t.as_ptr() as usize - text.as_ptr() as usize;
            let end = char_at[at + t.len()];
            let range = ((t.to_string(), space), prev_end, end);
            prev_end = end;
            range
        })
        .collect()
}

struct Merger<'a> {
    profile: &'a FormatProfile,
    changes: Changes,
}

impl Merger<'_> {
    fn whole(&mut self, p: &P, track: Track) -> String {
        let mut ch = Some(&mut self.changes);
        let content = inlines_xml(&p.inlines, self.profile, track, &mut ch);
        p_xml(p.style, &content, track, &mut ch)
    }

    /// An edited paragraph: B's paragraph with A's words deleted and B's inserted.
    fn edited(&mut self, a: &P, b: &P) -> String {
        let (fa, fb) = (flatten(a), flatten(b));
        let (ta, tb) = (token_ranges(&fa.chars), token_ranges(&fb.chars));
        let ka: Vec<&(String, bool)> = ta.iter().map(|t| &t.0).collect();
        let kb: Vec<&(String, bool)> = tb.iter().map(|t| &t.0).collect();
        let range = |v: &[((String, bool), usize, usize)], i: usize, n: usize| (v[i].1, v[i + n - 1].2);
        let mut content = String::new();
        let mut ch = Some(&mut self.changes);
        for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
            let del = |content: &mut String, i: usize, n: usize, ch: &mut Option<&mut Changes>| {
                let (s, e) = range(&ta, i, n);
                content.push_str(&inlines_xml(&slice(&fa, s, e), self.profile, Track::Delete, ch));
            };
            let put =
                |content: &mut String, j: usize, n: usize, track: Track, ch: &mut Option<&mut Changes>| {
                    let (s, e) = range(&tb, j, n);
                    content.push_str(&inlines_xml(&slice(&fb, s, e), self.profile, track, ch));
                };
            match op {
                DiffOp::Equal { new_index, len, .. } => {
                    put(&mut content, new_index, len, Track::None, &mut ch)
                }
                DiffOp::Delete { old_index, old_len, .. } => del(&mut content, old_index, old_len, &mut ch),
                DiffOp::Insert { new_index, new_len, .. } => {
                    put(&mut content, new_index, new_len, Track::Insert, &mut ch)
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    del(&mut content, old_index, old_len, &mut ch);
                    put(&mut content, new_index, new_len, Track::Insert, &mut ch);
                }
            }
        }
        p_xml(b.style, &content, Track::None, &mut ch)
    }

    /// Merges two lists of paragraphs.
    fn paragraphs(&mut self, pa: &[P], pb: &[P]) -> String {
        let (xa, xb): (Vec<String>, Vec<String>) =
            (pa.iter().map(plain).collect(), pb.iter().map(plain).collect());
        let mut out = String::new();
        for op in capture_diff_slices(Algorithm::Patience, &xa, &xb) {
            match op {
                DiffOp::Equal { new_index, len, .. } => {
                    for p in &pb[new_index..new_index + len] {
                        out.push_str(&self.whole(p, Track::None));
                    }
                }
                DiffOp::Delete { old_index, old_len, .. } => {
                    for p in &pa[old_index..old_index + old_len] {
                        out.push_str(&self.whole(p, Track::Delete));
                    }
                }
                DiffOp::Insert { new_index, new_len, .. } => {
                    for p in &pb[new_index..new_index + new_len] {
                        out.push_str(&self.whole(p, Track::Insert));
                    }
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    let a = &pa[old_index..old_index + old_len];
                    let b = &pb[new_index..new_index + new_len];
                    out.push_str(&self.replace(a, b));
                }
            }
        }
        out
    }

    /// Paragraphs that differ: pair edited ones in order, delete and insert the rest.
    fn replace(&mut self, a: &[P], b: &[P]) -> String {
        let ba: Vec<_> = a.iter().map(|p| bag([plain(p).as_str()])).collect();
        let bb: Vec<_> = b.iter().map(|p| bag([plain(p).as_str()])).collect();
        let mut pairs = Vec::new();
        let mut next_j = 0;
        for (i, x) in ba.iter().enumerate() {
            if let Some(j) = (next_j..b.len()).find(|&j| dice(x, &bb[j]) >= EDITED) {
                pairs.push((i, j));
                next_j = j + 1;
            }
        }
        let mut out = String::new();
        let (mut i, mut j) = (0, 0);
        for (pi, pj) in pairs.into_iter().chain(std::iter::once((a.len(), b.len()))) {
            while i < pi {
                out.push_str(&self.whole(&a[i], Track::Delete));
                i += 1;
            }
            while j < pj {
                out.push_str(&self.whole(&b[j], Track::Insert));
                j += 1;
            }
            if pi < a.len() && pj < b.len() {
                out.push_str(&self.edited(&a[pi], &b[pj]));
                i += 1;
                j += 1;
            }
        }
        out
    }

    fn table(&mut self, a: Option<&Item>, b: Option<&Item>) -> String {
        match (a, b) {
            (Some(Item::Table { cells: ca, .. }), Some(Item::Table { widths, cells: cb })) => {
                let cells = [self.paragraphs(&ca[0], &cb[0]), self.paragraphs(&ca[1], &cb[1])];
                table_xml(*widths, cells, Track::None, &mut None)
            }
            (None, Some(Item::Table { widths, cells })) => {
                let c = [self.paragraphs(&[], &cells[0]), self.paragraphs(&[], &cells[1])];
                table_xml(*widths, c, Track::Insert, &mut Some(&mut self.changes))
            }
            (Some(Item::Table { widths, cells }), None) => {
                let c = [self.paragraphs(&cells[0], &[]), self.paragraphs(&cells[1], &[])];
                table_xml(*widths, c, Track::Delete, &mut Some(&mut self.changes))
            }
            _ => String::new(),
        }
    }
}

/// Splits a layout into its header table, body paragraphs and closing table.
fn parts(items: &[Item]) -> (Option<&Item>, Vec<P>, Option<&Item>) {
    let head = items.first().filter(|i| matches!(i, Item::Table { .. }));
    let tail = items.last().filter(|i| matches!(i, Item::Table { .. }) && items.len() > 1);
    let from = usize::from(head.is_some());
    let to = items.len() - usize::from(tail.is_some());
    let body = items[from..to.max(from)]
        .iter()
        .filter_map(|i| match i {
            Item::P(p) => Some(p.clone()),
            Item::Table { .. } => None,
        })
        .collect();
    (head, body, tail)
}

/// Writes the redline of A → B as .docx bytes.
pub fn write_redline(a: &Document, b: &Document, profile: &FormatProfile, opts: &RedlineOptions) -> Vec<u8> {
    let lb = compose(b, profile, 1);
    let la = compose(a, profile, lb.footnotes.len() + 1);
    let (ha, body_a, ta) = parts(&la.items);
    let (hb, body_b, tb) = parts(&lb.items);
    let mut m = Merger {
        profile,
        changes: Changes { author: opts.author.clone(), date: opts.date.clone(), next_id: 0 },
    };
    let mut body = m.table(ha, hb);
    body.push_str(&m.paragraphs(&body_a, &body_b));
    body.push_str(&m.table(ta, tb));
    let notes: String =
        lb.footnotes.iter().chain(&la.footnotes).map(|(n, t)| footnote_xml(*n, t, profile)).collect();
    let export = ExportOptions { created: opts.date.clone(), author: Some(opts.author.clone()) };
    package(&body, &notes, b, profile, &export)
}
