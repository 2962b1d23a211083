//! Word .docx for Bản thảo: reading a .docx into the document model, and writing the
//! model (or the tracked changes between two versions of it) as a .docx laid out by a
//! format profile.
//!
//! Reading goes through the same structure inference as plain text
//! ([`banthao_core::parse_lines`]): this crate only turns the Word parts into lines.
//!
//! Modules depend one way, leaves first (no two import each other, directly or
//! through others):
//!
//! - reading: `error` ← `xml_read` ← `numbering` ← `read`; `xml_read` ← `comments`
//!   (comments and their threads); `read`, `xml_read` ← `format` (paper, margins,
//!   fonts and sizes, for `banthao check`); `read`, `comments` ← `review` (a reviewer's copy:
//!   comments and tracked changes with their ranges);
//! - writing: `xml` (element XML, units) ← `layout` (items and their XML) ←
//!   `compose` (document → items); `xml` ← `package` (parts, zip); at the top
//!   `write` and `redline` (compose, layout, package, xml) and `preview`
//!   (compose, layout) and `report` (the tiếp thu–giải trình report: compose,
//!   layout, package, xml) and `appendix` (the task table on landscape pages:
//!   package, xml);
//! - `save` stands alone.
#![warn(missing_docs)]

mod appendix;
mod comments;
mod compose;
mod error;
mod format;
mod layout;
mod numbering;
mod package;
mod preview;
mod read;
mod redline;
mod report;
mod review;
pub mod save;
mod write;
mod xml;
mod xml_read;

pub use appendix::write_tasks_docx;
pub use error::DocxError;
pub use format::docx_format;
pub use package::ExportOptions;
pub use preview::preview_html;
pub use read::{docx_text, docx_text_with, read_docx, read_docx_with, Changes, DocxText, Tracked};
pub use redline::{write_redline, RedlineOptions};
pub use report::write_report;
pub use review::{read_copy, ReviewCopy};
pub use write::write_docx;
