//! The task appendix: landscape pages, the six columns, one row per task, the cells'
//! text, and the profile's font.

use banthao_core::profile::FormatProfile;
use banthao_core::tasks::Task;
use std::io::Read;

fn document_xml(docx: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn appendix_is_a_landscape_table_of_the_tasks() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/check/synth_lang-son_kh_btv_2026.txt"
    ))
    .unwrap();
    let doc = banthao_core::parse_text(&text);
    let mut tasks = banthao_core::tasks::tasks(&doc);
    tasks.push(Task {
        path: "IV.9".into(),
        task: "Nhiệm vụ có ký tự <đặc biệt> & \"ngoặc\"".into(),
        lead: None,
        partners: vec!["Sở Y tế".into(), "Sở Tư pháp".into()],
        time: None,
        product: None,
    });
    let party = FormatProfile::builtin("party").unwrap();
    let opts = banthao_docx::ExportOptions { created: "2026-11-23T10:30:00Z".into(), author: None };
    let xml = document_xml(&banthao_docx::write_tasks_docx(&doc, &tasks, &party, &opts));
    // Landscape A4: 297 × 210 mm.
    assert!(xml.contains(r#"<w:pgSz w:w="16838" w:h="11906"/>"#), "{xml}");
    for heading in [
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
    ] {
        assert!(xml.contains(&format!(">{heading}</w:t>")), "{heading}");
    }
    assert!(xml.contains("PHÂN CÔNG NHIỆM VỤ"));
    assert!(xml.contains("(Kèm theo Kế hoạch số 15-KH/TU)"));
    // A header row plus one row per task.
    assert_eq!(xml.matches("<w:tr>").count(), tasks.len() + 1);
    assert!(xml.contains("<w:tblHeader/>"));
    assert!(xml.contains(">Quyết định phê duyệt Đề án</w:t>"));
    assert!(xml.contains(">Sở Y tế; Sở Tư pháp</w:t>"));
    assert!(xml.contains("&lt;đặc biệt&gt; &amp;"));
    assert!(xml.contains(r#"w:ascii="Times New Roman""#));
}
