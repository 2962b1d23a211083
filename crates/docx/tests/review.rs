//! Reviewers' copies (tests/fixtures/review, hand-written WordprocessingML from
//! `tests/fixtures/gen/make_review.py`): comments with their ranges, replies and
//! authors; tracked changes; accept and reject readings; bad comments parts.

use banthao_core::review::locate::review_copy;
use banthao_core::review::{Kind, Mapping, Part};
use banthao_docx::{read_copy, read_docx_with, Changes};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../tests/fixtures/review/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn draft(name: &str) -> banthao_core::Document {
    let p = format!("{}/../../tests/fixtures/review/{name}", env!("CARGO_MANIFEST_DIR"));
    banthao_core::parse_text(&std::fs::read_to_string(p).unwrap())
}

#[test]
fn a_copy_of_the_current_draft() {
    let c = read_copy(&fixture("so-noi-vu.docx")).unwrap();
    assert_eq!(c.copy.formatting_changes, 1);
    let r = review_copy(&c.copy, &c.sent, Some(&draft("draft_v2.txt")), "so-noi-vu.docx", None);
    assert_eq!(r.mapping, Mapping::Same);
    let got: Vec<(Kind, Part, &str, &str)> =
        r.items.iter().map(|i| (i.kind, i.part, i.path.as_str(), i.excerpt.as_str())).collect();
    assert_eq!(
        got,
        [
            (Kind::Comment, Part::Title, "", "45-NQ/TW"),
            (Kind::Comment, Part::Section, "I.2", ""),
            (Kind::Comment, Part::Section, "II.1", "đội ngũ trí thức của tỉnh lớn mạnh"),
            (Kind::Comment, Part::Section, "II.1", "lớn mạnh, có cơ cấu hợp lý"),
            (Kind::Comment, Part::Section, "II.2", "thu hút ít nhất 50 chuyên gia"),
            (Kind::Insert, Part::Section, "IV.2", ""),
        ]
    );
    assert!(r.items.iter().all(|i| i.reviewer == "Sở Nội vụ" && !i.changed));
    // The reply is in its thread, not an item of its own.
    assert_eq!(r.items[4].replies.len(), 1);
    assert_eq!(r.items[4].replies[0].text, "Đề nghị giảm xuống 30 chuyên gia.");
    assert_eq!(r.items[4].date.as_deref(), Some("2026-03-11T09:30:00Z"));
    assert_eq!(r.items[5].text, "Ban Thường vụ Tỉnh ủy ban hành");
    // Ranges are in the draft's paragraph.
    let d = draft("draft_v2.txt");
    let p = &d.section_at("II.2").unwrap().paragraphs[0];
    let i = &r.items[4];
    assert_eq!(p.chars().skip(i.start).take(i.end - i.start).collect::<String>(), i.excerpt);
    // A comment with no range is said so.
    assert!(r.notes.iter().any(|n| n.contains("không đánh dấu đoạn văn")), "{:?}", r.notes);
}

#[test]
fn a_copy_of_an_older_version_is_aligned() {
    let c = read_copy(&fixture("Ban Tuyên giáo và Dân vận.docx")).unwrap();
    let r =
        review_copy(&c.copy, &c.sent, Some(&draft("draft_v2.txt")), "Ban Tuyên giáo và Dân vận.docx", None);
    assert_eq!(r.mapping, Mapping::Aligned);
    // The author is a person: the file names the body.
    assert!(r.items.iter().all(|i| i.reviewer == "Ban Tuyên giáo và Dân vận" && i.author == "Trần Thị Hoa"));
    let got: Vec<(Kind, &str, &str, &str, bool)> = r
        .items
        .iter()
        .map(|i| (i.kind, i.path.as_str(), i.excerpt.as_str(), i.text.as_str(), i.changed))
        .collect();
    assert_eq!(
        got,
        [
            (Kind::Delete, "I.1", ", đầy đủ", "", false),
            (Kind::Comment, "I.1", ", đầy đủ", "Không cần thiết, đề nghị bỏ.", false),
            (Kind::Comment, "II.1", "vững mạnh", "Đề nghị thay bằng «lớn mạnh».", true),
            (Kind::Replace, "III.1", "các phương tiện thông tin đại chúng", "báo chí, mạng xã hội", false),
            (Kind::Comment, "III.2", "chính sách thu hút nhân tài", "Cần nêu cụ thể các chính sách.", true),
        ]
    );
    // Same place in the older copy and in the current draft when the text is kept.
    let d = draft("draft_v2.txt");
    let i = &r.items[3];
    let p = &d.section_at("III.1").unwrap().paragraphs[i.paragraph.unwrap()];
    assert_eq!(p.chars().skip(i.start).take(i.end - i.start).collect::<String>(), i.excerpt);
    // With --reviewer the user names the body.
    let r = review_copy(&c.copy, &c.sent, None, "x.docx", Some("Ban Tuyên giáo và Dân vận Tỉnh ủy"));
    assert_eq!(r.mapping, Mapping::Own);
    assert!(r.items.iter().all(|i| i.reviewer == "Ban Tuyên giáo và Dân vận Tỉnh ủy"));
}

