//! A .docx package into a document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = banthao_docx::read_docx(data);
});
