//! Differences inside aligned sections: paragraphs are matched first (so a moved
//! paragraph shows as moved, not deleted and re-added), then words (syllables, with
//! punctuation as tokens of its own).

use super::align::{align_nodes, nodes};
use super::matching::{heaviest_increasing, match_paragraphs_with, PairWords};
use super::parallel::{par_map, par_map_min};
use super::tokens::{count_words, is_punct, join_slices, strip_marker, token_slices};
use crate::model::{Document, Section};
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::collections::HashMap;

/// What to ignore.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DiffOptions {
    /// Ignore list markers and numbering labels at the start of paragraphs.
    pub ignore_labels: bool,
    /// Ignore differences in spacing (`vụ ,` vs `vụ,`).
    pub ignore_whitespace: bool,
    /// Report changes that touch only punctuation as no change.
    pub ignore_punctuation: bool,
}

/// A run of text in a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Span {
    /// In both.
    Equal(String),
    /// Only in A.
    Delete(String),
    /// Only in B.
    Insert(String),
}

/// What happened to a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ParaKind {
    /// Unchanged.
    Same,
    /// Edited in place.
    Changed,
    /// Moved (and maybe edited).
    Moved,
    /// Only in A.
    Deleted,
    /// Only in B.
    Inserted,
}

/// One paragraph of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParaDiff {
    /// Same, changed, moved, only in A or only in B.
    pub kind: ParaKind,
    /// Index in A's paragraphs.
    pub a: Option<usize>,
    /// Index in B's paragraphs.
    pub b: Option<usize>,
    /// The words, equal, deleted or inserted.
    pub spans: Vec<Span>,
}

/// Counts of words (punctuation not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counts {
    /// Words in both.
    pub equal: usize,
    /// Words in A.
    pub a: usize,
    /// Words in B.
    pub b: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.equal += o.equal;
        self.a += o.a;
        self.b += o.b;
    }

    /// 2 × equal / (a + b); 1 when both are empty.
    pub fn similarity(&self) -> f32 {
        if self.a + self.b == 0 {
            1.0
        } else {
            2.0 * self.equal as f32 / (self.a + self.b) as f32
        }
    }
}

/// A section (or the front or end matter) compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionDiff {
    /// Path in A, if the section is in A (`""` for front and end matter).
    pub a: Option<String>,
    /// Path in B.
    pub b: Option<String>,
    /// Label and title as in A.
    pub a_heading: Option<String>,
    /// Label and title as in B.
    pub b_heading: Option<String>,
    /// 1 for top-level sections.
    pub depth: usize,
    /// Word diff of the titles.
    pub title: Vec<Span>,
    /// The paragraphs, matched.
    pub paragraphs: Vec<ParaDiff>,
    /// Word counts of the title and paragraphs.
    pub counts: Counts,
    /// [`Counts::similarity`] of `counts`.
    pub similarity: f32,
}

impl SectionDiff {
    /// Whether anything differs.
    pub fn has_changes(&self) -> bool {
        self.title.iter().any(|s| !matches!(s, Span::Equal(_)))
            || self.paragraphs.iter().any(|p| p.kind != ParaKind::Same)
    }
}

/// Two documents compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    /// Over the whole documents, by words.
    pub similarity: f32,
    /// Nothing differs.
    pub identical: bool,
    /// What was ignored.
    pub options: DiffOptions,
    /// Front matter, every paired or unpaired section, end matter.
    pub sections: Vec<SectionDiff>,
}

type Tok<'a> = (&'a str, bool);

/// Token keys as small integers, shared by both sides through `ids`.
fn intern<'t>(ids: &mut crate::text::FxMap<Tok<'t>, u32>, ts: &[Tok<'t>], o: &DiffOptions) -> Vec<u32> {
    ts.iter()
        .map(|&(t, space)| {
            let next = ids.len() as u32;
            *ids.entry((t, !o.ignore_whitespace && space)).or_insert(next)
        })
        .collect()
}

fn words(tokens: &[Tok]) -> usize {
    tokens.iter().filter(|t| !is_punct(t.0)).count()
}

fn prepare<'a>(text: &'a str, o: &DiffOptions) -> &'a str {
    if o.ignore_labels {
        strip_marker(text).trim_start()
    } else {
        text
    }
}

