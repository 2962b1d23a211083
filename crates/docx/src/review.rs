//! A reviewer's copy: its paragraphs as sent (pending changes rejected, white space
//! squashed) with every comment's anchored range and every tracked change as
//! character ranges in them ([`CopyText`]), and the copy parsed as sent. Placing
//! them in a draft is the core's work ([`banthao_core::review`]).
//!
//! Bad input loses nothing else: a damaged comments part leaves the comments'
//! places (without their words) and every tracked change; a comment with no range is
//! placed at its mark; one anchored nowhere is listed unplaced; each with a note.

use crate::comments::{link_replies, read_comments, Comment};
use crate::error::DocxError;
use crate::read::{is_format_change, read_docx_with, Archive, Changes, MAX_DOCUMENT_XML, MAX_PART_XML};
use crate::xml_read::{attr, decode_text, resolve_ref, xml_err};
use banthao_core::review::{CopyText, Mark, MarkKind, Reply};
use banthao_core::{Document, ReadError};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// A reviewer's copy read: its marks and the document as it was sent.
#[derive(Debug, Clone)]
pub struct ReviewCopy {
    /// Paragraphs as sent and the marks in them.
    pub copy: CopyText,
    /// The copy parsed with its changes rejected (the version it was made from).
    pub sent: Document,
}

/// Reads a reviewer's .docx copy.
pub fn read_copy(bytes: &[u8]) -> Result<ReviewCopy, ReadError> {
    let sent = read_docx_with(bytes, Changes::Reject)?;
    let copy = copy_text(bytes)?;
    Ok(ReviewCopy { copy, sent })
}

/// A paragraph being read: its text as sent, squashed.
#[derive(Default)]
struct Para {
    text: String,
    chars: usize,
    /// A space is due before the next character.
    space: bool,
}

impl Para {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = self.chars > 0;
            } else {
                if self.space {
                    self.text.push(' ');
                    self.chars += 1;
                    self.space = false;
                }
                self.text.push(c);
                self.chars += 1;
            }
        }
    }

    /// Where the next character goes (a due space counted).
    fn at(&self) -> usize {
        self.chars + usize::from(self.space)
    }
}

/// An open tracked change.
struct Open {
    kind: MarkKind,
    author: String,
    date: Option<String>,
    start: usize,
    moved: bool,
    /// Inserted text (an insertion's words are not part of the text as sent).
    text: String,
}

/// Reads the marks of a copy.
fn copy_text(bytes: &[u8]) -> Result<CopyText, DocxError> {
    let mut archive = Archive::open(bytes)?;
    let document = archive.part("word/document.xml", MAX_DOCUMENT_XML)?.ok_or(DocxError::NoDocument)?;
    let mut notes = Vec::new();
    let comments = match archive.part("word/comments.xml", MAX_PART_XML) {
        Ok(Some(x)) => match read_comments(&x) {
            Ok(mut c) => {
                if let Ok(Some(ext)) = archive.part("word/commentsExtended.xml", MAX_PART_XML) {
                    if let Err(e) = link_replies(&mut c, &ext) {
                        notes.push(format!("Phần liên kết trả lời ý kiến (commentsExtended.xml) bị hỏng ({e}): các trả lời được liệt kê như ý kiến riêng."));
                    }
                }
                Some(c)
            }
            Err(e) => {
                notes.push(format!("Phần ý kiến (word/comments.xml) bị hỏng ({e}): không đọc được lời các ý kiến; vị trí của chúng và các thay đổi được theo dõi vẫn được đọc."));
                None
            }
        },
        Ok(None) => Some(Vec::new()),
        Err(e) => {
            notes.push(format!("Phần ý kiến (word/comments.xml) không đọc được ({e}); các thay đổi được theo dõi vẫn được đọc."));
            None
        }
    };
    let (mut copy, anchors) = walk(&document)?;
    copy.notes.splice(0..0, notes);
    attach_comments(&mut copy, anchors, comments);
    Ok(copy)
}

/// What the walk of `document.xml` found of the comments: their ranges' ends and marks.
#[derive(Default)]
struct Anchors {
    starts: HashMap<String, (usize, usize)>,
    ends: HashMap<String, (usize, usize)>,
    refs: HashMap<String, (usize, usize)>,
    order: Vec<String>,
}

