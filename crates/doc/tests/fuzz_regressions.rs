//! Inputs coverage-guided fuzzing found (`fuzz/`, target `doc`): each once made the
//! reader panic, hang or use memory without bound. Kept in `tests/fixtures/fuzz/doc/`
//! and read here with the ordinary test suite (no nightly needed): each must give a
//! document or an error, within the bounds of hostile input (5 s).

use std::time::{Duration, Instant};

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz/doc");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let start = Instant::now();
        let _ = banthao_doc::read_doc(&data);
        // Tests run unoptimised: a generous multiple of the 5 s bound.
        assert!(start.elapsed() < Duration::from_secs(30), "{}: {:?}", path.display(), start.elapsed());
    }
}
