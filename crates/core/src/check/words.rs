//! Words: doubled words and phrases (`góp góp`, `thực hiện thực hiện`) but not the
//! legitimate ones (`hành vi vi phạm`), common misspellings (data), unbalanced quotes
//! and brackets, a space before punctuation, double spaces.

use super::data::Data;
use super::scan::{phrase_keys, Token};
use super::{Finding, Severity, Unit};

fn doubled(u: &Unit<'_>, ts: &[Token<'_>], data: &Data, out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < ts.len() {
        let mut hit = false;
        for n in (1..=4).rev() {
            if i + 2 * n > ts.len() {
                continue;
            }
            let (a, b) = (&ts[i..i + n], &ts[i + n..i + 2 * n]);
            let all_words = a.iter().chain(b).all(|t| t.word);
            if !all_words || a.iter().zip(b).any(|(x, y)| x.lower != y.lower) {
                continue;
            }
            if a.iter().any(|t| t.text.chars().all(|c| c.is_ascii_digit())) {
                continue;
            }
            // `… đảng ủy Ủy ban …`: a capital on the second copy only begins a name.
            if n == 1
                && b[0].text.starts_with(char::is_uppercase)
                && !a[0].text.starts_with(char::is_uppercase)
            {
                continue;
            }
            let phrase: Vec<&str> = a.iter().map(|t| t.lower.as_str()).collect();
            let phrase = phrase.join(" ");
            if n == 1 && data.doubled_ok.contains(&phrase)
                || n > 1 && data.doubled_phrases_ok.contains(&phrase)
            {
                continue;
            }
            let (severity, code) = if n == 1 {
                (Severity::Warning, "doubled-word")
            } else {
                (Severity::Error, "doubled-phrase")
            };
            let first = a.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            out.push(u.finding(
                code,
                severity,
                format!("«{first}» viết lặp hai lần liền nhau."),
                a[0].start,
                b[n - 1].end,
                Some(u.text[a[0].byte..a[n - 1].byte + a[n - 1].text.len()].to_string()),
            ));
            i += 2 * n;
            hit = true;
            break;
        }
        if !hit {
            i += 1;
        }
    }
}

fn misspellings(u: &Unit<'_>, ts: &[Token<'_>], data: &Data, keys: &[Vec<String>], out: &mut Vec<Finding>) {
    for (m, keys) in data.misspellings.iter().zip(keys) {
        let Some(k0) = keys.first() else { continue };
        for i in 0..ts.len() {
            if &ts[i].lower != k0 || i + keys.len() > ts.len() {
                continue;
            }
            if !ts[i..i + keys.len()].iter().zip(keys).all(|(t, k)| &t.lower == k) {
                continue;
            }
            let last = &ts[i + keys.len() - 1];
            let excerpt = &u.text[ts[i].byte..last.byte + last.text.len()];
            let right = if excerpt.starts_with(char::is_uppercase) {
                let mut cs = m.right.chars();
                cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
            } else {
                m.right.clone()
            };
            out.push(u.finding(
                "misspelling",
                Severity::Error,
                format!("«{excerpt}» viết sai chính tả: «{right}»."),
                ts[i].start,
                last.end,
                Some(right),
            ));
        }
    }
}

/// A `)` that closes an item label (`a)`, `2)`) rather than a bracket.
fn closes_label(ts: &[Token<'_>], i: usize) -> bool {
    i >= 1
        && ts[i - 1].word
        && ts[i - 1].text.chars().count() <= 2
        && (i == 1 || ts[i - 1].space_before || ts[i - 2].text == ",")
}

fn brackets(u: &Unit<'_>, ts: &[Token<'_>], out: &mut Vec<Finding>) {
    let mut open: Vec<&Token<'_>> = Vec::new();
    let mut quotes: Vec<&Token<'_>> = Vec::new();
    let mut straight: Vec<&Token<'_>> = Vec::new();
    let mut push = |t: &Token<'_>, what: &str| {
        out.push(u.finding(
            "unbalanced",
            Severity::Warning,
            format!("{what} «{}» không có dấu tương ứng.", t.text),
            t.start,
            t.end,
            None,
        ));
    };
    for (i, t) in ts.iter().enumerate() {
        match t.text {
            "(" => open.push(t),
            ")" if open.pop().is_none() && !closes_label(ts, i) => push(t, "Dấu ngoặc"),
            "“" => quotes.push(t),
            "”" if quotes.pop().is_none() => push(t, "Dấu ngoặc kép"),
            "\"" => straight.push(t),
            _ => {}
        }
    }
    for t in open {
        push(t, "Dấu ngoặc");
    }
    for t in quotes {
        push(t, "Dấu ngoặc kép");
    }
    if straight.len() % 2 == 1 {
        if let Some(t) = straight.last() {
            push(t, "Dấu ngoặc kép");
        }
    }
}

fn spacing(u: &Unit<'_>, out: &mut Vec<Finding>) {
    let cs: Vec<char> = u.text.chars().collect();
    let mut i = 0;
    while i + 1 < cs.len() {
        let (a, b) = (cs[i], cs[i + 1]);
        if a == ' ' && b == ' ' {
            let mut e = i + 1;
            while e < cs.len() && cs[e] == ' ' {
                e += 1;
            }
            if e < cs.len() && i > 0 {
                out.push(u.finding(
                    "double-space",
                    Severity::Warning,
                    "Thừa dấu cách.",
                    i,
                    e,
                    Some(" ".into()),
                ));
            }
            i = e;
            continue;
        }
        if a == ' ' && matches!(b, ',' | ';' | ':' | '.' | '?' | '!' | ')') && i > 0 {
            let next = cs.get(i + 2).copied();
            // `./.`, `...` and `. . .` are not punctuation after a word.
            let dotted = b == '.' && (matches!(next, Some('.' | '/')) || cs[i - 1] == '.');
            if !dotted {
                out.push(u.finding(
                    "space-before-punctuation",
                    Severity::Warning,
                    format!("Thừa dấu cách trước «{b}»."),
                    i,
                    i + 2,
                    Some(b.to_string()),
                ));
            }
        }
        i += 1;
    }
}

/// Findings on words and punctuation.
pub(super) fn check(units: &[Unit<'_>], toks: &[Vec<Token<'_>>], data: &Data) -> Vec<Finding> {
    let mut out = Vec::new();
    let keys: Vec<Vec<String>> = data.misspellings.iter().map(|m| phrase_keys(&m.wrong, false)).collect();
    for (u, ts) in units.iter().zip(toks) {
        doubled(u, ts, data, &mut out);
        misspellings(u, ts, data, &keys, &mut out);
        if u.path != "header" {
            brackets(u, ts, &mut out);
            spacing(u, &mut out);
        }
    }
    out
}
