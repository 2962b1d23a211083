//! The page tree, walked once with its inherited attributes, safe from loops.

use crate::error::PdfError;
use crate::objects::Objects;
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashSet;

/// Pages read at most: an official document has tens.
pub const MAX_PAGES: usize = 2_000;
/// Depth of the page tree walked at most.
const MAX_DEPTH: usize = 64;

/// One page: its dictionary, resources and size.
pub struct Page<'a> {
    /// The page dictionary.
    pub dict: &'a Dictionary,
    /// Resources (inherited when the page has none).
    pub resources: Option<&'a Dictionary>,
    /// Media box: x0, y0, x1, y1.
    pub media: [f32; 4],
}

/// The pages in order.
pub fn pages<'a>(objects: &Objects<'a>) -> Result<Vec<Page<'a>>, PdfError> {
    let doc = objects.doc;
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| objects.as_dict(r))
        .ok_or_else(|| PdfError::Damaged("không có mục lục tài liệu (Root)".into()))?;
    let top = root.get(b"Pages").map_err(|_| PdfError::Damaged("không có cây trang (Pages)".into()))?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk(objects, top, None, [0.0, 0.0, 595.0, 842.0], 0, &mut seen, &mut out)?;
    Ok(out)
}

fn walk<'a>(
    objects: &Objects<'a>,
    node: &'a Object,
    resources: Option<&'a Dictionary>,
    media: [f32; 4],
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<Page<'a>>,
) -> Result<(), PdfError> {
    if depth > MAX_DEPTH {
        return Err(PdfError::Damaged("cây trang lồng nhau quá sâu".into()));
    }
    if let Object::Reference(id) = node {
        if !seen.insert(*id) {
            return Ok(()); // a loop or a page listed twice: read once
        }
    }
    let Some(dict) = objects.as_dict(node) else { return Ok(()) };
    let resources = objects.dict(dict, b"Resources").or(resources);
    let media = objects
        .array(dict, b"MediaBox")
        .and_then(|a| {
            let v: Vec<f32> = a.iter().filter_map(|o| objects.number(o)).collect();
            (v.len() == 4).then(|| [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])])
        })
        .unwrap_or(media);
    match objects.array(dict, b"Kids") {
        Some(kids) if objects.name(dict, b"Type").as_deref() != Some(b"Page") => {
            for kid in kids {
                walk(objects, kid, resources, media, depth + 1, seen, out)?;
            }
        }
        _ => {
            if out.len() >= MAX_PAGES {
                return Err(PdfError::TooLarge(format!(
                    "hơn {MAX_PAGES} trang, trong khi một văn bản thường chỉ vài chục trang"
                )));
            }
            out.push(Page { dict, resources, media });
        }
    }
    Ok(())
}
