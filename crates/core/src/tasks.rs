//! The task-assignment table (`banthao tasks`, the appendix «Phụ lục: Phân công nhiệm
//! vụ»): every assignment of `TỔ CHỨC THỰC HIỆN`, and task sentences elsewhere
//! (`Sở Nội vụ chủ trì, phối hợp với …`), with the lead agency, the partners, the time
//! and the product when stated.

use crate::model::{Document, Section};
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// One assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Task {
    /// Section path of the paragraph it comes from (`IV.2`).
    pub path: String,
    /// What is to be done (the paragraph without the lead agency).
    pub task: String,
    /// The lead agency (`chủ trì`), as written.
    pub lead: Option<String>,
    /// The coordinating agencies (`phối hợp`).
    pub partners: Vec<String>,
    /// The time (`quý I/2025`, `trước ngày 10/12 hằng năm`, `thường xuyên`).
    pub time: Option<String>,
    /// The expected product, when stated.
    pub product: Option<String>,
}

/// Words that begin the name of a body (lower case, tone marks kept: folding would
/// take `đãi` for `Đài`, `hội nhập` for `Hội`); all but `các` must be written with a
/// capital.
const BODY_HEADS: &[&str] = &[
    "các ",
    "ban ",
    "sở ",
    "đảng đoàn",
    "đảng ủy",
    "đảng uỷ",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "mặt trận",
    "văn phòng",
    "liên hiệp",
    "hội ",
    "tỉnh đoàn",
    "công an",
    "bộ chỉ huy",
    "thanh tra",
    "báo ",
    "đài ",
    "trường ",
    "cấp ủy",
    "cấp uỷ",
    "thường trực",
    "hội đồng",
    "kho bạc",
    "ngân hàng",
    "chi cục",
    "trung tâm",
    "viện ",
    "thành ủy",
    "thành uỷ",
    "huyện ủy",
    "huyện uỷ",
    "bộ ",
    "mttq",
    "liên đoàn",
    "hđnd",
    "ttxvn",
];

/// Verbs that end the subject of an assignment (folded, followed by a space or end).
const VERBS: &[&str] = &[
    "chu tri",
    "phoi hop",
    "chi dao",
    "lanh dao",
    "to chuc",
    "xay dung",
    "tham muu",
    "thuc hien",
    "trien khai",
    "quan triet",
    "tang cuong",
    "day manh",
    "nghien cuu",
    "co trach nhiem",
    "can cu",
    "theo doi",
    "cu the hoa",
    "ra soat",
    "ban hanh",
    "huong dan",
    "kiem tra",
    "bo tri",
    "don doc",
    "tuyen truyen",
    "pho bien",
    "thuong xuyen",
    "dinh ky",
    "chiu trach nhiem",
    "tiep tuc",
    "uu tien",
    "bao dam",
    "dam bao",
    "giam sat",
    "phat huy",
    "van dong",
    "tich cuc",
    "khan truong",
    "nang cao",
    "doi moi",
    "hoan thien",
    "so ket",
    "tong ket",
    "quan ly",
    "phu trach",
    "lam dau moi",
    "cham lo",
    "ra quyet dinh",
    "de xuat",
    "phan cong",
];

/// Words after `tổ chức` / `tham mưu` that make it a noun (`tổ chức đảng`).
const NOUN_AFTER: &[&str] =
    &["dang", "chinh tri", "co so", "xa hoi", "hoi", "thanh vien", "doan the", "giup viec", "kinh te"];

/// `(byte offset in the folded text, byte offset in the original)` for each folded
/// character start: folding is one ASCII byte per character for Vietnamese text.
fn char_starts(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

/// The text folded one ASCII character per character where possible (others `?`), so
/// byte offsets of the fold are character offsets of the original.
fn fold_aligned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut one = String::new();
    for c in s.chars() {
        one.clear();
        crate::text::fold_char_into(c, &mut one);
        if one.len() == 1 {
            out.push_str(&one);
        } else {
            out.push('?');
        }
    }
    out
}

/// Where the first verb starts in `f` (folded, aligned), from `from`.
fn first_verb(f: &str, from: usize) -> Option<usize> {
    let b = f.as_bytes();
    (from..f.len()).find(|&i| {
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && VERBS.iter().any(|v| {
                f[i..].starts_with(v)
                    && f[i + v.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphanumeric())
                    && !is_noun(f, i, v)
            })
    })
}

