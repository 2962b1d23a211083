//! Text parsed, exported as .docx and read back: the export must always be a
//! package our own reader opens (well-formed parts, whatever the text).
#![no_main]
use banthao_core::profile::FormatProfile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = banthao_core::parse_text(text);
    let profile = FormatProfile::for_kind(doc.kind);
    let opts = banthao_docx::ExportOptions { created: "2026-01-01T00:00:00Z".into(), author: None };
    let bytes = banthao_docx::write_docx(&doc, &profile, &opts);
    if let Err(e) = banthao_docx::read_docx(&bytes) {
        panic!("export not readable: {e}");
    }
});
