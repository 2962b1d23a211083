//! Documents for benchmarks, built from the corpus fixtures.

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// One header, then `copies` × the bodies of the given texts, then the tail of the first.
/// The genre runs about 3 KB a page: four copies of two texts are over 30 pages.
pub fn long_document(names: &[&str], copies: usize) -> String {
    let texts: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let body_of = |t: &str| t[t.find("I- ").unwrap_or(0)..t.find("Nơi nhận").unwrap_or(t.len())].to_string();
    let first = &texts[0];
    let mut doc = first[..first.find("I- ").unwrap_or(0)].to_string();
    // Repeated bodies repeat their numbering: the parser keeps every section
    // (repeats get their own paths) and notes the repeats as diagnostics.
    for _ in 0..copies {
        for t in &texts {
            doc.push_str(&body_of(t));
        }
    }
    doc.push_str(&first[first.find("Nơi nhận").unwrap_or(first.len())..]);
    doc
}

/// Generated inputs for the benchmarks at scale (not every benchmark uses them).
#[allow(dead_code)]
pub mod scale {
    use super::fixture;

    /// A small deterministic generator (xorshift), so generated inputs never change.
    pub struct Rng(pub u64);

    impl Rng {
        pub fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Every word (syllable) of the three corpus texts, lower case, as often as they use it.
    pub fn corpus_words() -> Vec<String> {
        [
            "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
            "cao-bang_kh_ban-thuong-vu.txt",
            "lam-dong_ctrhd_tinh-uy.txt",
        ]
        .iter()
        .flat_map(|n| {
            fixture(n)
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
    }

    /// `n` bullets of 20 to 42 words drawn from `words` (a long appendix without headings).
    pub fn bullets(seed: u64, n: usize, words: &[String]) -> Vec<String> {
        let mut r = Rng(seed);
        (0..n)
            .map(|_| {
                let len = 20 + r.below(23);
                let w: Vec<&str> = (0..len).map(|_| words[r.below(words.len())].as_str()).collect();
                format!("- {}.", w.join(" "))
            })
            .collect()
    }

    /// `n` bullets that are all near-duplicates of one another: twelve variants of one
    /// sentence of 32 words from the 50 most used corpus words, each with up to five words
    /// changed.
    pub fn similar_bullets(seed: u64, n: usize) -> Vec<String> {
        let words = corpus_words();
        let mut freq: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for w in &words {
            *freq.entry(w).or_default() += 1;
        }
        let mut common: Vec<(&str, usize)> = freq.into_iter().collect();
        common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let common: Vec<&str> = common.into_iter().take(50).map(|c| c.0).collect();
        let mut r = Rng(3);
        let root: Vec<&str> = (0..32).map(|_| common[r.below(50)]).collect();
        let bases: Vec<Vec<&str>> = (0..12)
            .map(|_| {
                let mut b = root.clone();
                for _ in 0..6 {
                    let k = r.below(b.len());
                    b[k] = common[r.below(50)];
                }
                b
            })
            .collect();
        let mut r = Rng(seed);
        (0..n)
            .map(|_| {
                let mut w = bases[r.below(bases.len())].clone();
                for _ in 0..r.below(6) {
                    let k = r.below(w.len());
                    w[k] = common[r.below(50)];
                }
                format!("- {}.", w.join(" "))
            })
            .collect()
    }
}
