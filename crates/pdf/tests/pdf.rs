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

#[test]
fn a_pdf_with_an_owner_password_only_reads_like_the_plain_one() {
    let plain = shape(&banthao_pdf::read_pdf(&fixture("variants/synth_quang-ninh_ctr_btv.pdf")).unwrap());
    let owner = banthao_pdf::read_pdf(&fixture("variants/synth_quang-ninh_ctr_btv.owner-password.pdf"));
    assert_eq!(shape(&owner.unwrap()), plain);
}

#[test]
fn a_pdf_that_needs_a_password_says_so() {
    let e = banthao_pdf::read_pdf(&fixture("variants/synth_quang-ninh_ctr_btv.password.pdf")).unwrap_err();
    assert_eq!(e, ReadError::Password("PDF"));
    assert!(e.to_string().contains("mật khẩu"), "{e}");
}

/// A PDF file from object bodies (object `k + 1` is `bodies[k]`; 1 is the catalog).
fn build(bodies: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", k + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", bodies.len() + 1)
            .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fn obj(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

/// Catalog, page tree and one page drawing `content` with resources `res`.
fn one_page(res: &str, content: Vec<u8>, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut bodies = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj(&format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {res} /Contents 4 0 R >>"
        )),
        content,
    ];
    bodies.extend(extra);
    build(&bodies)
}

#[test]
fn a_scan_says_it_is_a_scan() {
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        &[128],
    );
    let pdf = one_page(
        "<< /XObject << /Im1 5 0 R >> >>",
        stream("", b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
        vec![image],
    );
    let e = banthao_pdf::read_pdf(&pdf).unwrap_err();
    assert_eq!(e, ReadError::Scanned);
    assert!(e.to_string().contains("bản quét"), "{e}");
}

#[test]
fn a_hand_made_pdf_with_a_standard_font_reads() {
    let text = b"BT /F1 12 Tf 72 760 Td (UY BAN NHAN DAN) Tj 0 -20 Td (Ke hoach so 5) Tj ET";
    let pdf = one_page(
        "<< /Font << /F1 5 0 R >> >>",
        stream("", text),
        vec![obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")],
    );
    let ((lines, _), _, _) = banthao_pdf::pdf_text(&pdf).unwrap();
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["UY BAN NHAN DAN", "Ke hoach so 5"]);
}

#[test]
fn a_decompression_bomb_is_refused_with_a_reason() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..40 {
        z.write_all(&block).unwrap();
    }
    let bomb = z.finish().unwrap();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let pdf = one_page("<< >>", stream("/Filter /FlateDecode", &bomb), vec![]);
    let e = banthao_pdf::read_pdf(&pdf).unwrap_err();
    assert!(matches!(&e, ReadError::BadPdf(why) if why.contains("giải nén ra hơn")), "{e:?}");
}

#[test]
fn reference_loops_end() {
    // The page tree lists itself, and the page's contents are a loop of references.
    let pdf = build(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
        obj("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"),
        obj("5 0 R"),
        obj("4 0 R"),
    ]);
    let e = banthao_pdf::read_pdf(&pdf).unwrap_err();
    assert!(matches!(e, ReadError::Empty | ReadError::BadPdf(_)), "{e:?}");
}

#[test]
fn ten_thousand_pages_are_refused_with_a_reason() {
    let n = 10_000;
    let kids: Vec<String> = (0..n).map(|k| format!("{} 0 R", k + 4)).collect();
    let mut bodies = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj(&format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" "))),
        stream("", b"BT ET"),
    ];
    bodies.extend(
        (0..n).map(|_| obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>")),
    );
    let e = banthao_pdf::read_pdf(&build(&bodies)).unwrap_err();
    assert!(matches!(&e, ReadError::PdfTooLarge(why) if why.contains("trang")), "{e:?}");
}

#[test]
fn damaged_and_truncated_pdfs_never_panic() {
    let good = fixture("variants/synth_quang-ninh_ctr_btv.pdf");
    for cut in [10, 100, 1000, good.len() / 3, good.len() / 2, good.len() - 200, good.len() - 10] {
        let _ = banthao_pdf::read_pdf(&good[..cut]);
    }
    let e = banthao_pdf::read_pdf(b"%PDF-1.4\nnothing else").unwrap_err();
    assert!(matches!(e, ReadError::BadPdf(_)), "{e:?}");
    assert!(matches!(banthao_pdf::read_pdf(b"not a pdf at all"), Err(ReadError::BadPdf(_))));
}

