//! Reflow of text extracted from PDF: lines hard-wrapped at a fixed width, trailing
//! spaces, often a blank line after every line, numbers broken at a hyphen
//! (`45-` / `NQ/TW`). Paragraphs are rebuilt without gluing headings, bullets,
//! recipients or signature lines into their neighbours.

use crate::label::{parse_bullet, parse_label};
use crate::text::{char_len, is_upper};
use regex::Regex;
use std::sync::LazyLock;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-–\s]*\d{1,3}[-–\s]*$").unwrap());
static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:nơi nhận|căn cứ|t/m\b|tm\.|kt\.|k/t|tl\.|q\.\s|trên đây là|[⁰¹²³⁴⁵⁶⁷⁸⁹])").unwrap()
});
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-_=*~.–—]{3,}$").unwrap());

/// Typical full-line width of the text (characters), if it looks hard-wrapped.
fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut lens: Vec<usize> = lines.map(|l| char_len(l.trim())).filter(|&n| n > 0).collect();
    if lens.len() < 15 {
        return None;
    }
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    let p98 = lens[(lens.len() * 98 / 100).min(lens.len() - 1)];
    if !(40..=120).contains(&p90) || p98 > p90 + 25 {
        return None;
    }
    let near_full = lens.iter().filter(|&&n| n * 10 >= p90 * 8).count();
    (near_full * 2 >= lens.len()).then_some(p90)
}

/// Whether the lines look hard-wrapped at a fixed width.
pub fn is_hard_wrapped<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    wrap_width(lines).is_some()
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', ';', ':', '!', '?', '…'])
}

/// First letter after any list marker or label.
fn first_letter_lower(s: &str) -> bool {
    let body = match (parse_bullet(s), parse_label(s)) {
        (Some((_, at)), _) => &s[at..],
        (None, Some(l)) => &s[l.rest..],
        _ => s,
    };
    body.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_lowercase())
}

fn starts_block(s: &str) -> bool {
    parse_label(s).is_some() || parse_bullet(s).is_some() || BLOCK_START.is_match(s) || RULE.is_match(s)
}

/// Rebuilds paragraphs from hard-wrapped lines. Line numbers are those of each
/// paragraph's first line.
pub fn reflow(lines: Vec<(String, usize)>) -> Vec<(String, usize)> {
    let Some(width) = wrap_width(lines.iter().map(|(l, _)| l.as_str())) else {
        return lines;
    };
    let non_blank = lines.iter().filter(|(l, _)| !l.trim().is_empty()).count();
    let blank = lines.len() - non_blank;
    // A blank line after (nearly) every line carries no meaning; rarer ones end paragraphs.
    let blanks_break = blank * 2 < non_blank;

    let mut out: Vec<(String, usize)> = Vec::new();
    let mut open = false; // whether the last paragraph may take a continuation
    let mut prev_len = 0;
    for (raw, n) in lines {
        let line = raw.trim();
        if line.is_empty() {
            if blanks_break {
                open = false;
            }
            continue;
        }
        if PAGE_NUMBER.is_match(line) {
            continue;
        }
        let len = char_len(line);
        let join = open && {
            let prev = out.last().map(|(p, _)| p.trim_end()).unwrap_or("");
            let prev_upper = is_upper(prev) && prev_len < width;
            if starts_block(line) {
                // A wrap can put `- xã hội` or `2. …` at a line start; such a line
                // continues a full line that ended mid-sentence.
                prev_len * 100 >= width * 85 && !ends_sentence(prev) && first_letter_lower(line)
            } else if prev_upper && !is_upper(line) {
                false
            } else if ends_sentence(prev) {
                // A sentence that ends before the margin ends its paragraph; one that
                // ends at the margin may go on (justified lines are nearly full).
                prev_len * 100 >= width * 88
            } else {
                // No final punctuation: the paragraph goes on unless the line was very
                // short (a heading, a signature line).
                prev_len * 100 >= width * 60
            }
        };
        if join {
            let (prev, _) = out.last_mut().unwrap();
            let glue_hyphen =
                prev.ends_with('-') && prev.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric());
            if !glue_hyphen {
                prev.push(' ');
            }
            prev.push_str(line);
        } else {
            out.push((line.to_string(), n));
        }
        prev_len = len;
        open = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<(String, usize)> {
        s.lines().enumerate().map(|(i, l)| (l.to_string(), i + 1)).collect()
    }

    #[test]
    fn short_text_is_not_wrapped() {
        assert!(!is_hard_wrapped(["a", "b"].into_iter()));
    }

    #[test]
    fn rejoins_paragraphs_and_hyphenated_numbers() {
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str("- Các cấp ủy, tổ chức đảng tổ chức nghiên cứu, quán triệt và xây \n\n");
            text.push_str("dựng chương trình, kế hoạch cụ thể thực hiện Nghị quyết số 45-\n\n");
            text.push_str("NQ/TW, Kế hoạch số 20-KH/TW và Chương trình hành động này phù hợp \n\n");
            text.push_str("với tình hình thực tế của địa phương, cơ quan, đơn vị; định kỳ kiểm \n\n");
            text.push_str("tra, đánh giá. \n\n");
        }
        text.push_str("IV. TỔ CHỨC THỰC HIỆN \n\n1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan \n\n");
        let out = reflow(lines(&text));
        assert_eq!(out.len(), 6, "{out:#?}");
        assert!(out[0].0.contains("Nghị quyết số 45-NQ/TW, Kế hoạch"));
        assert!(out[0].0.ends_with("định kỳ kiểm tra, đánh giá."));
        assert_eq!(out[4].0, "IV. TỔ CHỨC THỰC HIỆN");
    }
}
