//! The style sheet (STSH): what paragraph and character styles give their text (fonts,
//! bold, italic, numbering), resolved through their `basedOn` chains, with the
//! document's default fonts at the bottom.

use crate::bytes::{slice, u16_at};
use crate::fkp::{CharProps, Chars, ParaProps};

/// `istdBase` of a style based on nothing.
const NO_BASE: u16 = 0x0FFF;
/// Longest `basedOn` chain followed (Word's own are a handful deep).
const MAX_DEPTH: usize = 32;
/// Style kinds (`stk`).
const PARAGRAPH: u16 = 1;
const CHARACTER: u16 = 2;

/// One style as written.
#[derive(Debug, Clone, Copy, Default)]
struct Std {
    kind: u16,
    base: u16,
    para: ParaProps,
    chars: CharProps,
}

/// Styles resolved through their chains.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    /// Paragraph styles: the character properties of their text and their numbering.
    paragraph: Vec<(Chars, Option<u16>, Option<u8>)>,
    /// Character styles, as written over their bases (resolved against a paragraph's
    /// properties when used).
    character: Vec<Vec<CharProps>>,
    /// The document's default font.
    default: Chars,
}

/// The UPXs of a style: `(size, bytes)` in order, each on an even offset.
fn upxs(std: &[u8], mut at: usize, count: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    for _ in 0..count {
        let Some(cb) = u16_at(std, at) else { break };
        let Some(upx) = slice(std, at + 2, usize::from(cb)) else { break };
        out.push(upx);
        at += 2 + usize::from(cb) + usize::from(cb) % 2;
    }
    out
}

fn read_std(std: &[u8], base_size: usize) -> Option<Std> {
    let kind = u16_at(std, 2)? & 0x000F;
    let base = u16_at(std, 2)? >> 4;
    let cupx = usize::from(u16_at(std, 4)? & 0x000F);
    let cch = usize::from(u16_at(std, base_size)?);
    let upx = upxs(std, base_size + 2 + cch * 2 + 2, cupx);
    let mut s = Std { kind, base, ..Std::default() };
    match kind {
        PARAGRAPH => {
            if let Some(p) = upx.first() {
                s.para.apply(p.get(2..).unwrap_or(&[]));
            }
            if let Some(c) = upx.get(1) {
                s.chars.apply(c);
            }
        }
        CHARACTER => {
            if let Some(c) = upx.first() {
                s.chars.apply(c);
            }
        }
        _ => {}
    }
    Some(s)
}

/// The chain of `istd` from the root down, at most [`MAX_DEPTH`] long (a cycle is cut
/// there).
fn chain(stds: &[Option<Std>], istd: u16) -> Vec<Std> {
    let mut out = Vec::new();
    let mut at = istd;
    while let Some(Some(s)) = stds.get(usize::from(at)) {
        if out.len() >= MAX_DEPTH {
            break;
        }
        out.push(*s);
        if s.base == NO_BASE {
            break;
        }
        at = s.base;
    }
    out.reverse();
    out
}

impl Styles {
    /// Reads the STSH; what cannot be read is left out.
    pub(crate) fn read(stsh: &[u8]) -> Styles {
        let mut styles = Styles::default();
        let Some(cb_stshi) = u16_at(stsh, 0) else { return styles };
        let stshi = 2usize;
        let count = usize::from(u16_at(stsh, stshi).unwrap_or(0));
        let base_size = usize::from(u16_at(stsh, stshi + 2).unwrap_or(10));
        // rgftcStandardChp: the default fonts (ASCII first).
        styles.default.font = u16_at(stsh, stshi + 12).filter(|_| cb_stshi >= 14);
        let mut at = stshi + usize::from(cb_stshi);
        let mut stds = Vec::with_capacity(count.min(stsh.len() / 2));
        for _ in 0..count {
            let Some(cb) = u16_at(stsh, at) else { break };
            let std = slice(stsh, at + 2, usize::from(cb));
            stds.push(std.filter(|s| !s.is_empty()).and_then(|s| read_std(s, base_size)));
            at += 2 + usize::from(cb);
        }
        for istd in 0..stds.len() {
            let chain = chain(&stds, istd as u16);
            let (mut chars, mut ilfo, mut ilvl) = (styles.default, None, None);
            let mut character = Vec::new();
            for s in &chain {
                chars = s.chars.over(chars);
                ilfo = s.para.ilfo.or(ilfo);
                ilvl = s.para.ilvl.or(ilvl);
                character.push(s.chars);
            }
            let is_para = chain.last().is_some_and(|s| s.kind == PARAGRAPH);
            styles.paragraph.push(if is_para { (chars, ilfo, ilvl) } else { (styles.default, None, None) });
            let is_char = chain.last().is_some_and(|s| s.kind == CHARACTER);
            styles.character.push(if is_char { character } else { Vec::new() });
        }
        styles
    }

