//! Reads text PDFs into Bản thảo's document model, in pure Rust.
//!
//! lopdf reads the objects (cross-reference repair, object streams, filters, the
//! empty user password of files protected by an owner password only); this crate runs
//! the page content far enough to know where each piece of text is drawn, in which
//! face and size, and what it says (ToUnicode maps, simple encodings), then lays the
//! pieces out into the paragraphs the parser reads.
//!
//! ```no_run
//! let bytes = std::fs::read("ke-hoach.pdf").unwrap();
//! let doc = banthao_pdf::read_pdf(&bytes).unwrap();
//! println!("{} mục", doc.sections.len());
//! ```
#![warn(missing_docs)]

mod cmap;
mod content;
mod error;
mod fonts;
mod glyphs;
mod layout;
mod load;
mod objects;
mod pages;
mod read;

pub use content::Run;
pub use error::PdfError;
pub use layout::PageRuns;
pub use read::{page_runs, pdf_text, read_pdf};
