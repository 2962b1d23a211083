//! PDFs of the fixtures, printed by LibreOffice and by Chromium, read with the same
//! structure as the .docx they were printed from; hostile PDFs refused with a reason.

use banthao_core::{Document, ReadError};
use serde_json::{json, Value};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What the acceptance compares: kind, issuer, province, type, number, date, summary,
/// top-level sections with their subsection counts, recipients, signature, footnotes.
fn shape(d: &Document) -> Value {
    let v = serde_json::to_value(d).unwrap();
    let sections: Vec<Value> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["label"], s["title"], s["children"].as_array().unwrap().len()]))
        .collect();
    json!({
        "kind": v["kind"], "issuer": v["issuer"], "province": v["province"], "doc_type": v["doc_type"],
        "number": v["number"]["raw"], "date": v["place_date"]["raw"], "summary": v["summary"],
        "sections": sections, "recipients": v["recipients"], "signature": v["signature"],
        "footnotes": v["footnotes"].as_array().unwrap().iter().map(|f| f["text"].clone()).collect::<Vec<_>>(),
    })
}

const ORIGINALS: [&str; 5] = [
    "synth_quang-ninh_ctr_btv.docx",
    "synth_lao-cai_kh_ubnd_du-thao.docx",
    "variants/ha-giang_ctr_tinh-uy_du-thao_2024.docx",
    "variants/lam-dong_ctrhd_tinh-uy.docx",
    "variants/cao-bang_kh_ban-thuong-vu.docx",
];

fn check_variants(suffix: &str) {
    let mut errors = Vec::new();
    for original in ORIGINALS {
        let stem = original.trim_start_matches("variants/").trim_end_matches(".docx");
        let want = shape(&banthao_docx::read_docx(&fixture(original)).unwrap());
        let got = shape(&banthao_pdf::read_pdf(&fixture(&format!("variants/{stem}{suffix}"))).unwrap());
        for key in want.as_object().unwrap().keys() {
            if want[key] != got[key] {
                errors.push(format!("{stem}{suffix} {key}:\n  want {}\n  got  {}", want[key], got[key]));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn libreoffice_pdfs_read_like_their_docx() {
    check_variants(".pdf");
}

#[test]
fn chromium_pdfs_with_identity_h_fonts_read_like_their_docx() {
    check_variants(".chromium.pdf");
}
