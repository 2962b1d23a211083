//! The presentation of a .docx as `banthao check` compares it with a profile: the
//! last section's paper and margins, and the font and size of the text, counted in
//! characters (run properties over the document defaults and the Normal style).

use crate::error::DocxError;
use crate::read::{Archive, MAX_PART_XML};
use crate::xml_read::{attr, decode_text, xml_err};
use banthao_core::check::FormatFacts;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

fn twips_to_mm(v: &str) -> Option<f32> {
    v.trim().parse::<f32>().ok().map(|t| (t * 25.4 / 1440.0 * 10.0).round() / 10.0)
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

/// Font and size (half-points) set by an `rFonts` or `sz` element.
fn run_prop(e: &BytesStart, font: &mut Option<String>, size: &mut Option<u32>) {
    match local(e.name().as_ref()) {
        b"rFonts" => {
            if let Some(f) = attr(e, b"ascii").or_else(|| attr(e, b"hAnsi")) {
                *font = Some(f);
            }
        }
        b"sz" => {
            if let Some(v) = attr(e, b"val").and_then(|v| v.parse().ok()) {
                *size = Some(v);
            }
        }
        _ => {}
    }
}

/// The defaults of `styles.xml`: document defaults, then the default paragraph style.
fn defaults(styles: &str) -> Result<(Option<String>, Option<u32>), DocxError> {
    let mut r = Reader::from_str(styles);
    let (mut font, mut size) = (None, None);
    let (mut in_defaults, mut in_normal) = (false, false);
    loop {
        match r.read_event().map_err(xml_err)? {
            Event::Start(e) | Event::Empty(e) => {
                let n = local(e.name().as_ref()).to_vec();
                match n.as_slice() {
                    b"docDefaults" => in_defaults = true,
                    b"style" => {
                        in_normal = attr(&e, b"default").as_deref() == Some("1")
                            && attr(&e, b"type").as_deref() == Some("paragraph")
                    }
                    _ if in_defaults || in_normal => run_prop(&e, &mut font, &mut size),
                    _ => {}
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"docDefaults" => in_defaults = false,
                b"style" => in_normal = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((font, size))
}

/// What a .docx says about its presentation.
pub fn docx_format(bytes: &[u8]) -> Result<FormatFacts, DocxError> {
    let mut archive = Archive::open(bytes)?;
    let document = archive.part("word/document.xml", MAX_PART_XML)?.ok_or(DocxError::NoDocument)?;
    let (def_font, def_size) = match archive.part("word/styles.xml", MAX_PART_XML)? {
        Some(s) => defaults(&s)?,
        None => (None, None),
    };
    let mut facts = FormatFacts::default();
    let mut fonts: HashMap<String, usize> = HashMap::new();
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    let mut r = Reader::from_str(&document);
    let (mut in_run, mut in_rpr, mut in_text) = (false, false, false);
    let (mut font, mut size): (Option<String>, Option<u32>) = (None, None);
    loop {
        match r.read_event().map_err(xml_err)? {
            Event::Start(e) => match local(e.name().as_ref()) {
                b"r" => {
                    in_run = true;
                    font = None;
                    size = None;
                }
                b"rPr" if in_run => in_rpr = true,
                b"t" if in_run => in_text = true,
                _ if in_rpr => run_prop(&e, &mut font, &mut size),
                _ => {}
            },
            Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_vec();
                match name.as_slice() {
                    b"pgSz" => {
                        let w = attr(&e, b"w").and_then(|v| twips_to_mm(&v));
                        let h = attr(&e, b"h").and_then(|v| twips_to_mm(&v));
                        facts.paper_mm = w.zip(h);
                    }
                    b"pgMar" => {
                        let m = |k: &[u8]| attr(&e, k).and_then(|v| twips_to_mm(&v));
                        if let (Some(t), Some(b), Some(l), Some(rt)) =
                            (m(b"top"), m(b"bottom"), m(b"left"), m(b"right"))
                        {
                            facts.margins_mm = Some([t.abs(), b.abs(), l, rt]);
                        }
                    }
                    _ if in_rpr => run_prop(&e, &mut font, &mut size),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let n = decode_text(&t)?.chars().filter(|c| !c.is_whitespace()).count();
                if let Some(f) = font.clone().or_else(|| def_font.clone()) {
                    *fonts.entry(f).or_default() += n;
                }
                if let Some(s) = size.or(def_size) {
                    *sizes.entry(s).or_default() += n;
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"r" => in_run = false,
                b"rPr" => in_rpr = false,
                b"t" => in_text = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let mut fonts: Vec<(String, usize)> = fonts.into_iter().filter(|(_, n)| *n > 0).collect();
    fonts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    facts.fonts = fonts;
    facts.body_size_pt = sizes.into_iter().max_by_key(|(s, n)| (*n, *s)).map(|(s, _)| s as f32 / 2.0);
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_reads_back_as_its_profile() {
        let doc = banthao_core::parse_text(
            "TỈNH ỦY LẠNG SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-CTr/TU\nLạng Sơn, ngày 05 tháng 3 năm 2024\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Quán triệt sâu sắc Nghị quyết trong toàn Đảng bộ tỉnh và các tầng lớp Nhân dân.\n",
        );
        let party = banthao_core::profile::FormatProfile::builtin("party").unwrap();
        let opts = crate::ExportOptions { created: "2026-01-01T00:00:00Z".into(), author: None };
        let facts = docx_format(&crate::write_docx(&doc, &party, &opts)).unwrap();
        assert_eq!(facts.paper_mm, Some((210.0, 297.0)));
        assert_eq!(facts.margins_mm, Some([20.0, 20.0, 30.0, 15.0]));
        assert_eq!(facts.fonts[0].0, "Times New Roman");
        assert_eq!(facts.body_size_pt, Some(14.0));
    }
}
