//! The daily backup: a copy cut short (the program killed while writing it) is never
//! taken for a backup and does not stay on the disk.

use banthao_store::Store;

#[test]
fn copies_cut_short_are_not_backups_and_are_cleared() {
    let dir = std::env::temp_dir().join(format!("banthao-store-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&dir.join("banthao.db")).unwrap();
    let backups = dir.join("sao-luu");
    std::fs::create_dir_all(&backups).unwrap();
    // What a kill in the middle of two earlier days' copies left.
    for day in ["2026-03-01", "2026-03-02"] {
        std::fs::write(backups.join(format!("banthao-{day}.db.partial")), b"SQLite format 3\0").unwrap();
    }
    assert!(banthao_store::backups(&backups).is_empty());
    let made = store.backup_daily(&backups, "2026-03-03").unwrap().unwrap();
    assert_eq!(banthao_store::backups(&backups), vec![made]);
    let mut left: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    left.sort();
    assert_eq!(left, vec!["banthao-2026-03-03.db".to_string()]);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
