//! One writer per draft: two windows (two connections to one database file) editing the
//! same draft cannot overwrite each other's text; a save based on an older revision is
//! refused and the newer text is kept.

use banthao_core::model::DocKind;
use banthao_core::Document;
use banthao_store::{Store, StoreError};
use std::path::PathBuf;

fn doc(text: &str) -> Document {
    let mut d = banthao_core::parse_text(
        "KẾ HOẠCH\nthực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023\n-----\nI- MỤC TIÊU\nNội dung.\n",
    );
    d.sections[0].paragraphs = vec![text.to_string()];
    d
}

fn text_of(s: &Store, id: i64) -> (i64, String) {
    let (entry, d) = s.draft(id).unwrap().unwrap();
    (entry.revision, d.sections[0].paragraphs.join("\n"))
}

/// A database file of its own, removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        let dir = std::env::temp_dir().join(format!("banthao-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDb(dir)
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn two_windows_on_one_draft_cannot_overwrite_each_other() {
    let tmp = TempDb::new("two-writers");
    let path = tmp.0.join("banthao.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let id = a.create_draft(&doc("Gốc."), DocKind::Party, "2026-12-01T10:00:00Z").unwrap();

    // Both windows load the draft at the same revision.
    let (rev_a, _) = text_of(&a, id);
    let (rev_b, _) = text_of(&b, id);
    assert_eq!((rev_a, rev_b), (0, 0));

    // A saves: accepted, the revision moves on.
    let new_a = a.save_draft(id, &doc("Bản của A."), rev_a, "2026-12-01T10:01:00Z").unwrap();
    assert_eq!(new_a, Some(1));

    // B saves from the revision it loaded: refused, A's text kept.
    let r = b.save_draft(id, &doc("Bản của B."), rev_b, "2026-12-01T10:02:00Z");
    match r {
        Err(e @ StoreError::Stale { current: 1 }) => {
            assert!(e.to_string().contains("cửa sổ khác"), "{e}");
        }
        other => panic!("a stale save must be refused, got {other:?}"),
    }
    assert_eq!(text_of(&a, id), (1, "Bản của A.".to_string()));
    assert_eq!(text_of(&b, id), (1, "Bản của A.".to_string()));
    let listed = b.drafts("").unwrap();
    assert_eq!(listed[0].revision, 1);
    assert_eq!(listed[0].updated_at, "2026-12-01T10:01:00Z", "the refused save changed nothing");

    // B reloads and saves: accepted; now A is the one behind.
    let (rev_b, _) = text_of(&b, id);
    assert_eq!(b.save_draft(id, &doc("B sau khi mở lại."), rev_b, "t3").unwrap(), Some(2));
    assert!(matches!(a.save_draft(id, &doc("A cũ."), 1, "t4"), Err(StoreError::Stale { current: 2 })));
    assert_eq!(text_of(&a, id), (2, "B sau khi mở lại.".to_string()));
}

#[test]
fn restoring_a_version_raises_the_revision_and_the_profile_does_not() {
    let mut s = Store::in_memory().unwrap();
    let id = s.create_draft(&doc("Lần 1."), DocKind::Party, "t0").unwrap();
    s.save_version(id, "Dự thảo lần 1", None, "t1").unwrap();
    assert_eq!(s.save_draft(id, &doc("Lần 2."), 0, "t2").unwrap(), Some(1));

    // The profile is not the model: an open editor's next save still goes through.
    s.set_draft_profile(id, DocKind::State).unwrap();
    assert_eq!(text_of(&s, id).0, 1);

    let v1 = s.versions(id).unwrap()[0].id;
    s.restore_version(v1, "  Trước khi   khôi phục ", "t3").unwrap();
    assert_eq!(text_of(&s, id), (2, "Lần 1.".to_string()));
    let names: Vec<String> = s.versions(id).unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names, ["Dự thảo lần 1", "Trước khi khôi phục"]);
    let kept = s.versions(id).unwrap()[1].id;
    assert_eq!(s.version(kept).unwrap().unwrap().sections[0].paragraphs, ["Lần 2."]);

    // A window still holding the text from before the restore cannot save over it.
    assert!(matches!(s.save_draft(id, &doc("Lần 2 sửa."), 1, "t4"), Err(StoreError::Stale { current: 2 })));
    assert_eq!(text_of(&s, id), (2, "Lần 1.".to_string()));
    assert_eq!(s.save_draft(id, &doc("Lần 3."), 2, "t5").unwrap(), Some(3));

    // No such draft: nothing to refuse.
    assert_eq!(s.save_draft(id + 100, &doc("x"), 0, "t6").unwrap(), None);
}
