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
//! - reading: `error` ← `xml_read` ← `numbering` ← `read`;
//! - writing: `xml` (element XML, units) ← `layout` (items and their XML) ←
//!   `compose` (document → items); `xml` ← `package` (parts, zip); at the top
//!   `write` and `redline` (compose, layout, package, xml) and `preview`
//!   (compose, layout);
//! - `save` stands alone.
#![warn(missing_docs)]

mod compose;
mod error;
mod layout;
mod numbering;
mod package;
mod preview;
mod read;
mod redline;
pub mod save;
mod write;
mod xml;
mod xml_read;

pub use error::DocxError;
pub use package::ExportOptions;
pub use preview::preview_html;
pub use read::{docx_text, read_docx, DocxText};
pub use redline::{write_redline, RedlineOptions};
pub use write::write_docx;
