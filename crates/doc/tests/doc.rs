//! .doc variants of the fixtures (made by `tests/fixtures/gen/make_doc.sh`) read into the
//! same structure as their originals, and hostile bytes refused without a panic.

use banthao_core::model::{Section, Signature};
use banthao_core::{Document, ReadError};
use banthao_doc::{doc_text, read_doc, DocError};
use proptest::prelude::*;
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

fn fixture(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// What must agree between a .doc and its original.
#[derive(Debug, PartialEq)]
struct Shape {
    kind: String,
    issuer: Option<String>,
    province: Option<String>,
    doc_type: Option<String>,
    sections: Vec<String>,
    recipients: Vec<String>,
    signature: Option<Signature>,
}

fn outline(sections: &[Section], depth: usize, out: &mut Vec<String>) {
    for s in sections {
        out.push(format!("{}{} | {} | {}", "  ".repeat(depth), s.label, s.title, s.children.len()));
        outline(&s.children, depth + 1, out);
    }
}

fn shape(d: &Document) -> Shape {
    let mut sections = Vec::new();
    outline(&d.sections, 0, &mut sections);
    Shape {
        kind: format!("{:?}", d.kind),
        issuer: d.issuer.clone(),
        province: d.province.clone(),
        doc_type: d.doc_type.clone(),
        sections,
        recipients: d.recipients.clone(),
        signature: d.signature.clone(),
    }
}

fn doc_variant(stem: &str) -> Document {
    read_doc(&fixture(&format!("variants/{stem}.doc"))).expect("the .doc variant reads")
}

fn same_as_docx(stem: &str) {
    same_as_docx_at(&format!("{stem}.docx"), &format!("variants/{stem}.doc"));
}

fn same_as_docx_at(docx: &str, doc: &str) {
    let original = banthao_docx::read_docx(&fixture(docx)).expect("original");
    let doc = read_doc(&fixture(doc)).expect("the .doc variant reads");
    assert!(!original.sections.is_empty());
    assert_eq!(shape(&doc), shape(&original));
    let notes = |d: &Document| d.footnotes.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
    assert_eq!(notes(&doc), notes(&original));
}

#[test]
fn quang_ninh_docx_variant_has_the_same_structure() {
    same_as_docx("synth_quang-ninh_ctr_btv");
}

#[test]
fn lao_cai_docx_variant_has_the_same_structure() {
    same_as_docx("synth_lao-cai_kh_ubnd_du-thao");
}

#[test]
fn quang_ninh_vntime_variant_has_the_same_structure() {
    same_as_docx_at(
        "variants/synth_quang-ninh_ctr_btv.vntime.docx",
        "variants/synth_quang-ninh_ctr_btv.vntime.doc",
    );
    let text = doc_text(&fixture("variants/synth_quang-ninh_ctr_btv.vntime.doc")).expect("reads");
    assert_eq!(text.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
    let unicode = doc_text(&fixture("variants/synth_quang-ninh_ctr_btv.doc")).expect("reads");
    let texts = |t: &banthao_doc::DocText| t.lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&text), texts(&unicode));
    assert_eq!(text.footnotes, unicode.footnotes);
}

/// The text originals, laid out as official documents (`banthao export`) and saved
/// as .doc: the same structure as the exported .docx.
#[test]
fn exported_text_originals_as_doc_have_the_same_structure() {
    for stem in ["ha-giang_ctr_tinh-uy_du-thao_2024", "lam-dong_ctrhd_tinh-uy", "cao-bang_kh_ban-thuong-vu"] {
        same_as_docx_at(&format!("variants/{stem}.docx"), &format!("variants/{stem}.doc"));
    }
}

#[test]
fn docx_variants_give_the_same_lines() {
    for stem in ["synth_quang-ninh_ctr_btv", "synth_lao-cai_kh_ubnd_du-thao"] {
        let docx = banthao_docx::docx_text(&fixture(&format!("{stem}.docx"))).expect("original");
        let doc = doc_text(&fixture(&format!("variants/{stem}.doc"))).expect("variant");
        // Paragraph numbers may differ by the empty paragraph LibreOffice writes before a
        // table that opens the document; the texts may not.
        let texts = |l: &[banthao_core::source::Line]| l.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&doc.lines), texts(&docx.lines), "{stem}");
        let marks = |l: &[banthao_core::source::Line]| {
            l.iter().flat_map(|l| l.notes.iter().map(|n| n.offset)).collect::<Vec<_>>()
        };
        assert_eq!(marks(&doc.lines), marks(&docx.lines), "{stem}");
    }
}

