//! The header zone (issuer, national heading, number, place-date, draft marker) and
//! the title (type name and summary). Pieces are classified one by one, so the two
//! header columns may come in any order or interleaved.

use crate::model::{DocKind, DocNumber, Document, PlaceDate};
use crate::source::Line;
use crate::text::{fold, is_upper, squash_spaces};

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

/// Byte offset after the spaces and tabs from `at`.
fn skip_blanks(s: &str, at: usize) -> usize {
    at + s.as_bytes()[at..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count()
}

/// Byte length of the run of `[A-Za-zĐđ]` (and `-` when `hyphen`) at the start of `s`.
fn abbr_run(s: &str, hyphen: bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ') || (hyphen && c == '-')))
        .map_or(s.len(), |(i, _)| i)
}

/// `[A-Za-zĐđ][A-Za-zĐđ\-]*` at byte `at`: its end.
fn issuer_abbr(s: &str, at: usize) -> Option<usize> {
    let first = abbr_run(&s[at..], false);
    (first > 0).then(|| at + abbr_run(&s[at..], true))
}

/// `^(?:Số|SỐ)(?:[ \t]*:|[ \t]|$)[ \t]*(.*)$`: the text after `Số`.
fn number_rest(s: &str) -> Option<&str> {
    let after = s.strip_prefix("Số").or_else(|| s.strip_prefix("SỐ"))?;
    if after.contains('\n') {
        return None;
    }
    let sp = skip_blanks(after, 0);
    let at = if after[sp..].starts_with(':') {
        sp + 1
    } else if sp > 0 || after.is_empty() {
        0
    } else {
        return None;
    };
    Some(&after[skip_blanks(after, at)..])
}

/// `^([0-9]*)[ \t]*-[ \t]*([A-Za-zĐđ]+)[ \t]*/[ \t]*([A-Za-zĐđ][A-Za-zĐđ\-]*)`, Party style
/// (`37-CTr/TU`): (sequence, type, issuer).
fn number_party(s: &str) -> Option<(&str, &str, &str)> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    let mut at = skip_blanks(s, d);
    at = skip_blanks(s, at + s[at..].strip_prefix('-').map(|_| 1)?);
    let ty = at + abbr_run(&s[at..], false);
    if ty == at {
        return None;
    }
    let mut after = skip_blanks(s, ty);
    after = skip_blanks(s, after + s[after..].strip_prefix('/').map(|_| 1)?);
    let end = issuer_abbr(s, after)?;
    Some((&s[..d], &s[at..ty], &s[after..end]))
}

/// `^([0-9]*)[ \t]*/[ \t]*(?:[0-9]{4}[ \t]*/[ \t]*)?([A-Za-zĐđ]+)[ \t]*-[ \t]*([A-Za-zĐđ][A-Za-zĐđ\-]*)`,
/// State style (`3586/KH-UBND`, `12/2024/QĐ-UBND`): (sequence, type, issuer).
fn number_state(s: &str) -> Option<(&str, &str, &str)> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    let mut at = skip_blanks(s, d);
    at = skip_blanks(s, at + s[at..].strip_prefix('/').map(|_| 1)?);
    // The optional year: four digits, then `/`.
    let b = s.as_bytes();
    if b.len() >= at + 4 && b[at..at + 4].iter().all(u8::is_ascii_digit) {
        let slash = skip_blanks(s, at + 4);
        if b.get(slash) == Some(&b'/') {
            at = skip_blanks(s, slash + 1);
        }
    }
    let ty = at + abbr_run(&s[at..], false);
    if ty == at {
        return None;
    }
    let mut after = skip_blanks(s, ty);
    after = skip_blanks(s, after + s[after..].strip_prefix('-').map(|_| 1)?);
    let end = issuer_abbr(s, after)?;
    Some((&s[..d], &s[at..ty], &s[after..end]))
}

