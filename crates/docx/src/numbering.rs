//! Word automatic numbering (`word/numbering.xml`) and the numbering that paragraph
//! styles carry (`word/styles.xml`), turned into the labels a reader sees.

use crate::error::DocxError;
use crate::xml_read::attr;
use banthao_core::label::to_roman;
use banthao_core::legacy::{self, LegacyFont};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: String,
    text: String,
}

/// Numbering definitions and the running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level)
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    /// Counters per abstract numbering: Word continues a list across `numId`s that
    /// share a definition unless a start override restarts it.
    counters: HashMap<String, [Option<i64>; 9]>,
    started: Vec<String>,
}

fn letters(n: i64, upper: bool) -> String {
    if n < 1 {
        return n.to_string();
    }
    let n = n as usize - 1;
    let c = (b'a' + (n % 26) as u8) as char;
    let s: String = std::iter::repeat_n(c, n / 26 + 1).collect();
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

fn format_number(fmt: &str, n: i64) -> String {
    match fmt {
        "upperRoman" => to_roman(n.max(1) as u32),
        "lowerRoman" => to_roman(n.max(1) as u32).to_lowercase(),
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

impl Numbering {
    pub(crate) fn parse(xml: &str) -> Result<Numbering, DocxError> {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut cur_abstract: Option<(String, Vec<Level>)> = None;
        let mut cur_level: Option<usize> = None;
        let mut cur_num: Option<(String, String, HashMap<usize, i64>)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let ev = reader.read_event().map_err(|e| DocxError::Xml(e.to_string()))?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => cur_abstract = attr(e, b"abstractNumId").map(|id| (id, Vec::new())),
                    b"lvl" => {
                        let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0usize).min(8);
                        if let Some((_, levels)) = cur_abstract.as_mut() {
                            if levels.len() <= ilvl {
                                levels.resize(ilvl + 1, Level { start: 1, ..Level::default() });
                            }
                        }
                        cur_level = Some(ilvl);
                    }
                    b"start" => {
                        if let (Some((_, levels)), Some(l)) = (cur_abstract.as_mut(), cur_level) {
                            levels[l].start = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let (Some((_, levels)), Some(l)) = (cur_abstract.as_mut(), cur_level) {
                            levels[l].fmt = attr(e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, levels)), Some(l)) = (cur_abstract.as_mut(), cur_level) {
                            levels[l].text = attr(e, b"val").unwrap_or_default();
                        }
                    }
                    b"num" => cur_num = attr(e, b"numId").map(|id| (id, String::new(), HashMap::new())),
                    b"abstractNumId" => {
                        if let Some((_, a, _)) = cur_num.as_mut() {
                            *a = attr(e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => override_level = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
                    b"startOverride" => {
                        if let (Some((_, _, o)), Some(l)) = (cur_num.as_mut(), override_level) {
                            o.insert(l, attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1));
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => {
                        if let Some((id, levels)) = cur_abstract.take() {
                            n.abstracts.insert(id, levels);
                        }
                    }
                    b"lvl" => cur_level = None,
                    b"num" => {
                        if let Some((id, a, o)) = cur_num.take() {
                            n.nums.insert(id, (a, o));
                        }
                    }
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::DocType(_) => return Err(DocxError::Dtd),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// Advances the counter for `(num_id, ilvl)` and returns the visible label
    /// (`II.`, `1.`, `a)`, `-`, `+`), or `None` when the numbering is unknown or `0`.
    pub(crate) fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let (abs_id, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abs_id)?.clone();
        let ilvl = ilvl.min(8);
        let level = levels.get(ilvl)?.clone();
        let counters = self.counters.entry(abs_id.clone()).or_insert([None; 9]);
        if !self.started.iter().any(|s| s == num_id) {
            self.started.push(num_id.to_string());
            for (l, start) in &overrides {
                if *l < 9 {
                    counters[*l] = Some(start - 1);
                    for deeper in counters.iter_mut().skip(l + 1) {
                        *deeper = None;
                    }
                }
            }
        }
        if level.fmt == "bullet" {
            return Some(banthao_core::label::bullet_marker(&level.text, ilvl).to_string());
        }
        let value = counters[ilvl].map_or(level.start, |c| c + 1);
        counters[ilvl] = Some(value);
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let mut label = level.text.clone();
        for (l, lv) in levels.iter().enumerate().take(ilvl + 1) {
            let v = counters[l].unwrap_or(lv.start);
            label = label.replace(&format!("%{}", l + 1), &format_number(&lv.fmt, v));
        }
        Some(label.trim().to_string())
    }
}

/// A paragraph style, as far as numbering goes.
#[derive(Debug, Default)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    fonts: Fonts,
}

/// The fonts of `w:rFonts` that decide how a run's letters are drawn: `w:ascii` for
/// ASCII, `w:hAnsi` for the other characters (where legacy bytes shown as Latin-1 are).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fonts {
    ascii: Option<String>,
    hansi: Option<String>,
}

impl Fonts {
    /// The fonts a `w:rFonts` element names.
    pub(crate) fn of(e: &quick_xml::events::BytesStart) -> Fonts {
        Fonts { ascii: attr(e, b"ascii"), hansi: attr(e, b"hAnsi") }
    }

    /// These fonts, with what they leave unsaid taken from `parent`.
    fn over(&self, parent: &Fonts) -> Fonts {
        Fonts {
            ascii: self.ascii.clone().or_else(|| parent.ascii.clone()),
            hansi: self.hansi.clone().or_else(|| parent.hansi.clone()),
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, StyleDef>,
    /// The default paragraph style (`w:default="1"`, usually `Normal`).
    default_paragraph: Option<String>,
    /// The fonts of `w:docDefaults/w:rPrDefault`.
    defaults: Fonts,
    /// Each style's fonts through its `w:basedOn` chain, over the defaults.
    resolved: HashMap<String, Fonts>,
}

impl Styles {
    pub(crate) fn parse(xml: &str) -> Result<Styles, DocxError> {
        let mut s = Styles::default();
        let mut reader = Reader::from_str(xml);
        let mut cur: Option<(String, StyleDef)> = None;
        let mut in_defaults = false;
        loop {
            let ev = reader.read_event().map_err(|e| DocxError::Xml(e.to_string()))?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" => {
                        cur = attr(e, b"styleId").map(|id| (id, StyleDef::default()));
                        let default = matches!(attr(e, b"default").as_deref(), Some("1" | "true" | "on"));
                        if default && attr(e, b"type").as_deref() == Some("paragraph") {
                            s.default_paragraph = cur.as_ref().map(|(id, _)| id.clone());
                        }
                    }
                    b"rPrDefault" => in_defaults = matches!(ev, Event::Start(_)),
                    b"rFonts" if in_defaults => s.defaults = Fonts::of(e),
                    b"rFonts" => {
                        if let Some((_, d)) = cur.as_mut() {
                            d.fonts = Fonts::of(e);
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, d)) = cur.as_mut() {
                            d.based_on = attr(e, b"val");
                        }
                    }
                    b"numId" => {
                        if let Some((_, d)) = cur.as_mut() {
                            d.num_id = attr(e, b"val");
                        }
                    }
                    b"ilvl" => {
                        if let Some((_, d)) = cur.as_mut() {
                            d.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, def)) = cur.take() {
                        s.styles.insert(id, def);
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"rPrDefault" => in_defaults = false,
                Event::DocType(_) => return Err(DocxError::Dtd),
                Event::Eof => break,
                _ => {}
            }
        }
        s.resolved = s.styles.keys().map(|id| (id.clone(), s.chain_fonts(id))).collect();
        Ok(s)
    }

    /// A style's fonts through its `w:basedOn` chain, over the document defaults.
    fn chain_fonts(&self, style: &str) -> Fonts {
        let mut fonts = Fonts::default();
        let mut id = style.to_string();
        for _ in 0..16 {
            let Some(def) = self.styles.get(&id) else { break };
            fonts = fonts.over(&def.fonts);
            match &def.based_on {
                Some(b) => id = b.clone(),
                None => break,
            }
        }
        fonts.over(&self.defaults)
    }

    /// The legacy font a run is drawn in, if any: its own `w:rFonts`, then its
    /// character style's, then its paragraph style's (the default paragraph style when
    /// it names none), then the document defaults.
    pub(crate) fn legacy_font(
        &self,
        run: &Fonts,
        run_style: Option<&str>,
        para_style: Option<&str>,
    ) -> Option<LegacyFont> {
        let para = para_style.or(self.default_paragraph.as_deref()).and_then(|s| self.resolved.get(s));
        let char_style = run_style.and_then(|s| self.styles.get(s)).map(|d| &d.fonts);
        let pick = |f: fn(&Fonts) -> Option<&String>| {
            f(run)
                .or_else(|| char_style.and_then(f))
                .or_else(|| para.and_then(f))
                .or_else(|| f(&self.defaults))
        };
        // Legacy bytes are not ASCII: the hAnsi font draws them.
        match pick(|f| f.hansi.as_ref()) {
            Some(h) => legacy::font(h),
            None => pick(|f| f.ascii.as_ref()).and_then(|a| legacy::font(a)),
        }
    }

    pub(crate) fn numbering_of(&self, style: &str) -> Option<(String, usize)> {
        let mut id = style.to_string();
        for _ in 0..16 {
            let def = self.styles.get(&id)?;
            if let Some(n) = &def.num_id {
                return (n != "0").then(|| (n.clone(), def.ilvl.unwrap_or(0)));
            }
            id = def.based_on.clone()?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1-"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn labels_follow_levels() {
        let mut n = Numbering::parse(NUMBERING).unwrap();
        let got: Vec<String> =
            [(0, "2"), (1, "2"), (1, "2"), (2, "2"), (2, "2"), (0, "2"), (1, "2"), (0, "3"), (1, "3")]
                .iter()
                .map(|(l, id)| n.next_label(id, *l).unwrap())
                .collect();
        assert_eq!(got, vec!["I-", "1.", "2.", "2.1.", "2.2.", "II-", "1.", "-", "+"]);
    }

    #[test]
    fn fonts_come_from_the_run_the_styles_and_the_defaults() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="w">
              <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
              <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>
                <w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>
              <w:style w:type="paragraph" w:styleId="Unicode"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:style>
              <w:style w:type="character" w:styleId="Vni"><w:rPr><w:rFonts w:hAnsi="VNI-Times"/></w:rPr></w:style>
            </w:styles>"#,
        )
        .unwrap();
        let none = Fonts::default();
        let enc = |f: Option<LegacyFont>| f.map(|f| (f.encoding, f.capitals));
        use banthao_core::legacy::Encoding::{Tcvn3, Vni};
        assert_eq!(enc(styles.legacy_font(&none, None, None)), Some((Tcvn3, false)));
        assert_eq!(enc(styles.legacy_font(&none, None, Some("Heading2"))), Some((Tcvn3, true)));
        assert_eq!(enc(styles.legacy_font(&none, None, Some("Unicode"))), None);
        assert_eq!(enc(styles.legacy_font(&none, Some("Vni"), Some("Unicode"))), Some((Vni, false)));
        let tnr = Fonts { ascii: Some("Times New Roman".into()), hansi: Some("Times New Roman".into()) };
        assert_eq!(enc(styles.legacy_font(&tnr, None, Some("Heading1"))), None);
        let ascii_only = Fonts { ascii: Some("Arial".into()), hansi: None };
        assert_eq!(enc(styles.legacy_font(&ascii_only, None, None)), Some((Tcvn3, false)));
    }
}
