//! Paragraph matching that stays near-linear on long sections.
//!
//! Two paragraphs are the same paragraph (maybe edited or moved) when their texts are
//! equal or their words are at least [`SAME_PARAGRAPH`] alike (Dice on word bags).
//! A section of ordinary size is matched exhaustively: every pair is compared, the best
//! pairs win (closer positions on a tie). A long section (a compilation, an appendix of
//! thousands of bullets) would make that quadratic, so it is matched in three bounded
//! steps instead:
//!
//! 1. anchors: a text that stands exactly once on each side is the same paragraph
//!    (patience diff's idea); repeated equal texts are paired among themselves;
//! 2. candidates: the other paragraphs meet only through an index of the word triples
//!    they share (words too for short paragraphs), triples shared by many paragraphs
//!    being skipped as too common to say anything (the clause miner's idea); each
//!    paragraph of B is compared with at most [`MAX_CANDIDATES`] paragraphs of A, those
//!    sharing the most triples;
//! 3. a paragraph of B that met no candidate is compared with the few paragraphs of A
//!    around where it would stand (a window of [`WINDOW`] on each side, placed by the
//!    matched paragraphs before it), so near-duplicates in the same order still pair
//!    up; one more round for those that had a like paragraph there but lost it to
//!    another.
//!
//! What is still unmatched becomes a plain insertion or deletion. Every step does at
//! most a constant amount of work per paragraph (times its length), so the whole is
//! O(n log n) in the number of paragraphs.

use super::tokens::{dice_sorted, word_hashes};
use crate::text::FxMap;

/// Two paragraphs at least this similar are the same paragraph, edited.
pub(crate) const SAME_PARAGRAPH: f32 = 0.5;
/// Sections with at most this many pairs of paragraphs are matched exhaustively.
pub(crate) const EXHAUSTIVE_PAIRS: usize = 128 * 128;
/// A key (word triple) shared by more paragraphs of A than this finds no candidates.
const COMMON_KEY: usize = 32;
/// At most this many candidates of A are compared with one paragraph of B.
pub(crate) const MAX_CANDIDATES: usize = 16;
/// A paragraph of B without candidates is compared with this many paragraphs of A on
/// each side of where it would stand.
pub(crate) const WINDOW: usize = 4;
/// Rounds of the positional fallback.
pub(crate) const FALLBACK_ROUNDS: usize = 2;
/// Groups of equal texts up to this many pairs are paired by closeness; larger ones in
/// order.
const EQUAL_GROUP_PAIRS: usize = 4096;
/// Sections of B with this many paragraphs look for candidates on several threads.
const PARALLEL_PARAGRAPHS: usize = 4096;
/// Parts the paragraphs of B are cut into then (a fixed number, so that the work does
/// not depend on the machine).
const CANDIDATE_PARTS: usize = 4;
/// Paragraphs shorter than this (in words) are also indexed by their words.
const SHORT: usize = 8;

/// Matched pairs `(a, b, similarity)`, one-to-one, and how many pairs of paragraphs
/// were compared to find them (the work done, for tests).
#[derive(Debug, Default)]
pub(crate) struct Matching {
    pub pairs: Vec<(usize, usize, f32)>,
    pub comparisons: usize,
}

/// Greedy one-to-one choice among candidates: best first; on a tie the closer
/// positions, then the earlier (the order candidates were produced in).
fn assign(cands: Vec<(f32, usize, usize)>, na: usize, nb: usize, out: &mut Matching) {
    // An unstable sort on (similarity descending, distance, position in `cands`): the
    // order a stable sort on the first two gives, cheaper.
    let mut order: Vec<(std::cmp::Reverse<i32>, usize, usize)> = cands
        .iter()
        .enumerate()
        .map(|(n, &(s, i, j))| (std::cmp::Reverse(total_order_key(s)), i.abs_diff(j), n))
        .collect();
    order.sort_unstable();
    let (mut ta, mut tb) = (vec![false; na], vec![false; nb]);
    for &(i, j, _) in &out.pairs {
        ta[i] = true;
        tb[j] = true;
    }
    for (_, _, n) in order {
        let (s, i, j) = cands[n];
        if !ta[i] && !tb[j] {
            ta[i] = true;
            tb[j] = true;
            out.pairs.push((i, j, s));
        }
    }
}

