//! The TypeScript declarations of every type the window exchanges with the commands,
//! generated from the Rust types. `ui/src/bindings.ts` is committed; this test fails
//! when it is stale. Regenerate with `UPDATE_BINDINGS=1 cargo test -p banthao-app bindings`.

use ts_rs::TS;

fn declarations() -> String {
    use crate::dto::*;
    use banthao_core::compare::diff::Counts;
    use banthao_core::compare::{Comparison, DiffOptions, ParaDiff, ParaKind, SectionDiff, Span};
    use banthao_core::model::*;
    use banthao_core::scaffold::{DraftRequest, DraftType, IssuerKind};
    use banthao_store::{CorpusEntry, DraftEntry, Suggestion, SuggestionSource, Variant, VersionEntry};
    let decls: [String; 74] = [
        Document::decl(),
        banthao_core::check::Finding::decl(),
        banthao_core::check::Severity::decl(),
        banthao_core::tasks::Task::decl(),
        CheckView::decl(),
        banthao_core::review::Item::decl(),
        banthao_core::review::Kind::decl(),
        banthao_core::review::Part::decl(),
        banthao_core::review::Status::decl(),
        banthao_core::review::Mapping::decl(),
        banthao_core::review::Reply::decl(),
        banthao_core::review::report::Handled::decl(),
        banthao_core::review::report::Summary::decl(),
        banthao_store::ReviewCopyEntry::decl(),
        banthao_store::StoredItem::decl(),
        ReviewView::decl(),
        DocKind::decl(),
        ParentRef::decl(),
        DocNumber::decl(),
        PlaceDate::decl(),
        LabelKind::decl(),
        Section::decl(),
        Emphasis::decl(),
        Signature::decl(),
        Footnote::decl(),
        Anchor::decl(),
        AnchorPart::decl(),
        Diagnostic::decl(),
        Comparison::decl(),
        DiffOptions::decl(),
        SectionDiff::decl(),
        ParaDiff::decl(),
        ParaKind::decl(),
        Span::decl(),
        Counts::decl(),
        CorpusEntry::decl(),
        DraftEntry::decl(),
        VersionEntry::decl(),
        Suggestion::decl(),
        SuggestionSource::decl(),
        Variant::decl(),
        crate::error::ErrorCode::decl(),
        crate::error::AppError::decl(),
        Library::decl(),
        ImportOutcome::decl(),
        ImportProgress::decl(),
        ParentOption::decl(),
        banthao_core::catalogue::ParentKind::decl(),
        StyleOption::decl(),
        DepthOption::decl(),
        banthao_core::style::Depth::decl(),
        ListedDocument::decl(),
        DocumentGroup::decl(),
        Catalogue::decl(),
        CoverageView::decl(),
        banthao_core::coverage_map::SectionCoverage::decl(),
        banthao_core::coverage_map::CoveredBy::decl(),
        banthao_core::coverage_map::Band::decl(),
        PlacesForYear::decl(),
        IssuerOption::decl(),
        TypeOption::decl(),
        IssuerKind::decl(),
        DraftType::decl(),
        DraftRequest::decl(),
        Settings::decl(),
        WizardOptions::decl(),
        NewDraft::decl(),
        DraftView::decl(),
        VersionView::decl(),
        SavedAt::decl(),
        SuggestionView::decl(),
        Counterpart::decl(),
        BackupEntry::decl(),
        DbStatus::decl(),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n// UPDATE_BINDINGS=1 cargo test -p banthao-app bindings\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn bindings_are_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
    let want = declarations();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p banthao-app bindings"
    );
}
