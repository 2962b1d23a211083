//! Document model to .docx, laid out by a format profile: A4 with the profile's margins,
//! the header as a borderless two-column table, the centred title, the body numbered
//! from its structure, real Word footnotes (with `w:footnoteRef` marks and separator
//! notes), recipients and signature side by side, page numbers from page 2.

use crate::layout::{items_xml, Inline, Item, P};
use banthao_core::label::renumber;
use banthao_core::model::{AnchorPart, Document, Emphasis, Section};
use banthao_core::profile::FormatProfile;
use std::collections::BTreeMap;
use std::io::Write;

/// Things an export needs besides the document and the profile.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Creation time for the document properties (`2026-11-23T10:30:00Z`).
    pub created: String,
    /// Author for the document properties; the issuer when `None`.
    pub author: Option<String>,
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

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

fn twips_mm(mm: f32) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

fn half_points(pt: f32) -> i64 {
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
    if st.underline {
        p.push_str(r#"<w:u w:val="single"/>"#);
    }
    if st.size > 0.0 {
        let hp = half_points(st.size);
        p.push_str(&format!(r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#));
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

/// A text run, as layout.
pub(crate) fn run(text: &str, st: RunStyle, _font: &str) -> Vec<Inline> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(text.to_string(), st)]
    }
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

pub(crate) fn para(ps: ParaStyle, runs: &[Inline]) -> P {
    P { style: ps, inlines: runs.to_vec() }
}

fn centered() -> ParaStyle {
    ParaStyle { align: "center", ..ParaStyle::default() }
}

/// A footnote mark in the body.
pub(crate) fn note_ref(n: usize, font: &str, size: f32) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/><w:vertAlign w:val="superscript"/><w:sz w:val="{hp}"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>"#,
        f = esc(font),
        hp = half_points(size)
    )
}

/// Where footnote marks go: (part, section path, paragraph) → [(offset, footnote number)].
type NoteMap = BTreeMap<(u8, String, Option<usize>), Vec<(usize, usize)>>;

fn part_key(p: AnchorPart) -> u8 {
    match p {
        AnchorPart::Summary => 0,
        AnchorPart::Preamble => 1,
        AnchorPart::Section => 2,
        AnchorPart::Closing => 3,
    }
}

pub(crate) struct Writer<'a> {
    profile: &'a FormatProfile,
    notes: NoteMap,
    body: Vec<Item>,
}

