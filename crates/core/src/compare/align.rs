//! Section alignment by meaning: titles (word pairs, so `MỤC TIÊU` meets `QUAN ĐIỂM,
//! MỤC TIÊU` but not `MỤC ĐÍCH, YÊU CẦU`), content (words weighted by rarity across
//! both documents), and the parent links of scaffolded drafts. Labels are ignored:
//! `III.2` of one province pairs with `II.2` of another.

use super::tokens::word_hashes;
use crate::model::{path_segments, Document, Section};
use serde::Serialize;
use std::collections::HashSet;

/// Below this score two sections are not the same place.
const THRESHOLD: f32 = 0.3;
/// Bonus for level-2 sections whose parents are paired.
const PARENT_BONUS: f32 = 0.15;

/// A section of one side, with what alignment needs.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub index: Vec<usize>,
    pub path: String,
    pub depth: usize,
    /// Hashes of the title's word pairs and words, sorted and deduplicated.
    title_pairs: Vec<u64>,
    title_words: Vec<u64>,
    /// The words of the section and its subsections: (word hash, count), sorted by hash.
    subtree: Vec<(u64, u32)>,
    implements: Option<String>,
    /// Word hashes of the section's own paragraphs ([`word_hashes`]), for matching them.
    pub paragraph_words: Vec<Vec<u64>>,
}

impl Node {
    /// Frees what only alignment needs (the subtree's words), keeping the paragraphs'
    /// words for matching them.
    pub fn release_alignment(&mut self) {
        self.subtree = Vec::new();
    }
}

/// Merges two lists of (word, count) sorted by word, summing the counts of a word in both.
fn merge_counts(a: &[(u64, u32)], b: &[(u64, u32)]) -> Vec<(u64, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// One round of [`sum_counts`]: the lists merged two by two.
fn merge_round<L: AsRef<[(u64, u32)]>>(lists: &[L]) -> Vec<Vec<(u64, u32)>> {
    lists
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => merge_counts(a.as_ref(), b.as_ref()),
            [a] => a.as_ref().to_vec(),
            _ => unreachable!("chunks of one or two"),
        })
        .collect()
}

/// The sum of lists of (word, count) sorted by word, merged two by two: linear in their
/// total length times the log of their number.
fn sum_counts(lists: &[&[(u64, u32)]]) -> Vec<(u64, u32)> {
    let mut merged = merge_round(lists);
    while merged.len() > 1 {
        merged = merge_round(&merged);
    }
    merged.pop().unwrap_or_default()
}

/// Adds nodes for `secs` (pre-order) and returns their positions in `out`; each
/// paragraph is read once, a section's words are its own and its children's.
fn collect(secs: &[Section], prefix: &str, index: &mut Vec<usize>, out: &mut Vec<Node>) -> Vec<usize> {
    let mut at_level = Vec::with_capacity(secs.len());
    for (i, (s, seg)) in secs.iter().zip(path_segments(secs)).enumerate() {
        let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
        index.push(i);
        let tw = word_hashes(&s.title);
        let set = |mut v: Vec<u64>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        let paragraph_words: Vec<Vec<u64>> = s.paragraphs.iter().map(|p| word_hashes(p)).collect();
        let mut own: Vec<u64> = tw.iter().chain(paragraph_words.iter().flatten()).copied().collect();
        own.sort_unstable();
        let at = out.len();
        at_level.push(at);
        out.push(Node {
            index: index.clone(),
            path: path.clone(),
            depth: index.len(),
            title_pairs: set(tw.windows(2).map(|w| w[0].rotate_left(17) ^ w[1]).collect()),
            title_words: set(tw),
            subtree: Vec::new(),
            implements: s.implements.clone(),
            paragraph_words,
        });
        let children = collect(&s.children, &path, index, out);
        let mut words: Vec<(u64, u32)> = Vec::new();
        for w in own {
            match words.last_mut() {
                Some(last) if last.0 == w => last.1 += 1,
                _ => words.push((w, 1)),
            }
        }
        if !children.is_empty() {
            let lists: Vec<&[(u64, u32)]> =
                std::iter::once(&words[..]).chain(children.iter().map(|&c| &out[c].subtree[..])).collect();
            words = sum_counts(&lists);
        }
        words.shrink_to_fit();
        out[at].subtree = words;
        index.pop();
    }
    at_level
}

