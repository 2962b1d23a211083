//! The task table of each corpus text, checked against a table written by hand from
//! the texts' `TỔ CHỨC THỰC HIỆN`: one row per numbered assignment with its lead
//! agency, partners and time.

use banthao_core::tasks::{tasks, Task};

fn table(name: &str) -> Vec<Task> {
    let text = std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    tasks(&banthao_core::parse_text(&text))
}

/// (path, lead, partners, time) of each row.
type Row<'a> = (&'a str, &'a str, &'a [&'a str], Option<&'a str>);

fn assert_table(name: &str, want: &[Row<'_>]) {
    let got = table(name);
    let got: Vec<(String, String, Vec<String>, Option<String>)> =
        got.into_iter().map(|t| (t.path, t.lead.unwrap_or_default(), t.partners, t.time)).collect();
    let want: Vec<(String, String, Vec<String>, Option<String>)> = want
        .iter()
        .map(|(p, l, ps, t)| {
            (p.to_string(), l.to_string(), ps.iter().map(|s| s.to_string()).collect(), t.map(str::to_string))
        })
        .collect();
    assert_eq!(got, want, "{name}");
}

#[test]
fn ha_giang() {
    assert_table(
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        &[
            ("IV.1", "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị, địa phương", &[], Some("quý I/2024")),
            ("IV.2", "Ban cán sự đảng Ủy ban nhân dân tỉnh", &["các cơ quan liên quan"], Some("quý I/2024; năm 2024")),
            (
                "IV.3",
                "Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang, các tổ chức chính trị - xã hội, Liên hiệp các Hội khoa học - kỹ thuật tỉnh",
                &[],
                None,
            ),
            ("IV.4", "Ban Tuyên giáo Tỉnh ủy", &["các cơ quan liên quan"], Some("thường xuyên")),
        ],
    );
}

#[test]
fn cao_bang() {
    assert_table(
        "cao-bang_kh_ban-thuong-vu.txt",
        &[
            ("IV.1", "Các cấp uỷ, tổ chức đảng", &[], Some("thường xuyên")),
            (
                "IV.2",
                "Các cơ quan tham mưu, giúp việc Tỉnh uỷ; Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh",
                &[],
                None,
            ),
            // The second sentence of item 2 gives a task of its own.
            ("IV.2", "Ban Tổ chức Tỉnh uỷ", &[], None),
            ("IV.3", "Đảng đoàn Hội đồng nhân dân tỉnh", &[], None),
            ("IV.4", "Ban cán sự đảng Uỷ ban nhân dân tỉnh", &[], None),
            ("IV.5", "Ban Tuyên giáo Tỉnh uỷ", &["Văn phòng Tỉnh uỷ", "các cơ quan liên quan"], Some("thường xuyên")),
        ],
    );
}

#[test]
fn lam_dong() {
    assert_table(
        "lam-dong_ctrhd_tinh-uy.txt",
        &[
            (
                "IV.1",
                "Các ban của Tỉnh ủy, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy",
                &[],
                Some("định kỳ"),
            ),
            ("IV.2", "Ban cán sự đảng Ủy ban nhân dân tỉnh", &[], None),
            ("IV.3", "Đảng đoàn Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", &[], None),
            (
                "IV.4",
                "Đảng đoàn Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh và Ban Thường vụ Tỉnh đoàn",
                &[],
                None,
            ),
            ("IV.5", "Ban Tuyên giáo Tỉnh ủy", &["các cơ quan liên quan"], Some("thường xuyên")),
        ],
    );
}

/// (path, lead, time, product).
type Summary<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

#[test]
fn a_plan_with_products_and_tasks_elsewhere() {
    let t = table("check/synth_lang-son_kh_btv_2026.txt");
    let rows: Vec<Summary<'_>> = t
        .iter()
        .map(|t| (t.path.as_str(), t.lead.as_deref(), t.time.as_deref(), t.product.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            // Task sentences outside TỔ CHỨC THỰC HIỆN.
            ("III.3~2", Some("Sở Kế hoạch và Đầu tư"), None, None),
            ("III.5.a", Some("Ban Tuyên giáo Tỉnh ủy"), Some("năm 2026"), None),
            ("IV.1", Some("Các cấp ủy, tổ chức đảng, cơ quan, đơn vị"), Some("quý I/2026"), None),
            (
                "IV.2",
                Some("Đảng ủy Ủy ban nhân dân tỉnh"),
                Some("quý II/2026"),
                Some("Quyết định phê duyệt Đề án")
            ),
            ("IV.3", Some("Sở Khoa học và Công nghệ"), Some("năm 2026"), None),
            ("IV.4", None, None, None),
            ("IV.5", Some("Ban Tuyên giáo và Dân vận Tỉnh ủy"), Some("trước ngày 10/12 hằng năm"), None),
        ]
    );
    assert_eq!(t[4].partners, ["Sở Tài chính", "Sở Nội vụ"]);
    assert!(t[4].task.starts_with("Tham mưu cơ chế hỗ trợ"), "{}", t[4].task);
    let json = serde_json::to_value(&t[5]).unwrap();
    assert_eq!(json["lead"], serde_json::Value::Null);
    assert_eq!(json["partners"], serde_json::json!([]));
}
