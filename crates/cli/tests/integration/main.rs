//! Black-box tests of the `banthao` binary. One test binary, modules by feature.

mod util;

mod bad_input;
mod check;
mod compare;
mod corpus;
mod coverage_map;
mod export;
mod forbidden_chars;
mod formats;
mod genre;
mod review;
mod save_errors;
mod snapshots;
mod wrapped;
