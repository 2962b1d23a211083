//! Runs one comparison of two long documents, for profilers (`valgrind --tool=callgrind`).
#[path = "../benches/support.rs"]
mod support;

fn main() {
    let a = banthao_core::parse_text(&support::long_document(&["ha-giang_ctr_tinh-uy_du-thao_2024.txt"], 4));
    let b = banthao_core::parse_text(&support::long_document(&["cao-bang_kh_ban-thuong-vu.txt"], 4));
    let c = banthao_core::compare::compare(&a, &b, &Default::default());
    println!("{} sections, similarity {:.2}", c.sections.len(), c.similarity);
}
