//! From text drawn at positions to the lines the parser reads: visual lines by
//! baseline, superscript footnote marks, footnote bodies at page bottoms, page numbers
//! and running headers left out, paragraphs rejoined across line and page breaks by
//! their geometry, and side-by-side blocks (the header, the recipients and signature)
//! read one column after the other, as a .docx table is.
//!
//! Pure: runs in, lines out.

use crate::content::Run;
use banthao_core::source::{Line, LineBuilder};

/// The text drawn on one page and the page's size.
#[derive(Debug, Clone, Default)]
pub struct PageRuns {
    /// Runs in drawing order.
    pub runs: Vec<Run>,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
}

/// Lines and footnote bodies `(id, text)` of the document.
pub type Text = (Vec<Line>, Vec<(String, String)>);

/// A visual line: runs on one baseline, left to right.
#[derive(Debug, Clone)]
struct VLine {
    runs: Vec<Run>,
    /// Footnote marks: (index of the run they follow, id).
    marks: Vec<(usize, String)>,
    y: f32,
    size: f32,
    page: usize,
}

impl VLine {
    fn x0(&self) -> f32 {
        self.runs.first().map_or(0.0, |r| r.x0)
    }
    fn x1(&self) -> f32 {
        self.runs.last().map_or(0.0, |r| r.x1)
    }
    fn text(&self) -> String {
        let mut b = LineBuilder::new();
        self.push_to(&mut b);
        b.finish(0).map(|l| l.text).unwrap_or_default()
    }
    fn all_bold(&self) -> bool {
        self.runs.iter().all(|r| r.bold || r.text.trim().is_empty())
    }
    fn all_italic(&self) -> bool {
        self.runs.iter().all(|r| r.italic || r.text.trim().is_empty())
    }
    fn letters(&self) -> (usize, usize) {
        let (mut upper, mut lower) = (0, 0);
        for c in self.runs.iter().flat_map(|r| r.text.chars()) {
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
        (upper, lower)
    }
    /// Width of the first word, estimated from its share of the first run.
    fn first_word_width(&self) -> f32 {
        let Some(r) = self.runs.first() else { return 0.0 };
        let n = r.text.chars().count().max(1) as f32;
        let w = r.text.trim_start().split(' ').next().map_or(0, |w| w.chars().count()) as f32;
        (r.x1 - r.x0) * w / n
    }
    /// Pushes the line's text, emphasis and marks into a builder.
    fn push_to(&self, b: &mut LineBuilder) {
        let mut prev: Option<&Run> = None;
        for (k, r) in self.runs.iter().enumerate() {
            if let Some(p) = prev {
                // A footnote mark between two runs takes the gap; `làm¹.` has no space.
                let marked = self.marks.iter().any(|(at, _)| *at == k - 1);
                if !marked
                    && r.x0 - p.x1 > 0.1 * self.size
                    && !p.text.ends_with(' ')
                    && !r.text.starts_with(' ')
                {
                    b.push(" ", false, false);
                }
            }
            b.push(&r.text, r.bold, r.italic);
            for (_, id) in self.marks.iter().filter(|(at, _)| *at == k) {
                b.note(id);
            }
            prev = Some(r);
        }
    }
}

/// Whether `s` is a footnote mark's text.
fn mark_id(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())).then(|| t.to_string())
}

