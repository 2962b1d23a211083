//! Format profiles: the presentation rules of an exported document (Party or State),
//! as data from `templates/profiles/*.json` that a user can edit and choose.

use crate::model::DocKind;
use serde::{Deserialize, Serialize};

/// Paper size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// Width in millimetres.
    pub width_mm: f32,
    /// Height in millimetres.
    pub height_mm: f32,
}

/// Page margins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Margins {
    /// Top margin, mm.
    pub top: f32,
    /// Bottom margin, mm.
    pub bottom: f32,
    /// Left margin, mm.
    pub left: f32,
    /// Right margin, mm.
    pub right: f32,
}

/// Font sizes in points, per element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sizes {
    /// `ĐẢNG CỘNG SẢN VIỆT NAM` or the State motto lines.
    pub national_heading: f32,
    /// The parent body (`ĐẢNG BỘ TỈNH …`).
    pub parent_body: f32,
    /// The issuer (`TỈNH ỦY …`, `ỦY BAN NHÂN DÂN …`).
    pub issuer: f32,
    /// The number line (`Số 37-CTr/TU`).
    pub number: f32,
    /// The place-date line.
    pub place_date: f32,
    /// `Dự thảo`.
    pub draft_marker: f32,
    /// The type name (`CHƯƠNG TRÌNH`).
    pub doc_type: f32,
    /// The summary (trích yếu).
    pub summary: f32,
    /// Body paragraphs.
    pub body: f32,
    /// Section headings.
    pub heading: f32,
    /// `Nơi nhận:`.
    pub recipients_heading: f32,
    /// The recipient lines.
    pub recipients: f32,
    /// The signature block.
    pub signature: f32,
    /// Page numbers.
    pub page_number: f32,
    /// Footnote text.
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
    /// First-line indent, mm.
    pub first_line_indent_mm: f32,
    /// Space before a paragraph, points.
    pub space_before_pt: f32,
    /// Space after a paragraph, points.
    pub space_after_pt: f32,
    /// Line spacing as a multiple of single spacing.
    pub line_spacing: f32,
}

/// The recipients block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipientsStyle {
    /// The heading of the block (`Nơi nhận:`).
    pub heading: String,
    /// `Nơi nhận:` in bold.
    pub heading_bold: bool,
    /// `Nơi nhận:` in italics.
    pub heading_italic: bool,
    /// `Nơi nhận:` underlined.
    pub heading_underline: bool,
    /// Punctuation after each entry but the last (`,` or `;`).
    pub item_end: String,
    /// Punctuation after the last entry.
    pub last_end: String,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignatureStyle {
    /// `T/M …`, `TM. …` in bold.
    pub authority_bold: bool,
    /// The title (`BÍ THƯ`) in bold.
    pub title_bold: bool,
    /// The signer's name in bold.
    pub name_bold: bool,
}

/// Page numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageNumbers {
    /// Whether pages are numbered at all.
    pub show: bool,
    /// Whether page 1 carries a number (the rules say no).
    pub first_page: bool,
}

/// A format profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormatProfile {
    /// Identifier (`party`, `state`).
    pub id: String,
    /// Name shown to the user.
    pub name: String,
    /// The rule set it implements.
    pub kind: DocKind,
    /// Paper size.
    pub paper: Paper,
    /// Margins in millimetres.
    pub margins_mm: Margins,
    /// Font family of every run.
    pub font: String,
    /// Font sizes per element.
    pub sizes: Sizes,
    /// Section labels.
    pub numbering: NumberingStyle,
    /// Body paragraphs.
    pub body: BodyStyle,
    /// A rule under the national heading.
    pub national_heading_rule: bool,
    /// A `*` under the issuer (Party).
    pub issuer_star: bool,
    /// Before the number: `Số ` (Party) or `Số: ` (State).
    pub number_prefix: String,
    /// The recipients block.
    pub recipients: RecipientsStyle,
    /// The signature block.
    pub signature: SignatureStyle,
    /// Page numbers.
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

    /// A built-in profile by its id: `party` or `state`.
    pub fn builtin(id: &str) -> Result<FormatProfile, ProfileError> {
        match id {
            "party" => Ok(FormatProfile::of(DocKind::Party)),
            "state" => Ok(FormatProfile::of(DocKind::State)),
            other => Err(ProfileError::Unknown(other.to_string())),
        }
    }

    /// The built-in profile of a rule set: Party documents follow the Party's guidance,
    /// State documents Nghị định 30/2020/NĐ-CP. Its id is the kind's name
    /// (`party`, `state`).
    pub fn of(kind: DocKind) -> FormatProfile {
        FormatProfile::from_json(match kind {
            DocKind::Party => PARTY,
            DocKind::State => STATE,
        })
        .expect("built-in profiles are valid")
    }

    /// The built-in profile for a document of this kind (Party when unknown).
    pub fn for_kind(kind: Option<DocKind>) -> FormatProfile {
        FormatProfile::of(kind.unwrap_or(DocKind::Party))
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
        assert_eq!(FormatProfile::of(DocKind::State), s);
        assert_eq!(FormatProfile::for_kind(None), p);
        assert_eq!(FormatProfile::for_kind(Some(DocKind::State)).kind, DocKind::State);
        assert!(FormatProfile::from_json("{}").is_err());
    }
}
