//! Tokens for comparison: Vietnamese syllables, punctuation as tokens of its own, and
//! bags of folded words for similarity.

use crate::label::{parse_bullet, parse_label};
use crate::text::fold;
use std::collections::HashMap;

/// A syllable or a punctuation mark, with whether a space came before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The text, NFC.
    pub text: String,
    /// Whether white space stood before it.
    pub space_before: bool,
}

impl Token {
    /// Whether the token is punctuation (no letter or digit).
    pub fn is_punct(&self) -> bool {
        !self.text.chars().any(char::is_alphanumeric)
    }
}

/// Splits text into syllables and punctuation marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut space = false;
    let flush = |cur: &mut String, out: &mut Vec<Token>, space: &mut bool| {
        if !cur.is_empty() {
            out.push(Token { text: std::mem::take(cur), space_before: *space });
            *space = false;
        }
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut cur, &mut out, &mut space);
            space = true;
        } else if c.is_alphanumeric() || crate::text::space_class(c).is_none() {
            cur.push(c);
        } else {
            flush(&mut cur, &mut out, &mut space);
            out.push(Token { text: c.to_string(), space_before: space });
            space = false;
        }
    }
    flush(&mut cur, &mut out, &mut space);
    if let Some(first) = out.first_mut() {
        first.space_before = false;
    }
    out
}

/// Joins tokens back into text.
pub fn join(tokens: &[Token]) -> String {
    let mut s = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Text without a leading section label or list marker (`III- `, `2.1. `, `- `).
pub fn strip_marker(text: &str) -> &str {
    if let Some(l) = parse_label(text) {
        return &text[l.rest..];
    }
    if let Some((_, at)) = parse_bullet(text) {
        return &text[at..];
    }
    text
}

/// Folded words (no punctuation, no markers) for similarity.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    fold(strip_marker(text))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// A bag of words with counts.
pub type Bag = HashMap<String, u32>;

/// The bag of folded words of some texts.
pub fn bag<'a>(texts: impl IntoIterator<Item = &'a str>) -> Bag {
    let mut b = Bag::new();
    for t in texts {
        for w in words(t) {
            *b.entry(w).or_default() += 1;
        }
    }
    b
}

/// Dice coefficient of two bags (multiset overlap): 1 for equal bags, 0 for disjoint.
pub fn dice(a: &Bag, b: &Bag) -> f32 {
    let (na, nb): (u32, u32) = (a.values().sum(), b.values().sum());
    if na + nb == 0 {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common: u32 = small.iter().map(|(w, n)| (*n).min(*large.get(w).unwrap_or(&0))).sum();
    2.0 * common as f32 / (na + nb) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_and_punctuation() {
        let t = tokenize("Nghị quyết số 45-NQ/TW, ngày 24/11/2023.");
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Nghị", "quyết", "số", "45", "-", "NQ", "/", "TW", ",", "ngày", "24", "/", "11", "/", "2023",
                "."
            ]
        );
        assert_eq!(join(&t), "Nghị quyết số 45-NQ/TW, ngày 24/11/2023.");
    }

    #[test]
    fn dice_of_bags() {
        let a = bag(["- Nâng cao nhận thức"]);
        let b = bag(["1. nâng cao nhận thức"]);
        assert_eq!(dice(&a, &b), 1.0);
        assert_eq!(dice(&a, &bag(["khác hẳn"])), 0.0);
    }
}
