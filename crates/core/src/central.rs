//! Central documents: resolutions, directives and conclusions of the Ban Chấp hành
//! Trung ương, the Bộ Chính trị and the Ban Bí thư, and Government resolutions and
//! programmes. Their header usually reads `BAN CHẤP HÀNH TRUNG ƯƠNG` (or `CHÍNH PHỦ`)
//! and their place-date line `Hà Nội, ngày …`, whatever body issued them: the real
//! body comes from the line under the type name (`CỦA BỘ CHÍNH TRỊ`, `HỘI NGHỊ LẦN
//! THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII`), the signature (`T/M BỘ CHÍNH
//! TRỊ`, `TM. CHÍNH PHỦ`), the header and the number's suffix (`/TW`, `-CP`), in that
//! order. A central document has no province.
//!
//! ```
//! let doc = banthao_core::parse_text(
//!     "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n\
//!      Hà Nội, ngày 22 tháng 12 năm 2024\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\n\
//!      về đột phá phát triển khoa học, công nghệ\n-----\nI- TÌNH HÌNH\n",
//! );
//! let c = banthao_core::central::issuer_of(&doc).unwrap();
//! assert_eq!(c.name(), "Bộ Chính trị");
//! assert_eq!(doc.province, None);
//! assert_eq!(banthao_core::central::short_name(&doc).unwrap(), "57-NQ/TW, 22/12/2024, Bộ Chính trị");
//! ```

use crate::model::Document;
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// A central issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CentralBody {
    /// Ban Chấp hành Trung ương Đảng (a plenum: Hội nghị Trung ương).
    CentralCommittee,
    /// Bộ Chính trị.
    Politburo,
    /// Ban Bí thư.
    Secretariat,
    /// Chính phủ.
    Government,
    /// Thủ tướng Chính phủ.
    PrimeMinister,
}

impl CentralBody {
    /// The body's name in running text (`Bộ Chính trị`).
    pub fn name(self) -> &'static str {
        match self {
            CentralBody::CentralCommittee => "Ban Chấp hành Trung ương Đảng",
            CentralBody::Politburo => "Bộ Chính trị",
            CentralBody::Secretariat => "Ban Bí thư",
            CentralBody::Government => "Chính phủ",
            CentralBody::PrimeMinister => "Thủ tướng Chính phủ",
        }
    }

    /// The body a folded phrase names, the most specific first (`bo chinh tri` inside
    /// `ban chap hanh trung uong` texts wins).
    fn in_folded(f: &str) -> Option<CentralBody> {
        if f.contains("bo chinh tri") {
            Some(CentralBody::Politburo)
        } else if f.contains("ban bi thu") {
            Some(CentralBody::Secretariat)
        } else if f.contains("ban chap hanh trung uong") {
            Some(CentralBody::CentralCommittee)
        } else if f.contains("thu tuong chinh phu") {
            Some(CentralBody::PrimeMinister)
        } else if f.contains("chinh phu") {
            Some(CentralBody::Government)
        } else {
            None
        }
    }
}

/// The central body that issued a document, with the Central Committee's term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CentralIssuer {
    /// The body.
    pub body: CentralBody,
    /// The Central Committee's term as cited (`khóa XIII`), when the text gives it.
    pub term: Option<String>,
}

impl CentralIssuer {
    /// How a citation names it: `Bộ Chính trị`, `Ban Chấp hành Trung ương Đảng khóa XIII`.
    pub fn name(&self) -> String {
        match (&self.term, self.body) {
            (Some(t), CentralBody::CentralCommittee) => format!("{} {t}", self.body.name()),
            _ => self.body.name().to_string(),
        }
    }
}

/// Issuer abbreviations of central numbers (`57-NQ/TW`, `107/NQ-CP`, `12/CT-TTg`).
fn body_of_abbr(abbr: &str) -> Option<CentralBody> {
    match abbr {
        "TW" => Some(CentralBody::CentralCommittee),
        "CP" => Some(CentralBody::Government),
        "TTg" => Some(CentralBody::PrimeMinister),
        _ => None,
    }
}

/// The line under the type name names the issuer when it begins so (`CỦA BỘ CHÍNH
/// TRỊ`, `HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG …`); a provincial title such
/// as `THỰC HIỆN NGHỊ QUYẾT … CỦA BỘ CHÍNH TRỊ` does not.
fn body_of_type_line(extra: &str) -> Option<CentralBody> {
    let f = fold(extra);
    (f.starts_with("cua ") || f.starts_with("hoi nghi ")).then(|| CentralBody::in_folded(&f)).flatten()
}

