//! Applying a finding's suggestion to the document (the «Kiểm tra» panel's one-click
//! fix): the excerpt replaced where the finding points, emphasis and footnote marks
//! after it moved by the change in length. An edit as a value: a new document.

use super::Finding;
use crate::model::{AnchorPart, Document, Section};
use crate::text::{byte_at_char, char_len};

/// The document with `finding`'s suggestion in place of its excerpt, or `None` when
/// the finding has no suggestion or its excerpt is no longer in that text (the text
/// was edited since the check: the caller checks again).
///
/// The excerpt is looked for at the finding's offsets first, then nearest to them in
/// the same paragraph.
///
/// ```
/// use banthao_core::check::{apply_fix, Finding, Severity};
/// let mut doc = banthao_core::parse_text("KẾ HOẠCH\nI. MỤC ĐÍCH\nPhát triển đội ngủ trí thức.");
/// let f = Finding {
///     code: "misspelling".into(), severity: Severity::Error, message: String::new(),
///     excerpt: "đội ngủ".into(), path: "I".into(), paragraph: Some(0),
///     start: 11, end: 18, suggestion: Some("đội ngũ".into()),
/// };
/// let fixed = apply_fix(&doc, &f).unwrap();
/// assert_eq!(fixed.sections[0].paragraphs[0], "Phát triển đội ngũ trí thức.");
/// ```
pub fn apply_fix(doc: &Document, finding: &Finding) -> Option<Document> {
    let replacement = finding.suggestion.as_deref()?;
    let mut out = doc.clone();
    let text = text_mut(&mut out, &finding.path, finding.paragraph)?;
    let start = locate(text, &finding.excerpt, finding.start)?;
    let end = start + char_len(&finding.excerpt);
    let (b0, b1) = (byte_at_char(text, start), byte_at_char(text, end));
    text.replace_range(b0..b1, replacement);
    let new_end = start + char_len(replacement);
    // Offsets after the excerpt move with its end; inside it they stay within it.
    let shift = |x: usize| if x >= end { x - end + new_end } else { x.min(new_end.max(start)) };
    if let Some(section) = section_mut(&mut out.sections, &finding.path) {
        for e in section.emphasis.iter_mut().filter(|e| e.paragraph == finding.paragraph) {
            e.start = shift(e.start);
            e.end = shift(e.end).max(e.start);
        }
    }
    let part = match finding.path.as_str() {
        "title" => Some(AnchorPart::Summary),
        "preamble" => Some(AnchorPart::Preamble),
        "closing" => Some(AnchorPart::Closing),
        "header" | "recipients" => None,
        _ => Some(AnchorPart::Section),
    };
    for note in out.footnotes.iter_mut() {
        let Some(a) = note.anchor.as_mut() else { continue };
        let same_section =
            a.part != AnchorPart::Section || a.section.as_deref() == Some(finding.path.as_str());
        let same_paragraph = match a.part {
            AnchorPart::Summary | AnchorPart::Closing => true,
            _ => a.paragraph == finding.paragraph,
        };
        if Some(a.part) == part && same_section && same_paragraph {
            a.offset = shift(a.offset);
        }
    }
    Some(out)
}

impl Finding {
    /// What identifies a finding across checks of an edited draft, for remembering one
    /// the drafter set aside («bỏ qua»): the rule, the place and the text found — not
    /// the offsets, which move as the paragraph is edited.
    pub fn key(&self) -> String {
        let paragraph = self.paragraph.map_or_else(|| "-".to_string(), |p| p.to_string());
        format!("{}|{}|{}|{}", self.code, self.path, paragraph, self.excerpt)
    }
}

/// Where `excerpt` is in `text`, in characters: at `start` if it is there, else the
/// occurrence nearest to it.
fn locate(text: &str, excerpt: &str, start: usize) -> Option<usize> {
    if excerpt.is_empty() {
        return None;
    }
    let b = byte_at_char(text, start);
    if text.get(b..).is_some_and(|t| t.starts_with(excerpt)) {
        return Some(start);
    }
    text.match_indices(excerpt).map(|(i, _)| char_len(&text[..i])).min_by_key(|&c| c.abs_diff(start))
}

