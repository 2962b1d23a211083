//! Placing a copy's marks: first in the copy as sent (the copy's paragraphs are found
//! among the parsed document's titles and paragraphs), then in the current draft by
//! alignment — sections paired as the compare module pairs them, paragraphs matched
//! inside paired sections, the anchored text found again in the draft's paragraph.
//! An anchor whose text is no longer there is still placed (near where it was) and
//! marked `changed`. A copy that shares too little text with the draft is another
//! document: its items are not placed.

use super::reviewer::copy_reviewer;
use super::{CopyReview, CopyText, Item, Kind, Mapping, Mark, MarkKind, Part};
use crate::compare::align::{align_nodes, nodes};
use crate::compare::tokens::word_hashes;
use crate::compare::{diff_paragraphs, DiffOptions};
use crate::model::{Document, Section};
use crate::text::FxMap;
use std::collections::HashSet;

/// Below this share of the copy's word triples found in the draft, the copy is of
/// another document. An older version of the same draft shares far more (most of
/// its sentences); two plans on different subjects share set phrases only.
const UNRELATED_BELOW: f32 = 0.4;

/// How many entries ahead of the last place a mark's paragraph is looked for.
const FIND_WINDOW: usize = 256;

/// One piece of a document's text where a mark can sit.
#[derive(Debug, Clone)]
struct Entry {
    part: Part,
    path: String,
    paragraph: Option<usize>,
    text: String,
}

/// The pieces of a document in reading order.
fn entries(doc: &Document) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut push = |part: Part, path: &str, paragraph: Option<usize>, text: &str| {
        out.push(Entry { part, path: path.to_string(), paragraph, text: text.to_string() })
    };
    let header = doc
        .national_heading
        .iter()
        .map(String::as_str)
        .chain(doc.parent_body.as_deref())
        .chain(doc.issuer.as_deref())
        .chain(doc.number.as_ref().map(|n| n.raw.as_str()))
        .chain(doc.place_date.as_ref().map(|p| p.raw.as_str()))
        .chain(doc.draft_marker.as_deref());
    for (k, t) in header.enumerate() {
        push(Part::Header, "", Some(k), t);
    }
    for (k, t) in [&doc.doc_type, &doc.doc_type_extra, &doc.summary].into_iter().enumerate() {
        if let Some(t) = t {
            push(Part::Title, "", Some(k), t);
        }
    }
    for (k, t) in doc.preamble.iter().enumerate() {
        push(Part::Preamble, "", Some(k), t);
    }
    doc.walk_sections(|path, s| {
        push(Part::Section, path, None, &s.title);
        for (k, t) in s.paragraphs.iter().enumerate() {
            push(Part::Section, path, Some(k), t);
        }
    });
    if let Some(c) = &doc.closing {
        push(Part::Closing, "", Some(0), c);
    }
    let tail = doc.recipients.iter().map(String::as_str).chain(
        doc.signature
            .iter()
            .flat_map(|s| [&s.authority, &s.delegation, &s.title, &s.name])
            .flatten()
            .map(String::as_str),
    );
    for (k, t) in tail.enumerate() {
        push(Part::Tail, "", Some(k), t);
    }
    out
}

/// Character index of byte `b` in `s`.
fn char_at(s: &str, b: usize) -> usize {
    s[..b].chars().count()
}

/// The entry of `entries` a copy paragraph's range `start..end` falls in, searched
/// from `cursor` on (marks come in reading order), with the range in that entry.
fn find_entry(
    entries: &[Entry],
    para: &str,
    start: usize,
    end: usize,
    cursor: &mut usize,
) -> Option<(usize, usize, usize)> {
    let n = entries.len();
    let mut fallback = None;
    // Marks come in reading order: look ahead of the last place first, a bounded
    // number of entries (a paragraph the parser rewrote is not searched everywhere).
    let ahead = n.min(FIND_WINDOW);
    let back = (n - ahead).min(FIND_WINDOW / 8);
    for k in (0..ahead).chain((n - back..n).rev()) {
        let idx = (*cursor + k) % n;
        let e = &entries[idx];
        if e.text.is_empty() {
            continue;
        }
        if let Some(b) = para.find(e.text.as_str()) {
            let at = char_at(para, b);
            let len = e.text.chars().count();
            if start >= at && start <= at + len {
                *cursor = idx;
                return Some((idx, start - at, end.min(at + len).max(start) - at));
            }
            fallback.get_or_insert((idx, 0, 0));
        } else if let Some(b) = e.text.find(para) {
            let at = char_at(&e.text, b);
            *cursor = idx;
            return Some((idx, at + start, at + end));
        }
    }
    if let Some((idx, _, _)) = fallback {
        *cursor = idx;
    }
    fallback
}

