//! Bản thảo core: the document model and everything that works on values of it.
//!
//! This crate is pure: values in, values out. It never touches the file system, a
//! database or a window. Importers of other formats (the `banthao-docx` crate) produce
//! [`source::Line`]s and hand them to [`parse_lines`].
//!
//! ```
//! let doc = banthao_core::parse_text(
//!     "TỈNH ỦY LẠNG SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-CTr/TU\n\
//!      Lạng Sơn, ngày 05 tháng 3 năm 2024\nCHƯƠNG TRÌNH\nthực hiện Nghị quyết số 45-NQ/TW\n-----\n\
//!      I- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Quán triệt sâu sắc Nghị quyết.\n",
//! );
//! assert_eq!(doc.province.as_deref(), Some("Lạng Sơn"));
//! assert_eq!(doc.kind, Some(banthao_core::model::DocKind::Party));
//! assert_eq!(doc.sections[0].title, "MỤC ĐÍCH, YÊU CẦU");
//! assert_eq!(doc.sections[0].children[0].paragraphs, vec!["- Quán triệt sâu sắc Nghị quyết."]);
//! ```

#![warn(missing_docs)]

pub mod cascade;
pub mod catalogue;
pub mod central;
pub mod check;
pub mod clauses;
pub mod clean;
pub mod compare;
pub mod counterpart;
pub mod coverage_map;
pub mod date;
pub mod generic;
mod input;
pub mod label;
pub mod legacy;
pub mod model;
pub mod outline;
pub mod parse;
pub mod placeholder;
pub mod places;
pub mod profile;
pub mod reflow;
pub mod review;
pub mod scaffold;
pub mod source;
pub mod style;
pub mod tasks;
pub mod text;

pub use input::{builtin_places, parse_text, parse_text_bytes, parse_text_with};
pub use model::Document;
pub use parse::parse_lines;
pub use source::ReadError;
