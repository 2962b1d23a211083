//! The coverage map of the corpus against the built-in 45-NQ/TW, checked section by
//! section against a table written by hand from the texts' headings (issue 15).

use banthao_core::coverage_map::coverage_map;
use banthao_core::scaffold::ParentTemplate;
use banthao_core::{parse_text, Document};

const FILES: [&str; 6] = [
    "cao-bang_kh_ban-thuong-vu.txt",
    "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
    "ha-giang_ctr_tinh-uy_du-thao_2024_pdf-wrapped.txt",
    "lam-dong_ctrhd_tinh-uy.txt",
    "synth_ha-tinh_kh_ubnd.txt",
    "synth_quang-tri_ctr_tinh-uy_pdf-layout.txt",
];

/// Parent section → the path in each file (in `FILES` order) that implements it;
/// `-` where the text has no such section; `a|b` where either reading is right.
/// Written from the headings: only Hà Giang reports on the situation (I- TÌNH HÌNH
/// CHUNG); Hà Tĩnh's UBND plan has its task groups under II and only three of them;
/// Cao Bằng's «Mục tiêu chung» / «Mục tiêu cụ thể» both answer «Mục tiêu đến năm
/// 2030»; Cao Bằng and Hà Tĩnh have no «Quan điểm» or «Tầm nhìn».
const TABLE: [(&str, [&str; 6]); 12] = [
    ("45-NQ/TW#I", ["-", "I", "I", "-", "-", "-"]),
    ("45-NQ/TW#II", ["II", "II", "II", "II", "-", "II"]),
    ("45-NQ/TW#II.1", ["-", "II.1", "II.1", "-", "-", "-"]),
    ("45-NQ/TW#II.2", ["II.1|II.2", "II.2", "II.2", "II.2", "-", "II.2"]),
    ("45-NQ/TW#II.3", ["-", "II.3", "II.3", "II.3", "-", "II.3"]),
    ("45-NQ/TW#III", ["III", "III", "III", "III", "II", "III"]),
    ("45-NQ/TW#III.1", ["III.1", "III.1", "III.1", "III.1", "II.1", "III.1"]),
    ("45-NQ/TW#III.2", ["III.2", "III.2", "III.2", "III.2", "II.2", "III.2"]),
    ("45-NQ/TW#III.3", ["III.3", "III.3", "III.3", "III.3", "II.3", "III.3"]),
    ("45-NQ/TW#III.4", ["III.4", "III.4", "III.4", "III.4", "-", "III.4"]),
    ("45-NQ/TW#III.5", ["III.5", "III.5", "III.5", "III.5", "-", "III.5"]),
    ("45-NQ/TW#IV", ["IV", "IV", "IV", "IV", "IV", "IV"]),
];

fn corpus() -> Vec<Document> {
    FILES
        .iter()
        .map(|f| {
            let path = format!("{}/../../tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            parse_text(&std::fs::read_to_string(path).unwrap())
        })
        .collect()
}

#[test]
fn the_corpus_against_45_nq_tw_matches_the_table() {
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap();
    let map = coverage_map(&parent, &corpus());
    let mut checked = 0;
    for (id, want) in TABLE {
        let row = map.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} missing"));
        for (k, w) in want.iter().enumerate() {
            let got = row.covered_by.iter().find(|c| c.document == k).map(|c| c.path.as_str());
            let ok = match got {
                None => *w == "-",
                Some(p) => w.split('|').any(|x| x == p),
            };
            assert!(ok, "{id} in {}: expected {w}, got {got:?}", FILES[k]);
            checked += 1;
        }
    }
    // Every row of the map is in the table.
    assert_eq!(map.len(), TABLE.len(), "{:?}", map.iter().map(|r| &r.id).collect::<Vec<_>>());
    assert_eq!(checked, 72);
    // Provinces and the facts of the assignments.
    let iv = map.iter().find(|r| r.id == "45-NQ/TW#IV").unwrap();
    assert!(iv.covered_by.iter().all(|c| c.has_lead && c.has_time && c.province.is_some()));
    let goals = map.iter().find(|r| r.id == "45-NQ/TW#II.2").unwrap();
    assert!(goals.covered_by.iter().find(|c| c.document == 1).unwrap().has_target);
}

#[test]
fn a_scaffolded_draft_is_mapped_by_its_links() {
    use banthao_core::scaffold::{scaffold, IssuerKind, Presets, ScaffoldRequest};
    let parent = ParentTemplate::builtin("45-NQ/TW").unwrap();
    let req = ScaffoldRequest {
        province: "Cần Thơ".into(),
        issuer: IssuerKind::Ubnd,
        doc_type: banthao_core::scaffold::DraftType::Kh,
        year: 2026,
        date: "2026-03-01".into(),
        signer: None,
        signer_title: None,
    };
    let d = scaffold(&parent, &req, &Presets::builtin(), banthao_core::builtin_places()).unwrap();
    let map = coverage_map(&parent, &[d]);
    let row = map.iter().find(|r| r.id == "45-NQ/TW#III.3").unwrap();
    assert_eq!(row.covered_by[0].path, "III.3");
    assert_eq!(row.covered_by[0].score, 1.0);
    assert_eq!(row.covered_by[0].province.as_deref(), Some("Cần Thơ"));
}