impl Writer<'_> {
    fn font(&self) -> &str {
        &self.profile.font
    }

    fn body_para(&self) -> ParaStyle {
        let b = &self.profile.body;
        ParaStyle {
            align: "both",
            first_line_twips: twips_mm(b.first_line_indent_mm),
            before_twips: (b.space_before_pt * 20.0).round() as i64,
            after_twips: (b.space_after_pt * 20.0).round() as i64,
            line_240: (b.line_spacing * 240.0).round() as i64,
            ..ParaStyle::default()
        }
    }

    /// Runs for `text` with emphasis spans and footnote marks at their offsets.
    fn rich(
        &self,
        text: &str,
        base: RunStyle,
        spans: &[&Emphasis],
        notes: Option<&Vec<(usize, usize)>>,
    ) -> Vec<Inline> {
        let chars: Vec<char> = text.chars().collect();
        let mut cuts: Vec<usize> = vec![0, chars.len()];
        for s in spans {
            cuts.push(s.start.min(chars.len()));
            cuts.push(s.end.min(chars.len()));
        }
        if let Some(ns) = notes {
            cuts.extend(ns.iter().map(|(o, _)| (*o).min(chars.len())));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut out = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if let Some(ns) = notes {
                for (_, n) in ns.iter().filter(|(o, _)| (*o).min(chars.len()) == a) {
                    out.push(Inline::Note(*n));
                }
            }
            let inside: Vec<&&Emphasis> = spans.iter().filter(|s| s.start <= a && b <= s.end).collect();
            let st = base
                .bold(base.bold || inside.iter().any(|s| s.bold))
                .italic(base.italic || inside.iter().any(|s| s.italic));
            let piece: String = chars[a..b].iter().collect();
            out.extend(run(&piece, st, self.font()));
        }
        if let Some(ns) = notes {
            for (_, n) in ns.iter().filter(|(o, _)| *o >= chars.len()) {
                out.push(Inline::Note(*n));
            }
        }
        out
    }

    fn notes_at(
        &self,
        part: AnchorPart,
        section: &str,
        paragraph: Option<usize>,
    ) -> Option<&Vec<(usize, usize)>> {
        self.notes.get(&(part_key(part), section.to_string(), paragraph))
    }

    /// Writes section `s` (renumbered) whose original is `o` at `path` (as written).
    fn section(&mut self, s: &Section, o: &Section, path: &str, depth: usize) {
        let size = if depth == 0 { self.profile.sizes.heading } else { self.profile.sizes.body };
        let base = RunStyle::size(size);
        let label_style = base.bold(depth <= 1 || !s.title.is_empty());
        let title_spans: Vec<&Emphasis> = s.emphasis.iter().filter(|e| e.paragraph.is_none()).collect();
        let mut ps = self.body_para();
        if !s.title.is_empty() {
            // Keep a heading with what it heads; an empty scaffold heading heads nothing.
            ps.keep_next = !s.paragraphs.is_empty() || !s.children.is_empty();
            let title_style = match depth {
                0 | 1 => base.bold(true),
                _ => base.italic(true),
            };
            let runs = [
                run(&format!("{} ", s.label), label_style.italic(title_style.italic), self.font()),
                self.rich(
                    &s.title,
                    title_style,
                    &title_spans,
                    self.notes_at(AnchorPart::Section, path, None),
                ),
            ]
            .concat();
            self.body.push(Item::P(para(ps, &runs)));
        }
        for (i, p) in s.paragraphs.iter().enumerate() {
            let spans: Vec<&Emphasis> = s.emphasis.iter().filter(|e| e.paragraph == Some(i)).collect();
            let mut runs = Vec::new();
            if s.title.is_empty() && i == 0 {
                runs.extend(run(
                    &format!("{} ", s.label),
                    RunStyle::size(self.profile.sizes.body).bold(depth == 0),
                    self.font(),
                ));
            }
            runs.extend(self.rich(
                p,
                RunStyle::size(self.profile.sizes.body),
                &spans,
                self.notes_at(AnchorPart::Section, path, Some(i)),
            ));
            self.body.push(Item::P(para(self.body_para(), &runs)));
        }
        if s.title.is_empty() && s.paragraphs.is_empty() {
            self.body.push(Item::P(para(ps, &run(&s.label, label_style, self.font()))));
        }
        let segs = banthao_core::model::path_segments(&o.children);
        for ((c, oc), seg) in s.children.iter().zip(&o.children).zip(segs) {
            let p = format!("{path}.{seg}");
            self.section(c, oc, &p, depth + 1);
        }
    }
}

fn borderless_table(widths: (i64, i64), left: Vec<P>, right: Vec<P>) -> Item {
    Item::Table { widths, cells: [left, right] }
}

/// The number line in the profile's form (`Số 37-CTr/TU`, `Số: 123/KH-UBND`), keeping
/// the blank for the number in drafts.
fn number_line(doc: &Document, profile: &FormatProfile) -> Option<String> {
    let n = doc.number.as_ref()?;
    match (&n.type_abbr, &n.issuer_abbr) {
        (Some(t), Some(i))
            if i.contains("UBND")
                || i.contains("HĐND")
                || profile.kind == banthao_core::model::DocKind::State =>
        {
            Some(format!(
                "{}{}/{t}-{i}",
                profile.number_prefix,
                n.seq.clone().unwrap_or_else(|| "      ".into())
            ))
        }
        (Some(t), Some(i)) => Some(format!(
            "{}{}-{t}/{i}",
            profile.number_prefix,
            n.seq.clone().unwrap_or_else(|| "    ".into())
        )),
        _ => Some(n.raw.clone()),
    }
}

