//! Storage of Bản thảo in SQLite (bundled): the corpus of imported documents, the
//! clause index mined from it, drafts with their named versions, settings, and daily
//! backups. Migrations are numbered `.sql` files embedded in the binary and applied in
//! order (`PRAGMA user_version`).
//!
//! This crate knows the document model and SQL; it knows nothing of files other than
//! the database, nor of the window.

#![warn(missing_docs)]

use rusqlite::{Connection, ErrorCode};
use std::path::Path;
use std::time::Duration;
use thiserror::Error;

/// Migrations, in order. Never edit one that has shipped: add the next.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_corpus.sql"),
    include_str!("../migrations/0002_clauses.sql"),
    include_str!("../migrations/0003_incremental_mining.sql"),
    include_str!("../migrations/0004_drafts.sql"),
    include_str!("../migrations/0005_document_search.sql"),
    include_str!("../migrations/0006_draft_revision.sql"),
    include_str!("../migrations/0007_review.sql"),
    include_str!("../migrations/0008_clause_units.sql"),
];

mod backup;
mod clauses;
mod corpus;
mod drafts;
mod review;

pub use backup::{backups, set_aside};
pub use clauses::{Suggestion, SuggestionSource, Variant};
pub use corpus::{Added, CorpusEntry, StoredDocument};
pub use drafts::{draft_title, DraftEntry, VersionEntry};
pub use review::{CopyAdded, ReviewCopyEntry, StoredItem};

/// What can go wrong with the database. Messages are for the user, in Vietnamese.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Another program holds the database.
    #[error("Cơ sở dữ liệu đang bị một chương trình khác khóa; hãy đóng chương trình đó rồi thử lại.")]
    Locked,
    /// The file is not a database or is damaged.
    #[error("Tệp cơ sở dữ liệu «{0}» bị hỏng hoặc không phải cơ sở dữ liệu của Bản thảo; tệp được giữ nguyên, hãy mở bản sao lưu hoặc dùng tệp mới.")]
    Corrupt(String),
    /// A newer version of the program made this database.
    #[error("Cơ sở dữ liệu được tạo bởi phiên bản Bản thảo mới hơn (phiên bản {0}).")]
    TooNew(i64),
    /// The folder or file cannot be opened.
    #[error("Không mở được cơ sở dữ liệu «{path}»: {reason}")]
    Open {
        /// The database file.
        path: String,
        /// Why, for the user.
        reason: String,
    },
    /// A stored model that no longer reads.
    #[error("Văn bản số {0} trong cơ sở dữ liệu không đọc được.")]
    BadRow(i64),
    /// A draft's save based on an older revision than the stored one: another window
    /// saved it in between. Nothing was written; the newer text is kept.
    #[error(
        "Dự thảo đã được sửa ở một cửa sổ khác; bản này không được lưu để không ghi đè. Hãy mở lại dự thảo."
    )]
    Stale {
        /// The stored revision, newer than the one the save was based on.
        current: i64,
    },
    /// Anything else SQLite reports.
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Sql(String),
}

fn classify(e: rusqlite::Error, path: &str) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked,
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path.to_string()),
        _ => StoreError::Sql(e.to_string()),
    }
}

/// A document model as stored (JSON).
fn model_json(doc: &banthao_core::Document) -> String {
    serde_json::to_string(doc).expect("a document serialises")
}

/// A stored model read back; row `id` when it no longer reads.
fn model_from(id: i64, json: &str) -> Result<banthao_core::Document, StoreError> {
    serde_json::from_str(json).map_err(|_| StoreError::BadRow(id))
}