/// Up to two ASCII digits at byte `at` (`[0-9]{1,2}` when more do not follow):
/// (value text, end); `None` when three or more digits stand there.
fn day_or_month(s: &str, at: usize) -> Option<(Option<&str>, usize)> {
    let d = s.as_bytes()[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    match d {
        0 => Some((None, at)),
        1 | 2 => Some((Some(&s[at..at + d]), at + d)),
        _ => None,
    }
}

/// One of `words` at byte `at`: the end.
fn word_at(s: &str, at: usize, words: &[&str]) -> Option<usize> {
    words.iter().find(|w| s[at..].starts_with(*w)).map(|w| at + w.len())
}

/// `^([^,0-9]{2,40}),[ \t]*(?:ngày|Ngày|NGÀY)[ \t]*([0-9]{1,2})?[ \t]*(?:tháng|THÁNG)[ \t]*([0-9]{1,2})?[ \t]*(?:năm|NĂM)[ \t]*([0-9]{4})?[ \t]*$`:
/// (place, day, month, year).
#[allow(clippy::type_complexity)]
fn place_date(s: &str) -> Option<(&str, Option<&str>, Option<&str>, Option<&str>)> {
    let comma = s.find(',')?;
    let place = &s[..comma];
    if place.bytes().any(|c| c.is_ascii_digit()) || !(2..=40).contains(&place.chars().count()) {
        return None;
    }
    let mut at = skip_blanks(s, comma + 1);
    at = skip_blanks(s, word_at(s, at, &["ngày", "Ngày", "NGÀY"])?);
    let (day, after) = day_or_month(s, at)?;
    at = skip_blanks(s, after);
    at = skip_blanks(s, word_at(s, at, &["tháng", "THÁNG"])?);
    let (month, after) = day_or_month(s, at)?;
    at = skip_blanks(s, after);
    at = skip_blanks(s, word_at(s, at, &["năm", "NĂM"])?);
    let d = s.as_bytes()[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year = match d {
        0 => None,
        4 => Some(&s[at..at + 4]),
        _ => return None,
    };
    (skip_blanks(s, at + d) == s.len()).then_some((place, day, month, year))
}

/// `^[\(\[]?[ \t]*du thao(?-u:\b)[^)\]]{0,30}[\)\]]?$` on folded text.
fn draft_folded(f: &str) -> bool {
    let f = f.strip_prefix(['(', '[']).unwrap_or(f);
    let Some(rest) = f.trim_start_matches([' ', '\t']).strip_prefix("du thao") else {
        return false;
    };
    if rest.as_bytes().first().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return false;
    }
    let body = rest.strip_suffix([')', ']']).unwrap_or(rest);
    !body.contains([')', ']']) && body.chars().count() <= 30
}

/// `^[*[ \t]]+$`: the star under an issuer's name.
fn is_star(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| matches!(c, b'*' | b' ' | b'\t'))
}

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
    crate::reflow::is_rule_line(s.trim())
}

pub(crate) fn is_draft_marker(s: &str) -> bool {
    draft_folded(&fold(s.trim()))
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
    let rest = number_rest(s.trim())?.trim();
    let mut n = DocNumber { raw: s.trim().to_string(), ..DocNumber::default() };
    if let Some((seq, ty, issuer)) = number_party(rest).or_else(|| number_state(rest)) {
        n.seq = Some(seq.to_string()).filter(|x| !x.is_empty());
        n.type_abbr = Some(ty.to_string());
        n.issuer_abbr = Some(issuer.to_string());
        return Some(n);
    }
    // `Số` followed by prose is a sentence, not a number.
    (rest.split_whitespace().count() <= 3).then_some(n)
}

/// The kind a number's form says: `37-CTr/TU` is Party style, `123/KH-UBND` State style.
pub(crate) fn number_kind(n: &DocNumber) -> Option<DocKind> {
    let rest = n.raw.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-' && c != '/');
    if number_party(rest.trim()).is_some() {
        Some(DocKind::Party)
    } else if number_state(rest.trim()).is_some() {
        Some(DocKind::State)
    } else {
        None
    }
}

