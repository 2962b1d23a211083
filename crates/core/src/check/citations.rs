//! Citations of documents (`Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của …`): the type
//! name against the type code, the date against the first full citation and the known
//! documents, the issuer against the known one, a symbol against its other spellings.

use super::data::Data;
use super::{Finding, Severity, Unit};
use crate::text::fold;
use std::collections::HashMap;

/// One citation found in a unit.
#[derive(Debug, Clone)]
struct Cite {
    unit: usize,
    start: usize,
    end: usize,
    symbol: String,
    number: String,
    code: Option<String>,
    issuer: String,
    /// The type name written before it (`Nghị quyết`), folded.
    name: Option<String>,
    /// (day, month, year, start, end) of the date that follows.
    date: Option<(u32, u32, u32, usize, usize)>,
    /// The issuing body named after `của`, and its range.
    by: Option<(String, usize, usize)>,
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ')
}

fn is_issuer_char(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ'
}

fn run(cs: &[char], mut i: usize, f: impl Fn(char) -> bool) -> usize {
    while i < cs.len() && f(cs[i]) {
        i += 1;
    }
    i
}

/// The symbol starting at `i` (a digit not preceded by a word character): its end,
/// number, type code and issuer.
fn symbol_at(cs: &[char], i: usize) -> Option<(usize, String, Option<String>, String)> {
    let d = run(cs, i, |c| c.is_ascii_digit());
    if d == i || d - i > 5 || d >= cs.len() {
        return None;
    }
    let number: String = cs[i..d].iter().collect();
    let s = |a: usize, b: usize| cs[a..b].iter().collect::<String>();
    match cs[d] {
        '-' => {
            let c0 = d + 1;
            let c1 = run(cs, c0, is_code_char);
            if c1 == c0 || c1 - c0 > 4 || !cs[c0].is_uppercase() || cs.get(c1) != Some(&'/') {
                return None;
            }
            let i1 = run(cs, c1 + 1, is_issuer_char);
            if i1 == c1 + 1 || cs.get(i1).is_some_and(|c| c.is_alphanumeric()) {
                return None;
            }
            Some((i1, number, Some(s(c0, c1)), s(c1 + 1, i1)))
        }
        '/' => {
            let mut p = d + 1;
            let y = run(cs, p, |c| c.is_ascii_digit());
            if y > p {
                if y - p != 4 || cs.get(y) != Some(&'/') {
                    return None;
                }
                p = y + 1;
            }
            let c1 = run(cs, p, is_code_char);
            if c1 == p || !cs[p].is_uppercase() {
                return None;
            }
            if cs.get(c1) == Some(&'-') {
                let i1 = run(cs, c1 + 1, |c| is_code_char(c) || c.is_ascii_digit());
                if i1 == c1 + 1 {
                    return None;
                }
                Some((i1, number, Some(s(p, c1)), s(c1 + 1, i1)))
            } else {
                let i1 = run(cs, c1, is_issuer_char);
                Some((i1, number, None, s(p, i1)))
            }
        }
        _ => None,
    }
}

/// The type name written right before `start` (`Nghị quyết số `), folded, if one.
fn name_before(cs: &[char], start: usize, names: &[(String, String)]) -> Option<String> {
    let before: String = cs[start.saturating_sub(40)..start].iter().collect();
    let mut f = fold(&before);
    f = f.trim_end().to_string();
    for strip in ["so:", "so"] {
        if let Some(t) = f.strip_suffix(strip) {
            if t.is_empty() || t.ends_with(' ') {
                f = t.trim_end().to_string();
                break;
            }
        }
    }
    names
        .iter()
        .find(|(n, _)| {
            f.strip_suffix(n.as_str())
                .is_some_and(|t| t.is_empty() || t.ends_with(|c: char| !c.is_alphanumeric()))
        })
        .map(|(n, _)| n.clone())
}

fn digits(cs: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let e = run(cs, i, |c| c.is_ascii_digit());
    if e == i || e - i > max {
        return None;
    }
    cs[i..e].iter().collect::<String>().parse().ok().map(|v| (v, e))
}

fn skip_spaces(cs: &[char], i: usize) -> usize {
    run(cs, i, |c| c == ' ')
}

fn word_at(cs: &[char], i: usize, w: &str) -> Option<usize> {
    let n = w.chars().count();
    let got: String = cs.get(i..i + n)?.iter().collect();
    (fold(&got) == w && cs.get(i + n).is_none_or(|c| !c.is_alphanumeric())).then_some(i + n)
}

