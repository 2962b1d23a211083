//! Storage of Bản thảo in SQLite (bundled): the corpus of imported documents now;
//! drafts, versions and the clause index as they land. Migrations are numbered `.sql`
//! files embedded in the binary and applied in order (`PRAGMA user_version`).
//!
//! This crate knows the document model and SQL; it knows nothing of files other than
//! the database, nor of the window.

use banthao_core::model::{DocKind, Document};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Duration;
use thiserror::Error;

/// Migrations, in order. Never edit one that has shipped: add the next.
const MIGRATIONS: &[&str] =
    &[include_str!("../migrations/0001_corpus.sql"), include_str!("../migrations/0002_clauses.sql")];

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
    Open { path: String, reason: String },
    /// A stored model that no longer reads.
    #[error("Văn bản số {0} trong cơ sở dữ liệu không đọc được.")]
    BadRow(i64),
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

/// A document of the corpus, without its model.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CorpusEntry {
    pub id: i64,
    pub file_name: String,
    pub province: Option<String>,
    pub issuer: Option<String>,
    pub kind: Option<String>,
    pub doc_type: Option<String>,
    pub year: Option<i64>,
    pub parent: Option<String>,
    pub imported_at: String,
}

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored under this id.
    New(i64),
    /// The same file was already there, under this id.
    Existing(i64),
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

    /// Adds a document read from a file's bytes; the same bytes are stored once.
    pub fn add_document(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        doc: &Document,
        now: &str,
    ) -> Result<Added, StoreError> {
        let hash: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let existing: Option<i64> = tx
            .query_row("SELECT id FROM document WHERE sha256 = ?1", [&hash], |r| r.get(0))
            .optional()
            .map_err(err)?;
        if let Some(id) = existing {
            return Ok(Added::Existing(id));
        }
        let kind = doc.kind.map(|k| if k == DocKind::Party { "party" } else { "state" });
        let year = doc.place_date.as_ref().and_then(|p| p.year).map(i64::from);
        let model = serde_json::to_string(doc).expect("a document serialises");
        tx.execute(
            "INSERT INTO document (sha256, file_name, province, issuer, kind, doc_type, year, parent, model, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                hash,
                file_name,
                doc.province,
                doc.issuer,
                kind,
                doc.doc_type,
                year,
                banthao_core::parse::parent_resolution(doc),
                model,
                now
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(err)?;
        Ok(Added::New(id))
    }

    /// The corpus, oldest first.
    pub fn list(&self) -> Result<Vec<CorpusEntry>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare(
                "SELECT id, file_name, province, issuer, kind, doc_type, year, parent, imported_at FROM document ORDER BY id",
            )
            .map_err(err)?;
        let rows = st
            .query_map([], |r| {
                Ok(CorpusEntry {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    province: r.get(2)?,
                    issuer: r.get(3)?,
                    kind: r.get(4)?,
                    doc_type: r.get(5)?,
                    year: r.get(6)?,
                    parent: r.get(7)?,
                    imported_at: r.get(8)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(err)
    }

    /// A stored document's model.
    pub fn document(&self, id: i64) -> Result<Option<Document>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT model FROM document WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| classify(e, &self.path))?;
        json.map(|j| serde_json::from_str(&j).map_err(|_| StoreError::BadRow(id))).transpose()
    }

    /// Removes a document; `false` when there was none with this id.
    pub fn remove(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM document WHERE id = ?1", [id])
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }
}

/// One suggestion for a section.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Suggestion {
    pub id: i64,
    /// Written by the user rather than mined.
    pub curated: bool,
    pub template: String,
    pub parent_section: Option<String>,
    pub provinces: Vec<String>,
    pub count: usize,
    pub score: f64,
    pub sources: Vec<SuggestionSource>,
}

/// Where a suggestion was written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SuggestionSource {
    pub document: String,
    pub section: String,
}

/// Search terms for FTS5: folded words, each quoted (so `45-NQ/TW` is plain text), the
/// last one as a prefix (the user may be in the middle of typing it).
fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = banthao_core::text::fold(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        return None;
    }
    let n = words.len();
    Some(
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| if i + 1 == n { format!("{w}*") } else { w })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A stored document with what the store knows of it.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub id: i64,
    pub file_name: String,
    pub parent: Option<String>,
    pub doc: Document,
}

/// A clause found by a suggestion query, before ranking.
struct Candidate {
    id: i64,
    curated: bool,
    template: String,
    parent_section: Option<String>,
    provinces: String,
    count: i64,
    updated_at: String,
    bm25: f64,
}

