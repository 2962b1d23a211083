//! The OOXML we write, at the level of single elements: text escaping, run and
//! paragraph properties, runs, footnote marks and bodies, and unit conversions.
//! A leaf: it knows nothing of documents or layouts.

use banthao_core::profile::FormatProfile;

/// Whether XML 1.0 allows `c` in a document (its `Char` production: tab, newline,
/// carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above). Surrogates cannot
/// occur in a Rust string.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text escaped for XML content and attribute values. Characters XML 1.0 forbids (C0
/// controls, U+FFFE, U+FFFF) are dropped, and so is the carriage return (a parser would
/// read it back as a newline).
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\r' => {}
            c if !xml_char(c) => {}
            c => o.push(c),
        }
    }
    o
}

/// The content of a run: text in `tag` elements (`w:t`, or `w:delText` in a deletion),
/// each tab as `w:tab` and each line break (`\n`, `\r\n` or `\r`) as `w:br`, so that
/// Word shows them instead of a space. Characters XML forbids are dropped.
pub(crate) fn run_content(text: &str, tag: &str) -> String {
    let mut out = String::new();
    let mut piece = String::new();
    let flush = |out: &mut String, piece: &mut String| {
        if !piece.is_empty() {
            out.push_str(&format!(r#"<w:{tag} xml:space="preserve">{}</w:{tag}>"#, esc(piece)));
            piece.clear();
        }
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => {
                flush(&mut out, &mut piece);
                out.push_str("<w:tab/>");
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                flush(&mut out, &mut piece);
                out.push_str("<w:br/>");
            }
            c if xml_char(c) => piece.push(c),
            _ => {}
        }
    }
    flush(&mut out, &mut piece);
    out
}

/// Millimetres to twentieths of a point.
pub(crate) fn twips_mm(mm: f32) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// Points to half-points (`w:sz`).
pub(crate) fn half_points(pt: f32) -> i64 {
    (pt * 2.0).round() as i64
}

/// Run formatting.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct RunStyle {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub size: f32,
}

impl RunStyle {
    pub(crate) fn size(size: f32) -> RunStyle {
        RunStyle { size, ..RunStyle::default() }
    }
    pub(crate) fn bold(mut self, b: bool) -> RunStyle {
        self.bold = b;
        self
    }
    pub(crate) fn italic(mut self, i: bool) -> RunStyle {
        self.italic = i;
        self
    }
    pub(crate) fn underline(mut self, u: bool) -> RunStyle {
        self.underline = u;
        self
    }
}

/// Run properties (`w:rPr`).
pub(crate) fn rpr(st: RunStyle, font: &str) -> String {
    let mut p = format!(
        r#"<w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/>"#,
        f = esc(font)
    );
    if st.bold {
        p.push_str("<w:b/><w:bCs/>");
    }
    if st.italic {
        p.push_str("<w:i/><w:iCs/>");
    }
    // EG_RPrBase orders sz and szCs before u.
    if st.size > 0.0 {
        let hp = half_points(st.size);
        p.push_str(&format!(r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#));
    }
    if st.underline {
        p.push_str(r#"<w:u w:val="single"/>"#);
    }
    p.push_str("</w:rPr>");
    p
}

/// XML of a text run.
pub(crate) fn run_xml(text: &str, st: RunStyle, font: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("<w:r>{}{}</w:r>", rpr(st, font), run_content(text, "t"))
}

/// Paragraph properties.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct ParaStyle {
    pub align: &'static str,
    pub first_line_twips: i64,
    pub before_twips: i64,
    pub after_twips: i64,
    pub line_240: i64,
    /// Left and right indent (for short rules).
    pub side_indent_twips: i64,
    pub bottom_border: bool,
    pub keep_next: bool,
}

/// Paragraph properties (`w:pPr`).
pub(crate) fn ppr(ps: ParaStyle) -> String {
    let mut p = String::from("<w:pPr>");
    if ps.keep_next {
        p.push_str("<w:keepNext/>");
    }
    if ps.bottom_border {
        p.push_str(r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#);
    }
    let line = if ps.line_240 > 0 { ps.line_240 } else { 240 };
    p.push_str(&format!(
        r#"<w:spacing w:before="{}" w:after="{}" w:line="{line}" w:lineRule="auto"/>"#,
        ps.before_twips, ps.after_twips
    ));
    if ps.first_line_twips > 0 || ps.side_indent_twips > 0 {
        p.push_str(&format!(
            r#"<w:ind w:left="{s}" w:right="{s}" w:firstLine="{}"/>"#,
            ps.first_line_twips,
            s = ps.side_indent_twips
        ));
    }
    if !ps.align.is_empty() {
        p.push_str(&format!(r#"<w:jc w:val="{}"/>"#, ps.align));
    }
    p.push_str("</w:pPr>");
    p
}

/// A footnote mark in the body.
pub(crate) fn note_ref(n: usize, font: &str, size: f32) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:sz w:val="{hp}"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>"#,
        f = esc(font),
        hp = half_points(size)
    )
}

/// A footnote body (`w:footnote`) with its `w:footnoteRef` mark.
pub(crate) fn footnote_xml(n: usize, text: &str, profile: &FormatProfile) -> String {
    let f = profile.font.as_str();
    let size = profile.sizes.footnote;
    format!(
        r#"<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:rFonts w:ascii="{f}" w:hAnsi="{f}"/><w:sz w:val="{hp}"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>"#,
        run_xml(&format!(" {text}"), RunStyle::size(size), f),
        f = esc(f),
        hp = half_points(size)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_drops_what_xml_forbids() {
        assert_eq!(esc("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d'");
        assert_eq!(esc("x\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}\ry"), "xy");
        // Allowed: tab, newline, the replacement character, astral planes, C1 controls.
        assert_eq!(esc("\t\n\u{FFFD}\u{10000}😀\u{85}"), "\t\n\u{FFFD}\u{10000}😀\u{85}");
    }

    #[test]
    fn tabs_and_line_breaks_are_run_content() {
        assert_eq!(
            run_content("a\tb\nc\r\nd\re", "t"),
            r#"<w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t><w:br/><w:t xml:space="preserve">e</w:t>"#
        );
        assert_eq!(run_content("\u{FFFF}\u{1}", "t"), "");
        assert_eq!(run_content("x&y", "delText"), r#"<w:delText xml:space="preserve">x&amp;y</w:delText>"#);
        let r = run_xml("a\tb", RunStyle::size(13.0), "Times New Roman");
        assert!(
            r.starts_with("<w:r><w:rPr>")
                && r.ends_with(r#"<w:tab/><w:t xml:space="preserve">b</w:t></w:r>"#)
        );
    }
}
