//! The characters of the main document and the footnotes walked into lines, as the
//! .docx reader makes them: one line per paragraph (table cells included, in reading
//! order), cut at line breaks; field instructions dropped and results kept; footnote
//! marks where the references stand; Word's automatic numbering put in front.

use crate::fkp::{CharProps, Chars, ParaProps, Runs};
use crate::lists::Lists;
use crate::pieces::Text;
use crate::styles::Styles;
use banthao_core::source::{Line, LineBuilder};

const FOOTNOTE_REF: u16 = 0x02;
const TAB: u16 = 0x09;
const LINE_BREAK: u16 = 0x0B;
const PAGE_BREAK: u16 = 0x0C;
const PARAGRAPH: u16 = 0x0D;
const CELL: u16 = 0x07;
const FIELD_BEGIN: u16 = 0x13;
const FIELD_SEPARATOR: u16 = 0x14;
const FIELD_END: u16 = 0x15;
const NB_HYPHEN: u16 = 0x1E;
/// Word's optional hyphen; in a TCVN3 font, the byte 0xAD that Word took for a soft
/// hyphen: the letter `ư`.
const OPTIONAL_HYPHEN: u16 = 0x1F;
const SOFT_HYPHEN: char = '\u{AD}';
/// Nested fields deeper than this are not followed (their text is kept).
const MAX_FIELD_DEPTH: usize = 64;

/// Converts a run's text written in a legacy Vietnamese font: `(font name if known,
/// text)` → the Unicode text, or `None` when the run is not to be converted.
pub(crate) type Convert<'a> = &'a dyn Fn(Option<&str>, &str) -> Option<String>;

/// What the walk reads from.
pub(crate) struct Sources<'a> {
    /// The characters.
    pub text: &'a Text,
    /// Character properties by stream offset.
    pub chpx: &'a Runs<CharProps>,
    /// Paragraph properties by stream offset.
    pub papx: &'a Runs<ParaProps>,
    /// Styles.
    pub styles: &'a Styles,
    /// The CPs of the section marks (0x0C that end a section, and so a paragraph), sorted.
    pub section_ends: &'a [u32],
    /// Font names by index.
    pub fonts: &'a [String],
    /// Legacy font conversion.
    pub convert: Convert<'a>,
}

/// What the walk found.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// The lines.
    pub lines: Vec<Line>,
    /// Paragraphs with automatic numbering.
    pub numbered: usize,
    /// Of those, the ones whose label could not be computed, and the first of them.
    pub unlabelled: usize,
    /// The first paragraph whose label could not be computed.
    pub first_unlabelled: Option<usize>,
}

/// Text with its character properties, gathered until the properties change.
#[derive(Default)]
struct Run {
    text: String,
    props: Chars,
}

/// Field nesting: for each open field, whether its instruction part is being read.
#[derive(Default)]
struct Fields {
    open: Vec<bool>,
    in_instruction: usize,
}

impl Fields {
    /// Follows a field character; returns whether `u` was one.
    fn step(&mut self, u: u16) -> bool {
        match u {
            FIELD_BEGIN if self.open.len() < MAX_FIELD_DEPTH => {
                self.open.push(true);
                self.in_instruction += 1;
            }
            FIELD_SEPARATOR => {
                if let Some(top) = self.open.last_mut() {
                    if *top {
                        *top = false;
                        self.in_instruction -= 1;
                    }
                }
            }
            FIELD_END => {
                if self.open.pop() == Some(true) {
                    self.in_instruction -= 1;
                }
            }
            FIELD_BEGIN => {}
            _ => return false,
        }
        true
    }

    fn hidden(&self) -> bool {
        self.in_instruction > 0
    }
}

/// One piece of text in the making: the current builder and those cut at line breaks.
struct Para<'s, 'a> {
    src: &'s Sources<'a>,
    builder: LineBuilder,
    done: Vec<LineBuilder>,
    run: Run,
    /// What the paragraph's style gives its text.
    base: Chars,
}

