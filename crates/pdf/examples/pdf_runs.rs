//! Prints the text runs of each page of a PDF with their positions, then the lines the
//! layout makes of them: `cargo run -p banthao-pdf --example pdf_runs FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a PDF file");
    let bytes = std::fs::read(path).expect("readable file");
    for (k, page) in banthao_pdf::page_runs(&bytes).expect("a PDF").iter().enumerate() {
        println!("=== page {} ({} × {})", k + 1, page.width, page.height);
        for r in &page.runs {
            let face = format!("{}{}", if r.bold { "B" } else { "-" }, if r.italic { "I" } else { "-" });
            println!("{:7.1} {:7.1} {:7.1} {:5.1} {face} {}", r.y, r.x0, r.x1, r.size, r.text);
        }
    }
    let ((lines, notes), _, _) = banthao_pdf::pdf_text(&bytes).expect("a PDF");
    println!("=== lines");
    for l in lines {
        println!(
            "{:4} {}{}",
            l.line,
            l.text,
            if l.notes.is_empty() { String::new() } else { format!("  {:?}", l.notes) }
        );
    }
    for (id, text) in notes {
        println!("[{id}] {text}");
    }
}
