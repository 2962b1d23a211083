//! Types that cross between the window and the commands (besides the model and the
//! store's entries). Each has a TypeScript declaration in `ui/src/bindings.ts`.

use banthao_core::compare::SectionDiff;
use banthao_core::model::DocKind;
use banthao_core::scaffold::{DraftRequest, DraftType, IssuerKind};
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

/// The provinces and cities whose names apply to a draft of a given year.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlacesForYear {
    /// Which list applies (`34 tỉnh, thành phố sau sắp xếp (từ 01/7/2025)`).
    pub label: String,
    pub names: Vec<String>,
}

/// An issuer as the new-draft form offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IssuerOption {
    pub id: IssuerKind,
    pub label: String,
    /// The types it usually issues, the usual one first.
    pub usual_types: Vec<DraftType>,
}

/// A type of draft as the new-draft form offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TypeOption {
    pub id: DraftType,
    pub label: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct Settings {
    pub province: Option<String>,
    pub issuer: Option<IssuerKind>,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
    pub profile: Option<DocKind>,
    /// Recorded in document properties and on tracked changes.
    pub author: Option<String>,
    /// Where the last export was saved.
    pub export_dir: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct WizardOptions {
    pub parents: Vec<ParentOption>,
    pub issuers: Vec<IssuerOption>,
    pub types: Vec<TypeOption>,
    /// `YYYY-MM-DD`.
    pub today: String,
    pub settings: Settings,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewDraft {
    /// `45-NQ/TW`, or `doc:ID` for an imported document.
    pub parent: String,
    pub draft: DraftRequest,
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
    /// The draft's revision after this save: the next save is based on it.
    #[ts(type = "number")]
    pub revision: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SuggestionView {
    /// The template with the draft's names filled in.
    pub text: String,
    pub suggestion: Suggestion,
    /// The wording variants with the draft's names filled in, in the order of
    /// `suggestion.variants`.
    pub variants: Vec<String>,
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

/// The check of a draft: the findings shown and how many the drafter set aside.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckView {
    pub findings: Vec<banthao_core::check::Finding>,
    #[ts(type = "number")]
    pub set_aside: usize,
}

/// The consultation round of a draft: its copies, their items (with the draft's
/// current text at each item's place, `null` when the place is gone) and the counts.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReviewView {
    pub copies: Vec<banthao_store::ReviewCopyEntry>,
    pub items: Vec<banthao_store::StoredItem>,
    /// Each item written out as the report writes it («Đề nghị sửa "…" thành "…"»).
    pub content: Vec<String>,
    pub current: Vec<Option<String>>,
    pub summary: banthao_core::review::report::Summary,
}