impl<'s, 'a> Para<'s, 'a> {
    fn new(src: &'s Sources<'a>, base: Chars) -> Self {
        Para { src, builder: LineBuilder::new(), done: Vec::new(), run: Run::default(), base }
    }

    fn flush(&mut self) {
        if self.run.text.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run.text);
        let p = self.run.props;
        let font = p.font.and_then(|f| self.src.fonts.get(usize::from(f))).map(String::as_str);
        match (self.src.convert)(font, &run) {
            Some(converted) => self.builder.push(&converted, p.bold, p.italic),
            None if run.contains(SOFT_HYPHEN) => {
                self.builder.push(&run.replace(SOFT_HYPHEN, ""), p.bold, p.italic)
            }
            None => self.builder.push(&run, p.bold, p.italic),
        }
    }

    /// Appends a character written with `direct` properties.
    fn push_char(&mut self, c: char, direct: CharProps) {
        let props = self.src.styles.run_chars(self.base, direct);
        if props.deleted || props.symbol {
            return;
        }
        if props != self.run.props {
            self.flush();
            self.run.props = props;
        }
        self.run.text.push(c);
    }

    fn push_plain(&mut self, s: &str) {
        self.flush();
        self.builder.push(s, false, false);
    }

    fn note(&mut self, id: &str) {
        self.flush();
        self.builder.note(id);
    }

    fn cut(&mut self) {
        self.flush();
        if !self.builder.is_empty() {
            let b = std::mem::take(&mut self.builder);
            self.done.push(b);
        }
    }

    /// The lines of the paragraph, numbered `no`.
    fn finish(mut self, no: usize, lines: &mut Vec<Line>) {
        self.flush();
        lines.extend(self.done.into_iter().chain(std::iter::once(self.builder)).filter_map(|b| b.finish(no)));
    }

    /// The text of a footnote: paragraphs joined by a space.
    fn finish_note(mut self) -> String {
        self.flush();
        self.builder.finish(0).map(|l| l.text).unwrap_or_default()
    }
}

/// Reads the units `from..to` (code units, with surrogate pairs joined) and calls `f`
/// with each character's CP; lone surrogates become U+FFFD.
fn for_each_char(text: &Text, from: u32, to: u32, mut f: impl FnMut(u32, u16, char)) {
    let units = text.units.get(from as usize..to as usize).unwrap_or(&[]);
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let cp = from + i as u32;
        if (0xD800..0xDC00).contains(&u) {
            if let Some(&lo) = units.get(i + 1).filter(|&&lo| (0xDC00..0xE000).contains(&lo)) {
                let c = char::decode_utf16([u, lo]).next().and_then(Result::ok).unwrap_or('\u{FFFD}');
                f(cp, u, c);
                i += 2;
                continue;
            }
        }
        f(cp, u, char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'));
        i += 1;
    }
}

/// What a plain character becomes: `None` when it is dropped.
fn visible(u: u16, c: char) -> Option<char> {
    match u {
        NB_HYPHEN => Some('-'),
        // Kept for a legacy font to read; dropped from any other run.
        OPTIONAL_HYPHEN => Some(SOFT_HYPHEN),
        0x00..=0x1F => None,
        _ => Some(c),
    }
}

