//! Section labels and list markers at the start of a line.

use crate::model::LabelKind;
use regex::Regex;
use std::sync::LazyLock;

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

static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(X{0,3}(?:IX|IV|V?I{0,3}))[ \t]?([.\-–—:])").unwrap());
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?").unwrap());
static ARABIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,2})[ \t]?([.\-–])").unwrap());
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\(([0-9]{1,2})\)|([0-9]{1,2})\))").unwrap());
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-zđ])\)").unwrap());
static DOC_NUMBER_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-ZĐ][A-Za-zĐđ]{0,4}/").unwrap());

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

/// Recognises a section label at the start of `line` (already trimmed).
pub fn parse_label(line: &str) -> Option<Label> {
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
            return Some(Label { text: line[..end].to_string(), kind: LabelKind::Decimal, value, rest });
        }
    }
    if let Some(c) = ARABIC.captures(line) {
        let end = c.get(0).unwrap().end();
        if let Some(rest) = text_start(line, end, false) {
            // `45-NQ/TW` at the start of a line is a document number, not a label.
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

/// The label without punctuation (`III-` → `III`, `(1)` → `1`, `2.1.` → `2.1`).
pub fn path_segment(label: &str) -> String {
    let t: &str = label.trim().trim_matches(|c: char| !c.is_alphanumeric());
    t.to_string()
}

/// Whether `next` follows `prev` in sequence (same kind; for decimals the same prefix).
pub fn follows(prev: &Label, next: &Label) -> bool {
    if prev.kind != next.kind || prev.value.len() != next.value.len() {
        return false;
    }
    let n = prev.value.len();
    prev.value[..n - 1] == next.value[..n - 1] && next.value[n - 1] == prev.value[n - 1] + 1
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
}
