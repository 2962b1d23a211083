//! Parsing speed: a document longer than 30 pages (corpus bodies concatenated under
//! one header) and a PDF-wrapped one (Lâm Đồng).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn thirty_pages() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    let hg = std::fs::read_to_string(format!("{dir}ha-giang_ctr_tinh-uy_du-thao_2024.txt")).unwrap();
    let cb = std::fs::read_to_string(format!("{dir}cao-bang_kh_ban-thuong-vu.txt")).unwrap();
    // One header, then the bodies of six texts: about 146 KB, more than 40 pages at
    // 14 pt (the genre runs about 3 KB a page), so above the 30-page target.
    let body_of = |t: &str| t[t.find("I- ").unwrap()..t.find("Nơi nhận").unwrap()].to_string();
    let mut doc = hg[..hg.find("I- ").unwrap()].to_string();
    for i in 0..3 {
        doc.push_str(&body_of(&hg).replace("I- ", &format!("I{i}- ")));
        doc.push_str(&body_of(&cb));
    }
    doc.push_str(&hg[hg.find("Nơi nhận").unwrap()..]);
    doc
}

fn bench(c: &mut Criterion) {
    let doc = thirty_pages();
    eprintln!("30-page document: {} KB, {} lines", doc.len() / 1024, doc.lines().count());
    c.bench_function("parse 30 pages", |b| b.iter(|| banthao_core::parse_text(black_box(&doc))));
    let wrapped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/lam-dong_ctrhd_tinh-uy.txt"
    ))
    .unwrap();
    c.bench_function("parse PDF-wrapped (Lâm Đồng)", |b| {
        b.iter(|| banthao_core::parse_text(black_box(&wrapped)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
