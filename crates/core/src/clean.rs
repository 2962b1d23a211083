//! Plain text to [`Line`]s: removes the artefacts that text extraction leaves
//! (`[bookmark: …]`, `**bold**` markers, `[footnoteRef:N]` with its `[N: …]` body,
//! superscript note marks such as `¹`), reflows hard-wrapped PDF text, and keeps the
//! footnotes with where their marks stand.

use crate::label::{parse_bullet, parse_label};
use crate::reflow;
#[cfg(test)]
use crate::source::NoteMark;
use crate::source::{Line, LineBuilder};
use crate::text::{is_upper, squash_spaces};

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

/// Superscript digits, as note marks (`¹`).
fn is_superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

/// Whether `l` holds a superscript digit: `¹²³` are encoded 0xC2 0xB9/0xB2/0xB3, `⁰⁴`…`⁹`
/// 0xE2 0x81 0xB0/0xB4…0xB9.
fn has_superscript(l: &str) -> bool {
    let b = l.as_bytes();
    if !b.contains(&0xC2) && !b.contains(&0xE2) {
        return false;
    }
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&x| x == 0xC2 || x == 0xE2) {
        let at = from + i;
        let found = if b[at] == 0xC2 {
            matches!(b[at + 1], 0xB2 | 0xB3 | 0xB9)
        } else {
            b[at + 1] == 0x81 && matches!(b[at + 2], 0xB0 | 0xB4..=0xB9)
        };
        if found {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Removes every `[bookmark:…]` (`\[bookmark:[^\]]*\]`).
fn remove_bookmarks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[bookmark:") {
        let Some(close) = rest[start..].find(']') else { break };
        out.push_str(&rest[..start]);
        rest = &rest[start + close + 1..];
    }
    out.push_str(rest);
    out
}

/// `\[footnoteRef:[ \t]*([0-9]+)[ \t]*\]` at the start of `s`: (id, length of the match).
fn note_ref(s: &str) -> Option<(&str, usize)> {
    let after = s.strip_prefix("[footnoteRef:")?;
    let at = s.len() - after.len();
    let from = at + after.len() - after.trim_start_matches([' ', '\t']).len();
    let d = s.as_bytes()[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    if d == 0 {
        return None;
    }
    let close = s[from + d..].trim_start_matches([' ', '\t']);
    close.starts_with(']').then(|| (&s[from..from + d], s.len() - close.len() + 1))
}

/// Replaces every `[footnoteRef:N]` by the sentinel of note N.
fn replace_note_refs(line: &str, marks: &mut Marks) -> String {
    let mut out = String::with_capacity(line.len());
    let mut done = 0;
    let mut from = 0;
    while let Some(i) = line[from..].find("[footnoteRef:") {
        let start = from + i;
        match note_ref(&line[start..]) {
            Some((id, len)) => {
                out.push_str(&line[done..start]);
                out.push(marks.sentinel(id));
                done = start + len;
                from = done;
            }
            None => from = start + 1,
        }
    }
    out.push_str(&line[done..]);
    out
}

/// The first `\[([0-9]+):` in `s`: (start, id, end of the match).
fn note_body_start(s: &str) -> Option<(usize, &str, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find('[') {
        let start = from + i;
        let d = b[start + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d > 0 && b.get(start + 1 + d) == Some(&b':') {
            return Some((start, &s[start + 1..start + 1 + d], start + d + 2));
        }
        from = start + 1;
    }
    None
}

/// `^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(\S.*)$`: a superscript footnote body (mark, text).
fn superscript_body(line: &str) -> Option<(&str, &str)> {
    if line.contains('\n') {
        return None;
    }
    let s = line.trim_start_matches([' ', '\t']);
    let run = s.find(|c: char| !is_superscript(c)).unwrap_or(s.len());
    if run == 0 {
        return None;
    }
    let text = s[run..].trim_start_matches([' ', '\t']);
    if text.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return Some((&s[..run], text));
    }
    // Otherwise the last superscript itself starts the text (`¹²` → mark `¹`, text `²`).
    let last = s[..run].char_indices().next_back().map_or(0, |(i, _)| i);
    (last > 0).then(|| (&s[..last], &s[last..]))
}

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
    while let Some((start, id, body_start)) = note_body_start(rest) {
        out.push_str(&rest[..start]);
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
        notes.push((id.to_string(), squash_spaces(&rest[body_start..end])));
        rest = rest.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Replaces every run of superscript digits that names a known note by its sentinel.
fn replace_superscript_marks(line: &str, known: &[String], marks: &mut Marks) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(is_superscript) {
        out.push_str(&rest[..start]);
        let run = rest[start..].find(|c: char| !is_superscript(c)).map_or(rest.len(), |e| start + e);
        let id = superscript_value(&rest[start..run]);
        if known.contains(&id) {
            out.push(marks.sentinel(&id));
        } else {
            out.push_str(&rest[start..run]);
        }
        rest = &rest[run..];
    }
    out.push_str(rest);
    out
}

/// How many non-blank lines at the bottom of a page may hold footnote bodies.
const PAGE_FOOT_LINES: usize = 16;
/// Pages longer than this (in lines) are not pages of a PDF: their feet are not read.
const MAX_PAGE_LINES: usize = 400;
/// More numbers alone on a page than this are not note numbers (a table).
const MAX_PAGE_NOTES: usize = 8;
/// How many lines one footnote body may take.
const FOOTNOTE_LINES: usize = 6;

/// A line that is only a note number (`2`): its value.
fn lone_number(line: &str) -> Option<u32> {
    let t = line.trim();
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// Where `id` stands as a note mark in `line`, glued to the word before it (`tạo2.`,
/// `(2020)3`, `làm,4`): the byte range of its last such occurrence.
fn glued_mark(line: &str, id: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut found = None;
    let mut from = 0;
    while let Some(i) = line[from..].find(id) {
        let at = from + i;
        let end = at + id.len();
        from = at + 1;
        if b.get(end).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if line[end..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let mut before = line[..at].chars().rev();
        let glued = match before.next() {
            Some(c) if c.is_alphabetic() || matches!(c, ')' | '"' | '”' | '\'') => true,
            Some('.' | ',' | ';' | ':') => before.next().is_some_and(char::is_alphabetic),
            _ => false,
        };
        if glued {
            found = Some((at, end));
        }
    }
    found
}

/// Whether a line ends a note's body (a sentence).
fn ends_note(line: &str) -> bool {
    line.trim_end().ends_with(['.', '…'])
}

/// Whether lines can be a note's body: a few lines of prose that end a sentence, with
/// no section label, bullet or capitalised heading among them.
fn plausible_body(raw: &[(String, usize)], body: &[usize]) -> bool {
    plausible_lines(&body.iter().map(|&j| raw[j].0.as_str()).collect::<Vec<_>>())
}

fn plausible_lines(body: &[&str]) -> bool {
    (1..=FOOTNOTE_LINES).contains(&body.len())
        && ends_note(body[body.len() - 1])
        && body.iter().all(|l| {
            let t = l.trim();
            lone_number(t).is_none() && parse_label(t).is_none() && parse_bullet(t).is_none() && !is_upper(t)
        })
}

/// A line that opens a note with its text (`1 Theo Đề án …`: number and body on one
/// line): the number and the byte offset of the text, which starts with a capital.
fn inline_note(line: &str) -> Option<(u32, usize)> {
    let t = line.trim_start();
    let d = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) {
        return None;
    }
    let rest = &t[d..];
    let text = rest.trim_start_matches([' ', '\t']);
    if text.len() == rest.len() || !text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some((t[..d].parse().ok()?, line.len() - text.len()))
}

/// A note's body lines; the first may open with the number (`1 Theo …`, on line `at`).
fn body_lines<'a>(raw: &'a [(String, usize)], at: usize, body: &[usize]) -> Vec<&'a str> {
    body.iter()
        .map(|&j| match inline_note(&raw[j].0) {
            Some((_, off)) if j == at => &raw[j].0[off..],
            _ => raw[j].0.as_str(),
        })
        .collect()
}

/// The text of a note's body.
fn body_text(raw: &[(String, usize)], at: usize, body: &[usize]) -> String {
    let lines: Vec<&str> = body_lines(raw, at, body).into_iter().map(str::trim).collect();
    squash_spaces(&lines.join(" "))
}

/// Notes that pdftotext (without `-layout`) printed as their number and then their body,
/// between blank lines, elsewhere than at the page's foot (the last page puts them
/// among the recipients and the signature). A number printed right after the line of
/// its mark stands beside the mark, not before its body, and is left to
/// `displaced_notes`.
fn adjacent_notes(
    raw: &[(String, usize)],
    (start, end): (usize, usize),
) -> Option<Vec<(u32, usize, Vec<usize>)>> {
    let numbers: Vec<usize> = (start..end).filter(|&i| lone_number(&raw[i].0).is_some()).collect();
    if numbers.is_empty() || numbers.len() > MAX_PAGE_NOTES {
        return None;
    }
    let blank = |j: usize| raw[j].0.trim().is_empty();
    let mut groups = Vec::new();
    for i in numbers {
        let n = lone_number(&raw[i].0)?;
        let id = n.to_string();
        let Some(before) = (start..i).rev().find(|&j| !blank(j)) else { continue };
        if glued_mark(&raw[before].0, &id).is_some()
            || !(start..before).any(|l| glued_mark(&raw[l].0, &id).is_some())
        {
            continue;
        }
        let Some(first) = (i + 1..end).find(|&j| !blank(j)) else { continue };
        if first == i + 1 {
            // The body stands apart from its number.
            continue;
        }
        let body: Vec<usize> = (first..end).take_while(|&j| !blank(j)).collect();
        let after = first + body.len();
        if (after == end || blank(after)) && plausible_body(raw, &body) {
            groups.push((n, i, body));
        }
    }
    let consecutive = groups.windows(2).all(|w| w[1].0 == w[0].0 + 1);
    (!groups.is_empty() && consecutive).then_some(groups)
}

/// Notes whose numbers pdftotext (without `-layout`) printed away from their bodies
/// (beside their marks, or among other lines): each number alone on a line with its
/// mark glued to a word earlier on the page, and as many sentences in the last
/// blank-separated blocks of the page as there are numbers. `bottom` holds the page's
/// last non-blank lines, last first.
fn displaced_notes(
    raw: &[(String, usize)],
    (start, end): (usize, usize),
    bottom: &[usize],
) -> Option<Vec<(u32, usize, Vec<usize>)>> {
    let numbers: Vec<(u32, usize)> =
        (start..end).filter_map(|i| lone_number(&raw[i].0).map(|n| (n, i))).collect();
    if numbers.is_empty() || numbers.len() > MAX_PAGE_NOTES {
        return None;
    }
    let numbers: Vec<(u32, usize)> = numbers
        .into_iter()
        .filter(|&(n, i)| (start..i).any(|l| glued_mark(&raw[l].0, &n.to_string()).is_some()))
        .collect();
    let m = numbers.len();
    if m == 0 || numbers.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
        return None;
    }
    // Blocks of lines with no blank line between them, numbers left out, last first.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for &i in bottom {
        if lone_number(&raw[i].0).is_some() {
            continue;
        }
        match blocks.last_mut() {
            Some(b) if raw[i + 1..b[b.len() - 1]].iter().all(|(l, _)| !l.trim().is_empty()) => b.push(i),
            _ => blocks.push(vec![i]),
        }
    }
    // Blocks from the foot up until they hold as many sentences as there are notes.
    let mut lines: Vec<usize> = Vec::new();
    for b in blocks {
        lines.splice(0..0, b.into_iter().rev());
        let ends = lines.iter().filter(|&&j| ends_note(&raw[j].0)).count();
        if ends >= m {
            break;
        }
    }
    let mut bodies: Vec<Vec<usize>> = vec![Vec::new()];
    for &j in &lines {
        bodies.last_mut().unwrap().push(j);
        if ends_note(&raw[j].0) {
            bodies.push(Vec::new());
        }
    }
    if bodies.last().is_some_and(Vec::is_empty) {
        bodies.pop();
    }
    let fits = bodies.len() == m && bodies.iter().all(|b| plausible_body(raw, b));
    fits.then(|| numbers.into_iter().zip(bodies).map(|((n, i), b)| (n, i, b)).collect())
}

