//! `banthao review` and `banthao parse --changes` on reviewers' copies
//! (tests/fixtures/review, hand-written WordprocessingML): the items as JSON, the
//! report read back by pandoc (one table row per item) and converted by LibreOffice.

use crate::testdir;
use crate::util::{banthao, fixture, stderr, stdout};
use std::process::Command;

fn copy(name: &str) -> String {
    fixture(&format!("review/{name}")).to_str().unwrap().to_string()
}

const BODIES: [&str; 2] = ["so-noi-vu.docx", "Ban Tuyên giáo và Dân vận.docx"];

fn items(extra: &[&str]) -> Vec<serde_json::Value> {
    let draft = copy("draft_v2.txt");
    let mut args = vec!["review".to_string(), "--json".into(), "--against".into(), draft];
    args.extend(BODIES.iter().map(|b| copy(b)));
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = banthao(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap().as_array().unwrap().clone()
}

#[test]
fn review_lists_every_comment_and_change_with_its_reviewer_and_path() {
    let items = items(&[]);
    assert_eq!(items.len(), 11);
    let row = |i: &serde_json::Value| {
        ["reviewer", "kind", "path", "excerpt", "text"].map(|k| i[k].as_str().unwrap().to_string())
    };
    for i in &items {
        for k in ["reviewer", "file", "kind", "path", "excerpt", "text"] {
            assert!(i[k].is_string(), "{k} in {i}");
        }
        assert!(i.get("date").is_some());
    }
    let rows: Vec<[String; 5]> = items.iter().map(row).collect();
    let has = |r: [&str; 5]| rows.iter().any(|x| x.iter().zip(r).all(|(a, b)| a == b));
    assert!(has(["Sở Nội vụ", "insert", "IV.2", "", "Ban Thường vụ Tỉnh ủy ban hành"]), "{rows:?}");
    assert!(has([
        "Ban Tuyên giáo và Dân vận",
        "replace",
        "III.1",
        "các phương tiện thông tin đại chúng",
        "báo chí, mạng xã hội"
    ]));
    assert!(has([
        "Ban Tuyên giáo và Dân vận",
        "comment",
        "II.1",
        "vững mạnh",
        "Đề nghị thay bằng «lớn mạnh»."
    ]));
    let changed = items.iter().find(|i| i["excerpt"] == "vững mạnh").unwrap();
    assert_eq!(changed["changed"], true);
    // --reviewer names the body of every copy.
    assert!(items_named("Sở Y tế").iter().all(|i| i["reviewer"] == "Sở Y tế"));
}

fn items_named(name: &str) -> Vec<serde_json::Value> {
    items(&["--reviewer", name])
}

#[test]
fn a_copy_of_another_document_is_reported_not_mapped() {
    let o = banthao(&["review", "--json", "--against", &copy("draft_v2.txt"), &copy("bao-cao-khac.docx")]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("không phải bản sao của dự thảo"), "{}", stderr(&o));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap(), serde_json::json!([]));
    let o = banthao(&["review", "--json", &copy("Sở Tài chính.docx")]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("comments.xml"), "{}", stderr(&o));
}

#[test]
fn parse_says_a_copy_has_pending_changes() {
    let o = banthao(&["parse", "--json", &copy(BODIES[1])]);
    assert!(o.status.success());
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"].as_str().unwrap().contains("tracked"));
    let msg = d.expect("a tracked-changes diagnostic")["message"].as_str().unwrap().to_string();
    assert!(msg.contains("1 chỗ chèn, 2 chỗ xóa") && msg.contains("Trần Thị Hoa"), "{msg}");
    let text = |changes: &str| {
        let o = banthao(&["parse", "--json", "--changes", changes, &copy(BODIES[1])]);
        assert!(o.status.success(), "{}", stderr(&o));
        let d: banthao_core::Document = serde_json::from_str(&stdout(&o)).unwrap();
        d.section_at("III.1").unwrap().paragraphs[0].clone()
    };
    assert!(text("accept").ends_with("trên báo chí, mạng xã hội."));
    assert!(text("reject").ends_with("trên các phương tiện thông tin đại chúng."));
    assert!(!banthao(&["parse", "--changes", "maybe", &copy(BODIES[1])]).status.success());
}

#[test]
fn the_report_has_one_row_per_item_and_names_both_bodies() {
    let dir = testdir!();
    let out = dir.path("bao-cao.docx");
    let mut args = vec!["review", "--against", "", "--docx", out.to_str().unwrap(), "--asked", "12"];
    let draft = copy("draft_v2.txt");
    args[2] = &draft;
    let copies: Vec<String> = BODIES.iter().map(|b| copy(b)).collect();
    args.extend(copies.iter().map(String::as_str));
    let o = banthao(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = Command::new("pandoc")
        .args(["-f", "docx", "-t", "html", out.to_str().unwrap()])
        .output()
        .expect("pandoc");
    assert!(html.status.success());
    let html = String::from_utf8(html.stdout).unwrap();
    // The header's borderless table, then the report's.
    assert_eq!(html.matches("<table").count(), 2);
    let table = &html[html.rfind("<table").unwrap()..];
    assert_eq!(table.matches("<tr").count(), 11 + 1, "a header row and one row per item");
    let plain = Command::new("pandoc")
        .args(["-f", "docx", "-t", "plain", "--wrap=none", out.to_str().unwrap()])
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    for want in [
        "BÁO CÁO",
        "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo Chương trình thực hiện Nghị quyết số 45-NQ/TW",
        "đã gửi xin ý kiến 12 cơ quan, đơn vị; đã nhận được ý kiến của 2 cơ quan, đơn vị với 11 ý kiến góp ý",
        "Sở Nội vụ",
        "Ban Tuyên giáo và Dân vận",
        "Đề nghị sửa \"các phương tiện thông tin đại chúng\" thành \"báo chí, mạng xã hội\"",
        "Ý kiến tiếp thu, giải trình",
        "-BC/TU",
    ] {
        assert!(plain.contains(want), "{want} not in:\n{plain}");
    }
    // Grouped by section in the draft's order: I.1 before II.1 before IV.2.
    let at = |s: &str| plain.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(
        at("Đề nghị bỏ \", đầy đủ\"") < at("Đề nghị làm rõ thế nào")
            && at("Đề nghị làm rõ thế nào") < at("Đề nghị bổ sung")
    );
    // LibreOffice opens it.
    let profile_dir = format!("-env:UserInstallation=file://{}", dir.path("lo-profile").display());
    let o = Command::new("libreoffice")
        .args([
            &profile_dir,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.0.to_str().unwrap(),
            out.to_str().unwrap(),
        ])
        .output()
        .expect("libreoffice");
    assert!(
        dir.path("bao-cao.pdf").exists(),
        "LibreOffice did not convert: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}
