//! The consultation round (lấy ý kiến): what reviewers proposed in their Word copies,
//! placed in the draft's structure, with the drafter's answers and the rows of the
//! «báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý».
//!
//! Pure, like the rest of the crate: a reader of the copy's format (the docx crate)
//! gives a [`CopyText`] — the copy's paragraphs as sent (pending changes rejected)
//! and its comments and tracked changes as [`Mark`]s with character ranges in them —
//! and the copy parsed as sent. [`locate::review_copy`] places every mark in that
//! structure and, by alignment ([`crate::compare`]), in the current draft.
//!
//! Modules one way: `mod` (types) ← `reviewer` ← `locate` ← `report`; `mod` ← `apply`
//! (a proposal applied to the draft: «Tiếp thu» in one click).
//!
//! ```
//! use banthao_core::review::{locate::review_copy, CopyText, Kind, Mark, MarkKind};
//! let sent = banthao_core::parse_text("I- MỤC TIÊU\n1. Mục tiêu chung\nXây dựng đội ngũ trí thức vững mạnh.\n");
//! let copy = CopyText {
//!     paragraphs: vec!["I- MỤC TIÊU".into(), "1. Mục tiêu chung".into(), "Xây dựng đội ngũ trí thức vững mạnh.".into()],
//!     marks: vec![Mark::change(MarkKind::Delete, "Sở Nội vụ", 2, 26, 35, "vững mạnh")],
//!     ..CopyText::default()
//! };
//! let r = review_copy(&copy, &sent, None, "so-noi-vu.docx", None);
//! assert_eq!(r.items[0].path, "I.1");
//! assert_eq!(r.items[0].kind, Kind::Delete);
//! assert_eq!(r.items[0].reviewer, "Sở Nội vụ");
//! ```

pub mod apply;
pub mod locate;
pub mod report;
pub mod reviewer;

use serde::{Deserialize, Serialize};

/// What a mark in a copy is, as the copy holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A Word comment.
    Comment,
    /// A tracked insertion (`w:ins`, or the destination of a move).
    Insert,
    /// A tracked deletion (`w:del`, or the source of a move).
    Delete,
}

/// An answer to a comment, in the comment's thread.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reply {
    /// Who wrote it.
    pub author: String,
    /// When (as the copy says, ISO 8601), if it says.
    pub date: Option<String>,
    /// Its words.
    pub text: String,
}

/// A comment or tracked change as read from a copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Comment, insertion or deletion.
    pub kind: MarkKind,
    /// The author Word recorded.
    pub author: String,
    /// The date Word recorded.
    pub date: Option<String>,
    /// Index of the paragraph in [`CopyText::paragraphs`].
    pub paragraph: usize,
    /// First character of the anchored or deleted range in that paragraph (an
    /// insertion: where it goes).
    pub start: usize,
    /// Character after the range.
    pub end: usize,
    /// The anchored text of a comment, the deleted text of a deletion.
    pub excerpt: String,
    /// The comment's words, or the inserted text.
    pub text: String,
    /// Answers in the comment's thread.
    pub replies: Vec<Reply>,
    /// Part of a move (`w:moveFrom`/`w:moveTo`).
    pub moved: bool,
}

impl Mark {
    /// A tracked change of `kind` by `author` at `start..end` of paragraph `paragraph`,
    /// with its excerpt (deletion) or text (insertion).
    pub fn change(
        kind: MarkKind,
        author: &str,
        paragraph: usize,
        start: usize,
        end: usize,
        words: &str,
    ) -> Mark {
        let (excerpt, text) = match kind {
            MarkKind::Insert => (String::new(), words.to_string()),
            _ => (words.to_string(), String::new()),
        };
        Mark {
            kind,
            author: author.to_string(),
            date: None,
            paragraph,
            start,
            end,
            excerpt,
            text,
            replies: Vec::new(),
            moved: false,
        }
    }
}