fn is_noun(f: &str, i: usize, v: &str) -> bool {
    let after = f[i + v.len()..].trim_start();
    let before = f[..i].trim_end();
    match v {
        "to chuc" => {
            NOUN_AFTER.iter().any(|n| after.starts_with(n))
                || before.ends_with("ban")
                || before.ends_with("cac")
        }
        "tham muu" => before.ends_with("co quan") || NOUN_AFTER.iter().any(|n| after.starts_with(n)),
        "thuong xuyen" | "dinh ky" => false,
        _ => false,
    }
}

/// Whether the text at byte `at` of `text` begins the name of a body.
fn body_at(text: &str, at: usize) -> bool {
    let rest = &text[at.min(text.len())..];
    let head: String = rest.chars().take(12).collect::<String>().to_lowercase();
    let capital = rest.starts_with(char::is_uppercase);
    BODY_HEADS.iter().any(|h| head.starts_with(h) && (capital || *h == "các "))
}

/// Characters `a..b` of `s`.
fn slice(s: &str, starts: &[usize], a: usize, b: usize) -> String {
    s[starts[a.min(starts.len() - 1)]..starts[b.min(starts.len() - 1)]].to_string()
}

fn trim_punct(s: &str) -> String {
    s.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | ' ')).trim().to_string()
}

fn cap_first(s: &str) -> String {
    let mut cs = s.chars();
    cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
}

/// The partners after `phối hợp với`, split where a new body begins.
fn partners(text: &str, f: &str, starts: &[usize]) -> Vec<String> {
    let Some(p) = f.find("phoi hop voi ").or_else(|| f.find("phoi hop cung ")) else { return Vec::new() };
    let from = p + f[p..].find(" voi ").or_else(|| f[p..].find(" cung ")).map_or(0, |x| x + 5);
    let stop_punct = f[from..].find([';', '.', '(', ':']).map_or(f.len(), |x| from + x);
    let stop_verb = first_verb(f, from).unwrap_or(f.len());
    let end = stop_punct.min(stop_verb);
    let raw = slice(text, starts, from, end);
    let raw_f = fold_aligned(&raw);
    let rs = char_starts(&raw);
    // Split at `, ` or ` và ` before a body head.
    let mut cuts = vec![0usize];
    let bytes = raw_f.as_bytes();
    for i in 0..raw_f.len() {
        let sep = if raw_f[i..].starts_with(", ") {
            Some(2)
        } else if raw_f[i..].starts_with(" va ") {
            Some(4)
        } else {
            None
        };
        if let Some(n) = sep {
            if i > 0 && bytes[i - 1] != b' ' && body_at(&raw, rs[(i + n).min(rs.len() - 1)]) {
                cuts.push(i);
                cuts.push(i + n);
            }
        }
    }
    cuts.push(raw_f.len());
    cuts.chunks(2).map(|c| trim_punct(&slice(&raw, &rs, c[0], c[1]))).filter(|s| !s.is_empty()).collect()
}

