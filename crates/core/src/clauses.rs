//! Clause mining: the near-identical sentences that provinces write for the same
//! section of the parent resolution, grouped, attached to the parent section they
//! serve, with a representative wording in which the province's names are placeholders
//! (`{tỉnh}`, `{Tỉnh ủy}`, `{năm}`), and where each wording came from.
//!
//! Pure: documents in, clauses out. The store indexes what this produces.

use crate::compare::align::{align_nodes, nodes};
use crate::compare::tokens::{strip_marker, word_hashes};
use crate::model::Document;
use crate::text::{fold, FxMap};
use serde::Serialize;

/// Sentences sharing this share of their word triples are one clause.
const SAME_CLAUSE: f32 = 0.5;
/// A sentence whose word triples stand this much in another's is the same clause,
/// shortened or extended ...
const SAME_WORDING: f32 = 0.7;
/// ... when it has at least this many triples.
const MIN_CONTAINED: usize = 8;
/// Sentences shorter than this (in syllables) are not clauses.
const MIN_WORDS: usize = 5;
/// A triple found in more sentences than this is too common to find candidates by.
const COMMON_TRIPLE: usize = 400;

/// A document offered for mining.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// How the document is named in provenance (a file name or a store id).
    pub name: String,
    pub doc: &'a Document,
}

/// Where one wording of a clause came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub document: String,
    pub province: Option<String>,
    /// Section path in that document (`III.3`).
    pub section: String,
    /// The sentence as written.
    pub text: String,
}

/// A clause: one wording shared by several documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// Parent section it serves (`45-NQ/TW#III.3`), when known.
    pub parent_section: Option<String>,
    /// Representative wording with placeholders.
    pub template: String,
    /// Distinct provinces that use it.
    pub provinces: Vec<String>,
    pub occurrences: Vec<Occurrence>,
}

/// Sentences of a paragraph: split after `.`, `!` or `?` followed by a capital;
/// list markers removed.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let text = strip_marker(paragraph.trim()).trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?')
            && chars.get(k + 1).is_some_and(|(_, n)| *n == ' ')
            && chars.get(k + 2).is_some_and(|(_, n)| n.is_uppercase())
        {
            out.push(text[start..i + 1].trim().to_string());
            start = chars[k + 2].0;
        }
    }
    out.push(text[start..].trim().to_string());
    out.retain(|s| s.split_whitespace().count() >= MIN_WORDS);
    out
}

/// A sentence with the document's own names made placeholders: its province
/// (`{tỉnh}`), the provincial Party committee (`{Tỉnh ủy}`), and its year (`{năm}`).
pub fn generalise(sentence: &str, province: Option<&str>, year: Option<u16>) -> String {
    let mut s = sentence.to_string();
    if let Some(p) = province {
        s = replace_folded(&s, p, "{tỉnh}");
    }
    for committee in ["Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ"] {
        s = s.replace(committee, "{Tỉnh ủy}");
    }
    if let Some(y) = year {
        s = s.replace(&y.to_string(), "{năm}");
    }
    s
}

/// Fills a template's placeholders for a province (city or province) and a year.
pub fn fill(template: &str, province: &str, city: bool, year: Option<u16>) -> String {
    let mut s =
        template.replace("{tỉnh}", province).replace("{Tỉnh ủy}", if city { "Thành ủy" } else { "Tỉnh ủy" });
    if let Some(y) = year {
        s = s.replace("{năm}", &y.to_string());
    }
    s
}

/// Replaces `name` in `s` wherever it appears, ignoring tone-mark placement and case.
fn replace_folded(s: &str, name: &str, with: &str) -> String {
    let target = fold(name);
    let n = name.chars().count();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < chars.len() {
        let end = k + n;
        let left_ok = k == 0 || !crate::text::is_word_char(chars[k - 1]);
        let right_ok = end >= chars.len() || !crate::text::is_word_char(chars[end]);
        if end <= chars.len() && left_ok && right_ok {
            let piece: String = chars[k..end].iter().collect();
            if fold(&piece) == target {
                out.push_str(with);
                k = end;
                continue;
            }
        }
        out.push(chars[k]);
        k += 1;
    }
    out
}

