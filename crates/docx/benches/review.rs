//! The consultation round at scale: 20 reviewers' copies of a 30-page draft (every
//! tenth paragraph commented, every seventh with a replacement; half the copies made
//! from an older version whose every fifth paragraph differs) read and mapped onto the
//! current draft. The acceptance figure is under 500 ms for all twenty.

use banthao_core::review::locate::{review_copy, review_copy_on, Target};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::io::Write;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// About 30 pages: the header of the Hà Giang draft and its body four times over.
fn draft_text() -> String {
    let t = fixture("ha-giang_ctr_tinh-uy_du-thao_2024.txt");
    let body = &t[t.find("I- ").unwrap()..t.find("Nơi nhận").unwrap()];
    let mut s = t[..t.find("I- ").unwrap()].to_string();
    for _ in 0..4 {
        s.push_str(body);
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A copy of `text` by `author`, with comments and replacements.
fn copy_docx(text: &str, author: &str) -> Vec<u8> {
    let mut body = String::new();
    let mut comments = String::new();
    let mut id = 0;
    for (k, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let words: Vec<&str> = line.split(' ').collect();
        if k % 10 == 3 && words.len() > 4 {
            id += 1;
            body.push_str(&format!(
                r#"<w:p><w:commentRangeStart w:id="{id}"/><w:r><w:t xml:space="preserve">{} </w:t></w:r><w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                esc(&words[..2].join(" ")),
                esc(&words[2..].join(" "))
            ));
            comments.push_str(&format!(
                r#"<w:comment w:id="{id}" w:author="{author}" w:date="2026-03-10T08:00:00Z"><w:p><w:r><w:t>Đề nghị làm rõ nội dung này.</w:t></w:r></w:p></w:comment>"#
            ));
        } else if k % 7 == 5 && words.len() > 4 {
            let (head, last) = (words[..words.len() - 1].join(" "), words[words.len() - 1]);
            body.push_str(&format!(
                r#"<w:p><w:r><w:t xml:space="preserve">{} </w:t></w:r><w:del w:id="{}" w:author="{author}" w:date="2026-03-10T08:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del><w:ins w:id="{}" w:author="{author}" w:date="2026-03-10T08:00:00Z"><w:r><w:t>nội dung mới.</w:t></w:r></w:ins></w:p>"#,
                esc(&head),
                10_000 + k,
                esc(last),
                20_000 + k
            ));
        } else {
            body.push_str(&format!(r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, esc(line)));
        }
    }
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", o).unwrap();
        write!(
            z,
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        z.start_file("word/comments.xml", o).unwrap();
        write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><w:comments {ns}>{comments}</w:comments>"#)
            .unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn bench(c: &mut Criterion) {
    let now = draft_text();
    // The older version: every fifth paragraph read differently.
    let older: String = now
        .lines()
        .enumerate()
        .map(|(k, l)| {
            if k % 5 == 2 && l.len() > 40 {
                format!("{l} Nội dung của bản cũ.\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let draft = banthao_core::parse_text(&now);
    let copies: Vec<Vec<u8>> =
        (0..20).map(|k| copy_docx(if k % 2 == 0 { &now } else { &older }, &format!("Sở số {k}"))).collect();
    let kb: usize = now.len() / 1024;
    let one = banthao_docx::read_copy(&copies[1]).unwrap();
    let r = review_copy(&one.copy, &one.sent, Some(&draft), "x.docx", None);
    eprintln!(
        "draft: {kb} KB of text; items per copy: {}; mapping of an older copy: {:?}",
        r.items.len(),
        r.mapping
    );
    let mut g = c.benchmark_group("review");
    g.sample_size(10);
    g.bench_function("read and map 20 copies of a 30-page draft", |b| {
        b.iter(|| {
            // The draft is prepared once for all the copies, as the app and the CLI do.
            let target = Target::new(&draft);
            let mut n = 0;
            for (k, bytes) in copies.iter().enumerate() {
                let c = banthao_docx::read_copy(black_box(bytes)).unwrap();
                n += review_copy_on(&c.copy, &c.sent, Some(&target), &format!("{k}.docx"), None).items.len();
            }
            n
        })
    });
    g.bench_function("read and map 20 copies of a 30-page draft, 4 threads", |b| {
        b.iter(|| {
            let target = Target::new(&draft);
            let t = &target;
            std::thread::scope(|s| {
                let hs: Vec<_> = copies
                    .chunks(5)
                    .map(|part| {
                        s.spawn(move || {
                            part.iter()
                                .map(|bytes| {
                                    let c = banthao_docx::read_copy(black_box(bytes)).unwrap();
                                    review_copy_on(&c.copy, &c.sent, Some(t), "x.docx", None).items.len()
                                })
                                .sum::<usize>()
                        })
                    })
                    .collect();
                hs.into_iter().map(|h| h.join().unwrap()).sum::<usize>()
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
