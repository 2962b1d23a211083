//! The cascade (issue 15): a department plan from a UBND plan from an unnumbered Tỉnh
//! ủy programme; every level's section leads to the resolution's section.

use banthao_core::cascade::chain;
use banthao_core::scaffold::{scaffold, DraftType, IssuerKind, ParentTemplate, Presets, ScaffoldRequest};
use banthao_core::{builtin_places, parse_text, Document};

fn req(issuer: IssuerKind) -> ScaffoldRequest {
    ScaffoldRequest {
        province: "Hà Giang".into(),
        issuer,
        doc_type: DraftType::Kh,
        year: 2024,
        date: "2024-06-01".into(),
        signer: None,
        signer_title: None,
    }
}

fn programme() -> Document {
    let path =
        format!("{}/../../tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt", env!("CARGO_MANIFEST_DIR"));
    parse_text(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn three_levels_lead_to_the_resolution() {
    let roots = ParentTemplate::builtins();
    let tu = programme();
    let tu_parent = ParentTemplate::from_document(&tu);
    assert!(tu_parent.id.contains('~'), "an unnumbered draft: {}", tu_parent.id);
    let ubnd = scaffold(&tu_parent, &req(IssuerKind::Ubnd), &Presets::builtin(), builtin_places()).unwrap();
    let ubnd_parent = ParentTemplate::from_document(&ubnd);
    assert_ne!(ubnd_parent.id, tu_parent.id);
    let dept = scaffold(&ubnd_parent, &req(IssuerKind::Ubnd), &Presets::builtin(), builtin_places()).unwrap();
    let library = vec![tu.clone(), ubnd.clone()];

    let c = chain(&dept, "III.3", &library, &roots);
    assert_eq!(
        c,
        [
            format!("{}#III.3", ubnd_parent.id),
            format!("{}#III.3", tu_parent.id),
            "45-NQ/TW#III.3".to_string()
        ]
    );
    // Every task group, and a paragraph-level section through its ancestor.
    for k in 1..=5 {
        let c = chain(&ubnd, &format!("III.{k}"), &library, &roots);
        assert_eq!(c.last().map(String::as_str), Some(format!("45-NQ/TW#III.{k}").as_str()));
    }
    // Without the programme in the library the chain stops at it.
    let c = chain(&dept, "III.3", &library[1..], &roots);
    assert_eq!(c.len(), 2);
    // A section that links to nothing has no chain.
    assert!(chain(&parse_text("I- MỤC ĐÍCH\nNội dung.\n"), "I", &library, &[]).is_empty());
}
