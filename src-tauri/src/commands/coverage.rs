//! Parents and the coverage map («Bản đồ triển khai»): which documents can be parents,
//! the library grouped by the parent each document implements, and a parent's sections
//! against the documents that implement it. The rules are `banthao_core::catalogue`
//! and `banthao_core::coverage_map`; this module only reads the store.

use crate::dto::{Catalogue, CoverageView, DocumentGroup, ListedDocument, ParentOption};
use crate::error::{AppError, Result};
use crate::state::AppState;
use banthao_core::catalogue::{self, KnownParent, Listed};
use banthao_core::scaffold::ParentTemplate;
use banthao_store::{Store, StoredDocument};
use tauri::State;

fn listed(stored: &[StoredDocument]) -> Vec<Listed<'_>> {
    stored
        .iter()
        .map(|d| Listed { doc: &d.doc, file_name: &d.file_name, implements: d.parent.as_deref() })
        .collect()
}

fn option(p: &KnownParent, stored: &[StoredDocument]) -> ParentOption {
    ParentOption {
        id: p.document.map_or_else(|| p.key.clone(), |k| format!("doc:{}", stored[k].id)),
        key: p.key.clone(),
        title: p.name.clone(),
        kind: p.kind,
        implemented_by: p.implemented_by,
    }
}

fn listed_document(d: &StoredDocument) -> ListedDocument {
    ListedDocument {
        id: d.id,
        name: catalogue::document_name(&d.doc, &d.file_name),
        label: catalogue::column_label(&d.doc, &d.file_name),
        central: banthao_core::central::is_central(&d.doc),
    }
}

/// Every parent a draft can implement, the built-ins first.
pub fn parent_options(s: &Store) -> Result<Vec<ParentOption>> {
    let stored = s.documents()?;
    let parents = catalogue::parents(&ParentTemplate::builtins(), &listed(&stored));
    Ok(parents.iter().map(|p| option(p, &stored)).collect())
}

/// The parent a form or a route names: `45-NQ/TW` (built-in) or `doc:ID`.
pub fn parent_template(s: &Store, id: &str) -> Result<ParentTemplate> {
    match id.strip_prefix("doc:") {
        Some(n) => {
            let n: i64 = n.parse().map_err(|_| AppError::not_found("văn bản cấp trên"))?;
            let doc = s.document(n)?.ok_or_else(|| AppError::not_found("văn bản cấp trên"))?;
            Ok(ParentTemplate::from_document(&doc))
        }
        None => ParentTemplate::builtin(id).ok_or_else(|| AppError::not_found("nghị quyết")),
    }
}

/// The library's parents and its documents grouped by the parent they implement; the
/// group of `first` (a draft's parent) first, else the one most drafts implement.
#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>, first: Option<String>) -> Result<Catalogue> {
    state.with(|s| {
        let stored = s.documents()?;
        let list = listed(&stored);
        let parents = catalogue::parents(&ParentTemplate::builtins(), &list);
        let drafts = s.drafts("")?;
        let worked: Vec<Option<&str>> = drafts.iter().map(|d| d.parent.as_deref()).collect();
        let groups = catalogue::first_of(catalogue::groups(&parents, &list, &worked), first.as_deref());
        Ok(Catalogue {
            groups: groups
                .into_iter()
                .map(|g| DocumentGroup {
                    parent: g.key.as_deref().and_then(|k| {
                        parents.iter().find(|p| catalogue::same_id(&p.key, k)).map(|p| option(p, &stored).id)
                    }),
                    key: g.key,
                    name: g.name,
                    documents: g.members.iter().map(|&k| listed_document(&stored[k])).collect(),
                })
                .collect(),
            parents: parents.iter().map(|p| option(p, &stored)).collect(),
        })
    })
}

/// The coverage map of a parent (`45-NQ/TW`, `doc:ID`, or the link id a draft names)
/// over the library's documents that implement it.
#[tauri::command]
pub async fn coverage(state: State<'_, AppState>, parent: String) -> Result<CoverageView> {
    state.with(|s| {
        let stored = s.documents()?;
        let list = listed(&stored);
        let known = catalogue::parents(&ParentTemplate::builtins(), &list);
        let own = parent.strip_prefix("doc:").and_then(|n| n.parse::<i64>().ok());
        let found = match own {
            Some(n) => known.iter().find(|p| p.document.is_some_and(|k| stored[k].id == n)),
            None => known.iter().find(|p| catalogue::same_id(&p.key, &parent)),
        };
        let p = found.ok_or_else(|| AppError::not_found("văn bản cấp trên"))?;
        let (template, parent_doc) = match p.document {
            Some(k) => (ParentTemplate::from_document(&stored[k].doc), stored[k].doc.clone()),
            None => {
                let t = ParentTemplate::builtin(&p.key).ok_or_else(|| AppError::not_found("nghị quyết"))?;
                let d = t.as_document();
                (t, d)
            }
        };
        let members: Vec<usize> = (0..stored.len())
            .filter(|&k| Some(k) != p.document && catalogue::implements(&list[k], &template.id))
            .collect();
        let docs: Vec<banthao_core::Document> = members.iter().map(|&k| stored[k].doc.clone()).collect();
        Ok(CoverageView {
            sections: banthao_core::coverage_map::coverage_map(&template, &docs),
            documents: members.iter().map(|&k| listed_document(&stored[k])).collect(),
            parent: option(p, &stored),
            parent_doc,
        })
    })
}
