//! The cascade: a draft section links to its parent's section (`ID#III.3`); the parent,
//! when it is a document of the library (a Tỉnh ủy programme that a UBND plan
//! implements), links in turn to the section above it — by its own links when it was
//! scaffolded, else by alignment with the resolution it implements — up to the root
//! (`45-NQ/TW#III.3`). Suggestions, the compare panel and coverage follow the chain.
//!
//! Pure: the library's documents and the root scaffolds come in as values.

use crate::compare::align;
use crate::model::{path_segments, Document, Section};
use crate::scaffold::ParentTemplate;

/// Longest chain followed (a loop between documents stops here).
const MAX_LINKS: usize = 8;

/// A section and its ancestors by path (`III.3.a` → `III.3.a`, `III.3`, `III`), found in
/// `secs`: the innermost one first.
fn with_ancestors<'a>(secs: &'a [Section], path: &str) -> Vec<(String, &'a Section)> {
    let mut out = Vec::new();
    let mut level = secs;
    let mut prefix = String::new();
    for part in path.split('.') {
        let found = level.iter().zip(path_segments(level)).find(|(_, seg)| seg == part);
        let Some((s, seg)) = found else { break };
        prefix = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
        out.push((prefix.clone(), s));
        level = &s.children;
    }
    out.reverse();
    out
}

/// The link of a section of `doc` to the section above it: its own (`implements`), an
/// ancestor's, or by alignment of its first two levels with `root` (the resolution
/// `doc` implements).
fn link_of(doc: &Document, path: &str, root: Option<&ParentTemplate>) -> Option<String> {
    let chain = with_ancestors(&doc.sections, path);
    if let Some(l) = chain.iter().find_map(|(_, s)| s.implements.clone()) {
        return Some(l);
    }
    let root = root?;
    let pdoc = root.as_document();
    let pairs = align(&pdoc, doc).pairs;
    // The innermost section (of the two aligned levels) that has a partner.
    chain.iter().find_map(|(p, _)| {
        let pair = pairs.iter().find(|x| &x.b == p)?;
        with_ancestors(&pdoc.sections, &pair.a).first().and_then(|(_, s)| s.implements.clone())
    })
}

/// The chain of parent sections above a draft's section `path`, nearest first, the
/// root last: `["Chương trình Tỉnh ủy Hà Giang~3fa2b1c0#III.3", "45-NQ/TW#III.3"]`.
/// `library` holds the documents a parent may be (matched by
/// [`ParentTemplate::from_document`]'s id); `roots` the resolutions (built-in
/// scaffolds) where a chain ends. Empty when the section links to nothing.
pub fn chain(draft: &Document, path: &str, library: &[Document], roots: &[ParentTemplate]) -> Vec<String> {
    let ids: Vec<String> = library.iter().map(|d| ParentTemplate::from_document(d).id).collect();
    let root_for = |doc: &Document| {
        let want = crate::parse::parent_resolution(doc).or_else(|| doc.parent.as_ref().map(|p| p.id.clone()));
        want.and_then(|w| roots.iter().find(|r| r.id == w)).or_else(|| (roots.len() == 1).then(|| &roots[0]))
    };
    let mut out: Vec<String> = Vec::new();
    let mut next = link_of(draft, path, root_for(draft));
    while let Some(link) = next.take() {
        if out.contains(&link) || out.len() >= MAX_LINKS {
            break;
        }
        out.push(link.clone());
        let Some((id, p)) = link.split_once('#') else { break };
        if roots.iter().any(|r| r.id == id) {
            break;
        }
        let Some(k) = ids.iter().position(|i| i == id) else { break };
        let doc = &library[k];
        next = link_of(doc, p, root_for(doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_by_path() {
        let doc = crate::parse_text("I- A\n1. B\na) C\nNội dung.\n2. D\nII- E\n");
        let paths: Vec<String> = with_ancestors(&doc.sections, "I.1.a").into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ["I.1.a", "I.1", "I"]);
        assert_eq!(with_ancestors(&doc.sections, "III").len(), 0);
    }
}