pub(crate) fn nodes(d: &Document) -> Vec<Node> {
    let mut out = Vec::new();
    collect(&d.sections, "", &mut Vec::new(), &mut out);
    out
}

/// Overlap coefficient of two sorted sets.
fn overlap(a: &[u64], b: &[u64]) -> f32 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    super::tokens::common_sorted(a, b) as f32 / n as f32
}

fn title_sim(x: &Node, y: &Node) -> f32 {
    if !x.title_pairs.is_empty() && !y.title_pairs.is_empty() {
        overlap(&x.title_pairs, &y.title_pairs)
    } else {
        overlap(&x.title_words, &y.title_words)
    }
}

/// A node's words as a sparse vector of (word id, weight), sorted by id, with its norm.
struct Vector {
    entries: Vec<(u32, f32)>,
    norm: f32,
}

/// Rarity-weighted vectors for nodes compared together (one level of both documents).
fn vectors(nodes: &[&Node]) -> Vec<Vector> {
    // Word ids in order of first appearance, and each node's entries' ids in its order.
    let entries_len: usize = nodes.iter().map(|n| n.subtree.len()).sum();
    // At least as many words as the largest node has.
    let largest = nodes.iter().map(|n| n.subtree.len()).max().unwrap_or(0);
    let mut ids: crate::text::FxMap<u64, u32> =
        crate::text::FxMap::with_capacity_and_hasher(largest, Default::default());
    let mut df: Vec<u32> = Vec::new();
    let mut node_ids: Vec<u32> = Vec::with_capacity(entries_len);
    for n in nodes {
        for (k, _) in &n.subtree {
            let next = ids.len() as u32;
            let id = *ids.entry(*k).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
            node_ids.push(id);
        }
    }
    let total = nodes.len() as f32;
    let idf: Vec<f32> = df.iter().map(|d| ((total + 1.0) / (*d as f32 + 1.0)).ln() + 0.05).collect();
    let mut at = 0;
    nodes
        .iter()
        .map(|n| {
            let ids = &node_ids[at..at + n.subtree.len()];
            at += n.subtree.len();
            let mut entries: Vec<(u32, f32)> =
                n.subtree.iter().zip(ids).map(|((_, c), &id)| (id, *c as f32 * idf[id as usize])).collect();
            entries.sort_unstable_by_key(|e| e.0);
            let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            Vector { entries, norm }
        })
        .collect()
}

