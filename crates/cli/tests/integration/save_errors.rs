//! Writing the user's file fails for a reason of the operating system's: the message is
//! Vietnamese and says what to do, the exit code is 2, and nothing is left behind.

use crate::testdir;
use crate::util::{banthao_in, fixture, stderr};

/// `banthao export` of a fixture to `out` (relative to the test's folder).
fn export_to(dir: &crate::util::TestDir, out: &str) -> std::process::Output {
    let input = fixture("cao-bang_kh_ban-thuong-vu.txt");
    banthao_in(&dir.0, &["export", input.to_str().unwrap(), "-o", out])
}

/// The OS's own English words for the failures below, which must not reach the user alone.
const ENGLISH: [&str; 3] = ["No such file or directory", "File name too long", "os error"];

#[test]
fn export_to_a_folder_that_does_not_exist_says_so() {
    let dir = testdir!();
    std::fs::write(dir.path("out.docx"), b"cu").unwrap();
    let before = dir.entries();
    let o = export_to(&dir, "khong-co/thu-muc/out.docx");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("Không ghi được tệp «khong-co/thu-muc/out.docx»"), "{err}");
    assert!(err.contains("thư mục không tồn tại"), "{err}");
    assert!(err.contains("(mã lỗi 2)"), "the code in parentheses: {err}");
    for e in ENGLISH {
        assert!(!err.contains(e), "«{e}» in {err}");
    }
    assert_eq!(dir.entries(), before, "no folder made, no file left");
    assert_eq!(std::fs::read(dir.path("out.docx")).unwrap(), b"cu");
}

#[cfg(target_os = "linux")]
#[test]
fn export_to_a_name_too_long_says_so() {
    let dir = testdir!();
    let before = dir.entries();
    // 300 bytes: over the 255 bytes a name may have on Linux file systems.
    let name = format!("{}.docx", "Kế hoạch ".repeat(23).trim_end());
    assert!(name.len() > 255, "{}", name.len());
    let o = export_to(&dir, &name);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("tên tệp hoặc đường dẫn quá dài"), "{err}");
    assert!(err.contains("(mã lỗi 36)"), "{err}");
    for e in ENGLISH {
        assert!(!err.contains(e), "«{e}» in {err}");
    }
    assert_eq!(dir.entries(), before, "no temporary file left");

    // A long name that fits is written, its temporary file's name notwithstanding.
    let fits = format!("{}.docx", "Kế hoạch ".repeat(18).trim_end());
    assert!(fits.len() > 200 && fits.len() <= 255, "{}", fits.len());
    let o = export_to(&dir, &fits);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(dir.entries(), [fits]);
}
