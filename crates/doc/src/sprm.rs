//! Property modifiers (Sprm): a grpprl walked into `(sprm, operand)` pairs.

use crate::bytes::{u16_at, u8_at};

/// `sprmTDefTable`: a two-byte size.
const TDEF_TABLE: u16 = 0xD608;
/// `sprmPChgTabs`: a size of 255 means a longer layout.
const CHG_TABS: u16 = 0xC615;

/// Iterates over the sprms of a grpprl; stops at the first one that does not fit.
pub(crate) struct Sprms<'a> {
    grpprl: &'a [u8],
    at: usize,
}

/// The sprms of `grpprl`.
pub(crate) fn sprms(grpprl: &[u8]) -> Sprms<'_> {
    Sprms { grpprl, at: 0 }
}

/// Size of the operand of `sprm` whose bytes start at `at` in `b`.
fn operand_len(sprm: u16, b: &[u8], at: usize) -> Option<usize> {
    Some(match sprm >> 13 {
        0 | 1 => 1,
        2 | 4 | 5 => 2,
        3 => 4,
        7 => 3,
        _ => match sprm {
            TDEF_TABLE => usize::from(u16_at(b, at)?) + 1,
            CHG_TABS if u8_at(b, at)? == 255 => {
                let del = usize::from(u8_at(b, at + 1)?);
                let add_at = at + 2 + del * 4;
                let add = usize::from(u8_at(b, add_at)?);
                add_at - at + 1 + add * 3
            }
            _ => usize::from(u8_at(b, at)?) + 1,
        },
    })
}

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let sprm = u16_at(self.grpprl, self.at)?;
        let start = self.at + 2;
        let len = operand_len(sprm, self.grpprl, start)?;
        let operand = crate::bytes::slice(self.grpprl, start, len)?;
        self.at = start + len;
        Some((sprm, operand))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_fixed_and_variable_operands() {
        // sprmCFBold 1, sprmCRgFtc0 3, a variable sprm of 2 bytes, sprmPIlfo 1
        let g = [0x35, 0x08, 1, 0x4F, 0x4A, 3, 0, 0x00, 0xC6, 2, 9, 9, 0x0B, 0x46, 1, 0];
        let all: Vec<_> = sprms(&g).collect();
        assert_eq!(all.len(), 4);
        assert_eq!(all[0], (0x0835, &[1u8][..]));
        assert_eq!(all[1], (0x4A4F, &[3u8, 0][..]));
        assert_eq!(all[2].1.len(), 3);
        assert_eq!(all[3], (0x460B, &[1u8, 0][..]));
        // truncated: stops
        assert_eq!(sprms(&g[..5]).count(), 1);
    }
}
