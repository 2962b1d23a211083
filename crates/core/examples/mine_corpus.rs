//! Prints the clauses mined from the corpus fixtures (for a person to judge them).
use banthao_core::clauses::{mine, Source};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".txt") && !name.contains("pdf-wrapped") {
            docs.push((name, banthao_core::parse_text(&std::fs::read_to_string(&p).unwrap())));
        }
    }
    let sources: Vec<Source> = docs.iter().map(|(n, d)| Source { name: n.clone(), doc: d }).collect();
    let parent = banthao_core::scaffold::ParentTemplate::builtin("45-NQ/TW").unwrap().as_document();
    for c in mine(&parent, &sources) {
        println!(
            "[{}] {} tỉnh: {}",
            c.parent_section.as_deref().unwrap_or("—"),
            c.provinces.len(),
            banthao_core::outline::shorten(&c.template, 110)
        );
    }
}
