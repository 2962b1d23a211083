//! Section labels and list markers at the start of a line.

use crate::model::LabelKind;

/// A recognised section label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// As written, without surrounding spaces (`III-`, `2.1.`, `(1)`, `a)`).
    pub text: String,
    /// How it is written.
    pub kind: LabelKind,
    /// Its numeric value(s): `III` → `[3]`, `2.1.` → `[2, 1]`, `c)` → `[3]`.
    pub value: Vec<u32>,
    /// Byte offset in the line where the text after the label starts.
    pub rest: usize,
}

/// Letters used to label items, in Vietnamese order (no f, j, w, z; `đ` after `d`).
const VI_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

/// Value of a Roman numeral of at most a few letters.
pub fn roman_value(s: &str) -> Option<u32> {
    let v = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(v).collect();
    let digits = digits?;
    if digits.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// Writes `n` as a Roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The Vietnamese item letter for 1-based `n` (`1` → `a`, `5` → `đ`).
pub fn to_letter(n: u32) -> String {
    VI_LETTERS.chars().nth(n.saturating_sub(1) as usize).map(String::from).unwrap_or_else(|| n.to_string())
}

fn letter_value(c: char) -> u32 {
    VI_LETTERS.chars().position(|l| l == c).map(|p| p as u32 + 1).unwrap_or(0)
}

/// After a label: the byte offset where its text starts, if the label ends properly
/// (white space, the end of the line, or a letter that `upper_only` restricts to capitals).
fn text_start(line: &str, at: usize, upper_only: bool) -> Option<usize> {
    let rest = &line[at..];
    let trimmed = rest.trim_start();
    match rest.chars().next() {
        None => Some(line.len()),
        Some(c) if c.is_whitespace() => Some(line.len() - trimmed.len()),
        Some(c) if c.is_alphabetic() && (!upper_only || c.is_uppercase()) => Some(at),
        _ => None,
    }
}

/// Number of ASCII digits at the start of `b`.
fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// A separator among `seps` at the start of `s`, with its length in bytes.
fn sep_at(s: &str, seps: &[char]) -> Option<usize> {
    s.chars().next().filter(|c| seps.contains(c)).map(char::len_utf8)
}

/// `[ \t]?` then one of `seps` at byte `at`: the byte offset after the separator.
fn spaced_sep(line: &str, at: usize, seps: &[char]) -> Option<usize> {
    let rest = &line[at..];
    if rest.starts_with([' ', '\t']) {
        if let Some(n) = sep_at(&rest[1..], seps) {
            return Some(at + 1 + n);
        }
    }
    sep_at(rest, seps).map(|n| at + n)
}

/// `^(X{0,3}(?:IX|IV|V?I{0,3}))[ \t]?([.\-–—:])`: (numeral, end of the match).
fn match_roman(line: &str) -> Option<(&str, usize)> {
    let run = line.bytes().take_while(|c| matches!(c, b'X' | b'I' | b'V')).count();
    let num = &line[..run];
    // The separator is neither X, I nor V, so the numeral is the whole run.
    let x = num.bytes().take_while(|&c| c == b'X').count();
    let r = &num[x..];
    let ones = r.strip_prefix('V').unwrap_or(r);
    let valid = x <= 3 && (matches!(r, "IX" | "IV") || (ones.len() <= 3 && ones.bytes().all(|c| c == b'I')));
    if !valid {
        return None;
    }
    Some((num, spaced_sep(line, run, &['.', '-', '–', '—', ':'])?))
}

/// `^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?`: (numbers, end of the match).
fn match_decimal(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let first = digits(b);
    if first == 0 {
        return None;
    }
    let mut end = first.min(2);
    let mut parts = 0;
    while b.get(end) == Some(&b'.') {
        let d = digits(&b[end + 1..]);
        if d == 0 {
            break;
        }
        end += 1 + d.min(2);
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    let whole = end + usize::from(b.get(end) == Some(&b'.'));
    Some((&line[..end], whole))
}

/// `^([0-9]{1,2})[ \t]?([.\-–])`: (number, end of the match).
fn match_arabic(line: &str) -> Option<(&str, usize)> {
    let d = digits(line.as_bytes());
    if !(1..=2).contains(&d) {
        return None;
    }
    Some((&line[..d], spaced_sep(line, d, &['.', '-', '–'])?))
}

/// `^(?:\(([0-9]{1,2})\)|([0-9]{1,2})\))`: (number, end of the match).
fn match_paren(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let open = usize::from(b.first() == Some(&b'('));
    let try_at = |at: usize| {
        let d = digits(&b[at..]);
        ((1..=2).contains(&d) && b.get(at + d) == Some(&b')')).then(|| (&line[at..at + d], at + d + 1))
    };
    if open == 1 {
        if let Some(m) = try_at(1) {
            return Some(m);
        }
    }
    try_at(0)
}

/// `^([a-zđ])\)`: (letter, end of the match).
fn match_letter(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| c.is_ascii_lowercase() || *c == 'đ')?;
    line[c.len_utf8()..].starts_with(')').then(|| (c, c.len_utf8() + 1))
}

/// `^[A-ZĐ][A-Za-zĐđ]{0,4}/`: the start of a document number (`NQ/TW`).
fn doc_number_start(s: &str) -> bool {
    let mut cs = s.chars();
    if !cs.next().is_some_and(|c| c.is_ascii_uppercase() || c == 'Đ') {
        return false;
    }
    let letter = |c: &char| c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ');
    let mut n = 0;
    for c in cs {
        if letter(&c) {
            n += 1;
            if n > 4 {
                return false;
            }
        } else {
            return c == '/';
        }
    }
    false
}

/// Recognises a section label at the start of `line` (already trimmed).
pub fn parse_label(line: &str) -> Option<Label> {
    let first = *line.as_bytes().first()?;
    // Every label starts with a Roman numeral letter, a digit, `(` or a lower-case letter.
    if !(matches!(first, b'X' | b'I' | b'V' | b'(' | b'0'..=b'9' | b'a'..=b'z') || line.starts_with('đ')) {
        return None;
    }
    if let Some((num, end)) = match_roman(line) {
        if !num.is_empty() {
            if let Some(rest) = text_start(line, end, true) {
                return Some(Label {
                    text: line[..end].replace(' ', ""),
                    kind: LabelKind::Roman,
                    value: vec![roman_value(num)?],
                    rest,
                });
            }
        }
    }
    if let Some((nums, end)) = match_decimal(line) {
        if let Some(rest) = text_start(line, end, true) {
            let value = nums.split('.').filter_map(|p| p.parse().ok()).collect();
            return Some(Label { text: line[..end].to_string(), kind: LabelKind::Decimal, value, rest });
        }
    }
    if let Some((num, end)) = match_arabic(line) {
        if let Some(rest) = text_start(line, end, false) {
            // `45-NQ/TW` at the start of a line is a document number, not a label.
            if !doc_number_start(&line[rest..]) {
                return Some(Label {
                    text: line[..end].replace(' ', ""),
                    kind: LabelKind::Arabic,
                    value: vec![num.parse().ok()?],
                    rest,
                });
            }
        }
    }
    if let Some((num, end)) = match_paren(line) {
        if let Some(rest) = text_start(line, end, false) {
            let n = num.parse().ok()?;
            return Some(Label {
                text: line[..end].to_string(),
                kind: LabelKind::Parenthesised,
                value: vec![n],
                rest,
            });
        }
    }
    if let Some((ch, end)) = match_letter(line) {
        if let Some(rest) = text_start(line, end, false) {
            return Some(Label {
                text: line[..end].to_string(),
                kind: LabelKind::Letter,
                value: vec![letter_value(ch)],
                rest,
            });
        }
    }
    None
}

/// A list marker at the start of a line: returns the normalised marker (`-` or `+`)
/// and the byte offset of the text after it.
pub fn parse_bullet(line: &str) -> Option<(char, usize)> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let marker = match c {
        '-' | '–' | '—' | '•' | '·' | '∙' | '●' | '○' | '▪' | '\u{F0A7}' | '\u{F0B7}' | '\u{F02D}' => {
            '-'
        }
        '+' => '+',
        _ => return None,
    };
    let after = &line[c.len_utf8()..];
    let rest = after.trim_start();
    // `-----` is a rule, `-5%` a number: neither is a bullet; `- 25% trí thức` is.
    let first = rest.chars().next()?;
    let spaced = after.len() != rest.len();
    let ok = first.is_alphabetic()
        || matches!(first, '(' | '"' | '“' | '\'' | '[')
        || (spaced && first.is_alphanumeric());
    if !ok {
        return None;
    }
    Some((marker, line.len() - rest.len()))
}

