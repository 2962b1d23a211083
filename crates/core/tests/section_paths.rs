//! Section paths against tests/fixtures/section-paths.json, the fixture the window's
//! paths (ui/src/model.ts, checked by ui/test/section-paths.test.mjs) are checked
//! against too: the editor names sections by path to Rust (footnote anchors,
//! `compare_section`), so the two must agree.

use banthao_core::model::{Document, LabelKind, Section};
use serde_json::Value;

fn fixture() -> Value {
    let path = format!("{}/../../tests/fixtures/section-paths.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text<'a>(node: &'a Value, key: &str) -> &'a str {
    node.get(key).and_then(Value::as_str).unwrap_or("")
}

fn children(node: &Value) -> &[Value] {
    node.get("children").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// The fixture's tree as sections (the kind does not enter paths).
fn sections(nodes: &[Value]) -> Vec<Section> {
    nodes
        .iter()
        .map(|n| {
            let mut s = Section::new(text(n, "label"), LabelKind::Arabic, text(n, "title"));
            s.children = sections(children(n));
            s
        })
        .collect()
}

/// Every node's expected path, depth first.
fn expected(nodes: &[Value], out: &mut Vec<String>) {
    for n in nodes {
        out.push(n.get("path").and_then(Value::as_str).expect("every section has its path").to_string());
        expected(children(n), out);
    }
}

#[test]
fn paths_match_the_shared_fixture() {
    let fixture = fixture();
    let cases = fixture["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    for case in cases {
        let name = text(case, "name");
        let nodes = case["sections"].as_array().expect("sections");
        let doc = Document { sections: sections(nodes), ..Document::default() };
        let mut got = Vec::new();
        doc.walk_sections(|p, _| got.push(p.to_string()));
        let mut want = Vec::new();
        expected(nodes, &mut want);
        assert_eq!(got, want, "case «{name}»");
    }
}