/// The body a header issuer line names, when it is a central one as a whole
/// (`BAN CHẤP HÀNH TRUNG ƯƠNG`, `CHÍNH PHỦ`, `BỘ CHÍNH TRỊ`).
fn body_of_header(issuer: &str) -> Option<CentralBody> {
    let f = fold(issuer);
    let f = f.trim_end_matches([' ', '*']);
    match f {
        "ban chap hanh trung uong" | "ban chap hanh trung uong dang" => Some(CentralBody::CentralCommittee),
        "bo chinh tri" => Some(CentralBody::Politburo),
        "ban bi thu" => Some(CentralBody::Secretariat),
        "chinh phu" => Some(CentralBody::Government),
        "thu tuong chinh phu" => Some(CentralBody::PrimeMinister),
        _ => None,
    }
}

/// `khóa XIII` in a folded text: the Roman numeral after `khoa`, in capitals.
fn term_in(text: &str) -> Option<String> {
    let f = fold(text);
    let mut rest = f.as_str();
    while let Some(at) = rest.find("khoa ") {
        let after = &rest[at + 5..];
        let numeral: String = after.chars().take_while(|c| matches!(c, 'i' | 'v' | 'x' | 'l')).collect();
        let ends = after[numeral.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let word_start = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric());
        if !numeral.is_empty() && ends && word_start {
            return Some(format!("khóa {}", numeral.to_uppercase()));
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The central body that issued `doc`, or `None` for a document of a province (a
/// provincial number, a header naming a province, nothing central anywhere).
pub fn issuer_of(doc: &Document) -> Option<CentralIssuer> {
    let abbr = doc.number.as_ref().and_then(|n| n.issuer_abbr.as_deref());
    let by_number = abbr.and_then(body_of_abbr);
    // A number of another issuer (`37-CTr/TU`) is a provincial document.
    if abbr.is_some() && by_number.is_none() {
        return None;
    }
    let by_header = doc.issuer.as_deref().and_then(body_of_header);
    // Text copied without its header (no issuer, no number) may still say it below.
    let headerless = doc.issuer.is_none() && abbr.is_none();
    if by_number.is_none() && by_header.is_none() && !headerless {
        return None;
    }
    let by_type_line = doc.doc_type_extra.as_deref().and_then(body_of_type_line);
    let by_signature = doc.signature.as_ref().and_then(|s| {
        let authority = s.authority.as_deref().map(fold).unwrap_or_default();
        CentralBody::in_folded(&authority).or_else(|| {
            // `THỦ TƯỚNG` signing in his own name (no `TM.`).
            let title = s.title.as_deref().map(fold).unwrap_or_default();
            (authority.is_empty() && s.delegation.is_none() && title == "thu tuong")
                .then_some(CentralBody::PrimeMinister)
        })
    });
    let body = by_type_line.or(by_signature).or(by_header).or(by_number)?;
    let term = (body == CentralBody::CentralCommittee)
        .then(|| {
            doc.doc_type_extra
                .as_deref()
                .and_then(term_in)
                .or_else(|| doc.signature.as_ref().and_then(|s| s.authority.as_deref()).and_then(term_in))
        })
        .flatten();
    Some(CentralIssuer { body, term })
}

/// Whether `doc` is a central document.
pub fn is_central(doc: &Document) -> bool {
    issuer_of(doc).is_some()
}

/// The number as cited (`57-NQ/TW`, `107/NQ-CP`): the number line without `Số`,
/// colon and spaces; `None` when the number has no digit.
pub fn cited_number(doc: &Document) -> Option<String> {
    let n = doc.number.as_ref()?;
    let s = n
        .raw
        .trim_start_matches(|c: char| c.is_alphabetic() || c == ':' || c.is_whitespace())
        .replace(' ', "");
    s.chars().any(|c| c.is_ascii_digit()).then_some(s)
}

/// How a central document is named in lists: number, date and body
/// (`57-NQ/TW, 22/12/2024, Bộ Chính trị`); `None` for a provincial document.
pub fn short_name(doc: &Document) -> Option<String> {
    let c = issuer_of(doc)?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = cited_number(doc) {
        parts.push(n);
    }
    if let Some(d) = &doc.place_date {
        if let (Some(day), Some(m), Some(y)) = (d.day, d.month, d.year) {
            parts.push(format!("{day:02}/{m:02}/{y}"));
        }
    }
    parts.push(c.name());
    Some(parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms() {
        assert_eq!(
            term_in("HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII").as_deref(),
            Some("khóa XIII")
        );
        assert_eq!(term_in("khóa học XIII"), None);
        assert_eq!(term_in("bách khoa xin"), None);
        assert_eq!(term_in("khóa X").as_deref(), Some("khóa X"));
    }

    #[test]
    fn type_lines() {
        assert_eq!(body_of_type_line("CỦA BỘ CHÍNH TRỊ"), Some(CentralBody::Politburo));
        assert_eq!(body_of_type_line("THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ"), None);
        assert_eq!(body_of_type_line("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"), None);
    }
}
