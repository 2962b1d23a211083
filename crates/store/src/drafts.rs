//! Drafts, their named versions, and the user's settings.

use crate::{classify, model_from, model_json, Store, StoreError};
use banthao_core::model::DocKind;
use banthao_core::Document;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

/// A draft as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftEntry {
    /// Its id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Type and summary, as the library shows it.
    pub title: String,
    /// Its province.
    pub province: Option<String>,
    /// What it implements (`45-NQ/TW`).
    pub parent: Option<String>,
    /// The format profile it is written in: the built-in profile of this kind.
    pub profile: DocKind,
    /// When it was created (ISO time).
    pub created_at: String,
    /// When it was last saved.
    pub updated_at: String,
    /// How many named versions it has.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub versions: i64,
    /// Raised by every write to its model: a save names the revision its text was
    /// based on and is refused when the draft has moved on since ([`StoreError::Stale`]).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub revision: i64,
}

/// A named version of a draft, without its model.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VersionEntry {
    /// Its id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// The draft it is a version of.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub draft_id: i64,
    /// Its name (`Dự thảo lần 2`).
    pub name: String,
    /// Who saved it.
    pub author: Option<String>,
    /// When it was saved (ISO time).
    pub created_at: String,
}

/// How the library shows a draft: its type and summary.
pub fn draft_title(doc: &Document) -> String {
    let kind = doc
        .doc_type
        .as_deref()
        .map(banthao_core::scaffold::sentence_case)
        .unwrap_or_else(|| "Văn bản".into());
    match doc.summary.as_deref() {
        Some(s) if !s.trim().is_empty() => format!("{kind} {}", s.trim()),
        _ => kind,
    }
}

pub(crate) fn folded(doc: &Document) -> String {
    banthao_core::text::fold(&doc.plain_text())
}

/// The `LIKE` pattern of a library search: the query folded (no diacritics, no case,
/// `đ` as `d`) and found as a phrase (`tri thuc` finds `trí thức`); `None` (everything)
/// when the query is empty. Used as `?1 IS NULL OR folded LIKE ?1`.
pub(crate) fn search_pattern(query: &str) -> Option<String> {
    let q = banthao_core::text::fold(query)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['%', '_'], "");
    (!q.is_empty()).then(|| format!("%{q}%"))
}

