//! The coverage map («Bản đồ triển khai») of 100 documents against a parent (issue 15:
//! under 1 s): the corpus texts, under province names, against the built-in 45-NQ/TW.

#[path = "support.rs"]
#[allow(dead_code)]
mod support;

use banthao_core::coverage_map::coverage_map;
use banthao_core::scaffold::ParentTemplate;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let names = [
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "cao-bang_kh_ban-thuong-vu.txt",
        "lam-dong_ctrhd_tinh-uy.txt",
        "synth_ha-tinh_kh_ubnd.txt",
        "synth_quang-tri_ctr_tinh-uy_pdf-layout.txt",
    ];
    let docs: Vec<_> =
        (0..100).map(|k| banthao_core::parse_text(&support::fixture(names[k % names.len()]))).collect();
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap();
    c.bench_function("coverage map, 100 documents against 45-NQ/TW", |b| {
        b.iter(|| coverage_map(black_box(&parent), black_box(&docs)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
