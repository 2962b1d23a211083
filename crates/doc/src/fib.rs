//! The File Information Block at the start of the `WordDocument` stream: base checks,
//! the text lengths and where the tables are in the table stream.

use crate::bytes::{u16_at, u32_at};
use crate::error::DocError;

/// `wIdent` of a Word binary file.
const W_IDENT: u16 = 0xA5EC;
/// Word 97 and later write `nFib` 0x00C1 or more; Word 6/95 wrote 0x0065–0x0068.
const MIN_NFIB: u16 = 0x0069;

/// Where a structure is in the table stream: offset and size in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FcLcb {
    /// Offset.
    pub fc: u32,
    /// Size in bytes.
    pub lcb: u32,
}

/// Indices into `FibRgFcLcb97` (MS-DOC 2.5.6).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Stshf = 1,
    PlcffndRef = 2,
    PlcffndTxt = 3,
    PlcfSed = 6,
    PlcfBteChpx = 12,
    PlcfBtePapx = 13,
    SttbfFfn = 15,
    Clx = 33,
    PlfLst = 73,
    PlfLfo = 74,
}

/// What the reader needs from the FIB.
#[derive(Debug, Clone)]
pub(crate) struct Fib {
    /// Characters of the main document.
    pub ccp_text: u32,
    /// Characters of the footnote document.
    pub ccp_ftn: u32,
    /// The `FibRgFcLcb` pairs, as many as the file has.
    pairs: Vec<FcLcb>,
}

/// The FIB's `fWhichTblStm`: whether the table stream is `1Table`. Checks the base first.
pub(crate) fn which_table(word: &[u8]) -> Result<bool, DocError> {
    let flags = base_flags(word)?;
    Ok(flags & 0x0200 != 0)
}

/// Checks `FibBase` and returns its flags word.
fn base_flags(word: &[u8]) -> Result<u16, DocError> {
    let ident = u16_at(word, 0).ok_or(DocError::BadFib("quá ngắn"))?;
    if ident != W_IDENT {
        return Err(DocError::BadFib("sai mã nhận dạng"));
    }
    let nfib = u16_at(word, 2).ok_or(DocError::BadFib("quá ngắn"))?;
    let flags = u16_at(word, 0x0A).ok_or(DocError::BadFib("quá ngắn"))?;
    // fEncrypted or fObfuscated
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(DocError::Encrypted);
    }
    if nfib < MIN_NFIB && nfib != 0 {
        return Err(DocError::TooOld);
    }
    Ok(flags)
}

impl Fib {
    /// Reads the FIB from the start of `WordDocument`.
    pub(crate) fn read(word: &[u8]) -> Result<Fib, DocError> {
        base_flags(word)?;
        let short = DocError::BadFib("quá ngắn");
        let mut at = 32usize;
        let csw = usize::from(u16_at(word, at).ok_or(short.clone())?);
        at += 2 + csw * 2;
        let cslw = usize::from(u16_at(word, at).ok_or(short.clone())?);
        let rg_lw = at + 2;
        if cslw < 5 {
            return Err(DocError::BadFib("thiếu độ dài văn bản"));
        }
        let ccp_text = u32_at(word, rg_lw + 3 * 4).ok_or(short.clone())?;
        let ccp_ftn = u32_at(word, rg_lw + 4 * 4).ok_or(short.clone())?;
        at = rg_lw + cslw * 4;
        let count = usize::from(u16_at(word, at).ok_or(short)?);
        at += 2;
        let pairs = (0..count)
            .map_while(|i| {
                let fc = u32_at(word, at + i * 8)?;
                let lcb = u32_at(word, at + i * 8 + 4)?;
                Some(FcLcb { fc, lcb })
            })
            .collect();
        Ok(Fib { ccp_text, ccp_ftn, pairs })
    }

    /// Where `t` is in the table stream (zero size when the FIB does not have it).
    pub(crate) fn get(&self, t: Table) -> FcLcb {
        self.pairs.get(t as usize).copied().unwrap_or_default()
    }
}

/// The bytes of `at` in the table stream, or `None` when empty; an error when they
/// lie outside the stream.
pub(crate) fn table_bytes(table: &[u8], at: FcLcb) -> Result<Option<&[u8]>, DocError> {
    if at.lcb == 0 {
        return Ok(None);
    }
    crate::bytes::slice(table, at.fc as usize, at.lcb as usize)
        .map(Some)
        .ok_or(DocError::Damaged("bảng nằm ngoài luồng dữ liệu"))
}
