//! The body: preamble paragraphs, then the tree of numbered sections.
//!
//! Levels come from the labels, not from a fixed table: a label of a kind already open
//! on the stack closes everything below that section and becomes its sibling; a new
//! kind opens a child. So `I-` / `1.` / `a)` and `I.` / `1.` / `1.1.` / `(1)` both
//! come out right, as do documents that skip a level.

use crate::label::{follows, parse_bullet, parse_label, Label};
use crate::model::{Anchor, AnchorPart, Diagnostic, Emphasis, LabelKind, Section};
use crate::source::Line;
use crate::text::{char_len, is_upper, upper_ratio, word_count};

type Key = (LabelKind, usize);

struct Frame {
    index: usize,
    key: Key,
    label: Label,
}

/// Where a footnote mark landed, before section paths are known.
enum MarkAt {
    Preamble { paragraph: usize, offset: usize },
    Section { path: Vec<usize>, paragraph: Option<usize>, offset: usize },
}

/// The body read into preamble and sections.
#[derive(Default)]
pub(crate) struct Body {
    pub preamble: Vec<String>,
    pub sections: Vec<Section>,
    pub anchors: Vec<(String, Anchor)>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Default)]
struct Builder {
    sections: Vec<Section>,
    stack: Vec<Frame>,
    preamble: Vec<String>,
    marks: Vec<(String, MarkAt)>,
    diagnostics: Vec<Diagnostic>,
    last_roman: u32,
}

fn key(label: &Label) -> Key {
    (label.kind, label.value.len())
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', ';', '…'])
}

/// Splits the text after a label into (title, first paragraph).
/// A level-2 title is a short phrase; a numbered item that is a whole sentence runs
/// on and has no title; `Mục tiêu chung: …` has both.
pub(crate) fn split_title(rest: &str, kind: LabelKind) -> (String, Option<String>) {
    let rest = rest.trim();
    if kind == LabelKind::Roman || rest.is_empty() {
        return (rest.to_string(), None);
    }
    if let Some(colon) = rest.find(':') {
        let (head, tail) = (rest[..colon].trim(), rest[colon + 1..].trim());
        if word_count(head) <= 12 && word_count(tail) >= 3 && !head.is_empty() {
            return (head.to_string(), Some(tail.to_string()));
        }
    }
    let words = word_count(rest);
    let runs_on = (ends_sentence(rest) && words > 8) || words > 45;
    if !runs_on {
        return (rest.to_string(), None);
    }
    // `Mục đích. Quán triệt …`: a short first sentence is the title.
    if let Some(dot) = rest.find(". ") {
        let (head, tail) = (&rest[..dot], rest[dot + 2..].trim());
        if word_count(head) <= 10 && tail.chars().next().is_some_and(char::is_uppercase) {
            return (head.to_string(), Some(tail.to_string()));
        }
    }
    (String::new(), Some(rest.to_string()))
}

impl Builder {
    fn current_path(&self) -> Vec<usize> {
        self.stack.iter().map(|f| f.index).collect()
    }

    fn section_mut(&mut self, path: &[usize]) -> Option<&mut Section> {
        let (first, rest) = path.split_first()?;
        let mut s = self.sections.get_mut(*first)?;
        for i in rest {
            s = s.children.get_mut(*i)?;
        }
        Some(s)
    }

    fn siblings_len(&mut self, parent: &[usize]) -> usize {
        if parent.is_empty() {
            self.sections.len()
        } else {
            self.section_mut(parent).map_or(0, |s| s.children.len())
        }
    }

    fn add_paragraph(&mut self, line: &Line, from_char: usize, prefix: &str) {
        let (text, notes, spans) = line.tail_from(from_char, prefix);
        if self.stack.is_empty() {
            let paragraph = self.preamble.len();
            self.preamble.push(text);
            for n in notes {
                self.marks.push((n.id, MarkAt::Preamble { paragraph, offset: n.offset }));
            }
            return;
        }
        let path = self.current_path();
        let sec = self.section_mut(&path).expect("stack points at a section");
        let paragraph = sec.paragraphs.len();
        sec.paragraphs.push(text);
        for s in spans {
            sec.emphasis.push(Emphasis {
                paragraph: Some(paragraph),
                start: s.start,
                end: s.end,
                bold: s.bold,
                italic: s.italic,
            });
        }
        for n in notes {
            self.marks.push((
                n.id,
                MarkAt::Section { path: path.clone(), paragraph: Some(paragraph), offset: n.offset },
            ));
        }
    }

