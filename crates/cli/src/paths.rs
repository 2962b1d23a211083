//! Where the user's data lives: `--db`, then `BANTHAO_DB`, then the platform's data
//! folder (`$XDG_DATA_HOME/banthao`, `~/.local/share/banthao`, `%APPDATA%\banthao`).

use std::path::PathBuf;

/// The database to use.
pub fn database(flag: Option<PathBuf>) -> PathBuf {
    if let Some(p) = flag {
        return p;
    }
    if let Some(p) = std::env::var_os("BANTHAO_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    data_dir().join("banthao.db")
}

fn data_dir() -> PathBuf {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        if let Some(a) = env("APPDATA") {
            return a.join("banthao");
        }
    }
    if cfg!(target_os = "macos") {
        if let Some(h) = env("HOME") {
            return h.join("Library/Application Support/banthao");
        }
    }
    if let Some(x) = env("XDG_DATA_HOME") {
        return x.join("banthao");
    }
    env("HOME").map(|h| h.join(".local/share/banthao")).unwrap_or_else(|| PathBuf::from("banthao-data"))
}
