//! Word 97–2003 `.doc` files read into the Bản thảo document model, without Word or
//! LibreOffice: the OLE compound file (`cfb`), the FIB, the piece table, character and
//! paragraph properties and the styles they are based on, footnotes, the font table and
//! Word's list definitions. The lines are those the .docx reader makes (one per
//! paragraph, table cells included in reading order, cut at line breaks; numbering
//! labels in front), so structure inference sees the same thing from either format.
//!
//! Modules depend one way, leaves first: `error`, `bytes`, `sprm` ← `cfb`, `fib`,
//! `pieces`, `fkp`, `fonts`, `lists` ← `styles` (on `fkp`) ← `text` ← `read`. Every
//! length read from the file is checked against its stream before use; nothing panics
//! on any input.
//!
//! Not read: headers and footers, endnotes, comments, text boxes, and the property
//! modifiers of fast-saved pieces (`Prm`); Word 6/95 files are refused.
#![warn(missing_docs)]

mod bytes;
mod cfb;
mod error;
mod fib;
mod fkp;
mod fonts;
mod lists;
mod pieces;
mod read;
mod sprm;
mod styles;
mod text;

pub use error::DocError;
pub use read::{doc_text, read_doc, DocText};
