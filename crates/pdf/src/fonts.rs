//! Fonts as text needs them: how a string's bytes split into codes, the text of each
//! code, its advance width, and whether the face is bold or italic.

use crate::cmap::ToUnicode;
use crate::glyphs::{glyph_char, BaseEncoding};
use crate::objects::Objects;
use banthao_core::legacy::{self, LegacyFont};
use lopdf::{Dictionary, Object};
use std::collections::HashMap;

/// One character code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The text it stands for (may be empty, or several characters for a ligature).
    pub text: String,
    /// Advance width in text space units (thousandths of the font size).
    pub width: f32,
    /// A one-byte code 32, to which word spacing applies.
    pub is_space_code: bool,
}

/// A font of a page's resources.
#[derive(Debug, Clone)]
pub struct Font {
    two_byte: bool,
    to_unicode: Option<ToUnicode>,
    base: BaseEncoding,
    differences: HashMap<u8, char>,
    first_char: u32,
    widths: Vec<f32>,
    cid_single: HashMap<u32, f32>,
    cid_ranges: Vec<(u32, u32, f32)>,
    /// The ToUnicode map has code space ranges to cut codes by.
    spaced: bool,
    default_width: f32,
    /// Bold face (by name, weight or flags).
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// A pre-Unicode Vietnamese font (`.VnTime`, `VNI-Times`): its codes are legacy
    /// bytes, whatever its encoding or ToUnicode map says.
    pub legacy: Option<LegacyFont>,
}

impl Default for Font {
    fn default() -> Font {
        Font {
            two_byte: false,
            to_unicode: None,
            base: BaseEncoding::WinAnsi,
            differences: HashMap::new(),
            first_char: 0,
            widths: Vec::new(),
            cid_single: HashMap::new(),
            cid_ranges: Vec::new(),
            spaced: false,
            default_width: 500.0,
            bold: false,
            italic: false,
            legacy: None,
        }
    }
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

impl Font {
    /// Reads a font dictionary. Missing pieces fall back to sensible defaults.
    pub fn read(dict: &Dictionary, objects: &Objects) -> Font {
        let mut font = Font::default();
        let subtype = objects.name(dict, b"Subtype").unwrap_or_default();
        let base_font = objects.name(dict, b"BaseFont").unwrap_or_default();
        if let Some(stream) = objects.stream(dict, b"ToUnicode") {
            let map = ToUnicode::parse(&stream);
            if !map.is_empty() {
                font.to_unicode = Some(map);
            }
        }
        let mut descriptor = objects.dict(dict, b"FontDescriptor");
        if subtype == b"Type0" {
            font.two_byte = true;
            if let Some(lengths) = font.to_unicode.as_ref().map(ToUnicode::code_lengths) {
                if lengths == [1] {
                    font.two_byte = false;
                }
            }
            font.spaced = font.to_unicode.as_ref().is_some_and(|m| !m.code_lengths().is_empty());
            let desc = objects
                .array(dict, b"DescendantFonts")
                .and_then(|a| a.first())
                .and_then(|o| objects.as_dict(o));
            if let Some(cid) = desc {
                font.default_width = objects.get(cid, b"DW").and_then(num).unwrap_or(1000.0);
                (font.cid_single, font.cid_ranges) =
                    read_cid_widths(objects.array(cid, b"W").unwrap_or(&[]), objects);
                descriptor = objects.dict(cid, b"FontDescriptor");
            }
        } else {
            match objects.get(dict, b"Encoding") {
                Some(Object::Name(n)) => {
                    font.base = BaseEncoding::from_name(n).unwrap_or(BaseEncoding::WinAnsi)
                }
                Some(o) => {
                    if let Some(enc) = objects.as_dict(o) {
                        if let Some(n) = objects.name(enc, b"BaseEncoding") {
                            font.base = BaseEncoding::from_name(&n).unwrap_or(BaseEncoding::WinAnsi);
                        }
                        font.differences =
                            read_differences(objects.array(enc, b"Differences").unwrap_or(&[]));
                    }
                }
                None => {}
            }
            font.first_char = objects.get(dict, b"FirstChar").and_then(num).map_or(0, |f| f.max(0.0) as u32);
            font.widths = objects
                .array(dict, b"Widths")
                .unwrap_or(&[])
                .iter()
                .take(256)
                .map(|o| objects.deref(o).and_then(num).unwrap_or(0.0))
                .collect();
            font.default_width = standard_width(&base_font);
        }
        // A subset's name carries a tag: `ABCDEF+.VnTime`.
        let full = String::from_utf8_lossy(&base_font);
        let family = full.split_once('+').filter(|(tag, _)| tag.len() == 6).map_or(&*full, |(_, f)| f);
        font.legacy = legacy::font(family);
        let name = full.to_ascii_lowercase();
        let (mut weight, mut flags, mut angle) = (0.0, 0u32, 0.0);
        if let Some(d) = descriptor {
            weight = objects.get(d, b"FontWeight").and_then(num).unwrap_or(0.0);
            flags = objects.get(d, b"Flags").and_then(num).map_or(0, |f| f as u32);
            angle = objects.get(d, b"ItalicAngle").and_then(num).unwrap_or(0.0);
            if let Some(mw) = objects.get(d, b"MissingWidth").and_then(num).filter(|w| *w > 0.0) {
                font.default_width = mw;
            }
        }
        font.bold = name.contains("bold")
            || name.contains("black")
            || name.contains("heavy")
            || name.contains(",b")
            || weight >= 600.0
            || flags & (1 << 18) != 0;
        font.italic =
            name.contains("italic") || name.contains("oblique") || angle != 0.0 || flags & (1 << 6) != 0;
        font
    }

