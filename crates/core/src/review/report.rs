//! The «báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý»: its header (from the
//! draft), its summary counts and its table rows — one per item, grouped by section
//! in the draft's order. The docx crate lays it out.

use super::{Item, Kind, Part, Status};
use crate::model::{DocNumber, Document, PlaceDate};
use crate::text::FxMap;
use serde::{Deserialize, Serialize};

/// An item with how it was handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Handled {
    /// The item.
    pub item: Item,
    /// Its status.
    pub status: Status,
    /// The drafter's answer (tiếp thu, giải trình …), possibly empty.
    pub answer: String,
}

/// A row of the report's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Row {
    /// STT, from 1.
    pub number: usize,
    /// Cơ quan góp ý.
    pub reviewer: String,
    /// Mục: the section (`I.2. Mục tiêu cụ thể`) or part (`Phần mở đầu`).
    pub section: String,
    /// Nội dung góp ý: the comment, or the proposed change written out.
    pub content: String,
    /// Ý kiến tiếp thu, giải trình.
    pub answer: String,
}

/// The report's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    /// Bodies asked for comments.
    pub asked: usize,
    /// Bodies that answered.
    pub answered: usize,
    /// Comments and proposed changes.
    pub items: usize,
    /// Accepted.
    pub accepted: usize,
    /// Accepted in part.
    pub partial: usize,
    /// Explained (not accepted).
    pub explained: usize,
    /// Not handled yet.
    pub pending: usize,
}

/// The report: its document (header, title, summary paragraphs) and its table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Header, number, place-date, type name, title and the summary paragraphs, in
    /// the draft's profile (no sections).
    pub document: Document,
    /// The figures.
    pub summary: Summary,
    /// The table rows in order.
    pub rows: Vec<Row>,
}

/// The proposal written out as the report says it.
pub fn content(item: &Item) -> String {
    let mut s = match item.kind {
        Kind::Comment if item.excerpt.trim().is_empty() => item.text.trim().to_string(),
        Kind::Comment => format!("Tại đoạn «{}»: {}", item.excerpt.trim(), item.text.trim()),
        Kind::Insert => format!("Đề nghị bổ sung \"{}\"", item.text.trim()),
        Kind::Delete => format!("Đề nghị bỏ \"{}\"", item.excerpt.trim()),
        Kind::Replace => format!("Đề nghị sửa \"{}\" thành \"{}\"", item.excerpt.trim(), item.text.trim()),
    };
    for r in &item.replies {
        s.push_str(&format!(" (Trả lời của {}: {})", r.author.trim(), r.text.trim()));
    }
    if item.changed {
        s.push_str(" (đoạn này đã thay đổi từ khi gửi)");
    }
    s
}

/// The order of the draft's sections (pre-order) and their headings.
fn section_order(draft: &Document) -> FxMap<String, (usize, String)> {
    let mut m = FxMap::default();
    let mut k = 0;
    draft.walk_sections(|p, s| {
        let heading = format!("{} {}", p, s.title.trim());
        m.insert(p.to_string(), (k, heading.trim().to_string()));
        k += 1;
    });
    m
}

/// The heading of a part outside the sections.
fn part_heading(part: Part) -> &'static str {
    match part {
        Part::Header | Part::Title => "Tên văn bản, trích yếu",
        Part::Preamble => "Phần mở đầu",
        Part::Section => "",
        Part::Closing | Part::Tail => "Phần cuối",
        Part::Unknown => "Chung",
    }
}

/// Handled items in the draft's order: by part, section, paragraph, place; items at
/// one place keep their given order.
pub fn ordered<'a>(handled: &'a [Handled], draft: &Document) -> Vec<&'a Handled> {
    let order = section_order(draft);
    let mut v: Vec<&Handled> = handled.iter().collect();
    let rank = |p: Part| match p {
        Part::Header => 0,
        Part::Title => 1,
        Part::Preamble => 2,
        Part::Section => 3,
        Part::Closing => 4,
        Part::Tail => 5,
        Part::Unknown => 6,
    };
    v.sort_by_key(|h| {
        let i = &h.item;
        let sec =
            if i.part == Part::Section { order.get(&i.path).map(|o| o.0).unwrap_or(usize::MAX) } else { 0 };
        (rank(i.part), sec, i.paragraph.map(|p| p + 1).unwrap_or(0), i.start)
    });
    v
}

