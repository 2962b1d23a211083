//! Inputs coverage-guided fuzzing found (`fuzz/`, target `docx`): each once made the
//! reader panic, hang or use memory without bound. Kept in `tests/fixtures/fuzz/docx/`
//! and read here with the ordinary test suite (no nightly needed): each must give a
//! document or an error, within the bounds of hostile input (5 s).

use std::time::{Duration, Instant};

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz/docx");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let start = Instant::now();
        let _ = banthao_docx::read_docx(&data);
        // Tests run unoptimised: a generous multiple of the 5 s bound.
        assert!(start.elapsed() < Duration::from_secs(30), "{}: {:?}", path.display(), start.elapsed());
    }
}

/// Target `export_roundtrip`: text parsed, exported and read back must read.
#[test]
fn export_round_trip_findings_stay_fixed() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz/export_roundtrip");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else { continue };
        let doc = banthao_core::parse_text(&text);
        let profile = banthao_core::profile::FormatProfile::for_kind(doc.kind);
        let opts = banthao_docx::ExportOptions { created: "2026-01-01T00:00:00Z".into(), author: None };
        let bytes = banthao_docx::write_docx(&doc, &profile, &opts);
        if let Err(e) = banthao_docx::read_docx(&bytes) {
            panic!("{}: the export does not read back: {e}", path.display());
        }
    }
}