/// Word diff of two texts.
pub fn diff_text(a: &str, b: &str, o: &DiffOptions) -> (Vec<Span>, Counts) {
    let (ta, tb) = (token_slices(prepare(a, o)), token_slices(prepare(b, o)));
    // Tokens interned to integers: the diff compares numbers, not strings.
    let mut ids: crate::text::FxMap<Tok, u32> =
        crate::text::FxMap::with_capacity_and_hasher(ta.len() + tb.len(), Default::default());
    let ka = intern(&mut ids, &ta, o);
    let kb = intern(&mut ids, &tb, o);
    let ops = if ka == kb {
        if ka.is_empty() {
            Vec::new()
        } else {
            vec![DiffOp::Equal { old_index: 0, new_index: 0, len: ka.len() }]
        }
    } else {
        capture_diff_slices(Algorithm::Patience, &ka, &kb)
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut counts = Counts { equal: 0, a: words(&ta), b: words(&tb) };
    let push = |spans: &mut Vec<Span>, s: Span| {
        // Keep the space before a run on the run, so that text reads back joined.
        spans.push(s);
    };
    for op in ops {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                let seg = &tb[new_index..new_index + len];
                counts.equal += words(seg);
                push(&mut spans, Span::Equal(lead(seg, new_index)));
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                push(&mut spans, Span::Delete(lead(&ta[old_index..old_index + old_len], old_index)))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                push(&mut spans, Span::Insert(lead(&tb[new_index..new_index + new_len], new_index)))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let (d, i) = (&ta[old_index..old_index + old_len], &tb[new_index..new_index + new_len]);
                if o.ignore_punctuation && d.iter().chain(i).all(|t| is_punct(t.0)) {
                    push(&mut spans, Span::Equal(lead(i, new_index)));
                } else {
                    push(&mut spans, Span::Delete(lead(d, old_index)));
                    push(&mut spans, Span::Insert(lead(i, new_index)));
                }
            }
        }
    }
    if o.ignore_punctuation {
        for s in &mut spans {
            let only_punct = |t: &str| token_slices(t).iter().all(|t| is_punct(t.0));
            match s {
                Span::Insert(t) if only_punct(t) => *s = Span::Equal(t.clone()),
                Span::Delete(t) if only_punct(t) => *s = Span::Equal(String::new()),
                _ => {}
            }
        }
        spans.retain(|s| !matches!(s, Span::Equal(t) if t.is_empty()));
    }
    (merge(spans), counts)
}

/// Text of a run of tokens, with the space that stood before its first token.
fn lead(seg: &[Tok], index: usize) -> String {
    join_slices(seg, index > 0)
}

fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match (out.last_mut(), &s) {
            (Some(Span::Equal(a)), Span::Equal(b))
            | (Some(Span::Delete(a)), Span::Delete(b))
            | (Some(Span::Insert(a)), Span::Insert(b)) => a.push_str(b),
            _ => out.push(s),
        }
    }
    out
}

/// Paragraph-level diff: match paragraphs, keep those in order in place, report the
/// others as moved; the rest are deleted or inserted. Near-linear on long sections
/// (see `compare::matching`).
pub fn diff_paragraphs(a: &[String], b: &[String], o: &DiffOptions) -> (Vec<ParaDiff>, Counts) {
    let (paras, counts, _) = diff_paragraphs_words(a, b, o, None);
    (paras, counts)
}

/// [`diff_paragraphs`], with how many pairs of paragraphs were compared.
#[cfg(test)]
pub(crate) fn diff_paragraphs_counted(
    a: &[String],
    b: &[String],
    o: &DiffOptions,
) -> (Vec<ParaDiff>, Counts, usize) {
    diff_paragraphs_words(a, b, o, None)
}

