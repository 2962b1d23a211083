//! Characters XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls but tab and line breaks),
//! as bad conversions and copies out of PDFs leave them in text: imported, they are
//! removed once and reported; exported (plain and redline), every part of the .docx is
//! well-formed for a strict XML parser (expat, through python3) and LibreOffice opens
//! the file, with the rest of the text intact.

use crate::testdir;
use crate::util::{banthao_in, fixture, parse_json, stderr, TestDir};
use std::path::Path;
use std::process::Command;

/// The characters, put just before spaces the text already has, so that once they are
/// removed (controls become spaces, squashed with their neighbour) the text reads as
/// the clean one.
const DIRTY: [&str; 7] = ["\u{FFFE}", "\u{FFFF}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}\u{0}"];

fn dirty(clean: &str) -> (String, usize) {
    let mut out = String::new();
    let mut added = 0;
    for (i, line) in clean.split_inclusive('\n').enumerate() {
        match line.find(' ') {
            Some(at) if i % 3 == 0 => {
                let c = DIRTY[(i / 3) % DIRTY.len()];
                out.push_str(&line[..at]);
                out.push_str(c);
                out.push_str(&line[at..]);
                added += c.chars().count();
            }
            _ => out.push_str(line),
        }
    }
    (out, added)
}

/// Every XML part of the package parsed by expat (strict: forbidden characters and
/// malformed markup are fatal); the failures.
fn strict_xml_failures(docx: &Path) -> String {
    const CHECK: &str = r#"
import sys, zipfile, xml.parsers.expat
bad = []
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if n.endswith('.xml') or n.endswith('.rels'):
            p = xml.parsers.expat.ParserCreate()
            try:
                p.Parse(z.read(n), True)
            except xml.parsers.expat.ExpatError as e:
                bad.append(n + ': ' + str(e))
print('\n'.join(bad))
"#;
    let o = Command::new("python3")
        .args(["-c", CHECK, docx.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed for this test ({e})"));
    assert!(o.status.success(), "python3 failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// LibreOffice converts the file to text; the text.
fn libreoffice_text(dir: &TestDir, docx: &Path) -> String {
    let profile_dir = format!("-env:UserInstallation=file://{}", dir.path("lo-profile").display());
    let o = Command::new("libreoffice")
        .args([
            &profile_dir,
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            dir.0.to_str().unwrap(),
            docx.to_str().unwrap(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("libreoffice is needed for this test ({e}); scripts/test.sh installs it"));
    let txt = docx.with_extension("txt");
    assert!(
        txt.exists(),
        "LibreOffice did not open {}: {}",
        docx.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(txt).unwrap()
}

fn without_diagnostics(mut v: serde_json::Value) -> serde_json::Value {
    v.as_object_mut().unwrap().remove("diagnostics");
    v
}

#[test]
fn forbidden_characters_are_dropped_at_import_and_exports_open() {
    let dir = testdir!();
    let clean = std::fs::read_to_string(fixture("cao-bang_kh_ban-thuong-vu.txt")).unwrap();
    let (text, added) = dirty(&clean);
    assert!(added >= 20, "{added}");
    let src = dir.path("ban-ke-hoach.txt");
    std::fs::write(&src, &text).unwrap();

    // Import: reported with the count, and the document is the clean one.
    let got = parse_json(&src);
    let diag = got["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "forbidden-characters")
        .unwrap_or_else(|| panic!("no forbidden-characters diagnostic: {}", got["diagnostics"]));
    assert!(diag["message"].as_str().unwrap().contains(&format!("Đã bỏ {added} ký tự")), "{diag}");
    assert_eq!(
        without_diagnostics(got),
        without_diagnostics(parse_json(&fixture("cao-bang_kh_ban-thuong-vu.txt")))
    );

    // Plain export and redline (the dirty text against a clean copy edited a little).
    let edited = dir.path("ban-sua.txt");
    std::fs::write(&edited, clean.replacen("Ban Thường vụ", "Ban Thường vụ\u{FFFF} Tỉnh ủy", 1)).unwrap();
    let plain = dir.path("xuat.docx");
    let redline = dir.path("so-sanh.docx");
    for (args, out) in [
        (vec!["export", src.to_str().unwrap(), "-o", plain.to_str().unwrap()], &plain),
        (
            vec![
                "diff",
                src.to_str().unwrap(),
                edited.to_str().unwrap(),
                "--docx",
                redline.to_str().unwrap(),
            ],
            &redline,
        ),
    ] {
        let o = banthao_in(&dir.0, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(strict_xml_failures(out), "", "{}: parts a strict XML parser refuses", out.display());
        let words = libreoffice_text(&dir, out);
        for phrase in ["KẾ HOẠCH", "Ban Thường vụ"] {
            assert!(words.contains(phrase), "{}: LibreOffice text lacks {phrase:?}:\n{words}", out.display());
        }
        assert!(!words.contains('\u{FFFE}') && !words.contains('\u{FFFF}'), "{}", out.display());
    }
}
