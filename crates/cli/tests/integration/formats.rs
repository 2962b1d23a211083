//! Every kind of file a province sends — PDF (LibreOffice, Chromium, protected by an
//! owner password only), Word 97–2003 .doc, .docx re-saved by LibreOffice, text in TCVN3/VNI/VISCII, a .docx in
//! .VnTime fonts — read through `banthao parse` with the same structure as the file it
//! was made from; a scan and a password-protected PDF refused with exit 2 and a reason.

use crate::util::{banthao, fixture, parse_json, stderr};
use banthao_core::text::fold;
use serde_json::{json, Value};

/// What must not change between a document and its other formats.
fn shape(v: &Value) -> Value {
    let sections: Vec<Value> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["label"], s["title"], s["children"].as_array().unwrap().len()]))
        .collect();
    // Compared folded: a TCVN3 text file has no code for a capital with a tone inside
    // a word (`Ủy` typed as `ủy`), so case may differ there and only there.
    let recipients: Vec<Value> =
        v["recipients"].as_array().unwrap().iter().map(|r| Value::from(fold(r.as_str().unwrap()))).collect();
    json!({
        "kind": v["kind"], "issuer": fold(v["issuer"].as_str().unwrap_or("")), "province": v["province"],
        "doc_type": v["doc_type"], "number": v["number"]["raw"], "date": v["place_date"]["raw"],
        "sections": sections, "recipients": recipients, "signature": v["signature"],
    })
}

#[test]
fn every_format_reads_like_its_original() {
    let ninh = "synth_quang-ninh_ctr_btv.docx";
    let cai = "synth_lao-cai_kh_ubnd_du-thao.docx";
    let pairs = [
        ("variants/synth_quang-ninh_ctr_btv.pdf", ninh),
        ("variants/synth_quang-ninh_ctr_btv.chromium.pdf", ninh),
        ("variants/synth_quang-ninh_ctr_btv.owner-password.pdf", ninh),
        ("variants/synth_quang-ninh_ctr_btv.doc", ninh),
        ("variants/synth_quang-ninh_ctr_btv.vntime.docx", ninh),
        ("variants/synth_quang-ninh_ctr_btv.vntime.doc", ninh),
        ("variants/synth_lao-cai_kh_ubnd_du-thao.pdf", cai),
        ("variants/synth_lao-cai_kh_ubnd_du-thao.chromium.pdf", cai),
        ("variants/synth_lao-cai_kh_ubnd_du-thao.doc", cai),
        ("variants/ha-giang_ctr_tinh-uy_du-thao_2024.pdf", "variants/ha-giang_ctr_tinh-uy_du-thao_2024.docx"),
        (
            "variants/ha-giang_ctr_tinh-uy_du-thao_2024.chromium.pdf",
            "variants/ha-giang_ctr_tinh-uy_du-thao_2024.docx",
        ),
        ("variants/lam-dong_ctrhd_tinh-uy.pdf", "variants/lam-dong_ctrhd_tinh-uy.docx"),
        ("variants/lam-dong_ctrhd_tinh-uy.chromium.pdf", "variants/lam-dong_ctrhd_tinh-uy.docx"),
        ("variants/cao-bang_kh_ban-thuong-vu.pdf", "variants/cao-bang_kh_ban-thuong-vu.docx"),
        ("variants/cao-bang_kh_ban-thuong-vu.chromium.pdf", "variants/cao-bang_kh_ban-thuong-vu.docx"),
        ("variants/ha-giang_ctr_tinh-uy_du-thao_2024.doc", "variants/ha-giang_ctr_tinh-uy_du-thao_2024.docx"),
        ("variants/lam-dong_ctrhd_tinh-uy.doc", "variants/lam-dong_ctrhd_tinh-uy.docx"),
        ("variants/cao-bang_kh_ban-thuong-vu.doc", "variants/cao-bang_kh_ban-thuong-vu.docx"),
        ("variants/ha-giang_ctr_tinh-uy_du-thao_2024.tcvn3.txt", "ha-giang_ctr_tinh-uy_du-thao_2024.txt"),
        ("variants/lam-dong_ctrhd_tinh-uy.vni.txt", "lam-dong_ctrhd_tinh-uy.txt"),
        ("variants/cao-bang_kh_ban-thuong-vu.viscii.txt", "cao-bang_kh_ban-thuong-vu.txt"),
    ];
    // Re-saved as .docx by LibreOffice (its own numbering, styles and tables).
    let texts = ["ha-giang_ctr_tinh-uy_du-thao_2024", "lam-dong_ctrhd_tinh-uy", "cao-bang_kh_ban-thuong-vu"];
    let originals =
        [ninh.to_string(), cai.to_string()].into_iter().chain(texts.map(|s| format!("variants/{s}.docx")));
    let resaved: Vec<(String, String)> = originals
        .map(|o| {
            let stem = o.trim_start_matches("variants/").trim_end_matches(".docx").to_string();
            (format!("variants/{stem}.libreoffice.docx"), o)
        })
        .collect();
    let pairs = pairs.iter().map(|(v, o)| (v.to_string(), o.to_string())).chain(resaved);
    let mut errors = Vec::new();
    for (variant, original) in pairs {
        let (want, got) = (shape(&parse_json(&fixture(&original))), shape(&parse_json(&fixture(&variant))));
        for key in want.as_object().unwrap().keys() {
            if want[key] != got[key] {
                errors.push(format!("{variant} {key}:\n  want {}\n  got  {}", want[key], got[key]));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn converted_encodings_are_named() {
    for (file, name) in [
        ("variants/ha-giang_ctr_tinh-uy_du-thao_2024.tcvn3.txt", "TCVN3"),
        ("variants/lam-dong_ctrhd_tinh-uy.vni.txt", "VNI"),
        ("variants/cao-bang_kh_ban-thuong-vu.viscii.txt", "VISCII"),
        ("variants/synth_quang-ninh_ctr_btv.vntime.docx", "TCVN3"),
    ] {
        let v = parse_json(&fixture(file));
        let d = v["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "legacy-encoding");
        assert!(d.is_some_and(|d| d["message"].as_str().unwrap().contains(name)), "{file}: {v}");
    }
}

#[test]
fn a_scan_and_a_locked_pdf_are_refused_with_their_reason() {
    for (file, reason) in [
        ("variants/synth_quang-ninh_ctr_btv.scan.pdf", "bản quét"),
        ("variants/synth_quang-ninh_ctr_btv.password.pdf", "mật khẩu"),
    ] {
        let out = banthao(&["parse", fixture(file).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(stderr(&out).contains(reason), "{file}: {}", stderr(&out));
    }
}
