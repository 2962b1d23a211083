//! Suggestion latency with 1,000 documents in the store (province variants of the
//! corpus texts), and the time to mine the corpus again after one import.
//! Prints p50/p95 of many queries, then a criterion measurement of one query.

use banthao_core::clauses::{mine, Source};
use banthao_core::scaffold::ParentTemplate;
use banthao_store::Store;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Instant;

fn corpus(n: usize) -> Vec<banthao_core::Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    let names = ["ha-giang_ctr_tinh-uy_du-thao_2024", "cao-bang_kh_ban-thuong-vu", "lam-dong_ctrhd_tinh-uy"];
    let texts: Vec<(String, String)> = names
        .iter()
        .zip(["Hà Giang", "Cao Bằng", "Lâm Đồng"])
        .map(|(f, p)| (std::fs::read_to_string(format!("{dir}{f}.txt")).unwrap(), p.to_string()))
        .collect();
    let provinces: Vec<String> =
        banthao_core::builtin_places().sets.iter().flat_map(|s| &s.units).map(|u| u.name.clone()).collect();
    (0..n)
        .map(|i| {
            let (t, own) = &texts[i % texts.len()];
            banthao_core::parse_text(&t.replace(own.as_str(), &provinces[i % provinces.len()]))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1000);
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let names: Vec<String> = (0..docs.len()).map(|i| format!("doc{i}")).collect();
    let sources: Vec<Source> =
        docs.iter().zip(&names).map(|(d, n)| Source { name: n.clone(), doc: d }).collect();
    let t = Instant::now();
    let clauses = mine(&parent, &sources);
    let full = t.elapsed();
    let t = Instant::now();
    let _ = mine(&parent, &sources[..sources.len() - 1]);
    eprintln!("mining 1,000 documents: {} clauses in {:.0} ms (mining again after one import re-mines all: {:.0} ms)", clauses.len(), full.as_secs_f64() * 1e3, t.elapsed().as_secs_f64() * 1e3);

    let mut store = Store::in_memory().unwrap();
    store.replace_mined(&clauses, &Default::default(), "2026-11-23T00:00:00Z").unwrap();
    let queries: Vec<(&str, Option<&str>)> = vec![
        ("45-NQ/TW#III.3", None),
        ("45-NQ/TW#III.3", Some("xu ly nghiem")),
        ("45-NQ/TW#III.2", Some("tri thuc tre")),
        ("45-NQ/TW#III.1", Some("nang cao nhan")),
        ("45-NQ/TW#III.4", None),
        ("45-NQ/TW#IV", Some("dang")),
        ("45-NQ/TW#II.2", Some("muc tieu")),
        ("45-NQ/TW#III.5", Some("hoi tri thuc")),
    ];
    let mut times: Vec<f64> = Vec::new();
    for _ in 0..50 {
        for (p, q) in &queries {
            let t = Instant::now();
            let r = store.suggest(Some(p), *q, 10).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1e3);
            assert!(!r.is_empty() || q.is_some());
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    eprintln!(
        "suggest over {} queries: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
    c.bench_function("suggest, 1,000 documents, typed words", |b| {
        b.iter(|| store.suggest(Some("45-NQ/TW#III.3"), Some("xu ly nghiem"), 10).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
