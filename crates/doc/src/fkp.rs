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

/// What a character run says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CharProps {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Font (index into the font table), when the run names one.
    pub font: Option<u16>,
    /// A tracked deletion (dropped, as the .docx reader drops `w:del`).
    pub deleted: bool,
}

/// What a paragraph run says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ParaProps {
    /// List format override (1-based), 0 when not numbered.
    pub ilfo: u16,
    /// List level.
    pub ilvl: u8,
    /// The paragraph mark ends a table row.
    pub row_end: bool,
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

/// A toggle operand: 1 and 0x81 (opposite of the style, taken as on) are on.
fn toggle(op: &[u8]) -> bool {
    matches!(op.first(), Some(1) | Some(0x81))
}

fn char_props(grpprl: &[u8]) -> CharProps {
    let mut p = CharProps::default();
    let mut ftc2 = None;
    for (sprm, op) in sprms(grpprl) {
        match sprm {
            C_BOLD => p.bold = toggle(op),
            C_ITALIC => p.italic = toggle(op),
            C_DELETED => p.deleted = toggle(op),
            C_FTC0 | C_FTC_DEFAULT => p.font = u16_at(op, 0),
            C_FTC2 => ftc2 = u16_at(op, 0),
            _ => {}
        }
    }
    p.font = p.font.or(ftc2);
    p
}

fn para_props(grpprl: &[u8]) -> ParaProps {
    let mut p = ParaProps::default();
    for (sprm, op) in sprms(grpprl) {
        match sprm {
            P_ILFO => p.ilfo = u16_at(op, 0).unwrap_or(0),
            P_ILVL => p.ilvl = u8_at(op, 0).unwrap_or(0),
            P_TTP => p.row_end = op.first() == Some(&1),
            _ => {}
        }
    }
    p
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
                page.get(off + 1..(off + 1 + cb).min(PAGE)).map(char_props).unwrap_or_default()
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
            let props = page.get(start + 2..(start + len).min(PAGE)).map(para_props).unwrap_or_default();
            runs.push((fc, end, props));
        }
    }
    sorted(runs)
}