pub(crate) fn parse_place_date(s: &str) -> Option<PlaceDate> {
    let (place, day, month, year) = place_date(s.trim())?;
    let place = squash_spaces(place);
    if place.split_whitespace().count() > 5 {
        return None;
    }
    Some(PlaceDate {
        raw: s.trim().to_string(),
        place: Some(place),
        day: day.and_then(|m| m.parse().ok()),
        month: month.and_then(|m| m.parse().ok()),
        year: year.and_then(|m| m.parse().ok()),
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
    } else if is_star(p) {
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

    /// The regular expressions the header used, as the oracle of the matchers.
    mod oracle {
        use super::super::*;
        use regex::Regex;
        use std::sync::LazyLock;

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

        pub(super) fn parse_number(s: &str) -> Option<DocNumber> {
            let c = NUMBER.captures(s.trim())?;
            let rest = c[1].trim();
            let mut n = DocNumber { raw: s.trim().to_string(), ..DocNumber::default() };
            if let Some(p) = NUMBER_PARTY.captures(rest).or_else(|| NUMBER_STATE.captures(rest)) {
                n.seq = Some(p[1].to_string()).filter(|x| !x.is_empty());
                n.type_abbr = Some(p[2].to_string());
                n.issuer_abbr = Some(p[3].to_string());
                return Some(n);
            }
            (rest.split_whitespace().count() <= 3).then_some(n)
        }

        pub(super) fn number_kind(n: &DocNumber) -> Option<DocKind> {
            let rest = n.raw.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-' && c != '/');
            if NUMBER_PARTY.is_match(rest.trim()) {
                Some(DocKind::Party)
            } else if NUMBER_STATE.is_match(rest.trim()) {
                Some(DocKind::State)
            } else {
                None
            }
        }

        pub(super) fn parse_place_date(s: &str) -> Option<PlaceDate> {
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

        pub(super) fn is_draft_marker(s: &str) -> bool {
            DRAFT.is_match(&fold(s.trim()))
        }

        pub(super) fn is_rule(s: &str) -> bool {
            RULE.is_match(s.trim())
        }

        pub(super) fn is_star(s: &str) -> bool {
            STAR.is_match(s)
        }
    }

    fn agree(s: &str) {
        assert_eq!(parse_number(s), oracle::parse_number(s), "number {s:?}");
        if let Some(n) = oracle::parse_number(s) {
            assert_eq!(number_kind(&n), oracle::number_kind(&n), "kind {s:?}");
        }
        let raw = DocNumber { raw: s.to_string(), ..DocNumber::default() };
        assert_eq!(number_kind(&raw), oracle::number_kind(&raw), "kind of raw {s:?}");
        assert_eq!(parse_place_date(s), oracle::parse_place_date(s), "place-date {s:?}");
        assert_eq!(is_draft_marker(s), oracle::is_draft_marker(s), "draft {s:?}");
        assert_eq!(is_rule(s), oracle::is_rule(s), "rule {s:?}");
        assert_eq!(is_star(s), oracle::is_star(s), "star {s:?}");
    }

    #[test]
    fn matchers_agree_with_the_regexes_on_tricky_lines() {
        for s in [
            "Số 37-CTr/TU",
            "Số: 3586/KH-UBND",
            "Số    -CTr/TU",
            "Số:",
            "Số",
            "SỐ: 12/2024/QĐ-UBND",
            "Số12-KH/TU",
            "Số : 12 - KH / TU",
            "Số\t:\t12-KH/TU",
            "Số lượng trí thức trên địa bàn",
            "Số 12/12345/KH-UB",
            "Số 12/2024 /KH-UB",
            "Số 12/2024 / KH - UB-ND",
            "Số -/",
            "Số 37-CTr/TU-",
            "Số 37-CTr/-TU",
            "số 3",
            "Số 3\n4",
            "Số 3 4 5 6",
            "Số 12 - 34",
            "Số /KH-",
            "Số /KH-Đ",
            "37-CTr/TU",
            "/KH-UBND",
            "Hà Giang, ngày  tháng 02 năm 2024",
            "Lạng Sơn, ngày 05 tháng 01 năm 2025",
            "Hà Nội,ngày5tháng1năm2024",
            "TP. Hồ Chí Minh, NGÀY 1 THÁNG 2 NĂM 2024",
            "Hà Giang, ngày 123 tháng 02 năm 2024",
            "Hà Giang, ngày 1 tháng 02 năm 202",
            "Hà Giang, ngày 1 tháng 02 năm 20245",
            "Hà Giang, ngày tháng năm ",
            "H, ngày tháng năm",
            "Hà Giang 2, ngày tháng năm",
            "Một hai ba bốn năm sáu, ngày tháng năm",
            "Thực hiện Chỉ thị, ngày 24 tháng 11 năm 2023 của Ban Bí thư về việc",
            "Thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp",
            "Hà Giang, Ngày 1 tháng 2 năm 2024 ",
            "(dự thảo)",
            "Dự thảo lần 2",
            "DỰ THẢO",
            "[Dự thảo]",
            "( dự thảo )",
            "dự thảo)",
            "(dự thảo",
            "dự thảo_",
            "dự thảo2",
            "dự thảox",
            "dự thảo: lần thứ hai của ban soạn thảo văn bản",
            "(dự thảo) (lần 2)",
            "Dự thảo ngày 12/3",
            "(Dự thảo\u{301})",
            "((dự thảo))",
            "Đ ự thảo",
            "-----",
            "---",
            "--",
            "—–—",
            "...",
            "*",
            "* * *",
            "*\t*",
            "**",
            " ",
            "",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
        ] {
            agree(s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn numbers_agree_with_the_regexes(
            s in crate::text::testing::pieces_from(
                &["Số", "SỐ", "số", ":", " ", "\t", "-", "/", "37", "2024", "12345", "CTr", "KH", "TU", "UBND",
                  "Đ", "đ", "-ND", "x", "\n", ",", "."], 9)
        ) {
            agree(&s);
        }

        #[test]
        fn place_dates_agree_with_the_regexes(
            s in crate::text::testing::pieces_from(
                &["Hà Giang", "H", "Một hai ba bốn năm sáu", ",", " ", "\t", "ngày", "Ngày", "NGÀY", "tháng",
                  "THÁNG", "năm", "NĂM", "0", "05", "123", "2024", "20245", "x", "\n"], 12)
        ) {
            agree(&s);
        }

        #[test]
        fn drafts_rules_and_stars_agree_with_the_regexes(
            s in crate::text::testing::pieces_from(
                &["(", ")", "[", "]", " ", "\t", "dự thảo", "Dự", "thảo", "du thao", "x", "_", "2", "lần", "abcdefghij",
                  "-", "—", "*", ".", "~", "\u{301}"], 9)
        ) {
            agree(&s);
        }
    }
}