    fn check_sequence(&mut self, prev: Option<&Label>, label: &Label, line: usize) {
        let expected_first = |l: &Label| l.value.last() == Some(&1);
        match prev {
            Some(p) if follows(p, label) => {}
            Some(p) => {
                let (a, b) = (p.value.last().copied().unwrap_or(0), label.value.last().copied().unwrap_or(0));
                let (code, msg) = if b <= a {
                    (
                        "numbering-repeat",
                        format!("Số thứ tự «{}» lặp lại hoặc lùi lại sau «{}».", label.text, p.text),
                    )
                } else {
                    ("numbering-gap", format!("Số thứ tự nhảy từ «{}» sang «{}».", p.text, label.text))
                };
                self.diagnostics.push(Diagnostic::new(code, msg, Some(line)));
            }
            None if !expected_first(label) => self.diagnostics.push(Diagnostic::new(
                "numbering-start",
                format!("Mục «{}» là mục đầu tiên ở cấp này nhưng không bắt đầu từ 1.", label.text),
                Some(line),
            )),
            None => {}
        }
    }

    /// Opens a section for `label`; returns its index path.
    fn open(&mut self, label: Label, line: usize) -> Vec<usize> {
        let k = key(&label);
        let mut prev_sibling = None;
        if label.kind == LabelKind::Roman {
            prev_sibling = self.stack.drain(..).find(|f| f.key == k).map(|f| f.label);
        } else if let Some(pos) = self.stack.iter().position(|f| f.key == k) {
            prev_sibling = self.stack.drain(pos..).next().map(|f| f.label);
        } else if label.kind == LabelKind::Decimal {
            // `2.1.` goes under `2.` (or under `2.` written as `2.0`-style decimal parent).
            let depth = label.value.len();
            if let Some(pos) = self.stack.iter().rposition(|f| {
                (f.key.0 == LabelKind::Arabic && depth == 2) || (f.key == (LabelKind::Decimal, depth - 1))
            }) {
                self.stack.truncate(pos + 1);
            }
        }
        self.check_sequence(prev_sibling.as_ref(), &label, line);
        if label.kind == LabelKind::Roman {
            self.last_roman = label.value[0];
        }
        let parent = self.current_path();
        let index = self.siblings_len(&parent);
        let section = Section::new(label.text.clone(), label.kind, "");
        if parent.is_empty() {
            self.sections.push(section);
        } else {
            self.section_mut(&parent).unwrap().children.push(section);
        }
        self.stack.push(Frame { index, key: k, label });
        self.current_path()
    }

    fn set_title(&mut self, path: &[usize], line: &Line, from: usize, title: &str) {
        let len = char_len(title);
        let sec = self.section_mut(path).unwrap();
        sec.title = title.to_string();
        for s in &line.spans {
            if s.end > from && s.start < from + len {
                sec.emphasis.push(Emphasis {
                    paragraph: None,
                    start: s.start.max(from) - from,
                    end: s.end.min(from + len) - from,
                    bold: s.bold,
                    italic: s.italic,
                });
            }
        }
        for n in &line.notes {
            if n.offset >= from && n.offset <= from + len {
                self.marks.push((
                    n.id.clone(),
                    MarkAt::Section { path: path.to_vec(), paragraph: None, offset: n.offset - from },
                ));
            }
        }
    }
}

fn accept_label(b: &Builder, label: &Label, rest: &str) -> bool {
    match label.kind {
        // A Roman label must continue the sequence or carry a capitalised title:
        // `V. I. Lê-nin` at a line start is not section V.
        LabelKind::Roman => label.value[0] == b.last_roman + 1 || upper_ratio(rest) > 0.7,
        _ => true,
    }
}

pub(crate) fn read_body(lines: &[Line]) -> Body {
    let mut b = Builder::default();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let text = line.text.as_str();
        if let Some(label) = parse_label(text).filter(|l| accept_label(&b, l, &text[l.rest..])) {
            let rest = &text[label.rest..];
            let rest_char = text[..label.rest].chars().count();
            let kind = label.kind;
            let path = b.open(label, line.line);
            if rest.trim().is_empty() {
                // Title on the next line (`I-` alone, then `TÌNH HÌNH`).
                if let Some(next) = lines.get(i + 1) {
                    let t = next.text.as_str();
                    if parse_label(t).is_none()
                        && parse_bullet(t).is_none()
                        && (is_upper(t) || (word_count(t) <= 20 && !ends_sentence(t)))
                    {
                        b.set_title(&path, next, 0, t);
                        i += 2;
                        continue;
                    }
                }
            } else {
                let (title, para) = split_title(rest, kind);
                let title_from = if title.is_empty() {
                    rest_char
                } else {
                    rest_char + (char_len(rest) - char_len(rest.trim_start()))
                };
                if !title.is_empty() {
                    b.set_title(&path, line, title_from, &title);
                }
                if let Some(p) = para {
                    let from = char_len(text) - char_len(&p);
                    b.add_paragraph(line, from, "");
                }
            }
        } else if let Some((marker, at)) = parse_bullet(text) {
            let from = text[..at].chars().count();
            b.add_paragraph(line, from, &format!("{marker} "));
        } else {
            b.add_paragraph(line, 0, "");
        }
        i += 1;
    }
    finish(b)
}

