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
