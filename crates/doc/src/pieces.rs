//! The text through the piece table (Clx → Pcdt → PlcPcd): 8-bit pieces (cp1252 with
//! Word's own specials) and UTF-16LE pieces, as UTF-16 code units indexed by CP.

use crate::bytes::{u16_at, u32_at, u8_at};
use crate::error::DocError;

/// One piece: CPs `cp..cp_end` stored from byte `fc` of `WordDocument`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    cp: u32,
    cp_end: u32,
    /// Byte offset in `WordDocument` of the piece's first character.
    fc: u32,
    compressed: bool,
}

/// The document's characters, indexed by CP, with the piece table to find where each
/// one is stored.
#[derive(Debug, Default)]
pub(crate) struct Text {
    /// UTF-16 code units, one per CP.
    pub units: Vec<u16>,
    pieces: Vec<Piece>,
}

/// Characters 0x80–0x9F of an 8-bit piece (MS-DOC 2.4.1); the others are Latin-1.
fn cp1252(b: u8) -> u16 {
    match b {
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9F => 0x0178,
        other => u16::from(other),
    }
}

/// Whether `c` is what an 8-bit piece shows for some byte: legacy-font text read as
/// Windows-1252 consists of such characters only.
pub(crate) fn is_byte_char(c: char) -> bool {
    let u = c as u32;
    u <= 0xFF || (0x80..=0x9F).any(|b| u32::from(cp1252(b)) == u)
}

/// The PlcPcd inside the Clx: skips the Prc records, returns the Pcdt's PlcPcd.
fn plc_pcd(clx: &[u8]) -> Result<&[u8], DocError> {
    let bad = DocError::Damaged("bảng mảnh văn bản (Clx)");
    let mut at = 0usize;
    loop {
        match u8_at(clx, at) {
            Some(0x01) => {
                let cb = u16_at(clx, at + 1).ok_or(bad.clone())?;
                at += 3 + usize::from(cb);
            }
            Some(0x02) => {
                let lcb = u32_at(clx, at + 1).ok_or(bad.clone())? as usize;
                let start = at + 5;
                return clx.get(start..start.checked_add(lcb).ok_or(bad.clone())?).ok_or(bad);
            }
            _ => return Err(bad),
        }
    }
}

impl Text {
    /// Reads the pieces of `clx` from `word`, up to CP `needed` (the end of the last
    /// story the reader wants).
    pub(crate) fn read(word: &[u8], clx: &[u8], needed: u32) -> Result<Text, DocError> {
        let bad = DocError::Damaged("bảng mảnh văn bản (Clx)");
        let plc = plc_pcd(clx)?;
        if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
            return Err(bad);
        }
        let n = (plc.len() - 4) / 12;
        // Every character takes at least one byte of the stream.
        if needed as usize > word.len() {
            return Err(DocError::Damaged("độ dài văn bản vượt quá kích thước tệp"));
        }
        let mut text = Text { units: Vec::with_capacity(needed as usize), pieces: Vec::with_capacity(n) };
        for i in 0..n {
            let cp = u32_at(plc, i * 4).ok_or(bad.clone())?;
            let cp_end = u32_at(plc, (i + 1) * 4).ok_or(bad.clone())?;
            let pcd = (n + 1) * 4 + i * 12;
            let raw = u32_at(plc, pcd + 2).ok_or(bad.clone())?;
            if cp_end < cp || cp as usize != text.units.len() {
                return Err(DocError::Damaged("bảng mảnh văn bản không liên tục"));
            }
            if cp >= needed {
                break;
            }
            let cp_end = cp_end.min(needed);
            let compressed = raw & 0x4000_0000 != 0;
            let fc = raw & 0x3FFF_FFFF;
            let (fc, width) = if compressed { (fc / 2, 1) } else { (fc, 2) };
            let count = (cp_end - cp) as usize;
            let bytes = crate::bytes::slice(word, fc as usize, count * width)
                .ok_or(DocError::Damaged("mảnh văn bản nằm ngoài luồng dữ liệu"))?;
            if compressed {
                text.units.extend(bytes.iter().map(|&b| cp1252(b)));
            } else {
                text.units.extend(bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])));
            }
            text.pieces.push(Piece { cp, cp_end, fc, compressed });
        }
        if text.units.len() < needed as usize {
            return Err(DocError::Damaged("văn bản ngắn hơn độ dài khai báo"));
        }
        Ok(text)
    }

    /// One UTF-16 piece stored from offset 0 (for tests of what reads the text).
    #[cfg(test)]
    pub(crate) fn from_units(units: Vec<u16>) -> Text {
        let cp_end = units.len() as u32;
        Text { units, pieces: vec![Piece { cp: 0, cp_end, fc: 0, compressed: false }] }
    }

    /// The byte offset in `WordDocument` where the character at `cp` is stored.
    pub(crate) fn fc_of(&self, cp: u32) -> Option<u32> {
        let i = self.pieces.partition_point(|p| p.cp_end <= cp);
        let p = self.pieces.get(i)?;
        if cp < p.cp {
            return None;
        }
        let width = if p.compressed { 1 } else { 2 };
        Some(p.fc + (cp - p.cp) * width)
    }
}