/// The date after a symbol (`, ngày 24/11/2023`, `ngày 24 tháng 11 năm 2023`).
fn date_after(cs: &[char], end: usize) -> Option<(u32, u32, u32, usize, usize)> {
    let mut i = skip_spaces(cs, end);
    if cs.get(i) == Some(&',') {
        i = skip_spaces(cs, i + 1);
    }
    let i = skip_spaces(cs, word_at(cs, i, "ngay")?);
    let (d, e) = digits(cs, i, 2)?;
    if cs.get(e) == Some(&'/') {
        let (m, e2) = digits(cs, e + 1, 2)?;
        if cs.get(e2) != Some(&'/') {
            return None;
        }
        let (y, e3) = digits(cs, e2 + 1, 4)?;
        return (y >= 1900).then_some((d, m, y, i, e3));
    }
    let e = word_at(cs, skip_spaces(cs, e), "thang")?;
    let (m, e) = digits(cs, skip_spaces(cs, e), 2)?;
    let e = word_at(cs, skip_spaces(cs, e), "nam")?;
    let (y, e) = digits(cs, skip_spaces(cs, e), 4)?;
    Some((d, m, y, i, e))
}

/// The issuing body named after `của` (`của Bộ Chính trị`).
fn by_after(cs: &[char], end: usize, issuers: &[(String, String)]) -> Option<(String, usize, usize)> {
    let i = skip_spaces(cs, end);
    let i = skip_spaces(cs, word_at(cs, i, "cua")?);
    let rest: String = cs[i..cs.len().min(i + 40)].iter().collect();
    let f = fold(&rest);
    issuers.iter().find(|(k, _)| f.starts_with(k.as_str())).map(|(k, name)| {
        let n = k.chars().count();
        (name.clone(), i, i + n)
    })
}

fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split('/').map(|p| p.trim().parse::<u32>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

fn date_text(d: (u32, u32, u32)) -> String {
    format!("{:02}/{:02}/{}", d.0, d.1, d.2)
}

fn find_cites(units: &[Unit<'_>], data: &Data) -> Vec<Cite> {
    let mut names: Vec<(String, String)> =
        data.type_codes.iter().flat_map(|t| t.names.iter().map(move |n| (fold(n), t.code.clone()))).collect();
    names.push((fold("Thông báo kết luận"), "TB".into()));
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut issuers: Vec<(String, String)> = data.issuers.iter().map(|i| (fold(i), i.clone())).collect();
    issuers.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out = Vec::new();
    for (ui, u) in units.iter().enumerate() {
        if !u.text.bytes().any(|b| b == b'/') {
            continue;
        }
        let cs: Vec<char> = u.text.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let starts = cs[i].is_ascii_digit()
                && (i == 0 || !(cs[i - 1].is_alphanumeric() || matches!(cs[i - 1], '/' | '-' | '.')));
            if let Some((end, number, code, issuer)) = starts.then(|| symbol_at(&cs, i)).flatten() {
                let date = date_after(&cs, end);
                let after = date.map_or(end, |d| d.4);
                out.push(Cite {
                    unit: ui,
                    start: i,
                    end,
                    symbol: cs[i..end].iter().collect(),
                    number,
                    code,
                    issuer,
                    name: name_before(&cs, i, &names),
                    date,
                    by: by_after(&cs, after, &issuers),
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
    // Keep the code of each name for the rules.
    out.iter_mut().for_each(|c| {
        if let Some(n) = &c.name {
            if !names.iter().any(|(k, _)| k == n) {
                c.name = None;
            }
        }
    });
    out
}

/// Findings on the citations of the document.
pub(super) fn check(units: &[Unit<'_>], data: &Data) -> Vec<Finding> {
    let cites = find_cites(units, data);
    let code_of_name = |n: &str| {
        data.type_codes
            .iter()
            .find(|t| t.names.iter().any(|x| fold(x) == n))
            .map(|t| t.code.clone())
            .or_else(|| (n == fold("Thông báo kết luận")).then(|| "TB".to_string()))
    };
    let type_label = |code: &str| {
        data.type_codes.iter().find(|t| t.code == code).map(|t| t.names[0].clone()).unwrap_or_default()
    };
    let known = |sym: &str| data.documents.iter().find(|d| d.symbol == sym);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for c in &cites {
        *count.entry(c.symbol.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    let mut first_date: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    let mut first_by: HashMap<&str, String> = HashMap::new();
    for c in &cites {
        let u = &units[c.unit];
        // A type name that contradicts the type code.
        if let (Some(name), Some(code)) = (&c.name, &c.code) {
            if let Some(want) = code_of_name(name) {
                if &want != code {
                    let fixed = c.symbol.replacen(
                        &format!("{}{code}", sep(&c.symbol, &c.number)),
                        &format!("{}{want}", sep(&c.symbol, &c.number)),
                        1,
                    );
                    let sure = cites.iter().any(|o| o.symbol == fixed) || known(&fixed).is_some();
                    out.push(u.finding(
                        "citation-type",
                        Severity::Error,
                        format!(
                            "Ký hiệu «{code}» ({}) không khớp với tên loại văn bản «{}» đứng trước: kiểm tra lại số hiệu.",
                            type_label(code),
                            type_label(&want)
                        ),
                        c.start,
                        c.end,
                        sure.then_some(fixed),
                    ));
                    continue;
                }
            }
        }
        // A symbol written once, where the same number and issuer appear with another
        // type code more often.
        if c.name.is_none() && count[c.symbol.as_str()] == 1 && known(&c.symbol).is_none() {
            if let Some(other) = cites.iter().find(|o| {
                o.number == c.number
                    && o.issuer == c.issuer
                    && o.code != c.code
                    && count[o.symbol.as_str()] >= 2
            }) {
                out.push(u.finding(
                    "citation-symbol",
                    Severity::Warning,
                    format!(
                        "Số hiệu «{}» khác với «{}» được trích dẫn ở chỗ khác trong văn bản.",
                        c.symbol, other.symbol
                    ),
                    c.start,
                    c.end,
                    Some(other.symbol.clone()),
                ));
                continue;
            }
        }
        // The date against the known document, else the first full citation.
        if let Some((d, m, y, s, e)) = c.date {
            let reference = known(&c.symbol)
                .and_then(|k| parse_date(&k.date))
                .or_else(|| first_date.get(c.symbol.as_str()).copied());
            match reference {
                Some(r) if r != (d, m, y) => out.push(u.finding(
                    "citation-date",
                    Severity::Error,
                    format!("Ngày ban hành của {} là {}, không phải {d}/{m}/{y}.", c.symbol, date_text(r)),
                    s,
                    e,
                    Some(date_text(r)),
                )),
                _ => {}
            }
            first_date.entry(c.symbol.as_str()).or_insert((d, m, y));
        }
        // The issuer against the known one, else the first naming.
        if let Some((by, s, e)) = &c.by {
            let reference = known(&c.symbol)
                .and_then(|k| k.issuer.clone())
                .or_else(|| first_by.get(c.symbol.as_str()).cloned());
            if let Some(r) = reference {
                if fold(&r) != fold(by) {
                    out.push(u.finding(
                        "citation-issuer",
                        Severity::Warning,
                        format!("{} do {r} ban hành, không phải {by}.", c.symbol),
                        *s,
                        *e,
                        Some(r.clone()),
                    ));
                }
            }
            first_by.entry(c.symbol.as_str()).or_insert_with(|| by.clone());
        }
    }
    out
}

/// The separator between number and code in a symbol (`-` or `/`, or `/2020/`).
fn sep(symbol: &str, number: &str) -> String {
    let rest = &symbol[number.len()..];
    let cut = rest.find(|c: char| c.is_alphabetic()).unwrap_or(0);
    rest[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn symbols_of_both_kinds() {
        let f = |s: &str| symbol_at(&cs(s), 0);
        assert_eq!(f("45-NQ/TW,"), Some((8, "45".into(), Some("NQ".into()), "TW".into())));
        assert_eq!(f("37-CTr/TU"), Some((9, "37".into(), Some("CTr".into()), "TU".into())));
        assert_eq!(f("30/2020/NĐ-CP"), Some((13, "30".into(), Some("NĐ".into()), "CP".into())));
        assert_eq!(f("3586/KH-UBND"), Some((12, "3586".into(), Some("KH".into()), "UBND".into())));
        assert_eq!(f("202/2025/QH15"), Some((13, "202".into(), None, "QH15".into())));
        assert_eq!(f("24/11/2023"), None);
        assert_eq!(f("10/12 hằng năm"), None);
    }

    #[test]
    fn dates_after_symbols() {
        let c = cs("45-NQ/TW, ngày 24/11/2023 của");
        assert_eq!(date_after(&c, 8), Some((24, 11, 2023, 15, 25)));
        let c = cs("45-NQ/TW ngày 24 tháng 11 năm 2023");
        assert_eq!(date_after(&c, 8).map(|d| (d.0, d.1, d.2)), Some((24, 11, 2023)));
    }
}
