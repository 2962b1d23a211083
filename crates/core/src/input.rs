//! Plain text in, a document out: the built-in province list and the steps every
//! text goes through (clean, reflow when hard-wrapped, infer structure). The crate's
//! root re-exports these; the modules below use them from here.

use crate::model::{self, Document};
use crate::parse::parse_lines;
use crate::source::{self, ReadError};
use crate::{clean, places};
use std::sync::LazyLock;

static BUILTIN_PLACES: LazyLock<places::Gazetteer> = LazyLock::new(places::Gazetteer::builtin);

/// The province list shipped in `templates/provinces.json`.
pub fn builtin_places() -> &'static places::Gazetteer {
    &BUILTIN_PLACES
}

/// Parses decoded plain text (clean, reflow when hard-wrapped, infer structure).
pub fn parse_text(text: &str) -> Document {
    parse_text_with(text, builtin_places())
}

/// [`parse_text`] with another province list.
pub fn parse_text_with(text: &str, places: &places::Gazetteer) -> Document {
    let extracted = clean::extract(text);
    let mut doc = parse_lines(extracted.lines, extracted.footnotes, places);
    if extracted.reflowed {
        doc.diagnostics.insert(
            0,
            model::Diagnostic {
                code: "reflowed".into(),
                message: "Văn bản bị ngắt dòng cứng (trích từ PDF) đã được nối lại thành đoạn.".into(),
                line: None,
            },
        );
    }
    doc
}

/// Decodes and parses the bytes of a plain-text file. Text converted from a legacy
/// Vietnamese encoding (see [`source::decode_text_with_encoding`]) is parsed, and the
/// document says so with a `legacy-encoding` diagnostic.
pub fn parse_text_bytes(bytes: &[u8]) -> Result<Document, ReadError> {
    let (text, legacy) = source::decode_text_borrowed(bytes)?;
    let mut doc = parse_text(&text);
    if let Some(enc) = legacy {
        doc.diagnostics.insert(0, enc.diagnostic());
    }
    Ok(doc)
}