/// Groups a page's runs into visual lines, top to bottom, superscript digits taken
/// out as footnote marks.
fn visual_lines(runs: &[Run], page: usize) -> Vec<VLine> {
    let mut sorted: Vec<&Run> = runs.iter().filter(|r| !r.text.trim().is_empty() || r.text == " ").collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<VLine> = Vec::new();
    for r in sorted {
        // A run joins a line whose baseline is near: superscripts sit up to about
        // 0.45 of the line's size above it.
        let near = lines.iter_mut().rev().take(4).find(|l| {
            let size = l.size.max(r.size);
            (r.y - l.y).abs() <= 0.45 * size
        });
        match near {
            Some(l) => {
                if r.size > l.size * 1.05 || (r.size >= l.size * 0.95 && r.text.trim().len() > 3) {
                    l.y = r.y;
                }
                l.size = l.size.max(r.size);
                l.runs.push(r.clone());
            }
            None => {
                lines.push(VLine { runs: vec![r.clone()], marks: Vec::new(), y: r.y, size: r.size, page })
            }
        }
    }
    for l in &mut lines {
        l.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        l.size = dominant_size(&l.runs).unwrap_or(l.size);
        let (size, y) = (l.size, l.y);
        let mut kept: Vec<Run> = Vec::with_capacity(l.runs.len());
        let mut marks = Vec::new();
        for r in std::mem::take(&mut l.runs) {
            let raised = r.size < 0.8 * size && r.y < y - 0.15 * size;
            match mark_id(&r.text).filter(|_| raised) {
                Some(id) => marks.push((kept.len(), id)),
                None => kept.push(r),
            }
        }
        // A mark before any text (a footnote body's number) follows "run -1": keep it
        // at index 0 with a marker the caller reads.
        l.marks = marks.into_iter().map(|(k, id)| (k.wrapping_sub(1), id)).collect();
        l.runs = kept;
    }
    lines.retain(|l| !l.runs.is_empty() || !l.marks.is_empty());
    lines
}

/// The size of most of the text of `runs`.
fn dominant_size(runs: &[Run]) -> Option<f32> {
    let mut best: Option<(usize, f32)> = None;
    for r in runs {
        let n = r.text.chars().count();
        if best.is_none_or(|b| n > b.0) {
            best = Some((n, r.size));
        }
    }
    best.map(|b| b.1)
}

/// Text of a page-number line: `3`, `- 3 -`, `Trang 3`, `3/12`.
fn is_page_number(s: &str) -> bool {
    let t = s.trim().trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t.strip_prefix("Trang").unwrap_or(t).trim();
    !t.is_empty() && t.len() <= 9 && t.chars().all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
}

/// The measure of the body text: its size, left and right margins, line pitch.
#[derive(Debug, Clone, Copy)]
struct Measure {
    size: f32,
    left: f32,
    right: f32,
    pitch: f32,
}

fn mode(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut v: Vec<i32> = values.filter(|x| x.is_finite()).map(|x| (x * 2.0).round() as i32).collect();
    v.sort_unstable();
    let mut best = (0usize, None);
    let mut i = 0;
    while i < v.len() {
        let j = v[i..].iter().position(|x| *x != v[i]).map_or(v.len(), |p| i + p);
        if j - i > best.0 {
            best = (j - i, Some(v[i] as f32 / 2.0));
        }
        i = j;
    }
    best.1
}

fn measure(lines: &[VLine]) -> Measure {
    let size = mode(lines.iter().flat_map(|l| {
        std::iter::repeat_n(l.size, l.runs.iter().map(|r| r.text.len()).sum::<usize>().min(400))
    }))
    .unwrap_or(12.0);
    let body: Vec<&VLine> = lines.iter().filter(|l| (l.size - size).abs() < 0.1 * size).collect();
    // The left margin: the leftmost edge many lines share (not the most common one:
    // in a text of one-line paragraphs that is the first-line indent).
    let mut starts: Vec<f32> = body.iter().map(|l| l.x0()).collect();
    starts.sort_by(f32::total_cmp);
    let enough = (starts.len() / 20).max(2);
    let left = starts
        .iter()
        .enumerate()
        .find(|(i, x)| starts[*i..].iter().take_while(|y| **y - **x <= 1.0).count() >= enough)
        .map_or_else(|| starts.first().copied().unwrap_or(0.0), |(_, x)| *x);
    let mut ends: Vec<f32> = body.iter().map(|l| l.x1()).collect();
    ends.sort_by(f32::total_cmp);
    let right = ends.get(ends.len() * 9 / 10).copied().unwrap_or(left + 400.0).max(left + 10.0 * size);
    let pitch = mode(
        body.windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d > 0.5 * size && *d < 3.0 * size),
    )
    .unwrap_or(1.2 * size);
    Measure { size, left, right, pitch }
}