/// Set of hashes of consecutive folded word triples.
fn triples(text: &str) -> HashSet<u64> {
    let w = word_hashes(text);
    w.windows(3)
        .map(|t| t[0].wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ t[1].rotate_left(21) ^ t[2].rotate_left(42))
        .collect()
}

/// The body text of a document: preamble and sections.
fn body_text(doc: &Document) -> String {
    let mut s = doc.preamble.join("\n");
    doc.walk_sections(|_, sec| {
        s.push('\n');
        s.push_str(&sec.title);
        for p in &sec.paragraphs {
            s.push('\n');
            s.push_str(p);
        }
    });
    s
}

/// Share of `a`'s word triples that `b` has too (1 when `a` has none).
pub fn shared_text(a: &Document, b: &Document) -> f32 {
    let ta = triples(&body_text(a));
    if ta.is_empty() {
        return 1.0;
    }
    let tb = triples(&body_text(b));
    ta.iter().filter(|t| tb.contains(t)).count() as f32 / ta.len() as f32
}

/// Comments and merged changes: a deletion and an insertion at the same place by the
/// same author become one `replace`; contiguous pieces of one change become one.
pub fn merge_marks(marks: &[Mark]) -> Vec<(Kind, Mark)> {
    let mut out: Vec<(Kind, Mark)> = Vec::new();
    for m in marks {
        if m.kind != MarkKind::Comment {
            if let Some((k, last)) = out.iter_mut().rev().find(|(k, _)| *k != Kind::Comment) {
                let same = last.author == m.author && last.paragraph == m.paragraph;
                match (*k, m.kind) {
                    (Kind::Delete, MarkKind::Delete) if same && last.end == m.start => {
                        last.excerpt.push_str(&m.excerpt);
                        last.end = m.end;
                        continue;
                    }
                    (Kind::Insert | Kind::Replace, MarkKind::Insert)
                        if same
                            && (last.end == m.start || last.start == m.start)
                            && !last.text.is_empty() =>
                    {
                        last.text.push_str(&m.text);
                        continue;
                    }
                    (Kind::Delete, MarkKind::Insert)
                        if same && (m.start == last.end || m.start == last.start) =>
                    {
                        last.text.push_str(&m.text);
                        *k = Kind::Replace;
                        continue;
                    }
                    (Kind::Insert, MarkKind::Delete) if same && m.start == last.start => {
                        last.excerpt = m.excerpt.clone();
                        last.end = m.end;
                        *k = Kind::Replace;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        let kind = match m.kind {
            MarkKind::Comment => Kind::Comment,
            MarkKind::Insert => Kind::Insert,
            MarkKind::Delete => Kind::Delete,
        };
        out.push((kind, m.clone()));
    }
    out
}

/// Character positions where `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle).map(|(b, _)| char_at(hay, b)).collect()
}

/// The occurrence nearest to `expected`.
fn nearest(found: Vec<usize>, expected: usize) -> Option<usize> {
    found.into_iter().min_by_key(|&p| p.abs_diff(expected))
}

/// The range `start..end` of `old` found again in `new`: `(start, end, changed)`.
/// The anchored text with what precedes it, then the anchored text alone (when long
/// enough to mean something), then (an insertion point) its neighbours; not found,
/// the same relative place, `changed`.
pub fn refine(old: &str, start: usize, end: usize, new: &str) -> (usize, usize, bool) {
    if old == new {
        return (start, end, false);
    }
    let oc: Vec<char> = old.chars().collect();
    let (start, end) = (start.min(oc.len()), end.min(oc.len()).max(start.min(oc.len())));
    let excerpt: String = oc[start..end].iter().collect();
    let before: String = oc[start.saturating_sub(12)..start].iter().collect();
    let after: String = oc[end..(end + 12).min(oc.len())].iter().collect();
    let nlen = new.chars().count();
    let expected = if oc.is_empty() { 0 } else { start * nlen / oc.len() };
    let elen = end - start;
    let bl = before.chars().count();
    if let Some(p) = nearest(occurrences(new, &format!("{before}{excerpt}")), expected.saturating_sub(bl)) {
        if !(excerpt.is_empty() && before.is_empty()) {
            return (p + bl, p + bl + elen, false);
        }
    }
    if excerpt.chars().count() >= 4 {
        if let Some(p) = nearest(occurrences(new, &excerpt), expected) {
            return (p, p + elen, false);
        }
    }
    if let Some(p) = nearest(occurrences(new, &format!("{excerpt}{after}")), expected) {
        return (p, p + elen, false);
    }
    let p = expected.min(nlen);
    (p, (p + elen).min(nlen), true)
}

/// Sections of a document by path.
fn sections_by_path(doc: &Document) -> FxMap<String, &Section> {
    let mut m = FxMap::default();
    doc.walk_sections(|p, s| {
        m.insert(p.to_string(), s);
    });
    m
}

/// A draft prepared once for placing many copies on it: its sections, pieces,
/// alignment nodes and word triples.
pub struct Target<'a> {
    draft: &'a Document,
    nodes: Vec<crate::compare::align::Node>,
    secs: FxMap<String, &'a Section>,
    entries: Vec<Entry>,
    triples: HashSet<u64>,
    body: String,
}

impl<'a> Target<'a> {
    /// Prepares `draft`.
    pub fn new(draft: &'a Document) -> Target<'a> {
        let body = body_text(draft);
        Target {
            draft,
            nodes: nodes(draft),
            secs: sections_by_path(draft),
            entries: entries(draft),
            triples: triples(&body),
            body,
        }
    }
}

/// Maps places in the copy as sent onto the draft.
struct Mapper<'a> {
    t: &'a Target<'a>,
    sent_secs: FxMap<String, &'a Section>,
    /// Sent section path -> draft section path.
    paths: FxMap<String, String>,
    /// (sent path) -> sent paragraph -> draft paragraph; computed on demand.
    paras: FxMap<String, Vec<Option<usize>>>,
    preamble: Vec<Option<usize>>,
}

impl<'a> Mapper<'a> {
    fn new(sent: &'a Document, t: &'a Target<'a>) -> Mapper<'a> {
        let (ns, nd) = (nodes(sent), &t.nodes);
        let paths = align_nodes(&ns, nd)
            .into_iter()
            .map(|(i, j, _)| (ns[i].path.clone(), nd[j].path.clone()))
            .collect();
        Mapper {
            t,
            sent_secs: sections_by_path(sent),
            paths,
            paras: FxMap::default(),
            preamble: para_map(&sent.preamble, &t.draft.preamble),
        }
    }

    /// A place of the sent copy (`e`, with range) in the draft: (part, path,
    /// paragraph, start, end, changed).
    fn place(
        &mut self,
        e: &Entry,
        start: usize,
        end: usize,
    ) -> (Part, String, Option<usize>, usize, usize, bool) {
        match e.part {
            Part::Section => self.place_in_section(e, start, end),
            Part::Preamble => {
                let k = e.paragraph.unwrap_or(0);
                match self.preamble.get(k).copied().flatten() {
                    Some(j) => {
                        let new = self.entry_text(Part::Preamble, Some(j)).unwrap_or_default();
                        let (s, t, c) = refine(&e.text, start, end, &new);
                        (Part::Preamble, String::new(), Some(j), s, t, c)
                    }
                    None => (Part::Preamble, String::new(), Some(k), 0, 0, true),
                }
            }
            part => {
                let new = self.entry_text(part, e.paragraph);
                match new {
                    Some(new) => {
                        let (s, t, c) = refine(&e.text, start, end, &new);
                        (part, String::new(), e.paragraph, s, t, c)
                    }
                    None => (part, String::new(), e.paragraph, 0, 0, true),
                }
            }
        }
    }

    fn entry_text(&self, part: Part, paragraph: Option<usize>) -> Option<String> {
        self.t.entries.iter().find(|x| x.part == part && x.paragraph == paragraph).map(|x| x.text.clone())
    }

    fn place_in_section(
        &mut self,
        e: &Entry,
        start: usize,
        end: usize,
    ) -> (Part, String, Option<usize>, usize, usize, bool) {
        // The section, or its nearest ancestor that has a counterpart.
        let mut path = e.path.as_str();
        let target = loop {
            if let Some(t) = self.paths.get(path) {
                break Some(t.clone());
            }
            match path.rfind('.') {
                Some(at) => path = &path[..at],
                None => break None,
            }
        };
        let Some(target) = target else {
            return (Part::Unknown, String::new(), None, 0, 0, true);
        };
        let Some(tsec) = self.t.secs.get(&target).copied() else {
            return (Part::Unknown, String::new(), None, 0, 0, true);
        };
        if path != e.path {
            return (Part::Section, target, None, 0, 0, true);
        }
        match e.paragraph {
            None => {
                let (s, t, c) = refine(&e.text, start, end, &tsec.title);
                (Part::Section, target, None, s, t, c)
            }
            Some(k) => {
                if !self.paras.contains_key(path) {
                    let sa = self.sent_secs.get(path).map(|s| s.paragraphs.as_slice()).unwrap_or(&[]);
                    let m = para_map(sa, &tsec.paragraphs);
                    self.paras.insert(path.to_string(), m);
                }
                let map = &self.paras[path];
                match map.get(k).copied().flatten() {
                    Some(j) => {
                        let (s, t, c) = refine(&e.text, start, end, &tsec.paragraphs[j]);
                        (Part::Section, target, Some(j), s, t, c)
                    }
                    None => {
                        // The paragraph is gone: after the nearest earlier one that is not.
                        let j = map[..k.min(map.len())].iter().rev().flatten().next().copied();
                        (Part::Section, target, j, 0, 0, true)
                    }
                }
            }
        }
    }
}

/// Paragraph `i` of `a` -> its paragraph in `b`, as the paragraph diff pairs them.
fn para_map(a: &[String], b: &[String]) -> Vec<Option<usize>> {
    let mut m = vec![None; a.len()];
    if a.is_empty() || b.is_empty() {
        return m;
    }
    let (diffs, _) = diff_paragraphs(a, b, &DiffOptions::default());
    for d in diffs {
        if let (Some(i), Some(j)) = (d.a, d.b) {
            m[i] = Some(j);
        }
    }
    m
}

/// Reads the marks of a copy into items placed in `draft` (or, without a draft, in
/// the copy's own structure `sent`: the copy parsed with its changes rejected).
/// `file` names the copy; `reviewer`, when given, names the body for all its items.
pub fn review_copy(
    copy: &CopyText,
    sent: &Document,
    draft: Option<&Document>,
    file: &str,
    reviewer: Option<&str>,
) -> CopyReview {
    let target = draft.map(Target::new);
    review_copy_on(copy, sent, target.as_ref(), file, reviewer)
}

/// [`review_copy`] on a draft prepared once ([`Target`]), for many copies.
pub fn review_copy_on(
    copy: &CopyText,
    sent: &Document,
    target: Option<&Target>,
    file: &str,
    reviewer: Option<&str>,
) -> CopyReview {
    let mut notes = copy.notes.clone();
    let (mapping, similarity) = match target {
        None => (Mapping::Own, 1.0),
        Some(t) => {
            let sent_body = body_text(sent);
            let ts = triples(&sent_body);
            let share = |a: &HashSet<u64>, b: &HashSet<u64>| {
                if a.is_empty() {
                    1.0
                } else {
                    a.iter().filter(|x| b.contains(x)).count() as f32 / a.len() as f32
                }
            };
            let shared = share(&ts, &t.triples).min(share(&t.triples, &ts));
            if sent_body == t.body {
                (Mapping::Same, 1.0)
            } else if shared < UNRELATED_BELOW {
                (Mapping::Unrelated, shared)
            } else {
                (Mapping::Aligned, shared)
            }
        }
    };
    let body = copy_reviewer(reviewer, copy.marks.iter().map(|m| m.author.as_str()), file);
    let sent_entries = entries(sent);
    let mut mapper = match (mapping, target) {
        (Mapping::Aligned, Some(t)) => Some(Mapper::new(sent, t)),
        _ => None,
    };
    let mut cursor = 0;
    let mut items = Vec::new();
    let mut unplaced = 0;
    for (kind, m) in merge_marks(&copy.marks) {
        let para = copy.paragraphs.get(m.paragraph).map(String::as_str).unwrap_or("");
        let para = crate::text::nfc_cow(para);
        let found = find_entry(&sent_entries, &para, m.start, m.end, &mut cursor);
        let (part, path, paragraph, start, end, changed) = match (found, mapping) {
            (_, Mapping::Unrelated) | (None, _) => (Part::Unknown, String::new(), None, 0, 0, false),
            (Some((idx, s, t)), Mapping::Aligned) => {
                let e = &sent_entries[idx];
                mapper.as_mut().map(|mp| mp.place(e, s, t)).unwrap_or((
                    Part::Unknown,
                    String::new(),
                    None,
                    0,
                    0,
                    true,
                ))
            }
            (Some((idx, s, t)), _) => {
                let e = &sent_entries[idx];
                (e.part, e.path.clone(), e.paragraph, s, t, false)
            }
        };
        if part == Part::Unknown && mapping != Mapping::Unrelated {
            unplaced += 1;
        }
        items.push(Item {
            reviewer: body.clone().unwrap_or_else(|| m.author.clone()),
            author: m.author.clone(),
            file: file.to_string(),
            kind,
            part,
            path,
            paragraph,
            start,
            end,
            excerpt: m.excerpt.clone(),
            text: m.text.clone(),
            date: m.date.clone(),
            replies: m.replies.clone(),
            changed,
        });
    }
    let name = super::reviewer::file_body(file);
    if mapping == Mapping::Unrelated {
        notes.push(format!(
            "Bản góp ý «{name}» không phải bản sao của dự thảo này (chỉ {:.0}% nội dung trùng khớp): {} ý kiến không được gắn vào dự thảo.",
            similarity * 100.0,
            items.len()
        ));
    }
    if unplaced > 0 {
        notes.push(format!("Bản góp ý «{name}»: {unplaced} ý kiến không tìm được vị trí trong dự thảo."));
    }
    CopyReview {
        file: file.to_string(),
        reviewer: body.unwrap_or_else(|| {
            let mut authors: Vec<&str> = copy.marks.iter().map(|m| m.author.as_str()).collect();
            authors.dedup();
            authors.sort_unstable();
            authors.dedup();
            authors.join(", ")
        }),
        mapping,
        similarity: (similarity * 1000.0).round() / 1000.0,
        items,
        formatting_changes: copy.formatting_changes,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refine_finds_the_anchor_again() {
        let old = "Xây dựng đội ngũ trí thức vững mạnh.";
        let new = "Tiếp tục xây dựng đội ngũ trí thức vững mạnh, toàn diện.";
        let (s, e, c) = refine(old, 26, 35, new);
        assert!(!c);
        assert_eq!(new.chars().skip(s).take(e - s).collect::<String>(), "vững mạnh");
        let (_, _, c) = refine(old, 26, 35, "Phát triển nguồn nhân lực chất lượng cao.");
        assert!(c);
    }

    #[test]
    fn a_deletion_and_an_insertion_are_a_replacement() {
        let d = Mark::change(MarkKind::Delete, "A", 0, 3, 6, "abc");
        let i = Mark::change(MarkKind::Insert, "A", 0, 6, 6, "xyz");
        let m = merge_marks(&[d.clone(), i.clone()]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0, Kind::Replace);
        assert_eq!((m[0].1.excerpt.as_str(), m[0].1.text.as_str()), ("abc", "xyz"));
        let other = Mark { author: "B".into(), ..i };
        assert_eq!(merge_marks(&[d, other]).len(), 2);
    }
}
