//! Plain text to [`Line`]s: removes the artefacts that text extraction leaves
//! (`[bookmark: …]`, `**bold**` markers, `[footnoteRef:N]` with its `[N: …]` body,
//! superscript note marks such as `¹`), reflows hard-wrapped PDF text, and keeps the
//! footnotes with where their marks stand.

use crate::reflow;
#[cfg(test)]
use crate::source::NoteMark;
use crate::source::{Line, LineBuilder};
use crate::text::squash_spaces;
use regex::Regex;
use std::sync::LazyLock;

/// The result of reading plain text.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Non-empty lines in order.
    pub lines: Vec<Line>,
    /// Footnotes found: (id, text).
    pub footnotes: Vec<(String, String)>,
    /// Whether the text was hard-wrapped and has been reflowed.
    pub reflowed: bool,
}

static BOOKMARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[bookmark:[^\]]*\]").unwrap());
static NOTE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[footnoteRef:[ \t]*([0-9]+)[ \t]*\]").unwrap());
static NOTE_BODY_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([0-9]+):").unwrap());
static SUPERSCRIPT_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(\S.*)$").unwrap());
static SUPERSCRIPT_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+").unwrap());

/// First code point used for footnote sentinels inside raw lines (plane 15, private use).
const SENTINEL_BASE: u32 = 0xF0000;

/// Footnote ids met so far, indexed by sentinel number.
#[derive(Default)]
struct Marks {
    ids: Vec<String>,
}

impl Marks {
    fn sentinel(&mut self, id: &str) -> char {
        let k = self.ids.iter().position(|i| i == id).unwrap_or_else(|| {
            self.ids.push(id.to_string());
            self.ids.len() - 1
        });
        char::from_u32(SENTINEL_BASE + k as u32).unwrap_or('\u{F0000}')
    }

    fn id_of(&self, c: char) -> Option<&str> {
        let k = (c as u32).checked_sub(SENTINEL_BASE)?;
        self.ids.get(k as usize).map(String::as_str)
    }
}

fn superscript_value(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            c => char::from_u32(c as u32 - '⁴' as u32 + '4' as u32).unwrap_or('?'),
        })
        .collect()
}

/// Removes `[N: …]` note bodies from a line (brackets may nest inside the body).
fn take_note_bodies(line: &str, notes: &mut Vec<(String, String)>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(m) = NOTE_BODY_START.captures(rest) {
        let whole = m.get(0).unwrap();
        out.push_str(&rest[..whole.start()]);
        let body_start = whole.end();
        let mut depth = 1;
        let mut end = None;
        for (i, c) in rest[body_start..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(body_start + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.unwrap_or(rest.len());
        notes.push((m[1].to_string(), squash_spaces(&rest[body_start..end])));
        rest = rest.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Reads decoded plain text into lines.
pub fn extract(text: &str) -> Extracted {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut marks = Marks::default();
    let mut footnotes = Vec::new();
    let mut raw: Vec<(String, usize)> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        // Most lines carry no artefact: skip the regexes for them.
        if !line.contains('[') && !line.contains("**") {
            raw.push((line.to_string(), i + 1));
            continue;
        }
        let line = BOOKMARK.replace_all(line, "");
        let line = line.replace("**", "");
        let line = NOTE_REF.replace_all(&line, |c: &regex::Captures| marks.sentinel(&c[1]).to_string());
        let line = take_note_bodies(&line, &mut footnotes);
        raw.push((line, i + 1));
    }

    let (raw, reflowed) = reflow::reflow(raw);

    // Superscript notes: a line that starts with `¹` is the body of note 1 ...
    let has_superscript = |l: &str| l.contains(['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']);
    let mut kept = Vec::with_capacity(raw.len());
    for (line, n) in raw {
        if !has_superscript(&line) {
            kept.push((line, n));
            continue;
        }
        if let Some(c) = SUPERSCRIPT_BODY.captures(&line) {
            footnotes.push((superscript_value(&c[1]), squash_spaces(&c[2])));
        } else {
            kept.push((line, n));
        }
    }
    // ... and a `¹` in the text is its mark, when that note exists.
    let known: Vec<String> = footnotes.iter().map(|(id, _)| id.clone()).collect();
    let kept: Vec<(String, usize)> = kept
        .into_iter()
        .map(|(line, n)| {
            if !has_superscript(&line) {
                return (line, n);
            }
            let line = SUPERSCRIPT_MARK.replace_all(&line, |c: &regex::Captures| {
                let id = superscript_value(&c[0]);
                if known.contains(&id) {
                    marks.sentinel(&id).to_string()
                } else {
                    c[0].to_string()
                }
            });
            (line.into_owned(), n)
        })
        .collect();

    let lines = kept.into_iter().filter_map(|(raw, n)| build_line(&raw, n, &marks)).collect();
    Extracted { lines, footnotes, reflowed }
}

/// Turns a raw line (with sentinels and tabs) into a [`Line`]; `None` when empty.
fn build_line(raw: &str, n: usize, marks: &Marks) -> Option<Line> {
    let mut b = LineBuilder::new();
    let mut run = String::new();
    for c in raw.chars() {
        match marks.id_of(c) {
            Some(id) => {
                b.push(&std::mem::take(&mut run), false, false);
                b.note(id);
            }
            None => run.push(c),
        }
    }
    b.push(&run, false, false);
    b.finish(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_bold_and_bracket_notes() {
        let e = extract(
            "[bookmark: _GoBack]Hà Giang, ngày  tháng 02 năm 2024\n\
             thu hút nhân tài[footnoteRef:1] góp phần.  [1:  Quyết định số 216/QĐ-UBND [x];...]  \n\
             **T/M BAN THƯỜNG VỤ\nBÍ THƯ**",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Hà Giang, ngày tháng 02 năm 2024",
                "thu hút nhân tài góp phần.",
                "T/M BAN THƯỜNG VỤ",
                "BÍ THƯ"
            ]
        );
        assert_eq!(e.footnotes, vec![("1".to_string(), "Quyết định số 216/QĐ-UBND [x];...".to_string())]);
        assert_eq!(e.lines[1].notes, vec![NoteMark { offset: 16, id: "1".into() }]);
    }

    #[test]
    fn superscript_notes_only_when_the_body_exists() {
        let e = extract("tăng 1,5 lần (so với năm 2020¹); diện tích 3 km²\n¹ Theo Báo cáo số 246-BC/TU.");
        assert_eq!(e.lines.len(), 1);
        assert_eq!(e.lines[0].text, "tăng 1,5 lần (so với năm 2020); diện tích 3 km²");
        assert_eq!(e.lines[0].notes[0].offset, "tăng 1,5 lần (so với năm 2020".chars().count());
        assert_eq!(e.footnotes, vec![("1".to_string(), "Theo Báo cáo số 246-BC/TU.".to_string())]);
    }
}
