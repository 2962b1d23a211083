//! Prints how long reading a .doc takes (text and structure), the best of a few runs.
//!
//! `cargo run --release -p banthao-doc --example time_doc -- [FILE.doc] [--lines]`
//! (default: the 30-page `tests/fixtures/variants/long_ha-giang.doc`). With `--lines`,
//! prints the lines and footnotes read instead.

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--lines");
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/variants/long_ha-giang.doc");
    let path = args.iter().find(|a| !a.starts_with("--")).map_or(default, String::as_str);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    if dump {
        match banthao_doc::doc_text(&bytes) {
            Ok(t) => {
                for l in &t.lines {
                    println!("{:4} {:?} {:?} {:?}", l.line, l.text, l.notes, l.cells);
                }
                for (id, n) in &t.footnotes {
                    println!("[{id}] {n}");
                }
                println!("unlabelled {:?} legacy {:?}", t.unlabelled, t.legacy);
            }
            Err(e) => println!("error: {e}"),
        }
        return;
    }
    let mut best = Duration::MAX;
    let mut best_text = Duration::MAX;
    for _ in 0..10 {
        let t = Instant::now();
        let text = banthao_doc::doc_text(&bytes);
        best_text = best_text.min(t.elapsed());
        let t = Instant::now();
        let doc = banthao_doc::read_doc(&bytes);
        best = best.min(t.elapsed());
        if let (Err(e), _) | (_, Err(e)) =
            (text.map(|_| ()).map_err(|e| e.to_string()), doc.map(|_| ()).map_err(|e| e.to_string()))
        {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
    println!(
        "{path}: {} KB, text {:.1} ms, text + structure {:.1} ms (best of 10)",
        bytes.len() / 1024,
        best_text.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3
    );
}
