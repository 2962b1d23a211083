//! Substance (advice: the reviewer decides): the share of each section copied from the
//! parent section it implements, objectives without a quantified target, assignments
//! of `TỔ CHỨC THỰC HIỆN` without a lead agency or a time, bodies given tasks that are
//! missing from `Nơi nhận`, and blanks left in the number or date of a document that is
//! not a draft.

use super::scan::Token;
use super::{Finding, Severity, Unit};
use crate::model::Document;
use crate::tasks::Task;
use crate::text::fold;
use std::collections::HashSet;

/// Word 5-grams of a text (folded words).
fn grams(words: &[&str]) -> HashSet<String> {
    words.windows(5).map(|w| w.join(" ")).collect()
}

fn words_of(text: &str) -> Vec<String> {
    super::scan::tokens(text).into_iter().filter(|t| t.word).map(|t| t.folded).collect()
}

/// Sections most of whose text is the parent's, word for word.
fn copied(
    doc: &Document,
    units: &[Unit<'_>],
    toks: &[Vec<Token<'_>>],
    parent: &Document,
    out: &mut Vec<Finding>,
) {
    let alignment = crate::compare::align(doc, parent);
    for pair in &alignment.pairs {
        let Some(theirs) = parent.section_at(&pair.b) else { continue };
        let their_words: Vec<String> = theirs.paragraphs.iter().flat_map(|p| words_of(p)).collect();
        let their_refs: Vec<&str> = their_words.iter().map(String::as_str).collect();
        let theirs_set = grams(&their_refs);
        if theirs_set.is_empty() {
            continue;
        }
        let mine: Vec<(usize, &Vec<Token<'_>>)> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.path == pair.a && u.paragraph.is_some())
            .map(|(i, _)| (i, &toks[i]))
            .collect();
        let (mut total, mut copied_words) = (0usize, 0usize);
        let mut longest: Option<(usize, usize, usize)> = None; // unit, first token, last token
        for (ui, ts) in &mine {
            let ws: Vec<&Token<'_>> = ts.iter().filter(|t| t.word).collect();
            total += ws.len();
            let mut covered = vec![false; ws.len()];
            for i in 0..ws.len().saturating_sub(4) {
                let g = ws[i..i + 5].iter().map(|t| t.folded.as_str()).collect::<Vec<_>>().join(" ");
                if theirs_set.contains(&g) {
                    covered[i..i + 5].iter_mut().for_each(|c| *c = true);
                }
            }
            copied_words += covered.iter().filter(|c| **c).count();
            let mut i = 0;
            while i < covered.len() {
                if covered[i] {
                    let s = i;
                    while i < covered.len() && covered[i] {
                        i += 1;
                    }
                    if longest.is_none_or(|(_, a, b)| i - 1 - s > b - a) {
                        longest = Some((*ui, ws[s].start, ws[i - 1].end));
                    }
                } else {
                    i += 1;
                }
            }
        }
        if total < 30 || copied_words * 2 < total {
            continue;
        }
        if let Some((ui, a, b)) = longest {
            let share = copied_words * 100 / total;
            out.push(units[ui].finding(
                "copied-from-parent",
                Severity::Advice,
                format!(
                    "Khoảng {share}% nội dung mục này chép nguyên văn từ mục {} của văn bản cấp trên: cần cụ thể hóa cho địa phương.",
                    theirs.label.trim()
                ),
                a,
                b,
                None,
            ));
        }
    }
}

/// Whether a text holds a quantity that is not a year (`80%`, `100 trí thức`).
pub(crate) fn quantified(text: &str) -> bool {
    if text.contains('%') {
        return true;
    }
    let mut digits = String::new();
    let mut any = false;
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
            if !year {
                any = true;
            }
            digits.clear();
        }
    }
    any || {
        let f = fold(text);
        ["mot nua", "gap doi", "gap ba"].iter().any(|w| f.contains(w))
    }
}

/// Objectives (`Mục tiêu cụ thể`, not `Mục tiêu chung`, `Tầm nhìn`, `Quan điểm`)
/// without a number.
fn objectives(doc: &Document, units: &[Unit<'_>], out: &mut Vec<Finding>) {
    fn walk(prefix: &str, secs: &[crate::model::Section], inherited: bool, targets: &mut Vec<String>) {
        for (s, seg) in secs.iter().zip(crate::model::path_segments(secs)) {
            let path = if prefix.is_empty() { seg } else { format!("{prefix}.{seg}") };
            let t = fold(&s.title);
            let target = if t.contains("chung") || t.contains("tam nhin") || t.contains("quan diem") {
                false
            } else {
                t.contains("muc tieu") || inherited
            };
            if target {
                targets.push(path.clone());
            }
            walk(&path, &s.children, target, targets);
        }
    }
    let mut targets = Vec::new();
    walk("", &doc.sections, false, &mut targets);
    for u in units.iter().filter(|u| u.paragraph.is_some() && targets.contains(&u.path)) {
        let words = crate::text::word_count(u.text);
        if words < 8 || u.text.trim_end().ends_with(':') || quantified(u.text) {
            continue;
        }
        out.push(u.finding(
            "target-unquantified",
            Severity::Advice,
            "Mục tiêu chưa có chỉ tiêu định lượng (con số, tỷ lệ, thời hạn cụ thể).",
            0,
            u.text.chars().count(),
            None,
        ));
    }
}

/// The unit a task came from.
fn unit_of<'a, 'b>(units: &'b [Unit<'a>], t: &Task) -> Option<&'b Unit<'a>> {
    let key = fold(t.task.get(..t.task.len().min(40)).unwrap_or(""));
    units.iter().find(|u| u.path == t.path && fold(u.text).contains(&key))
}

/// Words that name no particular body (`các cơ quan liên quan`): not looked up in Nơi nhận.
const GENERIC: &[&str] = &[
    "cac cap uy",
    "cac co quan",
    "cac to chuc",
    "cac dia phuong",
    "cac don vi",
    "cac so",
    "cac ban",
    "cac nganh",
    "cac dang doan",
    "cac hoi",
    "dia phuong",
];

/// Whether a recipient list (folded, joined) covers a body (folded).
fn covered(recipients: &str, body: &str) -> bool {
    let b = body.replace("ubnd", "uy ban nhan dan").replace("mttq", "mat tran to quoc");
    // The party group of a body is reached through the body (`Đảng đoàn Mặt trận …`).
    if let Some(rest) = b.strip_prefix("dang doan ") {
        if covered(recipients, rest) {
            return true;
        }
    }
    if GENERIC.iter().any(|g| b.starts_with(g)) {
        return true;
    }
    let key: String = b.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    if recipients.contains(&key) {
        return true;
    }
    let head = |h: &str, generic: &[&str]| b.starts_with(h) && generic.iter().any(|g| recipients.contains(g));
    head("so ", &["cac so", "so, ban, nganh", "so, nganh"])
        || head("ban can su", &["ban can su"])
        || head("dang doan", &["dang doan"])
        || head("ban ", &["cac ban", "ban dang"])
        || head("mat tran", &["mat tran", "mttq", "doan the"])
        || b.contains("chinh tri - xa hoi")
            && ["chinh tri - xa hoi", "ct-xh", "doan the"].iter().any(|g| recipients.contains(g))
        || head("van phong", &["van phong"]) && recipients.contains(&key.replace("van phong ", ""))
}

/// The bodies named in a lead: split at `,`, `;` and `và` where a named body begins
/// (`Sở Văn hóa, Thể thao và Du lịch` stays whole); generic ones (`các cơ quan`) dropped.
fn bodies(lead: &str) -> Vec<String> {
    const HEADS: &[&str] = &[
        "Ban ",
        "Sở ",
        "Đảng đoàn",
        "Mặt trận",
        "Liên hiệp",
        "Văn phòng",
        "Ủy ban",
        "Uỷ ban",
        "UBND",
        "Hội ",
        "Tỉnh đoàn",
        "Công an",
        "Hội đồng",
        "Thanh tra",
        "Bộ Chỉ huy",
    ];
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut rest = lead;
    while !rest.is_empty() {
        let next = [", ", "; ", " và "].iter().filter_map(|sep| rest.find(sep).map(|i| (i, sep.len()))).min();
        match next {
            Some((i, n))
                if HEADS.iter().any(|h| rest[i + n..].starts_with(h))
                    || rest[i + n..].starts_with("các ") =>
            {
                cur.push_str(&rest[..i]);
                out.push(std::mem::take(&mut cur));
                rest = &rest[i + n..];
            }
            Some((i, n)) => {
                cur.push_str(&rest[..i + n]);
                rest = &rest[i + n..];
            }
            None => {
                cur.push_str(rest);
                rest = "";
            }
        }
    }
    out.push(cur);
    out.into_iter().map(|b| b.trim().to_string()).filter(|b| HEADS.iter().any(|h| b.starts_with(h))).collect()
}

/// Assignments without lead or time, and bodies missing from Nơi nhận.
fn assignments(doc: &Document, units: &[Unit<'_>], out: &mut Vec<Finding>) {
    let tasks = crate::tasks::tasks(doc);
    let recipients = fold(&doc.recipients.join("; ")).replace("ubnd", "uy ban nhan dan");
    let mut named: HashSet<String> = HashSet::new();
    for t in &tasks {
        let in_implementation =
            doc.sections.iter().zip(crate::model::path_segments(&doc.sections)).any(|(s, seg)| {
                t.path.split('.').next() == Some(seg.as_str()) && fold(&s.title).contains("to chuc thuc hien")
            });
        let Some(u) = unit_of(units, t) else { continue };
        let n = u.text.chars().count();
        if in_implementation && t.lead.is_none() {
            out.push(u.finding(
                "task-no-lead",
                Severity::Advice,
                "Nhiệm vụ chưa giao cơ quan chủ trì.",
                0,
                n,
                None,
            ));
        }
        if in_implementation && t.time.is_none() {
            out.push(u.finding(
                "task-no-time",
                Severity::Advice,
                "Nhiệm vụ chưa có thời hạn hoàn thành.",
                0,
                n,
                None,
            ));
        }
        if doc.recipients.is_empty() {
            continue;
        }
        let Some(lead) = &t.lead else { continue };
        for body in bodies(lead) {
            let body = body.as_str();
            let f = fold(body);
            if f.split_whitespace().count() < 2 || covered(&recipients, &f) || !named.insert(f.clone()) {
                continue;
            }
            let Some(at) = u.text.find(body) else { continue };
            let s = u.text[..at].chars().count();
            out.push(u.finding(
                "recipient-missing",
                Severity::Advice,
                format!("«{body}» được giao nhiệm vụ nhưng không có trong Nơi nhận."),
                s,
                s + body.chars().count(),
                None,
            ));
        }
    }
}

/// Blanks in the number or the date of a document that is not a draft. Both left
/// blank is an unmarked draft (the marker may also be lost in extraction), not a slip:
/// only a header half filled in is flagged.
fn blanks(doc: &Document, out: &mut Vec<Finding>) {
    if doc.draft {
        return;
    }
    let number_blank = doc.number.as_ref().filter(|n| n.seq.is_none() && !n.raw.is_empty());
    let date_blank =
        doc.place_date.as_ref().filter(|p| p.year.is_some() && (p.day.is_none() || p.month.is_none()));
    match (number_blank, date_blank) {
        (Some(n), None) if doc.place_date.as_ref().is_some_and(|p| p.day.is_some()) => {
            let u = Unit { path: "header".into(), paragraph: Some(0), text: n.raw.as_str() };
            let m = "Văn bản không phải dự thảo nhưng chưa có số.";
            out.push(u.finding("number-blank", Severity::Error, m, 0, n.raw.chars().count(), None));
        }
        (None, Some(p)) if doc.number.as_ref().is_some_and(|n| n.seq.is_some()) => {
            let u = Unit { path: "header".into(), paragraph: Some(1), text: p.raw.as_str() };
            let m = "Văn bản không phải dự thảo nhưng ngày, tháng còn để trống.";
            out.push(u.finding("date-blank", Severity::Error, m, 0, p.raw.chars().count(), None));
        }
        _ => {}
    }
}

/// Findings on substance.
pub(super) fn check(
    doc: &Document,
    units: &[Unit<'_>],
    toks: &[Vec<Token<'_>>],
    parent: Option<&Document>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(p) = parent {
        copied(doc, units, toks, p, &mut out);
    }
    objectives(doc, units, &mut out);
    assignments(doc, units, &mut out);
    blanks(doc, &mut out);
    out
}
