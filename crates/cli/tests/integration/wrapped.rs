//! Text extracted from PDF (hard-wrapped lines, blank lines between them, numbers broken
//! at a hyphen, footnotes as superscripts) must give the same structure as the clean text.

use crate::util::{fixture, shape};
use regex::Regex;

fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    let mut cur = String::new();
    for w in line.split_whitespace() {
        if cur.chars().count() + 1 + w.chars().count() <= width || cur.is_empty() {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
            continue;
        }
        // PDF extraction breaks `45-NQ/TW` after the hyphen when it straddles the margin.
        if let Some((head, tail)) = w.split_once('-').filter(|(h, t)| !h.is_empty() && !t.is_empty()) {
            if cur.chars().count() + 2 + head.chars().count() <= width {
                out.push(format!("{cur} {head}- "));
                cur = tail.to_string();
                continue;
            }
        }
        out.push(format!("{cur} "));
        cur = w.to_string();
    }
    if !cur.is_empty() {
        out.push(format!("{cur} "));
    }
}

/// The clean text as a PDF extraction would give it.
fn pdf_like(text: &str, width: usize) -> String {
    let bookmark = Regex::new(r"\[bookmark:[^\]]*\]").unwrap();
    let note_ref = Regex::new(r"\[footnoteRef:(\d+)\]").unwrap();
    let note_body = Regex::new(r"\[(\d+):\s*((?:[^\[\]]|\[[^\]]*\])*)\]").unwrap();
    let sup = |n: &str| {
        n.chars()
            .map(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().nth(c.to_digit(10).unwrap() as usize).unwrap())
            .collect::<String>()
    };
    let mut out = Vec::new();
    for line in text.lines() {
        // Columns side by side come out separated by wide gaps.
        let line = bookmark.replace_all(line, "").replace('\t', "        ").replace('*', " ");
        let notes: Vec<(String, String)> =
            note_body.captures_iter(&line).map(|c| (c[1].to_string(), c[2].trim().to_string())).collect();
        let line = note_body.replace_all(&line, "");
        let line = note_ref.replace_all(&line, |c: &regex::Captures| sup(&c[1]));
        let mut lines = Vec::new();
        if line.contains("        ") {
            lines.push(line.to_string()); // a row of columns is laid out, not wrapped
        } else {
            wrap_line(&line, width, &mut lines);
        }
        for (n, t) in notes {
            wrap_line(&format!("{} {t}", sup(&n)), width, &mut lines);
        }
        for l in lines {
            out.push(l);
            out.push(String::new());
        }
    }
    out.join("\n")
}

fn assert_same(name: &str, clean: &str, wrapped: &str) {
    let a = shape(&banthao_core::parse_text(clean), true);
    let b = shape(&banthao_core::parse_text(wrapped), true);
    crate::util::assert_same_shape(&format!("{name}: PDF-wrapped text reads differently"), &a, &b);
}

#[test]
fn committed_pdf_wrapped_variant_reads_like_the_original() {
    let clean = std::fs::read_to_string(fixture("ha-giang_ctr_tinh-uy_du-thao_2024.txt")).unwrap();
    let wrapped =
        std::fs::read_to_string(fixture("ha-giang_ctr_tinh-uy_du-thao_2024_pdf-wrapped.txt")).unwrap();
    assert_same("ha-giang (committed variant)", &clean, &wrapped);
}

#[test]
fn every_clean_text_fixture_survives_pdf_wrapping() {
    for name in [
        "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
        "cao-bang_kh_ban-thuong-vu.txt",
        "synth_ha-tinh_kh_ubnd.txt",
    ] {
        let clean = std::fs::read_to_string(fixture(name)).unwrap();
        // Typical widths of A4 text at 13-14 pt. (A one-line heading that nearly fills
        // the line, followed by an unindented capitalised paragraph, cannot be told
        // from prose; such widths are not claimed.)
        for width in [66, 72, 80] {
            assert_same(&format!("{name} at {width} columns"), &clean, &pdf_like(&clean, width));
        }
    }
}
