//! The section of another document that answers a draft's section: what the editor
//! shows beside the section being written («mục tương ứng của tỉnh khác»).

use crate::compare::{align, diff_section, DiffOptions, SectionDiff};
use crate::model::Document;
use serde::Serialize;

/// A section of another document paired with a section of the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counterpart {
    /// Its label and title as written (`3. Tăng cường quản lý nhà nước…`).
    pub heading: String,
    /// Word by word: A is the other document's section, B the draft's.
    pub diff: SectionDiff,
}

/// The section of `other` that corresponds to the draft's section at `path`, aligned
/// by meaning, not by number; a section deeper than the second level is found through
/// its second-level ancestor. `None` when the draft has no such section or nothing in
/// `other` answers it.
pub fn counterpart(draft: &Document, path: &str, other: &Document) -> Option<Counterpart> {
    let mine = draft.section_at(path)?;
    let top: String = path.split('.').take(2).collect::<Vec<_>>().join(".");
    let alignment = align(draft, other);
    let pair = alignment
        .pairs
        .iter()
        .find(|p| p.a == path)
        .or_else(|| alignment.pairs.iter().find(|p| p.a == top))?;
    let theirs = other.section_at(&pair.b)?;
    let mut diff = diff_section(theirs, mine, &DiffOptions::default());
    diff.a = Some(pair.b.clone());
    diff.b = Some(path.to_string());
    Some(Counterpart { heading: format!("{} {}", theirs.label, theirs.title).trim().to_string(), diff })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "CHƯƠNG TRÌNH\nthực hiện Nghị quyết\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n- Quán triệt.\n\
        II- NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao nhận thức về vai trò của đội ngũ trí thức\n- Tuyên truyền sâu rộng.\n\
        a) Trong cán bộ\n- Học tập nghị quyết.\n\
        2. Tăng cường quản lý nhà nước đối với đội ngũ trí thức\n- Hoàn thiện chính sách.\n";
    const OTHER: &str = "KẾ HOẠCH\nthực hiện Nghị quyết\n-----\nI. MỤC ĐÍCH, YÊU CẦU\n- Quán triệt kỹ.\n\
        II. NHIỆM VỤ TRỌNG TÂM\n1. Tăng cường quản lý nhà nước đối với đội ngũ trí thức của tỉnh\n- Ban hành chính sách mới.\n\
        2. Nâng cao nhận thức về vai trò của đội ngũ trí thức\n- Tuyên truyền rộng rãi.\n";

    #[test]
    fn pairs_by_meaning_not_number() {
        let (d, o) = (crate::input::parse_text(DRAFT), crate::input::parse_text(OTHER));
        let c = counterpart(&d, "II.2", &o).unwrap();
        assert!(c.heading.starts_with("1. Tăng cường quản lý nhà nước"), "{}", c.heading);
        assert_eq!((c.diff.a.as_deref(), c.diff.b.as_deref()), (Some("II.1"), Some("II.2")));
        // A third-level section goes by its second-level ancestor.
        let c = counterpart(&d, "II.1.a", &o).unwrap();
        assert!(c.heading.starts_with("2. Nâng cao nhận thức"), "{}", c.heading);
        assert!(counterpart(&d, "IX.9", &o).is_none());
    }
}
