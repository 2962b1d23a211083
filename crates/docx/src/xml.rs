//! The OOXML we write, at the level of single elements: text escaping, run and
//! paragraph properties, runs, footnote marks and bodies, and unit conversions.
//! A leaf: it knows nothing of documents or layouts.

use banthao_core::profile::FormatProfile;

/// Text escaped for XML content and attribute values; C0 control characters other than
/// tab and newline are dropped.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => o.push(c),
        }
    }
    o
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
    format!(r#"<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>"#, rpr(st, font), esc(text))
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
