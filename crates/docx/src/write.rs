//! Document model to .docx: the document composed by a format profile
//! ([`crate::compose`]), its items serialised ([`crate::layout`]) with real Word
//! footnotes (`w:footnoteRef` marks and separator notes), and packaged
//! ([`crate::package`]): A4 with the profile's margins, page numbers from page 2.

use crate::compose::compose;
use crate::layout::items_xml;
use crate::package::{package, ExportOptions};
use crate::xml::footnote_xml;
use banthao_core::model::Document;
use banthao_core::profile::FormatProfile;

/// Writes the document as .docx bytes.
pub fn write_docx(doc: &Document, profile: &FormatProfile, opts: &ExportOptions) -> Vec<u8> {
    let laid = compose(doc, profile, 1);
    let body = items_xml(&laid.items, profile);
    let notes: String = laid.footnotes.iter().map(|(n, t)| footnote_xml(*n, t, profile)).collect();
    package(&body, &notes, doc, profile, opts)
}