    /// Cuts `bytes` into glyphs.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let fallback = if self.two_byte { 2 } else { 1 };
            let n = match &self.to_unicode {
                Some(m) if self.spaced => m.code_len(&bytes[i..]).unwrap_or(fallback),
                _ => fallback,
            }
            .min(bytes.len() - i);
            let code = bytes[i..i + n].iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
            i += n;
            out.push(Glyph {
                text: self.text(code, n),
                width: self.width(code),
                is_space_code: n == 1 && code == 32,
            });
        }
        out
    }

    fn text(&self, code: u32, len: usize) -> String {
        if let Some(s) = self.to_unicode.as_ref().and_then(|m| m.get(code)) {
            return s;
        }
        if len == 1 {
            let b = code as u8;
            if let Some(c) = self.differences.get(&b).copied().or_else(|| self.base.char(b)) {
                return c.to_string();
            }
        }
        String::new()
    }

    fn width(&self, code: u32) -> f32 {
        if self.two_byte {
            if let Some(w) = self.cid_single.get(&code) {
                return *w;
            }
            return self
                .cid_ranges
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
                .map_or(self.default_width, |w| w.2);
        }
        code.checked_sub(self.first_char)
            .and_then(|k| self.widths.get(k as usize))
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }
}

/// Widths of the standard 14 fonts when a PDF gives none: an average is enough to
/// tell word gaps from letter gaps.
fn standard_width(base_font: &[u8]) -> f32 {
    if base_font.windows(7).any(|w| w.eq_ignore_ascii_case(b"courier")) {
        600.0
    } else {
        500.0
    }
}

fn read_differences(items: &[Object]) -> HashMap<u8, char> {
    let mut out = HashMap::new();
    let mut code: Option<i64> = None;
    for o in items.iter().take(512) {
        match o {
            Object::Integer(i) => code = Some(*i),
            Object::Name(n) => {
                if let Some(c) = code.filter(|c| (0..=255).contains(c)) {
                    if let Some(ch) = glyph_char(n) {
                        out.insert(c as u8, ch);
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
    out
}

type CidWidths = (HashMap<u32, f32>, Vec<(u32, u32, f32)>);

fn read_cid_widths(items: &[Object], objects: &Objects) -> CidWidths {
    let mut single = HashMap::new();
    let mut out = Vec::new();
    let mut i = 0;
    let as_u32 = |o: &Object| objects.deref(o).and_then(num).filter(|v| *v >= 0.0).map(|v| v as u32);
    while i < items.len() && out.len() + single.len() < 100_000 {
        let Some(first) = as_u32(&items[i]) else { break };
        match items.get(i + 1).and_then(|o| objects.deref(o)) {
            Some(Object::Array(ws)) => {
                for (k, w) in ws.iter().enumerate().take(65_536) {
                    let c = first.saturating_add(k as u32);
                    single.insert(c, objects.deref(w).and_then(num).unwrap_or(0.0));
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(w)) =
                    (num(o), items.get(i + 2).and_then(|o| objects.deref(o)).and_then(num))
                else {
                    break;
                };
                out.push((first, last.max(0.0) as u32, w));
                i += 3;
            }
            None => break,
        }
    }
    (single, out)
}