/// Takes footnote bodies from the bottom of each page: lines smaller than the body
/// text, the first of which begins with a mark.
fn take_footnotes(lines: &mut Vec<VLine>, m: &Measure, notes: &mut Vec<(String, String)>) {
    // The marks the text has: a note body begins with one of them.
    let known: Vec<String> = lines
        .iter()
        .flat_map(|l| l.marks.iter())
        .filter(|(at, _)| *at != usize::MAX)
        .map(|(_, id)| id.clone())
        .collect();
    let starts_with_mark = |l: &VLine| starts_with_mark(l, &known);
    let mut out: Vec<VLine> = Vec::with_capacity(lines.len());
    let mut page_lines: Vec<VLine> = Vec::new();
    let flush = |page_lines: &mut Vec<VLine>, out: &mut Vec<VLine>, notes: &mut Vec<(String, String)>| {
        // From the bottom up: small lines; the zone is footnotes when its top line
        // starts with a mark.
        let mut small = page_lines.len();
        while small > 0 && page_lines[small - 1].size < 0.9 * m.size {
            small -= 1;
        }
        // The zone begins at the topmost line of that run that starts with a mark and
        // is no smaller than any line below it (recipients above notes are larger).
        let start = (small..page_lines.len())
            .find(|&i| {
                starts_with_mark(&page_lines[i]).is_some()
                    && page_lines[i..].iter().all(|l| l.size <= page_lines[i].size + 0.5)
            })
            .unwrap_or(page_lines.len());
        if start < page_lines.len() {
            let mut current: Option<(String, LineBuilder)> = None;
            for l in page_lines.drain(start..) {
                let mark =
                    starts_with_mark(&l).filter(|(id, _)| current.as_ref().is_none_or(|(c, _)| c != id));
                if let Some((id, _)) = &mark {
                    if let Some((id, b)) = current.take() {
                        notes.push((id, b.finish(0).map(|l| l.text).unwrap_or_default()));
                    }
                    current = Some((id.clone(), LineBuilder::new()));
                }
                if let Some((_, b)) = current.as_mut() {
                    let mut body = l.clone();
                    body.marks.clear();
                    if let (Some(first), Some((_, true))) = (body.runs.first_mut(), &mark) {
                        // The number written plainly: `1 Theo …`.
                        let t = first.text.trim_start();
                        let digits = t.chars().take_while(char::is_ascii_digit).count();
                        first.text = t[digits..].to_string();
                    }
                    if !b.is_empty() {
                        b.push(" ", false, false);
                    }
                    body.push_to(b);
                }
            }
            if let Some((id, b)) = current.take() {
                notes.push((id, b.finish(0).map(|l| l.text).unwrap_or_default()));
            }
        }
        out.append(page_lines);
    };
    for l in lines.drain(..) {
        if page_lines.last().is_some_and(|p| p.page != l.page) {
            flush(&mut page_lines, &mut out, notes);
        }
        page_lines.push(l);
    }
    flush(&mut page_lines, &mut out, notes);
    *lines = out;
}

/// The id of the mark a footnote body line begins with, and whether it is written
/// plainly (`1 Theo …`) rather than raised. A plain number counts only when the text
/// has that mark: `15 năm …` continuing a note is not note 15.
fn starts_with_mark(l: &VLine, known: &[String]) -> Option<(String, bool)> {
    if let Some((k, id)) = l.marks.first() {
        if *k == usize::MAX {
            return Some((id.clone(), false));
        }
    }
    let first = l.runs.first()?;
    let t = first.text.trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && t[digits.len()..].starts_with(' ') && known.contains(&digits))
        .then_some((digits, true))
}

