//! Text bytes with encoding detection (UTF-8/16, TCVN3/VNI/VISCII) into a document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = banthao_core::parse_text_bytes(data);
});
