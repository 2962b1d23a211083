//! New drafts from a parent document, the editor's loading and autosave, numbering in
//! the profile's style, and clause suggestions for the section being written.

use crate::dto::{
    DepthOption, DraftView, IssuerOption, NewDraft, PlacesForYear, SavedAt, StyleOption, SuggestionView,
    TypeOption, WizardOptions,
};
use crate::error::{AppError, Result};
use crate::state::{now_iso, today, AppState};
use banthao_core::model::DocKind;
use banthao_core::profile::FormatProfile;
use banthao_core::scaffold::{self, DraftType, IssuerKind, Presets, ScaffoldRequest};
use banthao_core::style::{Depth, ScaffoldOptions, ScaffoldStyle};
use banthao_core::Document;
use tauri::State;

/// What the new-draft form offers: parents (built-in and imported, by their human
/// names), scaffold styles and depths, issuers and types, and the user's defaults.
#[tauri::command]
pub async fn wizard_options(state: State<'_, AppState>) -> Result<WizardOptions> {
    let parents = state.with(|s| crate::commands::coverage::parent_options(s))?;
    let styles = ScaffoldStyle::builtins()
        .into_iter()
        .map(|s| StyleOption {
            label: s.description(),
            sections: s.sections.iter().map(|x| x.title.clone()).collect(),
            key: s.key,
        })
        .collect();
    let depths = [Depth::Groups, Depth::Items]
        .into_iter()
        .map(|d| DepthOption { id: d, label: d.label().into() })
        .collect();
    let issuers = IssuerKind::ALL
        .iter()
        .map(|&i| IssuerOption { id: i, label: i.label().into(), usual_types: i.usual_types().to_vec() })
        .collect();
    let types = DraftType::ALL.iter().map(|&t| TypeOption { id: t, label: t.label().into() }).collect();
    let settings = state.with(|s| crate::commands::settings::read(s))?;
    Ok(WizardOptions { parents, styles, depths, issuers, types, today: today(), settings })
}

/// The provinces and cities whose names apply to a draft of `year`.
#[tauri::command]
pub fn places_for_year(year: u16) -> Result<PlacesForYear> {
    let set = banthao_core::builtin_places()
        .set_for_year(year, &today())
        .ok_or_else(|| AppError::not_found("danh sách tỉnh, thành phố của năm này"))?;
    Ok(PlacesForYear { label: set.label.clone(), names: set.units.iter().map(|u| u.name.clone()).collect() })
}

/// Creates a draft from the parent's structure in the chosen style and depth (as
/// `banthao scaffold --style --depth` does); its id.
#[tauri::command]
pub async fn create_draft(state: State<'_, AppState>, req: NewDraft) -> Result<i64> {
    let parent = state.with(|s| crate::commands::coverage::parent_template(s, &req.parent))?;
    let style = ScaffoldStyle::builtin(&req.style).ok_or_else(|| AppError::not_found("bố cục dự thảo"))?;
    let opts = ScaffoldOptions { style, depth: req.depth };
    let request = ScaffoldRequest::new(req.draft, &today()).map_err(AppError::bad_input)?;
    let doc = scaffold::scaffold_with(
        &parent,
        &request,
        &Presets::builtin(),
        banthao_core::builtin_places(),
        &opts,
    )
    .map_err(AppError::bad_input)?;
    let profile = doc.kind.unwrap_or(DocKind::Party);
    state.with(|s| Ok(s.create_draft(&doc, profile, &now_iso())?))
}

#[tauri::command]
pub async fn get_draft(state: State<'_, AppState>, id: i64) -> Result<DraftView> {
    state.with(|s| draft_view(s, id))
}

/// A draft's entry and model, or "not found".
pub fn draft_view(s: &banthao_store::Store, id: i64) -> Result<DraftView> {
    let (entry, doc) = s.draft(id)?.ok_or_else(|| AppError::not_found("dự thảo"))?;
    Ok(DraftView { entry, doc })
}

/// Autosave: the draft as the editor holds it now (normalised to NFC on the way in),
/// its text based on `revision` (from `get_draft` or the last save's answer). A save
/// based on an older revision is refused (`stale-draft`): another window saved in
/// between and its text is kept. Answers the time and the new revision.
#[tauri::command]
pub async fn save_draft(
    state: State<'_, AppState>,
    id: i64,
    doc: Document,
    revision: i64,
) -> Result<SavedAt> {
    let doc = doc.into_nfc();
    let at = now_iso();
    state.with(|s| match s.save_draft(id, &doc, revision, &at)? {
        Some(revision) => Ok(SavedAt { at, revision }),
        None => Err(AppError::not_found("dự thảo")),
    })
}

#[tauri::command]
pub async fn set_draft_profile(state: State<'_, AppState>, id: i64, profile: DocKind) -> Result<()> {
    state.with(|s| Ok(s.set_draft_profile(id, profile)?))
}

/// The document with its labels recomputed from the structure in the profile's style.
#[tauri::command]
pub fn renumber(doc: Document, profile: DocKind) -> Result<Document> {
    let p = FormatProfile::of(profile);
    let mut doc = doc;
    banthao_core::label::renumber(&mut doc.sections, &p.numbering.roman_separator);
    Ok(doc)
}

/// Clauses other provinces wrote for the section at `path` of the draft `doc` (as the
/// editor holds it), best first: those of its chain of parent sections up to the
/// resolution, then the generic ones of other resolutions' programmes
/// ([`banthao_store::Store::suggest_for_draft`], as `banthao suggest --draft --path`),
/// with the draft's province, year and resolution filled in.
#[tauri::command]
pub async fn suggest(
    state: State<'_, AppState>,
    doc: Document,
    path: String,
    typed: Option<String>,
    province: Option<String>,
    year: Option<u16>,
) -> Result<Vec<SuggestionView>> {
    let doc = doc.into_nfc();
    let list = state.with(|s| Ok(s.suggest_for_draft(&doc, &path, typed.as_deref(), 8)?))?;
    let res = banthao_core::generic::Resolution::of_document(&doc);
    let fill = |t: &str| {
        banthao_core::clauses::fill_for_draft(
            t,
            province.as_deref(),
            year,
            res.as_ref(),
            banthao_core::builtin_places(),
        )
    };
    Ok(list
        .into_iter()
        .map(|s| SuggestionView {
            text: fill(&s.template),
            variants: s.variants.iter().map(|v| fill(&v.template)).collect(),
            suggestion: s,
        })
        .collect())
}
