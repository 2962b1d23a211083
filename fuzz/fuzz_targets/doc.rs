//! A Word 97-2003 .doc file into a document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = banthao_doc::read_doc(data);
});
