//! `banthao suggest`: clauses for a section, named by its heading or parent section id,
//! or by its path in a draft (`--draft DRAFT.json --path III.3`): then the suggestions
//! follow the draft's parent chain to the resolution
//! ([`banthao_core::cascade::chain`]), through the library's documents.

use crate::input::{self, UserError};
use anyhow::Result;
use banthao_core::generic::Resolution;
use banthao_core::scaffold::{self, ParentTemplate};
use banthao_store::{Store, StoreError, Suggestion};
use std::path::Path;

/// Suggestions for the section at `path` of the draft in `draft`: the draft's province
/// unless another is given.
pub fn by_draft(
    draft: &Path,
    path: &str,
    typed: Option<&str>,
    province: Option<&str>,
    limit: usize,
    json: bool,
    db: &Path,
) -> Result<()> {
    let user = |e: StoreError| UserError(e.to_string());
    let doc = input::read_draft_or_document(draft)?;
    let store = Store::open(db).map_err(user)?;
    let list = store.suggest_for_draft(&doc, path, typed, limit).map_err(user)?;
    let res = Resolution::of_document(&doc);
    let year = doc.place_date.as_ref().and_then(|p| p.year);
    print(&list, province.or(doc.province.as_deref()), year, res.as_ref(), json)
}

/// Suggestions for a section named by its heading or its parent section id.
pub fn by_section(
    section: &str,
    typed: Option<&str>,
    province: Option<&str>,
    limit: usize,
    json: bool,
    db: &Path,
) -> Result<()> {
    let user = |e: StoreError| UserError(e.to_string());
    let store = Store::open(db).map_err(user)?;
    let parent = scaffold::parent_section_of(section, &ParentTemplate::builtins());
    // A heading that names no known section is searched as words.
    let typed = typed.map(str::to_string).or_else(|| parent.is_none().then(|| section.to_string()));
    let list = store.suggest(parent.as_deref(), typed.as_deref(), limit).map_err(user)?;
    print(&list, province, None, None, json)
}

/// Prints suggestions as text or JSON, filled for `province`, and the draft's year and
/// resolution, when given.
fn print(
    list: &[Suggestion],
    province: Option<&str>,
    year: Option<u16>,
    res: Option<&Resolution>,
    json: bool,
) -> Result<()> {
    let text_of = |t: &str| {
        banthao_core::clauses::fill_for_draft(t, province, year, res, banthao_core::builtin_places())
    };
    if json {
        let v: Vec<serde_json::Value> = list
            .iter()
            .map(|s| {
                serde_json::json!({
                    "text": text_of(&s.template), "template": s.template, "provinces": s.provinces, "curated": s.curated,
                    "count": s.count, "score": s.score, "parent_section": s.parent_section,
                    "sources": s.sources, "variants": s.variants, "from_resolution": s.from_resolution,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else if list.is_empty() {
        println!("Chưa có gợi ý cho mục này.");
    } else {
        for (i, s) in list.iter().enumerate() {
            println!("{}. {}", i + 1, text_of(&s.template));
            if s.curated {
                println!("   (câu mẫu tự soạn, #{})", s.id);
            } else {
                println!("   ({} tỉnh: {})", s.count, s.provinces.join(", "));
            }
            if let Some(r) = &s.from_resolution {
                println!("   từ chương trình thực hiện Nghị quyết khác (số {r})");
            }
            if s.variants.len() > 1 {
                println!("   {} cách viết:", s.variants.len());
                for v in &s.variants {
                    println!("   - {} ({})", text_of(&v.template), v.provinces.join(", "));
                }
            }
        }
    }
    Ok(())
}
