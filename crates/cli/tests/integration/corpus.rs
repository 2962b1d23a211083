//! `banthao corpus`: import is idempotent, a failed import leaves the store as it was,
//! removal removes, `--db` and `BANTHAO_DB` choose the database, a damaged database is
//! reported and left untouched.

use crate::testdir;
use crate::util::{fixture, stderr, stdout};
use std::process::{Command, Output};

fn corpus(dir: &crate::util::TestDir, env_db: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_banthao"));
    c.arg("corpus").args(args).current_dir(&dir.0).env_remove("BANTHAO_DB");
    // Never touch the real user data folder from tests.
    c.env("XDG_DATA_HOME", dir.path("xdg")).env("HOME", dir.path("home"));
    if let Some(db) = env_db {
        c.env("BANTHAO_DB", db);
    }
    c.output().unwrap()
}

fn list(dir: &crate::util::TestDir, db: &str) -> serde_json::Value {
    let o = corpus(dir, None, &["list", "--json", "--db", db]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn add_list_remove() {
    let dir = testdir!();
    let db = dir.path("kho.db");
    let db = db.to_str().unwrap();
    let files = [fixture("cao-bang_kh_ban-thuong-vu.txt"), fixture("synth_lao-cai_kh_ubnd_du-thao.docx")];
    let f: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let o = corpus(&dir, None, &["add", f[0], f[1], "--db", db]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("Đã thêm").count(), 2);
    // Importing the same file again does nothing.
    let o = corpus(&dir, None, &["add", f[0], "--db", db]);
    assert!(stdout(&o).contains("Đã có trong kho (#1)"));
    let l = list(&dir, db);
    assert_eq!(l.as_array().unwrap().len(), 2);
    assert_eq!(l[0]["province"], "Cao Bằng");
    assert_eq!(l[0]["parent"], "45-NQ/TW");
    assert_eq!(l[1]["kind"], "state");
    // A file that cannot be read: exit 2, named, and the store unchanged.
    let bad = fixture("bad_truncated.docx");
    let o = corpus(&dir, None, &["add", bad.to_str().unwrap(), "--db", db]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad_truncated.docx"));
    assert_eq!(list(&dir, db), l);
    // BANTHAO_DB chooses the database when --db is absent.
    let o = corpus(&dir, Some(db), &["remove", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(list(&dir, db).as_array().unwrap().len(), 1);
    let o = corpus(&dir, Some(db), &["remove", "1"]);
    assert_eq!(o.status.code(), Some(2));
    // Without either, the user data folder (here a test folder).
    let o = corpus(&dir, None, &["add", f[0]]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path("xdg/banthao/banthao.db").exists());
}

#[test]
fn damaged_database_is_reported_and_kept() {
    let dir = testdir!();
    let db = dir.path("hong.db");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let o = corpus(&dir, None, &["list", "--db", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bị hỏng"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "never a silent empty result");
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
}

fn suggest(dir: &crate::util::TestDir, db: &str, args: &[&str]) -> serde_json::Value {
    let mut a = vec!["suggest", "--json", "--db", db];
    a.extend_from_slice(args);
    let o = Command::new(env!("CARGO_BIN_EXE_banthao")).args(&a).current_dir(&dir.0).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn suggestions_from_the_corpus() {
    let dir = testdir!();
    let db = dir.path("kho.db");
    let db = db.to_str().unwrap();
    let files: Vec<String> = std::fs::read_dir(crate::util::fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            (n.ends_with(".txt") || n.ends_with(".docx")) && !n.starts_with("bad_")
        })
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    let mut args = vec!["add"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--db", db]);
    assert_eq!(corpus(&dir, None, &args).status.code(), Some(0));

    // The provinces whose texts have the clause, read independently.
    let mut having: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let v: serde_json::Value =
                serde_json::from_str(&stdout(&crate::util::banthao(&["parse", f, "--json"]))).unwrap();
            let body = banthao_core::text::fold(&v["sections"].to_string());
            body.contains("xu ly nghiem hanh vi vi pham").then(|| v["province"].as_str().unwrap().to_string())
        })
        .collect();
    having.sort();
    having.dedup();
    assert!(having.len() >= 5, "{having:?}");

    let by_section = suggest(&dir, db, &["--section", "Tăng cường quản lý nhà nước", "--limit", "5"]);
    let hit = by_section
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().to_lowercase().contains("xử lý nghiêm hành vi vi phạm"))
        .expect("the clause is among the first five for its section");
    let provinces: Vec<String> =
        hit["provinces"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    assert_eq!(provinces, having);
    assert_eq!(hit["count"].as_u64().unwrap() as usize, having.len());
    assert_eq!(hit["parent_section"], "45-NQ/TW#III.3");
    assert!(hit["sources"].as_array().unwrap().len() >= having.len());
    // Its wordings (Hà Tĩnh and Lào Cai write it differently), each with its provinces.
    let variants = hit["variants"].as_array().unwrap();
    assert!(variants.len() >= 2, "{hit}");
    let mut by_wording: Vec<String> = variants
        .iter()
        .flat_map(|v| v["provinces"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()))
        .collect();
    by_wording.sort();
    assert_eq!(by_wording, having, "every province under exactly one wording");

    let typed = suggest(
        &dir,
        db,
        &["--section", "Tăng cường quản lý nhà nước", "--text", "xu ly nghiem", "--limit", "3"],
    );
    assert!(typed[0]["text"].as_str().unwrap().to_lowercase().contains("xử lý nghiêm"), "{typed}");
    assert_eq!(suggest(&dir, db, &["--section", "III", "--text", "... ;,"]), serde_json::json!([]));

    // Importing again changes nothing; removing a document removes its contribution.
    let before = suggest(&dir, db, &["--section", "45-NQ/TW#III.3", "--limit", "50"]);
    assert_eq!(corpus(&dir, None, &args).status.code(), Some(0));
    assert_eq!(suggest(&dir, db, &["--section", "45-NQ/TW#III.3", "--limit", "50"]), before);
    let list = list(&dir, db);
    let lao_cai =
        list.as_array().unwrap().iter().find(|d| d["province"] == "Lào Cai").unwrap()["id"].to_string();
    assert_eq!(corpus(&dir, None, &["remove", &lao_cai, "--db", db]).status.code(), Some(0));
    let after = suggest(&dir, db, &["--section", "Tăng cường quản lý nhà nước", "--limit", "5"]);
    let hit = after
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().to_lowercase().contains("xử lý nghiêm"))
        .unwrap();
    assert!(!hit["provinces"].to_string().contains("Lào Cai"), "{hit}");
}

#[test]
fn a_draft_for_a_resolution_without_programmes_gets_generic_clauses_naming_its_own() {
    let dir = testdir!();
    let db = dir.path("kho.db");
    let db = db.to_str().unwrap();
    // The library: programmes of 45-NQ/TW only.
    let mut args = vec!["add".to_string()];
    for f in [
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "cao-bang_kh_ban-thuong-vu.txt",
        "lam-dong_ctrhd_tinh-uy.txt",
    ] {
        args.push(fixture(f).to_str().unwrap().to_string());
    }
    args.extend(["--db".to_string(), db.to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(corpus(&dir, None, &args).status.code(), Some(0));
    // A plan for 57-NQ/TW, which no programme in the library implements.
    let draft = dir.path("kh.json");
    let o = crate::util::scaffold_57_plan(&draft);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list = suggest(&dir, db, &["--draft", draft.to_str().unwrap(), "--path", "IV"]);
    let list = list.as_array().unwrap();
    assert!(!list.is_empty(), "TỔ CHỨC THỰC HIỆN gets generic clauses");
    for s in list {
        assert_eq!(s["from_resolution"], "45-NQ/TW", "{s}");
        let text = s["text"].as_str().unwrap();
        assert!(!text.contains("45-NQ/TW") && !text.contains('{'), "{text}");
    }
    assert!(list.iter().any(|s| s["text"].as_str().unwrap().contains("Nghị quyết số 57-NQ/TW")), "{list:#?}");
    // The plan's task groups get nothing from 45-NQ/TW.
    assert_eq!(
        suggest(&dir, db, &["--draft", draft.to_str().unwrap(), "--path", "III.1"]),
        serde_json::json!([])
    );
}
