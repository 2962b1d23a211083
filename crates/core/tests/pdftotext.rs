//! Text that poppler's `pdftotext` extracts from a LibreOffice PDF export (with and
//! without `-layout`) parses to the same structure as the original document: kind,
//! issuer, province, type, number, place and date, summary, top-level sections,
//! recipients, signature and footnotes, as written in `tests/fixtures/expected/ORIGINAL.json`
//! (the checks of the CLI's `genre.rs`, on the fields a PDF keeps).
//! The variants are `tests/fixtures/variants/STEM.pdftotext[-layout].txt`, made by
//! `tests/fixtures/gen/make_pdf.sh`.

use banthao_core::text::fold;
use serde_json::Value;

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn eq(errs: &mut Vec<String>, what: &str, want: &Value, got: &Value) {
    if want != got {
        errs.push(format!("{what}: expected {want}, got {got}"));
    }
}

/// The differences between the parse of `variant` and the expected structure of `original`.
fn check(variant: &str, original: &str) -> Vec<String> {
    let root = fixtures();
    let bytes = std::fs::read(root.join("variants").join(variant)).unwrap();
    let doc = banthao_core::parse_text_bytes(&bytes).unwrap();
    let got = serde_json::to_value(&doc).unwrap();
    let exp_path = root.join("expected").join(format!("{original}.json"));
    let exp: Value = serde_json::from_str(&std::fs::read_to_string(&exp_path).unwrap()).unwrap();
    let mut errs = Vec::new();
    for key in ["kind", "province", "doc_type", "draft"] {
        eq(&mut errs, key, &exp[key], &got[key]);
    }
    eq(&mut errs, "issuer", &Value::from(fold(s(&exp["issuer"]))), &Value::from(fold(s(&got["issuer"]))));
    for (part, keys) in [
        ("number", &["seq", "type_abbr", "issuer_abbr"][..]),
        ("place_date", &["place", "day", "month", "year"]),
    ] {
        if let Some(e) = exp.get(part) {
            for k in keys {
                eq(&mut errs, &format!("{part}.{k}"), &e[k], &got[part][k]);
            }
        }
    }
    let summary = s(&got["summary"]);
    if !summary.starts_with(s(&exp["summary_starts"])) {
        errs.push(format!("summary: expected to start with {}, got {summary:?}", exp["summary_starts"]));
    }
    let secs: Vec<Value> = got["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            Value::from(vec![
                x["label"].clone(),
                x["title"].clone(),
                Value::from(x["children"].as_array().unwrap().len()),
            ])
        })
        .collect();
    eq(&mut errs, "sections (label, title, subsections)", &exp["sections"], &Value::from(secs));
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
    // Footnote bodies printed at the foot of pages are footnotes again, with their marks.
    let notes = got["footnotes"].as_array().unwrap();
    let ids: Vec<Value> = notes.iter().map(|f| f["id"].clone()).collect();
    eq(&mut errs, "footnote ids", &exp["footnotes"], &Value::from(ids));
    for f in notes {
        if f["anchor"].is_null() || s(&f["text"]).is_empty() {
            errs.push(format!("footnote {} has no anchor or no text", f["id"]));
        }
    }
    errs
}

fn assert_same(stem: &str, original: &str) {
    let mut failures = Vec::new();
    for variant in [format!("{stem}.pdftotext-layout.txt"), format!("{stem}.pdftotext.txt")] {
        for e in check(&variant, original) {
            failures.push(format!("{variant}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quang_ninh_party_programme_from_a_docx() {
    assert_same("synth_quang-ninh_ctr_btv", "synth_quang-ninh_ctr_btv.docx");
}

#[test]
fn lao_cai_state_plan_from_a_docx() {
    assert_same("synth_lao-cai_kh_ubnd_du-thao", "synth_lao-cai_kh_ubnd_du-thao.docx");
}

#[test]
fn ha_giang_draft_with_a_blank_number_and_date() {
    assert_same("ha-giang_ctr_tinh-uy_du-thao_2024", "ha-giang_ctr_tinh-uy_du-thao_2024.txt");
}

#[test]
fn lam_dong_action_programme() {
    assert_same("lam-dong_ctrhd_tinh-uy", "lam-dong_ctrhd_tinh-uy.txt");
}

#[test]
fn cao_bang_plan_without_a_header() {
    assert_same("cao-bang_kh_ban-thuong-vu", "cao-bang_kh_ban-thuong-vu.txt");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, failure_persistence: None, ..Default::default() })]

    /// Pieces of pdftotext output (form feeds, lone numbers, glued marks, wrapped
    /// header columns, Roman labels) in any order never make parsing panic.
    #[test]
    fn pdftotext_like_noise_never_panics(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "\n", "\n\n", "\u{c}", "1", "2", "3", "12", " ", "    ", "làm1.", "tạo2,", "(2020)3", "đ1ều",
            "Theo Đề án số 5.", "- Ban Bí thư,", "Nơi nhận:", "T/M BAN THƯỜNG", "VỤ", "PHÓ BÍ THƯ",
            "THƯỜNG TRỰC", "Nguyễn Văn Hùng", "III", "IIINHIỆM", "III1.", "I-", "MỤC TIÊU", "Số", "-CTr/TU",
            "Số 41-CTr/TU", "Quảng Ninh, ngày", "tháng 3 năm", "2024", "ĐẢNG BỘ TỈNH QUẢNG", "NINH",
            "ĐẢNG CỘNG SẢN VIỆT", "NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "Độc lập - Tự do - Hạnh",
            "phúc", "CHƯƠNG TRÌNH", "KẾ HOẠCH", "Trang 2", "- 3 -", "¹", "²",
        ]), 0..80)
    ) {
        let text: String = parts.concat();
        let _ = banthao_core::parse_text(&text);
    }
}