    /// The character properties of the text of a paragraph in style `istd`.
    pub(crate) fn paragraph_chars(&self, istd: u16) -> Chars {
        self.paragraph.get(usize::from(istd)).map_or(self.default, |p| p.0)
    }

    /// The numbering of paragraph style `istd`: (ilfo, ilvl).
    pub(crate) fn numbering(&self, istd: u16) -> (Option<u16>, Option<u8>) {
        self.paragraph.get(usize::from(istd)).map_or((None, None), |p| (p.1, p.2))
    }

    /// The properties of a run written `direct` in a paragraph whose text has `base`.
    pub(crate) fn run_chars(&self, base: Chars, direct: CharProps) -> Chars {
        let mut chars = base;
        if let Some(chain) = direct.style.and_then(|s| self.character.get(usize::from(s))) {
            for c in chain {
                chars = c.over(chars);
            }
        }
        direct.over(chars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An STD of `kind` based on `base`, named `n`, with its UPXs.
    fn std(kind: u16, base: u16, upx: &[&[u8]]) -> Vec<u8> {
        let mut s = Vec::new();
        s.extend_from_slice(&0u16.to_le_bytes());
        s.extend_from_slice(&(kind | base << 4).to_le_bytes());
        s.extend_from_slice(&(upx.len() as u16).to_le_bytes());
        s.extend_from_slice(&[0; 4]);
        s.extend_from_slice(&1u16.to_le_bytes());
        s.extend_from_slice(&[b'n', 0, 0, 0]);
        for u in upx {
            s.extend_from_slice(&(u.len() as u16).to_le_bytes());
            s.extend_from_slice(u);
            if u.len() % 2 == 1 {
                s.push(0);
            }
        }
        s
    }

    fn stsh(stds: &[Vec<u8>]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&18u16.to_le_bytes());
        let mut stshi = vec![0u8; 18];
        stshi[0..2].copy_from_slice(&(stds.len() as u16).to_le_bytes());
        stshi[2..4].copy_from_slice(&10u16.to_le_bytes());
        stshi[12..14].copy_from_slice(&7u16.to_le_bytes());
        b.extend_from_slice(&stshi);
        for s in stds {
            b.extend_from_slice(&(s.len() as u16).to_le_bytes());
            b.extend_from_slice(s);
        }
        b
    }

    #[test]
    fn styles_resolve_through_their_bases() {
        // 0 Normal: font 3; 1 Heading (based on 0): bold, list 2 level 1;
        // 2 a character style: italic, font 5; 3 empty.
        let normal = std(PARAGRAPH, NO_BASE, &[&[0, 0], &[0x4F, 0x4A, 3, 0]]);
        let heading = std(PARAGRAPH, 0, &[&[1, 0, 0x0B, 0x46, 2, 0, 0x0A, 0x26, 1], &[0x35, 0x08, 1]]);
        let emphasis = std(CHARACTER, NO_BASE, &[&[0x36, 0x08, 1, 0x4F, 0x4A, 5, 0]]);
        let styles = Styles::read(&stsh(&[normal, heading, emphasis, Vec::new()]));
        let normal = styles.paragraph_chars(0);
        assert_eq!(normal, Chars { font: Some(3), ..Chars::default() });
        let heading = styles.paragraph_chars(1);
        assert_eq!(heading, Chars { bold: true, font: Some(3), ..Chars::default() });
        assert_eq!(styles.numbering(1), (Some(2), Some(1)));
        assert_eq!(styles.numbering(0), (None, None));
        // Unknown and empty styles give the defaults (font 7).
        assert_eq!(styles.paragraph_chars(3).font, Some(7));
        assert_eq!(styles.paragraph_chars(99).font, Some(7));
        // A run in the character style, bold turned to the opposite of the style's.
        let mut direct = CharProps::default();
        direct.apply(&[0x30, 0x4A, 2, 0, 0x35, 0x08, 0x81]);
        let run = styles.run_chars(heading, direct);
        assert_eq!(run, Chars { italic: true, font: Some(5), ..Chars::default() });
    }

    #[test]
    fn a_cycle_of_bases_ends() {
        let a = std(PARAGRAPH, 1, &[&[0, 0], &[0x35, 0x08, 1]]);
        let b = std(PARAGRAPH, 0, &[&[1, 0], &[0x36, 0x08, 1]]);
        let styles = Styles::read(&stsh(&[a, b]));
        assert!(styles.paragraph_chars(0).bold);
    }
}