/// The time of an assignment: explicit deadlines, else `thường xuyên` / `hằng năm`.
fn time_of(text: &str, f: &str, starts: &[usize]) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    let b = f.as_bytes();
    let mut push = |s: String| {
        if !found.contains(&s) {
            found.push(s)
        }
    };
    let word_start = |i: usize| i == 0 || !b[i - 1].is_ascii_alphanumeric();
    let digits_end = |i: usize| (i..f.len()).find(|&j| !b[j].is_ascii_digit()).unwrap_or(f.len());
    for i in 0..f.len() {
        if !word_start(i) {
            continue;
        }
        if f[i..].starts_with("quy ") {
            // quý I/2024, quý II năm 2025
            let r = i + 4;
            let re = (r..f.len()).find(|&j| !matches!(b[j], b'i' | b'v')).unwrap_or(f.len());
            if re > r && f[re..].starts_with('/') {
                let y = digits_end(re + 1);
                if y - re - 1 == 4 {
                    push(slice(text, starts, i, y));
                }
            } else if re > r && f[re..].starts_with(" nam ") {
                let y = digits_end(re + 5);
                if y - re - 5 == 4 {
                    push(slice(text, starts, i, y));
                }
            }
        } else if f[i..].starts_with("truoc ngay ") {
            let d = i + 11;
            let mut e = digits_end(d);
            if e > d && f[e..].starts_with('/') {
                e = digits_end(e + 1);
                if f[e..].starts_with('/') {
                    e = digits_end(e + 1);
                }
                if f[e..].starts_with(" hang nam") {
                    e += " hang nam".len();
                }
                push(slice(text, starts, i, e));
            }
        } else if f[i..].starts_with("thang ") {
            let d = i + 6;
            let e = digits_end(d);
            if e > d && f[e..].starts_with('/') {
                let y = digits_end(e + 1);
                if y - e - 1 == 4 {
                    push(slice(text, starts, i, y));
                }
            }
        } else if f[i..].starts_with("nam ")
            && (f[..i].ends_with("trong ")
                || f[..i].ends_with("hoan thanh ")
                || f[..i].ends_with("cuoi ")
                || f[..i].ends_with("truoc "))
        {
            let y = digits_end(i + 4);
            if y - i - 4 == 4 {
                let lead = if f[..i].ends_with("cuoi ") {
                    i - 5
                } else if f[..i].ends_with("truoc ") {
                    i - 6
                } else {
                    i
                };
                push(slice(text, starts, lead, y));
            }
        }
    }
    if !found.is_empty() {
        return Some(found.join("; "));
    }
    for (k, v) in [("thuong xuyen", "thường xuyên"), ("hang nam", "hằng năm"), ("dinh ky", "định kỳ")]
    {
        if f.contains(k) {
            return Some(v.to_string());
        }
    }
    None
}

/// The product after `sản phẩm:` / `sản phẩm là`.
fn product_of(text: &str, f: &str, starts: &[usize]) -> Option<String> {
    let p = f.find("san pham")?;
    let mut from = p + 8;
    let rest = &f[from..];
    let skip = rest.len() - rest.trim_start_matches([' ', ':']).len();
    from += skip;
    if f[from..].starts_with("la ") {
        from += 3;
    }
    if skip == 0 && !f[p + 8..].starts_with(" la ") {
        return None;
    }
    let end = f[from..].find([';', ')', '.']).map_or(f.len(), |x| from + x);
    let s = trim_punct(&slice(text, starts, from, end));
    (!s.is_empty()).then_some(s)
}

/// One assignment from a paragraph: lead at its start (before the first verb) or
/// before `chủ trì`.
fn parse_assignment(path: &str, para: &str, default_lead: Option<&str>, need_lead: bool) -> Option<Task> {
    let mut text = para.trim();
    if let Some((_, off)) = crate::label::parse_bullet(text) {
        text = text[off..].trim_start();
    }
    let f = fold_aligned(text);
    let starts = char_starts(text);
    let mut skip = 0;
    for p in ["giao cho ", "giao ", "de nghi ", "yeu cau "] {
        if f.starts_with(p) {
            skip = p.len();
            break;
        }
    }
    let mut lead = None;
    let mut body_start = 0;
    if body_at(text, starts[skip]) {
        if let Some(v) = first_verb(&f, skip) {
            let l = trim_punct(&slice(text, &starts, skip, v));
            if !l.is_empty() && v - skip < 220 {
                lead = Some(l);
                body_start = v;
            }
        }
    }
    if lead.is_none() {
        // `…, Sở Nội vụ chủ trì, phối hợp …`: the earliest clause start from which a
        // body runs to `chủ trì` without a verb.
        if let Some(c) = f.find(" chu tri") {
            let mut cands: Vec<usize> = vec![skip];
            cands.extend(f[..c].match_indices([';', '.', ',', '(']).map(|(i, _)| i + 1));
            for p in cands {
                let sub = f[p..c].trim_start();
                let s0 = c - sub.len();
                if body_at(text, starts[s0]) && first_verb(&f, s0).is_none_or(|v| v >= c) {
                    lead = Some(trim_punct(&slice(text, &starts, s0, c)));
                    body_start = c + 1;
                    break;
                }
            }
        }
    }
    if lead.is_none() && need_lead {
        return None;
    }
    let lead = lead.or_else(|| default_lead.map(str::to_string));
    // `Chủ trì, phối hợp với X …`: lead and partners have their columns; the task is
    // what follows.
    if lead.is_some() && f[body_start..].starts_with("chu tri") {
        let mut p = body_start + "chu tri".len();
        p += f[p..].len() - f[p..].trim_start_matches([',', ' ']).len();
        if f[p..].starts_with("phoi hop voi ") || f[p..].starts_with("phoi hop cung ") {
            if let Some(v) = first_verb(&f, p + "phoi hop".len()) {
                p = v;
            }
        }
        if p < f.len() {
            body_start = p;
        }
    }
    let task = cap_first(&trim_punct(&slice(text, &starts, body_start, starts.len() - 1)));
    Some(Task {
        path: path.to_string(),
        task,
        lead,
        partners: partners(text, &f, &starts),
        time: time_of(text, &f, &starts),
        product: product_of(text, &f, &starts),
    })
}

