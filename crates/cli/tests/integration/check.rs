//! `banthao check` and `banthao tasks` as a reviewer and a clerk use them: exit codes,
//! the JSON contract, names judged at the document's date, the appendix read back by
//! pandoc.

use crate::testdir;
use crate::util::{banthao, banthao_in, fixture, stderr, stdout};
use serde_json::Value;
use std::process::Command;

fn findings(out: &std::process::Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

#[test]
fn a_draft_with_errors_exits_1_with_every_field_of_each_finding() {
    let f = fixture("check/synth_lang-son_kh_btv_2026.txt");
    let out = banthao(&["check", "--json", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let list = findings(&out);
    for x in &list {
        for key in
            ["code", "severity", "message", "excerpt", "path", "paragraph", "start", "end", "suggestion"]
        {
            assert!(x.get(key).is_some(), "{key} missing in {x}");
        }
        assert!(["error", "warning", "advice"].contains(&x["severity"].as_str().unwrap()), "{x}");
    }
    let fix = list.iter().find(|x| x["excerpt"] == "đội ngủ").expect("the misspelling");
    assert_eq!((&fix["severity"], &fix["suggestion"]), (&Value::from("error"), &Value::from("đội ngũ")));
    // The text output says the same in Vietnamese, with a count.
    let text = banthao(&["check", f.to_str().unwrap()]);
    assert!(stdout(&text).contains("«đội ngủ» → «đội ngũ»"), "{}", stdout(&text));
    assert!(stdout(&text).contains("lỗi,"), "{}", stdout(&text));
}

#[test]
fn names_are_judged_at_the_documents_date() {
    let dir = testdir!();
    let text = "KẾ HOẠCH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\nI. NHIỆM VỤ\n\
                1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Ủy ban nhân dân các huyện triển khai thực hiện trong năm 2026.\n";
    std::fs::write(dir.path("ke-hoach.txt"), text).unwrap();
    let at = |date: &str| {
        let out = banthao_in(&dir.0, &["check", "--json", "--date", date, "ke-hoach.txt"]);
        findings(&out).iter().filter(|x| x["code"] == "outdated-name").count()
    };
    assert_eq!(at("2024-06-01"), 0, "2024: the names were right");
    assert_eq!(at("2025-04-01"), 1, "the department merged on 1/3/2025, districts remain");
    assert_eq!(at("2026-01-15"), 2, "no district level after 1/7/2025");
    let bad = banthao_in(&dir.0, &["check", "--date", "15/01/2026", "ke-hoach.txt"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_clean_text_exits_0_and_an_unreadable_one_2() {
    let f = fixture("lam-dong_ctrhd_tinh-uy.txt");
    let out = banthao(&["check", "--date", "2024-03-01", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let scan = fixture("variants/synth_quang-ninh_ctr_btv.scan.pdf");
    let out = banthao(&["check", scan.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bản quét"), "{}", stderr(&out));
}

#[test]
fn the_task_table_as_json_csv_and_the_appendix() {
    let f = fixture("cao-bang_kh_ban-thuong-vu.txt");
    let out = banthao(&["tasks", "--json", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tasks: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone();
    assert!(tasks.len() >= 4, "{tasks:?}");
    for t in &tasks {
        assert!(t["path"].as_str().unwrap().starts_with("IV"), "{t}");
        assert!(t["lead"].is_string(), "every numbered assignment has its lead agency: {t}");
        assert!(t["partners"].is_array());
    }
    let csv = stdout(&banthao(&["tasks", "--csv", f.to_str().unwrap()]));
    assert_eq!(csv.lines().count(), tasks.len() + 1, "{csv}");
    let dir = testdir!();
    let docx = dir.path("phu-luc.docx");
    let out = banthao(&["tasks", "--docx", docx.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let o = Command::new("pandoc")
        .args(["-f", "docx", "-t", "html", docx.to_str().unwrap()])
        .output()
        .expect("pandoc (scripts/test.sh installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The words, tags dropped: one table cell after another.
    let html = String::from_utf8(o.stdout).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("PHÂN CÔNG NHIỆM VỤ"), "{text}");
    assert!(text.contains("Cơ quan chủ trì"), "{text}");
    assert_eq!(html.matches("<tr").count(), tasks.len() + 1, "a row per task and the heading row");
    let lead = tasks[0]["lead"].as_str().unwrap().split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&lead), "{lead} in {text}");
}
