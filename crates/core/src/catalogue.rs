//! How lists show parents and imported documents: which documents can be parents
//! (central documents, programmes that others implement, any provincial programme a
//! lower level may implement), how each is named (a central document by number, date
//! and body, never by the `Hà Nội` of its place-date line), and the documents grouped
//! by the resolution they implement, the one the user drafts for most first.

use crate::model::Document;
use crate::scaffold::ParentTemplate;
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// An imported document as a list sees it.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The file it came from (the name of last resort).
    pub file_name: &'a str,
    /// The resolution it implements, as the store read it (`45-NQ/TW`).
    pub implements: Option<&'a str>,
}

/// Why a document can be a parent; the order lists show them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ParentKind {
    /// A scaffold shipped with the program (`templates/scaffolds/`).
    Builtin,
    /// An imported central document (Trung ương, Bộ Chính trị, Chính phủ …).
    Central,
    /// An imported provincial document that other imported documents implement.
    Implemented,
    /// Any other imported provincial programme or plan with headed sections: a lower
    /// level (the UBND after the Tỉnh ủy) may implement it.
    Provincial,
}

/// A document that can be a parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownParent {
    /// Its link id (`45-NQ/TW`, `Chương trình Tỉnh ủy Hà Giang~3fa2b1c0`).
    pub key: String,
    /// Its human name (`57-NQ/TW, 22/12/2024, Bộ Chính trị`).
    pub name: String,
    /// Why it is one.
    pub kind: ParentKind,
    /// Its index in the listed documents; `None` for a built-in.
    pub document: Option<usize>,
    /// How many listed documents implement it.
    pub implemented_by: usize,
}

/// Whether two parent ids name the same document (case, spaces and diacritics ignored).
pub fn same_id(a: &str, b: &str) -> bool {
    let key = |s: &str| fold(s).replace(' ', "");
    key(a) == key(b)
}

/// Whether a listed document implements the parent `key`: the store read that
/// resolution in its summary or preamble, or its model names that parent.
pub fn implements(d: &Listed, key: &str) -> bool {
    d.implements.is_some_and(|i| same_id(i, key))
        || d.doc.parent.as_ref().is_some_and(|p| same_id(&p.id, key))
}

/// How a listed document is named: a central document by number, date and body; a
/// provincial one by province and year; otherwise by its file.
pub fn document_name(doc: &Document, file_name: &str) -> String {
    crate::central::short_name(doc).unwrap_or_else(|| column_label(doc, file_name))
}

/// A short name for a column: province and year (`Cao Bằng (2024)`), else the file.
pub fn column_label(doc: &Document, file_name: &str) -> String {
    let year = doc.place_date.as_ref().and_then(|p| p.year);
    match (&doc.province, year) {
        (Some(p), Some(y)) => format!("{p} ({y})"),
        (Some(p), None) => p.clone(),
        _ => file_name.to_string(),
    }
}

/// Every parent a user can choose: the built-ins, then imported central documents,
/// programmes others implement and other provincial programmes, each once (an
/// imported copy of a built-in resolution is the built-in).
pub fn parents(builtins: &[ParentTemplate], listed: &[Listed]) -> Vec<KnownParent> {
    let count = |key: &str| listed.iter().filter(|d| implements(d, key)).count();
    let mut out: Vec<KnownParent> = builtins
        .iter()
        .map(|p| KnownParent {
            key: p.id.clone(),
            name: p.name.clone(),
            kind: ParentKind::Builtin,
            document: None,
            implemented_by: count(&p.id),
        })
        .collect();
    for (k, d) in listed.iter().enumerate() {
        let t = ParentTemplate::from_document(d.doc);
        if t.sections.is_empty() || out.iter().any(|p| same_id(&p.key, &t.id)) {
            continue;
        }
        let implemented_by =
            listed.iter().enumerate().filter(|(j, o)| *j != k && implements(o, &t.id)).count();
        let kind = if crate::central::is_central(d.doc) {
            ParentKind::Central
        } else if implemented_by > 0 {
            ParentKind::Implemented
        } else {
            ParentKind::Provincial
        };
        out.push(KnownParent { key: t.id, name: t.name, kind, document: Some(k), implemented_by });
    }
    out.sort_by_key(|p| p.kind);
    out
}

/// Imported documents that implement one parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The parent's link id; `None` for documents whose parent is not known.
    pub key: Option<String>,
    /// The parent's name (`Nghị quyết số 68-NQ/TW` for one not in the library), or
    /// «Chưa rõ văn bản cấp trên».
    pub name: String,
    /// Indexes of the listed documents, in the order given.
    pub members: Vec<usize>,
}

