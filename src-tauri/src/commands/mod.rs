//! The commands the window calls. Each is a few lines over the library crates; the
//! types that cross are in `dto` and have TypeScript declarations in `ui/src/bindings.ts`.

pub mod check;
pub mod compare;
pub mod coverage;
pub mod drafts;
pub mod export;
pub mod library;
pub mod recovery;
pub mod review;
pub mod settings;
pub mod versions;
