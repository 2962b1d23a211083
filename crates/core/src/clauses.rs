//! Clause mining: the near-identical sentences that provinces write for the same
//! section of the parent resolution, grouped, attached to the parent section they
//! serve, with a representative wording in which the province's names are placeholders
//! (`{tỉnh}`, `{Tỉnh ủy}`, `{năm}`), and where each wording came from.
//!
//! Pure: documents in, clauses out. The store indexes what this produces.

use crate::compare::align::{align_nodes, nodes};
use crate::compare::tokens::{strip_marker, word_hashes};
use crate::generic::{kind_of_heading, GenericKind, Resolution};
use crate::model::Document;
use crate::placeholder;
use crate::places::Gazetteer;
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
/// A triple shared by more representative wordings than this is too common to find
/// candidates by (the store's incremental mining uses the same bound).
pub const COMMON_TRIPLE: usize = 400;

/// A document offered for mining.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// How the document is named in provenance (a file name or a store id).
    pub name: String,
    /// The parsed document.
    pub doc: &'a Document,
}

/// Where one wording of a clause came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// The document it appears in (a source name).
    pub document: String,
    /// That document's province.
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
    /// The generic kind of section it serves (the same for every resolution), when
    /// most of its wordings are free of the resolution's names.
    pub kind: Option<GenericKind>,
    /// Its distinct wordings, most used first.
    pub variants: Vec<Variant>,
    /// Every appearance, with its source.
    pub occurrences: Vec<Occurrence>,
}

/// One wording of a clause (with placeholders) and the provinces that wrote it so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The wording, with the province's names as placeholders.
    pub template: String,
    /// The provinces that wrote it, sorted.
    pub provinces: Vec<String>,
}

/// The distinct wordings of a group's members, the one most provinces wrote first (on
/// a tie, the one seen first).
pub fn variants(members: &[Member]) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::new();
    for m in members {
        match out.iter_mut().find(|v| v.template == m.general) {
            Some(v) => {
                if !v.provinces.iter().any(|p| p == m.province) {
                    v.provinces.push(m.province.to_string());
                }
            }
            None => {
                out.push(Variant { template: m.general.to_string(), provinces: vec![m.province.to_string()] })
            }
        }
    }
    for v in &mut out {
        v.provinces.sort();
    }
    out.sort_by_key(|v| std::cmp::Reverse(v.provinces.len()));
    out
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

/// The clause units of a paragraph: its [`sentences`], each split again after `;`
/// (a province that rewrote one clause of a long sentence still shares the others).
/// A piece shorter than the shortest clause stays with the piece before it (the
/// first, with the one after); the `;` that ends a piece is dropped.
pub fn clause_units(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in sentences(paragraph) {
        let mut pieces: Vec<String> = Vec::new();
        let mut pending = String::new();
        for part in sentence.split("; ") {
            if !pending.is_empty() {
                pending.push_str("; ");
            }
            pending.push_str(part);
            if pending.split_whitespace().count() >= MIN_WORDS {
                pieces.push(std::mem::take(&mut pending));
            }
        }
        if !pending.is_empty() {
            match pieces.last_mut() {
                Some(last) => {
                    last.push_str("; ");
                    last.push_str(&pending);
                }
                None => pieces.push(pending),
            }
        }
        out.extend(pieces.into_iter().filter(|p| p.split_whitespace().count() >= MIN_WORDS));
    }
    out
}

/// A sentence with the document's own names made placeholders: its province
/// (`{tỉnh}`), the provincial Party committee (`{Tỉnh ủy}`), and its year (`{năm}`).
pub fn generalise(sentence: &str, province: Option<&str>, year: Option<u16>) -> String {
    let hole = |name: &str| format!("{{{name}}}");
    let mut s = sentence.to_string();
    if let Some(p) = province {
        s = replace_folded(&s, p, &hole(placeholder::PROVINCE));
    }
    for committee in ["Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ"] {
        s = s.replace(committee, &hole(placeholder::COMMITTEE));
    }
    if let Some(y) = year {
        s = s.replace(&y.to_string(), &hole(placeholder::YEAR));
    }
    s
}

/// Fills a template's placeholders for a province (city or province) and a year.
pub fn fill(template: &str, province: &str, city: bool, year: Option<u16>) -> String {
    let year = year.map(|y| y.to_string());
    let mut vars = vec![
        (placeholder::PROVINCE, province),
        (placeholder::COMMITTEE, if city { "Thành ủy" } else { "Tỉnh ủy" }),
    ];
    if let Some(y) = &year {
        vars.push((placeholder::YEAR, y));
    }
    placeholder::fill(template, &vars)
}