fn triples(text: &str) -> Vec<u64> {
    let w = word_hashes(text);
    let mut t: Vec<u64> = if w.len() < 3 {
        w.clone()
    } else {
        w.windows(3).map(|x| x[0].rotate_left(21) ^ x[1].rotate_left(7) ^ x[2]).collect()
    };
    t.sort_unstable();
    t.dedup();
    t
}

fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let common = crate::compare::tokens::common_sorted(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f32 / union as f32
    }
}

struct Sentence {
    doc: usize,
    section: String,
    parent_section: Option<String>,
    text: String,
    general: String,
    triples: Vec<u64>,
}

/// Mines the clauses that two or more provinces share. `parent` is the parent
/// document's scaffold as a draft (its sections carry `implements` links), used to
/// attach every source section to the parent section it serves.
pub fn mine(parent: &Document, sources: &[Source]) -> Vec<Clause> {
    let np = nodes(parent);
    let mut all: Vec<Sentence> = Vec::new();
    for (d, src) in sources.iter().enumerate() {
        let doc = src.doc;
        let ns = nodes(doc);
        let mut link: FxMap<Vec<usize>, String> = FxMap::default();
        for (i, j, _) in align_nodes(&np, &ns) {
            let s = crate::compare::diff::section_by_index(&parent.sections, &np[i].index);
            if let Some(l) = &s.implements {
                link.insert(ns[j].index.clone(), l.clone());
            }
        }
        let year = doc.place_date.as_ref().and_then(|p| p.year);
        for n in &ns {
            let s = crate::compare::diff::section_by_index(&doc.sections, &n.index);
            // The nearest aligned ancestor gives the parent section.
            let parent_section = (1..=n.index.len()).rev().find_map(|k| link.get(&n.index[..k]).cloned());
            let texts = std::iter::once(s.title.as_str()).chain(s.paragraphs.iter().map(String::as_str));
            for t in texts.flat_map(sentences) {
                let general = generalise(&t, doc.province.as_deref(), year);
                let tr = triples(&general);
                all.push(Sentence {
                    doc: d,
                    section: n.path.clone(),
                    parent_section: parent_section.clone(),
                    text: t,
                    general,
                    triples: tr,
                });
            }
        }
    }

    // Each sentence joins the most similar representative (Jaccard >= 0.5) or becomes
    // one: groups gather around a wording and cannot chain from one sentence to a
    // different one through intermediate near-misses.
    let mut reps: Vec<usize> = Vec::new();
    let mut rep_postings: FxMap<u64, Vec<usize>> = FxMap::default(); // triple -> rep index
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..all.len() {
        let mut shared: FxMap<usize, u32> = FxMap::default();
        for t in &all[i].triples {
            if let Some(list) = rep_postings.get(t) {
                if list.len() > COMMON_TRIPLE {
                    continue;
                }
                for &r in list {
                    *shared.entry(r).or_default() += 1;
                }
            }
        }
        let best = shared
            .into_iter()
            .filter_map(|(r, n)| {
                let (a, b) = (&all[i].triples, &all[reps[r]].triples);
                // A shortened or extended wording: most of the shorter one's triples
                // stand in the longer one.
                let small = a.len().min(b.len());
                let contained = small >= MIN_CONTAINED && n as f32 >= SAME_WORDING * small as f32;
                let j = jaccard(a, b);
                (j >= SAME_CLAUSE || contained).then_some((j.max(n as f32 / small.max(1) as f32 - 0.3), r))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, r)) => groups[r].push(i),
            None => {
                let r = reps.len();
                reps.push(i);
                groups.push(vec![i]);
                for t in &all[i].triples {
                    rep_postings.entry(*t).or_default().push(r);
                }
            }
        }
    }

    // Representatives of one clause that began apart (the order of reading decides
    // who represents) are merged.
    let mut root: Vec<usize> = (0..reps.len()).collect();
    fn top(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    // A sentence like two representatives (its own and another) joins their groups:
    // one hop through a member, never further.
    let mut group_of: Vec<usize> = vec![0; all.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    for i in 0..all.len() {
        let r = group_of[i];
        let mut shared: FxMap<usize, u32> = FxMap::default();
        for t in &all[i].triples {
            let Some(list) = rep_postings.get(t) else { continue };
            if list.len() <= COMMON_TRIPLE {
                for &q in list.iter().filter(|&&q| q != r) {
                    *shared.entry(q).or_default() += 1;
                }
            }
        }
        for (q, n) in shared {
            let (a, b) = (&all[i].triples, &all[reps[q]].triples);
            let small = a.len().min(b.len());
            if jaccard(a, b) >= SAME_CLAUSE
                || (small >= MIN_CONTAINED && n as f32 >= SAME_WORDING * small as f32)
            {
                let (x, y) = (top(&mut root, r), top(&mut root, q));
                root[x] = y;
            }
        }
    }
    let mut merged: FxMap<usize, Vec<usize>> = FxMap::default();
    for (r, g) in groups.into_iter().enumerate() {
        let t = top(&mut root, r);
        merged.entry(t).or_default().extend(g);
    }

    let mut clauses: Vec<Clause> = Vec::new();
    for members in merged.into_values() {
        let mut provinces: Vec<String> = members
            .iter()
            .map(|&i| {
                sources[all[i].doc].doc.province.clone().unwrap_or_else(|| sources[all[i].doc].name.clone())
            })
            .collect();
        provinces.sort();
        provinces.dedup();
        if provinces.len() < 2 {
            continue;
        }
        // The wording closest to all the others represents the group.
        let medoid = *members
            .iter()
            .max_by(|&&x, &&y| {
                let score = |a: usize| {
                    members.iter().map(|&b| jaccard(&all[a].triples, &all[b].triples)).sum::<f32>()
                };
                score(x).total_cmp(&score(y))
            })
            .unwrap();
        let mut votes: FxMap<String, usize> = FxMap::default();
        for &i in &members {
            if let Some(p) = &all[i].parent_section {
                *votes.entry(p.clone()).or_default() += 1;
            }
        }
        let parent_section =
            votes.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(p, _)| p);
        clauses.push(Clause {
            parent_section,
            template: all[medoid].general.clone(),
            provinces,
            occurrences: members
                .iter()
                .map(|&i| Occurrence {
                    document: sources[all[i].doc].name.clone(),
                    province: sources[all[i].doc].doc.province.clone(),
                    section: all[i].section.clone(),
                    text: all[i].text.clone(),
                })
                .collect(),
        });
    }
    clauses.sort_by(|a, b| b.provinces.len().cmp(&a.provinces.len()).then(a.template.cmp(&b.template)));
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_full_stops_before_capitals() {
        let s = sentences("- Đổi mới công tác quản lý khoa học, công nghệ. Chú trọng nâng cao tính ứng dụng của các đề tài. Năm 2030 đạt 5.5 triệu.");
        assert_eq!(
            s,
            vec![
                "Đổi mới công tác quản lý khoa học, công nghệ.",
                "Chú trọng nâng cao tính ứng dụng của các đề tài.",
                "Năm 2030 đạt 5.5 triệu."
            ]
        );
    }

    #[test]
    fn placeholders_round_trip() {
        let t = generalise(
            "Quỹ phát triển khoa học và công nghệ tỉnh Cao Bằng thuộc Tỉnh uỷ quản lý năm 2024",
            Some("Cao Bằng"),
            Some(2024),
        );
        assert_eq!(t, "Quỹ phát triển khoa học và công nghệ tỉnh {tỉnh} thuộc {Tỉnh ủy} quản lý năm {năm}");
        let f = fill(&t, "Quảng Ninh", false, Some(2026));
        assert_eq!(f, "Quỹ phát triển khoa học và công nghệ tỉnh Quảng Ninh thuộc Tỉnh ủy quản lý năm 2026");
        assert!(!f.contains("Cao Bằng"));
        assert_eq!(
            fill(&t, "Cần Thơ", true, None),
            "Quỹ phát triển khoa học và công nghệ tỉnh Cần Thơ thuộc Thành ủy quản lý năm {năm}"
        );
    }
}
