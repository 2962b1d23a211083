//! Clauses across resolutions (issue 15, item 6): a draft for a resolution that no
//! programme in the library implements gets, for its generic sections, the clauses
//! that programmes of other resolutions write alike, naming its own resolution.

use banthao_core::generic::Resolution;
use banthao_core::scaffold::{scaffold, DraftType, IssuerKind, ParentTemplate, Presets, ScaffoldRequest};
use banthao_core::{builtin_places, parse_text};
use banthao_store::Store;

mod common;

/// A new resolution, shaped like the central ones of `tests/fixtures/central/`.
const NEW_RESOLUTION: &str = "BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 99-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 15 tháng 3 năm 2027
NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về phát triển bền vững kinh tế biển xanh đến năm 2035, tầm nhìn đến năm 2050
-----
I- TÌNH HÌNH VÀ NGUYÊN NHÂN
Kinh tế biển đã đạt được những kết quả quan trọng. Tuy nhiên, quy mô còn nhỏ.
II- QUAN ĐIỂM CHỈ ĐẠO, MỤC TIÊU
1. Quan điểm chỉ đạo
- Phát triển bền vững kinh tế biển xanh là nhiệm vụ chiến lược.
2. Mục tiêu đến năm 2035
- Kinh tế biển xanh đóng góp khoảng 10% tổng sản phẩm quốc nội.
III- NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức về vai trò của kinh tế biển xanh
- Các cấp ủy, tổ chức đảng quán triệt sâu sắc quan điểm phát triển kinh tế biển xanh.
2. Hoàn thiện thể chế, chính sách phát triển kinh tế biển xanh
- Sửa đổi, bổ sung các quy định pháp luật về biển và hải đảo.
IV- TỔ CHỨC THỰC HIỆN
1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương tổ chức học tập, quán triệt và xây dựng chương trình hành động thực hiện Nghị quyết.
2. Ban Tuyên giáo và Dân vận Trung ương chủ trì, phối hợp theo dõi, kiểm tra, giám sát, định kỳ sơ kết, tổng kết.
";

#[test]
fn a_new_resolutions_draft_gets_generic_clauses_naming_its_own_resolution() {
    let mut store = Store::in_memory().unwrap();
    for (f, bytes, doc) in common::corpus() {
        store.add_document(&f, &bytes, &doc, "2026-11-23T10:00:00Z").unwrap();
    }
    let central = parse_text(NEW_RESOLUTION);
    let parent = ParentTemplate::from_document(&central);
    assert_eq!(parent.id, "99-NQ/TW");
    let req = ScaffoldRequest {
        province: "Quảng Ninh".into(),
        issuer: IssuerKind::BanThuongVu,
        doc_type: DraftType::Ctr,
        year: 2027,
        date: "2027-04-01".into(),
        signer: None,
        signer_title: None,
    };
    let draft = scaffold(&parent, &req, &Presets::builtin(), builtin_places()).unwrap();
    let own = Resolution::of_document(&draft).expect("the draft names its resolution");
    assert_eq!(own.number, "99-NQ/TW");
    let paths = banthao_core::model::path_segments(&draft.sections);
    let at = draft
        .sections
        .iter()
        .position(|s| banthao_core::text::fold(&s.title).contains("to chuc thuc hien"))
        .expect("the scaffold has TỔ CHỨC THỰC HIỆN");
    let path = &paths[at];

    let list = store.suggest_for_draft(&draft, path, None, 8).unwrap();
    assert!(!list.is_empty(), "generic clauses are offered for {path}");
    assert!(list.iter().all(|s| s.from_resolution.as_deref() == Some("45-NQ/TW")), "{list:#?}");
    let texts: Vec<String> = list
        .iter()
        .map(|s| {
            banthao_core::clauses::fill_for_draft(
                &s.template,
                Some("Quảng Ninh"),
                Some(2027),
                Some(&own),
                builtin_places(),
            )
        })
        .collect();
    for t in &texts {
        assert!(!t.contains("45-NQ/TW") && !t.contains("24/11/2023"), "names the other resolution: {t}");
        assert!(!banthao_core::text::fold(t).contains("tri thuc"), "the other resolution's subject: {t}");
        assert!(!t.contains("{căn cứ}") && !t.contains("{số nghị quyết}"), "unfilled: {t}");
    }
    assert!(
        texts.iter().any(|t| t.contains("99-NQ/TW")),
        "some clause names the draft's resolution: {texts:#?}"
    );

    // Typed words find the other resolution's clauses only as generic ones.
    let typed = store.suggest_for_draft(&draft, path, Some("Ban Tuyên giáo"), 8).unwrap();
    assert!(!typed.is_empty());
    assert!(typed.iter().all(|s| s.from_resolution.is_some()), "{typed:#?}");
    let tasks_typed = store.suggest_for_draft(&draft, "III.1", Some("trí thức"), 8).unwrap();
    assert!(tasks_typed.is_empty(), "45-NQ/TW's own tasks: {tasks_typed:#?}");

    // A draft of 45-NQ/TW gets its own resolution's clauses first, none of another.
    let ha_giang = store.documents().unwrap().into_iter().next().unwrap().doc;
    let own_list = store.suggest_for_draft(&ha_giang, "III.3", None, 8).unwrap();
    assert!(!own_list.is_empty());
    assert!(own_list.iter().all(|s| s.from_resolution.is_none()));
    // A section of no generic kind gets nothing from other resolutions.
    let tasks = paths[draft.sections.iter().position(|s| s.title.contains("NHIỆM VỤ")).unwrap()].clone();
    assert!(store.suggest_for_draft(&draft, &tasks, None, 8).unwrap().is_empty());
}
