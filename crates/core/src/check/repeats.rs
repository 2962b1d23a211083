//! Repeats: a paragraph or bullet of the body that nearly repeats an earlier one
//! (word triples shared, Jaccard ≥ 0.8), found through an index of triples.

use super::scan::Token;
use super::{Finding, Severity, Unit};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Paragraphs shorter than this many words are not compared (short bullets repeat
/// legitimately: `- Văn phòng Tỉnh ủy`).
const MIN_WORDS: usize = 10;
/// The share of word triples two paragraphs must share.
const THRESHOLD: f64 = 0.8;

fn triples(ts: &[Token<'_>]) -> HashSet<u64> {
    let words: Vec<&str> = ts.iter().filter(|t| t.word).map(|t| t.folded.as_str()).collect();
    words
        .windows(3)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Findings on near repeats.
pub(super) fn check(units: &[Unit<'_>], toks: &[Vec<Token<'_>>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<(usize, HashSet<u64>)> = Vec::new();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (ui, (u, ts)) in units.iter().zip(toks).enumerate() {
        if !u.in_body() || u.paragraph.is_none() || ts.iter().filter(|t| t.word).count() < MIN_WORDS {
            continue;
        }
        let set = triples(ts);
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for h in &set {
            for &k in index.get(h).into_iter().flatten() {
                *shared.entry(k).or_default() += 1;
            }
        }
        let best = shared
            .iter()
            .map(|(&k, &n)| {
                let other = &seen[k].1;
                (k, n as f64 / (set.len() + other.len() - n) as f64)
            })
            .filter(|(_, j)| *j >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        // The same sentence with other figures (targets for 2030 and for 2045) is a
        // pattern, not a repeat.
        let numbers = |ts: &[Token<'_>]| -> Vec<String> {
            ts.iter()
                .filter(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
                .map(|t| t.folded.clone())
                .collect()
        };
        let best = best.filter(|(k, _)| numbers(ts) == numbers(&toks[seen[*k].0]));
        if let Some((k, j)) = best {
            let other = &units[seen[k].0];
            let n = u.text.chars().count();
            let what = if j >= 0.999 { "trùng" } else { "gần trùng" };
            out.push(u.finding(
                "near-repeat",
                Severity::Warning,
                format!(
                    "Đoạn này {what} với một đoạn ở mục {} ({:.0}% cụm từ giống nhau).",
                    other.path,
                    j * 100.0
                ),
                0,
                n,
                None,
            ));
        }
        let k = seen.len();
        for h in &set {
            index.entry(*h).or_default().push(k);
        }
        seen.push((ui, set));
    }
    out
}
