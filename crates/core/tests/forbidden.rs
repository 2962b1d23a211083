//! Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return;
//! U+FFFE, U+FFFF) are removed at import, once, and the document says how many.

use banthao_core::text::is_forbidden_in_xml;
use proptest::prelude::*;

/// Every string the model holds, through its JSON form.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

fn forbidden_left(doc: &banthao_core::model::Document) -> Vec<String> {
    let mut all = Vec::new();
    strings(&serde_json::to_value(doc).unwrap(), &mut all);
    all.into_iter().filter(|s| s.chars().any(is_forbidden_in_xml)).collect()
}

const SAMPLE: &str = "TỈNH ỦY CAO BẰNG\u{FFFE}\n*\nSố 12-CTr/TU\u{0}\n\nCHƯƠNG TRÌNH\nhành động\u{FFFF} thực hiện Nghị quyết\n\
                      I. MỤC ĐÍCH\u{1}, YÊU CẦU\n1. Nâng cao\u{B}chất lượng\u{7} đội ngũ\u{FFFF}\u{FFFE}.\n\tII. NHIỆM VỤ\n";

#[test]
fn forbidden_characters_are_dropped_and_reported() {
    // Text with a few such characters among many ordinary ones (a file of mostly
    // control bytes is binary, not text).
    let text = format!("{SAMPLE}2. {}\n", "Tăng cường công tác kiểm tra, giám sát. ".repeat(40));
    let doc = banthao_core::parse_text_bytes(text.as_bytes()).unwrap();
    assert_eq!(forbidden_left(&doc), Vec::<String>::new());
    let d = doc.diagnostics.iter().find(|d| d.code == "forbidden-characters").expect("diagnostic");
    assert!(d.message.contains("Đã bỏ 8 ký tự"), "{}", d.message);
    // The rest of the text is intact.
    assert_eq!(doc.sections[0].title, "MỤC ĐÍCH , YÊU CẦU");
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains("Nâng cao chất lượng đội ngũ."), "{json}");
    assert!(json.contains("hành động thực hiện Nghị quyết"), "{json}");
}

#[test]
fn ordinary_text_has_no_such_diagnostic() {
    let doc = banthao_core::parse_text("CHƯƠNG TRÌNH\nhành động\n\tI. MỤC ĐÍCH\r\n1. Nội dung.\n");
    assert!(doc.diagnostics.iter().all(|d| d.code != "forbidden-characters"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_forbidden_character_survives_import(
        s in "([\\PC\u{0}-\u{1F}\u{FFFE}\u{FFFF}]|\nI\\. |\n1\\. |\\[1: |\\[footnoteRef:1\\]){0,400}"
    ) {
        let doc = banthao_core::parse_text(&s);
        prop_assert_eq!(forbidden_left(&doc), Vec::<String>::new());
    }
}