/// Walks the main document, CPs `0..end`; `notes` are the footnote references (CP,
/// id), sorted.
pub(crate) fn main_lines(src: &Sources, end: u32, notes: &[(u32, String)], lists: &mut Lists) -> Walked {
    let mut out = Walked::default();
    let mut fields = Fields::default();
    let mut next_note = 0usize;
    let mut para_no = 1usize;
    let mut para: Option<Para> = None;
    let text = src.text;
    let section_end = |cp: u32| src.section_ends.binary_search(&cp).is_ok();
    let is_mark = |cp: u32, u: u16| u == PARAGRAPH || u == CELL || (u == PAGE_BREAK && section_end(cp));
    // The paragraph marks, to read a paragraph's properties at its start.
    let marks: Vec<u32> = text
        .units
        .iter()
        .take(end as usize)
        .enumerate()
        .filter(|&(i, &u)| is_mark(i as u32, u))
        .map(|(i, _)| i as u32)
        .collect();
    let mut mark_i = 0usize;
    let props_at = |cp: u32| text.fc_of(cp).map(|fc| src.papx.at(fc)).unwrap_or_default();
    for_each_char(text, 0, end, |cp, u, c| {
        let p = para.get_or_insert_with(|| {
            while marks.get(mark_i).is_some_and(|&m| m < cp) {
                mark_i += 1;
            }
            let props = marks.get(mark_i).map(|&m| props_at(m)).unwrap_or_default();
            let mut p = Para::new(src, src.styles.paragraph_chars(props.style));
            let (style_ilfo, style_ilvl) = src.styles.numbering(props.style);
            let ilfo = props.ilfo.or(style_ilfo).unwrap_or(0);
            let ilvl = props.ilvl.or(style_ilvl).unwrap_or(0);
            if ilfo > 0 && !props.row_end {
                out.numbered += 1;
                match lists.next_label(ilfo, ilvl) {
                    Some(label) if !label.is_empty() => {
                        p.push_plain(&label);
                        p.push_plain(" ");
                    }
                    Some(_) => {}
                    None => {
                        out.unlabelled += 1;
                        out.first_unlabelled.get_or_insert(para_no);
                    }
                }
            }
            p
        });
        if fields.step(u) {
            return;
        }
        while notes.get(next_note).is_some_and(|n| n.0 < cp) {
            next_note += 1;
        }
        let note = notes.get(next_note).filter(|n| n.0 == cp);
        match u {
            _ if is_mark(cp, u) => {
                let row_end = u == CELL && props_at(cp).row_end;
                if let Some(p) = para.take() {
                    p.finish(para_no, &mut out.lines);
                }
                if !row_end {
                    para_no += 1;
                }
            }
            _ if fields.hidden() => {}
            _ if note.is_some() => {
                if let Some(n) = note {
                    p.note(&n.1);
                }
            }
            LINE_BREAK | PAGE_BREAK => p.cut(),
            TAB => p.push_plain("\t"),
            FOOTNOTE_REF => {}
            _ => {
                if let Some(c) = visible(u, c) {
                    let props = text.fc_of(cp).map(|fc| src.chpx.at(fc)).unwrap_or_default();
                    p.push_char(c, props);
                }
            }
        }
    });
    if let Some(p) = para.take() {
        p.finish(para_no, &mut out.lines);
    }
    out
}

