//! Character and paragraph properties from the formatted disk pages (FKPs) that
//! PlcBteChpx and PlcBtePapx point to: runs of stream offsets (FCs) with the few
//! properties the reader uses.

use crate::bytes::{u16_at, u32_at, u8_at};
use crate::sprm::sprms;

const PAGE: usize = 512;

/// `sprmCFBold`.
const C_BOLD: u16 = 0x0835;
/// `sprmCFItalic`.
const C_ITALIC: u16 = 0x0836;
/// `sprmCFRMarkDel`: deleted with change tracking on.
const C_DELETED: u16 = 0x0800;
/// `sprmCRgFtc0`: the font of ASCII characters.
const C_FTC0: u16 = 0x4A4F;
/// `sprmCRgFtc2`: the font of other characters.
const C_FTC2: u16 = 0x4A51;
/// `sprmCFtcDefault` (older writers).
const C_FTC_DEFAULT: u16 = 0x4A3D;
/// `sprmPIlfo`: the list a paragraph is numbered by (1-based; 0 none).
const P_ILFO: u16 = 0x460B;
/// `sprmPIlvl`: the list level.
const P_ILVL: u16 = 0x260A;
/// `sprmPFTtp`: the paragraph mark ends a table row.
const P_TTP: u16 = 0x2417;

/// `sprmCSymbol`: a character of a symbol font (dropped, as the .docx reader drops
/// `w:sym`).
const C_SYMBOL: u16 = 0x6A09;
/// `sprmCIstd`: the character style.
const C_STYLE: u16 = 0x4A30;

/// Character properties as resolved: what the reader uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Chars {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// A tracked deletion (dropped, as the .docx reader drops `w:del`).
    pub deleted: bool,
    /// Font (index into the font table).
    pub font: Option<u16>,
    /// A symbol-font character (Insert Symbol).
    pub symbol: bool,
}

/// Character properties as a grpprl writes them, to lay over a style's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CharProps {
    /// Toggle operands (0 off, 1 on, 0x80 as the style, 0x81 the opposite).
    bold: Option<u8>,
    italic: Option<u8>,
    deleted: Option<u8>,
    /// Font, when named.
    font: Option<u16>,
    /// Font of other characters (`sprmCRgFtc2`), used when no ASCII font is named.
    font_other: Option<u16>,
    /// Character style.
    pub style: Option<u16>,
    /// A symbol-font character.
    symbol: bool,
}

/// A toggle operand over the style's value.
fn toggle(op: Option<u8>, base: bool) -> bool {
    match op {
        Some(0) => false,
        Some(1) => true,
        Some(0x81) => !base,
        _ => base,
    }
}

impl CharProps {
    /// Reads the sprms of `grpprl` over these (later sprms win).
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, op) in sprms(grpprl) {
            match sprm {
                C_BOLD => self.bold = op.first().copied(),
                C_ITALIC => self.italic = op.first().copied(),
                C_DELETED => self.deleted = op.first().copied(),
                C_FTC0 | C_FTC_DEFAULT => self.font = u16_at(op, 0),
                C_FTC2 => self.font_other = u16_at(op, 0),
                C_STYLE => self.style = u16_at(op, 0),
                C_SYMBOL => self.symbol = true,
                _ => {}
            }
        }
    }

    /// These properties laid over `base`.
    pub(crate) fn over(&self, base: Chars) -> Chars {
        Chars {
            bold: toggle(self.bold, base.bold),
            italic: toggle(self.italic, base.italic),
            deleted: toggle(self.deleted, base.deleted),
            font: self.font.or(self.font_other).or(base.font),
            symbol: self.symbol,
        }
    }
}

/// Paragraph properties as a grpprl writes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ParaProps {
    /// Paragraph style (from the PAPX; 0, Normal, when absent).
    pub style: u16,
    /// List format override (1-based; 0 stops numbering), when set.
    pub ilfo: Option<u16>,
    /// List level, when set.
    pub ilvl: Option<u8>,
    /// The paragraph mark ends a table row.
    pub row_end: bool,
}

