//! Reflow of text extracted from PDF: lines hard-wrapped at a fixed width, trailing
//! spaces, often a blank line after every line, numbers broken at a hyphen
//! (`45-` / `NQ/TW`). Paragraphs are rebuilt without gluing headings, bullets,
//! recipients or signature lines into their neighbours.

use crate::label::{parse_bullet, parse_label};
use crate::text::{char_len, is_upper};

/// `^[-–[ \t]]*[0-9]{1,3}[-–[ \t]]*$`: a page number (`- 3 -`).
pub(crate) fn is_page_number(s: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | ' ' | '\t');
    let body = s.trim_start_matches(dash);
    let d = body.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&d) && body[d..].chars().all(dash)
}
/// Starts of lines that open a block of their own (recipients, signature, preamble,
/// closing, a superscript footnote).
/// `Thực hiện` capitalised at a line start opens a preamble paragraph.
const BLOCK_STARTS: [&str; 13] = [
    "Nơi nhận",
    "nơi nhận",
    "Nơi Nhận",
    "NƠI NHẬN",
    "Căn cứ",
    "CĂN CỨ",
    "TM.",
    "KT.",
    "K/T",
    "TL.",
    "Q. ",
    "Trên đây là",
    "Thực hiện ",
];

fn block_start(s: &str) -> bool {
    BLOCK_STARTS.iter().any(|b| s.starts_with(b))
        || s.strip_prefix("T/M").is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
        || s.starts_with(['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
}

/// `^[-_=*~.–—]{3,}$`: a rule (`-----`, `___`).
pub(crate) fn is_rule_line(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        if !matches!(c, '-' | '_' | '=' | '*' | '~' | '.' | '–' | '—') {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// Typical full-line width of the text (characters), if it looks hard-wrapped: most
/// lines are of about the same length, and most of those full lines stop mid-sentence
/// (in clean text a line is a whole paragraph and ends with punctuation).
fn wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    let all: Vec<&str> = lines.collect();
    let lines: Vec<&str> = all.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    // A blank line after nearly every line is itself a mark of PDF extraction, so
    // less evidence is needed.
    let double_spaced = all.len() + 1 + lines.len() / 10 >= lines.len() * 2;
    if lines.len() < if double_spaced { 8 } else { 15 } {
        return None;
    }
    let mut lens: Vec<usize> = lines.iter().map(|l| char_len(l)).collect();
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    let p98 = lens[(lens.len() * 98 / 100).min(lens.len() - 1)];
    if !(40..=120).contains(&p90) || p98 > p90 + 25 {
        return None;
    }
    let full: Vec<&&str> = lines.iter().filter(|l| char_len(l) * 10 >= p90 * 8).collect();
    let open_ended = full.iter().filter(|l| !ends_sentence(l)).count();
    let enough_full = full.len() * 10 >= lines.len() * if double_spaced { 2 } else { 3 };
    (enough_full && open_ended * 2 >= full.len()).then_some(p90)
}

/// Whether the lines look hard-wrapped at a fixed width.
pub fn is_hard_wrapped<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    wrap_width(lines).is_some()
}

/// Words that cannot end a heading: a line ending with one goes on.
const FUNCTION_WORDS: &[&str] = &[
    "của", "và", "về", "với", "cho", "trong", "theo", "các", "những", "để", "được", "là", "tại", "từ", "đến",
    "nhằm", "do", "bởi", "như", "có", "hoặc", "thuộc", "giữa", "đối", "vào", "ra", "trên", "dưới", "mà",
    "thì", "khi", "nếu", "một", "số", "ngày", "năm", "tháng", "quy", "chủ", "bảo", "hội", "nhà",
];

fn ends_with_function_word(s: &str) -> bool {
    s.split_whitespace().last().is_some_and(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
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
    parse_label(s).is_some() || parse_bullet(s).is_some() || block_start(s) || is_rule_line(s)
}

/// Rebuilds paragraphs from hard-wrapped lines, and says whether the lines were
/// hard-wrapped (otherwise they come back as they were). Line numbers are those of
/// each paragraph's first line.
pub fn reflow(lines: Vec<(String, usize)>) -> (Vec<(String, usize)>, bool) {
    let Some(width) = wrap_width(lines.iter().map(|(l, _)| l.as_str())) else {
        return (lines, false);
    };
    let non_blank = lines.iter().filter(|(l, _)| !l.trim().is_empty()).count();
    let blank = lines.len() - non_blank;
    // A blank line after (nearly) every line carries no meaning; rarer ones end paragraphs.
    let blanks_break = blank * 2 < non_blank;
    // A first-line indent (three spaces or more beyond the usual left edge) starts a
    // paragraph, where continuation lines are not indented.
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut indents: Vec<usize> =
        lines.iter().filter(|(l, _)| !l.trim().is_empty()).map(|(l, _)| indent_of(l)).collect();
    indents.sort_unstable();
    let base = indents.get(indents.len() / 2).copied().unwrap_or(0);
    let indented = indents.iter().filter(|&&i| i >= base + 3).count();
    let indent_breaks = indented * 2 < non_blank;

    let mut out: Vec<(String, usize)> = Vec::new();
    let mut open = false; // whether the last paragraph may take a continuation
    let mut prev_len = 0;
    let mut prev_columns = false;
    let mut cut_full_line: Option<usize> = None; // the full line a one-word piece ended
    for (raw, n) in lines {
        let starts_indented = indent_breaks && indent_of(&raw) >= base + 3;
        let line = raw.trim();
        if line.is_empty() {
            if blanks_break {
                open = false;
            }
            continue;
        }
        if is_page_number(line) {
            continue;
        }
        let len = char_len(line);
        if let Some(full) = cut_full_line.take() {
            if line.chars().next().is_some_and(char::is_lowercase) {
                prev_len = full;
            }
        }
        // A row of side-by-side columns (header, signature) stands alone.
        let columns = line.contains("    ") || line.contains('\t');
        let join = open && !starts_indented && !columns && !prev_columns && {
            let prev = out.last().map(|(p, _)| p.trim_end()).unwrap_or("");
            let prev_upper = is_upper(prev) && prev_len < width;
            if starts_block(line) {
                // A wrap can put `- xã hội` or `2. …` at a line start; such a line
                // continues a full line that ended mid-sentence.
                prev_len * 100 >= width * 85 && !ends_sentence(prev) && first_letter_lower(line)
            } else if prev_upper != is_upper(line) {
                // Capitals (type name, section titles) start and end their own lines.
                false
            } else if prev_upper
                && is_upper(line)
                && out.last().is_some_and(|(p, _)| parse_label(p).is_some())
                && !prev.ends_with(['.', ':', ';'])
            {
                // A long numbered title in capitals wraps onto capitals.
                prev_len * 100 >= width * 55
            } else if prev_len * 100 < width * 85
                && !prev.ends_with([',', '-', '–'])
                && !ends_with_function_word(prev)
                && out.last().is_some_and(|(p, _)| parse_label(p).is_some())
                && line.chars().next().is_some_and(char::is_uppercase)
            {
                // A numbered heading whose last line stops short of the margin ends
                // before a capitalised line.
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
        // pdftotext may cut a justified line before its last, widely spaced word
        // (`… trong tỉnh` / `về`): that one lowercase word ends the same full line, so a
        // lowercase line after it goes on as after a full line.
        cut_full_line = (join
            && prev_len * 100 >= width * 85
            && !line.contains(' ')
            && !ends_sentence(line)
            && line.chars().next().is_some_and(char::is_lowercase))
        .then_some(prev_len);
        prev_len = len;
        prev_columns = columns;
        open = true;
    }
    (out, true)
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
        let (out, reflowed) = reflow(lines(&text));
        assert!(reflowed);
        assert_eq!(out.len(), 6, "{out:#?}");
        assert!(out[0].0.contains("Nghị quyết số 45-NQ/TW, Kế hoạch"));
        assert!(out[0].0.ends_with("định kỳ kiểm tra, đánh giá."));
        assert_eq!(out[4].0, "IV. TỔ CHỨC THỰC HIỆN");
    }

    #[test]
    fn a_long_numbered_title_in_capitals_is_one_line() {
        let mut text = String::new();
        text.push_str("III- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ XÂY DỰNG VÀ PHÁT HUY VAI TRÒ CỦA ĐỘI\n");
        text.push_str("NGŨ TRÍ THỨC TỈNH TRONG GIAI ĐOẠN MỚI\n");
        text.push_str("IV- TỔ CHỨC THỰC HIỆN\nV- KIỂM TRA\n");
        for _ in 0..9 {
            text.push_str("- Tuyên truyền, phổ biến, quán triệt đầy đủ và triển khai thực hiện các quan\n");
            text.push_str("điểm, mục tiêu, nhiệm vụ và giải pháp chủ yếu của Nghị quyết số 45-NQ/TW.\n");
        }
        let (out, reflowed) = reflow(lines(&text));
        assert!(reflowed);
        assert_eq!(out[0].0, "III- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ XÂY DỰNG VÀ PHÁT HUY VAI TRÒ CỦA ĐỘI NGŨ TRÍ THỨC TỈNH TRONG GIAI ĐOẠN MỚI");
        assert_eq!(out[1].0, "IV- TỔ CHỨC THỰC HIỆN");
        assert_eq!(out[2].0, "V- KIỂM TRA");
    }

    #[test]
    fn a_last_word_cut_off_a_justified_line_does_not_end_the_paragraph() {
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str("- Tuyên truyền, phổ biến, quán triệt đầy đủ và triển khai thực hiện các quan\n");
            text.push_str(
                "công chức, viên chức trong hệ thống chính trị, các tầng lớp Nhân dân trong tỉnh\n",
            );
            text.push_str("về\n");
            text.push_str(
                "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức, đáp ứng yêu cầu phát\n",
            );
            text.push_str("triển đất nước nhanh và bền vững trong giai đoạn mới trên địa bàn toàn tỉnh.\n");
        }
        text.push_str("2. Đổi mới công tác đào tạo, bồi dưỡng, sử dụng, đãi ngộ và tôn vinh trí thức,\n");
        text.push_str("trọng dụng\nTạo đột phá, chuyển biến mạnh mẽ.\n");
        let (out, reflowed) = reflow(lines(&text));
        assert!(reflowed);
        assert_eq!(out.len(), 6, "{out:#?}");
        assert!(out[0].0.contains("trong tỉnh về tiếp tục xây dựng"));
        assert!(out[4].0.ends_with("trọng dụng"));
    }
}
