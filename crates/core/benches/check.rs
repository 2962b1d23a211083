//! Checking speed: `check` and `tasks` of a document longer than 30 pages (the corpus
//! bodies concatenated under one header, as the parse bench builds it). Target: a
//! check under 50 ms.

#[path = "support.rs"]
mod support;

use banthao_core::check::{check, CheckContext};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let text = support::long_document(
        &["ha-giang_ctr_tinh-uy_du-thao_2024.txt", "cao-bang_kh_ban-thuong-vu.txt"],
        3,
    );
    let doc = banthao_core::parse_text(&text);
    let ctx = CheckContext {
        date: Some("2026-01-15".into()),
        today: "2026-12-02".into(),
        parent: None,
        format: None,
    };
    eprintln!(
        "30-page document: {} KB, {} findings, {} tasks",
        text.len() / 1024,
        check(&doc, &ctx).len(),
        banthao_core::tasks::tasks(&doc).len()
    );
    c.bench_function("check 30 pages", |b| b.iter(|| check(black_box(&doc), &ctx)));
    c.bench_function("tasks 30 pages", |b| b.iter(|| banthao_core::tasks::tasks(black_box(&doc))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