impl Store {
    /// Every stored document with its id.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare("SELECT id, file_name, parent, model FROM document ORDER BY id")
            .map_err(err)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, parent, json) = row.map_err(err)?;
            let doc: Document = serde_json::from_str(&json).map_err(|_| StoreError::BadRow(id))?;
            out.push(StoredDocument { id, file_name: name, parent, doc });
        }
        Ok(out)
    }

    /// Replaces the mined clauses (curated ones stay). `doc_ids` maps the source names
    /// used when mining to document ids.
    pub fn replace_mined(
        &mut self,
        clauses: &[banthao_core::clauses::Clause],
        doc_ids: &std::collections::HashMap<String, i64>,
        now: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM clause WHERE curated = 0", []).map_err(err)?;
        {
            let mut ins = tx
                .prepare(
                    "INSERT INTO clause (parent_section, template, folded, provinces, province_count, curated, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)",
                )
                .map_err(err)?;
            let mut src = tx
                .prepare("INSERT INTO clause_source (clause_id, document_id, document, province, section, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .map_err(err)?;
            for c in clauses {
                let provinces = serde_json::to_string(&c.provinces).expect("names serialise");
                ins.execute(params![
                    c.parent_section,
                    c.template,
                    banthao_core::text::fold(&c.template),
                    provinces,
                    c.provinces.len() as i64,
                    now
                ])
                .map_err(err)?;
                let id = tx.last_insert_rowid();
                for o in &c.occurrences {
                    src.execute(params![
                        id,
                        doc_ids.get(&o.document),
                        o.document,
                        o.province,
                        o.section,
                        o.text
                    ])
                    .map_err(err)?;
                }
            }
        }
        tx.commit().map_err(err)
    }

    /// Adds a clause written by the user (or saved from a draft) for a parent section.
    /// It is never replaced by mining.
    pub fn add_curated(
        &mut self,
        parent_section: Option<&str>,
        template: &str,
        now: &str,
    ) -> Result<i64, StoreError> {
        let template = banthao_core::text::squash_spaces(&banthao_core::text::nfc(template));
        self.conn
            .execute(
                "INSERT INTO clause (parent_section, template, folded, provinces, province_count, curated, updated_at)
                 VALUES (?1, ?2, ?3, '[]', 0, 1, ?4)",
                params![parent_section, template, banthao_core::text::fold(&template), now],
            )
            .map_err(|e| classify(e, &self.path))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Removes a curated clause; `false` when there was none with this id.
    pub fn remove_curated(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM clause WHERE id = ?1 AND curated = 1", [id])
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }

    /// Suggestions for a parent section (`45-NQ/TW#III.3`) and what the user has typed,
    /// best first: same parent section, match with the typed words (BM25), number of
    /// provinces, recency. Typed text of punctuation only matches nothing.
    pub fn suggest(
        &self,
        parent: Option<&str>,
        typed: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let err = |e| classify(e, &self.path);
        let query = match typed {
            Some(t) => match fts_query(t) {
                Some(q) => Some(q),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        // Candidates: clauses matching the typed words, or else the section's clauses.
        let mut cands: Vec<Candidate> = Vec::new();
        let row = |r: &rusqlite::Row| -> rusqlite::Result<Candidate> {
            Ok(Candidate {
                id: r.get(0)?,
                curated: r.get(7)?,
                template: r.get(1)?,
                parent_section: r.get(2)?,
                provinces: r.get(3)?,
                count: r.get(4)?,
                updated_at: r.get(5)?,
                bm25: r.get(6)?,
            })
        };
        if let Some(q) = &query {
            let mut st = self
                .conn
                .prepare(
                    "SELECT c.id, c.template, c.parent_section, c.provinces, c.province_count, c.updated_at, bm25(clause_fts), c.curated
                     FROM clause_fts JOIN clause c ON c.id = clause_fts.rowid WHERE clause_fts MATCH ?1 ORDER BY bm25(clause_fts) LIMIT 500",
                )
                .map_err(err)?;
            for r in st.query_map([q], row).map_err(err)? {
                cands.push(r.map_err(err)?);
            }
        } else {
            let mut st = self
                .conn
                .prepare(
                    "SELECT id, template, parent_section, provinces, province_count, updated_at, 0.0, curated FROM clause
                     WHERE parent_section = ?1 OR parent_section LIKE ?1 || '.%'",
                )
                .map_err(err)?;
            for r in st.query_map([parent.unwrap_or("")], row).map_err(err)? {
                cands.push(r.map_err(err)?);
            }
        }
        let max_count = cands.iter().map(|c| c.count).max().unwrap_or(1).max(1) as f64;
        let newest = cands.iter().map(|c| c.updated_at.clone()).max().unwrap_or_default();
        let mut scored: Vec<(f64, usize)> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let same = match (parent, &c.parent_section) {
                    (Some(p), Some(s)) if s == p => 1.0,
                    (Some(p), Some(s))
                        if s.starts_with(&format!("{p}.")) || p.starts_with(&format!("{s}.")) =>
                    {
                        0.5
                    }
                    _ => 0.0,
                };
                // bm25() is negative, better when lower.
                let text = if query.is_some() { 1.0 / (1.0 + (c.bm25 + 25.0).max(0.0) / 5.0) } else { 0.0 };
                let popularity = if c.curated { 1.0 } else { c.count as f64 / max_count };
                let recent = if c.updated_at == newest { 0.05 } else { 0.0 };
                (3.0 * same + 2.0 * text + popularity + recent, k)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out = Vec::new();
        let mut src = self
            .conn
            .prepare("SELECT document, section FROM clause_source WHERE clause_id = ?1")
            .map_err(err)?;
        for (score, k) in scored.into_iter().take(limit) {
            let c = &cands[k];
            let sources = src
                .query_map([c.id], |r| Ok(SuggestionSource { document: r.get(0)?, section: r.get(1)? }))
                .map_err(err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(err)?;
            let provinces: Vec<String> = serde_json::from_str(&c.provinces).unwrap_or_default();
            out.push(Suggestion {
                id: c.id,
                curated: c.curated,
                template: c.template.clone(),
                parent_section: c.parent_section.clone(),
                count: provinces.len(),
                provinces,
                score: (score * 1000.0).round() / 1000.0,
                sources,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(s.remove(id).unwrap());
        assert!(!s.remove(id).unwrap());
        assert!(s.list().unwrap().is_empty());
    }

    #[test]
    fn curated_clauses_stay_beside_mined_ones() {
        let mut s = Store::in_memory().unwrap();
        let id = s
            .add_curated(Some("45-NQ/TW#III.3"), "Hằng năm  tôn vinh trí thức tiêu biểu của {tỉnh}.", "t")
            .unwrap();
        s.replace_mined(&[], &Default::default(), "t").unwrap();
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
