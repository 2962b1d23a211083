//! Types that cross between the window and the commands (besides the model and the
//! store's entries). Each has a TypeScript declaration in `ui/src/bindings.ts`.

use banthao_core::catalogue::ParentKind;
use banthao_core::compare::SectionDiff;
use banthao_core::coverage_map::SectionCoverage;
use banthao_core::model::DocKind;
use banthao_core::scaffold::{DraftRequest, DraftType, IssuerKind};
use banthao_core::style::Depth;
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
    /// `45-NQ/TW`, or `doc:ID` for an imported document: what `create_draft` and the
    /// coverage map take.
    pub id: String,
    /// Its link id (`45-NQ/TW`): what documents that implement it name.
    pub key: String,
    /// Its human name (`57-NQ/TW, 22/12/2024, Bộ Chính trị`).
    pub title: String,
    pub kind: ParentKind,
    /// How many imported documents implement it.
    #[ts(type = "number")]
    pub implemented_by: usize,
}

/// A scaffold style as the new-draft form offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StyleOption {
    /// `nghi-quyet`, `ke-hoach`.
    pub key: String,
    pub label: String,
    /// What it lays out, for the form's note.
    pub sections: Vec<String>,
}

/// A depth as the new-draft form offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DepthOption {
    pub id: Depth,
    pub label: String,
}

/// An imported document as lists name it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ListedDocument {
    #[ts(type = "number")]
    pub id: i64,
    /// A central document by number, date and body; else province and year, else file.
    pub name: String,
    /// Province and year, or the file's name (a column's head).
    pub label: String,
    pub central: bool,
}

/// Imported documents that implement one parent.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DocumentGroup {
    /// The parent's link id; `null` when not known.
    pub key: Option<String>,
    /// The parent to open (its coverage map): `45-NQ/TW` or `doc:ID`; `null` when the
    /// parent is not in the library.
    pub parent: Option<String>,
    pub name: String,
    pub documents: Vec<ListedDocument>,
}

/// The library's parents and its documents grouped by the parent they implement.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Catalogue {
    pub parents: Vec<ParentOption>,
    pub groups: Vec<DocumentGroup>,
}

/// The coverage map of a parent: its sections against the documents implementing it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CoverageView {
    pub parent: ParentOption,
    /// The parent as a document (a built-in: its headings), to read a section.
    pub parent_doc: Document,
    /// The columns; `covered_by[].document` indexes this list.
    pub documents: Vec<ListedDocument>,
    pub sections: Vec<SectionCoverage>,
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
    /// Scaffold styles, the mirror of the parent first.
    pub styles: Vec<StyleOption>,
    pub depths: Vec<DepthOption>,
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
    /// A scaffold style's key (`nghi-quyet`, `ke-hoach`).
    pub style: String,
    pub depth: Depth,
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
    /// As lists name it: a central document by number, date and body, else province
    /// and year, else the file's name.
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
