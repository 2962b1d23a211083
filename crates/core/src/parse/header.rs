//! The header zone (issuer, national heading, number, place-date, draft marker) and
//! the title (type name and summary). Pieces are classified one by one, so the two
//! header columns may come in any order or interleaved.

use crate::model::{DocKind, DocNumber, Document, PlaceDate};
use crate::places::Gazetteer;
use crate::source::Line;
use crate::text::{fold, fold_char_into, is_upper, squash_spaces};

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

/// Whether a piece fits nothing alone, or is a `Số` without the number's form.
fn is_fragment(c: &Piece) -> bool {
    matches!(c, Piece::Unknown | Piece::Number(DocNumber { type_abbr: None, .. }))
}

/// Whether a piece is a number with its form or a place-date: what a gap may split.
fn is_split_item(c: &Piece) -> bool {
    matches!(c, Piece::Number(DocNumber { type_abbr: Some(_), .. }) | Piece::PlaceDate(_))
}

/// Classifies a line's pieces. Pieces that a wide gap split (`Số    -CTr/TU`,
/// `Hà Giang, ngày   tháng 02 năm 2024`) are joined again when together they make a
/// number or a place-date; when a piece still fits nothing, the whole line is
/// classified instead.
pub(crate) fn classify_line(line: &Line) -> Vec<(String, Piece)> {
    let pieces: Vec<&str> =
        line.pieces().into_iter().flat_map(split_known_line).flat_map(split_merged_items).collect();
    let classes: Vec<Piece> = pieces.iter().map(|p| classify(p)).collect();
    if pieces.len() == 1 {
        return vec![(pieces[0].to_string(), classes.into_iter().next().unwrap_or(Piece::Unknown))];
    }
    let mut out: Vec<(String, Piece)> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let joined = (i + 1..pieces.len().min(i + 3)).find_map(|j| {
            if !classes[i..=j].iter().any(is_fragment) {
                return None;
            }
            let text = pieces[i..=j].join(" ");
            let class = classify(&text);
            is_split_item(&class).then_some((j, text, class))
        });
        match joined {
            Some((j, text, class)) => {
                out.push((text, class));
                i = j + 1;
            }
            None => {
                out.push((pieces[i].to_string(), classes[i].clone()));
                i += 1;
            }
        }
    }
    if out.iter().any(|(_, c)| *c == Piece::Unknown) {
        let whole = classify(&line.text);
        if whole != Piece::Unknown {
            return vec![(line.text.clone(), whole)];
        }
    }
    out
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

/// The national heading and the motto as words (folded, punctuation dropped): a
/// narrow column may wrap them, and the lines in between may belong to the other column.
const KNOWN_LINES: [&str; 3] =
    ["dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc"];

/// Folded words of `s`, punctuation dropped, one space between words.
fn words_key(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Where a known line stands inside `s` (`Số: 215/KH-UBND Độc lập - Tự do - Hạnh
/// phúc`, two columns run together): its byte range.
fn find_known_line(s: &str) -> Option<(usize, usize)> {
    // Folded words with their byte ranges.
    let mut words: Vec<(String, usize, usize)> = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            fold_char_into(c, &mut cur);
        } else if !cur.is_empty() {
            words.push((std::mem::take(&mut cur), start, i));
        }
    }
    KNOWN_LINES.iter().find_map(|known| {
        let k: Vec<&str> = known.split(' ').collect();
        (0..(words.len() + 1).saturating_sub(k.len()))
            .find(|&w| words[w..w + k.len()].iter().zip(&k).all(|(a, b)| a.0 == *b))
            .map(|w| (words[w].1, words[w + k.len() - 1].2))
    })
}

/// A piece split around the known line it holds with other text.
fn split_known_line(piece: &str) -> Vec<&str> {
    match find_known_line(piece) {
        Some((a, b)) if a > 0 || b < piece.len() => [&piece[..a], &piece[a..b], &piece[b..]]
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect(),
        _ => vec![piece],
    }
}

