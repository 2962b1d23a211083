//! What the app holds while it runs: where its data lives and the open database.

use crate::error::{AppError, Result};
use banthao_store::Store;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// The bundled corpus: public provincial texts, imported on first run.
const CORPUS: [(&str, &[u8]); 3] = [
    (
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        include_bytes!("../../templates/corpus/ha-giang_ctr_tinh-uy_du-thao_2024.txt"),
    ),
    ("cao-bang_kh_ban-thuong-vu.txt", include_bytes!("../../templates/corpus/cao-bang_kh_ban-thuong-vu.txt")),
    ("lam-dong_ctrhd_tinh-uy.txt", include_bytes!("../../templates/corpus/lam-dong_ctrhd_tinh-uy.txt")),
];

pub struct AppState {
    pub data_dir: PathBuf,
    /// `None` when the database could not be opened (see `open_error`).
    pub store: Mutex<Option<Store>>,
    pub open_error: Mutex<Option<AppError>>,
    /// Set by «Dừng nhập»: the import under way stops before its next file.
    pub import_stop: std::sync::atomic::AtomicBool,
}

pub fn now_secs() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

pub fn now_iso() -> String {
    banthao_core::date::iso_instant(now_secs())
}

pub fn today() -> String {
    banthao_core::date::iso_day(now_secs())
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> AppState {
        let state = AppState {
            data_dir,
            store: Mutex::new(None),
            open_error: Mutex::new(None),
            import_stop: Default::default(),
        };
        state.reopen();
        state
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join("banthao.db")
    }

    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("sao-luu")
    }

    /// Opens the database (seeding it on first run); on failure keeps the error for the
    /// recovery screen.
    pub fn reopen(&self) {
        let result = Store::open(&self.db_path()).map_err(AppError::from).and_then(|mut s| {
            seed(&mut s)?;
            Ok(s)
        });
        let (store, error) = match result {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        *self.store.lock().expect("store lock") = store;
        *self.open_error.lock().expect("error lock") = error;
    }

    /// Runs `f` with the open database.
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let mut guard = self.store.lock().expect("store lock");
        match guard.as_mut() {
            Some(s) => f(s),
            None => Err(self.open_error.lock().expect("error lock").clone().unwrap_or_else(|| {
                AppError::new(crate::error::ErrorCode::DbClosed, "Cơ sở dữ liệu chưa được mở.")
            })),
        }
    }
}

/// On first run the library holds the bundled corpus.
fn seed(store: &mut Store) -> Result<()> {
    if store.setting("seeded")?.is_some() {
        return Ok(());
    }
    let now = now_iso();
    for (name, bytes) in CORPUS {
        let doc = banthao_core::parse_text_bytes(bytes).map_err(AppError::bad_input)?;
        store.add_document(name, bytes, &doc, &now)?;
    }
    store.set_setting("seeded", &now)?;
    Ok(())
}