fn finish(b: Builder) -> Body {
    let Builder { sections, preamble, marks, diagnostics, .. } = b;
    let path_of = |idx: &[usize]| -> Option<String> {
        let mut segs = Vec::new();
        let mut list = &sections;
        for i in idx {
            segs.push(crate::model::path_segments(list).into_iter().nth(*i)?);
            list = &list.get(*i)?.children;
        }
        Some(segs.join("."))
    };
    let anchors = marks
        .into_iter()
        .map(|(id, at)| {
            let anchor = match at {
                MarkAt::Preamble { paragraph, offset } => {
                    Anchor { part: AnchorPart::Preamble, section: None, paragraph: Some(paragraph), offset }
                }
                MarkAt::Section { path, paragraph, offset } => {
                    Anchor { part: AnchorPart::Section, section: path_of(&path), paragraph, offset }
                }
            };
            (id, anchor)
        })
        .collect();
    Body { preamble, sections, anchors, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Body {
        let lines: Vec<Line> = text.lines().enumerate().map(|(i, l)| Line::new(l, i + 1)).collect();
        read_body(&lines)
    }

    fn outline(secs: &[Section], depth: usize, out: &mut String) {
        for s in secs {
            out.push_str(&format!(
                "{}{} {} [{}]\n",
                "  ".repeat(depth),
                s.label,
                s.title,
                s.paragraphs.len()
            ));
            outline(&s.children, depth + 1, out);
        }
    }

    #[test]
    fn levels_from_labels() {
        let b = body(
            "Thực hiện Nghị quyết số 45-NQ/TW.\n\
             I- MỤC TIÊU\n1. Mục tiêu chung\nXây dựng đội ngũ.\n2. Mục tiêu cụ thể\n\
             2.1. Mục tiêu đến năm 2030\n(1) Phấn đấu nâng số lượng trí thức trên địa bàn tỉnh tăng lên 1,5 lần so với năm 2020 và nhiều nội dung khác.\n\
             (2) Tăng số lượng chuyên gia:\n- Lĩnh vực nông nghiệp: đạt 98%;\n+ cấp tỉnh;\n2.2. Tầm nhìn đến năm 2045\nXây dựng.\n\
             II- NHIỆM VỤ\n1. Nâng cao nhận thức\na) Nội dung một\nb) Nội dung hai\n2. Đổi mới",
        );
        let mut out = String::new();
        outline(&b.sections, 0, &mut out);
        assert_eq!(out, "I- MỤC TIÊU [0]\n  1. Mục tiêu chung [1]\n  2. Mục tiêu cụ thể [0]\n    2.1. Mục tiêu đến năm 2030 [0]\n      (1)  [1]\n      (2) Tăng số lượng chuyên gia: [2]\n    2.2. Tầm nhìn đến năm 2045 [1]\nII- NHIỆM VỤ [0]\n  1. Nâng cao nhận thức [0]\n    a) Nội dung một [0]\n    b) Nội dung hai [0]\n  2. Đổi mới [0]\n");
        assert_eq!(b.preamble, vec!["Thực hiện Nghị quyết số 45-NQ/TW."]);
        assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
        assert_eq!(
            b.sections[0].children[1].children[0].children[1].paragraphs,
            vec!["- Lĩnh vực nông nghiệp: đạt 98%;", "+ cấp tỉnh;"]
        );
    }

    #[test]
    fn gaps_and_repeats_are_diagnosed() {
        let b = body("I- A\n1. Một\n3. Ba\n3. Ba nữa\nIII- C");
        let codes: Vec<&str> = b.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, vec!["numbering-gap", "numbering-repeat", "numbering-gap"]);
    }

    #[test]
    fn titles_and_run_on_items() {
        assert_eq!(
            split_title("Mục tiêu chung: Xây dựng đội ngũ trí thức vững mạnh", LabelKind::Arabic),
            ("Mục tiêu chung".into(), Some("Xây dựng đội ngũ trí thức vững mạnh".into()))
        );
        let long = "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị, địa phương chỉ đạo tổ chức tuyên truyền, quán triệt và xây dựng kế hoạch thực hiện.";
        assert_eq!(split_title(long, LabelKind::Arabic), (String::new(), Some(long.into())));
        assert_eq!(split_title("Nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức trong xây dựng và phát triển của địa phương", LabelKind::Arabic).1, None);
    }
}