impl Anchors {
    fn seen(&mut self, id: &str) {
        if !self.order.iter().any(|o| o == id) {
            self.order.push(id.to_string());
        }
    }
}

/// Walks `document.xml`: paragraphs as sent, tracked changes, comment anchors.
fn walk(xml: &str) -> Result<(CopyText, Anchors), DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut copy = CopyText::default();
    let mut anchors = Anchors::default();
    // Open paragraphs (text boxes nest them); the index they will take.
    let mut stack: Vec<Para> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut in_text = false;
    let mut skip = 0usize;
    // Paragraph indexes are given at the end of a paragraph (reading order of ends,
    // like the line reader); marks first get a provisional key.
    let mut pending_marks: Vec<(usize, Mark)> = Vec::new();
    let mut pending_anchor: Vec<(usize, u8, String, usize)> = Vec::new();
    let mut next_key = 0usize;
    let mut keys: Vec<usize> = Vec::new();
    let mut key_to_index: HashMap<usize, usize> = HashMap::new();
    loop {
        let ev = reader.read_event().map_err(xml_err)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                let name = e.local_name();
                let name = name.as_ref();
                let at = stack.last().map(Para::at).unwrap_or(0);
                let key = keys.last().copied().unwrap_or(usize::MAX);
                match name {
                    b"p" if !empty => {
                        stack.push(Para::default());
                        keys.push(next_key);
                        next_key += 1;
                    }
                    b"Fallback" | b"instrText" | b"delInstrText" if !empty => skip = 1,
                    n if !empty && is_format_change(n) => {
                        copy.formatting_changes += 1;
                        skip = 1;
                    }
                    b"ins" | b"moveTo" | b"del" | b"moveFrom" if !empty => open.push(Open {
                        kind: if matches!(name, b"ins" | b"moveTo") {
                            MarkKind::Insert
                        } else {
                            MarkKind::Delete
                        },
                        author: attr(e, b"author").unwrap_or_default().trim().to_string(),
                        date: attr(e, b"date"),
                        start: at,
                        moved: matches!(name, b"moveTo" | b"moveFrom"),
                        text: String::new(),
                    }),
                    b"t" | b"delText" if !empty => in_text = true,
                    b"tab" | b"br" | b"cr" => text_in(&mut stack, &mut open, " "),
                    b"noBreakHyphen" => text_in(&mut stack, &mut open, "-"),
                    b"commentRangeStart" | b"commentRangeEnd" | b"commentReference" => {
                        if let Some(id) = attr(e, b"id") {
                            let which = match name {
                                b"commentRangeStart" => 0,
                                b"commentRangeEnd" => 1,
                                _ => 2,
                            };
                            pending_anchor.push((key, which, id, at));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" | b"delText" => in_text = false,
                    b"ins" | b"moveTo" | b"del" | b"moveFrom" => {
                        if let Some(o) = open.pop() {
                            let end = stack.last().map(|p| p.chars).unwrap_or(0);
                            let key = keys.last().copied().unwrap_or(usize::MAX);
                            let text = banthao_core::text::squash_spaces(&o.text);
                            let mark = match o.kind {
                                MarkKind::Insert if text.trim().is_empty() => None,
                                MarkKind::Insert => Some(Mark {
                                    moved: o.moved,
                                    date: o.date,
                                    ..Mark::change(MarkKind::Insert, &o.author, 0, o.start, o.start, &text)
                                }),
                                _ if end <= o.start => None,
                                _ => Some(Mark {
                                    moved: o.moved,
                                    date: o.date,
                                    ..Mark::change(MarkKind::Delete, &o.author, 0, o.start.min(end), end, "")
                                }),
                            };
                            if let Some(m) = mark {
                                pending_marks.push((key, m));
                            }
                        }
                    }
                    b"p" => {
                        if let (Some(p), Some(key)) = (stack.pop(), keys.pop()) {
                            key_to_index.insert(key, copy.paragraphs.len());
                            copy.paragraphs.push(p.text);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                let s = decode_text(t)?;
                text_in(&mut stack, &mut open, &s);
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let s = resolve_ref(r)?;
                text_in(&mut stack, &mut open, &s);
            }
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Eof => break,
            _ => {}
        }
    }
    let index = |key: usize| key_to_index.get(&key).copied().unwrap_or(usize::MAX);
    for (key, mut m) in pending_marks {
        m.paragraph = index(key);
        if m.kind == MarkKind::Delete {
            m.excerpt =
                slice(copy.paragraphs.get(m.paragraph).map(String::as_str).unwrap_or(""), m.start, m.end);
        }
        copy.marks.push(m);
    }
    for (key, which, id, at) in pending_anchor {
        let place = (index(key), at);
        anchors.seen(&id);
        match which {
            0 => anchors.starts.entry(id).or_insert(place),
            1 => anchors.ends.entry(id).or_insert(place),
            _ => anchors.refs.entry(id).or_insert(place),
        };
    }
    // Comment anchors are resolved once the comments are known.
    Ok((copy, anchors))
}

/// Text read: into the paragraph unless inside an insertion (then into it).
fn text_in(stack: &mut [Para], open: &mut [Open], s: &str) {
    match open.last_mut() {
        Some(o) if o.kind == MarkKind::Insert => o.text.push_str(s),
        _ => {
            if let Some(p) = stack.last_mut() {
                p.push(s);
            }
        }
    }
}

/// Characters `start..end` of `s`.
fn slice(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// Comments as marks, with their anchored ranges; replies go to their thread.
fn attach_comments(copy: &mut CopyText, anchors: Anchors, comments: Option<Vec<Comment>>) {
    let damaged = comments.is_none();
    let comments = comments.unwrap_or_default();
    let by_id: HashMap<&str, &Comment> = comments.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut ids: Vec<String> = anchors.order.clone();
    for c in &comments {
        if !ids.contains(&c.id) {
            ids.push(c.id.clone());
        }
    }
    let mut marks = Vec::new();
    let mut no_range = 0;
    let mut nowhere = 0;
    for id in &ids {
        let c = by_id.get(id.as_str()).copied();
        if c.is_some_and(|c| c.parent.is_some()) {
            continue;
        }
        let (paragraph, start, end) =
            match (anchors.starts.get(id), anchors.ends.get(id), anchors.refs.get(id)) {
                (Some(&(p, s)), Some(&(q, e)), _) if p == q && e >= s => (p, s, e),
                (Some(&(p, s)), Some(_), _) | (Some(&(p, s)), None, _) => {
                    // Across paragraphs (or no end): to the end of the first one.
                    let len = copy.paragraphs.get(p).map(|t| t.chars().count()).unwrap_or(0);
                    (p, s.min(len), len)
                }
                (None, _, Some(&(p, s))) | (None, Some(&(p, s)), None) => {
                    no_range += 1;
                    (p, s, s)
                }
                (None, None, None) => {
                    nowhere += 1;
                    (usize::MAX, 0, 0)
                }
            };
        let para = copy.paragraphs.get(paragraph).map(String::as_str).unwrap_or("");
        let replies = comments
            .iter()
            .filter(|r| r.parent.as_deref() == Some(id.as_str()))
            .map(|r| Reply { author: r.author.clone(), date: r.date.clone(), text: r.text.clone() })
            .collect();
        marks.push(Mark {
            kind: MarkKind::Comment,
            author: c.map(|c| c.author.clone()).unwrap_or_default(),
            date: c.and_then(|c| c.date.clone()),
            paragraph,
            start,
            end,
            excerpt: slice(para, start, end),
            text: match c {
                Some(c) => c.text.clone(),
                None if damaged => "(không đọc được lời ý kiến: phần ý kiến bị hỏng)".into(),
                None => "(ý kiến không có nội dung trong tệp)".into(),
            },
            replies,
            moved: false,
        });
    }
    if no_range > 0 {
        copy.notes
            .push(format!("{no_range} ý kiến không đánh dấu đoạn văn nào: được đặt tại vị trí dấu ý kiến."));
    }
    if nowhere > 0 {
        copy.notes
            .push(format!("{nowhere} ý kiến không gắn với vị trí nào trong văn bản: được liệt kê riêng."));
    }
    copy.marks.extend(marks);
    copy.marks.sort_by_key(|m| (m.paragraph, m.start));
}
