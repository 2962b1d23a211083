//! `banthao scaffold` and `banthao export`, checked by independent readers: pandoc
//! reads the .docx back to text, LibreOffice converts it to PDF, poppler measures and
//! renders the pages. Renders of page 1 and the last page go to
//! `target/test-artifacts/` for a person to look at.

use crate::testdir;
use crate::util::{assert_same_shape, banthao_in, fixture, shape, stderr, TestDir};
use banthao_core::model::Document;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs an external reader; a missing tool fails the test with what to install.
fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test ({e}); scripts/test.sh installs it (pandoc, libreoffice-writer-nogui, poppler-utils)")
    })
}

fn artifacts() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artifacts");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn export(dir: &TestDir, input: &Path, name: &str, profile: Option<&str>) -> PathBuf {
    let out = dir.path(name);
    let mut args = vec!["export", input.to_str().unwrap(), "-o", out.to_str().unwrap()];
    if let Some(p) = profile {
        args.extend(["--profile", p]);
    }
    let o = banthao_in(&dir.0, &args);
    assert_eq!(o.status.code(), Some(0), "export {name}: {}", stderr(&o));
    out
}

fn scaffold(dir: &TestDir, province: &str, issuer: &str, ty: &str, year: &str, name: &str) -> PathBuf {
    let out = dir.path(name);
    let o = banthao_in(
        &dir.0,
        &[
            "scaffold",
            "--parent",
            "45-NQ/TW",
            "--province",
            province,
            "--issuer",
            issuer,
            "--type",
            ty,
            "--year",
            year,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "scaffold {province}: {}", stderr(&o));
    out
}

fn read_doc(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_slice(&bytes).unwrap()
    } else if path.extension().is_some_and(|e| e == "docx") {
        banthao_docx::read_docx(&bytes).unwrap()
    } else {
        banthao_core::parse_text_bytes(&bytes).unwrap()
    }
}