/// A piece where two columns ran together around a number or a place-date: a number
/// followed by other text (`Số 41-CTr/TU Quảng Ninh, ngày …`) is split after its form,
/// a place-date led by words in capitals from the other column (`NINH Quảng Ninh,
/// ngày …`) before its place.
fn split_merged_items(piece: &str) -> Vec<&str> {
    let split_at = |at: usize| -> Vec<&str> {
        [&piece[..at], &piece[at..]].into_iter().map(str::trim).filter(|p| !p.is_empty()).collect()
    };
    if let Some(rest) = number_rest(piece) {
        let rest = rest.trim_start_matches([' ', '\t']);
        if let Some((_, _, issuer)) = number_party(rest).or_else(|| number_state(rest)) {
            let end = issuer.as_ptr() as usize + issuer.len() - piece.as_ptr() as usize;
            if end < piece.len() && parse_place_date(&piece[end..]).is_some() {
                return split_at(end);
            }
        }
        return vec![piece];
    }
    if let Some((place, ..)) = place_date(piece.trim()) {
        // Leading words in capitals (three letters or more, no abbreviation), then one
        // that is not.
        let base = place.as_ptr() as usize - piece.as_ptr() as usize;
        let mut at = 0;
        for w in place.split_whitespace() {
            let caps =
                is_upper(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.contains('.');
            if !caps {
                break;
            }
            at = w.as_ptr() as usize + w.len() - place.as_ptr() as usize;
        }
        if at > 0 && place[at..].chars().any(char::is_lowercase) {
            return split_at(base + at);
        }
    }
    vec![piece]
}

/// The rest of a known line that `s` begins but does not finish (two words at least).
fn known_line_rest(s: &str) -> Option<&'static str> {
    let k = words_key(s);
    if k.split(' ').count() < 2 {
        return None;
    }
    KNOWN_LINES.iter().find_map(|full| full.strip_prefix(k.as_str())?.strip_prefix(' '))
}

/// How far ahead (in pieces) the rest of a wrapped line is looked for.
const REPAIR_REACH: usize = 8;

/// One piece of the header: its text, its class and the index of its line.
struct Item {
    text: String,
    class: Piece,
    line: usize,
}

