//! Types that cross between the window and the commands (besides the model and the
//! store's entries). Each has a TypeScript declaration in `ui/src/bindings.ts`.

use banthao_core::compare::SectionDiff;
use banthao_core::Document;
use banthao_store::{CorpusEntry, DraftEntry, Suggestion};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Library {
    pub drafts: Vec<DraftEntry>,
    pub documents: Vec<CorpusEntry>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportOutcome {
    pub file: String,
    pub ok: bool,
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The same file was already in the library.
    pub existing: bool,
    pub message: String,
}

/// Sent as the `import-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ParentOption {
    /// `45-NQ/TW`, or `doc:ID` for an imported document.
    pub id: String,
    pub title: String,
}

/// Provinces in force over a period.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlaceSet {
    pub id: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct Settings {
    pub province: Option<String>,
    /// `tinh-uy`, `ban-thuong-vu`, `ubnd`.
    pub issuer: Option<String>,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
    /// `party` or `state`.
    pub profile: Option<String>,
    /// Recorded in document properties and on tracked changes.
    pub author: Option<String>,
    /// Where the last export was saved.
    pub export_dir: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct WizardOptions {
    pub parents: Vec<ParentOption>,
    pub sets: Vec<PlaceSet>,
    /// `YYYY-MM-DD`.
    pub today: String,
    pub settings: Settings,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewDraft {
    pub parent: String,
    pub province: String,
    pub issuer: String,
    /// `ctr`, `kh`, `ctrhd`.
    pub doc_type: String,
    pub year: u16,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftView {
    pub entry: DraftEntry,
    pub doc: Document,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct VersionView {
    pub doc: Document,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedAt {
    pub at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SuggestionView {
    /// The template with the draft's names filled in.
    pub text: String,
    pub suggestion: Suggestion,
}

/// The counterpart of the draft's section in another document.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Counterpart {
    #[ts(type = "number")]
    pub document_id: i64,
    /// Province, or the file's name.
    pub name: String,
    pub heading: Option<String>,
    /// A = the other document's section, B = the draft's.
    pub diff: Option<SectionDiff>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupEntry {
    pub day: String,
    pub path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DbStatus {
    pub ok: bool,
    pub error: Option<crate::error::AppError>,
    pub path: String,
    pub backups: Vec<BackupEntry>,
}
