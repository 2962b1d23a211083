//! A .doc read into lines and footnote bodies, and from there into a document.

use crate::cfb::read_streams;
use crate::error::DocError;
use crate::fib::{table_bytes, which_table, Fib, Table};
use crate::fkp::{chpx_runs, papx_runs};
use crate::fonts::font_names;
use crate::lists::Lists;
use crate::pieces::Text;
use crate::text::{footnotes, main_lines, Sources, Walked};
use banthao_core::model::Diagnostic;
use banthao_core::source::Line;
use banthao_core::{Document, ReadError};

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
    /// Text runs converted from a legacy Vietnamese font.
    pub converted_runs: usize,
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
    if text.converted_runs > 0 {
        doc.diagnostics.push(Diagnostic {
            code: "legacy-encoding".to_string(),
            message: "Văn bản dùng phông chữ bảng mã cũ (TCVN3/VNI); đã chuyển sang Unicode.".to_string(),
            line: None,
        });
    }
    Ok(doc)
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

/// The lines and the footnote bodies of a .doc, before parsing.
pub fn doc_text(bytes: &[u8]) -> Result<DocText, DocError> {
    doc_text_with(bytes, &|_, _| None)
}

/// [`doc_text`] with a conversion of legacy-font runs.
fn doc_text_with(bytes: &[u8], convert: crate::text::Convert) -> Result<DocText, DocError> {
    let streams = read_streams(bytes, which_table)?;
    let (word, table) = (&streams.word[..], &streams.table[..]);
    let fib = Fib::read(word)?;
    let needed = fib
        .ccp_text
        .checked_add(fib.ccp_ftn)
        .ok_or(DocError::Damaged("độ dài văn bản vượt quá kích thước tệp"))?;
    let clx = table_bytes(table, fib.get(Table::Clx))?.ok_or(DocError::Damaged("thiếu bảng mảnh văn bản"))?;
    let text = Text::read(word, clx, needed)?;
    let chpx = table_bytes(table, fib.get(Table::PlcfBteChpx))?.map(|p| chpx_runs(word, p));
    let papx = table_bytes(table, fib.get(Table::PlcfBtePapx))?.map(|p| papx_runs(word, p));
    let (chpx, papx) = (chpx.unwrap_or_default(), papx.unwrap_or_default());
    let fonts = table_bytes(table, fib.get(Table::SttbfFfn))?.map(font_names).unwrap_or_default();
    let lst = fib.get(Table::PlfLst);
    let mut lists = match (table_bytes(table, lst)?, table_bytes(table, fib.get(Table::PlfLfo))?) {
        (Some(l), Some(f)) => Lists::read(table, l, lst.fc as usize + lst.lcb as usize, f),
        _ => Lists::default(),
    };
    let (refs, bounds) = read_notes(table, &fib)?;
    let src = Sources { text: &text, chpx: &chpx, papx: &papx, fonts: &fonts, convert };
    let Walked { lines, unlabelled, first_unlabelled, converted_runs, .. } =
        main_lines(&src, fib.ccp_text, &refs, &mut lists);
    let (notes, converted_notes) = footnotes(&src, &bounds);
    Ok(DocText {
        lines,
        footnotes: notes,
        unlabelled: (unlabelled, first_unlabelled),
        converted_runs: converted_runs + converted_notes,
    })
}
