//! What the header did not say, inferred from the rest: kind, issuer and province.
//! "Ban Thường vụ Tỉnh ủy Cao Bằng xây dựng Kế hoạch …", "Tỉnh ủy ban hành Chương
//! trình …", a `T/M BAN THƯỜNG VỤ` signature, the number's form, the place-date line.

use super::header::number_kind;
use crate::model::{DocKind, Document};
use crate::places::Gazetteer;
use crate::text::{fold, fold_char_into};

/// Subjects of an issuing sentence, in the order they are tried.
const SUBJECTS: [&str; 10] = [
    "ban thuong vu tinh uy",
    "ban thuong vu thanh uy",
    "ban chap hanh dang bo tinh",
    "ban chap hanh dang bo thanh pho",
    "tinh uy",
    "thanh uy",
    "uy ban nhan dan tinh",
    "uy ban nhan dan thanh pho",
    "ubnd tinh",
    "ubnd thanh pho",
];
/// Verbs of an issuing sentence, in the order they are tried.
const VERBS: [&str; 5] = ["ban hanh", "xay dung", "trien khai", "to chuc", "thong nhat ban hanh"];

/// An issuing sentence at byte `at` of folded text: `SUBJECT( [a-z\-]+){0,4}?,? VERB\b`
/// (fewest name words first): (subject end, name end, match end).
fn issuing_at(f: &str, at: usize) -> Option<(usize, usize, usize)> {
    let b = f.as_bytes();
    for subject in SUBJECTS {
        if !f[at..].starts_with(subject) {
            continue;
        }
        let subject_end = at + subject.len();
        let mut name_end = subject_end;
        for words in 0..=4 {
            if words > 0 {
                // One more name word: a space and a run of `[a-z-]` (a shorter run cannot
                // be followed by the space or comma that comes next).
                if b.get(name_end) != Some(&b' ') {
                    break;
                }
                let run =
                    b[name_end + 1..].iter().take_while(|c| c.is_ascii_lowercase() || **c == b'-').count();
                if run == 0 {
                    break;
                }
                name_end += 1 + run;
            }
            let mut v = name_end + usize::from(b.get(name_end) == Some(&b','));
            if b.get(v) != Some(&b' ') {
                continue;
            }
            v += 1;
            for verb in VERBS {
                let end = v + verb.len();
                if f[v..].starts_with(verb)
                    && !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    return Some((subject_end, name_end, end));
                }
            }
        }
    }
    None
}

/// Non-overlapping issuing sentences in folded text, left to right:
/// (subject start, subject end, name end).
fn issuing_matches(f: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = f.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < b.len() {
            let at = from;
            from += 1;
            // Every subject starts with `b`, `t` or `u`.
            if !matches!(b[at], b'b' | b't' | b'u') {
                continue;
            }
            if let Some((subject_end, name_end, end)) = issuing_at(f, at) {
                from = end;
                return Some((at, subject_end, name_end));
            }
        }
        None
    })
}

/// Folds `s` and maps every byte of the folded string back to the byte offset of the
/// original character it came from.
fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let before = folded.len();
        fold_char_into(c, &mut folded);
        map.resize(map.len() + folded.len() - before, i);
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
    for (start, subject_end, name_end) in issuing_matches(&folded) {
        let subject_text = original_span(text, &map, start, subject_end).to_string();
        let name_text = if name_end > subject_end {
            original_span(text, &map, subject_end, name_end).trim().to_string()
        } else {
            String::new()
        };
        if name_text.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return Some((subject_text, name_text));
        }
    }
    None
}

/// How much of the opening text (summary and preamble) and of the body's first lines
/// inference reads. The issuing sentence and the names are in the first paragraphs; a
/// document without headings has its whole text in the preamble, and reading all of it
/// (a 2 MB compilation, a 36 MB paragraph) would cost time growing with it for nothing.
pub(crate) const READ_AT_MOST: usize = 16 * 1024;

/// The first `max` bytes of `s`, cut back to a character boundary.
pub(crate) fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `parts` joined by spaces, at most [`READ_AT_MOST`] bytes: what inference reads of
/// the opening and of the body's first lines.
pub(crate) fn joined_head<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if out.len() >= READ_AT_MOST {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(head(p, READ_AT_MOST));
    }
    head(&out, READ_AT_MOST).to_string()
}

