//! `banthao coverage` and `banthao scaffold --style` (issue 15): the map of the corpus
//! against 45-NQ/TW as JSON and HTML; a central resolution as parent in both styles.

use crate::testdir;
use crate::util::{banthao, banthao_in, fixture, stderr, stdout};
use serde_json::Value;

#[test]
fn coverage_as_json_and_html() {
    let files = ["cao-bang_kh_ban-thuong-vu.txt", "synth_ha-tinh_kh_ubnd.txt"];
    let paths: Vec<String> = files.iter().map(|f| fixture(f).to_string_lossy().into_owned()).collect();
    let mut args = vec!["coverage", "--parent", "45-NQ/TW", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let o = banthao(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v.as_array().unwrap();
    let row = rows.iter().find(|r| r["id"] == "45-NQ/TW#III.3").unwrap();
    assert!(row["title"].as_str().unwrap().starts_with("Tăng cường quản lý nhà nước"));
    let cells = row["covered_by"].as_array().unwrap();
    assert_eq!(cells[0]["document"], files[0]);
    assert_eq!(cells[0]["province"], "Cao Bằng");
    assert_eq!(cells[0]["path"], "III.3");
    assert_eq!(cells[1]["path"], "II.3");
    for key in ["score", "has_target", "has_lead", "has_time"] {
        assert!(!cells[0][key].is_null(), "{key}");
    }
    let situation = rows.iter().find(|r| r["id"] == "45-NQ/TW#I").unwrap();
    assert_eq!(situation["covered_by"].as_array().unwrap().len(), 0);

    // HTML: a page of its own, every text escaped.
    let dir = testdir!();
    let doc = dir.path("a<b>&c.txt");
    std::fs::copy(fixture(files[0]), &doc).unwrap();
    let html = dir.path("map.html");
    let o = banthao_in(
        &dir.0,
        &["coverage", "--parent", "45-NQ/TW", doc.to_str().unwrap(), "--html", html.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("a&lt;b&gt;&amp;c.txt"));
    assert!(!page.contains("a<b>"));
    assert!(!page.contains("<script") && !page.contains("http"));
    assert_eq!(page.matches("<tr>").count(), 13, "a header row and 12 sections");
}

#[test]
fn scaffold_styles_from_a_central_resolution() {
    let dir = testdir!();
    let out = dir.path("kh.json");
    let o = crate::util::scaffold_57_plan(&out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(d["summary"]
        .as_str()
        .unwrap()
        .contains("Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"));
    let titles: Vec<&str> =
        d["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]);
    assert_eq!(d["sections"][2]["children"][0]["implements"], "57-NQ/TW#III.1");
    let o = crate::util::scaffold_plan("45-NQ/TW", "khác", &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("Bố cục «khác»"));
}

#[test]
fn suggestions_follow_the_parent_chain() {
    let dir = testdir!();
    let db = dir.path("kho.db");
    let db = db.to_str().unwrap();
    let files = crate::util::CORPUS;
    let paths: Vec<String> = files.iter().map(|f| fixture(f).to_string_lossy().into_owned()).collect();
    let mut args = vec!["corpus", "add"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--db", db]);
    let o = banthao_in(&dir.0, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A UBND plan from the unnumbered Tỉnh ủy draft: its links name the draft, not 45-NQ/TW.
    let plan = dir.path("kh.json");
    let o = banthao(&[
        "scaffold",
        "--parent",
        &paths[0],
        "--province",
        "Hà Giang",
        "--issuer",
        "ubnd",
        "--type",
        "KH",
        "--year",
        "2024",
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let link = d["sections"][2]["children"][2]["implements"].as_str().unwrap().to_string();
    assert!(link.ends_with("#III.3") && link.contains('~'), "{link}");
    let o = banthao(&["suggest", "--draft", plan.to_str().unwrap(), "--path", "III.3", "--json", "--db", db]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let hit = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().to_lowercase().contains("xử lý nghiêm hành vi vi phạm"))
        .unwrap_or_else(|| panic!("the clause of 45-NQ/TW#III.3: {v}"));
    assert_eq!(hit["parent_section"], "45-NQ/TW#III.3");
    // Filled in for the draft's province.
    assert!(!hit["text"].as_str().unwrap().contains("{tỉnh}"));
}
