//! The header zone (issuer, national heading, number, place-date, draft marker) and
//! the title (type name and summary). Pieces are classified one by one, so the two
//! header columns may come in any order or interleaved.

use crate::model::{DocKind, DocNumber, Document, PlaceDate};
use crate::source::Line;
use crate::text::{fold, is_upper, squash_spaces};
use regex::Regex;
use std::sync::LazyLock;

/// Type names, longest first (`CHƯƠNG TRÌNH HÀNH ĐỘNG` before `CHƯƠNG TRÌNH`).
const DOC_TYPES: [&str; 16] = [
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "KẾT LUẬN",
    "QUYẾT ĐỊNH",
    "HƯỚNG DẪN",
    "BÁO CÁO",
    "THÔNG BÁO",
    "TỜ TRÌNH",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "QUY ĐỊNH",
    "QUY CHẾ",
    "ĐỀ CƯƠNG",
];
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Số|SỐ)(?:[ \t]*:|[ \t]|$)[ \t]*(.*)$").unwrap());
static NUMBER_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]*)[ \t]*-[ \t]*([A-Za-zĐđ]+)[ \t]*/[ \t]*([A-Za-zĐđ][A-Za-zĐđ\-]*)").unwrap()
});
static NUMBER_STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]*)[ \t]*/[ \t]*(?:[0-9]{4}[ \t]*/[ \t]*)?([A-Za-zĐđ]+)[ \t]*-[ \t]*([A-Za-zĐđ][A-Za-zĐđ\-]*)").unwrap()
});
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^,0-9]{2,40}),[ \t]*(?:ngày|Ngày|NGÀY)[ \t]*([0-9]{1,2})?[ \t]*(?:tháng|THÁNG)[ \t]*([0-9]{1,2})?[ \t]*(?:năm|NĂM)[ \t]*([0-9]{4})?[ \t]*$").unwrap()
});
static DRAFT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\(\[]?[ \t]*du thao(?-u:\b)[^)\]]{0,30}[\)\]]?$").unwrap());
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-_=*~.–—]{3,}$").unwrap());
static STAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[*[ \t]]+$").unwrap());

/// Kinds of things a header piece can be.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    PartyHeading,
    StateHeading,
    Motto,
    ParentBody,
    Issuer,
    Star,
    Number(DocNumber),
    PlaceDate(PlaceDate),
    Draft,
    Rule,
    Unknown,
}

pub(crate) fn is_rule(s: &str) -> bool {
    RULE.is_match(s.trim())
}

pub(crate) fn is_draft_marker(s: &str) -> bool {
    DRAFT.is_match(&fold(s.trim()))
}

/// The type name at the start of a title line: (type, rest of the line).
pub(crate) fn doc_type(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    DOC_TYPES.iter().find_map(|t| {
        let rest = s.strip_prefix(t)?;
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
            return None;
        }
        let rest = rest.trim();
        Some((t.to_string(), (!rest.is_empty()).then(|| rest.to_string())))
    })
}

pub(crate) fn parse_number(s: &str) -> Option<DocNumber> {
    let c = NUMBER.captures(s.trim())?;
    let rest = c[1].trim();
    let mut n = DocNumber { raw: s.trim().to_string(), ..DocNumber::default() };
    if let Some(p) = NUMBER_PARTY.captures(rest).or_else(|| NUMBER_STATE.captures(rest)) {
        n.seq = Some(p[1].to_string()).filter(|x| !x.is_empty());
        n.type_abbr = Some(p[2].to_string());
        n.issuer_abbr = Some(p[3].to_string());
        return Some(n);
    }
    // `Số` followed by prose is a sentence, not a number.
    (rest.split_whitespace().count() <= 3).then_some(n)
}

/// The kind a number's form says: `37-CTr/TU` is Party style, `123/KH-UBND` State style.
pub(crate) fn number_kind(n: &DocNumber) -> Option<DocKind> {
    let rest = n.raw.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-' && c != '/');
    if NUMBER_PARTY.is_match(rest.trim()) {
        Some(DocKind::Party)
    } else if NUMBER_STATE.is_match(rest.trim()) {
        Some(DocKind::State)
    } else {
        None
    }
}

pub(crate) fn parse_place_date(s: &str) -> Option<PlaceDate> {
    let c = PLACE_DATE.captures(s.trim())?;
    let place = squash_spaces(&c[1]);
    if place.split_whitespace().count() > 5 {
        return None;
    }
    Some(PlaceDate {
        raw: s.trim().to_string(),
        place: Some(place),
        day: c.get(2).and_then(|m| m.as_str().parse().ok()),
        month: c.get(3).and_then(|m| m.as_str().parse().ok()),
        year: c.get(4).and_then(|m| m.as_str().parse().ok()),
    })
}

/// Classifies a line's pieces; when a column split leaves a piece that fits nothing
/// (`Số    -CTr/TU` split at the gap), the whole line is classified instead.
pub(crate) fn classify_line(line: &Line) -> Vec<(&str, Piece)> {
    if !line.cells.is_empty() {
        match classify(&line.text) {
            whole @ Piece::Number(DocNumber { type_abbr: Some(_), .. }) if !line.text.contains(", ngày") => {
                return vec![(line.text.as_str(), whole)];
            }
            whole @ Piece::PlaceDate(_) => return vec![(line.text.as_str(), whole)],
            _ => {}
        }
    }
    let pieces: Vec<(&str, Piece)> = line.pieces().into_iter().map(|p| (p, classify(p))).collect();
    if pieces.len() > 1 && pieces.iter().any(|(_, c)| *c == Piece::Unknown) {
        vec![(line.text.as_str(), classify(&line.text))]
    } else {
        pieces
    }
}