/// A signature added as Word and the signing tools add it: an incremental update with
/// a signature field and value, the catalog rewritten, the old cross-reference kept.
fn signed(original: &[u8]) -> Vec<u8> {
    let doc = lopdf::Document::load_mem(original).unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let size = doc.trailer.get(b"Size").unwrap().as_i64().unwrap() as u32;
    let prev = {
        let at = original.windows(9).rposition(|w| w == b"startxref").unwrap();
        let tail = std::str::from_utf8(&original[at + 9..]).unwrap();
        tail.split_whitespace().next().unwrap().to_string()
    };
    let page = doc.page_iter().next().unwrap();
    let (sig, field) = (size, size + 1);
    let mut out = original.to_vec();
    let mut offsets = Vec::new();
    offsets.push((root.0, out.len()));
    out.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Type /Catalog /Pages {} 0 R /AcroForm << /Fields [{field} 0 R] /SigFlags 3 >> >>\nendobj\n",
            root.0,
            doc.catalog().unwrap().get(b"Pages").unwrap().as_reference().unwrap().0
        )
        .as_bytes(),
    );
    offsets.push((sig, out.len()));
    let contents = "0".repeat(2048);
    out.extend_from_slice(format!("{sig} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name (Văn phòng Tỉnh ủy) /M (D:20240318090000+07'00') /ByteRange [0 1000 3048 1000] /Contents <{contents}> >>\nendobj\n").as_bytes());
    offsets.push((field, out.len()));
    out.extend_from_slice(format!("{field} 0 obj\n<< /FT /Sig /T (Signature1) /V {sig} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P {} 0 R /F 132 >>\nendobj\n", page.0).as_bytes());
    let xref = out.len();
    out.extend_from_slice(b"xref\n");
    for (id, at) in &offsets {
        out.extend_from_slice(format!("{id} 1\n{at:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root {} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
            field + 1,
            root.0
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_signed_pdf_reads_like_the_unsigned_one() {
    let plain = fixture("variants/synth_quang-ninh_ctr_btv.pdf");
    let signed = signed(&plain);
    assert!(lopdf::Document::load_mem(&signed).unwrap().catalog().unwrap().has(b"AcroForm"));
    assert_eq!(
        shape(&banthao_pdf::read_pdf(&signed).unwrap()),
        shape(&banthao_pdf::read_pdf(&plain).unwrap())
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn flipped_bytes_never_panic(flips in proptest::collection::vec((0usize..60_000, proptest::prelude::any::<u8>()), 1..24)) {
        let mut bytes = fixture("variants/synth_quang-ninh_ctr_btv.pdf");
        let n = bytes.len();
        for (at, b) in flips {
            bytes[at % n] = b;
        }
        let _ = banthao_pdf::read_pdf(&bytes);
    }
}

#[test]
fn text_in_legacy_fonts_is_converted_by_the_font_name() {
    // `.VnTimeH` draws the lower-case codes as capitals; `.VnTime` is TCVN3 (ABC).
    let text = b"BT /F1 14 Tf 72 760 Td (ch\xad\xacng tr\xd7nh) Tj /F2 14 Tf 0 -20 Td (Th\xf9c hi\xd6n Ngh\xde quy\xd5t) Tj ET";
    let pdf = one_page(
        "<< /Font << /F1 5 0 R /F2 6 0 R >> >>",
        stream("", text),
        vec![
            obj("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+#2EVnTimeH /Encoding /WinAnsiEncoding >>"),
            obj("<< /Type /Font /Subtype /TrueType /BaseFont /#2EVnTime /Encoding /WinAnsiEncoding >>"),
        ],
    );
    let ((lines, _), _, legacy) = banthao_pdf::pdf_text(&pdf).unwrap();
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["CHƯƠNG TRÌNH", "Thực hiện Nghị quyết"]);
    assert_eq!(legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
}

#[test]
fn legacy_text_whose_fonts_were_replaced_is_found_and_said() {
    // LibreOffice printed the .VnTime document without the font: the PDF names a
    // substitute and holds the legacy bytes as Windows-1252 letters.
    let doc = banthao_pdf::read_pdf(&fixture("variants/synth_quang-ninh_ctr_btv.vntime.pdf")).unwrap();
    assert_eq!(doc.diagnostics[0].code, "legacy-encoding");
    assert!(doc.diagnostics[0].message.contains("TCVN3"));
    let text = serde_json::to_string(&doc).unwrap();
    assert!(text.contains("Quảng Ninh") && text.contains("đội ngũ trí thức"), "{text}");
    assert!(!text.contains("Qu¶ng") && !text.contains("®"), "{text}");
}

#[test]
fn running_headers_footers_and_page_numbers_are_left_out() {
    check_variants(".chromium-running.pdf");
}
