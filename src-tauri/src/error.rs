//! Errors as the window sees them: a stable code and a Vietnamese message.

use serde::Serialize;

/// What went wrong, for the window to act on (a string union in TypeScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Another program holds the database.
    DbLocked,
    /// The database file is damaged.
    DbCorrupt,
    /// The database was written by a newer version.
    DbTooNew,
    /// The database could not be opened.
    DbOpen,
    /// A row the program cannot read.
    DbBadRow,
    /// The database is not open (the recovery screen is showing).
    DbClosed,
    /// Any other database error.
    Db,
    /// A draft's save was based on an older revision: another window saved it in
    /// between. Nothing was written; the window stops autosaving that draft.
    StaleDraft,
    /// What was asked for does not exist.
    NotFound,
    /// The request cannot be met as given.
    BadInput,
    /// Reading or writing a file failed.
    Io,
    /// Not from a command: the window's own bridge failed (set by the window only).
    Unknown,
}

/// An error crossing to the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, ts_rs::TS)]
#[error("{message}")]
pub struct AppError {
    /// Stable, for the UI to act on.
    pub code: ErrorCode,
    /// For the user, in Vietnamese.
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError { code, message: message.into() }
    }

    pub fn not_found(what: &str) -> AppError {
        AppError::new(ErrorCode::NotFound, format!("Không tìm thấy {what}."))
    }

    /// A request the core refused, with its reason.
    pub fn bad_input(e: impl std::fmt::Display) -> AppError {
        AppError::new(ErrorCode::BadInput, e.to_string())
    }
}

impl From<banthao_store::StoreError> for AppError {
    fn from(e: banthao_store::StoreError) -> AppError {
        use banthao_store::StoreError as E;
        let code = match e {
            E::Locked => ErrorCode::DbLocked,
            E::Corrupt(_) => ErrorCode::DbCorrupt,
            E::TooNew(_) => ErrorCode::DbTooNew,
            E::Open { .. } => ErrorCode::DbOpen,
            E::BadRow(_) => ErrorCode::DbBadRow,
            E::Stale { .. } => ErrorCode::StaleDraft,
            E::Sql(_) => ErrorCode::Db,
        };
        AppError::new(code, e.to_string())
    }
}

impl From<banthao_docx::save::SaveError> for AppError {
    fn from(e: banthao_docx::save::SaveError) -> AppError {
        AppError::new(ErrorCode::Io, e.to_string())
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> AppError {
        AppError::new(ErrorCode::Io, format!("Lỗi đọc/ghi tệp: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
