//! Format profiles: the presentation rules of an exported document (Party or State),
//! as data from `templates/profiles/*.json` that a user can edit and choose.

use crate::model::DocKind;
use serde::{Deserialize, Serialize};

/// Paper size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    pub width_mm: f32,
    pub height_mm: f32,
}

/// Page margins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// Font sizes in points, per element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sizes {
    pub national_heading: f32,
    pub parent_body: f32,
    pub issuer: f32,
    pub number: f32,
    pub place_date: f32,
    pub draft_marker: f32,
    pub doc_type: f32,
    pub summary: f32,
    pub body: f32,
    pub heading: f32,
    pub recipients_heading: f32,
    pub recipients: f32,
    pub signature: f32,
    pub page_number: f32,
    pub footnote: f32,
}

/// How section labels are written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberingStyle {
    /// After a Roman numeral: `-` (Party, `I-`) or `.` (State, `I.`).
    pub roman_separator: String,
}

/// Body paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyStyle {
    pub first_line_indent_mm: f32,
    pub space_before_pt: f32,
    pub space_after_pt: f32,
    /// Line spacing as a multiple of single spacing.
    pub line_spacing: f32,
}

/// The recipients block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipientsStyle {
    pub heading: String,
    pub heading_bold: bool,
    pub heading_italic: bool,
    pub heading_underline: bool,
    /// Punctuation after each entry but the last (`,` or `;`).
    pub item_end: String,
    /// Punctuation after the last entry.
    pub last_end: String,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignatureStyle {
    pub authority_bold: bool,
    pub title_bold: bool,
    pub name_bold: bool,
}

/// Page numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageNumbers {
    pub show: bool,
    /// Whether page 1 carries a number (the rules say no).
    pub first_page: bool,
}

/// A format profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormatProfile {
    pub id: String,
    pub name: String,
    pub kind: DocKind,
    pub paper: Paper,
    pub margins_mm: Margins,
    pub font: String,
    pub sizes: Sizes,
    pub numbering: NumberingStyle,
    pub body: BodyStyle,
    pub national_heading_rule: bool,
    pub issuer_star: bool,
    pub number_prefix: String,
    pub recipients: RecipientsStyle,
    pub signature: SignatureStyle,
    pub page_numbers: PageNumbers,
}

/// Errors reading a profile.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// Not a profile.
    #[error("Tệp định dạng không hợp lệ: {0}")]
    Invalid(String),
    /// Unknown built-in name.
    #[error("Không có mẫu định dạng «{0}» (có: party, state).")]
    Unknown(String),
}

const PARTY: &str = include_str!("../../../templates/profiles/party.json");
const STATE: &str = include_str!("../../../templates/profiles/state.json");

impl FormatProfile {
    /// Reads a profile from JSON.
    pub fn from_json(json: &str) -> Result<FormatProfile, ProfileError> {
        let p: FormatProfile =
            serde_json::from_str(json).map_err(|e| ProfileError::Invalid(e.to_string()))?;
        let m = &p.margins_mm;
        let sane = |v: f32, lo: f32, hi: f32| (lo..=hi).contains(&v);
        if ![m.top, m.bottom, m.left, m.right].iter().all(|v| sane(*v, 0.0, 100.0))
            || !sane(p.paper.width_mm, 50.0, 1000.0)
            || !sane(p.paper.height_mm, 50.0, 1000.0)
            || !sane(p.sizes.body, 4.0, 72.0)
        {
            return Err(ProfileError::Invalid("lề, khổ giấy hoặc cỡ chữ ngoài giới hạn".into()));
        }
        Ok(p)
    }

    /// A built-in profile: `party` or `state`.
    pub fn builtin(id: &str) -> Result<FormatProfile, ProfileError> {
        match id {
            "party" => FormatProfile::from_json(PARTY),
            "state" => FormatProfile::from_json(STATE),
            other => Err(ProfileError::Unknown(other.to_string())),
        }
    }

    /// The built-in profile for a kind of document (Party when unknown).
    pub fn for_kind(kind: Option<DocKind>) -> FormatProfile {
        let id = if kind == Some(DocKind::State) { "state" } else { "party" };
        FormatProfile::builtin(id).expect("built-in profiles are valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load() {
        let p = FormatProfile::builtin("party").unwrap();
        assert_eq!(p.kind, DocKind::Party);
        assert_eq!(p.numbering.roman_separator, "-");
        let s = FormatProfile::builtin("state").unwrap();
        assert_eq!(s.number_prefix, "Số: ");
        assert!(FormatProfile::builtin("xyz").is_err());
        assert!(FormatProfile::from_json("{}").is_err());
    }
}