/// Leaves out page numbers and running headers and footers: a page's first or last
/// line that is a page number, and first or last lines that, digits aside, repeat on
/// most pages (on both, for two pages).
fn drop_furniture(lines: &mut Vec<VLine>, pages: usize) {
    let mut drop = vec![false; lines.len()];
    let key = |l: &VLine| l.text().chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
    // Per page: the indices of its first and last lines.
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 0..lines.len() {
        if i + 1 == lines.len() || lines[i + 1].page != lines[i].page {
            ends.push((start, i));
            start = i + 1;
        }
    }
    for &(first, last) in &ends {
        for i in [first, last] {
            if is_page_number(&lines[i].text()) {
                drop[i] = true;
            }
        }
    }
    if pages >= 2 {
        let needed = if pages == 2 { 2 } else { pages / 2 + 1 };
        for side in [0, 1] {
            // The outermost line left on that side of each page.
            let picks: Vec<usize> = ends
                .iter()
                .filter_map(|&(first, last)| {
                    if side == 0 {
                        (first..=last).find(|&i| !drop[i])
                    } else {
                        (first..=last).rev().find(|&i| !drop[i])
                    }
                })
                .collect();
            let keys: Vec<String> = picks.iter().map(|&i| key(&lines[i])).collect();
            for (k, &i) in picks.iter().enumerate() {
                if keys[k].chars().count() > 3 && keys.iter().filter(|x| **x == keys[k]).count() >= needed {
                    drop[i] = true;
                }
            }
        }
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Where a line splits into side-by-side pieces: the gaps wider than a few letters,
/// except the tab after a leading label (`I-`, `1.`, `-`).
fn pieces(l: &VLine) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    // Producers draw a line's words as one piece (spaces included): a gap between
    // pieces is a tab or a column. Justified words drawn apart stay under this.
    let gap = (0.8 * l.size).max(8.0);
    for (k, r) in l.runs.iter().enumerate() {
        match out.last_mut() {
            Some(last) if r.x0 - last.1 <= gap => last.1 = last.1.max(r.x1),
            Some(last) if k == 1 && is_label(&l.runs[0].text) && r.x0 - last.1 < 3.5 * l.size => {
                if let Some(last) = out.last_mut() {
                    last.1 = r.x1;
                }
            }
            _ => out.push((r.x0, r.x1)),
        }
    }
    out
}

/// A leading label: `I-`, `1.`, `a)`, `-`, `+`.
fn is_label(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() <= 6 && (matches!(t, "-" | "+" | "•" | "*" | "–") || t.ends_with(['.', '-', ')', '/']))
}

/// Blocks of lines side by side, found as a channel of white space running down
/// through consecutive lines: (first line, end, split position).
fn side_by_side(lines: &[VLine], m: &Measure) -> Vec<(usize, usize, f32)> {
    let centre = (m.left + m.right) / 2.0;
    let centred = |l: &VLine| {
        ((l.x0() + l.x1()) / 2.0 - centre).abs() < 0.04 * (m.right - m.left) && l.x0() > m.left + m.size
    };
    // Narrows the channel `(lo, hi)` by a line, or `None` when the line crosses it.
    let narrow = |l: &VLine, (lo, hi): (f32, f32)| -> Option<(f32, f32)> {
        let ps = pieces(l);
        let c = match ps.as_slice() {
            [a, b] => (lo.max(a.1), hi.min(b.0)),
            [a] if centred(l) => return None,
            [a] if a.1 < hi && a.0 < lo.max(a.1) => (lo.max(a.1), hi),
            [a] if a.0 > lo => (lo, hi.min(a.0)),
            _ => return None,
        };
        (c.1 - c.0 > 0.5 * l.size).then_some(c)
    };
    let near = |a: &VLine, b: &VLine| a.page == b.page && (b.y - a.y).abs() <= 3.0 * m.pitch;
    // A block may go on at the top of the next page (a table broken by the page end).
    let next_page = |a: &VLine, b: &VLine| b.page == a.page + 1;
    let mut blocks: Vec<(usize, usize, f32)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let p = pieces(&lines[i]);
        if p.len() != 2 {
            i += 1;
            continue;
        }
        let mut channel = (p[0].1, p[1].0);
        let floor = blocks.last().map_or(0, |b| b.1);
        let mut start = i;
        while start > floor && near(&lines[start - 1], &lines[start]) {
            let l = &lines[start - 1];
            // Above the first pair of pieces, a line at the margin is body text.
            if pieces(l).len() == 1 && (l.x0() - m.left).abs() < 0.5 * m.size {
                break;
            }
            match narrow(l, channel) {
                Some(c) => channel = c,
                None => break,
            }
            start -= 1;
        }
        let mut end = i + 1;
        while end < lines.len()
            && (near(&lines[end - 1], &lines[end]) || next_page(&lines[end - 1], &lines[end]))
        {
            match narrow(&lines[end], channel) {
                Some(c) => channel = c,
                None => break,
            }
            end += 1;
        }
        // One line with a gap is not yet a table: two are (header, signature).
        if lines[start..end].iter().filter(|l| pieces(l).len() == 2).count() >= 2 {
            blocks.push((start, end, (channel.0 + channel.1) / 2.0));
        }
        i = end;
    }
    blocks
}

