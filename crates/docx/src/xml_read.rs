//! Reading the XML events quick-xml gives: attribute values, text and character or
//! predefined entity references, with errors as [`DocxError`]. A leaf shared by the
//! document reader and the numbering reader.

use crate::error::DocxError;
use quick_xml::events::BytesStart;

/// A quick-xml error as ours.
pub(crate) fn xml_err(e: quick_xml::Error) -> DocxError {
    DocxError::Xml(e.to_string())
}

/// The unescaped content of a text event.
pub(crate) fn decode_text(t: &quick_xml::events::BytesText) -> Result<String, DocxError> {
    t.decode().map(|c| c.into_owned()).map_err(|e| DocxError::Xml(e.to_string()))
}

/// `&amp;`, `&#x1EA1;` and the other predefined references; anything else is an error
/// (a DTD-defined entity would have been refused already).
pub(crate) fn resolve_ref(r: &quick_xml::events::BytesRef) -> Result<String, DocxError> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| DocxError::Xml(e.to_string()))? {
        return Ok(c.to_string());
    }
    let name = r.decode().map_err(|e| DocxError::Xml(e.to_string()))?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_string)
        .ok_or_else(|| DocxError::Xml(format!("thực thể XML không xác định &{name};")))
}

/// The value of the attribute with local name `name` (any prefix), normalised.
pub(crate) fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// `w:b`, `w:i` and similar toggles: on unless `w:val` says false.
pub(crate) fn toggle(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}
