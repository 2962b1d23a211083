//! What `scripts/kill-loops.sh` kills and checks, for the store's paths the command
//! line does not reach (named versions, the daily backup, an old database to migrate):
//!
//! ```text
//! kill_target versions DB            save the draft and a named version, forever
//! kill_target backup DB DIR          make one day's backup after another, forever
//! kill_target old DB FILE.txt...     a database at schema version 2 holding FILES
//! kill_target review DB DRAFT COPY... reviewers' .docx copies of DRAFT (a text) imported
//!                                    one by one, as the «Góp ý» screen does
//! kill_target check DB               integrity checks, then the store is opened;
//!                                    prints the counts compared between runs
//! kill_target check-backups DIR      every finished backup copy is a sound database
//! ```
//!
//! `check` exits 1 with the reason when a check fails.

use banthao_core::model::DocKind;
use banthao_store::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_else(|| usage());
    let result = match arg(0) {
        "versions" => versions(Path::new(arg(1))),
        "backup" => backup(Path::new(arg(1)), Path::new(arg(2))),
        "old" => old(Path::new(arg(1)), &args[2..]),
        "review" => review(Path::new(arg(1)), Path::new(arg(2)), &args[3..]),
        "check" => check(Path::new(arg(1))).map(|counts| println!("{counts}")),
        "check-backups" => check_backups(Path::new(arg(1))).map(|n| println!("backups={n}")),
        _ => usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: kill_target versions DB | backup DB DIR | old DB FILE... | review DB DRAFT COPY... | check DB | check-backups DIR"
    );
    std::process::exit(2)
}

type R<T> = Result<T, String>;

fn s<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

const DRAFT: &str = "KẾ HOẠCH\nthực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023\n-----\n\
                     I- MỤC TIÊU\n1. Nâng cao chất lượng đội ngũ trí thức.\n";

fn versions(db: &Path) -> R<()> {
    let mut store = Store::open(db).map_err(s)?;
    let mut doc = banthao_core::parse_text(DRAFT);
    let (id, mut rev) = match store.draft(1).map_err(s)? {
        Some((entry, _)) => (entry.id, entry.revision),
        None => (store.create_draft(&doc, DocKind::Party, "2026-01-01T00:00:00Z").map_err(s)?, 0),
    };
    for i in 0.. {
        doc.summary = Some(format!("lần lưu {i} {}", "nội dung dài ".repeat(i % 200)));
        rev = store.save_draft(id, &doc, rev, "2026-01-01T00:00:00Z").map_err(s)?.ok_or("no draft")?;
        store.save_version(id, &format!("Bản {i}"), Some("Người soạn"), "2026-01-01T00:00:00Z").map_err(s)?;
    }
    Ok(())
}

fn backup(db: &Path, dir: &Path) -> R<()> {
    let store = Store::open(db).map_err(s)?;
    for day in 1.. {
        let day = format!("2026-{:02}-{:02}", 1 + (day / 28) % 12, 1 + day % 28);
        store.backup_daily(dir, &day).map_err(s)?;
    }
    Ok(())
}

/// A database as version 2 of the program left it: documents, no mining yet.
fn old(db: &Path, files: &[String]) -> R<()> {
    let _ = std::fs::remove_file(db);
    let conn = Connection::open(db).map_err(s)?;
    conn.execute_batch(include_str!("../migrations/0001_corpus.sql")).map_err(s)?;
    conn.execute_batch(include_str!("../migrations/0002_clauses.sql")).map_err(s)?;
    for (i, f) in files.iter().enumerate() {
        let bytes = std::fs::read(f).map_err(s)?;
        let doc = banthao_core::parse_text_bytes(&bytes).map_err(s)?;
        conn.execute(
            "INSERT INTO document (sha256, file_name, province, kind, doc_type, model, imported_at)
             VALUES (?1, ?2, ?3, 'party', ?4, ?5, '2025-01-01T00:00:00Z')",
            rusqlite::params![
                format!("{i:064}"),
                Path::new(f).file_name().unwrap().to_string_lossy(),
                doc.province,
                doc.doc_type,
                serde_json::to_string(&doc).map_err(s)?
            ],
        )
        .map_err(s)?;
    }
    conn.pragma_update(None, "user_version", 2).map_err(s)?;
    Ok(())
}

/// Imports reviewers' copies of the draft in `draft` (created as draft 1 on the first
/// run), each read, placed on the draft and stored in its own transaction, as the app's
/// «Góp ý» screen does.
fn review(db: &Path, draft: &Path, copies: &[String]) -> R<()> {
    use banthao_core::review::locate::{review_copy_on, Target};
    let mut store = Store::open(db).map_err(s)?;
    let id = match store.draft(1).map_err(s)? {
        Some((entry, _)) => entry.id,
        None => {
            let doc = banthao_core::parse_text_bytes(&std::fs::read(draft).map_err(s)?).map_err(s)?;
            store.create_draft(&doc, DocKind::Party, "2026-01-01T00:00:00Z").map_err(s)?
        }
    };
    let current = store.draft(id).map_err(s)?.ok_or("no draft")?.1;
    let target = Target::new(&current);
    for c in copies {
        let bytes = std::fs::read(c).map_err(s)?;
        let copy = banthao_docx::read_copy(&bytes).map_err(s)?;
        let file = Path::new(c).file_name().unwrap().to_string_lossy();
        let placed = review_copy_on(&copy.copy, &copy.sent, Some(&target), &file, None);
        store
            .add_review_copy(id, None, &bytes, &copy.copy, &copy.sent, &placed, "2026-01-01T00:00:00Z")
            .map_err(s)?;
    }
    Ok(())
}

