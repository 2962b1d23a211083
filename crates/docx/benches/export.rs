//! Export speed: the Hà Giang programme (8 A4 pages when LibreOffice lays out its
//! export) with its body four times over, about 30 pages, written with the Party profile.

use banthao_core::profile::FormatProfile;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt"
    ))
    .unwrap();
    let mut doc = banthao_core::parse_text(&text);
    let body = doc.sections.clone();
    for _ in 0..3 {
        doc.sections.extend(body.iter().cloned());
    }
    let profile = FormatProfile::builtin("party").unwrap();
    let opts = banthao_docx::ExportOptions { created: "2026-01-01T00:00:00Z".into(), author: None };
    let bytes = banthao_docx::write_docx(&doc, &profile, &opts);
    eprintln!("document: {} top-level sections, .docx {} KB", doc.sections.len(), bytes.len() / 1024);
    c.bench_function("export 30+ pages (party)", |b| {
        b.iter(|| banthao_docx::write_docx(black_box(&doc), &profile, &opts))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