/// Fills a template for a province or city named in any spelling `places` knows (a
/// city gets `Thành ủy`), and a year.
pub fn fill_for(template: &str, province: &str, year: Option<u16>, places: &Gazetteer) -> String {
    let name = places.lookup(province).unwrap_or(province);
    fill(template, name, places.is_city(name), year)
}

/// Fills a template for a draft: its province or city (any spelling `places` knows;
/// none leaves the province's placeholders), its year, and the names of the resolution
/// it implements (a clause from another resolution's programmes then names the
/// draft's own, see [`Resolution::fill`]). The text starts with a capital, as the
/// paragraph it becomes: a clause cut from a sentence after `;` starts in lower case.
///
/// ```
/// use banthao_core::clauses::fill_for_draft;
/// let t = "xử lý nghiêm hành vi vi phạm pháp luật tại {tỉnh}";
/// let f = fill_for_draft(t, Some("Cao Bằng"), None, None, banthao_core::builtin_places());
/// assert_eq!(f, "Xử lý nghiêm hành vi vi phạm pháp luật tại Cao Bằng");
/// ```
pub fn fill_for_draft(
    template: &str,
    province: Option<&str>,
    year: Option<u16>,
    resolution: Option<&Resolution>,
    places: &Gazetteer,
) -> String {
    let t = match resolution {
        Some(r) => r.fill(template),
        None => template.to_string(),
    };
    let filled = match province {
        Some(p) => fill_for(&t, p, year, places),
        None => t,
    };
    capitalised(&filled)
}

/// `s` with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// Replaces `name` in `s` wherever it appears, ignoring tone-mark placement and case.
pub(crate) fn replace_folded(s: &str, name: &str, with: &str) -> String {
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

/// The sorted, distinct word-triple hashes of a text: what similarity is measured on.
/// Stable across runs and versions (FNV of folded words), so stores may keep them.
pub fn triples(text: &str) -> Vec<u64> {
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

/// A sentence of a document, ready to be grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct Mined {
    /// Section path in its document (`III.3`).
    pub section: String,
    /// The parent section it serves (`45-NQ/TW#III.3`), by alignment.
    pub parent_section: Option<String>,
    /// As written.
    pub text: String,
    /// With the document's names as placeholders.
    pub general: String,
    /// Its word-triple hashes (see [`triples`]).
    pub triples: Vec<u64>,
    /// The generic kind of its section (or nearest ancestor's) when the sentence
    /// names nothing of its resolution once generalised: it may then serve a
    /// programme of another resolution.
    pub kind: Option<GenericKind>,
}

/// The sentences of `doc` that may be clauses, each attached to the parent section it
/// serves by aligning `doc` with `parent` (the parent's scaffold as a draft, whose
/// sections carry `implements` links). The names of the resolution `doc` implements
/// ([`Resolution::of_document`]) become placeholders too.
pub fn extract(parent: &Document, doc: &Document) -> Vec<Mined> {
    let np = nodes(parent);
    let ns = nodes(doc);
    let mut link: FxMap<Vec<usize>, String> = FxMap::default();
    for (i, j, _) in align_nodes(&np, &ns) {
        let s = crate::compare::diff::section_by_index(&parent.sections, &np[i].index);
        if let Some(l) = &s.implements {
            link.insert(ns[j].index.clone(), l.clone());
        }
    }
    let year = doc.place_date.as_ref().and_then(|p| p.year);
    let res = Resolution::of_document(doc);
    let mut kinds: FxMap<Vec<usize>, Option<GenericKind>> = FxMap::default();
    let mut out = Vec::new();
    for n in &ns {
        let s = crate::compare::diff::section_by_index(&doc.sections, &n.index);
        // Nodes come parents first: a section's kind is its heading's or its parent's.
        let inherited = kinds.get(&n.index[..n.index.len().saturating_sub(1)]).copied().flatten();
        let kind = kind_of_heading(&s.title).or(inherited);
        kinds.insert(n.index.clone(), kind);
        // The nearest aligned ancestor gives the parent section.
        let parent_section = (1..=n.index.len()).rev().find_map(|k| link.get(&n.index[..k]).cloned());
        // A heading is one unit; a paragraph's sentences split into their clauses.
        let units = sentences(&s.title).into_iter().chain(s.paragraphs.iter().flat_map(|p| clause_units(p)));
        for text in units {
            let named = match &res {
                Some(r) => r.generalise(&text),
                None => text.clone(),
            };
            let general = generalise(&named, doc.province.as_deref(), year);
            let triples = triples(&general);
            let kind = res.as_ref().and_then(|r| kind.filter(|_| !r.is_specific(&general)));
            out.push(Mined {
                section: n.path.clone(),
                parent_section: parent_section.clone(),
                text,
                general,
                triples,
                kind,
            });
        }
    }
    out
}

/// The fewest triples a representative must share with a sentence of `n` triples to
/// possibly be the same clause (a cheap filter before [`place`]): Jaccard ≥ 0.5 needs
/// half of them, containment needs six.
pub fn min_shared(n: usize) -> usize {
    n.div_ceil(2).clamp(1, 6)
}

/// How a sentence stands to a representative wording: `None` when they are different
/// clauses, else a score (higher is closer) and whether the sentence is a shared core
/// of the wording (shorter, standing in it, but not alike as a whole).
fn likeness(a: &[u64], b: &[u64]) -> Option<(f32, bool)> {
    let n = crate::compare::tokens::common_sorted(a, b);
    // A shortened or extended wording: most of the shorter one's triples stand in the
    // longer one.
    let small = a.len().min(b.len());
    let contained = small >= MIN_CONTAINED && n as f32 >= SAME_WORDING * small as f32;
    let j = jaccard(a, b);
    let core = contained && j < SAME_CLAUSE && a.len() < b.len();
    (j >= SAME_CLAUSE || contained).then_some((j.max(n as f32 / small.max(1) as f32 - 0.3), core))
}

/// Where a new sentence goes among the representative wordings seen so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement<R> {
    /// Like none: the sentence becomes a representative of a new group.
    New,
    /// Joins `rep`'s group; the groups of `also` (other representatives it is like)
    /// are the same clause and merge into it. One hop, never further: groups gather
    /// around wordings and cannot chain through near-misses.
    Join {
        /// The wording it joins.
        rep: R,
        /// Other wordings it is also like, whose groups merge into `rep`'s.
        also: Vec<R>,
        /// The sentence is a shared core of `rep` (a shortened wording): it becomes
        /// another representative of the group, so that a later rewording that keeps
        /// the core but changes the rest still joins.
        core: bool,
    },
}