fn one(conn: &Connection, sql: &str) -> R<i64> {
    conn.query_row(sql, [], |r| r.get(0)).map_err(|e| format!("{sql}: {e}"))
}

fn table_exists(conn: &Connection, name: &str) -> R<bool> {
    Ok(one(conn, &format!("SELECT count(*) FROM sqlite_master WHERE name = '{name}'"))? > 0)
}

fn integrity(conn: &Connection) -> R<()> {
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(s)?;
    if ok != "ok" {
        return Err(format!("integrity_check: {ok}"));
    }
    for fts in ["document_fts", "clause_fts"] {
        if table_exists(conn, fts)? {
            conn.execute(&format!("INSERT INTO {fts} ({fts}) VALUES ('integrity-check')"), [])
                .map_err(|e| format!("{fts} integrity-check: {e}"))?;
        }
    }
    Ok(())
}

/// Checks the database as a crash left it (before the program touches it again), then
/// opens it as the program does and checks again; the counts.
fn check(db: &Path) -> R<String> {
    {
        // Read-write so that SQLite can recover the WAL, as the next start would.
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(s)?;
        integrity(&conn)?;
        let version = one(&conn, "PRAGMA user_version")?;
        if version >= 3 {
            // Mining is all or nothing per document: a document is marked mined with
            // all its sentences, or has none.
            let torn = one(
                &conn,
                "SELECT count(*) FROM document d WHERE mined = 0 AND EXISTS (SELECT 1 FROM sentence WHERE document_id = d.id)",
            )?;
            let unmined_docs = one(
                &conn,
                "SELECT count(*) FROM document d WHERE mined = 1 AND NOT EXISTS (SELECT 1 FROM sentence WHERE document_id = d.id)",
            )?;
            if torn > 0 || unmined_docs > 0 {
                return Err(format!(
                    "{torn} unmined documents with sentences, {unmined_docs} mined documents without"
                ));
            }
            // Every mined clause is a group two provinces share, with its wording.
            let bad = one(
                &conn,
                "SELECT count(*) FROM clause c WHERE curated = 0 AND
                   ((SELECT count(DISTINCT province) FROM sentence s WHERE s.grp = c.grp) < 2
                    OR NOT EXISTS (SELECT 1 FROM rep WHERE rep.grp = c.grp))",
            )?;
            let orphans = one(
                &conn,
                "SELECT count(*) FROM sentence s WHERE NOT EXISTS (SELECT 1 FROM rep WHERE rep.grp = s.grp)",
            )?;
            if bad > 0 || orphans > 0 {
                return Err(format!(
                    "{bad} clauses without their sentences, {orphans} sentences without a group"
                ));
            }
        }
        if table_exists(&conn, "review_copy")? {
            // An item belongs to a stored copy (a copy and its items are one
            // transaction: finishing an interrupted import must give the reference
            // counts, which `kill-loops.sh` compares).
            let orphans = one(
                &conn,
                "SELECT count(*) FROM review_item i WHERE NOT EXISTS (SELECT 1 FROM review_copy c WHERE c.id = i.copy_id)",
            )?;
            if orphans > 0 {
                return Err(format!("{orphans} reviewers' items without their copy"));
            }
        }
        if table_exists(&conn, "draft")? {
            let mut st =
                conn.prepare("SELECT model FROM draft UNION ALL SELECT model FROM version").map_err(s)?;
            let models: Vec<String> =
                st.query_map([], |r| r.get(0)).map_err(s)?.collect::<Result<_, _>>().map_err(s)?;
            for m in models {
                serde_json::from_str::<banthao_core::model::Document>(&m)
                    .map_err(|e| format!("a stored draft or version does not read back: {e}"))?;
            }
        }
    }
    // The program opens it normally (migrating and mining what is left), and it stays sound.
    let store = Store::open(db).map_err(|e| format!("the store does not open: {e}"))?;
    let versions = match store.draft(1).map_err(s)? {
        Some((entry, _)) => store.versions(entry.id).map_err(s)?.len(),
        None => 0,
    };
    drop(store);
    let conn = Connection::open(db).map_err(s)?;
    integrity(&conn)?;
    let (copies, items) = if table_exists(&conn, "review_copy")? {
        (one(&conn, "SELECT count(*) FROM review_copy")?, one(&conn, "SELECT count(*) FROM review_item")?)
    } else {
        (0, 0)
    };
    Ok(format!(
        "user_version={} documents={} sentences={} clauses={} versions={versions} review_copies={copies} review_items={items}",
        one(&conn, "PRAGMA user_version")?,
        one(&conn, "SELECT count(*) FROM document")?,
        one(&conn, "SELECT count(*) FROM sentence")?,
        one(&conn, "SELECT count(*) FROM clause")?,
    ))
}

/// Every backup under its final name is a complete, sound database.
fn check_backups(dir: &Path) -> R<usize> {
    let list = banthao_store::backups(dir);
    for b in &list {
        let conn = Connection::open_with_flags(b, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(s)?;
        integrity(&conn).map_err(|e| format!("{}: {e}", b.display()))?;
        one(&conn, "SELECT count(*) FROM document").map_err(|e| format!("{}: {e}", b.display()))?;
    }
    Ok(list.len())
}