/// Cosine of two sparse vectors.
fn cosine(x: &Vector, y: &Vector) -> f32 {
    if x.norm == 0.0 || y.norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.entries.len() && j < y.entries.len() {
        match x.entries[i].0.cmp(&y.entries[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x.entries[i].1 * y.entries[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (x.norm * y.norm)
}

/// [`cosine`] of `y` with the vector whose weights `dense` holds by word id (zero for
/// the others) and whose norm is `x_norm`: the same products summed in the same order,
/// so the same result, without walking `x`.
fn cosine_dense(dense: &[f32], x_norm: f32, y: &Vector) -> f32 {
    if x_norm == 0.0 || y.norm == 0.0 {
        return 0.0;
    }
    let mut dot = 0.0;
    for &(id, w) in &y.entries {
        let v = dense[id as usize];
        if v != 0.0 {
            dot += v * w;
        }
    }
    dot / (x_norm * y.norm)
}

/// Score of two sections, `content` giving the cosine of their vectors.
fn score(x: &Node, y: &Node, content: impl FnOnce() -> f32) -> f32 {
    if let (Some(i), Some(j)) = (&x.implements, &y.implements) {
        if i == j {
            return 1.0;
        }
    }
    let content = content();
    if x.title_words.is_empty() || y.title_words.is_empty() {
        content
    } else {
        0.6 * title_sim(x, y) + 0.4 * content
    }
}

/// Greedy one-to-one matching of candidates, best first; ties go to closer positions.
fn assign(
    cands: &mut [(f32, usize, usize, f32)],
    taken_a: &mut HashSet<usize>,
    taken_b: &mut HashSet<usize>,
) -> Vec<(usize, usize, f32)> {
    cands.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.3.total_cmp(&q.3)));
    let mut out = Vec::new();
    for &(s, i, j, _) in cands.iter() {
        if s >= THRESHOLD && !taken_a.contains(&i) && !taken_b.contains(&j) {
            taken_a.insert(i);
            taken_b.insert(j);
            out.push((i, j, s));
        }
    }
    out
}

/// Levels with at most this many pairs of sections are compared exhaustively.
const EXHAUSTIVE_PAIRS: usize = 256 * 256;
/// Beyond that, a section meets only those sharing its title words or its weightiest
/// content words; a key shared by more sections than this finds none.
const COMMON_KEY: usize = 32;
/// Content words of a section used as keys (the weightiest).
const CONTENT_KEYS: usize = 8;
/// At most this many candidates (those sharing the most keys) per section of B.
const MAX_CANDIDATES: usize = 16;
/// Children of paired parents are always compared while there are at most this many
/// pairs of them.
const LINKED_PAIRS: usize = 256;

/// Each node's parent node (pre-order: the last shallower node before it).
fn parents(ns: &[Node]) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    ns.iter()
        .enumerate()
        .map(|(k, n)| {
            while stack.last().is_some_and(|&p| ns[p].depth >= n.depth) {
                stack.pop();
            }
            let p = stack.last().copied();
            stack.push(k);
            p
        })
        .collect()
}

/// Candidate pairs `(p, q)` (positions in `xs`, `ys`) of one level too large to compare
/// exhaustively: pairs sharing rare keys, and children of paired parents while few.
fn candidates(
    na: &[Node],
    nb: &[Node],
    xs: &[usize],
    ys: &[usize],
    vecs: (&[Vector], &[Vector]),
    linked: &dyn Fn(usize, usize) -> bool,
    (pa, pb): (&[Option<usize>], &[Option<usize>]),
) -> Vec<(usize, usize)> {
    let keys = |n: &Node, v: &Vector| -> Vec<u64> {
        let mut k: Vec<u64> = n.title_words.iter().map(|w| w.rotate_left(29) ^ 0x2545_f491).collect();
        let mut top: Vec<&(u32, f32)> = v.entries.iter().collect();
        top.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        k.extend(top.iter().take(CONTENT_KEYS).map(|e| u64::from(e.0)));
        if let Some(i) = &n.implements {
            k.push(
                super::tokens::word_hashes(i).iter().fold(0x51_7cc1_b727_220a, |h, w| h.rotate_left(5) ^ w),
            );
        }
        k.sort_unstable();
        k.dedup();
        k
    };
    let mut postings: crate::text::FxMap<u64, Vec<u32>> = Default::default();
    for (p, &i) in xs.iter().enumerate() {
        for k in keys(&na[i], &vecs.0[p]) {
            postings.entry(k).or_default().push(p as u32);
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut shared = vec![0u32; xs.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (q, &j) in ys.iter().enumerate() {
        for k in keys(&nb[j], &vecs.1[q]) {
            match postings.get(&k) {
                Some(list) if list.len() <= COMMON_KEY => {
                    for &p in list {
                        let p = p as usize;
                        if shared[p] == 0 {
                            touched.push(p);
                        }
                        shared[p] += 1;
                    }
                }
                _ => {}
            }
        }
        touched.sort_unstable_by_key(|&p| (std::cmp::Reverse(shared[p]), p));
        out.extend(touched.iter().take(MAX_CANDIDATES).map(|&p| (p, q)));
        for p in touched.drain(..) {
            shared[p] = 0;
        }
    }
    // Children of paired parents, while their number is small.
    let mut kids_a: crate::text::FxMap<usize, Vec<usize>> = Default::default();
    let mut kids_b: crate::text::FxMap<usize, Vec<usize>> = Default::default();
    for (p, &i) in xs.iter().enumerate() {
        if let Some(parent) = pa[i] {
            kids_a.entry(parent).or_default().push(p);
        }
    }
    for (q, &j) in ys.iter().enumerate() {
        if let Some(parent) = pb[j] {
            kids_b.entry(parent).or_default().push(q);
        }
    }
    for ka in kids_a.values() {
        for kb in kids_b.values() {
            if ka.len() * kb.len() <= LINKED_PAIRS && linked(xs[ka[0]], ys[kb[0]]) {
                out.extend(ka.iter().flat_map(|&p| kb.iter().map(move |&q| (p, q))));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of node indices (into `nodes(a)`, `nodes(b)`) at every level, with scores.
pub(crate) fn align_nodes(na: &[Node], nb: &[Node]) -> Vec<(usize, usize, f32)> {
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    let (mut ta, mut tb) = (HashSet::new(), HashSet::new());
    // Each node's parent, and what each node of A is paired with, to ask whether two
    // nodes' parents are paired.
    let (pa, pb) = (parents(na), parents(nb));
    let mut paired_to: Vec<Option<usize>> = vec![None; na.len()];
    let max_depth = na.iter().chain(nb).map(|n| n.depth).max().unwrap_or(0);
    for depth in 1..=max_depth {
        let xs: Vec<usize> = (0..na.len()).filter(|&i| na[i].depth == depth).collect();
        let ys: Vec<usize> = (0..nb.len()).filter(|&j| nb[j].depth == depth).collect();
        let all: Vec<&Node> = xs.iter().map(|&i| &na[i]).chain(ys.iter().map(|&j| &nb[j])).collect();
        let vecs = vectors(&all);
        let (vx, vy) = vecs.split_at(xs.len());
        let pos = |n: &Node, len: usize| *n.index.last().unwrap() as f32 / len.max(1) as f32;
        let linked = |i: usize, j: usize| -> bool {
            depth == 1 || matches!((pa[i], pb[j]), (Some(p), Some(q)) if paired_to[p] == Some(q))
        };
        let mut cands = Vec::new();
        let mut consider = |p: usize, q: usize, content: &dyn Fn() -> f32| {
            let (i, j) = (xs[p], ys[q]);
            let (x, y) = (&na[i], &nb[j]);
            let linked = linked(i, j);
            // Level 2 may pair across parents (task groups under `II.` in one text and
            // `III.` in another); deeper levels only inside paired parents.
            if depth > 2 && !linked {
                return;
            }
            let bonus = if depth == 2 && linked { PARENT_BONUS } else { 0.0 };
            let s = (score(x, y, content) + bonus).min(1.0);
            cands.push((s, i, j, (pos(x, xs.len()) - pos(y, ys.len())).abs()));
        };
        if xs.len().saturating_mul(ys.len()) <= EXHAUSTIVE_PAIRS {
            // Each section of A against all of B: its weights spread by word id once
            // (ids are dense: 0..the number of words at this level).
            let words = vecs.iter().flat_map(|v| &v.entries).map(|e| e.0 as usize + 1).max().unwrap_or(0);
            let mut dense = vec![0.0f32; words];
            for (p, x) in vx.iter().enumerate() {
                for &(id, w) in &x.entries {
                    dense[id as usize] = w;
                }
                for (q, y) in vy.iter().enumerate() {
                    consider(p, q, &|| cosine_dense(&dense, x.norm, y));
                }
                for &(id, _) in &x.entries {
                    dense[id as usize] = 0.0;
                }
            }
        } else {
            for (p, q) in candidates(na, nb, &xs, &ys, (vx, vy), &linked, (&pa, &pb)) {
                consider(p, q, &|| cosine(&vx[p], &vy[q]));
            }
        }
        for (i, j, s) in assign(&mut cands, &mut ta, &mut tb) {
            paired_to[i] = Some(j);
            pairs.push((i, j, s));
        }
    }
    pairs
}

/// One aligned pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Path in A (`III.2`).
    pub a: String,
    /// Path in B.
    pub b: String,
    /// 0..1
    pub score: f32,
}

/// Alignment of the first two levels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// Paired sections, in A's order.
    pub pairs: Vec<Pair>,
    /// Paths of A's sections without a counterpart in B.
    pub only_a: Vec<String>,
    /// Paths of B's sections without a counterpart in A.
    pub only_b: Vec<String>,
}

/// Aligns the top-level and second-level sections of two documents.
pub fn align(a: &Document, b: &Document) -> Alignment {
    let (na, nb) = (nodes(a), nodes(b));
    let mut pairs = align_nodes(&na, &nb);
    pairs.retain(|&(i, j, _)| na[i].depth <= 2 && nb[j].depth <= 2);
    pairs.sort_by_key(|&(i, _, _)| na[i].index.clone());
    let paired_a: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_b: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    Alignment {
        pairs: pairs
            .iter()
            .map(|&(i, j, s)| Pair {
                a: na[i].path.clone(),
                b: nb[j].path.clone(),
                score: (s * 1000.0).round() / 1000.0,
            })
            .collect(),
        only_a: (0..na.len())
            .filter(|i| na[*i].depth <= 2 && !paired_a.contains(i))
            .map(|i| na[i].path.clone())
            .collect(),
        only_b: (0..nb.len())
            .filter(|j| nb[*j].depth <= 2 && !paired_b.contains(j))
            .map(|j| nb[j].path.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelKind;

    /// Section `k` of a document of many: a title and a paragraph of its own words.
    fn section(k: usize) -> Section {
        let mut s = Section::new(format!("{}.", k + 1), LabelKind::Arabic, format!("Nhiệm vụ t{k} số u{k}"));
        s.paragraphs.push(format!("- Triển khai v{k} và w{k} trên địa bàn x{k}."));
        s
    }

    #[test]
    fn dense_cosine_is_the_sparse_cosine_to_the_bit() {
        // Vectors of pseudo-random sparse weights over 64 words.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed >> 33
        };
        let mut vector = || {
            let mut entries: Vec<(u32, f32)> = Vec::new();
            for id in 0..64u32 {
                if next() % 3 == 0 {
                    entries.push((id, (next() % 1000) as f32 / 37.0 + 0.05));
                }
            }
            let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            Vector { entries, norm }
        };
        let vs: Vec<Vector> = (0..20).map(|_| vector()).collect();
        let mut dense = vec![0.0f32; 64];
        for x in &vs {
            for &(id, w) in &x.entries {
                dense[id as usize] = w;
            }
            for y in &vs {
                assert_eq!(cosine_dense(&dense, x.norm, y).to_bits(), cosine(x, y).to_bits());
            }
            for &(id, _) in &x.entries {
                dense[id as usize] = 0.0;
            }
        }
    }

    #[test]
    fn counts_are_summed_whatever_the_number_of_lists() {
        let lists: Vec<Vec<(u64, u32)>> =
            vec![vec![(1, 1), (5, 2)], vec![(2, 1), (5, 1)], vec![], vec![(1, 3), (9, 1)], vec![(0, 1)]];
        let refs: Vec<&[(u64, u32)]> = lists.iter().map(|l| &l[..]).collect();
        assert_eq!(sum_counts(&refs), vec![(0, 1), (1, 4), (2, 1), (5, 3), (9, 1)]);
        assert_eq!(sum_counts(&refs[..1]), lists[0]);
        assert_eq!(sum_counts(&[]), Vec::<(u64, u32)>::new());
    }

    #[test]
    fn subtree_words_are_counted_once_per_word() {
        let mut top = section(0);
        top.children = vec![section(0), section(1)];
        let d = Document { sections: vec![top], ..Document::default() };
        let ns = nodes(&d);
        let top = &ns[0].subtree;
        assert!(top.windows(2).all(|w| w[0].0 < w[1].0), "sorted, one entry per word");
        let total: u32 = top.iter().map(|e| e.1).sum();
        // The words of all three sections (two of them alike), counted.
        let all: usize = [section(0), section(0), section(1)]
            .iter()
            .map(|s| {
                word_hashes(&s.title).len() + s.paragraphs.iter().map(|p| word_hashes(p).len()).sum::<usize>()
            })
            .sum();
        assert_eq!(total as usize, all);
        let t0 = word_hashes("t0")[0];
        assert_eq!(top.iter().find(|e| e.0 == t0).map(|e| e.1), Some(2));
    }

    #[test]
    fn long_levels_align_through_the_index() {
        let n = 600;
        assert!(n * n > EXHAUSTIVE_PAIRS);
        let a = Document { sections: (0..n).map(section).collect(), ..Document::default() };
        // B: the same sections in reverse order, every tenth one missing.
        let b = Document {
            sections: (0..n).rev().filter(|k| k % 10 != 0).map(section).collect(),
            ..Document::default()
        };
        let (na, nb) = (nodes(&a), nodes(&b));
        let pairs = align_nodes(&na, &nb);
        assert_eq!(pairs.len(), n - n / 10);
        for (i, j, s) in pairs {
            assert_eq!(a.sections[na[i].index[0]], b.sections[nb[j].index[0]]);
            assert!(s > 0.9);
        }
    }

    #[test]
    fn parents_in_pre_order() {
        let mut top = section(0);
        top.children = vec![section(1), section(2)];
        top.children[0].children.push(section(3));
        let d = Document { sections: vec![top, section(4)], ..Document::default() };
        let ns = nodes(&d);
        let paths: Vec<&str> = ns.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, ["1", "1.2", "1.2.4", "1.3", "5"]);
        assert_eq!(parents(&ns), [None, Some(0), Some(1), Some(0), None]);
    }
}