/// An integer that orders like `f32::total_cmp`.
fn total_order_key(s: f32) -> i32 {
    let b = s.to_bits() as i32;
    b ^ ((((b >> 31) as u32) >> 1) as i32)
}

/// Dice cannot reach the threshold when one side is over three times the other.
fn lengths_allow(x: usize, y: usize) -> bool {
    2 * x.min(y) >= (x + y) / 2
}

/// The [`word_hashes`] of the paragraphs of both sides, when already computed.
pub(crate) type PairWords<'a> = Option<(&'a [Vec<u64>], &'a [Vec<u64>])>;

/// [`match_paragraphs_with`], hashing the words itself.
#[cfg(test)]
pub(crate) fn match_paragraphs(raw_a: &[String], raw_b: &[String], a: &[&str], b: &[&str]) -> Matching {
    match_paragraphs_with(raw_a, raw_b, a, b, None)
}

/// Matches paragraphs: `raw_*` as written (their words are compared), `a` and `b` as
/// compared for equality (labels removed when they are ignored). `words`, when given,
/// holds the [`word_hashes`] of `raw_a` and `raw_b`, already computed.
pub(crate) fn match_paragraphs_with(
    raw_a: &[String],
    raw_b: &[String],
    a: &[&str],
    b: &[&str],
    words: PairWords,
) -> Matching {
    if a.is_empty() || b.is_empty() {
        return Matching::default(); // nothing to pair (a section only on one side)
    }
    // Each paragraph's words in order (for keys) and sorted (a bag, for Dice).
    let computed: (Vec<Vec<u64>>, Vec<Vec<u64>>);
    let (wa, wb) = match words {
        Some(w) => w,
        None => {
            let hash = |ps: &[String]| ps.iter().map(|p| word_hashes(p)).collect();
            computed = (hash(raw_a), hash(raw_b));
            (&computed.0[..], &computed.1[..])
        }
    };
    let sorted = |w: &Vec<u64>| {
        let mut v = w.clone();
        v.sort_unstable();
        v
    };
    let ba: Vec<Vec<u64>> = wa.iter().map(sorted).collect();
    let bb: Vec<Vec<u64>> = wb.iter().map(sorted).collect();
    let mut out = Matching::default();
    if a.len().saturating_mul(b.len()) <= EXHAUSTIVE_PAIRS {
        let mut cands = Vec::new();
        for (i, x) in ba.iter().enumerate() {
            for (j, y) in bb.iter().enumerate() {
                if !lengths_allow(x.len(), y.len()) {
                    continue;
                }
                out.comparisons += 1;
                let s = if a[i] == b[j] { 1.0 } else { dice_sorted(x, y) };
                if s >= SAME_PARAGRAPH {
                    cands.push((s, i, j));
                }
            }
        }
        assign(cands, a.len(), b.len(), &mut out);
        return out;
    }

    // 1. Anchors: equal texts.
    let mut groups: FxMap<&str, (Vec<usize>, Vec<usize>)> = FxMap::default();
    for (i, t) in a.iter().enumerate() {
        groups.entry(t).or_default().0.push(i);
    }
    for (j, t) in b.iter().enumerate() {
        if let Some(g) = groups.get_mut(t) {
            g.1.push(j);
        }
    }
    let mut equal: Vec<(f32, usize, usize)> = Vec::new();
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> =
        groups.into_values().filter(|g| !g.1.is_empty()).collect();
    groups.sort_unstable_by_key(|g| g.0[0]);
    for (xs, ys) in groups {
        if xs.len() == 1 && ys.len() == 1 {
            out.pairs.push((xs[0], ys[0], 1.0));
        } else if xs.len() * ys.len() <= EQUAL_GROUP_PAIRS {
            for &i in &xs {
                for &j in &ys {
                    equal.push((1.0, i, j));
                }
            }
        } else {
            // Many copies of one text: in order, as a line diff would.
            out.pairs.extend(xs.iter().zip(&ys).map(|(&i, &j)| (i, j, 1.0)));
        }
    }
    assign(equal, a.len(), b.len(), &mut out);
    let (mut ta, mut tb) = (vec![false; a.len()], vec![false; b.len()]);
    for &(i, j, _) in &out.pairs {
        ta[i] = true;
        tb[j] = true;
    }

    // 2. Candidates through shared keys.
    let keys = |w: &[u64]| -> Vec<u64> {
        let mut k: Vec<u64> =
            w.windows(3).map(|x| x[0].rotate_left(21) ^ x[1].rotate_left(7) ^ x[2]).collect();
        if w.len() < SHORT {
            // Words of short paragraphs, kept apart from triples.
            k.extend(w.iter().map(|h| h.rotate_left(43) ^ 0x5bd1_e995));
        }
        if w.is_empty() {
            k.push(0x9e37_79b9_7f4a_7c15); // all paragraphs without words are alike
        }
        k.sort_unstable();
        k.dedup();
        k
    };
    let mut postings: FxMap<u64, Vec<u32>> = FxMap::default();
    for i in (0..a.len()).filter(|&i| !ta[i]) {
        for k in keys(&wa[i]) {
            postings.entry(k).or_default().push(i as u32);
        }
    }
    // The paragraphs of B one by one (a range of them at a time): their candidates,
    // those that found none, and how many pairs were compared.
    let candidates_in = |js: std::ops::Range<usize>| {
        let mut cands: Vec<(f32, usize, usize)> = Vec::new();
        let mut shared = vec![0u32; a.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut lonely: Vec<usize> = Vec::new();
        let mut comparisons = 0;
        for j in js.filter(|&j| !tb[j]) {
            for k in &keys(&wb[j]) {
                match postings.get(k) {
                    Some(list) if list.len() <= COMMON_KEY => {
                        for &i in list {
                            let i = i as usize;
                            if shared[i] == 0 {
                                touched.push(i);
                            }
                            shared[i] += 1;
                        }
                    }
                    _ => {}
                }
            }
            let mut met: Vec<(u32, usize)> = touched
                .iter()
                .filter(|&&i| lengths_allow(ba[i].len(), bb[j].len()))
                .map(|&i| (shared[i], i))
                .collect();
            for i in touched.drain(..) {
                shared[i] = 0;
            }
            // Those sharing the most keys; the closer on a tie.
            met.sort_unstable_by_key(|&(n, i)| (std::cmp::Reverse(n), i.abs_diff(j), i));
            let mut found = false;
            for &(_, i) in met.iter().take(MAX_CANDIDATES) {
                comparisons += 1;
                let s = dice_sorted(&ba[i], &bb[j]);
                if s >= SAME_PARAGRAPH {
                    cands.push((s, i, j));
                    found = true;
                }
            }
            if !found {
                lonely.push(j);
            }
        }
        (cands, lonely, comparisons)
    };
    // Long sections in a few parts, spread over the cores; the parts' results joined in
    // order are what one pass gives.
    let parts = if b.len() >= PARALLEL_PARAGRAPHS { CANDIDATE_PARTS } else { 1 };
    let chunk = b.len().div_ceil(parts);
    let mut cands: Vec<(f32, usize, usize)> = Vec::new();
    let mut lonely: Vec<usize> = Vec::new();
    for (c, l, n) in
        super::parallel::par_map_min(parts, 2, |k| candidates_in(k * chunk..((k + 1) * chunk).min(b.len())))
    {
        cands.extend(c);
        lonely.extend(l);
        out.comparisons += n;
    }
    assign(cands, a.len(), b.len(), &mut out);

    // 3. The rest near where they would stand, between the matched paragraphs around
    // them; a second round for those whose neighbours were taken by others.
    for _ in 0..FALLBACK_ROUNDS {
        if lonely.is_empty() {
            break;
        }
        let (mut ta, mut tb) = (vec![false; a.len()], vec![false; b.len()]);
        for &(i, j, _) in &out.pairs {
            ta[i] = true;
            tb[j] = true;
        }
        // For each position of B, the A index of the nearest matched paragraph before it.
        let mut before = vec![None; b.len()];
        let mut by_b: Vec<(usize, usize)> = out.pairs.iter().map(|&(i, j, _)| (j, i)).collect();
        by_b.sort_unstable();
        let mut k = 0;
        let mut last: Option<usize> = None;
        for (j, slot) in before.iter_mut().enumerate() {
            while k < by_b.len() && by_b[k].0 < j {
                last = Some(by_b[k].1);
                k += 1;
            }
            *slot = last;
        }
        // Unmatched paragraphs of A, in order, to find the ones after a position.
        let free_a: Vec<usize> = (0..a.len()).filter(|&i| !ta[i]).collect();
        let mut cands: Vec<(f32, usize, usize)> = Vec::new();
        let mut hopeful = vec![false; b.len()];
        let mut run = 0usize; // lonely paragraphs of B since the last matched one
        let mut prev_j: Option<usize> = None;
        for &j in &lonely {
            if tb[j] {
                continue;
            }
            let anchor = before[j];
            if prev_j.is_some_and(|p| before[p] == anchor) {
                run += 1;
            } else {
                run = 0;
            }
            prev_j = Some(j);
            // The run-th free paragraph of A after the anchor, give or take the window.
            let start = anchor.map_or(0, |i| free_a.partition_point(|&x| x <= i));
            let centre = start + run;
            let lo = centre.saturating_sub(WINDOW).max(start);
            let hi = (centre + WINDOW + 1).min(free_a.len());
            for &i in free_a.get(lo..hi).unwrap_or(&[]) {
                if !lengths_allow(ba[i].len(), bb[j].len()) {
                    continue;
                }
                out.comparisons += 1;
                let s = dice_sorted(&ba[i], &bb[j]);
                if s >= SAME_PARAGRAPH {
                    cands.push((s, i, j));
                    hopeful[j] = true;
                }
            }
        }
        assign(cands, a.len(), b.len(), &mut out);
        let matched: Vec<bool> = {
            let mut m = vec![false; b.len()];
            for &(_, j, _) in &out.pairs {
                m[j] = true;
            }
            m
        };
        // Another round only for those that had a like paragraph near but lost it.
        lonely.retain(|&j| !matched[j] && hopeful[j]);
    }
    out
}

/// The heaviest chain of pairs `(a, b, weight)` increasing on both sides (pairs sorted
/// by A, each A once), as indices into `seq`. Among chains of equal weight: each pair's
/// predecessor is the earliest best one, and the chain ends at the earliest best pair.
/// O(n log n): a Fenwick tree over B's positions keeps the best chain ending below each.
pub(crate) fn heaviest_increasing(seq: &[(usize, usize, u32)]) -> Vec<usize> {
    let n = seq.len();
    let mut ranks: Vec<usize> = seq.iter().map(|s| s.1).collect();
    ranks.sort_unstable();
    ranks.dedup();
    // Best (weight, Reverse(index)) of chains ending at a pair whose B rank is < r.
    type Key = (u64, std::cmp::Reverse<usize>);
    let mut tree: Vec<Option<Key>> = vec![None; ranks.len() + 1];
    let mut best = vec![0u64; n];
    let mut prev = vec![usize::MAX; n];
    for (k, s) in seq.iter().enumerate() {
        let r = ranks.binary_search(&s.1).expect("ranked");
        // Query the prefix of ranks 0..r (strictly lower B).
        let mut q: Option<Key> = None;
        let mut x = r;
        while x > 0 {
            q = q.max(tree[x]);
            x &= x - 1;
        }
        best[k] = u64::from(s.2) + q.map_or(0, |v| v.0);
        prev[k] = q.map_or(usize::MAX, |v| v.1 .0);
        let key = Some((best[k], std::cmp::Reverse(k)));
        let mut x = r + 1;
        while x < tree.len() {
            tree[x] = tree[x].max(key);
            x += x & x.wrapping_neg();
        }
    }
    let mut out = Vec::new();
    let mut at = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        out.push(i);
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small deterministic generator (xorshift).
    pub(crate) struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// `n` bullets of 12 to 30 words from a vocabulary of `vocab` words.
    pub(crate) fn bullets(seed: u64, n: usize, vocab: usize) -> Vec<String> {
        let mut r = Rng(seed);
        (0..n)
            .map(|_| {
                let len = 12 + r.next(19);
                let words: Vec<String> = (0..len).map(|_| format!("t{}", r.next(vocab))).collect();
                format!("- {}.", words.join(" "))
            })
            .collect()
    }

    fn matching(a: &[String], b: &[String]) -> Matching {
        let pa: Vec<&str> = a.iter().map(String::as_str).collect();
        let pb: Vec<&str> = b.iter().map(String::as_str).collect();
        match_paragraphs(a, b, &pa, &pb)
    }

    #[test]
    fn unique_equal_paragraphs_anchor_without_comparisons() {
        let a = bullets(1, 400, 5000);
        let mut b = a.clone();
        b.reverse();
        assert!(a.len() * b.len() > EXHAUSTIVE_PAIRS);
        let m = matching(&a, &b);
        assert_eq!(m.comparisons, 0, "equal texts need no comparison");
        let mut pairs = m.pairs.clone();
        pairs.sort_by_key(|p| p.0);
        assert_eq!(pairs.len(), 400);
        for (i, j, s) in pairs {
            assert_eq!((j, s), (399 - i, 1.0));
        }
    }

    #[test]
    fn short_sections_are_matched_exhaustively() {
        // Same words in another order share no triple: still the same paragraph.
        let a = vec!["- Đào tạo, bồi dưỡng trí thức trẻ.".to_string()];
        let b = vec!["- Trí thức trẻ đào tạo, bồi dưỡng.".to_string()];
        let m = matching(&a, &b);
        assert_eq!(m.pairs, vec![(0, 0, 1.0)]);
        assert_eq!(m.comparisons, 1);
    }

    /// The quadratic chain the matcher used before, as the reference.
    fn reference_chain(seq: &[(usize, usize, u32)]) -> Vec<usize> {
        let n = seq.len();
        let mut best: Vec<u64> = seq.iter().map(|s| u64::from(s.2)).collect();
        let mut prev = vec![usize::MAX; n];
        for i in 0..n {
            for k in 0..i {
                if seq[k].1 < seq[i].1 && best[k] + u64::from(seq[i].2) > best[i] {
                    best[i] = best[k] + u64::from(seq[i].2);
                    prev[i] = k;
                }
            }
        }
        let mut out = Vec::new();
        let mut at = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
        while let Some(i) = at {
            out.push(i);
            at = (prev[i] != usize::MAX).then_some(prev[i]);
        }
        out
    }

    #[test]
    fn heaviest_chain_is_the_quadratic_one() {
        let mut r = Rng(99);
        for n in [0, 1, 2, 5, 30, 200] {
            for _ in 0..50 {
                let mut js: Vec<usize> = (0..n).collect();
                for k in (1..n).rev() {
                    js.swap(k, r.next(k + 1));
                }
                let seq: Vec<(usize, usize, u32)> =
                    js.iter().enumerate().map(|(i, &j)| (i * 2, j, 1000 + r.next(3) as u32 * 50)).collect();
                assert_eq!(heaviest_increasing(&seq), reference_chain(&seq), "{seq:?}");
            }
        }
    }
}
