//! Composition: a document laid out by a format profile as [`Item`]s — the header as a
//! borderless two-column table, the centred title, the body numbered from its
//! structure with emphasis and footnote marks, recipients and signature side by side.
//! Pure: no XML, no packaging.

use crate::layout::{Inline, Item, P};
use crate::xml::{twips_mm, ParaStyle, RunStyle};
use banthao_core::label::renumber;
use banthao_core::model::{AnchorPart, Document, Emphasis, Section};
use banthao_core::profile::FormatProfile;
use std::collections::BTreeMap;

/// A text run, as layout.
fn run(text: &str, st: RunStyle) -> Vec<Inline> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(text.to_string(), st)]
    }
}

/// A paragraph of `runs`.
fn para(ps: ParaStyle, runs: &[Inline]) -> P {
    P { style: ps, inlines: runs.to_vec() }
}

fn centered() -> ParaStyle {
    ParaStyle { align: "center", ..ParaStyle::default() }
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

/// Builds the body items of one document.
struct Composer<'a> {
    profile: &'a FormatProfile,
    notes: NoteMap,
    body: Vec<Item>,
}

impl Composer<'_> {
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
            out.extend(run(&piece, st));
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
                run(&format!("{} ", s.label), label_style.italic(title_style.italic)),
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
            self.body.push(Item::P(para(ps, &run(&s.label, label_style))));
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
    let sz = &profile.sizes;
    let party = profile.kind == banthao_core::model::DocKind::Party;
    let mut left: Vec<P> = Vec::new();
    if let Some(pb) = &doc.parent_body {
        left.push(para(centered(), &run(pb, RunStyle::size(sz.parent_body))));
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
            left.push(para(centered(), &run(&l, RunStyle::size(sz.issuer).bold(true))));
        }
    }
    if profile.issuer_star {
        left.push(para(centered(), &run("*", RunStyle::size(sz.issuer))));
    } else if doc.issuer.is_some() {
        // A short rule under the issuer.
        left.push(para(
            ParaStyle { side_indent_twips: twips_mm(22.0), bottom_border: true, ..centered() },
            &run(" ", RunStyle::size(4.0)),
        ));
    }
    if let Some(n) = number_line(doc, profile) {
        left.push(para(ParaStyle { before_twips: 60, ..centered() }, &run(&n, RunStyle::size(sz.number))));
    }
    if doc.draft {
        let marker = doc.draft_marker.clone().unwrap_or_else(|| "Dự thảo".into());
        left.push(para(
            ParaStyle { before_twips: 60, ..centered() },
            &run(&marker, RunStyle::size(sz.draft_marker).bold(true).italic(true)),
        ));
    }
    let mut right: Vec<P> = Vec::new();
    let n_heading = doc.national_heading.len();
    for (i, h) in doc.national_heading.iter().enumerate() {
        // The rule under the national heading is drawn as an underline of the last line,
        // so it is exactly as long as the text.
        let last = i + 1 == n_heading && profile.national_heading_rule;
        let size = if i == 0 { sz.national_heading } else { sz.national_heading + 1.0 };
        right.push(para(centered(), &run(h, RunStyle::size(size).bold(true).underline(last))));
    }
    if let Some(pd) = &doc.place_date {
        right.push(para(
            ParaStyle { before_twips: 120, ..centered() },
            &run(&pd.raw, RunStyle::size(sz.place_date).italic(true)),
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
            ),
        ));
        let n = doc.recipients.len();
        for (i, r) in doc.recipients.iter().enumerate() {
            let end = if i + 1 == n { &rs.last_end } else { &rs.item_end };
            left.push(para(
                ParaStyle::default(),
                &run(&format!("- {r}{end}"), RunStyle::size(sz.recipients)),
            ));
        }
    }
    let mut right: Vec<P> = Vec::new();
    if let Some(s) = &doc.signature {
        let st = &profile.signature;
        let line = |t: &str, bold: bool| para(centered(), &run(t, RunStyle::size(sz.signature).bold(bold)));
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

/// A document laid out: body items and footnotes (number, text).
pub(crate) struct Laid {
    pub items: Vec<Item>,
    pub footnotes: Vec<(usize, String)>,
}

/// Lays out a document; footnotes are numbered from `first_note`.
pub(crate) fn compose(doc: &Document, profile: &FormatProfile, first_note: usize) -> Laid {
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
    let mut w = Composer { profile: p, notes, body: Vec::new() };

    w.body.extend(header_block(&doc, p, text_width));
    if let Some(t) = &doc.doc_type {
        w.body.push(Item::P(para(
            ParaStyle { before_twips: 360, keep_next: true, ..centered() },
            &run(t, RunStyle::size(p.sizes.doc_type).bold(true)),
        )));
    }
    if let Some(e) = &doc.doc_type_extra {
        w.body.push(Item::P(para(
            ParaStyle { keep_next: true, ..centered() },
            &run(e, RunStyle::size(p.sizes.doc_type - 1.0).bold(true)),
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
            &run("-----", RunStyle::size(p.sizes.summary)),
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