impl Store {
    /// Stores a new draft; its id.
    pub fn create_draft(&mut self, doc: &Document, profile: DocKind, now: &str) -> Result<i64, StoreError> {
        let parent = doc.parent.as_ref().map(|p| p.id.clone());
        self.conn
            .execute(
                "INSERT INTO draft (title, province, parent, profile, model, folded, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    draft_title(doc),
                    doc.province,
                    parent,
                    profile_id(profile),
                    model_json(doc),
                    folded(doc),
                    now
                ],
            )
            .map_err(|e| classify(e, &self.path))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Saves a draft's current state (autosave) as the editor holds it, whose text was
    /// based on revision `based_on`; the new revision, or `None` when there is no such
    /// draft. A save based on an older revision than the stored one (another window
    /// saved in between) writes nothing and fails with [`StoreError::Stale`]: the newer
    /// text is kept, never silently overwritten.
    pub fn save_draft(
        &mut self,
        id: i64,
        doc: &Document,
        based_on: i64,
        now: &str,
    ) -> Result<Option<i64>, StoreError> {
        let err = |e| classify(e, &self.path);
        // The write lock first: nobody can save between the check and the write.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let current: Option<i64> = tx
            .query_row("SELECT revision FROM draft WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(err)?;
        match current {
            None => return Ok(None),
            Some(current) if current != based_on => return Err(StoreError::Stale { current }),
            Some(_) => {}
        }
        let revision = write_model(&tx, id, doc, now).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(revision)
    }

    /// Changes the format profile a draft is written in. The model is not touched, so
    /// the revision stays: an open editor's next save is not refused for it.
    pub fn set_draft_profile(&mut self, id: i64, profile: DocKind) -> Result<(), StoreError> {
        self.conn
            .execute("UPDATE draft SET profile = ?2 WHERE id = ?1", params![id, profile_id(profile)])
            .map_err(|e| classify(e, &self.path))?;
        Ok(())
    }

    /// A draft's entry and model.
    pub fn draft(&self, id: i64) -> Result<Option<(DraftEntry, Document)>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, title, province, parent, profile, created_at, updated_at,
                        (SELECT count(*) FROM version v WHERE v.draft_id = draft.id), revision, model
                 FROM draft WHERE id = ?1",
                [id],
                |r| Ok((draft_entry(r)?, r.get::<_, String>(9)?)),
            )
            .optional()
            .map_err(|e| classify(e, &self.path))?;
        row.map(|(e, j)| Ok((e, model_from(id, &j)?))).transpose()
    }

    /// Drafts whose title, province or text hold `query` as a phrase (diacritics and
    /// case ignored), most recently edited first.
    pub fn drafts(&self, query: &str) -> Result<Vec<DraftEntry>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare(
                "SELECT id, title, province, parent, profile, created_at, updated_at,
                        (SELECT count(*) FROM version v WHERE v.draft_id = draft.id), revision
                 FROM draft WHERE ?1 IS NULL OR folded LIKE ?1 ORDER BY updated_at DESC, id DESC",
            )
            .map_err(err)?;
        let rows = st.query_map([search_pattern(query)], draft_entry).map_err(err)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(err)
    }

    /// Deletes a draft and its versions; `false` when there was none.
    pub fn delete_draft(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM draft WHERE id = ?1", [id])
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }

    /// Saves the draft's current state as a named version.
    pub fn save_version(
        &mut self,
        draft_id: i64,
        name: &str,
        author: Option<&str>,
        now: &str,
    ) -> Result<i64, StoreError> {
        let err = |e| classify(e, &self.path);
        let model: String = self
            .conn
            .query_row("SELECT model FROM draft WHERE id = ?1", [draft_id], |r| r.get(0))
            .map_err(err)?;
        self.conn
            .execute(
                "INSERT INTO version (draft_id, name, author, model, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![draft_id, version_name(name), author, model, now],
            )
            .map_err(err)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A draft's versions, oldest first.
    pub fn versions(&self, draft_id: i64) -> Result<Vec<VersionEntry>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare(
                "SELECT id, draft_id, name, author, created_at FROM version WHERE draft_id = ?1 ORDER BY id",
            )
            .map_err(err)?;
        let rows = st
            .query_map([draft_id], |r| {
                Ok(VersionEntry {
                    id: r.get(0)?,
                    draft_id: r.get(1)?,
                    name: r.get(2)?,
                    author: r.get(3)?,
                    created_at: r.get(4)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(err)
    }

    /// A version's model.
    pub fn version(&self, id: i64) -> Result<Option<Document>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT model FROM version WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| classify(e, &self.path))?;
        json.map(|j| model_from(id, &j)).transpose()
    }

    /// Makes a version the draft's current state (the state before is kept as a
    /// version of its own, so a restore can itself be undone), in one transaction. The
    /// draft's revision is raised: a window still holding the state before cannot save
    /// over the restored one.
    pub fn restore_version(&mut self, version_id: i64, kept_as: &str, now: &str) -> Result<i64, StoreError> {
        let err = |e| classify(e, &self.path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let (draft_id, model): (i64, String) = tx
            .query_row("SELECT draft_id, model FROM version WHERE id = ?1", [version_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(err)?;
        let doc = model_from(version_id, &model)?;
        tx.execute(
            "INSERT INTO version (draft_id, name, author, model, created_at)
             SELECT id, ?2, NULL, model, ?3 FROM draft WHERE id = ?1",
            params![draft_id, version_name(kept_as), now],
        )
        .map_err(err)?;
        write_model(&tx, draft_id, &doc, now).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(draft_id)
    }

    /// A setting's value.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| classify(e, &self.path))
    }

    /// Sets a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(|e| classify(e, &self.path))?;
        Ok(())
    }
}

/// A version's name as stored: NFC, white space squashed and trimmed.
fn version_name(name: &str) -> String {
    banthao_core::text::squash_spaces(&banthao_core::text::nfc(name)).trim().to_string()
}

/// Writes a draft's model and raises its revision; the new revision (`None`: no such
/// draft). The one place a draft's model is written after its creation.
fn write_model(
    conn: &rusqlite::Connection,
    id: i64,
    doc: &Document,
    now: &str,
) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "UPDATE draft SET title = ?2, province = ?3, model = ?4, folded = ?5, updated_at = ?6,
                          revision = revision + 1
         WHERE id = ?1 RETURNING revision",
        params![id, draft_title(doc), doc.province, model_json(doc), folded(doc), now],
        |r| r.get(0),
    )
    .optional()
}

/// How a profile is stored (`party`, `state`: the ids of the built-in profiles).
fn profile_id(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Party => "party",
        DocKind::State => "state",
    }
}

fn draft_entry(r: &rusqlite::Row) -> rusqlite::Result<DraftEntry> {
    Ok(DraftEntry {
        id: r.get(0)?,
        title: r.get(1)?,
        province: r.get(2)?,
        parent: r.get(3)?,
        profile: match r.get_ref(4)?.as_str()? {
            "state" => DocKind::State,
            "party" => DocKind::Party,
            other => {
                let e = format!("thể thức «{other}» không có");
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    4,
                    rusqlite::types::Type::Text,
                    e.into(),
                ));
            }
        },
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        versions: r.get(7)?,
        revision: r.get(8)?,
    })
}
