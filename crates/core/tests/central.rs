//! Central documents as parents (issue 15): resolutions of the Bộ Chính trị and of a
//! Central Committee plenum, a directive of the Ban Bí thư, a Government resolution;
//! scaffolds from them in both styles; ids of parents without a number.

use banthao_core::central::{self, CentralBody};
use banthao_core::places::Gazetteer;
use banthao_core::scaffold::{self, IssuerKind, ParentTemplate, Presets, ScaffoldRequest};
use banthao_core::style::{Depth, ScaffoldOptions, ScaffoldStyle};
use banthao_core::{parse_text, Document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_text(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn req(province: &str, issuer: IssuerKind, year: u16) -> ScaffoldRequest {
    ScaffoldRequest {
        province: province.into(),
        issuer,
        doc_type: scaffold::DraftType::Kh,
        year,
        date: scaffold::reference_date(year, "2026-11-23"),
        signer: None,
        signer_title: None,
    }
}

/// (file, body, number, type, citation, name)
const CENTRAL: [(&str, CentralBody, &str, &str, &str, &str); 4] = [
    (
        "central/57-nq-tw_bo-chinh-tri.txt",
        CentralBody::Politburo,
        "57-NQ/TW",
        "NGHỊ QUYẾT",
        "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
        "57-NQ/TW, 22/12/2024, Bộ Chính trị",
    ),
    (
        "central/45-nq-tw_hoi-nghi-trung-uong.txt",
        CentralBody::CentralCommittee,
        "45-NQ/TW",
        "NGHỊ QUYẾT",
        "Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII",
        "45-NQ/TW, 24/11/2023, Ban Chấp hành Trung ương Đảng khóa XIII",
    ),
    (
        "central/35-ct-tw_ban-bi-thu.txt",
        CentralBody::Secretariat,
        "35-CT/TW",
        "CHỈ THỊ",
        "Chỉ thị số 35-CT/TW, ngày 14/06/2024 của Ban Bí thư",
        "35-CT/TW, 14/06/2024, Ban Bí thư",
    ),
    (
        "central/107-nq-cp_chinh-phu.txt",
        CentralBody::Government,
        "107/NQ-CP",
        "NGHỊ QUYẾT",
        "Nghị quyết số 107/NQ-CP, ngày 09/07/2024 của Chính phủ",
        "107/NQ-CP, 09/07/2024, Chính phủ",
    ),
];

#[test]
fn central_documents_have_their_body_and_no_province() {
    for (file, body, number, ty, citation, name) in CENTRAL {
        let doc = fixture(file);
        assert_eq!(doc.province, None, "{file}");
        assert_eq!(doc.doc_type.as_deref(), Some(ty), "{file}");
        assert!(doc.sections.len() >= 3, "{file}");
        assert_eq!(central::issuer_of(&doc).map(|c| c.body), Some(body), "{file}");
        assert_eq!(central::cited_number(&doc).as_deref(), Some(number), "{file}");
        assert_eq!(central::short_name(&doc).as_deref(), Some(name), "{file}");
        let p = ParentTemplate::from_document(&doc);
        assert_eq!(p.id, number, "{file}");
        assert_eq!(p.citation, citation, "{file}");
        assert_eq!(p.name, name, "{file}");
    }
    let cp = ParentTemplate::from_document(&fixture("central/107-nq-cp_chinh-phu.txt"));
    assert!(cp.subject.starts_with("ban hành Chương trình hành động của Chính phủ"), "{}", cp.subject);
}

#[test]
fn signature_and_suffix_decide_without_a_type_line() {
    // No `CỦA BỘ CHÍNH TRỊ` under the type: the signature says it.
    let doc = parse_text(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 66-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 30 tháng 4 năm 2025\n\
         NGHỊ QUYẾT\nvề đổi mới công tác xây dựng và thi hành pháp luật\n-----\nI- TÌNH HÌNH\nNội dung.\n\
         T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\nTô Lâm\n",
    );
    assert_eq!(central::issuer_of(&doc).unwrap().name(), "Bộ Chính trị");
    assert_eq!(doc.province, None);
    // Neither: the header and the `/TW` suffix give the Central Committee.
    let doc = parse_text(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 18-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 02 tháng 4 năm 2025\n\
         KẾT LUẬN\nvề một nội dung\n-----\nI- NỘI DUNG\nNội dung.\n",
    );
    assert_eq!(central::issuer_of(&doc).unwrap().body, CentralBody::CentralCommittee);
    assert_eq!(
        ParentTemplate::from_document(&doc).citation,
        "Kết luận số 18-KL/TW, ngày 02/04/2025 của Ban Chấp hành Trung ương Đảng"
    );
}

#[test]
fn text_copied_without_its_header_is_still_central() {
    let doc = parse_text(
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề phát triển kinh tế tư nhân\n-----\nI- TÌNH HÌNH\n\
         Kinh tế tư nhân ở Hà Nội, Thành phố Hồ Chí Minh, Đà Nẵng phát triển.\nT/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n",
    );
    assert_eq!(central::issuer_of(&doc).unwrap().body, CentralBody::Politburo);
    assert_eq!(doc.province, None);
    // A provincial text without its header is not.
    let doc = parse_text(
        "CHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\nI- MỤC ĐÍCH\nTỉnh ủy Cao Bằng ban hành Chương trình.\n\
         T/M BAN THƯỜNG VỤ\nBÍ THƯ\n",
    );
    assert_eq!(central::issuer_of(&doc), None);
    assert_eq!(doc.province.as_deref(), Some("Cao Bằng"));
}

#[test]
fn provincial_documents_are_not_central() {
    for name in ["cao-bang_kh_ban-thuong-vu.txt", "lam-dong_ctrhd_tinh-uy.txt", "synth_ha-tinh_kh_ubnd.txt"] {
        let doc = fixture(name);
        assert_eq!(central::issuer_of(&doc), None, "{name}");
        assert!(doc.province.is_some(), "{name}");
    }
    // A provincial plan titled after a Politburo resolution stays provincial.
    let doc = parse_text(
        "TỈNH ỦY LẠNG SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KH/TU\nLạng Sơn, ngày 05 tháng 3 năm 2025\n\
         KẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n",
    );
    assert_eq!(central::issuer_of(&doc), None);
    assert_eq!(doc.province.as_deref(), Some("Lạng Sơn"));
}

#[test]
fn scaffolds_from_a_central_resolution_in_both_styles() {
    let p = ParentTemplate::from_document(&fixture("central/57-nq-tw_bo-chinh-tri.txt"));
    let (g, pr) = (Gazetteer::builtin(), Presets::builtin());
    let r = req("Lạng Sơn", IssuerKind::TinhUy, 2025);
    // The mirror: every task group linked, the citation in sentence case.
    let d = scaffold::scaffold(&p, &r, &pr, &g).unwrap();
    assert_eq!(
        d.summary.as_deref(),
        Some("thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")
    );
    let iii = &d.sections[2];
    let links: Vec<&str> = iii.children.iter().filter_map(|c| c.implements.as_deref()).collect();
    assert_eq!(
        links,
        ["57-NQ/TW#III.1", "57-NQ/TW#III.2", "57-NQ/TW#III.3", "57-NQ/TW#III.4", "57-NQ/TW#III.5"]
    );
    // The plan: four parts, the task groups under III.
    let plan = ScaffoldOptions { style: ScaffoldStyle::builtin("ke-hoach").unwrap(), depth: Depth::Groups };
    let d = scaffold::scaffold_with(&p, &req("Lạng Sơn", IssuerKind::Ubnd, 2025), &pr, &g, &plan).unwrap();
    let heads: Vec<String> = d.sections.iter().map(|s| format!("{} {}", s.label, s.title)).collect();
    assert_eq!(
        heads,
        ["I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"]
    );
    assert_eq!(d.sections[1].implements.as_deref(), Some("57-NQ/TW#II"));
    assert_eq!(d.sections[2].children.len(), 5);
    assert_eq!(d.sections[2].children[2].implements.as_deref(), Some("57-NQ/TW#III.3"));
    assert_eq!(d.sections[3].implements.as_deref(), Some("57-NQ/TW#IV"));
    assert!(!d.sections[3].children.is_empty());
}

#[test]
fn depth_mirrors_sub_items() {
    let p = ParentTemplate::from_document(&parse_text(
        "TỈNH ỦY HÀ TĨNH\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 20-CTr/TU\nHà Tĩnh, ngày 05 tháng 3 năm 2024\nCHƯƠNG TRÌNH\n\
         thực hiện Nghị quyết số 45-NQ/TW\n-----\nI- NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao nhận thức\na) Tuyên truyền\n\
         Nội dung.\nb) Học tập\nNội dung.\n2. Đổi mới đào tạo\nII- TỔ CHỨC THỰC HIỆN\n1. Các sở triển khai.\n",
    ));
    let (g, pr) = (Gazetteer::builtin(), Presets::builtin());
    let r = req("Hà Tĩnh", IssuerKind::Ubnd, 2024);
    let groups = scaffold::scaffold(&p, &r, &pr, &g).unwrap();
    assert!(groups.sections[0].children[0].children.is_empty());
    let opts = ScaffoldOptions { style: ScaffoldStyle::mirror(), depth: Depth::Items };
    let items = scaffold::scaffold_with(&p, &r, &pr, &g, &opts).unwrap();
    let a: Vec<(String, Option<String>)> = items.sections[0].children[0]
        .children
        .iter()
        .map(|s| (format!("{} {}", s.label, s.title), s.implements.clone()))
        .collect();
    assert_eq!(
        a,
        [
            ("a) Tuyên truyền".to_string(), Some("20-CTr/TU#I.1.a".to_string())),
            ("b) Học tập".into(), Some("20-CTr/TU#I.1.b".into()))
        ]
    );
}

#[test]
fn unnumbered_parents_have_ids_of_their_own() {
    let text = |province: &str, task: &str| {
        format!(
            "TỈNH ỦY {p}\nĐẢNG CỘNG SẢN VIỆT NAM\nSố    -CTr/TU\n{q}, ngày   tháng 3 năm 2024\nDự thảo\nCHƯƠNG TRÌNH\n\
             thực hiện Nghị quyết số 45-NQ/TW\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- {task}\n\
             II- NHIỆM VỤ, GIẢI PHÁP\n1. Tăng cường quản lý nhà nước\n- Xử lý nghiêm hành vi vi phạm.\n",
            p = province.to_uppercase(),
            q = province
        )
    };
    let a = ParentTemplate::from_document(&parse_text(&text("Hà Giang", "Quán triệt sâu sắc Nghị quyết.")));
    let b = ParentTemplate::from_document(&parse_text(&text("Cao Bằng", "Quán triệt sâu sắc Nghị quyết.")));
    let c = ParentTemplate::from_document(&parse_text(&text("Hà Giang", "Quán triệt Nghị quyết.")));
    assert_ne!(a.id, b.id);
    assert_ne!(a.id, c.id);
    assert!(a.id.starts_with("Chương trình Tỉnh ủy Hà Giang~"), "{}", a.id);
    assert!(!a.id.contains('#'));
    assert_eq!(a.name, "Chương trình của Tỉnh ủy Hà Giang (dự thảo)");
    // The same text imported again (or with other line breaks) keeps its id.
    let again =
        ParentTemplate::from_document(&parse_text(&text("Hà Giang", "Quán triệt sâu sắc Nghị quyết.")));
    assert_eq!(a.id, again.id);
    let crlf = text("Hà Giang", "Quán triệt sâu sắc Nghị quyết.").replace('\n', "\r\n");
    assert_eq!(ParentTemplate::from_document(&parse_text(&crlf)).id, a.id);
    // Sections of a scaffold from it link with that id.
    let d = scaffold::scaffold(
        &a,
        &req("Hà Giang", IssuerKind::Ubnd, 2024),
        &Presets::builtin(),
        &Gazetteer::builtin(),
    )
    .unwrap();
    assert_eq!(d.sections[1].children[0].implements, Some(format!("{}#II.1", a.id)));
}
