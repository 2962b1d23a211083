//! Section alignment by meaning: titles (word pairs, so `MỤC TIÊU` meets `QUAN ĐIỂM,
//! MỤC TIÊU` but not `MỤC ĐÍCH, YÊU CẦU`), content (words weighted by rarity across
//! both documents), and the parent links of scaffolded drafts. Labels are ignored:
//! `III.2` of one province pairs with `II.2` of another.

use super::tokens::{bag, words, Bag};
use crate::model::{path_segments, Document, Section};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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
    title_pairs: HashSet<String>,
    title_words: HashSet<String>,
    subtree: Bag,
    implements: Option<String>,
}

fn collect(secs: &[Section], prefix: &str, index: &mut Vec<usize>, out: &mut Vec<Node>) {
    for (i, (s, seg)) in secs.iter().zip(path_segments(secs)).enumerate() {
        let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
        index.push(i);
        let tw: Vec<String> = words(&s.title).collect();
        let mut texts: Vec<&str> = Vec::new();
        fn all<'a>(s: &'a Section, texts: &mut Vec<&'a str>) {
            texts.push(&s.title);
            texts.extend(s.paragraphs.iter().map(String::as_str));
            for c in &s.children {
                all(c, texts);
            }
        }
        all(s, &mut texts);
        out.push(Node {
            index: index.clone(),
            path: path.clone(),
            depth: index.len(),
            title_pairs: tw.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect(),
            title_words: tw.into_iter().collect(),
            subtree: bag(texts),
            implements: s.implements.clone(),
        });
        collect(&s.children, &path, index, out);
        index.pop();
    }
}

pub(crate) fn nodes(d: &Document) -> Vec<Node> {
    let mut out = Vec::new();
    collect(&d.sections, "", &mut Vec::new(), &mut out);
    out
}

fn overlap<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / n as f32
}

fn title_sim(x: &Node, y: &Node) -> f32 {
    if !x.title_pairs.is_empty() && !y.title_pairs.is_empty() {
        overlap(&x.title_pairs, &y.title_pairs)
    } else {
        overlap(&x.title_words, &y.title_words)
    }
}

/// Cosine of rarity-weighted word counts.
fn content_sim(x: &Bag, y: &Bag, idf: &HashMap<String, f32>) -> f32 {
    let w = |k: &str| idf.get(k).copied().unwrap_or(1.0);
    let dot: f32 =
        x.iter().filter_map(|(k, a)| y.get(k).map(|b| (*a as f32) * (*b as f32) * w(k) * w(k))).sum();
    let norm = |b: &Bag| b.iter().map(|(k, n)| (*n as f32 * w(k)).powi(2)).sum::<f32>().sqrt();
    let d = norm(x) * norm(y);
    if d == 0.0 {
        0.0
    } else {
        dot / d
    }
}

fn idf(nodes: &[&Node]) -> HashMap<String, f32> {
    let mut df: HashMap<&str, u32> = HashMap::new();
    for n in nodes {
        for k in n.subtree.keys() {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let total = nodes.len() as f32;
    df.into_iter().map(|(k, d)| (k.to_string(), ((total + 1.0) / (d as f32 + 1.0)).ln() + 0.05)).collect()
}

fn score(x: &Node, y: &Node, idf: &HashMap<String, f32>) -> f32 {
    if let (Some(i), Some(j)) = (&x.implements, &y.implements) {
        if i == j {
            return 1.0;
        }
    }
    let content = content_sim(&x.subtree, &y.subtree, idf);
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

/// Pairs of node indices (into `nodes(a)`, `nodes(b)`) at every level, with scores.
pub(crate) fn align_nodes(na: &[Node], nb: &[Node]) -> Vec<(usize, usize, f32)> {
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    let (mut ta, mut tb) = (HashSet::new(), HashSet::new());
    let parent = |n: &Node| n.index[..n.index.len() - 1].to_vec();
    let paired_parents = |pairs: &[(usize, usize, f32)], x: &Node, y: &Node| {
        pairs.iter().any(|&(i, j, _)| na[i].index == parent(x) && nb[j].index == parent(y))
    };
    let max_depth = na.iter().chain(nb).map(|n| n.depth).max().unwrap_or(0);
    for depth in 1..=max_depth {
        let xs: Vec<usize> = (0..na.len()).filter(|&i| na[i].depth == depth).collect();
        let ys: Vec<usize> = (0..nb.len()).filter(|&j| nb[j].depth == depth).collect();
        let all: Vec<&Node> = xs.iter().map(|&i| &na[i]).chain(ys.iter().map(|&j| &nb[j])).collect();
        let idf = idf(&all);
        let pos = |n: &Node, len: usize| *n.index.last().unwrap() as f32 / len.max(1) as f32;
        let mut cands = Vec::new();
        for &i in &xs {
            for &j in &ys {
                let (x, y) = (&na[i], &nb[j]);
                let linked = depth == 1 || paired_parents(&pairs, x, y);
                // Level 2 may pair across parents (task groups under `II.` in one text and
                // `III.` in another); deeper levels only inside paired parents.
                if depth > 2 && !linked {
                    continue;
                }
                let bonus = if depth == 2 && linked { PARENT_BONUS } else { 0.0 };
                let s = (score(x, y, &idf) + bonus).min(1.0);
                cands.push((s, i, j, (pos(x, xs.len()) - pos(y, ys.len())).abs()));
            }
        }
        pairs.extend(assign(&mut cands, &mut ta, &mut tb));
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
    pub pairs: Vec<Pair>,
    pub only_a: Vec<String>,
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