#[test]
fn accept_and_reject_give_the_expected_text() {
    let bytes = fixture("Ban Tuyên giáo và Dân vận.docx");
    let accepted = read_docx_with(&bytes, Changes::Accept).unwrap();
    let rejected = read_docx_with(&bytes, Changes::Reject).unwrap();
    let para = |d: &banthao_core::Document, p: &str| d.section_at(p).unwrap().paragraphs[0].clone();
    assert_eq!(
        para(&accepted, "I.1"),
        "Quán triệt sâu sắc nội dung Nghị quyết đến cán bộ, đảng viên và Nhân dân trên địa bàn tỉnh."
    );
    assert_eq!(
        para(&rejected, "I.1"),
        "Quán triệt sâu sắc, đầy đủ nội dung Nghị quyết đến cán bộ, đảng viên và Nhân dân trên địa bàn tỉnh."
    );
    assert_eq!(
        para(&accepted, "III.1"),
        "Đẩy mạnh tuyên truyền về vai trò của trí thức trên báo chí, mạng xã hội."
    );
    assert_eq!(para(&rejected, "III.1"), draft("draft_v1.txt").section_at("III.1").unwrap().paragraphs[0]);
    for d in [&accepted, &rejected] {
        let t = d.diagnostics.iter().find(|d| d.code.contains("tracked")).expect("tracked diagnostic");
        assert!(
            t.message.contains("1 chỗ chèn, 2 chỗ xóa") && t.message.contains("Trần Thị Hoa"),
            "{}",
            t.message
        );
    }
    // Rejected, the copy is the version it was made from.
    assert_eq!(rejected.sections, draft("draft_v1.txt").sections);
}

#[test]
fn a_damaged_comments_part_loses_nothing_else() {
    let c = read_copy(&fixture("Sở Tài chính.docx")).unwrap();
    let r = review_copy(&c.copy, &c.sent, Some(&draft("draft_v2.txt")), "Sở Tài chính.docx", None);
    assert!(r.notes[0].contains("comments.xml") && r.notes[0].contains("hỏng"), "{:?}", r.notes);
    let got: Vec<(Kind, &str, &str)> =
        r.items.iter().map(|i| (i.kind, i.path.as_str(), i.excerpt.as_str())).collect();
    assert_eq!(
        got,
        [(Kind::Delete, "III.2", ", trọng dụng"), (Kind::Comment, "IV.1", "hướng dẫn, theo dõi")]
    );
    assert!(r.items[1].text.contains("không đọc được"));
}

#[test]
fn a_copy_of_another_document_is_not_mapped() {
    let c = read_copy(&fixture("bao-cao-khac.docx")).unwrap();
    let r = review_copy(&c.copy, &c.sent, Some(&draft("draft_v2.txt")), "bao-cao-khac.docx", None);
    assert_eq!(r.mapping, Mapping::Unrelated);
    assert!(r.items.iter().all(|i| i.part == Part::Unknown && i.path.is_empty()));
    assert!(r.notes.iter().any(|n| n.contains("không phải bản sao")));
}

#[test]
fn hostile_copies_are_errors_not_panics() {
    assert!(read_copy(b"not a zip").is_err());
    let mut bytes = fixture("so-noi-vu.docx");
    bytes.truncate(bytes.len() / 2);
    assert!(read_copy(&bytes).is_err());
}

#[test]
fn accepting_a_proposal_changes_the_draft_as_the_reviewer_asked() {
    use banthao_core::review::apply::{apply, ApplyError};
    let c = read_copy(&fixture("Ban Tuyên giáo và Dân vận.docx")).unwrap();
    let d = draft("draft_v2.txt");
    let r = review_copy(&c.copy, &c.sent, Some(&d), "Ban Tuyên giáo và Dân vận.docx", None);
    let replace = r.items.iter().find(|i| i.kind == Kind::Replace).unwrap();
    let out = apply(&d, replace).unwrap();
    assert_eq!(
        out.section_at("III.1").unwrap().paragraphs[0],
        "Đẩy mạnh tuyên truyền về vai trò của trí thức trên báo chí, mạng xã hội."
    );
    let delete = r.items.iter().find(|i| i.kind == Kind::Delete).unwrap();
    let out = apply(&d, delete).unwrap();
    assert_eq!(
        out.section_at("I.1").unwrap().paragraphs[0],
        "Quán triệt sâu sắc nội dung Nghị quyết đến cán bộ, đảng viên và Nhân dân trên địa bàn tỉnh."
    );
    let comment = r.items.iter().find(|i| i.kind == Kind::Comment).unwrap();
    assert_eq!(apply(&d, comment), Err(ApplyError::NotAChange));
    // The insertion of the copy of the current draft.
    let c = read_copy(&fixture("so-noi-vu.docx")).unwrap();
    let r = review_copy(&c.copy, &c.sent, Some(&d), "so-noi-vu.docx", None);
    let insert = r.items.iter().find(|i| i.kind == Kind::Insert).unwrap();
    let out = apply(&d, insert).unwrap();
    let mut text = String::new();
    out.walk_sections(|p, s| {
        if p == "IV.2" {
            text = format!("{} {}", s.title, s.paragraphs.join(" "));
        }
    });
    assert!(text.contains("Sở Nội vụ tham mưu Ban Thường vụ Tỉnh ủy ban hành cơ chế, chính sách"), "{text}");
}