/// The footnote bodies: `bounds` are the CPs where each note starts and ends.
pub(crate) fn footnotes(src: &Sources, bounds: &[(String, u32, u32)]) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(bounds.len());
    for (id, from, to) in bounds {
        let mut p = Para::new(src, Chars::default());
        let mut fields = Fields::default();
        for_each_char(src.text, *from, *to, |cp, u, c| {
            if fields.step(u) || fields.hidden() {
                return;
            }
            match u {
                PARAGRAPH | CELL | LINE_BREAK | PAGE_BREAK | TAB => p.push_plain(" "),
                _ => {
                    if let Some(c) = visible(u, c) {
                        let fc = src.text.fc_of(cp);
                        p.base = src.styles.paragraph_chars(fc.map(|fc| src.papx.at(fc).style).unwrap_or(0));
                        p.push_char(c, fc.map(|fc| src.chpx.at(fc)).unwrap_or_default());
                    }
                }
            }
        });
        out.push((id.clone(), p.finish_note()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn walk(s: &str, notes: &[(u32, String)], papx: Runs<ParaProps>, chpx: Runs<CharProps>) -> Walked {
        let text = Text::from_units(units(s));
        let none = |_: Option<&str>, _: &str| None;
        let styles = Styles::default();
        let src = Sources {
            text: &text,
            chpx: &chpx,
            papx: &papx,
            styles: &styles,
            section_ends: &[5],
            fonts: &[],
            convert: &none,
        };
        main_lines(&src, text.units.len() as u32, notes, &mut Lists::default())
    }

    fn texts(w: &Walked) -> Vec<(usize, String)> {
        w.lines.iter().map(|l| (l.line, l.text.clone())).collect()
    }

    #[test]
    fn special_characters_as_the_docx_reader_reads_them() {
        let s = "S\u{13} PAGE \\* MERGEFORMAT \u{14}5\u{15} trang\r\
                 a\u{0B}b\u{0C}c\r\
                 x\u{1E}y\u{1F}z\u{01}\u{08}w\tv\r\r\
                 \u{13}HYPERLINK \u{13}nested\u{14}\u{15}\u{14}link\u{15} end\r";
        let w = walk(s, &[], Runs::default(), Runs::default());
        let want = [(1, "S5 trang"), (2, "a"), (2, "b"), (2, "c"), (3, "x-yzw v"), (5, "link end")];
        assert_eq!(texts(&w), want.map(|(n, t)| (n, t.to_string())));
    }

    #[test]
    fn a_section_mark_ends_its_paragraph_and_a_page_break_does_not() {
        // CP 5 is a section mark (see `walk`), CP 8 a page break.
        let w = walk("Part\u{0C}\u{0C}A\u{0C}B\r", &[], Runs::default(), Runs::default());
        let want = [(1, "Part"), (2, "A"), (2, "B")];
        assert_eq!(texts(&w), want.map(|(n, t)| (n, t.to_string())));
    }

    #[test]
    fn table_cells_are_paragraphs_and_row_ends_are_not() {
        // Two cells of two and one paragraphs, the row end, then a paragraph.
        let s = "A\rB\u{07}C\u{07}\u{07}D\r";
        let row_end = units(s).iter().rposition(|&u| u == 7).map_or(0, |i| i as u32);
        let papx = Runs::from_runs(vec![(
            row_end * 2,
            row_end * 2 + 2,
            ParaProps { row_end: true, ..ParaProps::default() },
        )]);
        let w = walk(s, &[], papx, Runs::default());
        let want = [(1, "A"), (2, "B"), (3, "C"), (4, "D")];
        assert_eq!(texts(&w), want.map(|(n, t)| (n, t.to_string())));
    }

    #[test]
    fn footnote_marks_stand_where_the_references_are() {
        let s = "Text\u{02} more\u{02}\r";
        let notes = [(4, "1".to_string()), (10, "2".to_string())];
        let w = walk(s, &notes, Runs::default(), Runs::default());
        assert_eq!(w.lines[0].text, "Text more");
        let marks: Vec<_> = w.lines[0].notes.iter().map(|n| (n.offset, n.id.as_str())).collect();
        assert_eq!(marks, [(4, "1"), (9, "2")]);
    }

    #[test]
    fn numbered_paragraphs_without_lists_are_counted() {
        let s = "One\rTwo\r";
        let numbered = ParaProps { ilfo: Some(1), ..ParaProps::default() };
        let papx = Runs::from_runs(vec![(0, 8, numbered)]);
        let w = walk(s, &[], papx, Runs::default());
        assert_eq!((w.numbered, w.unlabelled, w.first_unlabelled), (1, 1, Some(1)));
    }

    #[test]
    fn bold_italic_and_tracked_deletions() {
        let s = "Bold plain gone\r";
        let (mut bold, mut gone) = (CharProps::default(), CharProps::default());
        bold.apply(&[0x35, 0x08, 1]);
        gone.apply(&[0x00, 0x08, 1]);
        let chpx = Runs::from_runs(vec![(0, 8, bold), (22, 30, gone)]);
        let w = walk(s, &[], Runs::default(), chpx);
        assert_eq!(w.lines[0].text, "Bold plain");
        assert_eq!(w.lines[0].spans.len(), 1);
        assert!(w.lines[0].spans[0].bold && w.lines[0].spans[0].start == 0 && w.lines[0].spans[0].end == 4);
    }
}