/// Places a sentence given candidate representatives (`id`, triples); the closest
/// wins, the earliest (smallest id) on a tie.
pub fn place<'a, R: Copy + Ord>(
    triples: &[u64],
    candidates: impl IntoIterator<Item = (R, &'a [u64])>,
) -> Placement<R> {
    let mut like: Vec<(f32, R, bool)> = candidates
        .into_iter()
        .filter_map(|(r, b)| likeness(triples, b).map(|(s, core)| (s, r, core)))
        .collect();
    let Some(best) = like.iter().copied().max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1))) else {
        return Placement::New;
    };
    like.retain(|x| x.1 != best.1);
    let mut also: Vec<R> = like.into_iter().map(|x| x.1).collect();
    also.sort();
    also.dedup();
    Placement::Join { rep: best.1, also, core: best.2 }
}

/// A member of a group, as [`summarise`] needs it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// Province (or the document's name when it has none).
    pub province: &'a str,
    /// The wording with the names as placeholders.
    pub general: &'a str,
    /// The parent section its document aligned it with.
    pub parent_section: Option<&'a str>,
    /// Its generic kind (see [`Mined::kind`]).
    pub kind: Option<GenericKind>,
}

/// What a group of sentences offers as a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The most used wording.
    pub template: String,
    /// The provinces that wrote it.
    pub provinces: Vec<String>,
    /// The parent section most members serve.
    pub parent_section: Option<String>,
    /// The generic kind more than half of the members have.
    pub kind: Option<GenericKind>,
}

/// A group's clause: `None` unless two or more provinces share it. The wording most
/// members use represents it (on a tie, the one closest to the other tied wordings);
/// the parent section most members serve is its place.
pub fn summarise(members: &[Member]) -> Option<Summary> {
    let mut provinces: Vec<&str> = members.iter().map(|m| m.province).collect();
    provinces.sort_unstable();
    provinces.dedup();
    if provinces.len() < 2 {
        return None;
    }
    let mut wordings: Vec<(&str, usize)> = Vec::new();
    let mut at: FxMap<&str, usize> = FxMap::default();
    for m in members {
        let k = *at.entry(m.general).or_insert_with(|| {
            wordings.push((m.general, 0));
            wordings.len() - 1
        });
        wordings[k].1 += 1;
    }
    let top = wordings.iter().map(|w| w.1).max().unwrap_or(0);
    // Bounded: the first 32 tied wordings are compared with each other.
    let tied: Vec<(&str, Vec<u64>)> =
        wordings.iter().filter(|w| w.1 == top).take(32).map(|w| (w.0, triples(w.0))).collect();
    let template = tied
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            let score = |x: &[u64]| tied.iter().map(|t| jaccard(x, &t.1)).sum::<f32>();
            score(&a.1).total_cmp(&score(&b.1)).then(j.cmp(i))
        })
        .map(|(_, t)| t.0.to_string())?;
    let mut votes: FxMap<&str, usize> = FxMap::default();
    for p in members.iter().filter_map(|m| m.parent_section) {
        *votes.entry(p).or_default() += 1;
    }
    let parent_section =
        votes.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(p, _)| p.to_string());
    let mut kinds: Vec<(GenericKind, usize)> = Vec::new();
    for k in members.iter().filter_map(|m| m.kind) {
        match kinds.iter_mut().find(|x| x.0 == k) {
            Some(x) => x.1 += 1,
            None => kinds.push((k, 1)),
        }
    }
    let kind = kinds.into_iter().find(|x| 2 * x.1 > members.len()).map(|x| x.0);
    Some(Summary {
        template,
        provinces: provinces.into_iter().map(str::to_string).collect(),
        parent_section,
        kind,
    })
}

