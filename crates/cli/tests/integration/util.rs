//! Helpers: running the binary with a watchdog, fixture paths, temporary folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The folder of shared fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// A temporary folder removed when dropped. Create with [`testdir!`].
pub struct TestDir(pub PathBuf);

impl TestDir {
    pub fn new(name: &str) -> TestDir {
        let dir = std::env::temp_dir().join(format!("banthao-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TestDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Names of the entries in the folder, sorted.
    pub fn entries(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A temporary folder named after the calling test function.
#[macro_export]
macro_rules! testdir {
    () => {{
        fn f() {}
        fn type_name_of<T>(_: T) -> &'static str {
            std::any::type_name::<T>()
        }
        let name = type_name_of(f).trim_end_matches("::f").replace("::", "-");
        $crate::util::TestDir::new(&name)
    }};
}

/// Runs `banthao` with `args` in `cwd`. A run that does not finish within a generous
/// watchdog counts as a hang and fails the test (this is not a speed check).
pub fn banthao_in(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banthao"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start banthao");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("banthao {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn banthao(args: &[&str]) -> Output {
    banthao_in(&fixtures(), args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// `banthao parse FILE --json`, decoded.
pub fn parse_json(path: &Path) -> serde_json::Value {
    let out = banthao(&["parse", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "parse {} failed: {}", path.display(), stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("valid JSON")
}

fn section_shape(s: &banthao_core::model::Section, labels: bool) -> serde_json::Value {
    serde_json::json!({
        "label": if labels { s.label.as_str() } else { "" },
        "title": s.title,
        "text": banthao_core::text::squash_spaces(&s.paragraphs.join(" ")),
        "children": s.children.iter().map(|c| section_shape(c, labels)).collect::<Vec<_>>(),
    })
}

/// Everything a reader sees of a document, with paragraph boundaries inside a section
/// ignored, and section labels ignored unless `labels` (an export renumbers them).
pub fn shape(d: &banthao_core::model::Document, labels: bool) -> serde_json::Value {
    use banthao_core::text::squash_spaces;
    serde_json::json!({
        "kind": d.kind, "issuer": d.issuer.as_deref().map(banthao_core::text::fold), "province": d.province,
        "number": d.number.as_ref().map(|n| (&n.seq, &n.type_abbr, &n.issuer_abbr)),
        "place_date": d.place_date.as_ref().map(|p| (&p.place, p.day, p.month, p.year)),
        "draft": d.draft, "doc_type": d.doc_type, "summary": d.summary,
        "preamble": squash_spaces(&d.preamble.join(" ")),
        "sections": d.sections.iter().map(|s| section_shape(s, labels)).collect::<Vec<_>>(),
        "closing": d.closing, "recipients": d.recipients, "signature": d.signature,
        "footnotes": d.footnotes.iter().map(|f| serde_json::json!([f.id, f.text])).collect::<Vec<_>>(),
    })
}

/// Fails with the first differing line of two shapes.
pub fn assert_same_shape(what: &str, a: &serde_json::Value, b: &serde_json::Value) {
    if a != b {
        let (a, b) = (serde_json::to_string_pretty(a).unwrap(), serde_json::to_string_pretty(b).unwrap());
        let first = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
        panic!(
            "{what}: first difference at line {first}:\n  expected: {}\n  got:      {}",
            a.lines().nth(first).unwrap_or(""),
            b.lines().nth(first).unwrap_or("")
        );
    }
}

/// `banthao scaffold` of a Lạng Sơn UBND plan for 2025 from `parent` (a built-in id or
/// a file) in the scaffold style `style`, written to `out`.
pub fn scaffold_plan(parent: &str, style: &str, out: &Path) -> Output {
    banthao(&[
        "scaffold",
        "--parent",
        parent,
        "--province",
        "Lạng Sơn",
        "--issuer",
        "ubnd",
        "--type",
        "KH",
        "--year",
        "2025",
        "--style",
        style,
        "-o",
        out.to_str().unwrap(),
    ])
}

/// [`scaffold_plan`] from the central 57-NQ/TW fixture in the «kế hoạch» style.
pub fn scaffold_57_plan(out: &Path) -> Output {
    scaffold_plan(fixture("central/57-nq-tw_bo-chinh-tri.txt").to_str().unwrap(), "ke-hoach", out)
}

/// The provincial texts of the fixtures: the three real ones, then the synthetic
/// held-out ones (two texts, two .docx).
pub const CORPUS: [&str; 7] = [
    "ha-giang_ctr_tinh-uy_du-thao_2024.txt",
    "cao-bang_kh_ban-thuong-vu.txt",
    "lam-dong_ctrhd_tinh-uy.txt",
    "synth_ha-tinh_kh_ubnd.txt",
    "synth_quang-tri_ctr_tinh-uy_pdf-layout.txt",
    "synth_quang-ninh_ctr_btv.docx",
    "synth_lao-cai_kh_ubnd_du-thao.docx",
];
