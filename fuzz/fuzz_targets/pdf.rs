//! A PDF file into a document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = banthao_pdf::read_pdf(data);
});