/// Roman numerals that no Vietnamese word begins with (`VI`, `XI` may: `VINH`, `XIN`).
const JOINED_ROMANS: [&str; 9] = ["VIII", "VII", "XIII", "XII", "XIV", "III", "II", "IV", "IX"];

/// pdftotext without `-layout` joins a line that ends with a hyphen to the next one
/// (de-hyphenation), which glues a Party label to what follows it (`III-` + `NHIỆM VỤ`
/// → `IIINHIỆM VỤ`, `III-` + `1.` → `III1.`): the label is put back as its own line.
fn unglue_roman_labels(raw: &mut Vec<(String, usize)>) {
    let glued = |line: &str| -> Option<usize> {
        let t = line.trim_start_matches(['\u{c}', ' ']);
        let lead = line.len() - t.len();
        let r = JOINED_ROMANS.iter().find(|r| t.starts_with(*r))?;
        let next = t[r.len()..].chars().next()?;
        let label = next.is_ascii_digit() && crate::label::parse_label(&t[r.len()..]).is_some();
        (label || (next.is_uppercase() && !matches!(next, 'I' | 'V' | 'X' | 'L' | 'C')))
            .then_some(lead + r.len())
    };
    if !raw.iter().any(|(l, _)| glued(l).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(raw.len() + 8);
    for (line, n) in std::mem::take(raw) {
        match glued(&line) {
            Some(at) => {
                out.push((format!("{}-", &line[..at]), n));
                out.push((line[at..].to_string(), n));
            }
            None => out.push((line, n)),
        }
    }
    *raw = out;
}

/// A line with its digits folded away (`Trang 3` → `Trang #`): running headers and
/// footers differ only by their page numbers.
fn page_key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Removes running headers and footers: the first or last line of a page when the same
/// line (but for numbers) opens or closes most other pages too. A section label or a short
/// line (a page number alone) is not taken for one. The form feed that opens a page
/// stays, on the next line.
fn strip_running_lines(raw: &mut Vec<(String, usize)>) {
    let starts: Vec<usize> = (1..raw.len()).filter(|&i| raw[i].0.starts_with('\u{c}')).collect();
    if starts.len() < 2 {
        return;
    }
    let non_blank = |from: usize, to: usize, first: bool| {
        let mut r = from..to;
        let f = |i: &usize| !raw[*i].0.trim().is_empty();
        if first {
            r.find(f)
        } else {
            r.rev().find(f)
        }
    };
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(&starts);
    bounds.push(raw.len());
    // (line, key, whether it is inside the page) of each page's first and last lines,
    // and of the lines inside a page that hold a number: pdftotext without `-layout`
    // may print a running line anywhere in the page's reading order.
    let mut candidates: Vec<(usize, String, bool)> = Vec::new();
    let fits = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count() >= 3 && parse_label(t).is_none();
    for w in bounds.windows(2) {
        let first = non_blank(w[0], w[1], true);
        let last = non_blank(w[0], w[1], false);
        let last = last.filter(|l| Some(*l) != first);
        for i in [first, last].into_iter().flatten() {
            let t = raw[i].0.trim();
            if fits(t) {
                candidates.push((i, page_key(t), false));
            }
        }
        if let (Some(f), Some(l)) = (first, last) {
            for (i, (line, _)) in raw.iter().enumerate().take(l).skip(f + 1) {
                let t = line.trim();
                if t.bytes().any(|b| b.is_ascii_digit()) && fits(t) {
                    candidates.push((i, page_key(t), true));
                }
            }
        }
    }
    // A running line repeats on most pages (the first may differ), not on two by chance;
    // inside a page, only with its number changing (`Trang 2`, `Trang 3`).
    let need = 2.max(starts.len() / 2);
    let mut counts: std::collections::HashMap<&str, (usize, usize, bool)> = std::collections::HashMap::new();
    for &(i, ref k, _) in &candidates {
        let e = counts.entry(k.as_str()).or_insert((0, i, false));
        e.0 += 1;
        e.2 |= raw[e.1].0.trim() != raw[i].0.trim();
    }
    let mut drop: Vec<usize> = candidates
        .iter()
        .filter(|(_, k, inside)| {
            let (n, _, varied) = counts[k.as_str()];
            n >= need && (!inside || varied)
        })
        .map(|(i, _, _)| *i)
        .collect();
    drop.sort_unstable();
    drop.dedup();
    if drop.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut feed = false; // a form feed to carry to the next line kept
    let mut next_drop = drop.iter().peekable();
    for (i, (mut line, n)) in std::mem::take(raw).into_iter().enumerate() {
        if next_drop.next_if_eq(&&i).is_some() {
            feed |= line.starts_with('\u{c}');
            continue;
        }
        if std::mem::take(&mut feed) && !line.starts_with('\u{c}') {
            line.insert(0, '\u{c}');
        }
        out.push((line, n));
    }
    if feed {
        out.push(("\u{c}".to_string(), 0));
    }
    *raw = out;
}

/// Footnote bodies that pdftotext prints at the bottom of a page (`2` on a line of its
/// own, then the text, then the form feed of the next page), each with its mark glued
/// to a word earlier on the same page (`sáng tạo2.`): the bodies become footnotes, the
/// marks sentinels, and their lines leave the text. A block whose every mark is not
/// found is left alone.
fn take_page_footnotes(
    raw: &mut Vec<(String, usize)>,
    marks: &mut Marks,
    footnotes: &mut Vec<(String, String)>,
) {
    let mut starts: Vec<usize> = vec![0];
    starts.extend((1..raw.len()).filter(|&i| raw[i].0.starts_with('\u{c}')));
    if starts.len() < 2 {
        return;
    }
    starts.push(raw.len());
    let mut drop = vec![false; raw.len()];
    let mut last_id = 0; // the number of the last note taken
    for page in starts.windows(2) {
        let (start, end) = (page[0], page[1]);
        if end - start > MAX_PAGE_LINES {
            continue;
        }
        let mut bottom: Vec<usize> =
            (start..end).rev().filter(|&i| !raw[i].0.trim().is_empty()).take(PAGE_FOOT_LINES).collect();
        // A page number under the notes (or, without -layout, a note's number printed
        // after its body: tried too when no notes are found without it).
        let all_bottom = bottom.clone();
        if bottom.first().is_some_and(|&i| reflow::is_page_number(raw[i].0.trim())) {
            bottom.remove(0);
        }
        // The earliest lone number from which the rest of the page reads as notes:
        // (number, its line, its body lines).
        let mut block: Option<Vec<(u32, usize, Vec<usize>)>> = None;
        // A number may stand alone or open its text (`1 Theo …`, then the number's line
        // is the body's first line too).
        let head =
            |l: &str| lone_number(l).map(|n| (n, false)).or_else(|| inline_note(l).map(|(n, _)| (n, true)));
        for (k, &i) in bottom.iter().enumerate() {
            let Some((first, inline)) = head(&raw[i].0) else { continue };
            if k == 0 && !inline {
                continue;
            }
            let mut groups: Vec<(u32, usize, Vec<usize>)> =
                vec![(first, i, if inline { vec![i] } else { Vec::new() })];
            let mut ok = first > 0;
            for &j in bottom[..k].iter().rev() {
                let last = groups.last_mut().unwrap();
                match head(&raw[j].0) {
                    Some((n, inline)) if n == last.0 + 1 && !last.2.is_empty() => {
                        groups.push((n, j, if inline { vec![j] } else { Vec::new() }))
                    }
                    Some((_, false)) => ok = false,
                    _ => last.2.push(j),
                }
            }
            let plausible = |(_, at, b): &(u32, usize, Vec<usize>)| plausible_lines(&body_lines(raw, *at, b));
            if ok && groups.iter().all(plausible) {
                block = Some(groups);
            }
        }
        // Below the last line kept there is at most a page number.
        let foot = bottom.first().map_or(start, |&i| i + 1);
        let Some(groups) = block
            .or_else(|| adjacent_notes(raw, (start, foot)))
            .or_else(|| displaced_notes(raw, (start, foot), &bottom))
            .or_else(|| (foot < end).then(|| displaced_notes(raw, (start, end), &all_bottom)).flatten())
        else {
            continue;
        };
        // Notes are numbered on through the document.
        if groups[0].0 <= last_id || groups[0].0 > last_id + 3 {
            continue;
        }
        let top = groups[0].1;
        let mut found = Vec::new();
        for (n, _, _) in &groups {
            let id = n.to_string();
            let in_body = |l: usize| groups.iter().any(|(_, _, b)| b.contains(&l));
            match (start..top)
                .rev()
                .filter(|&l| !in_body(l))
                .find_map(|l| glued_mark(&raw[l].0, &id).map(|r| (l, r)))
            {
                Some(m) => found.push(m),
                None => break,
            }
        }
        if found.len() < groups.len() {
            continue;
        }
        // Marks replaced from the last, so that the offsets of the others hold.
        let mut order: Vec<(usize, usize, usize, &u32)> =
            groups.iter().zip(&found).map(|((n, _, _), &(l, (a, b)))| (l, a, b, n)).collect();
        order.sort_unstable_by_key(|x| std::cmp::Reverse((x.0, x.1)));
        for (l, a, b, n) in order {
            let sentinel = marks.sentinel(&n.to_string());
            raw[l].0.replace_range(a..b, sentinel.encode_utf8(&mut [0; 4]));
        }
        for (n, at, body) in &groups {
            let id = n.to_string();
            footnotes.push((id, body_text(raw, *at, body)));
            drop[*at] = true;
            for &j in body {
                drop[j] = true;
            }
            last_id = *n;
        }
    }
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Reads decoded plain text into lines.
pub fn extract(text: &str) -> Extracted {
    let text: std::borrow::Cow<'_, str> =
        if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n").into() } else { text.into() };
    let mut marks = Marks::default();
    let mut footnotes = Vec::new();
    let mut raw: Vec<(String, usize)> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        // Most lines carry no artefact: skip the matchers for them.
        let bytes = line.as_bytes();
        let artefact = bytes.contains(&b'[') || (bytes.contains(&b'*') && line.contains("**"));
        if !artefact {
            raw.push((line.to_string(), i + 1));
            continue;
        }
        let line = remove_bookmarks(line);
        let line = line.replace("**", "");
        let line = replace_note_refs(&line, &mut marks);
        let line = take_note_bodies(&line, &mut footnotes);
        raw.push((line, i + 1));
    }

    if text.contains('\u{c}') {
        strip_running_lines(&mut raw);
        unglue_roman_labels(&mut raw);
        take_page_footnotes(&mut raw, &mut marks, &mut footnotes);
    }
    let (raw, reflowed) = reflow::reflow(raw);

    // Superscript notes: a line that starts with `¹` is the body of note 1 ...
    let mut kept = Vec::with_capacity(raw.len());
    for (line, n) in raw {
        let sup = has_superscript(&line);
        if sup {
            if let Some((mark, text)) = superscript_body(&line) {
                footnotes.push((superscript_value(mark), squash_spaces(text)));
                continue;
            }
        }
        kept.push((line, n, sup));
    }
    // ... and a `¹` in the text is its mark, when that note exists.
    let known: Vec<String> = footnotes.iter().map(|(id, _)| id.clone()).collect();
    let kept: Vec<(String, usize)> = kept
        .into_iter()
        .map(|(line, n, sup)| {
            if !sup {
                return (line, n);
            }
            (replace_superscript_marks(&line, &known, &mut marks), n)
        })
        .collect();

    let lines = kept.into_iter().filter_map(|(raw, n)| build_line(&raw, n, &marks)).collect();
    Extracted { lines, footnotes, reflowed }
}

/// Turns a raw line (with sentinels and tabs) into a [`Line`]; `None` when empty.
fn build_line(raw: &str, n: usize, marks: &Marks) -> Option<Line> {
    let mut b = LineBuilder::new();
    let mut start = 0;
    // Sentinels are four-byte characters led by 0xF3.
    if !marks.ids.is_empty() && raw.as_bytes().contains(&0xF3) {
        for (i, c) in raw.char_indices() {
            if let Some(id) = marks.id_of(c) {
                b.push(&raw[start..i], false, false);
                b.note(id);
                start = i + c.len_utf8();
            }
        }
    }
    b.push(&raw[start..], false, false);
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

    #[test]
    fn footnotes_at_the_bottom_of_pdf_pages() {
        let e = extract(
            "1. Mục tiêu chung: phát triển hạ tầng khoa học2.\nNăm 2030 đạt 5 bác sĩ/vạn dân3; diện tích 3 km\n\
             \n2\n   Bao gồm nguồn ngân sách nhà nước\n  và nguồn xã hội hóa.\n3\n   Theo Quyết định số 12.\n\
             \u{c}Nơi nhận:\n- Lưu Văn phòng.\n\n7\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "1. Mục tiêu chung: phát triển hạ tầng khoa học.",
                "Năm 2030 đạt 5 bác sĩ/vạn dân; diện tích 3 km",
                "Nơi nhận:",
                "- Lưu Văn phòng.",
                "7"
            ]
        );
        assert_eq!(
            e.footnotes,
            [
                ("2".to_string(), "Bao gồm nguồn ngân sách nhà nước và nguồn xã hội hóa.".to_string()),
                ("3".to_string(), "Theo Quyết định số 12.".to_string())
            ]
        );
        let offset = "1. Mục tiêu chung: phát triển hạ tầng khoa học".chars().count();
        assert_eq!(e.lines[0].notes, [NoteMark { offset, id: "2".into() }]);
        // Without its mark on the page, a number and a text at a page's foot stay text.
        let e = extract("Nội dung thứ nhất.\n4\nNội dung thứ hai.\n\u{c}Tiếp theo.");
        assert_eq!(e.lines.len(), 4);
        assert!(e.footnotes.is_empty());
    }

    #[test]
    fn footnote_numbers_printed_beside_their_marks() {
        let e = extract(
            "- Phấn đấu 100% cán bộ có trình độ phù hợp với vị trí việc làm1.\n\n1\n\n+\n\nLĩnh vực y tế.\n\n\
             III-\n\nNHIỆM VỤ\n\nTheo Đề án vị trí việc làm.\n\n\u{c}1.\n\nNâng cao nhận thức\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "- Phấn đấu 100% cán bộ có trình độ phù hợp với vị trí việc làm.",
                "+",
                "Lĩnh vực y tế.",
                "III-",
                "NHIỆM VỤ",
                "1.",
                "Nâng cao nhận thức"
            ]
        );
        assert_eq!(e.footnotes, [("1".to_string(), "Theo Đề án vị trí việc làm.".to_string())]);
        assert_eq!(e.lines[0].notes.len(), 1);
    }

    #[test]
    fn footnote_numbers_among_other_lines_and_bodies_in_one_block() {
        let e = extract(
            "sáng tạo2.\nvà tư duy3.\nNơi nhận:\n- Ban Bí thư,\n2\n3\n\nT/M BAN THƯỜNG VỤ\n\n\
             Bao gồm nguồn ngân sách.\nSố liệu của Sở Nội vụ, tháng 12/2023;\ngồm cả doanh nghiệp.\n\n\
             \u{c}- Lưu Văn phòng.\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "sáng tạo.",
                "và tư duy.",
                "Nơi nhận:",
                "- Ban Bí thư,",
                "T/M BAN THƯỜNG VỤ",
                "- Lưu Văn phòng."
            ]
        );
        assert_eq!(
            e.footnotes,
            [
                ("2".to_string(), "Bao gồm nguồn ngân sách.".to_string()),
                ("3".to_string(), "Số liệu của Sở Nội vụ, tháng 12/2023; gồm cả doanh nghiệp.".to_string())
            ]
        );
    }

    #[test]
    fn labels_glued_by_dehyphenation_are_put_back() {
        let e = extract("\u{c}IIINHIỆM VỤ, GIẢI PHÁP\nIII1.\nVINH DỰ\nII- MỤC TIÊU\n\u{c}");
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["III-", "NHIỆM VỤ, GIẢI PHÁP", "III-", "1.", "VINH DỰ", "II- MỤC TIÊU"]);
    }

    #[test]
    fn footnote_number_and_body_among_the_recipients() {
        let e = extract(
            "sáng tạo2.\nNơi nhận:\n- Ban Bí thư,\n- Các đồng chí Ủy viên,\n2\n\n\
             Bao gồm nguồn ngân sách nhà nước.\n\nNguyễn Văn Hùng\n\n- Lưu Văn phòng.\n\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "sáng tạo.",
                "Nơi nhận:",
                "- Ban Bí thư,",
                "- Các đồng chí Ủy viên,",
                "Nguyễn Văn Hùng",
                "- Lưu Văn phòng."
            ]
        );
        assert_eq!(e.footnotes, [("2".to_string(), "Bao gồm nguồn ngân sách nhà nước.".to_string())]);
    }

    #[test]
    fn footnote_numbers_on_the_line_of_their_text() {
        let e = extract(
            "phát triển hạ tầng khoa học1.\nNăm 2030 đạt 5 bác sĩ/vạn dân2.\n\n 1 Bao gồm nguồn ngân sách\n\
             nhà nước.\n 2 Theo Quyết định số 12.\n\u{c}Tiếp theo.\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["phát triển hạ tầng khoa học.", "Năm 2030 đạt 5 bác sĩ/vạn dân.", "Tiếp theo."]);
        assert_eq!(
            e.footnotes,
            [
                ("1".to_string(), "Bao gồm nguồn ngân sách nhà nước.".to_string()),
                ("2".to_string(), "Theo Quyết định số 12.".to_string())
            ]
        );
    }

    #[test]
    fn two_marks_on_one_line() {
        let e = extract("đào tạo1, bồi dưỡng2 và sử dụng.\n1\n Theo Đề án số 5.\n2\n Theo Luật.\n\u{c}");
        assert_eq!(e.lines.len(), 1);
        assert_eq!(e.lines[0].text, "đào tạo, bồi dưỡng và sử dụng.");
        let ids: Vec<&str> = e.lines[0].notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(e.footnotes.len(), 2);
    }

    #[test]
    fn running_headers_and_footers_leave_the_text() {
        let e = extract(
            "KẾ HOẠCH\nNội dung trang một,\nTrang 1 / Kế hoạch số 12\n\
             \u{c}Bản dự thảo 2\nnối tiếp trang hai.\nTrang 2 / Kế hoạch số 12\n\
             \u{c}Bản dự thảo 3\n1. Mục ba\nTrang 3 / Kế hoạch số 12\n\u{c}",
        );
        let texts: Vec<&str> = e.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["KẾ HOẠCH", "Nội dung trang một,", "nối tiếp trang hai.", "1. Mục ba"]);
        // Without -layout, a running line may stand inside the page, its number changing.
        let e = extract(
            "Đầu trang.\nChương trình số 41 - Trang 1\nnội dung năm 2024\nhết.\n\u{c}Mục.\n\
             Chương trình số 41 - Trang 2\nnội dung năm 2024\nxong.\n\u{c}Cuối.\nChương trình số 41 - Trang 3\n\
             nội dung năm 2024\nkết.\n\u{c}",
        );
        assert!(e.lines.iter().all(|l| !l.text.contains("Trang")), "{:?}", e.lines);
        assert_eq!(e.lines.iter().filter(|l| l.text == "nội dung năm 2024").count(), 3);
        // Two of six pages that end alike by chance keep their lines.
        let pages =
            ["Một.\nnhư sau:", "Hai.\nxong.", "Ba.\nnhư sau:", "Bốn.\nhết.", "Năm.\ncuối.", "Sáu.\nkết."];
        let e = extract(&(pages.join("\n\u{c}") + "\n\u{c}"));
        assert_eq!(e.lines.iter().filter(|l| l.text == "như sau:").count(), 2);
    }

    /// `extract` as it was with regular expressions, as the oracle of the matchers.
    mod oracle {
        use super::super::*;
        use regex::Regex;
        use std::sync::LazyLock;

        static BOOKMARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[bookmark:[^\]]*\]").unwrap());
        static NOTE_REF: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\[footnoteRef:[ \t]*([0-9]+)[ \t]*\]").unwrap());
        static NOTE_BODY_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([0-9]+):").unwrap());
        static SUPERSCRIPT_BODY: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(\S.*)$").unwrap());
        static SUPERSCRIPT_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+").unwrap());

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

        pub(super) fn extract(text: &str) -> Extracted {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let mut marks = Marks::default();
            let mut footnotes = Vec::new();
            let mut raw: Vec<(String, usize)> = Vec::new();
            for (i, line) in text.split('\n').enumerate() {
                if !line.contains('[') && !line.contains("**") {
                    raw.push((line.to_string(), i + 1));
                    continue;
                }
                let line = BOOKMARK.replace_all(line, "");
                let line = line.replace("**", "");
                let line =
                    NOTE_REF.replace_all(&line, |c: &regex::Captures| marks.sentinel(&c[1]).to_string());
                let line = take_note_bodies(&line, &mut footnotes);
                raw.push((line, i + 1));
            }
            if text.contains('\u{c}') {
                take_page_footnotes(&mut raw, &mut marks, &mut footnotes);
            }
            let (raw, reflowed) = reflow::reflow(raw);
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

        pub(super) fn superscript_body(line: &str) -> Option<(&str, &str)> {
            SUPERSCRIPT_BODY.captures(line).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()))
        }
    }

    fn agree(text: &str) {
        let (a, b) = (extract(text), oracle::extract(text));
        assert_eq!(a.lines, b.lines, "lines of {text:?}");
        assert_eq!(a.footnotes, b.footnotes, "footnotes of {text:?}");
        assert_eq!(a.reflowed, b.reflowed, "reflow of {text:?}");
        for line in text.split('\n') {
            assert_eq!(superscript_body(line), oracle::superscript_body(line), "superscript body {line:?}");
        }
    }

    #[test]
    fn superscripts_are_found_by_their_bytes() {
        for c in '\0'..='\u{3000}' {
            let s = format!("a{c}b");
            assert_eq!(has_superscript(&s), is_superscript(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn matchers_agree_with_the_regexes_on_tricky_lines() {
        for text in [
            "[bookmark: _GoBack]Hà Giang, ngày  tháng 02 năm 2024",
            "a[bookmark:x[bookmark:y]b]c[bookmark:",
            "thu hút[footnoteRef:1] góp [footnoteRef: 12 ]x[footnoteRef:]y[footnoteRef:a][footnoteRef:3",
            "[footnoteRef:[footnoteRef:2]]",
            "x  [1:  Quyết định số 216/QĐ-UBND [x];...]  [2: b] [c:] [3 : d] [4:",
            "**T/M BAN THƯỜNG VỤ\nBÍ THƯ**",
            "tăng 1,5 lần (so với năm 2020¹); diện tích 3 km²\n¹ Theo Báo cáo số 246-BC/TU.",
            "a¹²b\n¹²\n¹\n ¹ \n²³ x\n¹\u{a0}x\n\t¹\tx\n¹²\u{a0}",
            "x¹\r\n¹ Note\ry²",
        ] {
            agree(text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn extraction_agrees_with_the_regexes(
            text in crate::text::testing::pieces_from(
                &["[bookmark:", "[footnoteRef:", "[", "]", "1", "12", ":", " ", "\t", "\n", "\r", "**", "*", "¹",
                  "²", "⁴", "⁰", "Nội dung", "a", "\u{a0}"], 16)
        ) {
            agree(&text);
        }
    }
}
