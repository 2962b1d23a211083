//! Layout: paragraphs of runs and two-column tables, the form a document takes between
//! composition (`compose.rs`) and OOXML, and the XML of these items, with the
//! tracked-change wrappers the redline needs. Export serialises one layout; the
//! redline merges two.

use crate::xml::{esc, note_ref, ppr, rpr, run_content, run_xml, ParaStyle, RunStyle};
use banthao_core::profile::FormatProfile;

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text with its run formatting.
    Text(String, RunStyle),
    /// A footnote mark (footnote number).
    Note(usize),
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct P {
    pub style: ParaStyle,
    pub inlines: Vec<Inline>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    P(P),
    /// A borderless two-column table of one row (header; recipients and signature).
    Table {
        widths: (i64, i64),
        cells: [Vec<P>; 2],
    },
}

/// How a paragraph or a run is tracked in a redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Track {
    None,
    Insert,
    Delete,
}

/// Writes tracked-change wrappers with unique ids.
pub(crate) struct Changes {
    pub author: String,
    pub date: String,
    pub next_id: usize,
}

impl Changes {
    fn attrs(&mut self) -> String {
        self.next_id += 1;
        format!(r#"w:id="{}" w:author="{}" w:date="{}""#, self.next_id, esc(&self.author), esc(&self.date))
    }
}

/// XML of inlines, wrapped for `track`.
pub(crate) fn inlines_xml(
    inl: &[Inline],
    profile: &FormatProfile,
    track: Track,
    ch: &mut Option<&mut Changes>,
) -> String {
    let mut body = String::new();
    for i in inl {
        match i {
            Inline::Text(t, st) if track == Track::Delete => {
                if !t.is_empty() {
                    body.push_str(&format!(
                        "<w:r>{}{}</w:r>",
                        rpr(*st, &profile.font),
                        run_content(t, "delText")
                    ));
                }
            }
            Inline::Text(t, st) => body.push_str(&run_xml(t, *st, &profile.font)),
            Inline::Note(n) => body.push_str(&note_ref(*n, &profile.font, profile.sizes.body)),
        }
    }
    if body.is_empty() {
        return body;
    }
    match (track, ch.as_deref_mut()) {
        (Track::Insert, Some(c)) => format!("<w:ins {}>{body}</w:ins>", c.attrs()),
        (Track::Delete, Some(c)) => format!("<w:del {}>{body}</w:del>", c.attrs()),
        _ => body,
    }
}

/// XML of a paragraph whose content is already serialised; `mark` tracks the paragraph
/// mark itself (an inserted or deleted paragraph).
pub(crate) fn p_xml(style: ParaStyle, content: &str, mark: Track, ch: &mut Option<&mut Changes>) -> String {
    let mut pp = ppr(style);
    let tag = match mark {
        Track::Insert => "ins",
        Track::Delete => "del",
        Track::None => "",
    };
    if let (false, Some(c)) = (tag.is_empty(), ch.as_deref_mut()) {
        pp = pp.replace("</w:pPr>", &format!("<w:rPr><w:{tag} {}/></w:rPr></w:pPr>", c.attrs()));
    }
    format!("<w:p>{pp}{content}</w:p>")
}

pub(crate) fn para_xml(
    p: &P,
    profile: &FormatProfile,
    track: Track,
    ch: &mut Option<&mut Changes>,
) -> String {
    let content = inlines_xml(&p.inlines, profile, track, ch);
    p_xml(p.style, &content, track, ch)
}

/// XML of a borderless one-row table; `row_track` marks the row. The children of
/// `w:tblPr` follow the schema's order (CT_TblPr: tblW … tblBorders, tblLayout, tblCellMar).
pub(crate) fn table_xml(
    widths: (i64, i64),
    cells: [String; 2],
    row_track: Track,
    ch: &mut Option<&mut Changes>,
) -> String {
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|b| format!(r#"<w:{b} w:val="nil"/>"#))
        .collect();
    let row_mark = match (row_track, ch.as_deref_mut()) {
        (Track::Insert, Some(c)) => format!("<w:ins {}/>", c.attrs()),
        (Track::Delete, Some(c)) => format!("<w:del {}/>", c.attrs()),
        _ => String::new(),
    };
    let cell = |w: i64, content: &str| {
        let content = if content.is_empty() { "<w:p/>" } else { content };
        format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#)
    };
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{}"/><w:gridCol w:w="{}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/>{row_mark}</w:trPr>{}{}</w:tr></w:tbl>"#,
        widths.0 + widths.1,
        widths.0,
        widths.1,
        cell(widths.0, &cells[0]),
        cell(widths.1, &cells[1])
    )
}

/// XML of untracked items.
pub(crate) fn items_xml(items: &[Item], profile: &FormatProfile) -> String {
    let mut none = None;
    items
        .iter()
        .map(|it| match it {
            Item::P(p) => para_xml(p, profile, Track::None, &mut none),
            Item::Table { widths, cells } => {
                let c = |ps: &[P]| {
                    ps.iter().map(|p| para_xml(p, profile, Track::None, &mut None)).collect::<String>()
                };
                table_xml(*widths, [c(&cells[0]), c(&cells[1])], Track::None, &mut none)
            }
        })
        .collect()
}
