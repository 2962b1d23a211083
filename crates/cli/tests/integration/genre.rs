//! Each fixture has an expected structure in `tests/fixtures/expected/NAME.json`,
//! written from reading the document. The CLI's JSON must match it.

use crate::util::{fixture, fixtures, parse_json};
use banthao_core::text::fold;
use serde_json::Value;

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn eq(errs: &mut Vec<String>, what: &str, a: &Value, b: &Value) {
    if a != b {
        errs.push(format!("{what}: expected {a}, got {b}"));
    }
}

fn check(name: &str, exp: &Value) -> Vec<String> {
    let got = parse_json(&fixture(name));
    let mut errs = Vec::new();
    for key in ["kind", "province", "doc_type", "draft"] {
        eq(&mut errs, key, &exp[key], &got[key]);
    }
    // The issuer is compared folded: `TỈNH ỦY HÀ GIANG` and `Tỉnh uỷ Hà Giang` name the same body.
    eq(&mut errs, "issuer", &Value::from(fold(s(&exp["issuer"]))), &Value::from(fold(s(&got["issuer"]))));
    if let Some(n) = exp.get("number") {
        for k in ["seq", "type_abbr", "issuer_abbr"] {
            eq(&mut errs, &format!("number.{k}"), &n[k], &got["number"][k]);
        }
    }
    if let Some(d) = exp.get("place_date") {
        for k in ["place", "day", "month", "year"] {
            eq(&mut errs, &format!("place_date.{k}"), &d[k], &got["place_date"][k]);
        }
    }
    let summary = s(&got["summary"]);
    if !summary.starts_with(s(&exp["summary_starts"])) {
        errs.push(format!("summary: expected to start with {}, got {summary:?}", exp["summary_starts"]));
    }
    eq(
        &mut errs,
        "preamble paragraphs",
        &exp["preamble"],
        &Value::from(got["preamble"].as_array().unwrap().len()),
    );
    let secs = got["sections"].as_array().unwrap();
    let got_secs: Vec<Value> = secs
        .iter()
        .map(|x| {
            Value::from(vec![
                x["label"].clone(),
                x["title"].clone(),
                Value::from(x["children"].as_array().unwrap().len()),
            ])
        })
        .collect();
    eq(&mut errs, "sections (label, title, subsections)", &exp["sections"], &Value::from(got_secs));
    if let Some(tg) = exp.get("task_groups") {
        let label = s(&tg[0]);
        let sec = secs.iter().find(|x| s(&x["label"]).trim_end_matches(['-', '.']) == label);
        let titles: Vec<String> = sec
            .map(|x| x["children"].as_array().unwrap().iter().map(|c| s(&c["title"]).to_string()).collect())
            .unwrap_or_default();
        for (i, want) in tg[1].as_array().unwrap().iter().enumerate() {
            if !titles.get(i).is_some_and(|t| fold(t).contains(&fold(s(want)))) {
                errs.push(format!(
                    "task group {}: expected a title with {want}, got {:?}",
                    i + 1,
                    titles.get(i)
                ));
            }
        }
    }
    let rec: Vec<&str> = got["recipients"].as_array().unwrap().iter().map(s).collect();
    let r = &exp["recipients"];
    eq(&mut errs, "recipients.count", &r["count"], &Value::from(rec.len()));
    eq(&mut errs, "recipients.first", &r["first"], &Value::from(rec.first().copied().unwrap_or("")));
    eq(&mut errs, "recipients.last", &r["last"], &Value::from(rec.last().copied().unwrap_or("")));
    for c in r["contains"].as_array().unwrap() {
        if !rec.contains(&s(c)) {
            errs.push(format!("recipients: missing {c} in {rec:?}"));
        }
    }
    match (&exp["signature"], &got["signature"]) {
        (Value::Null, g) => eq(&mut errs, "signature", &Value::Null, g),
        (e, g) => {
            for k in ["authority", "delegation", "title", "name"] {
                eq(&mut errs, &format!("signature.{k}"), e.get(k).unwrap_or(&Value::Null), &g[k]);
            }
        }
    }
    let ids: Vec<Value> = got["footnotes"].as_array().unwrap().iter().map(|f| f["id"].clone()).collect();
    eq(&mut errs, "footnote ids", &exp["footnotes"], &Value::from(ids));
    for f in got["footnotes"].as_array().unwrap() {
        if f["anchor"].is_null() || s(&f["text"]).is_empty() {
            errs.push(format!("footnote {} has no anchor or no text", f["id"]));
        }
    }
    eq(&mut errs, "closing present", &exp["closing"], &Value::from(!got["closing"].is_null()));
    if let Some(pc) = exp.get("paragraph_contains") {
        let path = s(&pc[0]);
        let mut node = None;
        let mut list = secs.clone();
        for seg in path.split('.') {
            node = list
                .iter()
                .find(|x| s(&x["label"]).trim_matches(|c: char| !c.is_alphanumeric()) == seg)
                .cloned();
            list = node.as_ref().map(|n| n["children"].as_array().unwrap().clone()).unwrap_or_default();
        }
        let text = node.map(|n| n["paragraphs"].to_string()).unwrap_or_default();
        if !text.contains(s(&pc[1])) {
            errs.push(format!("section {path}: expected text {} in {text}", pc[1]));
        }
    }
    if let Some(absent) = exp.get("absent_text") {
        if got.to_string().contains(s(absent)) {
            errs.push(format!("text {absent} should not appear (deleted tracked change)"));
        }
    }
    errs
}

#[test]
fn every_fixture_parses_to_its_expected_structure() {
    let dir = fixtures().join("expected");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().trim_end_matches(".json").to_string();
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for e in check(&name, &exp) {
            failures.push(format!("{name}: {e}"));
        }
        n += 1;
    }
    assert!(n >= 8, "expected files found: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_has_the_documented_top_level_keys() {
    let v = parse_json(&fixture("cao-bang_kh_ban-thuong-vu.txt"));
    for key in [
        "kind",
        "issuer",
        "province",
        "doc_type",
        "number",
        "place_date",
        "draft",
        "summary",
        "preamble",
        "sections",
        "closing",
        "recipients",
        "signature",
        "footnotes",
        "diagnostics",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    let first = &v["sections"][0];
    for key in ["label", "title", "paragraphs", "children"] {
        assert!(first.get(key).is_some(), "section lacks {key}");
    }
    // Bullets keep their marker.
    assert!(first["children"][0]["paragraphs"][0].as_str().unwrap().starts_with("- Quán triệt"));
}

#[test]
fn outline_is_readable_vietnamese() {
    let out = crate::util::banthao(&["parse", "lam-dong_ctrhd_tinh-uy.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let text = crate::util::stdout(&out);
    assert!(text.contains("Tên loại: CHƯƠNG TRÌNH HÀNH ĐỘNG"), "{text}");
    assert!(text.contains("  III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"), "{text}");
    assert!(text.contains("Chữ ký: T/M TỈNH ỦY / PHÓ BÍ THƯ / Trần Đình Văn"), "{text}");
}
