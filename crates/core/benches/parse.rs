//! Parsing speed: a document longer than 30 pages (corpus bodies concatenated under
//! one header) and a PDF-wrapped one (Lâm Đồng).

#[path = "support.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let doc = support::long_document(
        &["ha-giang_ctr_tinh-uy_du-thao_2024.txt", "cao-bang_kh_ban-thuong-vu.txt"],
        3,
    );
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