/// The table rows: one per item, in the draft's order.
pub fn rows(handled: &[Handled], draft: &Document) -> Vec<Row> {
    let order = section_order(draft);
    ordered(handled, draft)
        .into_iter()
        .enumerate()
        .map(|(k, h)| {
            let i = &h.item;
            let section = match i.part {
                Part::Section => order.get(&i.path).map(|o| o.1.clone()).unwrap_or_else(|| i.path.clone()),
                p => part_heading(p).to_string(),
            };
            let answer = match (h.status, h.answer.trim()) {
                (Status::Pending, a) => a.to_string(),
                (s, "") => capitalise(s.label()),
                (s, a) => format!("{}: {a}", capitalise(s.label())),
            };
            Row { number: k + 1, reviewer: i.reviewer.clone(), section, content: content(i), answer }
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The figures; `asked` is how many bodies were asked (at least those that answered).
pub fn summary(handled: &[Handled], asked: usize) -> Summary {
    let mut bodies: Vec<&str> = handled.iter().map(|h| h.item.reviewer.as_str()).collect();
    bodies.sort_unstable();
    bodies.dedup();
    let count = |s: Status| handled.iter().filter(|h| h.status == s).count();
    Summary {
        asked: asked.max(bodies.len()),
        answered: bodies.len(),
        items: handled.len(),
        accepted: count(Status::Accepted),
        partial: count(Status::Partial),
        explained: count(Status::Explained),
        pending: count(Status::Pending),
    }
}

/// The draft's name as the report's title cites it: type and summary in lower case
/// («Chương trình thực hiện Nghị quyết số 45-NQ/TW …»).
pub fn draft_name(draft: &Document) -> String {
    let kind = draft
        .doc_type
        .as_deref()
        .map(|t| crate::text::title_case(&t.to_lowercase()))
        .unwrap_or_else(|| "văn bản".into());
    let kind = {
        let mut c = kind.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>())
            .unwrap_or_default()
    };
    match draft.summary.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!("{kind} {s}"),
        None => kind,
    }
}

/// The report for `handled` items on `draft`: the same issuer, national heading and
/// province as the draft, a blank number of type BC, the place with a blank date.
pub fn report(handled: &[Handled], draft: &Document, asked: usize) -> Report {
    let s = summary(handled, asked);
    let number = draft.number.as_ref().map(|n| DocNumber {
        raw: String::new(),
        seq: None,
        type_abbr: Some("BC".into()),
        issuer_abbr: n.issuer_abbr.clone(),
    });
    let place_date = draft.place_date.as_ref().map(|p| PlaceDate {
        raw: format!(
            "{}, ngày    tháng    năm {}",
            p.place.clone().unwrap_or_default(),
            p.year.map(|y| y.to_string()).unwrap_or_default()
        ),
        place: p.place.clone(),
        day: None,
        month: None,
        year: p.year,
    });
    let mut preamble = vec![format!(
        "Thực hiện việc lấy ý kiến góp ý đối với dự thảo {}, đã gửi xin ý kiến {} cơ quan, đơn vị; đã nhận được ý kiến của {} cơ quan, đơn vị với {} ý kiến góp ý.",
        draft_name(draft),
        s.asked,
        s.answered,
        s.items
    )];
    preamble.push(format!(
        "Kết quả: tiếp thu {} ý kiến; tiếp thu một phần {} ý kiến; giải trình {} ý kiến{}.",
        s.accepted,
        s.partial,
        s.explained,
        if s.pending > 0 { format!("; chưa xử lý {} ý kiến", s.pending) } else { String::new() }
    ));
    preamble.push("Tổng hợp, tiếp thu, giải trình cụ thể như sau:".into());
    let document = Document {
        kind: draft.kind,
        national_heading: draft.national_heading.clone(),
        parent_body: draft.parent_body.clone(),
        issuer: draft.issuer.clone(),
        province: draft.province.clone(),
        number,
        place_date,
        doc_type: Some("BÁO CÁO".into()),
        summary: Some(format!(
            "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo {}",
            draft_name(draft)
        )),
        preamble,
        ..Document::default()
    };
    Report { document, summary: s, rows: rows(handled, draft) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, path: &str, excerpt: &str, text: &str) -> Handled {
        Handled {
            item: Item {
                reviewer: "Sở Nội vụ".into(),
                author: "An".into(),
                file: "a.docx".into(),
                kind,
                part: Part::Section,
                path: path.into(),
                paragraph: Some(0),
                start: 0,
                end: 0,
                excerpt: excerpt.into(),
                text: text.into(),
                date: None,
                replies: vec![],
                changed: false,
            },
            status: Status::Pending,
            answer: String::new(),
        }
    }

    #[test]
    fn rows_in_the_drafts_order() {
        let draft = crate::parse_text("I- MỤC TIÊU\n1. Chung\nA b c.\nII- NHIỆM VỤ\nD e g.\n");
        let mut h =
            vec![item(Kind::Comment, "II", "", "Cần cụ thể hơn."), item(Kind::Replace, "I.1", "b", "bê")];
        h[0].status = Status::Explained;
        h[0].answer = "Đã nêu ở mục I.".into();
        let r = rows(&h, &draft);
        assert_eq!(r[0].section, "I.1 Chung");
        assert_eq!(r[0].content, "Đề nghị sửa \"b\" thành \"bê\"");
        assert_eq!(r[1].answer, "Giải trình: Đã nêu ở mục I.");
        let s = summary(&h, 5);
        assert_eq!((s.asked, s.answered, s.items, s.explained, s.pending), (5, 1, 2, 1, 1));
    }
}
