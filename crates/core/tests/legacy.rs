//! Plain-text files in legacy Vietnamese encodings (TCVN3, VNI, VISCII: the variants
//! `tests/fixtures/gen/make_legacy.py` writes) give the document their UTF-8 originals
//! give, with a `legacy-encoding` diagnostic. (The same comparison for a .docx in
//! `.VnTime` fonts is in crates/docx/tests/legacy.rs.)

use banthao_core::model::{Document, Section};
use banthao_core::{parse_text, parse_text_bytes};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Label, title and number of subsections of each section and of its children.
fn outline(sections: &[Section]) -> serde_json::Value {
    sections
        .iter()
        .map(|s| {
            serde_json::json!({
                "label": s.label,
                "title": s.title,
                "children": s.children.len(),
                "sub": s.children.iter().map(|c| (c.label.clone(), c.title.clone(), c.children.len())).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// What a reader of the variant must agree on with the original.
fn structure(d: &Document) -> serde_json::Value {
    serde_json::json!({
        "kind": d.kind,
        "issuer": d.issuer,
        "province": d.province,
        "doc_type": d.doc_type,
        "sections": outline(&d.sections),
        "recipients": d.recipients,
        "signature": d.signature,
        "number": d.number,
        "place_date": d.place_date,
    })
}

fn same_as_original(variant: &str, original: &str, encoding: &str) {
    let doc = parse_text_bytes(&fixture(&format!("variants/{variant}"))).expect(variant);
    let want = parse_text(&String::from_utf8(fixture(original)).unwrap());
    assert!(!want.sections.is_empty() && !want.recipients.is_empty(), "{original}");
    let (got, want_s) = (structure(&doc), structure(&want));
    for k in want_s.as_object().unwrap().keys() {
        if k == "recipients" && encoding.starts_with("TCVN3") {
            // A TCVN3 text file has no codes for capitals with tones: one in a word of
            // small letters (`Đảng Ủy ban`) comes back small. Titles in capitals do not.
            let lower = |v: &serde_json::Value| v.to_string().to_lowercase();
            assert_eq!(lower(&got[k]), lower(&want_s[k]), "{variant}: {k}");
            assert_ne!(got[k], want_s[k], "the fixture has a capital with a tone in its recipients");
        } else {
            assert_eq!(got[k], want_s[k], "{variant}: {k}");
        }
    }
    assert_eq!(doc.diagnostics[0].code, "legacy-encoding");
    assert_eq!(doc.diagnostics[0].message, format!("Đã chuyển từ bảng mã {encoding} sang Unicode."));
    assert!(!want.diagnostics.iter().any(|d| d.code == "legacy-encoding"));
}

#[test]
fn tcvn3_text_reads_as_its_original() {
    same_as_original(
        "ha-giang_ctr_tinh-uy_du-thao_2024.tcvn3.txt",
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "TCVN3 (ABC)",
    );
}

#[test]
fn vni_text_reads_as_its_original() {
    same_as_original("lam-dong_ctrhd_tinh-uy.vni.txt", "lam-dong_ctrhd_tinh-uy.txt", "VNI");
}

#[test]
fn viscii_text_reads_as_its_original() {
    same_as_original("cao-bang_kh_ban-thuong-vu.viscii.txt", "cao-bang_kh_ban-thuong-vu.txt", "VISCII");
}

#[test]
fn vni_and_viscii_come_back_letter_for_letter() {
    // VNI and VISCII have every letter: the whole text comes back (VISCII with its
    // dashes, curly quotes and no-break spaces written in ASCII by the generator).
    let vni = banthao_core::source::decode_text(&fixture("variants/lam-dong_ctrhd_tinh-uy.vni.txt")).unwrap();
    let original = banthao_core::source::decode_text(&fixture("lam-dong_ctrhd_tinh-uy.txt")).unwrap();
    assert_eq!(first_difference(&vni, &original), None);
    let viscii =
        banthao_core::source::decode_text(&fixture("variants/cao-bang_kh_ban-thuong-vu.viscii.txt")).unwrap();
    let original = banthao_core::source::decode_text(&fixture("cao-bang_kh_ban-thuong-vu.txt")).unwrap();
    let ascii_signs = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                _ if c.is_ascii() || c.is_alphabetic() => c.to_string(),
                '\u{A0}' => " ".into(),
                '–' | '—' | '•' => "-".into(),
                '“' | '”' | '„' => "\"".into(),
                '‘' | '’' => "'".into(),
                '…' => "...".into(),
                _ => "?".into(),
            })
            .collect()
    };
    assert_eq!(first_difference(&viscii, &ascii_signs(&original)), None);
}

/// Where two long texts first differ, with some context.
fn first_difference(a: &str, b: &str) -> Option<(String, String)> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    if a.len() == b.len() && i == a.len() {
        return None;
    }
    let around = |v: &[char]| v[i.saturating_sub(30)..(i + 30).min(v.len())].iter().collect();
    Some((around(&a), around(&b)))
}
