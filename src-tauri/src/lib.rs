//! Bản thảo's window: a thin Tauri shell. Commands (in `commands/`) are a few lines
//! each over the library crates; the database lives in the user's data folder (or
//! `BANTHAO_DATA_DIR`); errors reach the window as `{code, message}`.

mod commands;
pub mod dto;
pub mod error;
mod state;
mod webview;

use commands::{compare, drafts, export, library, recovery, settings, versions};
use tauri::Manager;

/// The data folder: `BANTHAO_DATA_DIR` when set (tests, portable use), else the
/// platform's app data folder.
fn data_dir(app: &tauri::App) -> std::path::PathBuf {
    match std::env::var_os("BANTHAO_DATA_DIR") {
        Some(d) => d.into(),
        None => app.path().app_data_dir().unwrap_or_else(|_| std::path::PathBuf::from("banthao-data")),
    }
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            webview::configure(app);
            let state = state::AppState::new(data_dir(app));
            // Today's backup copy, after the window is up.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let st = handle.state::<state::AppState>();
                let dir = st.backup_dir();
                let _ = st.with(|s| Ok(s.backup_daily(&dir, &state::today())?));
            });
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            library::library,
            library::import_files,
            library::delete_document,
            library::delete_draft,
            library::open_document,
            drafts::wizard_options,
            drafts::places_for_year,
            drafts::create_draft,
            drafts::get_draft,
            drafts::save_draft,
            drafts::set_draft_profile,
            drafts::renumber,
            drafts::suggest,
            versions::save_version,
            versions::versions,
            versions::get_version,
            versions::restore_version,
            versions::compare_versions,
            versions::export_redline,
            compare::compare_section,
            export::preview,
            export::export_docx,
            settings::settings,
            settings::save_settings,
            recovery::db_status,
            recovery::retry_open,
            recovery::start_fresh,
            recovery::restore_backup,
        ])
        .run(tauri::generate_context!())
        .expect("the window opens");
}

#[cfg(test)]
mod bindings;