/// Puts back together what a narrow column or a gap split over several pieces: a
/// known line wrapped (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT` … `NAM`), a number or a date
/// split at its blanks (`Số` … `-CTr/TU`, `Hà Giang, ngày` / `tháng 02 năm 2024`), a
/// name wrapped in the issuer's column (`ĐẢNG BỘ TỈNH QUẢNG` … `NINH`).
fn repair(items: &mut Vec<Option<Item>>, places: &Gazetteer) {
    let n = items.len();
    for i in 0..n {
        let Some(item) = &items[i] else { continue };
        let ahead = i + 1..n.min(i + 1 + REPAIR_REACH);
        // A known line wrapped: its rest is a piece of its own further on.
        if matches!(
            item.class,
            Piece::Issuer | Piece::ParentBody | Piece::PartyHeading | Piece::StateHeading | Piece::Motto
        ) {
            if let Some(rest) = known_line_rest(&item.text) {
                let found =
                    ahead.clone().find(|&j| items[j].as_ref().is_some_and(|x| words_key(&x.text) == rest));
                if let Some(j) = found {
                    let tail = items[j].take().map(|x| x.text).unwrap_or_default();
                    let it = items[i].as_mut().unwrap();
                    it.text = format!("{} {tail}", it.text);
                    it.class = classify(&it.text);
                    continue;
                }
            }
        }
        // A number or a place-date split: `Số` and its form, or two fragments in a row.
        if is_fragment(&item.class) {
            let weak_number = matches!(item.class, Piece::Number(_));
            // `-KH/TU` is in capitals: an issuer piece may be the number's form.
            let partner = if weak_number {
                ahead.clone().find(|&j| {
                    items[j].as_ref().is_some_and(|x| matches!(x.class, Piece::Unknown | Piece::Issuer))
                        && parse_number(&format!("Số {}", items[j].as_ref().map_or("", |x| x.text.as_str())))
                            .is_some_and(|n| n.type_abbr.is_some())
                })
            } else {
                // The other column may stand between the two halves.
                ahead.clone().find(|&j| items[j].as_ref().is_some_and(|x| x.class == Piece::Unknown))
            };
            if let Some(j) = partner {
                let text = format!("{} {}", item.text, items[j].as_ref().map_or("", |x| x.text.as_str()));
                let class = classify(&text);
                if is_split_item(&class) {
                    items[j] = None;
                    let it = items[i].as_mut().unwrap();
                    it.text = text;
                    it.class = class;
                    continue;
                }
            }
        }
        // A place-date whose year wrapped (`…, ngày 18 tháng 3 năm` / `2024`).
        if let Piece::PlaceDate(PlaceDate { year: None, .. }) = item.class {
            let partner =
                ahead.clone().find(|&j| items[j].as_ref().is_some_and(|x| x.class == Piece::Unknown));
            if let Some(j) = partner {
                let text = format!("{} {}", item.text, items[j].as_ref().map_or("", |x| x.text.as_str()));
                if let Piece::PlaceDate(d @ PlaceDate { year: Some(_), .. }) = classify(&text) {
                    items[j] = None;
                    let it = items[i].as_mut().unwrap();
                    it.text = text;
                    it.class = Piece::PlaceDate(d);
                }
            }
        }
    }
    // A place name wrapped in the issuer's column: the piece finishes the name the
    // previous issuer or parent-body piece began (`QUẢNG` / `NINH`), or is the name
    // itself under a body that lacks it (`ĐẢNG BỘ TỈNH` / `QUẢNG NINH`).
    let mut last: Option<usize> = None;
    for i in 0..n {
        let Some(item) = &items[i] else { continue };
        if !matches!(item.class, Piece::Issuer | Piece::ParentBody) {
            continue;
        }
        if let Some(p) = last {
            let prev = items[p].as_ref().map_or("", |x| x.text.as_str());
            if item.class == Piece::Issuer && places.name_at_end(prev).is_none() {
                let joined = format!("{prev} {}", item.text);
                // The name begins in `prev` (it has more words than the piece), or the
                // piece is the name itself.
                let wraps = places.name_at_end(&joined).is_some_and(|name| {
                    name.split_whitespace().count() > item.text.split_whitespace().count()
                        || fold(name) == fold(&item.text)
                });
                if wraps {
                    items[i] = None;
                    items[p].as_mut().unwrap().text = joined;
                    continue;
                }
            }
        }
        last = Some(i);
    }
    items.retain(Option::is_some);
}