impl ParaProps {
    /// Reads the sprms of `grpprl` over these.
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for (sprm, op) in sprms(grpprl) {
            match sprm {
                P_ILFO => self.ilfo = u16_at(op, 0),
                P_ILVL => self.ilvl = u8_at(op, 0),
                P_TTP => self.row_end = op.first() == Some(&1),
                _ => {}
            }
        }
    }
}

/// Runs of stream offsets with their properties, sorted.
#[derive(Debug, Default)]
pub(crate) struct Runs<P> {
    runs: Vec<(u32, u32, P)>,
}

impl<P: Copy + Default> Runs<P> {
    /// Runs given directly (for tests of what reads them).
    #[cfg(test)]
    pub(crate) fn from_runs(runs: Vec<(u32, u32, P)>) -> Self {
        sorted(runs)
    }

    /// The properties of the character stored at `fc` (default when no run has it).
    pub(crate) fn at(&self, fc: u32) -> P {
        let i = self.runs.partition_point(|r| r.1 <= fc);
        match self.runs.get(i) {
            Some(&(start, _, p)) if start <= fc => p,
            _ => P::default(),
        }
    }
}

/// The FKP pages a PlcBte points to, in `word`; pages outside the stream are skipped.
fn pages<'a>(word: &'a [u8], plc: &[u8]) -> Vec<&'a [u8]> {
    if plc.len() < 4 {
        return Vec::new();
    }
    let n = (plc.len() - 4) / 8;
    (0..n)
        .filter_map(|i| u32_at(plc, (n + 1) * 4 + i * 4))
        .filter_map(|pn| crate::bytes::slice(word, (pn as usize & 0x3F_FFFF) * PAGE, PAGE))
        .collect()
}

/// Walks the runs of one FKP: `(fc, fc_end, the run's entry offset in the page)`.
fn page_runs(page: &[u8], entry_size: usize) -> Vec<(u32, u32, usize)> {
    let crun = usize::from(page[PAGE - 1]);
    let entries = 4 * (crun + 1);
    let mut out = Vec::with_capacity(crun);
    for i in 0..crun {
        let (Some(fc), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else { break };
        let Some(b) = u8_at(page, entries + i * entry_size) else { break };
        if end > fc {
            out.push((fc, end, usize::from(b) * 2));
        }
    }
    out
}

fn sorted<P>(mut runs: Vec<(u32, u32, P)>) -> Runs<P> {
    runs.sort_by_key(|r| r.0);
    Runs { runs }
}

/// Character runs from PlcBteChpx.
pub(crate) fn chpx_runs(word: &[u8], plc: &[u8]) -> Runs<CharProps> {
    let mut runs = Vec::new();
    for page in pages(word, plc) {
        for (fc, end, off) in page_runs(page, 1) {
            let props = if off == 0 {
                CharProps::default()
            } else {
                let cb = usize::from(page.get(off).copied().unwrap_or(0));
                let mut p = CharProps::default();
                p.apply(page.get(off + 1..(off + 1 + cb).min(PAGE)).unwrap_or(&[]));
                p
            };
            runs.push((fc, end, props));
        }
    }
    sorted(runs)
}

/// Paragraph runs from PlcBtePapx.
pub(crate) fn papx_runs(word: &[u8], plc: &[u8]) -> Runs<ParaProps> {
    let mut runs = Vec::new();
    for page in pages(word, plc) {
        for (fc, end, off) in page_runs(page, 13) {
            let Some(cb) = page.get(off).copied() else { continue };
            let (start, len) = if cb != 0 {
                (off + 1, usize::from(cb) * 2 - 1)
            } else {
                (off + 2, usize::from(page.get(off + 1).copied().unwrap_or(0)) * 2)
            };
            // The first two bytes are the paragraph style.
            let mut props = ParaProps { style: u16_at(page, start).unwrap_or(0), ..ParaProps::default() };
            props.apply(page.get(start + 2..(start + len).min(PAGE)).unwrap_or(&[]));
            runs.push((fc, end, props));
        }
    }
    sorted(runs)
}
