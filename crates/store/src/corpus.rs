//! The corpus: imported documents, stored once each (by the SHA-256 of the file),
//! with what was read of them and their parsed model.

use crate::{classify, model_from, model_json, Store, StoreError};
use banthao_core::model::{DocKind, Document};
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

/// A document of the corpus, without its model.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CorpusEntry {
    /// Its id in the store.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// The file it was imported from.
    pub file_name: String,
    /// Its province, as read.
    pub province: Option<String>,
    /// Its issuer, as written (`TỈNH ỦY CAO BẰNG`).
    pub issuer: Option<String>,
    /// `party` or `state`, when it can be told.
    pub kind: Option<String>,
    /// Its type as written (`KẾ HOẠCH`).
    pub doc_type: Option<String>,
    /// Its year.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub year: Option<i64>,
    /// The resolution it implements (`45-NQ/TW`).
    pub parent: Option<String>,
    /// When it was imported (ISO time).
    pub imported_at: String,
    /// The summary (trích yếu), for the library.
    pub summary: Option<String>,
}

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored under this id.
    New(i64),
    /// The same file was already there, under this id.
    Existing(i64),
}

/// A stored document with what the store knows of it.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    /// Its id in the store.
    pub id: i64,
    /// The file it was imported from.
    pub file_name: String,
    /// The resolution it implements.
    pub parent: Option<String>,
    /// The document.
    pub doc: Document,
}

/// What the library search looks in for a document: its file name and its text,
/// folded.
fn searched_text(file_name: &str, doc: &Document) -> String {
    format!("{} {}", banthao_core::text::fold(file_name), crate::drafts::folded(doc))
}

impl Store {
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
        tx.execute(
            "INSERT INTO document (sha256, file_name, province, issuer, kind, doc_type, year, parent, model, imported_at, folded, summary)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                hash,
                file_name,
                doc.province,
                doc.issuer,
                kind,
                doc.doc_type,
                year,
                banthao_core::parse::parent_resolution(doc),
                model_json(doc),
                now,
                searched_text(file_name, doc),
                doc.summary
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        crate::clauses::mine_document(&tx, id, file_name, doc, now).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Added::New(id))
    }

    /// The corpus, oldest first.
    pub fn list(&self) -> Result<Vec<CorpusEntry>, StoreError> {
        self.search_documents("")
    }

    /// Documents whose name, title, province or text hold `query` as a phrase
    /// (diacritics and case ignored), oldest first.
    pub fn search_documents(&self, query: &str) -> Result<Vec<CorpusEntry>, StoreError> {
        let err = |e| classify(e, &self.path);
        const COLUMNS: &str =
            "SELECT id, file_name, province, issuer, kind, doc_type, year, parent, imported_at, summary FROM document";
        let pattern = crate::drafts::search_pattern(query);
        // A phrase is looked up in the trigram index (`LIKE` on an FTS5 trigram
        // column uses it); no phrase lists everything.
        let sql = match pattern {
            Some(_) => format!(
                "{COLUMNS} WHERE id IN (SELECT rowid FROM document_fts WHERE folded LIKE ?1) ORDER BY id"
            ),
            None => format!("{COLUMNS} WHERE ?1 IS NULL ORDER BY id"),
        };
        let mut st = self.conn.prepare_cached(&sql).map_err(err)?;
        let rows = st
            .query_map([pattern], |r| {
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
                    summary: r.get(9)?,
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
        json.map(|j| model_from(id, &j)).transpose()
    }

    /// Removes a document and its contributions to the clauses; `false` when there was
    /// none with this id.
    pub fn remove(&mut self, id: i64, now: &str) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let groups: Vec<i64> = tx
            .prepare("SELECT DISTINCT grp FROM sentence WHERE document_id = ?1")
            .and_then(|mut st| st.query_map([id], |r| r.get(0))?.collect())
            .map_err(err)?;
        let n = tx.execute("DELETE FROM document WHERE id = ?1", [id]).map_err(err)?;
        for g in groups {
            crate::clauses::refresh_group(&tx, g, now).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(n > 0)
    }

    /// Fills the search text of documents stored before the library could search.
    pub(crate) fn fold_pending(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let pending: Vec<(i64, String, String)> = self
            .conn
            .prepare("SELECT id, file_name, model FROM document WHERE folded IS NULL")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
            .map_err(err)?;
        for (id, name, json) in pending {
            let doc = model_from(id, &json)?;
            self.conn
                .execute(
                    "UPDATE document SET folded = ?2, summary = ?3 WHERE id = ?1",
                    params![id, searched_text(&name, &doc), doc.summary],
                )
                .map_err(err)?;
        }
        Ok(())
    }

    /// Groups the sentences of documents stored before mining was incremental.
    pub(crate) fn mine_pending(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let now: String = self
            .conn
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| r.get(0))
            .map_err(err)?;
        let pending: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM document WHERE mined = 0 ORDER BY id")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(err)?;
        for id in pending {
            let (name, json): (String, String) = self
                .conn
                .query_row("SELECT file_name, model FROM document WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(err)?;
            let doc = model_from(id, &json)?;
            let tx = self.conn.transaction().map_err(err)?;
            crate::clauses::mine_document(&tx, id, &name, &doc, &now).map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(())
    }

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
            out.push(StoredDocument { id, file_name: name, parent, doc: model_from(id, &json)? });
        }
        Ok(out)
    }
}