/// Splits a State issuer into its two lines (`ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`).
fn issuer_lines(issuer: &str) -> Vec<String> {
    for key in [" TỈNH ", " THÀNH PHỐ ", " HUYỆN ", " XÃ ", " PHƯỜNG "] {
        if let Some(at) = issuer.find(key) {
            if issuer[..at].contains("ỦY BAN")
                || issuer[..at].contains("UỶ BAN")
                || issuer[..at].contains("HỘI ĐỒNG")
            {
                return vec![issuer[..at].to_string(), issuer[at + 1..].to_string()];
            }
        }
    }
    vec![issuer.to_string()]
}

fn header_block(doc: &Document, profile: &FormatProfile, text_width: i64) -> Option<Item> {
    let f = profile.font.as_str();
    let sz = &profile.sizes;
    let party = profile.kind == banthao_core::model::DocKind::Party;
    let mut left: Vec<P> = Vec::new();
    if let Some(pb) = &doc.parent_body {
        left.push(para(centered(), &run(pb, RunStyle::size(sz.parent_body), f)));
    }
    if let Some(issuer) = &doc.issuer {
        // Under `ĐẢNG BỘ TỈNH X` the issuer is written `TỈNH ỦY`: the place is named above.
        let place = doc
            .parent_body
            .as_deref()
            .and_then(|pb| ["ĐẢNG BỘ TỈNH ", "ĐẢNG BỘ THÀNH PHỐ "].iter().find_map(|k| pb.strip_prefix(k)));
        let issuer = match place.and_then(|p| issuer.strip_suffix(p)) {
            Some(short) if party && !short.trim().is_empty() => short.trim().to_string(),
            _ => issuer.clone(),
        };
        for l in if party { vec![issuer] } else { issuer_lines(&issuer) } {
            left.push(para(centered(), &run(&l, RunStyle::size(sz.issuer).bold(true), f)));
        }
    }
    if profile.issuer_star {
        left.push(para(centered(), &run("*", RunStyle::size(sz.issuer), f)));
    } else if doc.issuer.is_some() {
        // A short rule under the issuer.
        left.push(para(
            ParaStyle { side_indent_twips: twips_mm(22.0), bottom_border: true, ..centered() },
            &run(" ", RunStyle::size(4.0), f),
        ));
    }
    if let Some(n) = number_line(doc, profile) {
        left.push(para(ParaStyle { before_twips: 60, ..centered() }, &run(&n, RunStyle::size(sz.number), f)));
    }
    if doc.draft {
        let marker = doc.draft_marker.clone().unwrap_or_else(|| "Dự thảo".into());
        left.push(para(
            ParaStyle { before_twips: 60, ..centered() },
            &run(&marker, RunStyle::size(sz.draft_marker).bold(true).italic(true), f),
        ));
    }
    let mut right: Vec<P> = Vec::new();
    let n_heading = doc.national_heading.len();
    for (i, h) in doc.national_heading.iter().enumerate() {
        // The rule under the national heading is drawn as an underline of the last line,
        // so it is exactly as long as the text.
        let last = i + 1 == n_heading && profile.national_heading_rule;
        let size = if i == 0 { sz.national_heading } else { sz.national_heading + 1.0 };
        right.push(para(centered(), &run(h, RunStyle::size(size).bold(true).underline(last), f)));
    }
    if let Some(pd) = &doc.place_date {
        right.push(para(
            ParaStyle { before_twips: 120, ..centered() },
            &run(&pd.raw, RunStyle::size(sz.place_date).italic(true), f),
        ));
    }
    if left.is_empty() && right.is_empty() {
        return None;
    }
    // The State heading (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) needs the wider right column.
    let lw = text_width * if party { 42 } else { 36 } / 100;
    Some(borderless_table((lw, text_width - lw), left, right))
}

