//! Properties of the diff: a document against itself has no changes and similarity 1;
//! the diff's edits applied to A give B (and undone give A), for texts and paragraphs.

use banthao_core::compare::tokens::{join, tokenize};
use banthao_core::compare::{compare, diff_paragraphs, diff_text, DiffOptions, ParaKind, Span};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "xây", "dựng", "đội", "ngũ", "trí", "thức", "Đảng", "tỉnh", ",", ";", ".", "45-NQ/TW", "(báo", "cáo)",
    "nâng", "cao", "chất", "lượng", "đào", "tạo", "và", "của", "các", "cơ", "chế", "chính", "sách",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

fn norm(s: &str) -> String {
    join(&tokenize(s))
}

fn apply(spans: &[Span], keep_insert: bool) -> String {
    spans
        .iter()
        .filter_map(|s| match s {
            Span::Equal(t) => Some(t.as_str()),
            Span::Insert(t) if keep_insert => Some(t.as_str()),
            Span::Delete(t) if !keep_insert => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn text_diff_applies(a in text(), b in text()) {
        let (spans, counts) = diff_text(&a, &b, &DiffOptions::default());
        prop_assert_eq!(apply(&spans, true).trim_start().to_string(), norm(&b));
        prop_assert_eq!(apply(&spans, false).trim_start().to_string(), norm(&a));
        prop_assert!(counts.similarity() >= 0.0 && counts.similarity() <= 1.0);
        let (same, c) = diff_text(&a, &a, &DiffOptions::default());
        prop_assert!(same.iter().all(|s| matches!(s, Span::Equal(_))));
        prop_assert_eq!(c.similarity(), 1.0);
    }

    #[test]
    fn paragraph_diff_gives_b_in_order_and_accounts_for_a(
        a in prop::collection::vec(text(), 0..8),
        b in prop::collection::vec(text(), 0..8),
    ) {
        let (paras, _) = diff_paragraphs(&a, &b, &DiffOptions::default());
        let mut got_b: Vec<(usize, String)> = paras.iter().filter_map(|p| p.b.map(|j| (j, apply(&p.spans, true)))).collect();
        let order: Vec<usize> = got_b.iter().map(|(j, _)| *j).collect();
        prop_assert_eq!(order, (0..b.len()).collect::<Vec<_>>(), "B's paragraphs come in B's order");
        got_b.sort();
        for (j, t) in got_b {
            prop_assert_eq!(t.trim_start().to_string(), norm(&b[j]));
        }
        let mut got_a: Vec<(usize, String)> = paras.iter().filter_map(|p| p.a.map(|i| (i, apply(&p.spans, false)))).collect();
        got_a.sort();
        prop_assert_eq!(got_a.len(), a.len(), "every paragraph of A is accounted for");
        for (i, t) in got_a {
            prop_assert_eq!(t.trim_start().to_string(), norm(&a[i]));
        }
        for p in &paras {
            prop_assert_eq!(p.kind == ParaKind::Deleted, p.b.is_none());
            prop_assert_eq!(p.kind == ParaKind::Inserted, p.a.is_none());
        }
    }
}

#[test]
fn every_fixture_against_itself_has_no_differences() {
    for name in [
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "cao-bang_kh_ban-thuong-vu.txt",
        "lam-dong_ctrhd_tinh-uy.txt",
    ] {
        let t =
            std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let d = banthao_core::parse_text(&t);
        let c = compare(&d, &d, &DiffOptions::default());
        assert!(c.identical, "{name}");
        assert_eq!(c.similarity, 1.0);
        assert!(
            c.sections.iter().all(|s| s.similarity == 1.0 && s.a.is_some() && s.b.is_some()),
            "{name}: every section pairs with itself"
        );
    }
}

#[test]
fn options_ignore_what_they_say() {
    let o = DiffOptions { ignore_punctuation: true, ..DiffOptions::default() };
    let (spans, _) = diff_text("Xây dựng đội ngũ, trí thức.", "Xây dựng đội ngũ trí thức;", &o);
    assert!(spans.iter().all(|s| matches!(s, Span::Equal(_))), "{spans:?}");
    let (spans, _) =
        diff_text("Xây dựng đội ngũ, trí thức.", "Xây dựng đội ngũ trí thức;", &DiffOptions::default());
    assert!(spans.iter().any(|s| !matches!(s, Span::Equal(_))));
    let o = DiffOptions { ignore_labels: true, ..DiffOptions::default() };
    let (spans, _) = diff_text("- Nâng cao nhận thức", "+ Nâng cao nhận thức", &o);
    assert_eq!(spans, vec![Span::Equal("Nâng cao nhận thức".into())]);
    let o = DiffOptions { ignore_whitespace: true, ..DiffOptions::default() };
    let (spans, _) = diff_text("đội ngũ , trí thức", "đội ngũ, trí thức", &o);
    assert!(spans.iter().all(|s| matches!(s, Span::Equal(_))), "{spans:?}");
}
