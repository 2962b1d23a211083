//! The way out when the database cannot be opened: retry (locked), open a backup, or
//! start fresh keeping the damaged file beside.

use crate::dto::{BackupEntry, DbStatus};
use crate::error::{AppError, Result};
use crate::state::{now_iso, AppState};
use tauri::State;

#[tauri::command]
pub async fn db_status(state: State<'_, AppState>) -> Result<DbStatus> {
    let error = state.open_error.lock().expect("error lock").clone();
    let backups = banthao_store::backups(&state.backup_dir())
        .into_iter()
        .map(|p| BackupEntry {
            day: p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .trim_start_matches("banthao-")
                .to_string(),
            path: p.display().to_string(),
        })
        .collect();
    Ok(DbStatus { ok: error.is_none(), error, path: state.db_path().display().to_string(), backups })
}

#[tauri::command]
pub async fn retry_open(state: State<'_, AppState>) -> Result<DbStatus> {
    state.reopen();
    db_status(state).await
}

/// Sets the damaged database aside (its name gets `.hong-` and the time) and starts
/// with a new one holding the bundled corpus.
#[tauri::command]
pub async fn start_fresh(state: State<'_, AppState>) -> Result<DbStatus> {
    set_aside(&state)?;
    state.reopen();
    db_status(state).await
}

/// Sets the damaged database aside and puts a backup copy in its place.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<DbStatus> {
    let backup = std::path::PathBuf::from(&path);
    if !banthao_store::backups(&state.backup_dir()).contains(&backup) {
        return Err(AppError::not_found("bản sao lưu"));
    }
    set_aside(&state)?;
    std::fs::copy(&backup, state.db_path())?;
    state.reopen();
    db_status(state).await
}

fn set_aside(state: &AppState) -> Result<()> {
    *state.store.lock().expect("store lock") = None;
    if state.db_path().exists() {
        banthao_store::set_aside(&state.db_path(), &now_iso())?;
    }
    Ok(())
}
