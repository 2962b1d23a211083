//! The outline (`banthao parse FILE`) of every document fixture, as a reviewed snapshot:
//! a change in what the parser finds shows up as a readable diff.

use crate::util::{banthao, fixtures, stdout};

#[test]
fn outlines() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".txt") || n.ends_with(".docx")) && !n.starts_with("bad_"))
        .collect();
    names.sort();
    assert!(names.len() >= 8);
    for name in names {
        let out = banthao(&["parse", &name]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        insta::assert_snapshot!(name.replace('.', "_"), stdout(&out));
    }
}
