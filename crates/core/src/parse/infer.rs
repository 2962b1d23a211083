//! What the header did not say, inferred from the rest: kind, issuer and province.
//! "Ban Thường vụ Tỉnh ủy Cao Bằng xây dựng Kế hoạch …", "Tỉnh ủy ban hành Chương
//! trình …", a `T/M BAN THƯỜNG VỤ` signature, the number's form, the place-date line.

use super::header::number_kind;
use crate::model::{DocKind, Document};
use crate::places::Gazetteer;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// Issuing sentence, matched on folded text.
static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(ban thuong vu (?:tinh|thanh) uy|ban chap hanh dang bo (?:tinh|thanh pho)|(?:tinh|thanh) uy|uy ban nhan dan (?:tinh|thanh pho)|ubnd (?:tinh|thanh pho))((?: [a-z\-]+){0,4}?),? (?:ban hanh|xay dung|trien khai|to chuc|thong nhat ban hanh)(?-u:\b)",
    )
    .unwrap()
});

/// Folds `s` and maps every byte of the folded string back to the byte offset of the
/// original character it came from.
fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for (i, c) in s.char_indices() {
        let f = fold(c.encode_utf8(&mut buf));
        for _ in 0..f.len() {
            map.push(i);
        }
        folded.push_str(&f);
    }
    (folded, map)
}

fn original_span<'a>(s: &'a str, map: &[usize], start: usize, end: usize) -> &'a str {
    let from = map[start];
    let last = map[end - 1];
    let to = last + s[last..].chars().next().map_or(0, char::len_utf8);
    &s[from..to]
}

fn kind_of_body(folded: &str) -> Option<DocKind> {
    if folded.contains("uy ban nhan dan") || folded.contains("ubnd") {
        Some(DocKind::State)
    } else if ["uy", "ban thuong vu", "ban chap hanh", "dang bo"].iter().any(|k| folded.contains(k)) {
        Some(DocKind::Party)
    } else {
        None
    }
}

/// The issuing body named in an issuing sentence: (subject as written, name part as
/// written). The name, if any, must be capitalised (`Cao Bằng`, not `nhằm`).
fn issuing_sentence(text: &str) -> Option<(String, String)> {
    let (folded, map) = fold_with_map(text);
    for c in ISSUING.captures_iter(&folded) {
        let subject = c.get(1)?;
        let subject_text = original_span(text, &map, subject.start(), subject.end()).to_string();
        let name_text = c
            .get(2)
            .filter(|m| !m.is_empty())
            .map(|m| original_span(text, &map, m.start(), m.end()).trim().to_string())
            .unwrap_or_default();
        if name_text.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return Some((subject_text, name_text));
        }
    }
    None
}

pub(crate) fn infer(doc: &mut Document, body_sample: &str, places: &Gazetteer) {
    let header_issuer = doc.issuer.is_some();
    let intro: String =
        doc.summary.iter().chain(doc.preamble.iter()).map(String::as_str).collect::<Vec<_>>().join(" ");

    // Province: from the header first, then the text.
    if doc.province.is_none() {
        let from_header = doc
            .issuer
            .as_deref()
            .and_then(|i| places.name_at_end(i))
            .or_else(|| doc.parent_body.as_deref().and_then(|p| places.name_at_end(p)))
            .or_else(|| {
                doc.place_date.as_ref().and_then(|d| d.place.as_deref()).and_then(|p| places.lookup(p))
            });
        doc.province = from_header.map(str::to_string);
    }
    let sentence = issuing_sentence(&intro).or_else(|| issuing_sentence(body_sample));
    if doc.province.is_none() {
        doc.province = sentence
            .as_ref()
            .and_then(|(_, name)| places.lookup(name))
            .or_else(|| places.most_mentioned(&format!("{intro} {body_sample}")))
            .map(str::to_string);
    }

    // `TỈNH ỦY` under `ĐẢNG BỘ TỈNH QUẢNG NINH`: complete the issuer with the place.
    if let (Some(issuer), Some(p)) = (&doc.issuer, &doc.province) {
        if header_issuer && places.name_at_end(issuer).is_none() {
            let f = fold(issuer);
            if ["tinh uy", "thanh uy", "ban thuong vu tinh uy", "uy ban nhan dan tinh", "uy ban nhan dan"]
                .contains(&f.as_str())
            {
                let place = if f == "uy ban nhan dan" { format!("TỈNH {p}") } else { p.clone() };
                doc.issuer = Some(format!("{issuer} {}", place.to_uppercase()));
            }
        }
    }
    if !header_issuer {
        let province = doc.province.clone();
        let with_province = |s: &str| match &province {
            Some(p) => format!("{s} {p}"),
            None => s.to_string(),
        };
        if let Some((subject, name)) = &sentence {
            doc.issuer =
                Some(if name.is_empty() { with_province(subject) } else { format!("{subject} {name}") });
        } else if let Some(auth) = doc.signature.as_ref().and_then(|s| s.authority.as_deref()) {
            let f = fold(auth);
            doc.issuer = if f.contains("ban thuong vu") {
                Some(with_province("Ban Thường vụ Tỉnh ủy"))
            } else if f.contains("tinh uy") {
                Some(with_province("Tỉnh ủy"))
            } else if f.contains("uy ban nhan dan") {
                Some(with_province("Ủy ban nhân dân tỉnh"))
            } else {
                None
            };
        }
    }

    if doc.kind.is_none() {
        doc.kind = doc
            .number
            .as_ref()
            .and_then(number_kind)
            .or_else(|| {
                doc.signature
                    .as_ref()
                    .and_then(|s| s.authority.as_deref())
                    .and_then(|a| kind_of_body(&fold(a)))
            })
            .or_else(|| doc.issuer.as_deref().and_then(|i| kind_of_body(&fold(i))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuing_sentences() {
        assert_eq!(
            issuing_sentence("(sau đây viết tắt là Nghị quyết số 45-NQ/TW), Ban Thường vụ Tỉnh ủy Cao Bằng xây dựng Kế hoạch thực hiện"),
            Some(("Ban Thường vụ Tỉnh ủy".to_string(), "Cao Bằng".to_string()))
        );
        assert_eq!(
            issuing_sentence("(Kế hoạch số 20-KH/TW); Tỉnh ủy ban hành Chương trình hành động"),
            Some(("Tỉnh ủy".to_string(), String::new()))
        );
        assert_eq!(issuing_sentence("giúp việc Tỉnh uỷ nhằm triển khai"), None);
        assert_eq!(
            issuing_sentence("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"),
            Some(("Ủy ban nhân dân tỉnh".to_string(), String::new()))
        );
    }
}
