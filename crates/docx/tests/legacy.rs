//! A .docx whose runs are in TCVN3 fonts (`.VnTime`, `.VnTimeH`), with one paragraph in
//! Unicode Times New Roman, reads as its Unicode original (the variant is written by
//! `tests/fixtures/gen/make_legacy.py`).

use banthao_core::model::{Document, Section};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Everything the reader gives but the diagnostics, field by field.
fn assert_same(got: &Document, want: &Document) {
    assert_eq!(got.kind, want.kind);
    assert_eq!(got.issuer, want.issuer);
    assert_eq!(got.province, want.province);
    assert_eq!(got.doc_type, want.doc_type);
    assert_eq!(got.summary, want.summary);
    assert_eq!(got.number, want.number);
    assert_eq!(got.place_date, want.place_date);
    assert_eq!(got.preamble, want.preamble);
    assert_eq!(outline(&got.sections), outline(&want.sections));
    assert_eq!(got.sections, want.sections);
    assert_eq!(got.recipients, want.recipients);
    assert_eq!(got.signature, want.signature);
    assert_eq!(got.footnotes, want.footnotes);
}

/// Label, title and paragraphs down the tree (a readable first comparison).
fn outline(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        out.push(format!("{} {} {:?}", s.label, s.title, s.paragraphs));
        out.extend(outline(&s.children).into_iter().map(|l| format!("  {l}")));
    }
    out
}

#[test]
fn vntime_docx_reads_as_its_original() {
    let want = banthao_docx::read_docx(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    let got = banthao_docx::read_docx(&fixture("variants/synth_quang-ninh_ctr_btv.vntime.docx")).unwrap();
    assert!(!want.sections.is_empty() && !want.recipients.is_empty() && want.signature.is_some());
    assert_same(&got, &want);
    assert_eq!(got.diagnostics[0].code, "legacy-encoding");
    assert_eq!(got.diagnostics[0].message, "Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.");
    assert!(!want.diagnostics.iter().any(|d| d.code == "legacy-encoding"));
    assert_eq!(got.diagnostics[1..], want.diagnostics[..]);
}

#[test]
fn the_variant_really_is_legacy_and_mixed() {
    // Guards the fixture: without conversion its text would be mojibake.
    let bytes = fixture("variants/synth_quang-ninh_ctr_btv.vntime.docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("w:ascii=\".VnTime\""));
    assert!(xml.contains("w:ascii=\".VnTimeH\""));
    assert!(xml.contains("w:ascii=\"Times New Roman\""));
    assert!(xml.contains("Ch\u{AD}¬ng tr×nh") || xml.contains("ch\u{AD}¬ng tr×nh"));
}

/// A document with a paragraph in `.VnTime`, one in `.VnTimeH` through its style, one in
/// Unicode, and a footnote in `.VnTime` through the document defaults.
fn mixed_docx(fonts_lost: bool) -> Vec<u8> {
    use std::io::Write;
    let vn = |f: &str| {
        if fonts_lost {
            String::new()
        } else {
            format!(r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}"/>"#)
        }
    };
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Caps"/></w:pPr><w:r><w:t>tØnh ñy hµ giang</w:t></w:r></w:p>
        <w:p><w:r><w:rPr>{vn}</w:rPr><w:t>Ch&#173;¬ng tr×nh hµnh ®éng thùc hiÖn NghÞ quyÕt</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t>Đội ngũ trí thức </w:t></w:r><w:r><w:rPr>{vn}</w:rPr><w:t>®¸p øng yªu cÇu</w:t></w:r></w:p>
        </w:body></w:document>"#,
        vn = vn(".VnTime")
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="w">
        <w:docDefaults><w:rPrDefault><w:rPr>{}</w:rPr></w:rPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:styleId="Caps"><w:rPr>{}</w:rPr></w:style></w:styles>"#,
        vn(".VnTime"),
        vn(".VnTimeH")
    );
    let footnotes = r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="w">
        <w:footnote w:id="1"><w:p><w:r><w:t>QuyÕt ®Þnh sè 216</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    for (name, body) in [
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", &styles),
        ("word/footnotes.xml", footnotes),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn runs_in_legacy_fonts_are_converted_and_unicode_runs_kept() {
    let t = banthao_docx::docx_text(&mixed_docx(false)).unwrap();
    let lines: Vec<&str> = t.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "TỈNH ỦY HÀ GIANG",
            "Chương trình hành động thực hiện Nghị quyết",
            "Đội ngũ trí thức đáp ứng yêu cầu"
        ]
    );
    assert_eq!(t.footnotes, [("1".to_string(), "Quyết định số 216".to_string())]);
    assert_eq!(t.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
}

#[test]
fn legacy_bytes_with_their_fonts_lost_are_found_by_their_statistics() {
    let t = banthao_docx::docx_text(&mixed_docx(true)).unwrap();
    let lines: Vec<&str> = t.lines.iter().map(|l| l.text.as_str()).collect();
    // Without the capitals font, capitals with tones are known only among capitals.
    assert_eq!(lines[1], "Chương trình hành động thực hiện Nghị quyết");
    assert_eq!(lines[2], "Đội ngũ trí thức đáp ứng yêu cầu");
    assert_eq!(t.footnotes[0].1, "Quyết định số 216");
    assert_eq!(t.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
    // A Unicode document is left alone.
    let unicode = banthao_docx::docx_text(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    assert_eq!(unicode.legacy, None);
}
