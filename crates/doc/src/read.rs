//! A .doc read into lines and footnote bodies, and from there into a document.

use crate::cfb::read_streams;
use crate::error::DocError;
use crate::fib::{table_bytes, which_table, Fib, Table};
use crate::fkp::{chpx_runs, papx_runs, CharProps, ParaProps, Runs};
use crate::fonts::font_names;
use crate::lists::Lists;
use crate::pieces::{is_byte_char, Text};
use crate::styles::Styles;
use crate::text::{footnotes, main_lines, Convert, Sources, Walked};
use banthao_core::legacy::{self, Encoding};
use banthao_core::model::Diagnostic;
use banthao_core::source::Line;
use banthao_core::{Document, ReadError};
use std::cell::Cell;

/// The text of a .doc before structure inference.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    /// Paragraphs and table-cell paragraphs in reading order, numbering labels
    /// included; `Line::line` is the 1-based paragraph number.
    pub lines: Vec<Line>,
    /// Footnote bodies: (id, text), ids `1`, `2` … in the order of their references.
    pub footnotes: Vec<(String, String)>,
    /// Paragraphs with Word's automatic numbering whose label could not be computed,
    /// and the first of them.
    pub unlabelled: (usize, Option<usize>),
    /// The legacy Vietnamese encoding converted to Unicode, when there was one: runs
    /// in a TCVN3, VNI or VISCII font, or (no such font) the whole text when it reads
    /// as one.
    pub legacy: Option<Encoding>,
}

/// Reads a .doc into a document (structure parsed by `banthao_core`).
pub fn read_doc(bytes: &[u8]) -> Result<Document, ReadError> {
    let text = doc_text(bytes)?;
    if text.lines.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut doc = banthao_core::parse_lines(text.lines, text.footnotes, banthao_core::builtin_places());
    let (unlabelled, first) = text.unlabelled;
    if unlabelled > 0 {
        doc.diagnostics.push(Diagnostic {
            code: "doc-list-numbers".to_string(),
            message: format!(
                "Tệp .doc không lưu số thứ tự do Word tự động đánh; {unlabelled} đoạn đánh số tự động \
                 không tính lại được nên có thể thiếu nhãn như \"1.\" hoặc \"a)\"."
            ),
            line: first,
        });
    }
    if let Some(enc) = text.legacy {
        doc.diagnostics.push(enc.diagnostic());
    }
    Ok(doc)
}

/// The CPs of the section marks: each section's last character (PlcfSed).
fn section_ends(plc: &[u8]) -> Vec<u32> {
    let n = plc.len().saturating_sub(4) / 16;
    let mut ends: Vec<u32> =
        (1..=n).filter_map(|i| crate::bytes::u32_at(plc, i * 4)?.checked_sub(1)).collect();
    ends.sort_unstable();
    ends
}

/// Footnote references in the main text: (CP, id), and each note's CPs.
type Notes = (Vec<(u32, String)>, Vec<(String, u32, u32)>);

fn read_notes(table: &[u8], fib: &Fib) -> Result<Notes, DocError> {
    let (Some(refs), Some(txt)) =
        (table_bytes(table, fib.get(Table::PlcffndRef))?, table_bytes(table, fib.get(Table::PlcffndTxt))?)
    else {
        return Ok((Vec::new(), Vec::new()));
    };
    let cp = |b: &[u8], i: usize| crate::bytes::u32_at(b, i * 4);
    let n = refs.len().saturating_sub(4) / 6;
    let starts = txt.len() / 4;
    let base = fib.ccp_text;
    let mut at = Vec::with_capacity(n);
    let mut bounds = Vec::with_capacity(n);
    for i in 0..n {
        let id = (i + 1).to_string();
        let (Some(r), Some(from), Some(to)) = (cp(refs, i), cp(txt, i), cp(txt, i + 1)) else { break };
        if i + 1 >= starts || to < from || to > fib.ccp_ftn {
            return Err(DocError::Damaged("bảng chú thích cuối trang"));
        }
        at.push((r, id.clone()));
        bounds.push((id, base + from, base + to));
    }
    at.sort_by_key(|a| a.0);
    Ok((at, bounds))
}

/// Bytes of text read to tell whether a document without legacy fonts is legacy text.
const DETECT_SAMPLE: usize = 16 * 1024;