/// An open database.
pub struct Store {
    conn: Connection,
    path: String,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings it up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Open { path: shown.clone(), reason: e.to_string() })?;
        }
        let conn = Connection::open(path).map_err(|e| classify(e, &shown))?;
        Store::init(conn, shown)
    }

    /// An in-memory database (tests, previews).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory().map_err(|e| classify(e, ":memory:"))?, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<Store, StoreError> {
        let err = |e| classify(e, &path);
        conn.busy_timeout(Duration::from_millis(2000)).map_err(err)?;
        // Reading the schema first tells a damaged or foreign file from a database.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(err)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
        if version > MIGRATIONS.len() as i64 {
            return Err(StoreError::TooNew(version));
        }
        let mut store = Store { conn, path };
        store.migrate(version as usize)?;
        store.mine_pending()?;
        store.fold_pending()?;
        Ok(store)
    }

    fn migrate(&mut self, from: usize) -> Result<(), StoreError> {
        let path = self.path.clone();
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from) {
            let tx = self.conn.transaction().map_err(|e| classify(e, &path))?;
            tx.execute_batch(sql).map_err(|e| classify(e, &path))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64).map_err(|e| classify(e, &path))?;
            tx.commit().map_err(|e| classify(e, &path))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use banthao_core::model::Document;

    fn doc() -> Document {
        banthao_core::parse_text(
            "KẾ HOẠCH\nthực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023\n-----\nI- MỤC TIÊU\n",
        )
    }

    #[test]
    fn add_is_idempotent_and_remove_removes() {
        let mut s = Store::in_memory().unwrap();
        let d = doc();
        let a = s.add_document("a.txt", b"abc", &d, "2026-11-23T10:00:00Z").unwrap();
        let Added::New(id) = a else { panic!("{a:?}") };
        assert_eq!(
            s.add_document("copy.txt", b"abc", &d, "2026-11-23T10:01:00Z").unwrap(),
            Added::Existing(id)
        );
        let list = s.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].parent.as_deref(), Some("45-NQ/TW"));
        assert_eq!(list[0].doc_type.as_deref(), Some("KẾ HOẠCH"));
        assert_eq!(s.document(id).unwrap().unwrap(), d);
        assert!(s.remove(id, "t").unwrap());
        assert!(!s.remove(id, "t").unwrap());
        assert!(s.list().unwrap().is_empty());
    }

    #[test]
    fn library_search_ignores_diacritics_and_case() {
        let mut s = Store::in_memory().unwrap();
        let mut d = doc();
        d.summary = Some("về đội ngũ trí thức và vai trò của Đảng".into());
        let id = s.create_draft(&d, banthao_core::model::DocKind::Party, "t").unwrap();
        s.add_document("ke-hoach.txt", b"k", &d, "t").unwrap();
        for q in ["tri thuc", "TRÍ THỨC", "dang", "  doi   ngu  "] {
            assert_eq!(s.drafts(q).unwrap().iter().map(|e| e.id).collect::<Vec<_>>(), vec![id], "{q}");
            assert_eq!(s.search_documents(q).unwrap().len(), 1, "{q}");
        }
        assert!(s.drafts("thuc tri").unwrap().is_empty(), "words are found as a phrase");
        assert!(s.search_documents("100%").unwrap().is_empty());
        // Short phrases (under a trigram) are found too; the index follows removals.
        assert_eq!(s.search_documents("ke").unwrap().len(), 1);
        let plan: String = s
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT rowid FROM document_fts WHERE folded LIKE '%tri thuc%'",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("VIRTUAL TABLE INDEX"), "{plan}");
        s.conn.execute("INSERT INTO document_fts (document_fts) VALUES ('integrity-check')", []).unwrap();
        let id = s.list().unwrap()[0].id;
        assert!(s.remove(id, "t").unwrap());
        assert!(s.search_documents("tri thuc").unwrap().is_empty());
        s.conn.execute("INSERT INTO document_fts (document_fts) VALUES ('integrity-check')", []).unwrap();
        assert_eq!(s.drafts("").unwrap().len(), 1);
    }

    #[test]
    fn curated_clauses_stay_beside_mined_ones() {
        let mut s = Store::in_memory().unwrap();
        let id = s
            .add_curated(Some("45-NQ/TW#III.3"), "Hằng năm  tôn vinh trí thức tiêu biểu của {tỉnh}.", "t")
            .unwrap();
        let found = s.suggest(Some("45-NQ/TW#III.3"), None, 5).unwrap();
        assert_eq!(found.len(), 1);
        assert!(found[0].curated);
        assert_eq!(found[0].template, "Hằng năm tôn vinh trí thức tiêu biểu của {tỉnh}.");
        assert_eq!(s.suggest(None, Some("ton vinh tri thuc"), 5).unwrap()[0].id, id);
        assert!(s.suggest(None, Some("45-NQ/TW"), 5).unwrap().is_empty());
        assert!(s.remove_curated(id).unwrap());
        assert!(s.suggest(Some("45-NQ/TW#III.3"), None, 5).unwrap().is_empty());
    }

    #[test]
    fn drafts_stored_before_revisions_start_at_revision_zero() {
        let dir = std::env::temp_dir().join(format!("banthao-store-rev-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("cu.db");
        let _ = std::fs::remove_file(&path);
        {
            let conn = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..5] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 5).unwrap();
            conn.execute(
                "INSERT INTO draft (title, model, folded, created_at, updated_at) VALUES ('Kế hoạch', ?1, '', 't', 't')",
                [model_json(&doc())],
            )
            .unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        let (entry, _) = s.draft(1).unwrap().unwrap();
        assert_eq!(entry.revision, 0);
        assert_eq!(s.save_draft(1, &doc(), 0, "t2").unwrap(), Some(1));
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn damaged_and_locked_databases_say_so() {
        let dir = std::env::temp_dir().join(format!("banthao-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("hong.db");
        let garbage: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        std::fs::write(&bad, &garbage).unwrap();
        assert!(matches!(Store::open(&bad), Err(StoreError::Corrupt(_))));
        assert_eq!(std::fs::read(&bad).unwrap(), garbage, "a damaged file is left as it was");

        let good = dir.join("tot.db");
        let mut s = Store::open(&good).unwrap();
        let holder = Connection::open(&good).unwrap();
        holder.busy_timeout(Duration::from_millis(0)).unwrap();
        holder.execute_batch("BEGIN EXCLUSIVE; INSERT INTO document (sha256, file_name, model, imported_at) VALUES ('x','x','{}','t');").unwrap();
        s.conn.busy_timeout(Duration::from_millis(50)).unwrap();
        let r = s.add_document("b.txt", b"b", &doc(), "t");
        assert!(matches!(r, Err(StoreError::Locked)), "{r:?}");
        holder.execute_batch("ROLLBACK").unwrap();
        assert!(matches!(s.add_document("b.txt", b"b", &doc(), "t"), Ok(Added::New(_))));
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
