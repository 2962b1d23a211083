//! The user's settings: province, issuer, signer, default profile, author, export folder.

use crate::dto::Settings;
use crate::error::Result;
use crate::state::AppState;
use banthao_store::Store;
use serde::{de::DeserializeOwned, Serialize};
use tauri::State;

/// A setting stored as its JSON string value (`tinh-uy`, `state`); one the program no
/// longer knows reads as unset.
fn typed<T: DeserializeOwned>(s: &Store, key: &str) -> Result<Option<T>> {
    Ok(s.setting(key)?.and_then(|v| serde_json::from_value(serde_json::Value::String(v)).ok()))
}

fn text_of<T: Serialize>(v: &Option<T>) -> Option<String> {
    v.as_ref().and_then(|v| match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    })
}

pub fn read(s: &Store) -> Result<Settings> {
    Ok(Settings {
        province: s.setting("province")?,
        issuer: typed(s, "issuer")?,
        signer: s.setting("signer")?,
        signer_title: s.setting("signer_title")?,
        profile: typed(s, "profile")?,
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
            ("province", settings.province.clone()),
            ("issuer", text_of(&settings.issuer)),
            ("signer", settings.signer.clone()),
            ("signer_title", settings.signer_title.clone()),
            ("profile", text_of(&settings.profile)),
            ("author", settings.author.clone()),
            ("export_dir", settings.export_dir.clone()),
        ];
        for (k, v) in pairs {
            if let Some(v) = v {
                s.set_setting(k, &banthao_core::text::nfc(v.trim()))?;
            }
        }
        Ok(())
    })
}