/// The listed documents grouped by the parent they implement. The group of the parent
/// most of the user's drafts implement (`drafts`: each draft's parent) comes first,
/// then built-in parents before imported ones, larger groups before smaller; documents
/// with no known parent last.
pub fn groups(parents: &[KnownParent], listed: &[Listed], drafts: &[Option<&str>]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut unknown = Vec::new();
    for (k, d) in listed.iter().enumerate() {
        // The parent it names in its model (a draft scaffolded here) or the resolution
        // its text cites.
        let key = d.doc.parent.as_ref().map(|p| p.id.as_str()).or(d.implements);
        let Some(key) = key else {
            unknown.push(k);
            continue;
        };
        match out.iter_mut().find(|g| g.key.as_deref().is_some_and(|g| same_id(g, key))) {
            Some(g) => g.members.push(k),
            None => {
                let name = parents
                    .iter()
                    .find(|p| same_id(&p.key, key))
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| format!("Nghị quyết số {key}"));
                out.push(Group { key: Some(key.to_string()), name, members: vec![k] });
            }
        }
    }
    let worked = |g: &Group| {
        let key = g.key.as_deref().unwrap_or_default();
        drafts.iter().filter(|d| d.is_some_and(|d| same_id(d, key))).count()
    };
    let kind = |g: &Group| {
        let key = g.key.as_deref().unwrap_or_default();
        parents.iter().find(|p| same_id(&p.key, key)).map_or(ParentKind::Provincial, |p| p.kind)
    };
    out.sort_by(|a, b| {
        worked(b)
            .cmp(&worked(a))
            .then(kind(a).cmp(&kind(b)))
            .then(b.members.len().cmp(&a.members.len()))
            .then(a.name.cmp(&b.name))
    });
    if !unknown.is_empty() {
        out.push(Group { key: None, name: "Chưa rõ văn bản cấp trên".into(), members: unknown });
    }
    out
}

/// The groups with the one of parent `first` (a draft's own resolution) moved to the
/// front.
pub fn first_of(mut groups: Vec<Group>, first: Option<&str>) -> Vec<Group> {
    if let Some(f) = first {
        if let Some(i) = groups.iter().position(|g| g.key.as_deref().is_some_and(|k| same_id(k, f))) {
            let g = groups.remove(i);
            groups.insert(0, g);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_text;

    const TU: &str = "TỈNH ỦY CAO BẰNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-CTr/TU\n\
        Cao Bằng, ngày 05 tháng 3 năm 2024\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\n\
        I- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Quán triệt sâu sắc Nghị quyết.\n";
    const TW: &str = "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 57-NQ/TW\n\
        Hà Nội, ngày 22 tháng 12 năm 2024\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học\n-----\n\
        I- TÌNH HÌNH\n1. Kết quả\n- Nội dung.\nII- NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao nhận thức\n- Nội dung.\n\
        T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n";

    #[test]
    fn parents_names_and_groups() {
        let tu = parse_text(TU);
        let tw = parse_text(TW);
        let listed = [
            Listed { doc: &tu, file_name: "cb.txt", implements: Some("45-NQ/TW") },
            Listed { doc: &tw, file_name: "57.txt", implements: None },
        ];
        let ps = parents(&ParentTemplate::builtins(), &listed);
        assert_eq!(ps[0].key, "45-NQ/TW");
        assert_eq!(ps[0].kind, ParentKind::Builtin);
        assert_eq!(ps[0].implemented_by, 1);
        assert_eq!(ps[1].kind, ParentKind::Central);
        assert_eq!(ps[1].name, "57-NQ/TW, 22/12/2024, Bộ Chính trị");
        assert_eq!(ps[2].kind, ParentKind::Provincial);
        assert_eq!(document_name(&tw, "57.txt"), "57-NQ/TW, 22/12/2024, Bộ Chính trị");
        assert_eq!(document_name(&tu, "cb.txt"), "Cao Bằng (2024)");
        let gs = groups(&ps, &listed, &[]);
        assert_eq!(gs.len(), 2);
        assert_eq!(gs[0].key.as_deref(), Some("45-NQ/TW"));
        assert_eq!(gs[0].name, ps[0].name);
        assert_eq!(gs[1].key, None);
        assert_eq!(gs[1].members, vec![1]);
    }

    #[test]
    fn the_drafts_resolution_first() {
        let tu = parse_text(TU);
        let other = parse_text(&TU.replace("45-NQ/TW", "68-NQ/TW"));
        let listed = [
            Listed { doc: &tu, file_name: "a.txt", implements: Some("45-NQ/TW") },
            Listed { doc: &other, file_name: "b.txt", implements: Some("68-NQ/TW") },
        ];
        let ps = parents(&ParentTemplate::builtins(), &listed);
        let gs = groups(&ps, &listed, &[]);
        assert_eq!(gs[0].key.as_deref(), Some("45-NQ/TW"));
        assert_eq!(gs[1].name, "Nghị quyết số 68-NQ/TW");
        let gs = groups(&ps, &listed, &[Some("68-NQ/TW"), None]);
        assert_eq!(gs[0].key.as_deref(), Some("68-NQ/TW"));
        let gs = first_of(groups(&ps, &listed, &[]), Some("68-nq/tw"));
        assert_eq!(gs[0].key.as_deref(), Some("68-NQ/TW"));
    }
}