/// Where a run of lines is laid out: `left`/`right` bound left-aligned and justified
/// lines (the margins of the body, the extent of a table column), `a`/`b` the room
/// centred lines have (the text width, or a table cell's).
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f32,
    right: f32,
    a: f32,
    b: f32,
    /// The column of a side-by-side block, if the lines are one.
    column: Option<Column>,
}

/// A column of a side-by-side block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Left,
    Right,
}

/// Whether `next` continues the paragraph whose last line is `prev`.
fn continues(prev: &VLine, next: &VLine, m: &Measure, f: &Frame) -> bool {
    if (prev.size - next.size).abs() > 0.08 * prev.size.max(next.size) {
        return false;
    }
    if prev.all_bold() != next.all_bold() || prev.all_italic() != next.all_italic() {
        return false;
    }
    if prev.page == next.page && (next.y - prev.y > 1.6 * m.pitch.max(prev.size) || next.y <= prev.y) {
        return false;
    }
    let (pu, pl) = prev.letters();
    let (nu, nl) = next.letters();
    if pu + pl >= 5 && nu + nl >= 5 && (pl == 0) != (nl == 0) {
        return false; // capitals then not, or the reverse: a heading and its text
    }
    if next.text().starts_with(['-', '+', '•', '–', '*']) {
        return false;
    }
    let space = 0.25 * prev.size;
    let width = prev.x1() - prev.x0();
    let inset = |l: &VLine| l.x0() > f.left + 0.6 * m.size;
    let (cp, cn) = ((prev.x0() + prev.x1()) / 2.0, (next.x0() + next.x1()) / 2.0);
    if (cp - cn).abs() < (0.02 * (m.right - m.left)).max(0.5 * m.size) {
        // Centred lines: wrapped when the next word would not have fitted, or when
        // the line nearly fills the room it has.
        let wrapped = |room: f32, slack: f32| width + space + next.first_word_width() > room * slack;
        return match f.column {
            // A table cell is bounded on the page's side by the margin: the room is
            // twice the distance from the line's centre to it. Exact, so no slack.
            Some(Column::Left) => wrapped(2.0 * (cp - f.a), 1.0),
            Some(Column::Right) => wrapped(2.0 * (f.b - cp), 1.0),
            None => {
                let room = 2.0 * (cp - f.a).min(f.b - cp);
                wrapped(room, 0.97) || width > room * 0.8
            }
        };
    }
    if inset(next) {
        return false; // an indented first line
    }
    prev.x1() + space + next.first_word_width() > f.right - 0.1 * m.size
}

