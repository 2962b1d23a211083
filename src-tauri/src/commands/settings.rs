//! The user's settings: province, issuer, signer, default profile, author, export folder.

use crate::dto::Settings;
use crate::error::Result;
use crate::state::AppState;
use banthao_store::Store;
use tauri::State;

pub fn read(s: &Store) -> Result<Settings> {
    Ok(Settings {
        province: s.setting("province")?,
        issuer: s.setting("issuer")?,
        signer: s.setting("signer")?,
        signer_title: s.setting("signer_title")?,
        profile: s.setting("profile")?,
        author: s.setting("author")?,
        export_dir: s.setting("export_dir")?,
    })
}

#[tauri::command]
pub async fn settings(state: State<'_, AppState>) -> Result<Settings> {
    state.with(|s| read(s))
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<()> {
    state.with(|s| {
        let pairs = [
            ("province", &settings.province),
            ("issuer", &settings.issuer),
            ("signer", &settings.signer),
            ("signer_title", &settings.signer_title),
            ("profile", &settings.profile),
            ("author", &settings.author),
            ("export_dir", &settings.export_dir),
        ];
        for (k, v) in pairs {
            if let Some(v) = v {
                s.set_setting(k, &banthao_core::text::nfc(v.trim()))?;
            }
        }
        Ok(())
    })
}