/// Rewrites every section label from the structure: level 1 Roman with the profile's
/// separator (`I-` or `I.`), level 2 `1.`, deeper levels in the kind each section was
/// written in (`2.1.`, `(1)`, `a)`). Moving or inserting a section renumbers the rest.
pub fn renumber(sections: &mut [crate::model::Section], roman_separator: &str) {
    fn go(secs: &mut [crate::model::Section], depth: usize, parent: &str, sep: &str) {
        for (i, s) in secs.iter_mut().enumerate() {
            let n = i as u32 + 1;
            let (label, kind) = match (depth, s.label_kind) {
                (0, _) => (format!("{}{sep}", to_roman(n)), LabelKind::Roman),
                (1, _) => (format!("{n}."), LabelKind::Arabic),
                (_, LabelKind::Decimal) => {
                    (format!("{}.{n}.", parent.trim_end_matches('.')), LabelKind::Decimal)
                }
                (_, LabelKind::Parenthesised) => (format!("({n})"), LabelKind::Parenthesised),
                (_, LabelKind::Letter) => (format!("{})", to_letter(n)), LabelKind::Letter),
                _ => (format!("{n}."), LabelKind::Arabic),
            };
            s.label = label;
            s.label_kind = kind;
            let me = s.label.clone();
            go(&mut s.children, depth + 1, &me, sep);
        }
    }
    go(sections, 0, "", roman_separator);
}

