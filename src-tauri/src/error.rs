//! Errors as the window sees them: a stable code and a Vietnamese message.

use serde::Serialize;

/// An error crossing to the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, ts_rs::TS)]
#[error("{message}")]
pub struct AppError {
    /// Stable, for the UI to act on (`db-locked`, `db-corrupt`, `not-found`, `bad-input`, `io`).
    pub code: String,
    /// For the user, in Vietnamese.
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError { code: code.into(), message: message.into() }
    }

    pub fn not_found(what: &str) -> AppError {
        AppError::new("not-found", format!("Không tìm thấy {what}."))
    }
}

impl From<banthao_store::StoreError> for AppError {
    fn from(e: banthao_store::StoreError) -> AppError {
        use banthao_store::StoreError as E;
        let code = match e {
            E::Locked => "db-locked",
            E::Corrupt(_) => "db-corrupt",
            E::TooNew(_) => "db-too-new",
            E::Open { .. } => "db-open",
            E::BadRow(_) => "db-bad-row",
            E::Sql(_) => "db",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<banthao_docx::save::SaveError> for AppError {
    fn from(e: banthao_docx::save::SaveError) -> AppError {
        AppError::new("io", e.to_string())
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> AppError {
        AppError::new("io", format!("Lỗi đọc/ghi tệp: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
