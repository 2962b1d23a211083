//! `banthao check`: the reviewer's check of a draft, as text or JSON.

use crate::clock;
use crate::input::{self, UserError};
use anyhow::Result;
use banthao_core::check::{check, has_errors, CheckContext, Finding, Severity};
use std::fmt;
use std::path::Path;

/// The check found errors: exit code 1, nothing more to print.
#[derive(Debug)]
pub struct HasErrors;

impl fmt::Display for HasErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Văn bản còn lỗi.")
    }
}

impl std::error::Error for HasErrors {}

/// Whether `s` is an ISO date `YYYY-MM-DD`.
fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(s[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u8>(), Ok(1..=31))
}

fn label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
        Severity::Advice => "góp ý",
    }
}

/// Where a finding is, in words: `Mục III.2, đoạn 3`, `Nơi nhận, dòng 4`.
fn place(f: &Finding) -> String {
    let (part, unit) = match f.path.as_str() {
        "header" => {
            return if f.paragraph == Some(1) {
                "Dòng địa danh, ngày tháng".into()
            } else {
                "Dòng số, ký hiệu".into()
            }
        }
        "title" => return "Trích yếu".into(),
        "format" => return "Thể thức".into(),
        "preamble" => ("Căn cứ, mở đầu".to_string(), "đoạn"),
        "closing" => ("Phần kết".to_string(), "đoạn"),
        "recipients" => ("Nơi nhận".to_string(), "dòng"),
        path => (format!("Mục {path}"), "đoạn"),
    };
    match f.paragraph {
        Some(p) => format!("{part}, {unit} {}", p + 1),
        None => format!("{part}, tên mục"),
    }
}

fn line(f: &Finding) -> String {
    let at = place(f);
    let mut excerpt: String = f.excerpt.chars().take(80).collect();
    if f.excerpt.chars().count() > 80 {
        excerpt.push('…');
    }
    let sugg = f.suggestion.as_ref().map(|s| format!(" → «{s}»")).unwrap_or_default();
    format!("[{}] {at}: «{excerpt}»{sugg}\n    {}", label(f.severity), f.message)
}

/// Runs the check; `Err(HasErrors)` when an error was found.
pub fn run(file: &Path, date: Option<String>, parent: Option<&Path>, json: bool) -> Result<()> {
    if let Some(d) = date.as_deref().filter(|d| !iso_date(d)) {
        return Err(UserError(format!("Ngày «{d}» không đúng dạng YYYY-MM-DD.")).into());
    }
    // A .docx also says how it is presented (paper, margins, fonts).
    let (doc, format) = if input::has_ext(file, "json") {
        (input::read_draft_or_document(file)?, None)
    } else {
        let (bytes, doc) = input::read_file(file)?;
        let format =
            bytes.starts_with(b"PK\x03\x04").then(|| banthao_docx::docx_format(&bytes).ok()).flatten();
        (doc, format)
    };
    let parent = parent.map(input::read_draft_or_document).transpose()?;
    let ctx = CheckContext { date, today: clock::today(), parent, format };
    let findings = check(&doc, &ctx);
    if json {
        println!("{}", serde_json::to_string_pretty(&findings)?);
    } else if findings.is_empty() {
        println!("Không phát hiện vấn đề nào.");
    } else {
        for f in &findings {
            println!("{}", line(f));
        }
        let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        println!(
            "\n{} lỗi, {} cảnh báo, {} góp ý (tên gọi theo ngày {}).",
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Advice),
            ctx.reference_date(&doc)
        );
    }
    if has_errors(&findings) {
        return Err(HasErrors.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates() {
        assert!(super::iso_date("2026-01-15"));
        assert!(!super::iso_date("2026-13-01"));
        assert!(!super::iso_date("15/01/2026"));
    }
}
