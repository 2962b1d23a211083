//! Mining the corpus: the five task-group headings and the "xử lý nghiêm hành vi vi
//! phạm" clause are found, attached to the right parent sections, with the provinces
//! that use them; a clause from one province is offered to another by placeholders.

use banthao_core::clauses::{fill, mine, Source};
use banthao_core::scaffold::ParentTemplate;
use banthao_core::text::fold;

fn corpus() -> Vec<(String, String, banthao_core::Document)> {
    // The texts the store's mining tests mine too.
    include_str!("../../../tests/fixtures/mining-corpus.list")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|f| {
            let text =
                std::fs::read_to_string(format!("{}/../../tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
                    .unwrap();
            (f.to_string(), text.clone(), banthao_core::parse_text(&text))
        })
        .collect()
}

#[test]
fn shared_clauses_of_the_corpus() {
    let docs = corpus();
    let sources: Vec<Source> = docs.iter().map(|(n, _, d)| Source { name: n.clone(), doc: d }).collect();
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let clauses = mine(&parent, &sources);

    // The five task-group headings, each a clause of its own parent section.
    let headings = [
        ("III.1", "nang cao nhan thuc ve vi tri"),
        ("III.2", "doi moi cong tac dao tao"),
        ("III.3", "tang cuong quan ly nha nuoc"),
        ("III.4", "tang cuong nguon luc xay dung doi ngu tri thuc"),
        ("III.5", "phat huy vai tro, trach nhiem cua doi ngu tri thuc"),
    ];
    for (path, start) in headings {
        let c = clauses
            .iter()
            .find(|c| {
                fold(&c.template).starts_with(start)
                    && c.parent_section.as_deref() == Some(&format!("45-NQ/TW#{path}"))
            })
            .unwrap_or_else(|| panic!("task group {path} heading not mined"));
        assert!(c.provinces.len() >= 4, "{path}: {:?}", c.provinces);
    }
    // Distinct clauses: no group holds the headings of two task groups.
    for c in &clauses {
        let starts: Vec<&str> = headings
            .iter()
            .filter(|(_, h)| c.occurrences.iter().any(|o| fold(&o.text).starts_with(h)))
            .map(|(p, _)| *p)
            .collect();
        assert!(starts.len() <= 1, "task-group headings {starts:?} merged in {}", c.template);
    }

    // "xử lý nghiêm hành vi vi phạm": in every province whose text has it.
    // Read from the parsed text: in PDF-wrapped text the phrase can cross a line break.
    let having: Vec<String> = docs
        .iter()
        .filter(|(_, _, d)| {
            fold(&serde_json::to_string(&d.sections).unwrap()).contains("xu ly nghiem hanh vi vi pham")
        })
        .map(|(_, _, d)| d.province.clone().unwrap())
        .collect();
    assert!(having.len() >= 4, "{having:?}");
    let c = clauses
        .iter()
        .find(|c| fold(&c.template).contains("xu ly nghiem hanh vi vi pham"))
        .expect("the clause on strict handling of violations");
    let mut want = having.clone();
    want.sort();
    assert_eq!(c.provinces, want);
    assert_eq!(c.parent_section.as_deref(), Some("45-NQ/TW#III.3"));
    assert!(c.occurrences.iter().all(|o| !o.text.is_empty() && !o.section.is_empty()));
    assert_eq!(c.kind, None, "a task of 45-NQ/TW's own");
    // The generic clauses: the resolution's names are placeholders, none left as written.
    let generic: Vec<_> = clauses.iter().filter(|c| c.kind.is_some()).collect();
    assert!(
        generic.iter().any(|c| c.kind == Some(banthao_core::generic::GenericKind::ToChucThucHien)
            && c.template.contains("{căn cứ}")),
        "{generic:#?}"
    );
    assert!(generic.iter().all(|c| !c.template.contains("45-NQ/TW")));
    assert!(c.variants.len() >= 2, "Hà Tĩnh writes it without «đường lối»: {:?}", c.variants);
    let mut all: Vec<String> = c.variants.iter().flat_map(|v| v.provinces.clone()).collect();
    all.sort();
    all.dedup();
    assert_eq!(all, want, "every province is under one of the wordings");
}

#[test]
fn a_reworded_state_management_clause_still_counts() {
    let docs = corpus_with_held_out();
    let sources: Vec<Source> = docs.iter().map(|(n, _, d)| Source { name: n.clone(), doc: d }).collect();
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let clauses = mine(&parent, &sources);
    let c = clauses
        .iter()
        .find(|c| fold(&c.template).contains("xu ly nghiem hanh vi vi pham"))
        .expect("the clause on strict handling of violations");
    // Read from the texts: all seven provinces write it, Lào Cai shortened («vi phạm
    // pháp luật trong xây dựng đội ngũ trí thức»), Điện Biên reworded around that core.
    assert_eq!(
        c.provinces,
        ["Cao Bằng", "Hà Giang", "Hà Tĩnh", "Lào Cai", "Lâm Đồng", "Quảng Ninh", "Quảng Trị", "Điện Biên"]
    );
    assert_eq!(c.parent_section.as_deref(), Some("45-NQ/TW#III.3"));
    let reworded = c.variants.iter().find(|v| v.provinces == ["Điện Biên"]).expect("Điện Biên's own wording");
    assert!(reworded.template.starts_with("kịp thời chấn chỉnh"), "{}", reworded.template);
    // The task-group headings of III.3 and III.1 stay apart from it.
    assert!(!c.occurrences.iter().any(|o| fold(&o.text).starts_with("tang cuong quan ly nha nuoc,")));
}

#[test]
fn a_cao_bang_clause_offered_to_quang_ninh_names_quang_ninh() {
    // Cao Bằng's text and the same text as another province would write it.
    let text = std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/cao-bang_kh_ban-thuong-vu.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cao_bang = banthao_core::parse_text(&text);
    let bac_ninh = banthao_core::parse_text(&text.replace("Cao Bằng", "Bắc Ninh"));
    assert_eq!(bac_ninh.province.as_deref(), Some("Bắc Ninh"));
    let sources = vec![
        Source { name: "cao-bang".into(), doc: &cao_bang },
        Source { name: "bac-ninh".into(), doc: &bac_ninh },
    ];
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    let clauses = mine(&parent, &sources);
    let with_place: Vec<_> = clauses.iter().filter(|c| c.template.contains("{tỉnh}")).collect();
    assert!(with_place.len() >= 3, "sentences naming the province become templates: {}", with_place.len());
    let fund = with_place
        .iter()
        .find(|c| c.template.contains("Quỹ phát triển khoa học và công nghệ tỉnh {tỉnh}"))
        .expect("the provincial science fund clause");
    assert!(
        fund.occurrences.iter().any(|o| o.text.contains("tỉnh Cao Bằng")),
        "the original wording is kept"
    );
    for c in &with_place {
        let text = fill(&c.template, "Quảng Ninh", false, Some(2026));
        assert!(text.contains("Quảng Ninh"), "{text}");
        for p in ["Cao Bằng", "Bắc Ninh"] {
            assert!(!text.contains(p), "{p} leaks into {text}");
        }
        assert!(!text.contains("{tỉnh}") && !text.contains("{Tỉnh ủy}"), "unfilled placeholder in {text}");
    }
}

/// The held-out corpus of the comparison: the five texts above and the two synthetic
/// plans as `pdftotext` reads them.
const HELD_OUT: [&str; 2] = [
    "variants/synth_lao-cai_kh_ubnd_du-thao.pdftotext.txt",
    "variants/synth_quang-ninh_ctr_btv.pdftotext.txt",
];

/// Prints the clause groups of the corpus (the held-out texts and [`reworded`] too) as
/// JSON, one `GROUP {…}` a line, for comparing two versions of mining with
/// `scripts/compare-clause-groups.sh`.
#[test]
#[ignore]
fn dump_groups() {
    let docs = corpus_with_held_out();
    let sources: Vec<Source> = docs.iter().map(|(n, _, d)| Source { name: n.clone(), doc: d }).collect();
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    for c in mine(&parent, &sources) {
        let occ: Vec<_> = c.occurrences.iter().map(|o| (&o.document, &o.section, &o.text)).collect();
        println!(
            "GROUP {}",
            serde_json::json!({"parent": c.parent_section, "kind": c.kind, "template": c.template, "provinces": c.provinces, "occ": occ})
        );
    }
}

/// Cao Bằng's programme as another province (Điện Biên) might rewrite it: the
/// state-management sentence with a phrase inserted and its tail changed.
/// The corpus, the held-out texts and the reworded one.
fn corpus_with_held_out() -> Vec<(String, String, banthao_core::Document)> {
    let mut docs = corpus();
    for f in HELD_OUT {
        let text =
            std::fs::read_to_string(format!("{}/../../tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        docs.push((f.to_string(), text.clone(), banthao_core::parse_text(&text)));
    }
    let text = reworded();
    docs.push(("reworded".into(), text.clone(), banthao_core::parse_text(&text)));
    docs
}

fn reworded() -> String {
    let text = std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/cao-bang_kh_ban-thuong-vu.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let from = "Tăng cường vai trò quản lý nhà nước trong việc tổ chức thực hiện có hiệu quả chính sách, pháp luật; hỗ trợ, tạo điều kiện cho phát triển đội ngũ trí thức; xử lý nghiêm hành vi vi phạm đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước trong xây dựng đội ngũ trí thức.";
    assert!(text.contains(from));
    text.replace("Cao Bằng", "Điện Biên").replace(
        from,
        "Nâng cao hiệu lực, hiệu quả quản lý nhà nước đối với hoạt động của đội ngũ trí thức; kịp thời chấn chỉnh các biểu hiện, hành vi lệch lạc, sai trái của trí thức, xử lý nghiêm hành vi vi phạm pháp luật trong xây dựng đội ngũ trí thức.",
    )
}
