//! Bản thảo's window: a thin Tauri shell. Commands (in `commands/`) are a few lines
//! each over the library crates; the database lives in the user's data folder (or
//! `BANTHAO_DATA_DIR`); errors reach the window as `{code, message}`.

mod commands;
pub mod dto;
pub mod error;
mod state;
mod webview;
pub mod webview2;

use commands::{check, compare, coverage, drafts, export, library, recovery, review, settings, versions};
use tauri::Manager;

/// The data folder: `BANTHAO_DATA_DIR` when set (tests, portable use), else the
/// platform's app data folder.
fn data_dir(app: &tauri::App) -> std::path::PathBuf {
    match std::env::var_os("BANTHAO_DATA_DIR") {
        Some(d) => d.into(),
        None => app.path().app_data_dir().unwrap_or_else(|_| std::path::PathBuf::from("banthao-data")),
    }
}

/// One app per data folder: a second launch brings the running window to the front
/// and exits before opening the database, so two processes never write one database.
///
/// The plugin keys the instance on a name. On Linux (a D-Bus name on the session bus)
/// that name is the app's identifier for the platform's data folder and, when
/// `BANTHAO_DATA_DIR` is set, the identifier with a stable hash of that folder: apps
/// given different data folders (tests, benchmarks, portable copies) run side by side.
/// Without a session bus the plugin cannot tell and every launch runs. On Windows (a
/// named mutex) and macOS (a socket) the plugin only knows the bundle identifier: a
/// second launch exits even with another `BANTHAO_DATA_DIR`.
fn single_instance<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _argv, _cwd| {
        let window = app.get_webview_window("main").or_else(|| app.webview_windows().into_values().next());
        if let Some(w) = window {
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
    });
    #[cfg(target_os = "linux")]
    let builder = match std::env::var_os("BANTHAO_DATA_DIR") {
        Some(dir) => builder.dbus_id(instance_id("vn.banthao.app", std::path::Path::new(&dir))),
        None => builder,
    };
    builder.build()
}

/// The instance name for a data folder: `base` and a stable hash (FNV-1a, the same in
/// every build) of the folder's canonical path, `vn.banthao.app.d0123456789abcdef` (a
/// valid D-Bus name: no element starts with a digit).
#[cfg_attr(not(any(target_os = "linux", test)), allow(dead_code))]
fn instance_id(base: &str, dir: &std::path::Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let hash = dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{base}.d{hash:016x}")
}

pub fn run() {
    webview2::ensure_runtime();
    tauri::Builder::default()
        // First, so that a second launch exits before anything else starts.
        .plugin(single_instance())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            webview::configure(app);
            app.manage(state::AppState::new(data_dir(app)));
            // Today's backup copy, after the window is up (the state is managed first:
            // the thread reads it).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let st = handle.state::<state::AppState>();
                let dir = st.backup_dir();
                let _ = st.with(|s| Ok(s.backup_daily(&dir, &state::today())?));
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            library::library,
            coverage::catalogue,
            coverage::coverage,
            library::import_files,
            library::stop_import,
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
            check::check_draft,
            check::dismiss_finding,
            check::fix_finding,
            check::draft_tasks,
            check::export_tasks,
            review::import_review_copies,
            review::review_state,
            review::set_review_status,
            review::accept_review_item,
            review::refresh_review_places,
            review::remove_review_copy,
            review::export_review_report,
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

#[cfg(test)]
mod tests {
    #[test]
    fn each_data_folder_has_its_own_instance_name() {
        let base = std::env::temp_dir().join(format!("banthao-instance-{}", std::process::id()));
        let (a, b) = (base.join("a"), base.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let id = super::instance_id("vn.banthao.app", &a);
        assert_eq!(id, super::instance_id("vn.banthao.app", &b.join("../a")), "one folder, one name");
        assert_ne!(id, super::instance_id("vn.banthao.app", &b));
        let last = id.rsplit('.').next().unwrap();
        assert!(last.starts_with('d') && last.len() == 17, "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'), "{id}");
        let _ = std::fs::remove_dir_all(&base);
    }
}