/// [`diff_paragraphs`], with the word hashes of the paragraphs when already computed,
/// and how many pairs of paragraphs were compared.
fn diff_paragraphs_words(
    a: &[String],
    b: &[String],
    o: &DiffOptions,
    words: PairWords,
) -> (Vec<ParaDiff>, Counts, usize) {
    let pa: Vec<&str> = a.iter().map(|p| prepare(p, o)).collect();
    let pb: Vec<&str> = b.iter().map(|p| prepare(p, o)).collect();
    let m = match_paragraphs_with(a, b, &pa, &pb, words);
    let mut match_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut match_b: Vec<Option<usize>> = vec![None; b.len()];
    let mut seq: Vec<(usize, usize, u32)> = Vec::with_capacity(m.pairs.len());
    for &(i, j, s) in &m.pairs {
        match_a[i] = Some(j);
        match_b[j] = Some(i);
        // Among equally long chains, edited paragraphs stay and unchanged ones count
        // as moved.
        seq.push((i, j, 1000 + ((1.0 - s) * 100.0) as u32));
    }
    // Matched pairs in order on both sides stay in place; the others moved.
    seq.sort_unstable();
    let mut in_place = vec![false; a.len()];
    for k in heaviest_increasing(&seq) {
        in_place[seq[k].0] = true;
    }
    // The word diffs of the matched pairs, in B's order (independent of one another: on
    // long sections they are spread over the cores).
    let matched: Vec<(usize, usize)> =
        match_b.iter().enumerate().filter_map(|(j, m)| m.map(|i| (i, j))).collect();
    let mut word_diffs = par_map_min(matched.len(), PARALLEL_PAIRS, |k| {
        let (i, j) = matched[k];
        diff_text(&a[i], &b[j], o)
    })
    .into_iter();
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let mut counts = Counts::default();
    let mut ia = 0;
    for (j, pb) in b.iter().enumerate() {
        // A's paragraphs that have gone, before the next one kept in place.
        if let Some(na) = match_b[j].filter(|&i| in_place[i]) {
            while ia < na {
                if match_a[ia].is_none() {
                    out.push(deleted(ia, &a[ia], o, &mut counts));
                }
                ia += 1;
            }
            ia = na + 1;
        }
        match match_b[j] {
            Some(i) => {
                let (spans, c) = word_diffs.next().expect("one word diff per matched pair");
                counts.add(c);
                let changed = spans.iter().any(|s| !matches!(s, Span::Equal(_)));
                let kind = if !in_place[i] {
                    ParaKind::Moved
                } else if changed {
                    ParaKind::Changed
                } else {
                    ParaKind::Same
                };
                out.push(ParaDiff { kind, a: Some(i), b: Some(j), spans });
            }
            None => {
                let t = prepare(pb, o).to_string();
                counts.b += count_words(&t);
                out.push(ParaDiff {
                    kind: ParaKind::Inserted,
                    a: None,
                    b: Some(j),
                    spans: vec![Span::Insert(t)],
                });
            }
        }
    }
    while ia < a.len() {
        if match_a[ia].is_none() {
            out.push(deleted(ia, &a[ia], o, &mut counts));
        }
        ia += 1;
    }
    (out, counts, m.comparisons)
}

fn deleted(i: usize, text: &str, o: &DiffOptions, counts: &mut Counts) -> ParaDiff {
    let t = prepare(text, o).to_string();
    counts.a += count_words(&t);
    ParaDiff { kind: ParaKind::Deleted, a: Some(i), b: None, spans: vec![Span::Delete(t)] }
}

fn heading(s: &Section) -> String {
    format!("{} {}", s.label, s.title).trim().to_string()
}

/// Compares one section with another (its title and own paragraphs; not its children).
/// Cheap enough to run on every pause in typing.
pub fn diff_section(a: &Section, b: &Section, o: &DiffOptions) -> SectionDiff {
    diff_section_with(a, b, o, None)
}

/// [`diff_section`], with the word hashes of both sections' paragraphs when already
/// computed (alignment computes them).
fn diff_section_with(a: &Section, b: &Section, o: &DiffOptions, words: PairWords) -> SectionDiff {
    let (title, mut counts) = diff_text(&a.title, &b.title, o);
    let (paragraphs, c, _) = diff_paragraphs_words(&a.paragraphs, &b.paragraphs, o, words);
    counts.add(c);
    SectionDiff {
        a: None,
        b: None,
        a_heading: Some(heading(a)),
        b_heading: Some(heading(b)),
        depth: 1,
        title,
        paragraphs,
        similarity: counts.similarity(),
        counts,
    }
}

fn one_sided(s: &Section, path: &str, depth: usize, in_a: bool, o: &DiffOptions) -> SectionDiff {
    let empty = Section::new("", s.label_kind, "");
    let mut d = if in_a { diff_section(s, &empty, o) } else { diff_section(&empty, s, o) };
    d.similarity = 0.0;
    d.depth = depth;
    if in_a {
        d.a = Some(path.to_string());
        d.b_heading = None;
    } else {
        d.b = Some(path.to_string());
        d.a_heading = None;
    }
    d
}