pub use crate::model::path_segment;

/// Whether `next` follows `prev` in sequence (same kind; for decimals the same prefix).
pub fn follows(prev: &Label, next: &Label) -> bool {
    if prev.kind != next.kind || prev.value.len() != next.value.len() {
        return false;
    }
    let n = prev.value.len();
    prev.value[..n - 1] == next.value[..n - 1] && next.value[n - 1] == prev.value[n - 1] + 1
}

/// The visible marker of a Word bullet (Word stores the glyph, not the character the
/// drafter means): `+` and `-` (or a dash) as typed; any other glyph (`•`, ``, a
/// symbol-font character) `-` at the first level and `+` below it.
///
/// ```
/// use banthao_core::label::bullet_marker;
/// assert_eq!(bullet_marker("–", 1), "-");
/// assert_eq!(bullet_marker("\u{F0B7}", 0), "-");
/// assert_eq!(bullet_marker("\u{F0B7}", 1), "+");
/// ```
pub fn bullet_marker(glyph: &str, level: usize) -> &'static str {
    match glyph.trim() {
        "+" => "+",
        "-" | "–" | "—" => "-",
        _ if level == 0 => "-",
        _ => "+",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<(LabelKind, Vec<u32>, String)> {
        parse_label(s).map(|l| (l.kind, l.value, l.text))
    }

    #[test]
    fn recognises_the_genre_labels() {
        assert_eq!(kind("I- TÌNH HÌNH").unwrap(), (LabelKind::Roman, vec![1], "I-".into()));
        assert_eq!(kind("III. NHIỆM VỤ").unwrap().1, vec![3]);
        assert_eq!(kind("IV – TỔ CHỨC").unwrap().1, vec![4]);
        assert_eq!(kind("2. Mục tiêu").unwrap(), (LabelKind::Arabic, vec![2], "2.".into()));
        assert_eq!(
            kind("2.1. Mục tiêu đến năm 2030").unwrap(),
            (LabelKind::Decimal, vec![2, 1], "2.1.".into())
        );
        assert_eq!(kind("(3) Ưu tiên").unwrap(), (LabelKind::Parenthesised, vec![3], "(3)".into()));
        assert_eq!(kind("b) Nội dung").unwrap(), (LabelKind::Letter, vec![2], "b)".into()));
        assert_eq!(kind("đ) Nội dung").unwrap().1, vec![5]);
    }

    #[test]
    fn rejects_look_alikes() {
        assert!(parse_label("1.216 thạc sĩ").is_none());
        assert!(parse_label("45-NQ/TW, Kế hoạch").is_none());
        assert!(parse_label("Ia ngày").is_none());
        assert!(parse_label("2024 là năm").is_none());
        assert!(parse_label("Việt Nam").is_none());
    }

    #[test]
    fn bullets() {
        assert_eq!(parse_bullet("- Quán triệt"), Some(('-', 2)));
        assert_eq!(parse_bullet("+ Lĩnh vực"), Some(('+', 2)));
        assert_eq!(parse_bullet("-----"), None);
        assert_eq!(parse_bullet("-5% so với"), None);
        assert_eq!(parse_bullet("- 25% trí thức trẻ"), Some(('-', 2)));
        assert_eq!(parse_bullet("- - -"), None);
    }

    #[test]
    fn renumbering_follows_structure() {
        use crate::model::Section;
        let mut secs =
            vec![Section::new("III.", LabelKind::Roman, "B"), Section::new("I.", LabelKind::Roman, "A")];
        secs[0].children =
            vec![Section::new("7.", LabelKind::Arabic, "x"), Section::new("2.", LabelKind::Arabic, "y")];
        secs[0].children[1].children = vec![
            Section::new("2.5.", LabelKind::Decimal, "d"),
            Section::new("(9)", LabelKind::Parenthesised, "p"),
        ];
        secs[1].children = vec![Section::new("c)", LabelKind::Letter, "l")];
        renumber(&mut secs, "-");
        assert_eq!(secs[0].label, "I-");
        assert_eq!(secs[1].label, "II-");
        assert_eq!(secs[0].children[1].label, "2.");
        assert_eq!(secs[0].children[1].children[0].label, "2.1.");
        assert_eq!(secs[0].children[1].children[1].label, "(2)");
        assert_eq!(secs[1].children[0].label, "1.");
    }

    #[test]
    fn roman_round_trip() {
        for n in 1..40 {
            assert_eq!(roman_value(&to_roman(n)), Some(n));
        }
    }

    /// The regular expressions `parse_label` used, as the oracle of the matchers.
    mod oracle {
        use super::super::*;
        use regex::Regex;
        use std::sync::LazyLock;

        static ROMAN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(X{0,3}(?:IX|IV|V?I{0,3}))[ \t]?([.\-–—:])").unwrap());
        static DECIMAL: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?").unwrap());
        static ARABIC: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^([0-9]{1,2})[ \t]?([.\-–])").unwrap());
        static PAREN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:\(([0-9]{1,2})\)|([0-9]{1,2})\))").unwrap());
        static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-zđ])\)").unwrap());
        static DOC_NUMBER_START: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[A-ZĐ][A-Za-zĐđ]{0,4}/").unwrap());

        /// `parse_label` as it was with the regular expressions.
        pub(super) fn parse_label(line: &str) -> Option<Label> {
            if let Some(c) = ROMAN.captures(line) {
                let num = c.get(1).unwrap().as_str();
                let end = c.get(0).unwrap().end();
                if !num.is_empty() {
                    if let Some(rest) = text_start(line, end, true) {
                        return Some(Label {
                            text: line[..end].replace(' ', ""),
                            kind: LabelKind::Roman,
                            value: vec![roman_value(num)?],
                            rest,
                        });
                    }
                }
            }
            if let Some(c) = DECIMAL.captures(line) {
                let end = c.get(0).unwrap().end();
                if let Some(rest) = text_start(line, end, true) {
                    let value = c[1].split('.').filter_map(|p| p.parse().ok()).collect();
                    return Some(Label {
                        text: line[..end].to_string(),
                        kind: LabelKind::Decimal,
                        value,
                        rest,
                    });
                }
            }
            if let Some(c) = ARABIC.captures(line) {
                let end = c.get(0).unwrap().end();
                if let Some(rest) = text_start(line, end, false) {
                    if !DOC_NUMBER_START.is_match(&line[rest..]) {
                        return Some(Label {
                            text: line[..end].replace(' ', ""),
                            kind: LabelKind::Arabic,
                            value: vec![c[1].parse().ok()?],
                            rest,
                        });
                    }
                }
            }
            if let Some(c) = PAREN.captures(line) {
                let end = c.get(0).unwrap().end();
                if let Some(rest) = text_start(line, end, false) {
                    let n = c.get(1).or(c.get(2)).unwrap().as_str().parse().ok()?;
                    return Some(Label {
                        text: line[..end].to_string(),
                        kind: LabelKind::Parenthesised,
                        value: vec![n],
                        rest,
                    });
                }
            }
            if let Some(c) = LETTER.captures(line) {
                let end = c.get(0).unwrap().end();
                if let Some(rest) = text_start(line, end, false) {
                    let ch = c[1].chars().next()?;
                    return Some(Label {
                        text: line[..end].to_string(),
                        kind: LabelKind::Letter,
                        value: vec![letter_value(ch)],
                        rest,
                    });
                }
            }
            None
        }

        pub(super) fn doc_number_start(s: &str) -> bool {
            DOC_NUMBER_START.is_match(s)
        }
    }

    #[test]
    fn matchers_agree_with_the_regexes_on_tricky_lines() {
        for line in [
            "I- TÌNH HÌNH",
            "I-",
            "I -TÌNH",
            "IV.",
            "IV. Nhiệm vụ",
            "IIII. X",
            "XL. A",
            "XXXIX. A",
            "XXXX. A",
            "VI – A",
            "VIV. A",
            "IX: A",
            "I\t.A",
            "I  . A",
            "V. I. Lê-nin",
            "Ia ngày",
            "I.a",
            "I.Á",
            "I.1",
            "2.1.",
            "2.1. Mục tiêu",
            "2.1 Mục",
            "2.1.3.4 Á",
            "12.34.56. X",
            "123.4 X",
            "1.216 thạc sĩ",
            "1.234",
            "02.1.",
            "2.",
            "2. Mục",
            "2 . Mục",
            "2- Mục",
            "2 – x",
            "2—x",
            "2.x",
            "2.Mục",
            "45-NQ/TW",
            "45- NQ/TW, Kế",
            "45-ĐẢNG/TW",
            "45-ABCDE/TW",
            "45-ABCDEF/TW",
            "4-Đđ/",
            "100. A",
            "(1)",
            "(1) Ưu",
            "(12)x",
            "(123) x",
            "1)",
            "12) Á",
            "(1",
            "(1)2",
            "()",
            "a)",
            "đ) Nội dung",
            "đ)",
            "z)x",
            "A) x",
            "b) ",
            "b)c",
            "b)1",
            "Đ) x",
            "",
            " ",
            "-",
            "Việt Nam",
            "X",
            "XI",
            "XI.",
            "I\u{a0}. A",
            "Ⅰ. A",
        ] {
            assert_eq!(parse_label(line), oracle::parse_label(line), "{line:?}");
        }
        for s in ["NQ/TW", "N/", "Đ/", "ĐảNG/", "ABCDE/", "ABCDEF/", "nQ/TW", "Q", "Qabc", "Q1/"] {
            assert_eq!(doc_number_start(s), oracle::doc_number_start(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn labels_agree_with_the_regexes(
            line in crate::text::testing::chars_from("XIVLxiv0129.-–—:() \tabđĐzAÁNQ/Tư,", 10)
        ) {
            proptest::prop_assert_eq!(parse_label(&line), oracle::parse_label(&line));
        }

        #[test]
        fn labels_agree_on_pieces(
            line in crate::text::testing::pieces_from(
                &["I", "V", "X", "II", "IV", "IX", "1", "12", "123", ".", "-", "–", "—", ":", " ", "\t", "(", ")",
                  "a", "đ", "Đ", "NQ", "/", "TW", "Mục", "tiêu", "ABCDE", "Á"], 8)
        ) {
            proptest::prop_assert_eq!(parse_label(&line), oracle::parse_label(&line));
        }

        #[test]
        fn doc_numbers_agree_with_the_regex(
            s in crate::text::testing::chars_from("ANQaĐđz/1-. Á", 8)
        ) {
            proptest::prop_assert_eq!(doc_number_start(&s), oracle::doc_number_start(&s));
        }
    }
}