fn is_implementation(title: &str) -> bool {
    fold(title).contains("to chuc thuc hien")
}

fn walk_implementation(path: &str, s: &Section, lead: Option<&str>, out: &mut Vec<Task>) {
    // A title that names a body (`1. Sở Nội vụ`) leads the paragraphs below it.
    let title_lead =
        (!s.title.is_empty() && body_at(&s.title, 0) && first_verb(&fold_aligned(&s.title), 0).is_none())
            .then(|| trim_punct(&s.title));
    let lead = title_lead.as_deref().or(lead);
    if !s.title.is_empty()
        && title_lead.is_none()
        && !is_implementation(&s.title)
        && s.paragraphs.is_empty()
        && s.children.is_empty()
    {
        out.extend(parse_assignment(path, &s.title, lead, false));
    }
    for p in &s.paragraphs {
        out.extend(parse_assignment(path, p, lead, false));
        // A later sentence that gives another body a task (`… . Ban Tổ chức Tỉnh ủy chủ trì …`).
        let mut sentences = p.split_inclusive(". ").skip(1);
        for sentence in sentences.by_ref() {
            let t = sentence.trim_start();
            if body_at(t, 0) && fold(t).contains(" chu tri") {
                out.extend(parse_assignment(path, t, None, true));
            }
        }
    }
    for (c, seg) in s.children.iter().zip(crate::model::path_segments(&s.children)) {
        walk_implementation(&format!("{path}.{seg}"), c, lead, out);
    }
}

/// Every assignment of the document, in reading order.
pub fn tasks(doc: &Document) -> Vec<Task> {
    let mut out = Vec::new();
    let mut implementation: Vec<String> = Vec::new();
    for (s, seg) in doc.sections.iter().zip(crate::model::path_segments(&doc.sections)) {
        if is_implementation(&s.title) {
            implementation.push(seg.clone());
        }
    }
    doc.walk_sections(|path, s| {
        let top = path.split('.').next().unwrap_or("");
        if implementation.iter().any(|i| i == top) {
            if path == top {
                walk_implementation(path, s, None, &mut out);
            }
            return;
        }
        // Elsewhere: sentences that name a body and `chủ trì`.
        for p in &s.paragraphs {
            if !fold(p).contains(" chu tri") {
                continue;
            }
            for sentence in p.split_inclusive(['.', ';']) {
                if fold(sentence).contains(" chu tri") {
                    out.extend(parse_assignment(path, sentence, None, true));
                }
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_assignment() {
        let t = parse_assignment(
            "IV.1",
            "- Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Khoa học và Công nghệ và các cơ quan liên quan xây dựng đề án thu hút trí thức, hoàn thành trong quý II/2025 (sản phẩm: Quyết định của UBND tỉnh).",
            None,
            false,
        )
        .unwrap();
        assert_eq!(t.lead.as_deref(), Some("Sở Nội vụ"));
        assert_eq!(t.partners, ["Sở Tài chính", "Sở Khoa học và Công nghệ", "các cơ quan liên quan"]);
        assert_eq!(t.time.as_deref(), Some("quý II/2025"));
        assert_eq!(t.product.as_deref(), Some("Quyết định của UBND tỉnh"));
    }

    #[test]
    fn lead_before_chu_tri_and_report_dates() {
        let t = parse_assignment(
            "III.2",
            "Định kỳ hằng năm, Sở Văn hóa, Thể thao và Du lịch chủ trì tổng hợp, báo cáo trước ngày 10/12 hằng năm.",
            None,
            true,
        )
        .unwrap();
        assert_eq!(t.lead.as_deref(), Some("Sở Văn hóa, Thể thao và Du lịch"));
        assert_eq!(t.time.as_deref(), Some("trước ngày 10/12 hằng năm"));
    }
}
