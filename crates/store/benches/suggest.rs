//! Suggestion latency with 1,000 documents in the store (province variants of the
//! corpus texts), and the time an import takes to mine its document into such a store.
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
            let to = &provinces[i % provinces.len()];
            banthao_core::parse_text(
                &t.replace(own.as_str(), to).replace(&own.to_uppercase(), &to.to_uppercase()),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1000);
    let dir = std::env::temp_dir().join(format!("banthao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join("bench.db")).unwrap();
    // Every import mines its own document against the store (on disk, WAL): the time
    // of the last 50 imports is the time to mine a newly imported document into a
    // store of 950 to 1,000.
    let t0 = Instant::now();
    let mut last: Vec<f64> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let bytes = format!("variant {i}");
        let t = Instant::now();
        store.add_document(&format!("doc{i}.txt"), bytes.as_bytes(), d, "2026-11-23T00:00:00Z").unwrap();
        if i >= docs.len() - 50 {
            last.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    last.sort_by(f64::total_cmp);
    let clauses = store.clauses().unwrap().len();
    eprintln!(
        "import with mining into a store of 950-1,000 documents: median {:.0} ms, max {:.0} ms ({} clauses; all 1,000 imports {:.1} s)",
        last[last.len() / 2],
        last[last.len() - 1],
        clauses,
        t0.elapsed().as_secs_f64()
    );
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let names: Vec<String> = (0..docs.len()).map(|i| format!("doc{i}")).collect();
    let sources: Vec<Source> =
        docs.iter().zip(&names).map(|(d, n)| Source { name: n.clone(), doc: d }).collect();
    let t = Instant::now();
    let batch = mine(&parent, &sources);
    eprintln!(
        "mining all 1,000 at once (for comparison): {} clauses in {:.0} ms",
        batch.len(),
        t.elapsed().as_secs_f64() * 1e3
    );

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
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
