//! Comparison speed: align plus diff of two documents of 30+ pages from different
//! provinces, one section's diff (what the editor runs while typing), and one draft
//! against 100 documents; and at scale, two sections of 11,000 bullets (unrelated, and
//! all near-duplicates of one another), which must stay near-linear.

#[path = "support.rs"]
mod support;

use banthao_core::compare::{align, compare, coverage, diff_paragraphs, diff_section, DiffOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let a = banthao_core::parse_text(&support::long_document(&["ha-giang_ctr_tinh-uy_du-thao_2024.txt"], 4));
    let b = banthao_core::parse_text(&support::long_document(&["cao-bang_kh_ban-thuong-vu.txt"], 4));
    let o = DiffOptions::default();
    eprintln!("A: {} top-level sections; B: {}", a.sections.len(), b.sections.len());
    c.bench_function("align + diff (compare), two 30+ page documents", |bch| {
        bch.iter(|| compare(black_box(&a), black_box(&b), &o))
    });
    c.bench_function("align only (first two levels), same documents", |bch| {
        bch.iter(|| align(black_box(&a), black_box(&b)))
    });
    let (sa, sb) = (&a.sections[2].children[2], &b.sections[2].children[2]);
    c.bench_function("diff of one section (live editing)", |bch| {
        bch.iter(|| diff_section(black_box(sa), black_box(sb), &o))
    });

    // 100 documents: the corpus texts under 34 province names each.
    let names = [
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "cao-bang_kh_ban-thuong-vu.txt",
        "lam-dong_ctrhd_tinh-uy.txt",
    ];
    let texts: Vec<String> = names.iter().map(|n| support::fixture(n)).collect();
    let provinces: Vec<String> = banthao_core::builtin_places()
        .set("current-34")
        .unwrap()
        .units
        .iter()
        .map(|u| u.name.clone())
        .collect();
    let others: Vec<_> = (0..100)
        .map(|i| {
            let t = &texts[i % 3];
            let p = &provinces[i % provinces.len()];
            banthao_core::parse_text(&t.replace("Hà Giang", p).replace("Cao Bằng", p).replace("Lâm Đồng", p))
        })
        .collect();
    let draft = banthao_core::parse_text(&texts[0]);
    c.bench_function("one draft against 100 documents", |bch| {
        bch.iter(|| coverage(black_box(&draft), black_box(&others), &o))
    });
}

fn scale(c: &mut Criterion) {
    let o = DiffOptions::default();
    let words = support::scale::corpus_words();
    let (a, b) = (support::scale::bullets(1, 11_000, &words), support::scale::bullets(2, 11_000, &words));
    c.bench_function("paragraph diff, two unrelated sections of 11,000 bullets", |bch| {
        bch.iter(|| diff_paragraphs(black_box(&a), black_box(&b), &o))
    });
    let (a, b) = (support::scale::similar_bullets(4, 11_000), support::scale::similar_bullets(5, 11_000));
    c.bench_function("paragraph diff, 11,000 near-duplicate bullets each side", |bch| {
        bch.iter(|| diff_paragraphs(black_box(&a), black_box(&b), &o))
    });
}

criterion_group!(benches, bench);
criterion_group! {
    name = at_scale;
    config = Criterion::default().sample_size(10);
    targets = scale
}
criterion_main!(benches, at_scale);