fn finish(builder: LineBuilder, no: &mut usize, out: &mut Vec<Line>) {
    *no += 1;
    if let Some(l) = builder.finish(*no) {
        out.push(l);
    }
}

/// Joins a run of lines laid out in `frame` into paragraphs.
fn paragraphs(lines: &[&VLine], m: &Measure, frame: &Frame, no: &mut usize, out: &mut Vec<Line>) {
    let mut b = LineBuilder::new();
    let mut prev: Option<&VLine> = None;
    for &l in lines {
        if let Some(p) = prev {
            if continues(p, l, m, frame) {
                let prev_text = p.text();
                // `45-` / `NQ/TW`: a symbol broken at its hyphen joins without a space.
                let glued = prev_text.ends_with('-')
                    && prev_text.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric());
                if !glued {
                    b.push(" ", false, false);
                }
            } else {
                finish(std::mem::take(&mut b), no, out);
            }
        }
        l.push_to(&mut b);
        prev = Some(l);
    }
    finish(b, no, out);
}

/// A block's lines cut at `split` into its left and right columns.
fn columns(block: &[VLine], split: f32) -> [Vec<VLine>; 2] {
    let mut sides: [Vec<VLine>; 2] = [Vec::new(), Vec::new()];
    for l in block {
        let cut = l.runs.iter().take_while(|r| (r.x0 + r.x1) / 2.0 < split).count();
        for (k, range) in [(0, 0..cut), (1, cut..l.runs.len())] {
            if range.is_empty() {
                continue;
            }
            let runs = l.runs[range.clone()].to_vec();
            // Marks follow a run of this side (or stand before the first run, left).
            let marks = l
                .marks
                .iter()
                .filter(|(at, _)| range.contains(at) || (*at == usize::MAX && k == 0))
                .map(|(at, id)| (if *at == usize::MAX { *at } else { at - range.start }, id.clone()))
                .collect();
            let size = dominant_size(&runs).unwrap_or(l.size);
            sides[k].push(VLine { runs, marks, size, y: l.y, page: l.page });
        }
    }
    sides
}

/// The lines and footnotes of a document's pages.
pub fn text_of(pages: &[PageRuns]) -> Text {
    let mut lines: Vec<VLine> =
        pages.iter().enumerate().flat_map(|(k, p)| visual_lines(&p.runs, k)).collect();
    let m = measure(&lines);
    if std::env::var_os("BANTHAO_PDF_DEBUG").is_some() {
        eprintln!("{m:?}");
    }
    let mut notes = Vec::new();
    drop_furniture(&mut lines, pages.len());
    take_footnotes(&mut lines, &m, &mut notes);
    let mut out = Vec::new();
    let mut no = 0;
    let blocks = side_by_side(&lines, &m);
    let mut i = 0;
    let mut bi = 0;
    while i < lines.len() {
        if let Some(&(start, end, split)) = blocks.get(bi) {
            if i == start {
                let [left, right] = columns(&lines[start..end], split);
                for (k, side) in [left, right].into_iter().enumerate() {
                    let x0 = side.iter().map(VLine::x0).fold(f32::MAX, f32::min);
                    let x1 = side.iter().map(VLine::x1).fold(f32::MIN, f32::max);
                    let (a, b) = if k == 0 { (x0.min(m.left), split) } else { (split, x1.max(m.right)) };
                    let refs: Vec<&VLine> = side.iter().collect();
                    let column = Some(if k == 0 { Column::Left } else { Column::Right });
                    paragraphs(&refs, &m, &Frame { left: x0, right: x1, a, b, column }, &mut no, &mut out);
                }
                i = end;
                bi += 1;
                continue;
            }
        }
        let stop = blocks.get(bi).map_or(lines.len(), |b| b.0);
        let run: Vec<&VLine> = lines[i..stop].iter().collect();
        let body = Frame { left: m.left, right: m.right, a: m.left, b: m.right, column: None };
        paragraphs(&run, &m, &body, &mut no, &mut out);
        i = stop;
    }
    (out, notes)
}
