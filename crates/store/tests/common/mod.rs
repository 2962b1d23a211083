//! What the store's test binaries share.

/// The texts the clause-mining tests mine together (`tests/fixtures/mining-corpus.list`,
/// which the core's clause tests read too), as (file name, bytes, parsed document).
pub fn corpus() -> Vec<(String, Vec<u8>, banthao_core::Document)> {
    include_str!("../../../../tests/fixtures/mining-corpus.list")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|f| {
            let bytes =
                std::fs::read(format!("{}/../../tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let doc = banthao_core::parse_text(std::str::from_utf8(&bytes).unwrap());
            (f.to_string(), bytes, doc)
        })
        .collect()
}
