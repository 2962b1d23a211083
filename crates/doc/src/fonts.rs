//! The font table (SttbfFfn): font names by index, as character runs name them.

use crate::bytes::{u16_at, u8_at};

/// Where the name starts in an FFN record, counted from its size byte.
const NAME_AT: usize = 40;

/// Font names by index (`ftc`); a damaged table gives what could be read.
pub(crate) fn font_names(sttb: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let Some(first) = u16_at(sttb, 0) else { return names };
    // An extended STTB starts with 0xFFFF; the font table is not extended.
    let (count, mut at) = if first == 0xFFFF { (u16_at(sttb, 2).unwrap_or(0), 6) } else { (first, 4) };
    for _ in 0..count {
        let Some(cb) = u8_at(sttb, at) else { break };
        let end = at + 1 + usize::from(cb);
        let record = sttb.get(at..end.min(sttb.len())).unwrap_or(&[]);
        let units: Vec<u16> = record
            .get(NAME_AT..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|&u| u != 0)
            .collect();
        names.push(String::from_utf16_lossy(&units));
        at = end;
    }
    names
}
