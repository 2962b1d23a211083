//! Writing output files atomically (`banthao_docx::save`), failures as exit code 2.

use crate::input::UserError;
use std::path::Path;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), UserError> {
    banthao_docx::save::write_atomic(path, bytes).map_err(|e| UserError(e.to_string()))
}