/// The text a finding's path and paragraph name.
fn text_mut<'a>(doc: &'a mut Document, path: &str, paragraph: Option<usize>) -> Option<&'a mut String> {
    match (path, paragraph) {
        ("header", Some(0)) => doc.number.as_mut().map(|n| &mut n.raw),
        ("header", Some(1)) => doc.place_date.as_mut().map(|p| &mut p.raw),
        ("title", _) => doc.summary.as_mut(),
        ("preamble", Some(i)) => doc.preamble.get_mut(i),
        ("closing", _) => doc.closing.as_mut(),
        ("recipients", Some(i)) => doc.recipients.get_mut(i),
        (_, p) => {
            let s = section_mut(&mut doc.sections, path)?;
            match p {
                None => Some(&mut s.title),
                Some(i) => s.paragraphs.get_mut(i),
            }
        }
    }
}

/// The section at a path such as `III.2` (the paths of [`Document::walk_sections`]).
fn section_mut<'a>(secs: &'a mut [Section], path: &str) -> Option<&'a mut Section> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let segs = crate::model::path_segments(secs);
    let i = segs.iter().position(|s| s == head)?;
    let s = &mut secs[i];
    match rest {
        None => Some(s),
        Some(r) => section_mut(&mut s.children, r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;
    use crate::model::Emphasis;

    fn finding(path: &str, paragraph: Option<usize>, start: usize, excerpt: &str, fix: &str) -> Finding {
        Finding {
            code: "test".into(),
            severity: Severity::Error,
            message: String::new(),
            excerpt: excerpt.into(),
            path: path.into(),
            paragraph,
            start,
            end: start + char_len(excerpt),
            suggestion: Some(fix.into()),
        }
    }

    fn doc() -> Document {
        crate::parse_text(
            "KẾ HOẠCH\nthực hiện Nghị quyết\n-----\nI. MỤC ĐÍCH\n1. Góp góp ý kiến\nXây dựng đội ngủ trí thức vững mạnh.",
        )
    }

    #[test]
    fn emphasis_and_notes_after_the_change_move_with_it() {
        let mut d = doc();
        let s = &mut d.sections[0].children[0];
        assert_eq!(s.paragraphs[0], "Xây dựng đội ngủ trí thức vững mạnh.");
        s.emphasis = vec![
            Emphasis { paragraph: Some(0), start: 0, end: 8, bold: true, italic: false },
            Emphasis { paragraph: Some(0), start: 17, end: 25, bold: false, italic: true },
        ];
        let f = finding("I.1", Some(0), 9, "đội ngủ", "đội ngũ của tỉnh");
        let fixed = apply_fix(&d, &f).unwrap();
        let s = &fixed.sections[0].children[0];
        assert_eq!(s.paragraphs[0], "Xây dựng đội ngũ của tỉnh trí thức vững mạnh.");
        assert_eq!((s.emphasis[0].start, s.emphasis[0].end), (0, 8));
        // `trí thức` moved right by the nine characters added.
        assert_eq!((s.emphasis[1].start, s.emphasis[1].end), (26, 34));
        assert_eq!(&s.paragraphs[0].chars().skip(26).take(8).collect::<String>(), "trí thức");
    }

    #[test]
    fn a_title_and_a_moved_excerpt_are_found() {
        let d = doc();
        let f = finding("I.1", None, 0, "Góp góp", "Góp");
        assert_eq!(apply_fix(&d, &f).unwrap().sections[0].children[0].title, "Góp ý kiến");
        // The text moved by three characters since the check: the nearest occurrence.
        let f = finding("I.1", Some(0), 6, "đội ngủ", "đội ngũ");
        assert!(apply_fix(&d, &f).unwrap().sections[0].children[0].paragraphs[0].contains("đội ngũ"));
    }

    #[test]
    fn a_stale_or_unfixable_finding_changes_nothing() {
        let d = doc();
        assert!(apply_fix(&d, &finding("I.1", Some(0), 9, "không có", "x")).is_none());
        assert!(apply_fix(&d, &finding("IX.4", Some(0), 0, "Xây", "x")).is_none());
        let mut f = finding("I.1", Some(0), 9, "đội ngủ", "x");
        f.suggestion = None;
        assert!(apply_fix(&d, &f).is_none());
    }
}