// --- legacy fonts --------------------------------------------------------------------

/// The text of `variants/synth_tcvn3_ha-giang_ctr.doc` (see `make_doc.sh`).
const TCVN3_UNICODE: &str = "ĐẢNG BỘ TỈNH HÀ GIANG
TỈNH ỦY
*
Số 12-CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Giang, ngày 5 tháng 3 năm 2024
CHƯƠNG TRÌNH
hành động thực hiện Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng về đội ngũ trí thức
-----
Thực hiện Nghị quyết số 45-NQ/TW, Ban Thường vụ Tỉnh ủy Hà Giang ban hành Chương trình hành động như sau:
I- MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Quán triệt sâu sắc các quan điểm, mục tiêu, nhiệm vụ và giải pháp của Nghị quyết đến cán bộ, đảng viên và Nhân dân trong tỉnh.
2. Yêu cầu
Cụ thể hóa nhiệm vụ, giải pháp phù hợp với điều kiện thực tiễn của tỉnh.
II- TỔ CHỨC THỰC HIỆN
Các cấp ủy, tổ chức đảng tổ chức quán triệt và xây dựng kế hoạch thực hiện Chương trình này.
Nơi nhận:
- Ban Bí thư Trung ương Đảng (báo cáo),
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An";

#[test]
fn tcvn3_font_runs_are_converted_by_font() {
    let bytes = fixture("variants/synth_tcvn3_ha-giang_ctr.doc");
    let text = doc_text(&bytes).expect("reads");
    assert_eq!(text.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
    let got: Vec<&str> = text.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(got, TCVN3_UNICODE.lines().collect::<Vec<_>>());
    let doc = read_doc(&bytes).expect("reads");
    assert_eq!(shape(&doc), shape(&banthao_core::parse_text(TCVN3_UNICODE)));
    assert!(doc.diagnostics.iter().any(|d| d.code == "legacy-encoding"), "{:?}", doc.diagnostics);
}

#[test]
fn tcvn3_font_of_the_paragraph_style_is_converted() {
    // The body's runs name no font: .VnTime comes from the Normal style.
    let text = doc_text(&fixture("variants/synth_tcvn3-style-font_ha-giang_ctr.doc")).expect("reads");
    assert_eq!(text.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
    let got: Vec<&str> = text.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(got, TCVN3_UNICODE.lines().collect::<Vec<_>>());
}

#[test]
fn tcvn3_without_fonts_is_found_by_statistics() {
    let text = doc_text(&fixture("variants/synth_tcvn3-no-font_ha-giang_ctr.doc")).expect("reads");
    assert_eq!(text.legacy, Some(banthao_core::legacy::Encoding::Tcvn3));
    let got: Vec<&str> = text.lines.iter().map(|l| l.text.as_str()).collect();
    // Without the capitals font, its lines read in lower case; the others as typed,
    // the one Unicode paragraph left alone.
    let want: Vec<String> =
        TCVN3_UNICODE
            .lines()
            .map(|l| {
                if l.chars().any(char::is_lowercase) || l.len() < 6 {
                    l.to_string()
                } else {
                    l.to_lowercase()
                }
            })
            .collect();
    let differing = got.iter().zip(&want).filter(|(g, w)| g != w).count();
    assert_eq!(got.len(), want.len());
    assert_eq!(differing, 0, "{got:#?}");
}

#[test]
fn emphasis_comes_through() {
    let text = doc_text(&fixture("variants/synth_tcvn3_ha-giang_ctr.doc")).expect("reads");
    let line = |t: &str| text.lines.iter().find(|l| l.text == t).expect(t);
    assert!(line("CHƯƠNG TRÌNH").spans.iter().any(|s| s.bold && !s.italic));
    assert!(line("Hà Giang, ngày 5 tháng 3 năm 2024").spans.iter().any(|s| s.italic && !s.bold));
    assert!(line("Số 12-CTr/TU").spans.is_empty());
}

#[test]
fn unicode_variants_are_not_converted() {
    for stem in ["synth_quang-ninh_ctr_btv", "ha-giang_ctr_tinh-uy_du-thao_2024"] {
        let t = doc_text(&fixture(&format!("variants/{stem}.doc"))).expect("reads");
        assert_eq!(t.legacy, None, "{stem}");
    }
}

// --- hostile input -------------------------------------------------------------------

/// The streams of a compound file, by name.
fn streams(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).expect("compound file");
    let names: Vec<String> =
        file.walk().filter(|e| e.is_stream()).map(|e| e.path().to_string_lossy().into_owned()).collect();
    names
        .into_iter()
        .map(|n| {
            let mut buf = Vec::new();
            file.open_stream(&n).expect("stream").read_to_end(&mut buf).expect("read");
            (n, buf)
        })
        .collect()
}

/// A compound file holding `streams`.
fn compound(streams: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
    for (name, data) in streams {
        file.create_stream(name).expect("stream").write_all(data).expect("write");
    }
    file.into_inner().into_inner()
}

/// A fixture with its `WordDocument` stream changed by `f`.
fn with_word(f: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let mut all = streams(&fixture("variants/synth_quang-ninh_ctr_btv.doc"));
    for (name, data) in &mut all {
        if name.trim_start_matches('/') == "WordDocument" {
            f(data);
        }
    }
    compound(&all)
}

fn bad_doc(r: Result<Document, ReadError>) -> String {
    match r {
        Err(ReadError::BadDoc(why)) => why,
        other => panic!("expected BadDoc, got {other:?}"),
    }
}

#[test]
fn rewritten_fixture_still_reads() {
    // The helper itself keeps a readable file.
    let d = read_doc(&with_word(|_| {})).expect("reads");
    assert_eq!(shape(&d), shape(&doc_variant("synth_quang-ninh_ctr_btv")));
}

#[test]
fn truncated_file_is_damaged() {
    let bytes = fixture("variants/synth_quang-ninh_ctr_btv.doc");
    for len in [0, 1, 8, 512, 1024, bytes.len() / 2, bytes.len() - 1] {
        match read_doc(&bytes[..len]) {
            Err(ReadError::BadDoc(_)) | Err(ReadError::Empty) => {}
            other => panic!("{len}: {other:?}"),
        }
    }
}

#[test]
fn document_without_text_is_empty() {
    assert_eq!(read_doc(&fixture("variants/empty.doc")).unwrap_err(), ReadError::Empty);
}

#[test]
fn not_a_compound_file_is_damaged() {
    bad_doc(read_doc(b"PK\x03\x04 this is a zip, not a .doc"));
    bad_doc(read_doc(&[0u8; 4096]));
}

#[test]
fn compound_file_without_word_stream_says_so() {
    let bytes = compound(&[("Workbook".to_string(), vec![1, 2, 3])]);
    assert_eq!(doc_text(&bytes).unwrap_err(), DocError::NoWordDocument);
    assert!(bad_doc(read_doc(&bytes)).contains("WordDocument"));
}

#[test]
fn encrypted_flag_asks_for_a_password() {
    let bytes = with_word(|w| w[0x0B] |= 0x01);
    assert_eq!(read_doc(&bytes).unwrap_err(), ReadError::Password(".doc"));
}

#[test]
fn wrong_magic_is_damaged() {
    let bytes = with_word(|w| w[0] = 0);
    assert!(bad_doc(read_doc(&bytes)).contains("FIB"));
}

#[test]
fn huge_claimed_lengths_are_refused() {
    // ccpText: FibRgLw97 starts after FibBase (32), csw + fibRgW (2 + 28), cslw (2).
    let huge_text = with_word(|w| w[64 + 12..64 + 16].copy_from_slice(&0x7FFF_FFF0u32.to_le_bytes()));
    bad_doc(read_doc(&huge_text));
    // lcbClx: FibRgFcLcb97 starts at 154; Clx is its 34th pair.
    let huge_clx =
        with_word(|w| w[154 + 33 * 8 + 4..154 + 33 * 8 + 8].copy_from_slice(&u32::MAX.to_le_bytes()));
    bad_doc(read_doc(&huge_clx));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = read_doc(&bytes);
    }

    #[test]
    fn flipped_word_stream_never_panics(flips in proptest::collection::vec((0usize..20_000, any::<u8>()), 1..40)) {
        let bytes = with_word(|w| {
            for &(at, x) in &flips {
                let n = w.len();
                w[at % n] ^= x;
            }
        });
        let _ = read_doc(&bytes);
    }

    #[test]
    fn flipped_file_never_panics(flips in proptest::collection::vec((0usize..30_000, any::<u8>()), 1..20), cut in 0usize..30_000) {
        let mut bytes = fixture("variants/synth_lao-cai_kh_ubnd_du-thao.doc");
        let n = bytes.len();
        for &(at, x) in &flips {
            bytes[at % n] ^= x;
        }
        bytes.truncate(cut.max(n / 2));
        let _ = read_doc(&bytes);
    }
}