fn tail_block(doc: &Document, profile: &FormatProfile, text_width: i64) -> Vec<Item> {
    let f = profile.font.as_str();
    let sz = &profile.sizes;
    let rs = &profile.recipients;
    let mut left: Vec<P> = Vec::new();
    if !doc.recipients.is_empty() {
        left.push(para(
            ParaStyle::default(),
            &run(
                &rs.heading,
                RunStyle::size(sz.recipients_heading)
                    .bold(rs.heading_bold)
                    .italic(rs.heading_italic)
                    .underline(rs.heading_underline),
                f,
            ),
        ));
        let n = doc.recipients.len();
        for (i, r) in doc.recipients.iter().enumerate() {
            let end = if i + 1 == n { &rs.last_end } else { &rs.item_end };
            left.push(para(
                ParaStyle::default(),
                &run(&format!("- {r}{end}"), RunStyle::size(sz.recipients), f),
            ));
        }
    }
    let mut right: Vec<P> = Vec::new();
    if let Some(s) = &doc.signature {
        let st = &profile.signature;
        let line =
            |t: &str, bold: bool| para(centered(), &run(t, RunStyle::size(sz.signature).bold(bold), f));
        for (t, b) in
            [(&s.authority, st.authority_bold), (&s.delegation, st.authority_bold), (&s.title, st.title_bold)]
        {
            if let Some(t) = t {
                right.push(line(t, b));
            }
        }
        for _ in 0..4 {
            right.push(para(centered(), &[]));
        }
        if let Some(name) = &s.name {
            right.push(line(name, st.name_bold));
        }
    }
    if left.is_empty() && right.is_empty() {
        return Vec::new();
    }
    let lw = text_width / 2;
    vec![
        Item::P(para(ParaStyle { before_twips: 240, ..ParaStyle::default() }, &[])),
        borderless_table((lw, text_width - lw), left, right),
    ]
}

pub(crate) fn footnote_xml(n: usize, text: &str, profile: &FormatProfile) -> String {
    let f = profile.font.as_str();
    let size = profile.sizes.footnote;
    format!(
        r#"<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:rFonts w:ascii="{f}" w:hAnsi="{f}"/><w:vertAlign w:val="superscript"/><w:sz w:val="{hp}"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>"#,
        run_xml(&format!(" {text}"), RunStyle::size(size), f),
        f = esc(f),
        hp = half_points(size)
    )
}

/// A document laid out: body items and footnotes (number, text).
pub(crate) struct Laid {
    pub items: Vec<Item>,
    pub footnotes: Vec<(usize, String)>,
}

/// Lays out a document; footnotes are numbered from `first_note`.
pub(crate) fn layout(doc: &Document, profile: &FormatProfile, first_note: usize) -> Laid {
    // Footnote anchors name sections by their paths as written; the body is printed
    // renumbered, so both trees are walked side by side.
    let original = doc;
    let mut doc = doc.clone();
    renumber(&mut doc.sections, &profile.numbering.roman_separator);

    // Footnote numbers in document order; anchors grouped by where they stand.
    let mut notes: NoteMap = BTreeMap::new();
    let mut footnotes = Vec::new();
    for (i, fnote) in doc.footnotes.iter().enumerate() {
        let n = first_note + i;
        footnotes.push((n, fnote.text.clone()));
        if let Some(a) = &fnote.anchor {
            let key = (part_key(a.part), a.section.clone().unwrap_or_default(), a.paragraph);
            notes.entry(key).or_default().push((a.offset, n));
        }
    }
    let p = profile;
    let text_width = twips_mm(p.paper.width_mm - p.margins_mm.left - p.margins_mm.right);
    let mut w = Writer { profile: p, notes, body: Vec::new() };
    let f = p.font.clone();

    w.body.extend(header_block(&doc, p, text_width));
    if let Some(t) = &doc.doc_type {
        w.body.push(Item::P(para(
            ParaStyle { before_twips: 360, keep_next: true, ..centered() },
            &run(t, RunStyle::size(p.sizes.doc_type).bold(true), &f),
        )));
    }
    if let Some(e) = &doc.doc_type_extra {
        w.body.push(Item::P(para(
            ParaStyle { keep_next: true, ..centered() },
            &run(e, RunStyle::size(p.sizes.doc_type - 1.0).bold(true), &f),
        )));
    }
    if let Some(s) = &doc.summary {
        let runs = w.rich(
            s,
            RunStyle::size(p.sizes.summary).bold(true),
            &[],
            w.notes_at(AnchorPart::Summary, "", None),
        );
        w.body.push(Item::P(para(ParaStyle { side_indent_twips: twips_mm(8.0), ..centered() }, &runs)));
    }
    if doc.doc_type.is_some() || doc.summary.is_some() {
        w.body.push(Item::P(para(
            ParaStyle { after_twips: 120, ..centered() },
            &run("-----", RunStyle::size(p.sizes.summary), &f),
        )));
    }
    for (i, pre) in doc.preamble.iter().enumerate() {
        let runs =
            w.rich(pre, RunStyle::size(p.sizes.body), &[], w.notes_at(AnchorPart::Preamble, "", Some(i)));
        let ps = w.body_para();
        w.body.push(Item::P(para(ps, &runs)));
    }
    let segs = banthao_core::model::path_segments(&original.sections);
    for ((s, o), seg) in doc.sections.iter().zip(&original.sections).zip(segs) {
        w.section(s, o, &seg, 0);
    }
    if let Some(c) = &doc.closing {
        let runs = w.rich(c, RunStyle::size(p.sizes.body), &[], w.notes_at(AnchorPart::Closing, "", None));
        let ps = w.body_para();
        w.body.push(Item::P(para(ps, &runs)));
    }
    w.body.extend(tail_block(&doc, p, text_width));
    Laid { items: w.body, footnotes }
}