/// The lines and the footnote bodies of a .doc, before parsing. Runs in a legacy
/// Vietnamese font (TCVN3, VNI, VISCII) are converted to Unicode; without such fonts,
/// a text that reads as legacy bytes is converted, but for the runs that hold a
/// character no legacy byte shows as (real Unicode).
pub fn doc_text(bytes: &[u8]) -> Result<DocText, DocError> {
    let streams = read_streams(bytes, which_table)?;
    let parts = Parts::read(&streams.word, &streams.table)?;
    // Runs whose font is a legacy one.
    let found = Cell::new(None);
    let by_font = |font: Option<&str>, run: &str| {
        let f = legacy::font(font?)?;
        found.set(found.get().or(Some(f.encoding)));
        Some(f.decode(run))
    };
    let mut text = parts.walk(&by_font);
    text.legacy = found.get();
    if text.legacy.is_none() {
        // A few pages are enough for the statistics (reading them all would take
        // longer than reading the file).
        let mut sample = String::new();
        let lines = text.lines.iter().map(|l| l.text.as_str());
        for l in lines.chain(text.footnotes.iter().map(|f| f.1.as_str())) {
            if sample.len() >= DETECT_SAMPLE {
                break;
            }
            sample.push_str(l);
            sample.push('\n');
        }
        if let Some(enc) = legacy::detect_in_text(&sample) {
            // Runs with a character no legacy byte shows as are real Unicode.
            let whole = |_: Option<&str>, run: &str| {
                run.chars().all(is_byte_char).then(|| legacy::decode_text(run, enc))
            };
            text = parts.walk(&whole);
            text.legacy = Some(enc);
        }
    }
    Ok(text)
}

/// What is read from the streams before the text is walked.
struct Parts<'a> {
    table: &'a [u8],
    fib: Fib,
    text: Text,
    chpx: Runs<CharProps>,
    papx: Runs<ParaProps>,
    fonts: Vec<String>,
    styles: Styles,
    section_ends: Vec<u32>,
    refs: Vec<(u32, String)>,
    bounds: Vec<(String, u32, u32)>,
}

impl<'a> Parts<'a> {
    fn read(word: &'a [u8], table: &'a [u8]) -> Result<Parts<'a>, DocError> {
        let fib = Fib::read(word)?;
        let needed = fib
            .ccp_text
            .checked_add(fib.ccp_ftn)
            .ok_or(DocError::Damaged("độ dài văn bản vượt quá kích thước tệp"))?;
        let clx =
            table_bytes(table, fib.get(Table::Clx))?.ok_or(DocError::Damaged("thiếu bảng mảnh văn bản"))?;
        let text = Text::read(word, clx, needed)?;
        let chpx = table_bytes(table, fib.get(Table::PlcfBteChpx))?.map(|p| chpx_runs(word, p));
        let papx = table_bytes(table, fib.get(Table::PlcfBtePapx))?.map(|p| papx_runs(word, p));
        let fonts = table_bytes(table, fib.get(Table::SttbfFfn))?.map(font_names).unwrap_or_default();
        let styles = table_bytes(table, fib.get(Table::Stshf))?.map(Styles::read).unwrap_or_default();
        let section_ends = table_bytes(table, fib.get(Table::PlcfSed))?.map(section_ends).unwrap_or_default();
        let (refs, bounds) = read_notes(table, &fib)?;
        Ok(Parts {
            table,
            fib,
            text,
            chpx: chpx.unwrap_or_default(),
            papx: papx.unwrap_or_default(),
            fonts,
            styles,
            section_ends,
            refs,
            bounds,
        })
    }

    /// The lines and notes, with runs converted by `convert`.
    fn walk(&self, convert: Convert) -> DocText {
        let lst = self.fib.get(Table::PlfLst);
        let lists = (table_bytes(self.table, lst), table_bytes(self.table, self.fib.get(Table::PlfLfo)));
        let mut lists = match lists {
            (Ok(Some(l)), Ok(Some(f))) => Lists::read(self.table, l, lst.fc as usize + lst.lcb as usize, f),
            _ => Lists::default(),
        };
        let src = Sources {
            text: &self.text,
            chpx: &self.chpx,
            papx: &self.papx,
            styles: &self.styles,
            section_ends: &self.section_ends,
            fonts: &self.fonts,
            convert,
        };
        let Walked { lines, unlabelled, first_unlabelled, .. } =
            main_lines(&src, self.fib.ccp_text, &self.refs, &mut lists);
        let footnotes = footnotes(&src, &self.bounds);
        DocText { lines, footnotes, unlabelled: (unlabelled, first_unlabelled), legacy: None }
    }
}
