//! Word's automatic numbering (PlfLst, its LVLs, and PlfLfo in the table stream),
//! turned into the labels a reader sees, as the .docx reader does.

use crate::bytes::{slice, u16_at, u32_at};
use banthao_core::label::to_roman;
use std::collections::HashMap;

const LSTF: usize = 28;
const LVLF: usize = 28;
const LFO: usize = 16;
/// `nfc` of a bullet.
const BULLET: u8 = 23;

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    nfc: u8,
    /// The number text: code units below 9 stand for the number of that level.
    text: Vec<u16>,
}

/// The list definitions and the running counters.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// lsid → levels.
    lists: HashMap<i32, Vec<Level>>,
    /// ilfo - 1 → lsid, and the levels the override restarts: (level, start).
    overrides: Vec<(i32, Vec<(usize, i64)>)>,
    /// ilfo - 1 → whether the override has been used (its restarts applied).
    started: Vec<bool>,
    counters: HashMap<i32, [Option<i64>; 9]>,
}

/// Beyond this, letters (`zz…z`) would grow without bound: a hostile start value.
const MAX_LETTERS: i64 = 26 * 10;

fn letters(n: i64, upper: bool) -> String {
    if !(1..=MAX_LETTERS).contains(&n) {
        return n.to_string();
    }
    let n = (n - 1) as usize;
    let c = char::from(b'a' + (n % 26) as u8);
    let s: String = std::iter::repeat_n(c, n / 26 + 1).collect();
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

fn format_number(nfc: u8, n: i64) -> String {
    let roman = || to_roman(n.clamp(1, 3999) as u32);
    match nfc {
        1 => roman(),
        2 => roman().to_lowercase(),
        3 => letters(n, true),
        4 => letters(n, false),
        22 => format!("{n:02}"),
        0xFF => String::new(),
        _ => n.to_string(),
    }
}

/// One LVL at `at`; returns it and where the next one starts.
fn level(table: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = slice(table, at, LVLF)?;
    let start = i64::from(u32_at(lvlf, 0)? as i32);
    let nfc = lvlf[4];
    let cb_chpx = usize::from(lvlf[24]);
    let cb_papx = usize::from(lvlf[25]);
    let xst = at + LVLF + cb_chpx + cb_papx;
    let cch = usize::from(u16_at(table, xst)?);
    let text =
        slice(table, xst + 2, cch * 2)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    Some((Level { start, nfc, text }, xst + 2 + cch * 2))
}

impl Lists {
    /// Reads the lists: `lst` is PlfLst (its LVLs follow it at `lvl_at` in `table`),
    /// `lfo` is PlfLfo. What cannot be read is left out.
    pub(crate) fn read(table: &[u8], lst: &[u8], lvl_at: usize, lfo: &[u8]) -> Lists {
        let mut lists = Lists::default();
        let count = usize::from(u16_at(lst, 0).unwrap_or(0));
        let mut at = lvl_at;
        for i in 0..count {
            let Some(lstf) = slice(lst, 2 + i * LSTF, LSTF) else { break };
            let lsid = u32_at(lstf, 0).unwrap_or(0) as i32;
            let simple = lstf[26] & 1 != 0;
            let mut levels = Vec::new();
            for _ in 0..if simple { 1 } else { 9 } {
                let Some((l, next)) = level(table, at) else { break };
                levels.push(l);
                at = next;
            }
            lists.lists.insert(lsid, levels);
        }
        let n = u32_at(lfo, 0).unwrap_or(0) as usize;
        let mut levels = Vec::new();
        for i in 0..n {
            let (Some(lsid), Some(clfolvl)) = (u32_at(lfo, 4 + i * LFO), lfo.get(4 + i * LFO + 12)) else {
                break;
            };
            lists.overrides.push((lsid as i32, Vec::new()));
            levels.push(usize::from(*clfolvl));
        }
        lists.started = vec![false; lists.overrides.len()];
        // LFOData, one per LFO: a CP, then an LFOLVL per overridden level.
        let mut at = 4 + n.min(lists.overrides.len()) * LFO;
        'data: for (i, &count) in levels.iter().enumerate() {
            at += 4;
            for _ in 0..count {
                let (Some(start), Some(flags)) = (u32_at(lfo, at), u32_at(lfo, at + 4)) else { break 'data };
                at += 8;
                if flags & 0x10 != 0 {
                    lists.overrides[i].1.push(((flags & 0x0F) as usize, i64::from(start as i32)));
                }
                if flags & 0x20 != 0 {
                    let Some((_, next)) = level(lfo, at) else { break 'data };
                    at = next;
                }
            }
        }
        lists
    }

    /// Advances the counter of list override `ilfo` (1-based) at `ilvl` and returns
    /// the visible label (`II-`, `1.`, `a)`, `-`, `+`), or `None` when unknown.
    pub(crate) fn next_label(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        let i = usize::from(ilfo).checked_sub(1)?;
        let (lsid, restarts) = self.overrides.get(i)?;
        let lsid = *lsid;
        let levels = self.lists.get(&lsid)?;
        let counters = self.counters.entry(lsid).or_insert([None; 9]);
        // Word continues a list across overrides of the same list, unless one restarts it.
        if let Some(started) = self.started.get_mut(i).filter(|s| !**s) {
            *started = true;
            for &(l, start) in restarts {
                if l < 9 {
                    counters[l] = Some(start - 1);
                    for deeper in counters.iter_mut().skip(l + 1) {
                        *deeper = None;
                    }
                }
            }
        }
        let ilvl = usize::from(ilvl.min(8));
        let level = levels.get(ilvl)?;
        if level.nfc == BULLET {
            let text = String::from_utf16_lossy(&level.text);
            return Some(banthao_core::label::bullet_marker(&text, ilvl).to_string());
        }
        let value = counters[ilvl].map_or(level.start, |c| c + 1);
        counters[ilvl] = Some(value);
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let mut label = String::new();
        for &u in &level.text {
            match levels.get(usize::from(u)) {
                Some(lv) if u < 9 => {
                    let v = counters[usize::from(u)].unwrap_or(lv.start);
                    label.push_str(&format_number(lv.nfc, v));
                }
                _ => label.extend(char::decode_utf16([u]).map(|c| c.unwrap_or('\u{FFFD}'))),
            }
        }
        Some(label.trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_as_word_shows_them() {
        assert_eq!(format_number(1, 4), "IV");
        assert_eq!(format_number(4, 2), "b");
        assert_eq!(format_number(0, 12), "12");
        assert_eq!(format_number(22, 3), "03");
        assert_eq!(format_number(4, 28), "bb");
        assert_eq!(format_number(4, 2_000_000_000), "2000000000");
    }

    #[test]
    fn counters_restart_deeper_levels() {
        let mut l = Lists::default();
        let lv = |nfc, t: &str| Level { start: 1, nfc, text: t.encode_utf16().collect() };
        l.lists.insert(7, vec![lv(1, "\u{0}-"), lv(0, "\u{1}."), lv(4, "\u{2})")]);
        l.overrides.push((7, Vec::new()));
        l.overrides.push((7, vec![(1, 1)]));
        l.started = vec![false; 2];
        let labels: Vec<_> = [(1, 0), (1, 1), (1, 1), (1, 2), (1, 0), (1, 1)]
            .iter()
            .map(|&(f, v)| l.next_label(f, v))
            .collect();
        let want = ["I-", "1.", "2.", "a)", "II-", "1."];
        assert_eq!(labels, want.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>());
        // The second override of the same list restarts level 1 when first used (1.,
        // not 2.), then goes on with the list.
        assert_eq!(l.next_label(2, 1), Some("1.".to_string()));
        assert_eq!(l.next_label(2, 1), Some("2.".to_string()));
        assert_eq!(l.next_label(1, 0), Some("III-".to_string()));
        assert_eq!(l.next_label(3, 0), None);
    }
}