/// Fills the header fields of `doc` from header lines. Returns the lines that are not
/// header material (to be read as preamble), with a diagnostic for each.
pub(crate) fn read_header(doc: &mut Document, lines: &[Line], places: &Gazetteer) -> Vec<Line> {
    let mut items: Vec<Option<Item>> = lines
        .iter()
        .enumerate()
        .flat_map(|(k, line)| {
            classify_line(line).into_iter().map(move |(text, class)| Some(Item { text, class, line: k }))
        })
        .collect();
    repair(&mut items, places);
    let mut issuer_parts: Vec<String> = Vec::new();
    let mut leftovers: Vec<Line> = Vec::new();
    for Item { text: piece, class, line } in items.into_iter().flatten() {
        match class {
            Piece::PartyHeading => {
                doc.kind = Some(DocKind::Party);
                doc.national_heading.push(piece);
            }
            Piece::StateHeading | Piece::Motto => {
                doc.kind = Some(DocKind::State);
                doc.national_heading.push(piece);
            }
            Piece::ParentBody => doc.parent_body = Some(piece),
            Piece::Issuer => issuer_parts.push(piece),
            Piece::Number(n) => doc.number = Some(n),
            Piece::PlaceDate(d) => doc.place_date = Some(d),
            Piece::Draft => set_draft(doc, &piece),
            Piece::Star | Piece::Rule => {}
            Piece::Unknown => leftovers.push(lines[line].clone()),
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

    fn header_of(text: &str) -> Document {
        let lines: Vec<Line> = text.lines().enumerate().map(|(i, l)| Line::with_cells(l, i + 1)).collect();
        let mut doc = Document::default();
        let left = read_header(&mut doc, &lines, &Gazetteer::builtin());
        assert!(left.is_empty(), "{left:?}");
        doc
    }

    #[test]
    fn columns_side_by_side_are_read_piece_by_piece() {
        let doc = header_of(
            "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\n  TỈNH BẮC      NAM\n\
             KẠN      Bắc Kạn, ngày 5 tháng 6 năm 2024\nSố: 12/KH-UBND      Độc lập - Tự do - Hạnh phúc",
        );
        assert_eq!(doc.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"));
        assert_eq!(
            doc.national_heading,
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        );
        assert_eq!(doc.number.unwrap().raw, "Số: 12/KH-UBND");
        assert_eq!(doc.place_date.unwrap().raw, "Bắc Kạn, ngày 5 tháng 6 năm 2024");
    }

    #[test]
    fn known_lines_are_pulled_out_of_a_merged_line() {
        let doc = header_of(
            "TỈNH ỦY BẮC NINH ĐẢNG CỘNG SẢN VIỆT NAM\nSố 7-KH/TU Bắc Ninh, ngày 5 tháng 6 năm 2024",
        );
        assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY BẮC NINH"));
        assert_eq!(doc.national_heading, ["ĐẢNG CỘNG SẢN VIỆT NAM"]);
        let doc = header_of(
            "NINH Quảng Ninh, ngày 18 tháng 3 năm 2024\nSố 7-KH/TU Bắc Ninh, ngày 5 tháng 6 năm 2024",
        );
        assert_eq!(doc.issuer.as_deref(), Some("NINH"));
        assert_eq!(doc.number.unwrap().raw, "Số 7-KH/TU");
        assert_eq!(doc.place_date.unwrap().raw, "Bắc Ninh, ngày 5 tháng 6 năm 2024");
        let doc = header_of("TP. Hồ Chí Minh, ngày 5 tháng 6 năm 2024");
        assert_eq!(doc.place_date.unwrap().place.as_deref(), Some("TP. Hồ Chí Minh"));
        let doc = header_of("Số: 12/KH-UBND Độc lập - Tự do - Hạnh phúc");
        assert_eq!(doc.number.unwrap().raw, "Số: 12/KH-UBND");
        assert_eq!(doc.national_heading, ["Độc lập - Tự do - Hạnh phúc"]);
    }

    #[test]
    fn wrapped_lines_are_put_back_together() {
        let doc = header_of(
            "Số\nĐẢNG BỘ TỈNH THÁI\nBÌNH\nTỈNH ỦY\nĐẢNG CỘNG SẢN VIỆT\n*\nNAM\n-KH/TU\nThái Bình, ngày\ntháng 3 năm 2024",
        );
        assert_eq!(doc.parent_body.as_deref(), Some("ĐẢNG BỘ TỈNH THÁI BÌNH"));
        assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY"));
        assert_eq!(doc.national_heading, ["ĐẢNG CỘNG SẢN VIỆT NAM"]);
        assert_eq!(doc.number.unwrap().type_abbr.as_deref(), Some("KH"));
        let d = doc.place_date.unwrap();
        assert_eq!((d.place.as_deref(), d.day, d.month), (Some("Thái Bình"), None, Some(3)));
        // A body under another is not a wrapped name.
        let doc = header_of("ĐẢNG BỘ TỈNH\nTỈNH ỦY NAM ĐỊNH");
        assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY NAM ĐỊNH"));
        let doc = header_of("ĐẢNG BỘ TỈNH\nNAM ĐỊNH\nTỈNH ỦY");
        assert_eq!(doc.parent_body.as_deref(), Some("ĐẢNG BỘ TỈNH NAM ĐỊNH"));
        let doc = header_of(
            "ĐẢNG BỘ TỈNH THỪA THIÊN      ĐẢNG CỘNG SẢN VIỆT NAM\nHUẾ      Thừa Thiên Huế, ngày 18 tháng 3\n\
             TỈNH ỦY      năm 2024",
        );
        assert_eq!(doc.parent_body.as_deref(), Some("ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ"));
        assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY"));
        assert_eq!(doc.place_date.unwrap().year, Some(2024));
        let doc = header_of("TỈNH ỦY      Thừa Thiên Huế, ngày 18 tháng 3 năm\n*      2024");
        assert_eq!(doc.place_date.unwrap().raw, "Thừa Thiên Huế, ngày 18 tháng 3 năm 2024");
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