/// The summary and the preamble joined, at most [`READ_AT_MOST`] bytes.
fn intro_of(doc: &Document) -> String {
    joined_head(doc.summary.iter().chain(doc.preamble.iter()).map(String::as_str))
}

pub(crate) fn infer(doc: &mut Document, body_sample: &str, places: &Gazetteer) {
    let header_issuer = doc.issuer.is_some();
    let intro = intro_of(doc);
    let body_sample = head(body_sample, READ_AT_MOST);

    // A central document has no province: `Hà Nội` of its place-date line is where
    // it was signed, and the provinces its text names are those it addresses.
    let central = crate::central::is_central(doc);
    // Province: from the header first, then the text.
    if doc.province.is_none() && !central {
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
    if doc.province.is_none() && !central {
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
    if !header_issuer && !central {
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
    fn inference_reads_a_bounded_opening() {
        // `đ` is two bytes and `ả` three: never cut inside a character.
        assert_eq!(head("đảng", 1), "");
        assert_eq!(head("đảng", 4), "đ");
        assert_eq!(head("đảng", 5), "đả");
        assert_eq!(head("abc", 10), "abc");
        let mut doc = Document {
            summary: Some("Tỉnh ủy Cao Bằng ban hành Chương trình".into()),
            preamble: vec!["trí thức ".repeat(10_000); 3],
            ..Default::default()
        };
        let intro = intro_of(&doc);
        assert!(
            intro.starts_with("Tỉnh ủy Cao Bằng ban hành") && intro.len() <= READ_AT_MOST,
            "{}",
            intro.len()
        );
        assert!(intro.len() > READ_AT_MOST - 4);
        // What it finds in the opening is still found.
        infer(&mut doc, "", crate::builtin_places());
        assert_eq!(doc.province.as_deref(), Some("Cao Bằng"));
    }

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

    /// `issuing_sentence` as it was with the regular expression, as the oracle.
    mod oracle {
        use super::super::*;
        use regex::Regex;
        use std::sync::LazyLock;

        static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(ban thuong vu (?:tinh|thanh) uy|ban chap hanh dang bo (?:tinh|thanh pho)|(?:tinh|thanh) uy|uy ban nhan dan (?:tinh|thanh pho)|ubnd (?:tinh|thanh pho))((?: [a-z\-]+){0,4}?),? (?:ban hanh|xay dung|trien khai|to chuc|thong nhat ban hanh)(?-u:\b)",
            )
            .unwrap()
        });

        pub(super) fn issuing_sentence(text: &str) -> Option<(String, String)> {
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
    }

    #[test]
    fn issuing_agrees_with_the_regex_on_tricky_sentences() {
        for s in [
            "Ban Thường vụ Tỉnh ủy Cao Bằng xây dựng Kế hoạch",
            "Tỉnh ủy ban hành Chương trình hành động",
            "giúp việc Tỉnh uỷ nhằm triển khai",
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch",
            "UBND tỉnh Hà Giang, ban hành",
            "UBND thành phố Hồ Chí Minh ban hành",
            "Ban Chấp hành Đảng bộ thành phố Hải Phòng thống nhất ban hành",
            "Tỉnh ủy a b c d e ban hành; Tỉnh ủy Cao Bằng tổ chức",
            "Tỉnh ủy nhằm ban hành, Thành ủy Huế triển khai",
            "Tỉnh ủy ban hànhx Tỉnh ủy ban hành_ Tỉnh ủy ban hành1 Tỉnh ủy ban hành",
            "xtỉnh ủy ban hành",
            "tỉnh ủy,  ban hành tỉnh ủy Hà-Giang, xây dựng",
            "Ban Thường vụ Thành ủy ban hành",
        ] {
            assert_eq!(issuing_sentence(s), oracle::issuing_sentence(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn issuing_agrees_with_the_regex(
            s in crate::text::testing::pieces_from(
                &["Ban", "ban", "thường", "vụ", "Tỉnh", "tinh", "Thành", "ủy", "uỷ", "phố", "chấp", "hành", "Đảng",
                  "bộ", "Ủy", "nhân", "dân", "UBND", "xây", "dựng", "triển", "khai", "tổ", "chức", "thống", "nhất",
                  " ", " ", " ", ",", "-", "x", "Cao", "Bằng", "a1", "_", "Hà-Giang"], 14)
        ) {
            proptest::prop_assert_eq!(issuing_sentence(&s), oracle::issuing_sentence(&s));
        }
    }
}
