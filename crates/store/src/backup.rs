//! Daily copies of the database, and the way out of a damaged one: set it aside and
//! start fresh, or put a copy in its place.

use crate::{classify, Store, StoreError};
use std::path::{Path, PathBuf};

/// How many daily copies are kept.
pub const KEEP: usize = 7;

/// Copies are named `banthao-YYYY-MM-DD.db` in the backup folder.
fn name_for(day: &str) -> String {
    format!("banthao-{day}.db")
}

/// The backup copies in `dir`, newest first.
pub fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        n.starts_with("banthao-")
                            && n.ends_with(".db")
                            && n.len() == "banthao-2026-01-01.db".len()
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    list.sort();
    list.reverse();
    list
}

/// Removes copies cut short (the program was stopped while writing one, on any day):
/// they are never taken for backups, but would stay on the disk.
fn remove_partials(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("banthao-") && name.ends_with(".db.partial") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Moves a damaged database (and its WAL files) aside as `NAME.hong-STAMP`, so that a
/// fresh one or a copy can take its place; the path it was moved to.
pub fn set_aside(db: &Path, stamp: &str) -> std::io::Result<PathBuf> {
    let aside = db.with_file_name(format!(
        "{}.hong-{}",
        db.file_name().and_then(|n| n.to_str()).unwrap_or("banthao.db"),
        stamp.replace(':', "-")
    ));
    std::fs::rename(db, &aside)?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", db.display()));
        if side.exists() {
            std::fs::rename(&side, PathBuf::from(format!("{}{ext}", aside.display())))?;
        }
    }
    Ok(aside)
}

impl Store {
    /// Makes today's copy in `dir` unless there is one, and keeps only the newest
    /// `KEEP` (7); the new copy's path when one was made.
    pub fn backup_daily(&self, dir: &Path, day: &str) -> Result<Option<PathBuf>, StoreError> {
        let io =
            |e: std::io::Error| StoreError::Open { path: dir.display().to_string(), reason: e.to_string() };
        std::fs::create_dir_all(dir).map_err(io)?;
        remove_partials(dir);
        let target = dir.join(name_for(day));
        if target.exists() {
            return Ok(None);
        }
        // Written to a temporary name first: a copy cut short is never taken for a backup.
        let partial = dir.join(format!("{}.partial", name_for(day)));
        self.conn
            .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
            .map_err(|e| classify(e, &self.path))?;
        std::fs::rename(&partial, &target).map_err(io)?;
        for old in backups(dir).into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(target))
    }
}