fn front(d: &Document) -> Vec<String> {
    d.summary.iter().chain(&d.preamble).cloned().collect()
}

fn end(d: &Document) -> Vec<String> {
    let mut v: Vec<String> = d.closing.iter().cloned().collect();
    v.extend(d.recipients.iter().map(|r| format!("- {r}")));
    if let Some(s) = &d.signature {
        v.extend([&s.authority, &s.delegation, &s.title, &s.name].into_iter().flatten().cloned());
    }
    v
}

/// Matched pairs of paragraphs from which their word diffs are spread over the cores
/// (a section of ordinary size stays on one thread).
const PARALLEL_PAIRS: usize = 512;

pub(crate) fn section_by_index<'a>(secs: &'a [Section], index: &[usize]) -> &'a Section {
    let mut s = &secs[index[0]];
    for i in &index[1..] {
        s = &s.children[*i];
    }
    s
}

/// Compares two documents: front matter, every section aligned by meaning, end matter.
/// Sections come in B's order; sections only in A stand after their predecessor in A.
pub fn compare(a: &Document, b: &Document, o: &DiffOptions) -> Comparison {
    let (mut na, mut nb) = (nodes(a), nodes(b));
    let pairs = align_nodes(&na, &nb);
    // What only alignment needed is freed before the word diffs allocate theirs.
    for n in na.iter_mut().chain(nb.iter_mut()) {
        n.release_alignment();
    }
    let by_b: HashMap<usize, usize> = pairs.iter().map(|&(i, j, _)| (j, i)).collect();
    let by_a: HashMap<usize, usize> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();

    let mut sections = Vec::new();
    let mut total = Counts::default();
    let mut push = |sd: SectionDiff, total: &mut Counts| {
        total.add(sd.counts);
        sections.push(sd);
    };
    let matter = |name: &str, pa: Vec<String>, pb: Vec<String>| {
        let (paragraphs, counts) = diff_paragraphs(&pa, &pb, o);
        SectionDiff {
            a: Some(String::new()),
            b: Some(String::new()),
            a_heading: Some(name.to_string()),
            b_heading: Some(name.to_string()),
            depth: 0,
            title: Vec::new(),
            paragraphs,
            similarity: counts.similarity(),
            counts,
        }
    };
    push(matter("Phần mở đầu", front(a), front(b)), &mut total);

    // A-only sections, keyed by the B entry they follow (None: before everything).
    let mut a_only_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut last_paired_b: Option<usize> = None;
    for i in 0..na.len() {
        match by_a.get(&i) {
            Some(&j) => last_paired_b = Some(j),
            None => a_only_after.entry(last_paired_b).or_default().push(i),
        }
    }
    let emit_a_only =
        |after: Option<usize>, push: &mut dyn FnMut(SectionDiff, &mut Counts), total: &mut Counts| {
            for &i in a_only_after.get(&after).into_iter().flatten() {
                let s = section_by_index(&a.sections, &na[i].index);
                push(one_sided(s, &na[i].path, na[i].depth, true, o), total);
            }
        };
    emit_a_only(None, &mut push, &mut total);
    // Section diffs are independent: on long documents they are spread over the cores.
    let diff_b = |j: usize| -> SectionDiff {
        let node = &nb[j];
        let sb = section_by_index(&b.sections, &node.index);
        match by_b.get(&j) {
            Some(&i) => {
                let sa = section_by_index(&a.sections, &na[i].index);
                let words = (&na[i].paragraph_words[..], &node.paragraph_words[..]);
                let mut d = diff_section_with(sa, sb, o, Some(words));
                d.a = Some(na[i].path.clone());
                d.b = Some(node.path.clone());
                d.depth = node.depth;
                d
            }
            None => one_sided(sb, &node.path, node.depth, false, o),
        }
    };
    for (j, sd) in par_map(nb.len(), diff_b).into_iter().enumerate() {
        push(sd, &mut total);
        emit_a_only(Some(j), &mut push, &mut total);
    }
    push(matter("Phần cuối", end(a), end(b)), &mut total);

    let identical = !sections.iter().any(SectionDiff::has_changes);
    Comparison {
        similarity: if identical { 1.0 } else { total.similarity() },
        identical,
        options: *o,
        sections,
    }
}

