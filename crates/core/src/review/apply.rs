//! «Tiếp thu» in one click: a proposed change (insert, delete, replace) applied to the
//! draft at the place it was located. Refused, with a message, when the place no
//! longer holds the text the reviewer changed (the drafter edited it since): the
//! drafter then edits by hand. The caller records the result in the draft's history.

use super::{Item, Kind, Part};
use crate::model::{Document, Section};
use thiserror::Error;

/// Why a proposal cannot be applied automatically. Messages are for the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApplyError {
    /// A comment proposes no text.
    #[error("ý kiến này không kèm đề xuất sửa chữ, cần sửa trực tiếp trong dự thảo")]
    NotAChange,
    /// The place is not in the draft any more.
    #[error("không còn tìm thấy vị trí góp ý trong dự thảo")]
    Gone,
    /// The text there has changed since the copy was sent.
    #[error("đoạn văn đã thay đổi từ khi gửi («{0}» không còn ở vị trí góp ý), cần sửa trực tiếp")]
    Changed(String),
}

fn section_mut<'a>(doc: &'a mut Document, path: &str) -> Option<&'a mut Section> {
    fn go<'a>(secs: &'a mut [Section], prefix: &str, path: &str) -> Option<&'a mut Section> {
        let segs = crate::model::path_segments(secs);
        for (s, seg) in secs.iter_mut().zip(segs) {
            let p = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
            if p == path {
                return Some(s);
            }
            if path.starts_with(&format!("{p}.")) {
                return go(&mut s.children, &p, path);
            }
        }
        None
    }
    go(&mut doc.sections, "", path)
}

/// The text an item points into.
fn target<'a>(doc: &'a mut Document, item: &Item) -> Option<&'a mut String> {
    match (item.part, item.paragraph) {
        (Part::Section, None) => section_mut(doc, &item.path).map(|s| &mut s.title),
        (Part::Section, Some(k)) => section_mut(doc, &item.path).and_then(|s| s.paragraphs.get_mut(k)),
        (Part::Preamble, Some(k)) => doc.preamble.get_mut(k),
        (Part::Closing, _) => doc.closing.as_mut(),
        _ => None,
    }
}

/// `text` with characters `start..end` replaced by `with`, spaces mended around it.
pub fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()).max(start.min(chars.len())));
    let before: String = chars[..start].iter().collect();
    let after: String = chars[end..].iter().collect();
    let with = with.trim();
    let mut out = before.clone();
    if !with.is_empty() {
        if before.chars().last().is_some_and(|c| !c.is_whitespace() && c != '(' && c != '“' && c != '"') {
            out.push(' ');
        }
        out.push_str(with);
        if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            out.push(' ');
        }
    }
    out.push_str(&after);
    // One space between words, none before closing punctuation.
    let mut s = crate::text::squash_spaces(&out);
    for p in [" ,", " .", " ;", " :", " )", " ?", " !"] {
        s = s.replace(p, &p[1..]);
    }
    s.trim().to_string()
}

/// The draft with the item's proposal applied.
pub fn apply(draft: &Document, item: &Item) -> Result<Document, ApplyError> {
    if item.kind == Kind::Comment {
        return Err(ApplyError::NotAChange);
    }
    let mut doc = draft.clone();
    let text = target(&mut doc, item).ok_or(ApplyError::Gone)?;
    let here: String = text.chars().skip(item.start).take(item.end.saturating_sub(item.start)).collect();
    if item.changed || (item.kind != Kind::Insert && here.trim() != item.excerpt.trim()) {
        return Err(ApplyError::Changed(item.excerpt.trim().to_string()));
    }
    let with = if item.kind == Kind::Delete { "" } else { item.text.as_str() };
    *text = splice(text, item.start, item.end, with);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splicing_mends_spaces() {
        assert_eq!(
            splice("Quán triệt sâu sắc, đầy đủ nội dung.", 18, 26, ""),
            "Quán triệt sâu sắc nội dung."
        );
        assert_eq!(
            splice("Sở Nội vụ tham mưu cơ chế.", 18, 18, "Ban Thường vụ"),
            "Sở Nội vụ tham mưu Ban Thường vụ cơ chế."
        );
        assert_eq!(splice("trên các báo.", 5, 12, "mạng xã hội"), "trên mạng xã hội.");
    }

    #[test]
    fn a_replacement_is_applied_where_it_was_placed() {
        let d = crate::parse_text(
            "I- NHIỆM VỤ\n1. Tuyên truyền\nĐẩy mạnh tuyên truyền trên các phương tiện thông tin đại chúng.\n",
        );
        let mut item = Item {
            reviewer: "Sở Nội vụ".into(),
            author: "A".into(),
            file: "a.docx".into(),
            kind: Kind::Replace,
            part: Part::Section,
            path: "I.1".into(),
            paragraph: Some(0),
            start: 27,
            end: 62,
            excerpt: "các phương tiện thông tin đại chúng".into(),
            text: "báo chí, mạng xã hội".into(),
            date: None,
            replies: vec![],
            changed: false,
        };
        let out = apply(&d, &item).unwrap();
        assert_eq!(
            out.section_at("I.1").unwrap().paragraphs[0],
            "Đẩy mạnh tuyên truyền trên báo chí, mạng xã hội."
        );
        item.excerpt = "khác".into();
        assert!(matches!(apply(&d, &item), Err(ApplyError::Changed(_))));
        item.kind = Kind::Comment;
        assert_eq!(apply(&d, &item), Err(ApplyError::NotAChange));
    }
}