/// Mines the clauses that two or more provinces share, reading the documents in order
/// (a store that adds the same documents one by one with [`extract`], [`place`] and
/// [`summarise`] finds the same groups). `parent` is the parent document's scaffold as
/// a draft (see [`extract`]).
pub fn mine(parent: &Document, sources: &[Source]) -> Vec<Clause> {
    let mut all: Vec<(usize, Mined)> = Vec::new();
    for (d, src) in sources.iter().enumerate() {
        all.extend(extract(parent, src.doc).into_iter().map(|m| (d, m)));
    }
    let mut reps: Vec<usize> = Vec::new(); // rep -> its sentence
    let mut rep_group: Vec<usize> = Vec::new();
    let mut postings: FxMap<u64, Vec<usize>> = FxMap::default(); // triple -> reps
    let mut root: Vec<usize> = Vec::new(); // group -> merged into
    fn top(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    let mut group_of: Vec<usize> = Vec::with_capacity(all.len());
    for i in 0..all.len() {
        let tr = &all[i].1.triples;
        let mut shared: FxMap<usize, usize> = FxMap::default();
        for t in tr {
            match postings.get(t) {
                Some(list) if list.len() <= COMMON_TRIPLE => {
                    for &r in list {
                        *shared.entry(r).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let need = min_shared(tr.len());
        let cands =
            shared.into_iter().filter(|&(_, n)| n >= need).map(|(r, _)| (r, &all[reps[r]].1.triples[..]));
        match place(tr, cands) {
            Placement::New => {
                let r = reps.len();
                reps.push(i);
                rep_group.push(root.len());
                group_of.push(root.len());
                root.push(root.len());
                for t in tr {
                    postings.entry(*t).or_default().push(r);
                }
            }
            Placement::Join { rep, also, core } => {
                let g = top(&mut root, rep_group[rep]);
                for q in also {
                    let h = top(&mut root, rep_group[q]);
                    root[h] = g;
                }
                group_of.push(g);
                if core {
                    let r = reps.len();
                    reps.push(i);
                    rep_group.push(g);
                    for t in tr {
                        postings.entry(*t).or_default().push(r);
                    }
                }
            }
        }
    }
    let mut groups: FxMap<usize, Vec<usize>> = FxMap::default();
    for (i, g) in group_of.iter().enumerate() {
        groups.entry(top(&mut root, *g)).or_default().push(i);
    }
    let province = |d: usize| sources[d].doc.province.clone().unwrap_or_else(|| sources[d].name.clone());
    let mut clauses: Vec<Clause> = Vec::new();
    for members in groups.into_values() {
        let names: Vec<String> = members.iter().map(|&i| province(all[i].0)).collect();
        let view: Vec<Member> = members
            .iter()
            .zip(&names)
            .map(|(&i, p)| Member {
                province: p,
                general: &all[i].1.general,
                parent_section: all[i].1.parent_section.as_deref(),
                kind: all[i].1.kind,
            })
            .collect();
        let Some(summary) = summarise(&view) else { continue };
        clauses.push(Clause {
            parent_section: summary.parent_section,
            template: summary.template,
            provinces: summary.provinces,
            kind: summary.kind,
            variants: variants(&view),
            occurrences: members
                .iter()
                .map(|&i| Occurrence {
                    document: sources[all[i].0].name.clone(),
                    province: sources[all[i].0].doc.province.clone(),
                    section: all[i].1.section.clone(),
                    text: all[i].1.text.clone(),
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
    fn clause_units_split_after_semicolons_keeping_short_pieces_attached() {
        let u = clause_units(
            "Tăng cường quản lý; rà soát, hoàn thiện cơ chế, chính sách; xử lý nghiêm hành vi vi phạm pháp luật; kịp thời. Câu sau có đủ năm chữ.",
        );
        assert_eq!(
            u,
            vec![
                "Tăng cường quản lý; rà soát, hoàn thiện cơ chế, chính sách",
                "xử lý nghiêm hành vi vi phạm pháp luật; kịp thời.",
                "Câu sau có đủ năm chữ.",
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
