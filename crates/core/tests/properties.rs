//! Properties of the parser: it never panics, whatever the bytes, and a document
//! generated from a known structure reads back as that structure, clean or PDF-wrapped.

use banthao_core::model::{AnchorPart, Document, Section};
use banthao_core::{parse_text, parse_text_bytes};
use proptest::prelude::*;

/// Everything an anchor points at exists.
fn anchors_are_valid(d: &Document) -> bool {
    d.footnotes.iter().filter_map(|f| f.anchor.as_ref()).all(|a| match a.part {
        AnchorPart::Preamble => a.paragraph.is_some_and(|p| p < d.preamble.len()),
        AnchorPart::Section => {
            a.section.as_deref().and_then(|p| d.section_at(p)).is_some_and(|s| match a.paragraph {
                Some(p) => p < s.paragraphs.len() && a.offset <= s.paragraphs[p].chars().count(),
                None => a.offset <= s.title.chars().count(),
            })
        }
        AnchorPart::Summary => d.summary.is_some(),
        AnchorPart::Closing => d.closing.is_some(),
    })
}

fn labels_nonempty(secs: &[Section]) -> bool {
    secs.iter().all(|s| !s.label.is_empty() && labels_nonempty(&s.children))
}

const TOKENS: &[&str] = &[
    "I-",
    "II.",
    "III-",
    "1.",
    "2.",
    "2.1.",
    "(1)",
    "a)",
    "đ)",
    "-",
    "+",
    "•",
    "*",
    "-----",
    "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ",
    "TM.",
    "KT. CHỦ TỊCH",
    "BÍ THƯ",
    "Số",
    "Số:",
    "-CTr/TU",
    "/KH-UBND",
    "ngày",
    "tháng",
    "năm",
    "2024",
    ",",
    ".",
    ";",
    ":",
    "./.",
    "[footnoteRef:1]",
    "[1:",
    "]",
    "¹",
    "²",
    "[bookmark: x]",
    "**",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "TỈNH ỦY",
    "Hà Giang",
    "Cao Bằng",
    "Trần Văn A",
    "trí thức",
    "Thực hiện",
    "Căn cứ",
    "Trên đây là",
    "dự thảo",
    "\t",
    "   ",
    "\n",
    "\n\n",
    "\r\n",
    "\u{00A0}",
    "\u{200B}",
    "a\u{0301}",
    "Đ",
    "x",
];

fn doc_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..300).prop_map(|t| {
        t.iter().fold(String::new(), |mut s, tok| {
            if !s.is_empty() && !s.ends_with('\n') {
                s.push(' ');
            }
            s.push_str(tok);
            s
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(d) = parse_text_bytes(&bytes) {
            prop_assert!(anchors_are_valid(&d));
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,2000}") {
        let d = parse_text(&s);
        prop_assert!(labels_nonempty(&d.sections));
        prop_assert!(anchors_are_valid(&d));
    }

    #[test]
    fn document_like_noise_never_panics(s in doc_like()) {
        let d = parse_text(&s);
        prop_assert!(labels_nonempty(&d.sections));
        prop_assert!(anchors_are_valid(&d), "{:?}", d.footnotes);
    }
}

// ---- Round trip of generated documents -------------------------------------------

const WORDS: &[&str] = &[
    "xây", "dựng", "đội", "ngũ", "trí", "thức", "phát", "huy", "vai", "trò", "nâng", "cao", "chất", "lượng",
    "đào", "tạo", "bồi", "dưỡng", "chính", "sách", "nguồn", "lực", "hội", "nhập", "quốc", "tế", "khoa",
    "học", "công", "nghệ", "đổi", "mới", "sáng", "tạo", "tỉnh", "cán", "bộ", "đảng", "viên", "nhân", "dân",
];

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|w| w.join(" "))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// (title, [(subtitle, [bullets])])
type Tree = Vec<(String, Vec<(String, Vec<String>)>)>;

type Range = std::ops::Range<usize>;

fn tree_sized(tops: Range, subs: Range, bullets: Range, bullet_words: Range) -> impl Strategy<Value = Tree> {
    let bullet = words(bullet_words.start, bullet_words.end).prop_map(|w| format!("- {}.", capitalise(&w)));
    let bullets = prop::collection::vec(bullet, bullets);
    let sub = (words(3, 10).prop_map(|w| capitalise(&w)), bullets);
    let top = (words(2, 5).prop_map(|w| w.to_uppercase()), prop::collection::vec(sub, subs));
    prop::collection::vec(top, tops)
}

fn tree() -> impl Strategy<Value = Tree> {
    tree_sized(1..6, 0..5, 0..4, 3..40)
}

/// A body of at least a page with paragraphs of several lines, as any PDF of the
/// genre has: wrapping can only be recognised where there is text to wrap.
fn page_tree() -> impl Strategy<Value = Tree> {
    tree_sized(3..6, 2..5, 2..4, 25..60)
}

fn render(t: &Tree) -> String {
    let mut s = String::from(
        "TỈNH ỦY NGHỆ AN\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-CTr/TU\tNghệ An, ngày 05 tháng 3 năm 2024\n\n\
         CHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\n\
         Thực hiện Nghị quyết số 45-NQ/TW, Tỉnh ủy ban hành Chương trình thực hiện như sau:\n",
    );
    for (i, (title, subs)) in t.iter().enumerate() {
        s.push_str(&format!("{}- {title}\n", banthao_core::label::to_roman(i as u32 + 1)));
        for (j, (sub, bullets)) in subs.iter().enumerate() {
            s.push_str(&format!("{}. {sub}\n", j + 1));
            for b in bullets {
                s.push_str(b);
                s.push('\n');
            }
        }
    }
    s.push_str("Nơi nhận:\n- Ban Bí thư Trung ương Đảng,\n- Lưu Văn phòng Tỉnh ủy.\nT/M TỈNH ỦY\nBÍ THƯ\nNguyễn Văn An\n");
    s
}

fn as_tree(d: &Document) -> Tree {
    d.sections
        .iter()
        .map(|s| {
            (s.title.clone(), s.children.iter().map(|c| (c.title.clone(), c.paragraphs.clone())).collect())
        })
        .collect()
}

/// Wraps every line longer than `width` at word boundaries, with a blank line after
/// each line and trailing spaces, as text extracted from a PDF looks.
fn pdf_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut cur = String::new();
        for w in line.split(' ') {
            if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&cur);
                out.push_str(" \n\n");
                cur.clear();
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        out.push_str(&cur);
        out.push_str(" \n\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_read_back(t in tree()) {
        let text = render(&t);
        let d = parse_text(&text);
        prop_assert_eq!(as_tree(&d), t);
        prop_assert_eq!(d.province.as_deref(), Some("Nghệ An"));
        prop_assert_eq!(d.recipients.len(), 2);
        let name = d.signature.and_then(|s| s.name);
        prop_assert_eq!(name.as_deref(), Some("Nguyễn Văn An"));
    }

    #[test]
    fn generated_documents_read_back_when_pdf_wrapped(t in page_tree(), width in 70usize..90) {
        let text = render(&t);
        let wrapped = pdf_wrap(&text, width);
        let a = parse_text(&text);
        let b = parse_text(&wrapped);
        prop_assert_eq!(as_tree(&a), as_tree(&b), "wrapped at {}:\n{}", width, wrapped);
        prop_assert_eq!(a.recipients, b.recipients);
        prop_assert_eq!(a.signature, b.signature);
    }
}