/// Writes the document as .docx bytes.
pub fn write_docx(doc: &Document, profile: &FormatProfile, opts: &ExportOptions) -> Vec<u8> {
    let laid = layout(doc, profile, 1);
    let body = items_xml(&laid.items, profile);
    let notes: String = laid.footnotes.iter().map(|(n, t)| footnote_xml(*n, t, profile)).collect();
    package(&body, &notes, doc, profile, opts)
}

/// The .docx package around a body and footnotes.
pub(crate) fn package(
    body: &str,
    footnotes_body: &str,
    doc: &Document,
    profile: &FormatProfile,
    opts: &ExportOptions,
) -> Vec<u8> {
    let p = profile;
    let f = p.font.clone();
    let m = &p.margins_mm;
    let sect = format!(
        r#"<w:sectPr>{}<w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="567" w:footer="567" w:gutter="0"/>{}</w:sectPr>"#,
        if p.page_numbers.show {
            r#"<w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>"#
        } else {
            ""
        },
        twips_mm(p.paper.width_mm),
        twips_mm(p.paper.height_mm),
        twips_mm(m.top),
        twips_mm(m.right),
        twips_mm(m.bottom),
        twips_mm(m.left),
        if p.page_numbers.show && !p.page_numbers.first_page { "<w:titlePg/>" } else { "" }
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>"#
    );
    let page_number = |with_field: bool| {
        let field = if with_field {
            format!(
                r#"<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{r}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{r}<w:t>2</w:t></w:r><w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>"#,
                r = rpr(RunStyle::size(p.sizes.page_number), &f)
            )
        } else {
            String::new()
        };
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>{field}</w:p></w:hdr>"#
        )
    };
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{footnotes_body}</w:footnotes>"#
    );
    let title =
        [doc.doc_type.clone(), doc.summary.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let author = opts.author.clone().or_else(|| doc.issuer.clone()).unwrap_or_default();
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{c}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{c}</dcterms:modified></cp:coreProperties>"#,
        esc(&title),
        esc(&author),
        esc(&author),
        c = esc(&opts.created)
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/><w:sz w:val="{b}"/><w:szCs w:val="{b}"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="{fs}"/><w:szCs w:val="{fs}"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        f = esc(&f),
        b = half_points(p.sizes.body),
        fs = half_points(p.sizes.footnote)
    );
    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Bản thảo</Application></Properties>"#;

    let parts: [(&str, String); 11] = [
        ("[Content_Types].xml", content_types.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/_rels/document.xml.rels", doc_rels.to_string()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/footnotes.xml", footnotes),
        ("word/header1.xml", page_number(true)),
        ("word/header2.xml", page_number(false)),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app.to_string()),
    ];
    zip_parts(&parts)
}

/// Packs parts into a zip (deflated, fixed timestamps so output is reproducible).
pub(crate) fn zip_parts(parts: &[(&str, String)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, data) in parts {
            z.start_file(*name, opts).expect("zip entry in memory");
            z.write_all(data.as_bytes()).expect("zip write in memory");
        }
        z.finish().expect("zip finish in memory");
    }
    buf.into_inner()
}
