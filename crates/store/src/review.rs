//! The consultation round: reviewers' copies imported for a draft, their items and
//! the drafter's statuses and answers. What is placed where is the core's work
//! ([`banthao_core::review`]); this module keeps it, and keeps the copy's marks and
//! text as sent so items can be placed again on a later draft without the file.

use crate::{classify, model_from, model_json, Store, StoreError};
use banthao_core::review::report::Handled;
use banthao_core::review::{CopyReview, CopyText, Item, Mapping, Status};
use banthao_core::Document;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

/// An imported copy, as the «Góp ý» screen lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReviewCopyEntry {
    /// Its id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// The draft it comments on.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub draft_id: i64,
    /// The version it was sent as, when known.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub version_id: Option<i64>,
    /// Its file name.
    pub file_name: String,
    /// The body its items are attributed to.
    pub reviewer: String,
    /// How it was mapped onto the draft.
    pub mapping: Mapping,
    /// Share of its text found in the draft.
    pub similarity: f32,
    /// Formatting changes counted in it.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub formatting: i64,
    /// Messages for the user.
    pub notes: Vec<String>,
    /// How many items it has.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub items: i64,
    /// When it was imported.
    pub imported_at: String,
}

/// An item as stored: its id, its copy and how it was handled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoredItem {
    /// Its id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// Its copy.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub copy_id: i64,
    /// The item, its status and answer.
    pub handled: Handled,
    /// When it was last handled.
    pub updated_at: Option<String>,
}

/// An import: stored under this id, or the same file was already imported for this draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum CopyAdded {
    /// Stored under this id.
    New(i64),
    /// Already there, under this id.
    Existing(i64),
}

fn mapping_str(m: Mapping) -> &'static str {
    match m {
        Mapping::Own => "own",
        Mapping::Same => "same",
        Mapping::Aligned => "aligned",
        Mapping::Unrelated => "unrelated",
    }
}

fn mapping_of(s: &str) -> Mapping {
    match s {
        "own" => Mapping::Own,
        "same" => Mapping::Same,
        "aligned" => Mapping::Aligned,
        _ => Mapping::Unrelated,
    }
}