fn part(docx: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn tokens(s: &str) -> Vec<String> {
    banthao_core::text::nfc(s)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// pandoc's reading of the .docx as plain words (HTML, tags dropped: tables come out
/// cell by cell, left column first; footnotes at the end).
fn pandoc_words(docx: &Path) -> Vec<String> {
    let o = tool("pandoc", &["-f", "docx", "-t", "html", docx.to_str().unwrap()]);
    assert!(
        o.status.success(),
        "pandoc failed on {}: {}",
        docx.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let html = String::from_utf8(o.stdout).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    tokens(&text)
}

/// The words of the body in reading order: title to closing, then recipients and signature.
fn body_words(d: &Document) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(d.doc_type.clone());
    parts.extend(d.doc_type_extra.clone());
    parts.extend(d.summary.clone());
    parts.extend(d.preamble.iter().cloned());
    fn walk(secs: &[banthao_core::model::Section], out: &mut Vec<String>) {
        for s in secs {
            out.push(s.title.clone());
            out.extend(s.paragraphs.iter().cloned());
            walk(&s.children, out);
        }
    }
    walk(&d.sections, &mut parts);
    parts.extend(d.closing.clone());
    parts.extend(d.recipients.iter().cloned());
    if let Some(s) = &d.signature {
        parts.extend([&s.authority, &s.delegation, &s.title, &s.name].into_iter().flatten().cloned());
    }
    parts.extend(d.footnotes.iter().map(|f| f.text.clone()));
    tokens(&parts.join(" "))
}

/// Every word of the source, in order, in what pandoc read; header items present.
fn check_pandoc(what: &str, src: &Document, docx: &Path) {
    let got = pandoc_words(docx);
    let want = body_words(src);
    let mut i = 0;
    for w in &got {
        if i < want.len() && *w == want[i] {
            i += 1;
        }
    }
    assert!(
        i == want.len(),
        "{what}: pandoc text lost or reordered a word at {:?} (word {i} of {})",
        want[i.saturating_sub(3)..(i + 3).min(want.len())].join(" "),
        want.len()
    );
    let all = got.join(" ");
    let header: Vec<String> = [src.parent_body.clone(), src.place_date.as_ref().map(|p| p.raw.clone())]
        .into_iter()
        .flatten()
        .chain(src.national_heading.iter().cloned())
        .collect();
    for h in header {
        assert!(all.contains(&tokens(&h).join(" ")), "{what}: header item {h:?} missing from pandoc text");
    }
}

/// The OOXML says what the profile says.
fn check_xml(what: &str, docx: &Path, profile: &banthao_core::profile::FormatProfile, src: &Document) {
    let notes = src.footnotes.len();
    let doc = part(docx, "word/document.xml");
    let tw = |mm: f32| (mm * 1440.0 / 25.4).round() as i64;
    let m = &profile.margins_mm;
    let pg_mar = format!(
        r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}""#,
        tw(m.top),
        tw(m.right),
        tw(m.bottom),
        tw(m.left)
    );
    assert!(doc.contains(&pg_mar), "{what}: margins {pg_mar} not in document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "{what}: not A4");
    assert!(doc.contains("<w:titlePg/>"), "{what}: page 1 must not carry a page number");
    assert!(doc.contains(&format!(r#"w:ascii="{}""#, profile.font)), "{what}: font");
    let hp = |pt: f32| format!(r#"<w:sz w:val="{}"/>"#, (pt * 2.0).round() as i64);
    let sizes = [
        (!src.national_heading.is_empty(), "national heading", profile.sizes.national_heading),
        (src.doc_type.is_some(), "doc type", profile.sizes.doc_type),
        (true, "body", profile.sizes.body),
        (!src.recipients.is_empty(), "recipients", profile.sizes.recipients),
    ];
    for (_, name, size) in sizes.iter().filter(|(has, _, _)| *has) {
        assert!(doc.contains(&hp(*size)), "{what}: no run of the {name} size {size} pt");
    }
    assert!(!doc.contains("w:tblBorders><w:top w:val=\"single\""), "{what}: tables must be borderless");
    let header = part(docx, "word/header1.xml");
    assert!(
        header.contains(" PAGE ") && header.contains(r#"<w:jc w:val="center"/>"#),
        "{what}: centred page number"
    );
    let footnotes = part(docx, "word/footnotes.xml");
    assert!(
        footnotes.contains(r#"w:type="separator""#)
            && footnotes.contains(r#"w:type="continuationSeparator""#)
    );
    assert_eq!(
        footnotes.matches("<w:footnoteRef/>").count(),
        notes,
        "{what}: footnote marks in footnotes.xml"
    );
    assert_eq!(
        doc.matches("<w:footnoteReference ").count(),
        notes,
        "{what}: footnote references in the body"
    );
}

/// LibreOffice converts the file; the PDF is A4 with `pages` pages. Page 1 and the last
/// page are rendered to PNG for a person to look at.
fn check_pdf(what: &str, dir: &TestDir, docx: &Path, pages: u32) {
    let profile_dir = format!("-env:UserInstallation=file://{}", dir.path("lo-profile").display());
    let o = tool(
        "libreoffice",
        &[
            &profile_dir,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.0.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.exists(), "{what}: LibreOffice did not convert: {}", String::from_utf8_lossy(&o.stderr));
    let info = String::from_utf8(tool("pdfinfo", &[pdf.to_str().unwrap()]).stdout).unwrap();
    assert!(info.contains("Page size:       595.") && info.contains("841."), "{what}: not A4:\n{info}");
    let n: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert_eq!(n, pages, "{what}: page count");
    let stem = docx.file_stem().unwrap().to_str().unwrap().to_string();
    for (page, label) in [(1, "first"), (n, "last")] {
        let out = artifacts().join(format!("{stem}-{label}"));
        let p = page.to_string();
        tool(
            "pdftoppm",
            &[
                "-png",
                "-r",
                "60",
                "-singlefile",
                "-f",
                &p,
                "-l",
                &p,
                pdf.to_str().unwrap(),
                out.to_str().unwrap(),
            ],
        );
        assert!(out.with_extension("png").exists(), "{what}: page {page} not rendered");
    }
}

#[test]
fn scaffold_for_every_current_province_reads_back() {
    let dir = testdir!();
    let places = banthao_core::builtin_places();
    let issuers = ["tinh-uy", "ban-thuong-vu", "ubnd"];
    let types = ["CTr", "KH", "CTrHĐ"];
    for (i, unit) in places.set("current-34").unwrap().units.iter().enumerate() {
        let json = scaffold(&dir, &unit.name, issuers[i % 3], types[i % 3], "2026", "s.json");
        let draft = read_doc(&json);
        assert_eq!(draft.province.as_deref(), Some(unit.name.as_str()));
        assert_eq!(draft.sections[2].children.len(), 5, "{}: five task groups", unit.name);
        assert!(draft
            .sections
            .iter()
            .flat_map(|s| &s.children)
            .all(|c| c.implements.as_deref().is_some_and(|l| l.starts_with("45-NQ/TW#"))));
        assert!(
            !draft.recipients.iter().any(|r| r.contains("huyện")),
            "{}: no district level after 1/7/2025",
            unit.name
        );
        let docx = export(&dir, &json, "s.docx", None);
        let back = read_doc(&docx);
        assert_same_shape(
            &format!("{} ({})", unit.name, issuers[i % 3]),
            &shape(&draft, false),
            &shape(&back, false),
        );
    }
}

#[test]
fn exports_pass_independent_readers() {
    let dir = testdir!();
    let party = banthao_core::profile::FormatProfile::builtin("party").unwrap();
    let state = banthao_core::profile::FormatProfile::builtin("state").unwrap();
    let sources: Vec<(String, PathBuf)> = crate::util::CORPUS
        .iter()
        .map(|n| (n.to_string(), fixture(n)))
        .chain([
            (
                "scaffold-quang-ninh".to_string(),
                scaffold(&dir, "Quảng Ninh", "ban-thuong-vu", "KH", "2026", "scaffold-qn.json"),
            ),
            (
                "scaffold-can-tho".to_string(),
                scaffold(&dir, "Cần Thơ", "ubnd", "KH", "2026", "scaffold-ct.json"),
            ),
        ])
        .collect();
    for (name, src_path) in &sources {
        let src = read_doc(src_path);
        for (profile_name, profile) in [("party", &party), ("state", &state)] {
            let what = format!("{name} as {profile_name}");
            let docx = export(
                &dir,
                src_path,
                &format!("{}-{profile_name}.docx", name.replace('.', "_")),
                Some(profile_name),
            );
            check_xml(&what, &docx, profile, &src);
            check_pandoc(&what, &src, &docx);
            assert_same_shape(
                &format!("{what}: export then parse"),
                &shape(&src, false),
                &shape(&read_doc(&docx), false),
            );
        }
    }
}

#[test]
fn libreoffice_reads_exports_as_a4_pages() {
    let dir = testdir!();
    let qn = scaffold(&dir, "Quảng Ninh", "ban-thuong-vu", "KH", "2026", "scaffold-45-quang-ninh.json");
    let ct = scaffold(&dir, "Cần Thơ", "ubnd", "KH", "2026", "scaffold-45-can-tho.json");
    for (src, name, pages) in [
        (qn, "scaffold-45-quang-ninh.docx", 2),
        (ct, "scaffold-45-can-tho.docx", 2),
        (fixture("ha-giang_ctr_tinh-uy_du-thao_2024.txt"), "ha-giang-party.docx", 8),
        (fixture("synth_lao-cai_kh_ubnd_du-thao.docx"), "lao-cai-state.docx", 2),
    ] {
        let docx = export(&dir, &src, name, None);
        check_pdf(name, &dir, &docx, pages);
    }
}

fn scaffold_args(parent: &str, province: &str, issuer: &str) -> Vec<String> {
    let args = ["scaffold", "--parent", parent, "--province", province, "--issuer", issuer];
    args.iter().chain(&["--type", "KH", "--year", "2026", "-o", "out.json"]).map(|s| s.to_string()).collect()
}

#[test]
fn export_and_scaffold_refuse_bad_requests_without_leaving_files() {
    let dir = testdir!();
    std::fs::write(dir.path("sai.json"), r#"{"sections": "không phải danh sách"}"#).unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["export".into(), "sai.json".into(), "-o".into(), "out.docx".into()], "không đúng mô hình"),
        (
            vec![
                "export".into(),
                fixture("cao-bang_kh_ban-thuong-vu.txt").to_str().unwrap().into(),
                "-o".into(),
                "out.docx".into(),
                "--profile".into(),
                "khong-co".into(),
            ],
            "Không có thể thức",
        ),
        (
            vec![
                "export".into(),
                fixture("cao-bang_kh_ban-thuong-vu.txt").to_str().unwrap().into(),
                "-o".into(),
                "khong/co/thu-muc/out.docx".into(),
            ],
            "Không ghi được",
        ),
        (
            vec![
                "export".into(),
                fixture("cao-bang_kh_ban-thuong-vu.txt").to_str().unwrap().into(),
                "-o".into(),
                ".".into(),
            ],
            "thư mục",
        ),
        (scaffold_args("45-NQ/TW", "Hà Giang", "tinh-uy"), "Tuyên Quang"),
        (scaffold_args("99-NQ/TW", "Huế", "tinh-uy"), "Không có văn bản cấp trên"),
        (scaffold_args("45-NQ/TW", "Gotham", "ubnd"), "Không có tỉnh"),
    ];
    for (args, msg) in cases {
        let before = dir.entries();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = banthao_in(&dir.0, &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(msg), "{args:?}: expected «{msg}» in {err}");
        assert_eq!(dir.entries(), before, "{args:?} left a file behind");
    }
}

#[test]
fn a_tinh_uy_programme_is_the_parent_of_a_ubnd_plan() {
    let dir = testdir!();
    let parent = fixture("synth_quang-ninh_ctr_btv.docx");
    let out = dir.path("kh.json");
    let o = banthao_in(
        &dir.0,
        &[
            "scaffold",
            "--parent",
            parent.to_str().unwrap(),
            "--province",
            "Quảng Ninh",
            "--issuer",
            "ubnd",
            "--type",
            "KH",
            "--year",
            "2024",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d = read_doc(&out);
    assert_eq!(d.parent.as_ref().unwrap().id, "41-CTr/TU");
    assert!(d
        .summary
        .as_deref()
        .unwrap()
        .starts_with("thực hiện Chương trình hành động số 41-CTr/TU, ngày 18/03/2024 của Tỉnh ủy Quảng Ninh thực hiện Nghị quyết số 45-NQ/TW"));
    let iii = d.sections.iter().find(|s| s.title.starts_with("NHIỆM VỤ")).unwrap();
    assert_eq!(iii.children.len(), 5);
    assert_eq!(iii.children[2].implements.as_deref(), Some("41-CTr/TU#III.3"));
    assert_eq!(d.kind, Some(banthao_core::model::DocKind::State));
    assert!(
        d.recipients.contains(&"Ủy ban nhân dân các huyện, thị xã, thành phố".to_string()),
        "2024 has districts"
    );
}