#[cfg(test)]
mod tests {
    // Long sections, where paragraphs are matched through anchors and candidates
    // (compare/matching.rs) rather than all pairs.
    use super::*;
    use crate::compare::matching::tests::bullets;
    use crate::compare::matching::{FALLBACK_ROUNDS, MAX_CANDIDATES, WINDOW};

    #[test]
    fn moved_paragraphs_are_moves_in_long_sections() {
        let a = bullets(2, 300, 5000);
        // The first ten paragraphs go to the end, one of them edited.
        let mut b: Vec<String> = a[10..].iter().chain(&a[..10]).cloned().collect();
        b[295] = b[295].replacen("- t", "- sửa t", 1);
        let (paras, _) = diff_paragraphs(&a, &b, &DiffOptions::default());
        for p in &paras {
            match p.a {
                Some(i) if i < 10 => {
                    assert_eq!(p.kind, ParaKind::Moved, "{p:?}");
                    assert_eq!(p.b, Some(290 + i));
                }
                Some(i) => {
                    assert_eq!(p.kind, ParaKind::Same, "{p:?}");
                    assert_eq!(p.b, Some(i - 10));
                }
                None => panic!("nothing inserted: {p:?}"),
            }
        }
        assert!(paras.iter().any(|p| p.a == Some(5) && p.spans.len() > 1), "the moved edit is diffed");
    }

    #[test]
    fn near_identical_paragraphs_pair_as_edits_in_long_sections() {
        let a = bullets(3, 500, 5000);
        let mut b = a.clone();
        for k in (0..500).step_by(7) {
            // One word changed, one added.
            let mut w: Vec<&str> = a[k].split(' ').collect();
            w[3] = "khác";
            w.insert(6, "thêm");
            b[k] = w.join(" ");
        }
        let (paras, counts, comparisons) = diff_paragraphs_counted(&a, &b, &DiffOptions::default());
        assert_eq!(paras.len(), 500);
        for (k, p) in paras.iter().enumerate() {
            assert_eq!((p.a, p.b), (Some(k), Some(k)));
            let want = if k % 7 == 0 { ParaKind::Changed } else { ParaKind::Same };
            assert_eq!(p.kind, want, "{p:?}");
        }
        assert!(counts.similarity() > 0.95);
        assert!(comparisons <= 72 * MAX_CANDIDATES, "only the edited ones are compared: {comparisons}");
    }

    /// The most comparisons a long section may cost per paragraph of B.
    const PER_PARAGRAPH: usize = MAX_CANDIDATES + FALLBACK_ROUNDS * (2 * WINDOW + 1);

    #[test]
    fn thousands_of_similar_bullets_stay_within_the_work_bound() {
        // 30 words: nearly every pair of bullets is over half alike.
        let a = bullets(4, 3000, 30);
        let b = bullets(5, 3000, 30);
        let (paras, _, comparisons) = diff_paragraphs_counted(&a, &b, &DiffOptions::default());
        assert!(comparisons <= b.len() * PER_PARAGRAPH, "{comparisons} comparisons");
        // Most still pair up (near where they stand).
        let paired = paras.iter().filter(|p| p.a.is_some() && p.b.is_some()).count();
        assert!(paired > 2000, "{paired} paired");
        assert_eq!(paras.iter().filter(|p| p.a.is_some()).count(), 3000);
        assert_eq!(paras.iter().filter(|p| p.b.is_some()).count(), 3000);

        // The same text thousands of times: paired in order, nothing compared.
        let same = vec!["- Tổ chức thực hiện.".to_string(); 3000];
        let (paras, _, comparisons) = diff_paragraphs_counted(&same, &same[..2000], &DiffOptions::default());
        assert_eq!(comparisons, 0);
        assert_eq!(paras.iter().filter(|p| p.kind == ParaKind::Same).count(), 2000);
        assert_eq!(paras.iter().filter(|p| p.kind == ParaKind::Deleted).count(), 1000);

        // Unrelated texts: nothing much to find, and little work to find it.
        let (a, b) = (bullets(6, 3000, 5000), bullets(7, 3000, 5000));
        let (_, _, comparisons) = diff_paragraphs_counted(&a, &b, &DiffOptions::default());
        assert!(comparisons <= b.len() * PER_PARAGRAPH, "{comparisons} comparisons");
    }
}
