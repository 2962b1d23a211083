//! Reading a .docx never panics: arbitrary bytes, and real files with bytes changed.

use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let r = banthao_docx::read_docx(&bytes);
        prop_assert!(r.is_err() || r.is_ok());
    }

    #[test]
    fn damaged_real_files(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20),
                          cut in any::<prop::sample::Index>()) {
        for name in ["synth_quang-ninh_ctr_btv.docx", "synth_lao-cai_kh_ubnd_du-thao.docx"] {
            let mut b = fixture(name);
            for (i, v) in &flips {
                let at = i.index(b.len());
                b[at] = *v;
            }
            let _ = banthao_docx::read_docx(&b);
            let len = b.len();
            let _ = banthao_docx::read_docx(&b[..cut.index(len)]);
        }
    }
}

#[test]
fn real_files_read_with_their_footnotes() {
    let d = banthao_docx::read_docx(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    assert_eq!(d.footnotes.len(), 2);
    assert_eq!(d.footnotes[0].text, "Theo Đề án vị trí việc làm đã được cấp có thẩm quyền phê duyệt.");
    let a = d.footnotes[0].anchor.as_ref().unwrap();
    assert_eq!(a.section.as_deref(), Some("II.2"));
    let para = &d.section_at("II.2").unwrap().paragraphs[a.paragraph.unwrap()];
    // The mark stands right after "việc làm", before the final full stop.
    assert_eq!(para.chars().take(a.offset).collect::<String>().trim_end(), "- Phấn đấu 100% cán bộ lãnh đạo, quản lý cấp tỉnh có trình độ sau đại học phù hợp với vị trí việc làm");
}

#[test]
fn bold_titles_are_kept_as_emphasis() {
    let d = banthao_docx::read_docx(&fixture("synth_quang-ninh_ctr_btv.docx")).unwrap();
    let s = d.section_at("II.1").unwrap();
    assert_eq!(s.title, "Mục tiêu chung");
    assert!(
        s.emphasis
            .iter()
            .any(|e| e.paragraph.is_none() && e.bold && e.start == 0 && e.end == s.title.chars().count()),
        "{:?}",
        s.emphasis
    );
}