impl Store {
    /// Stores a reviewer's copy of draft `draft_id` (its file's `bytes`, what was read
    /// of it and how it was placed), with all its items `chưa xử lý`. The same file
    /// imported again for the same draft is not stored twice.
    #[allow(clippy::too_many_arguments)]
    pub fn add_review_copy(
        &mut self,
        draft_id: i64,
        version_id: Option<i64>,
        bytes: &[u8],
        copy: &CopyText,
        sent: &Document,
        review: &CopyReview,
        now: &str,
    ) -> Result<CopyAdded, StoreError> {
        let hash: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM review_copy WHERE draft_id = ?1 AND sha256 = ?2",
                params![draft_id, hash],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        if let Some(id) = existing {
            return Ok(CopyAdded::Existing(id));
        }
        tx.execute(
            "INSERT INTO review_copy (draft_id, version_id, sha256, file_name, reviewer, mapping, similarity,
                 formatting, notes, copy_text, sent, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                draft_id,
                version_id,
                hash,
                review.file,
                review.reviewer,
                mapping_str(review.mapping),
                review.similarity as f64,
                review.formatting_changes as i64,
                serde_json::to_string(&review.notes).expect("strings serialise"),
                serde_json::to_string(copy).expect("a copy serialises"),
                model_json(sent),
                now
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        {
            let mut ins = tx
                .prepare("INSERT INTO review_item (copy_id, seq, reviewer, kind, path, item) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .map_err(err)?;
            for (seq, item) in review.items.iter().enumerate() {
                ins.execute(params![
                    id,
                    seq as i64,
                    item.reviewer,
                    item.kind.as_str(),
                    item.path,
                    item_json(item)
                ])
                .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(CopyAdded::New(id))
    }

    /// The copies imported for a draft, in import order.
    pub fn review_copies(&self, draft_id: i64) -> Result<Vec<ReviewCopyEntry>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare(
                "SELECT c.id, c.draft_id, c.version_id, c.file_name, c.reviewer, c.mapping, c.similarity,
                        c.formatting, c.notes, (SELECT count(*) FROM review_item i WHERE i.copy_id = c.id),
                        c.imported_at
                 FROM review_copy c WHERE c.draft_id = ?1 ORDER BY c.id",
            )
            .map_err(err)?;
        let rows = st
            .query_map([draft_id], |r| {
                Ok(ReviewCopyEntry {
                    id: r.get(0)?,
                    draft_id: r.get(1)?,
                    version_id: r.get(2)?,
                    file_name: r.get(3)?,
                    reviewer: r.get(4)?,
                    mapping: mapping_of(&r.get::<_, String>(5)?),
                    similarity: r.get::<_, f64>(6)? as f32,
                    formatting: r.get(7)?,
                    notes: serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_default(),
                    items: r.get(9)?,
                    imported_at: r.get(10)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// What was read of a copy (its marks and its text as sent), to place its items
    /// again on a later state of the draft.
    pub fn review_copy_source(&self, copy_id: i64) -> Result<Option<(CopyText, Document)>, StoreError> {
        let err = |e| classify(e, &self.path);
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT copy_text, sent FROM review_copy WHERE id = ?1", [copy_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(err)?;
        match row {
            None => Ok(None),
            Some((c, s)) => {
                let copy = serde_json::from_str(&c).map_err(|_| StoreError::BadRow(copy_id))?;
                Ok(Some((copy, model_from(copy_id, &s)?)))
            }
        }
    }

    /// Removes a copy and its items.
    pub fn remove_review_copy(&mut self, copy_id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM review_copy WHERE id = ?1", [copy_id])
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }

    /// Every item of a draft's copies, in copy and reading order.
    pub fn review_items(&self, draft_id: i64) -> Result<Vec<StoredItem>, StoreError> {
        let err = |e| classify(e, &self.path);
        let mut st = self
            .conn
            .prepare(
                "SELECT i.id, i.copy_id, i.item, i.status, i.answer, i.updated_at
                 FROM review_item i JOIN review_copy c ON c.id = i.copy_id
                 WHERE c.draft_id = ?1 ORDER BY c.id, i.seq",
            )
            .map_err(err)?;
        let rows = st
            .query_map([draft_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, copy_id, item, status, answer, updated_at) = row.map_err(err)?;
            let item: Item = serde_json::from_str(&item).map_err(|_| StoreError::BadRow(id))?;
            let status = Status::parse(&status).ok_or(StoreError::BadRow(id))?;
            out.push(StoredItem { id, copy_id, handled: Handled { item, status, answer }, updated_at });
        }
        Ok(out)
    }

    /// Records how an item was handled; `false` when there is no such item.
    pub fn set_review_status(
        &mut self,
        item_id: i64,
        status: Status,
        answer: &str,
        now: &str,
    ) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                "UPDATE review_item SET status = ?2, answer = ?3, updated_at = ?4 WHERE id = ?1",
                params![item_id, status.as_str(), answer, now],
            )
            .map_err(|e| classify(e, &self.path))?;
        Ok(n > 0)
    }

    /// Replaces the places of a copy's items (placed again on a later draft, in the
    /// same order as imported); statuses and answers are kept.
    pub fn replace_review_places(&mut self, copy_id: i64, items: &[Item]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut up = tx
                .prepare("UPDATE review_item SET path = ?3, item = ?4 WHERE copy_id = ?1 AND seq = ?2")
                .map_err(err)?;
            for (seq, item) in items.iter().enumerate() {
                up.execute(params![copy_id, seq as i64, item.path, item_json(item)]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }
}

fn item_json(item: &Item) -> String {
    serde_json::to_string(item).expect("an item serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use banthao_core::model::DocKind;
    use banthao_core::review::locate::review_copy;
    use banthao_core::review::{Mark, MarkKind};

    fn setup(s: &mut Store) -> (i64, CopyText, Document, CopyReview) {
        let draft = banthao_core::parse_text(
            "I- MỤC TIÊU\n1. Mục tiêu chung\nXây dựng đội ngũ trí thức vững mạnh.\n",
        );
        let id = s.create_draft(&draft, DocKind::Party, "2026-03-01T08:00:00Z").unwrap();
        let copy = CopyText {
            paragraphs: vec![
                "I- MỤC TIÊU".into(),
                "1. Mục tiêu chung".into(),
                "Xây dựng đội ngũ trí thức vững mạnh.".into(),
            ],
            marks: vec![
                Mark::change(MarkKind::Delete, "Sở Nội vụ", 2, 26, 35, "vững mạnh"),
                Mark {
                    text: "Cần cụ thể.".into(),
                    ..Mark::change(MarkKind::Comment, "Sở Nội vụ", 2, 0, 8, "Xây dựng")
                },
            ],
            ..CopyText::default()
        };
        let r = review_copy(&copy, &draft, Some(&draft), "so-noi-vu.docx", None);
        (id, copy, draft, r)
    }

    #[test]
    fn statuses_and_answers_survive_a_restart() {
        let dir = std::env::temp_dir().join(format!("banthao-review-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = dir.join("banthao.db");
        let (draft_id, item_id) = {
            let mut s = Store::open(&db).unwrap();
            let (id, copy, sent, r) = setup(&mut s);
            let added =
                s.add_review_copy(id, None, b"bytes", &copy, &sent, &r, "2026-03-12T08:00:00Z").unwrap();
            assert!(matches!(added, CopyAdded::New(_)));
            assert!(matches!(
                s.add_review_copy(id, None, b"bytes", &copy, &sent, &r, "t").unwrap(),
                CopyAdded::Existing(_)
            ));
            let items = s.review_items(id).unwrap();
            assert_eq!(items.len(), 2);
            assert!(items.iter().all(|i| i.handled.status == Status::Pending));
            assert!(s
                .set_review_status(items[1].id, Status::Explained, "Giữ nguyên.", "2026-03-12T09:00:00Z")
                .unwrap());
            (id, items[1].id)
        };
        let s = Store::open(&db).unwrap();
        let items = s.review_items(draft_id).unwrap();
        let i = items.iter().find(|i| i.id == item_id).unwrap();
        assert_eq!((i.handled.status, i.handled.answer.as_str()), (Status::Explained, "Giữ nguyên."));
        assert_eq!(items.iter().filter(|i| i.handled.status == Status::Pending).count(), 1);
        let copies = s.review_copies(draft_id).unwrap();
        assert_eq!((copies.len(), copies[0].items, copies[0].reviewer.as_str()), (1, 2, "Sở Nội vụ"));
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn items_are_placed_again_keeping_statuses_and_go_with_their_draft() {
        let mut s = Store::in_memory().unwrap();
        let (id, copy, sent, r) = setup(&mut s);
        let CopyAdded::New(copy_id) = s.add_review_copy(id, None, b"x", &copy, &sent, &r, "t").unwrap()
        else {
            panic!()
        };
        let first = s.review_items(id).unwrap()[0].id;
        s.set_review_status(first, Status::Accepted, "", "t").unwrap();
        let (c, sent) = s.review_copy_source(copy_id).unwrap().unwrap();
        let later = banthao_core::parse_text(
            "I- MỤC TIÊU\n1. Mục tiêu chung\nTiếp tục xây dựng đội ngũ trí thức vững mạnh.\n",
        );
        let again = review_copy(&c, &sent, Some(&later), "so-noi-vu.docx", None);
        s.replace_review_places(copy_id, &again.items).unwrap();
        let items = s.review_items(id).unwrap();
        assert_eq!(items[0].handled.status, Status::Accepted);
        assert_eq!(items[0].handled.item.start, 35);
        assert!(s.delete_draft(id).unwrap());
        assert!(s.review_copies(id).unwrap().is_empty());
        assert!(s.review_items(id).unwrap().is_empty());
    }
}