pub(crate) fn classify(piece: &str) -> Piece {
    let p = piece.trim();
    let f = fold(p);
    if f == "dang cong san viet nam" {
        Piece::PartyHeading
    } else if f.starts_with("cong hoa xa hoi chu nghia viet nam") {
        Piece::StateHeading
    } else if f.starts_with("doc lap") && f.contains("tu do") {
        Piece::Motto
    } else if let Some(n) = parse_number(p) {
        Piece::Number(n)
    } else if let Some(d) = parse_place_date(p) {
        Piece::PlaceDate(d)
    } else if is_draft_marker(p) {
        Piece::Draft
    } else if STAR.is_match(p) {
        Piece::Star
    } else if is_rule(p) {
        Piece::Rule
    } else if is_upper(p) && f.starts_with("dang bo ") {
        Piece::ParentBody
    } else if is_upper(p) && p.split_whitespace().count() <= 12 {
        Piece::Issuer
    } else {
        Piece::Unknown
    }
}

/// Fills the header fields of `doc` from header lines. Returns the lines that are not
/// header material (to be read as preamble), with a diagnostic for each.
pub(crate) fn read_header(doc: &mut Document, lines: &[Line]) -> Vec<Line> {
    let mut issuer_parts: Vec<String> = Vec::new();
    let mut leftovers = Vec::new();
    for line in lines {
        for (piece, class) in classify_line(line) {
            match class {
                Piece::PartyHeading => {
                    doc.kind = Some(DocKind::Party);
                    doc.national_heading.push(piece.to_string());
                }
                Piece::StateHeading | Piece::Motto => {
                    doc.kind = Some(DocKind::State);
                    doc.national_heading.push(piece.to_string());
                }
                Piece::ParentBody => doc.parent_body = Some(piece.to_string()),
                Piece::Issuer => issuer_parts.push(piece.to_string()),
                Piece::Number(n) => doc.number = Some(n),
                Piece::PlaceDate(d) => doc.place_date = Some(d),
                Piece::Draft => set_draft(doc, piece),
                Piece::Star | Piece::Rule => {}
                Piece::Unknown => leftovers.push(line.clone()),
            }
        }
    }
    if !issuer_parts.is_empty() {
        doc.issuer = Some(issuer_parts.join(" "));
    }
    leftovers.dedup();
    leftovers
}

pub(crate) fn set_draft(doc: &mut Document, marker: &str) {
    doc.draft = true;
    if doc.draft_marker.is_none() {
        doc.draft_marker = Some(marker.trim().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let n = parse_number("Số 37-CTr/TU").unwrap();
        assert_eq!(
            (n.seq.as_deref(), n.type_abbr.as_deref(), n.issuer_abbr.as_deref()),
            (Some("37"), Some("CTr"), Some("TU"))
        );
        assert_eq!(number_kind(&n), Some(DocKind::Party));
        let n = parse_number("Số    -CTr/TU").unwrap();
        assert_eq!(n.seq, None);
        assert_eq!(n.type_abbr.as_deref(), Some("CTr"));
        let n = parse_number("Số: 3586/KH-UBND").unwrap();
        assert_eq!(
            (n.seq.as_deref(), n.type_abbr.as_deref(), n.issuer_abbr.as_deref()),
            (Some("3586"), Some("KH"), Some("UBND"))
        );
        assert_eq!(number_kind(&n), Some(DocKind::State));
        assert!(parse_number("Số lượng trí thức trên địa bàn tỉnh tăng lên nhiều lần").is_none());
    }

    #[test]
    fn place_dates() {
        let d = parse_place_date("Hà Giang, ngày  tháng 02 năm 2024").unwrap();
        assert_eq!(
            (d.place.as_deref(), d.day, d.month, d.year),
            (Some("Hà Giang"), None, Some(2), Some(2024))
        );
        let d = parse_place_date("Lạng Sơn, ngày 05 tháng 01 năm 2025").unwrap();
        assert_eq!((d.day, d.month), (Some(5), Some(1)));
        assert!(parse_place_date("Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp").is_none());
        assert!(
            parse_place_date("Thực hiện Chỉ thị, ngày 24 tháng 11 năm 2023 của Ban Bí thư về việc").is_none()
        );
    }

    #[test]
    fn split_number_is_read_whole() {
        let l = Line::with_cells("Số    -CTr/TU", 1);
        assert!(matches!(classify_line(&l)[0].1, Piece::Number(_)));
    }

    #[test]
    fn pieces() {
        assert_eq!(classify("ĐẢNG CỘNG SẢN VIỆT NAM"), Piece::PartyHeading);
        assert_eq!(classify("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Piece::StateHeading);
        assert_eq!(classify("Độc lập - Tự do - Hạnh phúc"), Piece::Motto);
        assert_eq!(classify("(dự thảo)"), Piece::Draft);
        assert_eq!(classify("Dự thảo lần 2"), Piece::Draft);
        assert_eq!(classify("ĐẢNG BỘ TỈNH HÀ GIANG"), Piece::ParentBody);
        assert_eq!(classify("TỈNH ỦY HÀ GIANG"), Piece::Issuer);
        assert_eq!(classify("*"), Piece::Star);
        assert_eq!(doc_type("CHƯƠNG TRÌNH HÀNH ĐỘNG").unwrap().0, "CHƯƠNG TRÌNH HÀNH ĐỘNG");
        assert_eq!(doc_type("KẾ HOẠCH thực hiện").unwrap().1.as_deref(), Some("thực hiện"));
        assert!(doc_type("Kế hoạch số 20").is_none());
    }
}