/// A reviewer's copy as read: its paragraphs as sent and its marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyText {
    /// Paragraphs (and table-cell paragraphs) in reading order, with pending changes
    /// rejected (the text as it was sent), white space squashed.
    pub paragraphs: Vec<String>,
    /// Comments and tracked changes in document order.
    pub marks: Vec<Mark>,
    /// Formatting changes (`w:rPrChange`, `w:pPrChange` …): counted, not listed.
    pub formatting_changes: usize,
    /// What went wrong reading, for the user (Vietnamese): a damaged comments part, a
    /// comment anchored nowhere …
    pub notes: Vec<String>,
}

/// The kind of a review item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A comment.
    Comment,
    /// Text proposed to be added.
    Insert,
    /// Text proposed to be removed.
    Delete,
    /// A deletion and an insertion at the same place by the same reviewer.
    Replace,
}

impl Kind {
    /// The stored form (`comment`, `insert` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Comment => "comment",
            Kind::Insert => "insert",
            Kind::Delete => "delete",
            Kind::Replace => "replace",
        }
    }

    /// The kind named by [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Comment, Kind::Insert, Kind::Delete, Kind::Replace].into_iter().find(|k| k.as_str() == s)
    }
}

/// Where in a document an item sits, besides the numbered sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// National heading, issuer, number, place and date.
    Header,
    /// Type name and summary.
    Title,
    /// The preamble (căn cứ).
    Preamble,
    /// A numbered section ([`Item::path`]).
    Section,
    /// The closing line.
    Closing,
    /// Recipients and signature.
    Tail,
    /// Not found in the document.
    Unknown,
}

/// A comment or proposed change, placed in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Item {
    /// The body that commented (Sở Nội vụ …).
    pub reviewer: String,
    /// The author Word recorded.
    pub author: String,
    /// The copy's file name.
    pub file: String,
    /// Comment, insert, delete or replace.
    pub kind: Kind,
    /// Which part of the document.
    pub part: Part,
    /// The section path (`I.2`) when in a section, else empty.
    pub path: String,
    /// Paragraph index: in the section (`None`: its title), or in the preamble.
    pub paragraph: Option<usize>,
    /// Character range in that paragraph (or title) of the draft.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// The anchored text of a comment, or the text the change removes.
    pub excerpt: String,
    /// The comment's words, or the text the change adds.
    pub text: String,
    /// When the reviewer wrote it.
    pub date: Option<String>,
    /// Answers in a comment's thread.
    pub replies: Vec<Reply>,
    /// The anchored place was changed by the drafter since the copy was sent
    /// («đã thay đổi từ khi gửi»).
    pub changed: bool,
}

/// How the drafter handled an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not handled yet («chưa xử lý»).
    #[default]
    Pending,
    /// Accepted (tiếp thu).
    Accepted,
    /// Accepted in part (tiếp thu một phần).
    Partial,
    /// Not accepted, with an explanation (giải trình).
    Explained,
}

impl Status {
    /// The stored form (`pending`, `accepted`, `partial`, `explained`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Accepted => "accepted",
            Status::Partial => "partial",
            Status::Explained => "explained",
        }
    }

    /// The status named by [`Status::as_str`].
    pub fn parse(s: &str) -> Option<Status> {
        [Status::Pending, Status::Accepted, Status::Partial, Status::Explained]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// What the user reads.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "chưa xử lý",
            Status::Accepted => "tiếp thu",
            Status::Partial => "tiếp thu một phần",
            Status::Explained => "giải trình",
        }
    }
}

/// How a copy relates to the draft it is mapped onto.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Mapping {
    /// No draft given: items are placed in the copy's own structure.
    Own,
    /// The copy is the draft as it is now.
    Same,
    /// The copy was made from an older version: placed by alignment.
    Aligned,
    /// Nothing aligns: a copy of another document; items are not placed.
    Unrelated,
}

/// One copy read and placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CopyReview {
    /// The copy's file name.
    pub file: String,
    /// The body the copy's items are attributed to when its authors are people.
    pub reviewer: String,
    /// How it was mapped.
    pub mapping: Mapping,
    /// Similarity of the copy's text as sent to the draft (0..1).
    pub similarity: f32,
    /// Its items in document order.
    pub items: Vec<Item>,
    /// Formatting changes counted (not listed).
    pub formatting_changes: usize,
    /// Messages for the user (Vietnamese).
    pub notes: Vec<String>,
}
