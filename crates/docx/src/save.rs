//! Writing a file the user asked for (an export, a redline, a report) atomically: a
//! temporary file beside the target, flushed to disk and renamed into place, so a
//! failure never leaves a partial file where the user's was, and the temporary file is
//! removed. Shared by the CLI and the app.
//!
//! The operating system's failures are told in Vietnamese with what to do (disk full,
//! no permission, read-only disk, name too long, no such folder, a file open in another
//! program), classified by the OS error code and [`std::io::ErrorKind`]; the code is
//! appended in parentheses, the OS's own English text only for failures not classified.

use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What kind of failure stopped a write, for a caller that acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFailure {
    /// The target is a folder.
    IsFolder,
    /// The folder to write into does not exist (or a part of the path is a file).
    NoFolder,
    /// The disk (or the user's quota) is full.
    DiskFull,
    /// The user may not write there.
    NoPermission,
    /// The disk, the file system or the file itself is read-only.
    ReadOnly,
    /// The name or the whole path is too long for the file system.
    NameTooLong,
    /// The name holds characters the file system refuses (Windows).
    BadName,
    /// The file is open in another program (Windows: Word locks the files it has open).
    InUse,
    /// Anything else the operating system reported.
    Other,
}

/// Why a file could not be written, in Vietnamese, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Không ghi được tệp «{path}»: {reason}")]
pub struct SaveError {
    /// The file that could not be written, as the user named it.
    pub path: String,
    /// What kind of failure.
    pub kind: SaveFailure,
    /// Why, and what to do, for the user.
    pub reason: String,
}

/// The OS error codes of each failure on one family of systems.
struct Codes {
    is_folder: &'static [i32],
    no_folder: &'static [i32],
    disk_full: &'static [i32],
    no_permission: &'static [i32],
    read_only: &'static [i32],
    too_long: &'static [i32],
    bad_name: &'static [i32],
    in_use: &'static [i32],
}

/// Linux: EISDIR; ENOENT, ENOTDIR; ENOSPC, EDQUOT; EACCES, EPERM; EROFS; ENAMETOOLONG;
/// ETXTBSY.
#[cfg_attr(not(any(target_os = "linux", test)), allow(dead_code))]
const LINUX: Codes = Codes {
    is_folder: &[21],
    no_folder: &[2, 20],
    disk_full: &[28, 122],
    no_permission: &[13, 1],
    read_only: &[30],
    too_long: &[36],
    bad_name: &[],
    in_use: &[26],
};

/// macOS and the BSDs: as Linux but EDQUOT 69, ENAMETOOLONG 63.
#[cfg_attr(not(any(all(unix, not(target_os = "linux")), test)), allow(dead_code))]
const BSD: Codes = Codes {
    is_folder: &[21],
    no_folder: &[2, 20],
    disk_full: &[28, 69],
    no_permission: &[13, 1],
    read_only: &[30],
    too_long: &[63],
    bad_name: &[],
    in_use: &[26],
};

/// Windows: ERROR_FILE_NOT_FOUND 2, ERROR_PATH_NOT_FOUND 3, ERROR_DIRECTORY 267;
/// ERROR_DISK_FULL 112, ERROR_HANDLE_DISK_FULL 39; ERROR_ACCESS_DENIED 5;
/// ERROR_WRITE_PROTECT 19; ERROR_FILENAME_EXCED_RANGE 206; ERROR_INVALID_NAME 123;
/// ERROR_SHARING_VIOLATION 32, ERROR_LOCK_VIOLATION 33, ERROR_USER_MAPPED_FILE 1224.
#[cfg_attr(not(any(windows, test)), allow(dead_code))]
const WINDOWS: Codes = Codes {
    is_folder: &[],
    no_folder: &[2, 3, 267],
    disk_full: &[112, 39],
    no_permission: &[5],
    read_only: &[19],
    too_long: &[206],
    bad_name: &[123],
    in_use: &[32, 33, 1224],
};

#[cfg(windows)]
const HERE: &Codes = &WINDOWS;
#[cfg(target_os = "linux")]
const HERE: &Codes = &LINUX;
#[cfg(all(unix, not(target_os = "linux")))]
const HERE: &Codes = &BSD;
#[cfg(not(any(unix, windows)))]
const HERE: &Codes = &Codes {
    is_folder: &[],
    no_folder: &[],
    disk_full: &[],
    no_permission: &[],
    read_only: &[],
    too_long: &[],
    bad_name: &[],
    in_use: &[],
};

/// The kind of an I/O failure: by the OS's code first (the table of the system it came
/// from), then by its [`ErrorKind`].
fn classify(e: &io::Error, codes: &Codes) -> SaveFailure {
    if let Some(code) = e.raw_os_error() {
        let table: [(&[i32], SaveFailure); 8] = [
            (codes.disk_full, SaveFailure::DiskFull),
            (codes.read_only, SaveFailure::ReadOnly),
            (codes.in_use, SaveFailure::InUse),
            (codes.too_long, SaveFailure::NameTooLong),
            (codes.bad_name, SaveFailure::BadName),
            (codes.no_permission, SaveFailure::NoPermission),
            (codes.no_folder, SaveFailure::NoFolder),
            (codes.is_folder, SaveFailure::IsFolder),
        ];
        if let Some((_, f)) = table.iter().find(|(c, _)| c.contains(&code)) {
            return *f;
        }
    }
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => SaveFailure::DiskFull,
        ErrorKind::ReadOnlyFilesystem => SaveFailure::ReadOnly,
        ErrorKind::PermissionDenied => SaveFailure::NoPermission,
        ErrorKind::NotFound | ErrorKind::NotADirectory => SaveFailure::NoFolder,
        ErrorKind::IsADirectory => SaveFailure::IsFolder,
        _ => SaveFailure::Other,
    }
}

/// What the user reads for a failure: what happened and what to do.
fn reason(kind: SaveFailure, e: Option<&io::Error>) -> String {
    let text = match kind {
        SaveFailure::IsFolder => "đây là một thư mục. Hãy chọn tên tệp.",
        SaveFailure::NoFolder => "thư mục không tồn tại. Hãy chọn thư mục khác hoặc tạo thư mục đó trước.",
        SaveFailure::DiskFull => "ổ đĩa đã đầy. Hãy xóa bớt tệp không cần hoặc lưu sang ổ khác.",
        SaveFailure::NoPermission => {
            "không có quyền ghi vào đây. Hãy lưu vào thư mục của mình (ví dụ Tài liệu) hoặc hỏi người quản trị máy."
        }
        SaveFailure::ReadOnly => "ổ đĩa, thư mục hoặc tệp này chỉ cho phép đọc. Hãy lưu sang chỗ khác hoặc đặt tên khác.",
        SaveFailure::NameTooLong => {
            "tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn hoặc lưu vào thư mục gần gốc ổ đĩa hơn."
        }
        SaveFailure::BadName => "tên tệp có ký tự không được dùng (như \\ / : * ? \" < > |). Hãy đặt tên khác.",
        SaveFailure::InUse => "tệp đang mở trong chương trình khác (Word?). Hãy đóng tệp rồi lưu lại.",
        SaveFailure::Other => {
            return match e {
                Some(e) => format!("hệ điều hành báo lỗi khi ghi ({e})."),
                None => "hệ điều hành báo lỗi khi ghi.".into(),
            }
        }
    };
    match e.and_then(io::Error::raw_os_error) {
        Some(code) => format!("{text} (mã lỗi {code})"),
        None => text.into(),
    }
}

/// Where a failure happened: the rename replaces the user's file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Write,
    Rename,
}

/// Temporary files of this process are told apart by a counter.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// The start of the temporary files' names for `path`: hidden, named after the target
/// (cut to 40 characters, so that a name the file system accepts is not refused for its
/// temporary file's longer one).
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let short: String = name.chars().take(40).collect();
    format!(".{short}.")
}

/// The temporary file beside `path`: [`temp_prefix`], the process and a counter.
fn temp_path(dir: &Path, path: &Path) -> PathBuf {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{}{}-{n}.tmp", temp_prefix(path), std::process::id()))
}

/// A temporary file older than this was left by a process that was killed or lost its
/// power mid-write (a write takes well under a second).
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the temporary files of earlier writes of `path` that were abandoned: named
/// as [`temp_path`] names them and older than [`ABANDONED`]. Best effort.
fn sweep_abandoned(dir: &Path, path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name.strip_prefix(prefix.as_str()).and_then(|r| r.strip_suffix(".tmp")) else {
            continue;
        };
        let ours = middle.split_once('-').is_some_and(|(pid, n)| {
            [pid, n].iter().all(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
        });
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > ABANDONED);
        if ours && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` to `path` atomically. On failure the file that was there is as it
/// was and no temporary file is left; temporary files that earlier writes of `path`
/// abandoned (the process killed mid-write) are removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |kind: SaveFailure, e: Option<&io::Error>| SaveError {
        path: path.display().to_string(),
        kind,
        reason: reason(kind, e),
    };
    if path.is_dir() {
        return Err(fail(SaveFailure::IsFolder, None));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    sweep_abandoned(&dir, path);
    let tmp = temp_path(&dir, path);
    let mut created = false;
    let result = (|| {
        let mut f = std::fs::File::create(&tmp).map_err(|e| (Step::Write, e))?;
        created = true;
        f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| (Step::Write, e))?;
        drop(f);
        std::fs::rename(&tmp, path).map_err(|e| (Step::Rename, e))
    })();
    match result {
        Ok(()) => {
            // The rename itself reaches the disk with the folder (Unix; best effort).
            #[cfg(unix)]
            if let Ok(d) = std::fs::File::open(&dir) {
                let _ = d.sync_all();
            }
            Ok(())
        }
        Err((step, e)) => {
            if created {
                let _ = std::fs::remove_file(&tmp);
            }
            let mut kind = classify(&e, HERE);
            // Windows refuses to replace a file another program holds open with "access
            // denied": the folder took our temporary file, so it is the file that is held
            // (or marked read-only).
            if cfg!(windows) && step == Step::Rename && kind == SaveFailure::NoPermission {
                if let Ok(m) = std::fs::metadata(path) {
                    kind =
                        if m.permissions().readonly() { SaveFailure::ReadOnly } else { SaveFailure::InUse };
                }
            }
            Err(fail(kind, Some(&e)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of its own, emptied of any protection and removed when dropped.
    struct Dir(PathBuf);

    impl Dir {
        fn new(name: &str) -> Dir {
            let d = std::env::temp_dir().join(format!("banthao-save-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&d);
            std::fs::create_dir_all(&d).unwrap();
            Dir(d)
        }

        fn entries(&self) -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let quiet = |program: &str| {
                let _ = std::process::Command::new(program)
                    .args(if program == "chattr" { &["-i"][..] } else { &[][..] })
                    .arg(&self.0)
                    .stderr(std::process::Stdio::null())
                    .status();
            };
            quiet("chattr");
            quiet("umount");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
            }
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn writes_whole_files_and_says_why_it_cannot() {
        let dir = Dir::new("basic");
        let target = dir.0.join("xuat.docx");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        assert_eq!(dir.entries(), ["xuat.docx"], "no temporary file is left");

        let e = write_atomic(&dir.0, b"x").unwrap_err();
        assert_eq!(e.kind, SaveFailure::IsFolder);
        assert_eq!(e.reason, "đây là một thư mục. Hãy chọn tên tệp.");
        let e = write_atomic(&dir.0.join("khong-co/xuat.docx"), b"x").unwrap_err();
        assert_eq!(e.kind, SaveFailure::NoFolder);
        assert!(e.to_string().starts_with("Không ghi được tệp «"), "{e}");
        assert!(e.reason.starts_with("thư mục không tồn tại."), "{e}");
        // A part of the path that is a file, not a folder.
        let e = write_atomic(&target.join("xuat.docx"), b"x").unwrap_err();
        assert_eq!(e.kind, SaveFailure::NoFolder, "{e}");
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        assert_eq!(dir.entries(), ["xuat.docx"]);
    }

    #[test]
    fn temporary_files_a_killed_write_left_are_swept_by_the_next_write() {
        let dir = Dir::new("sweep");
        let target = dir.0.join("Kế hoạch.docx");
        let aged = |name: &str, age_secs: u64| {
            let f = std::fs::File::create(dir.0.join(name)).unwrap();
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs)).unwrap();
        };
        aged(".Kế hoạch.docx.4242-0.tmp", 3600); // abandoned by a killed export
        aged(".Kế hoạch.docx.4243-7.tmp", 5); // another process writing right now
        aged(".Kế hoạch.docx.ghi-chu.tmp", 3600); // not a name we give
        aged(".Khác.docx.4242-1.tmp", 3600); // another target's
        write_atomic(&target, b"new").unwrap();
        assert_eq!(
            dir.entries(),
            [
                ".Khác.docx.4242-1.tmp",
                ".Kế hoạch.docx.4243-7.tmp",
                ".Kế hoạch.docx.ghi-chu.tmp",
                "Kế hoạch.docx"
            ]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_name_too_long_is_said_and_a_long_name_that_fits_is_written() {
        let dir = Dir::new("long");
        // 300 bytes: over the 255 a Linux file system takes (ENAMETOOLONG, for real).
        let e = write_atomic(&dir.0.join(format!("{}.docx", "a".repeat(295))), b"x").unwrap_err();
        assert_eq!(e.kind, SaveFailure::NameTooLong, "{e}");
        assert!(e.reason.contains("quá dài") && e.reason.ends_with("(mã lỗi 36)"), "{e}");
        assert!(dir.entries().is_empty(), "nothing left behind: {:?}", dir.entries());
        // 250 bytes fit; so must the temporary file beside them.
        let fits = dir.0.join(format!("{}.docx", "b".repeat(245)));
        write_atomic(&fits, b"ok").unwrap();
        assert_eq!(std::fs::read(&fits).unwrap(), b"ok");
        assert_eq!(dir.entries().len(), 1);
    }

    /// Whether this process's writes are refused by permissions (not so for root).
    #[cfg(unix)]
    fn permissions_bind() -> bool {
        let d = Dir::new("probe");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&d.0, std::fs::Permissions::from_mode(0o555)).unwrap();
        std::fs::File::create(d.0.join("x")).is_err()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_the_user_may_not_write_leaves_the_file_as_it_was() {
        let dir = Dir::new("denied");
        let target = dir.0.join("xuat.docx");
        std::fs::write(&target, b"original").unwrap();
        // A user: a folder without write permission. Root ignores permissions: an
        // immutable folder (chattr +i, ext4 and others) refuses even root.
        let protected = if permissions_bind() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o555)).unwrap();
            true
        } else {
            std::process::Command::new("chattr").arg("+i").arg(&dir.0).status().is_ok_and(|s| s.success())
        };
        if !protected {
            eprintln!("skipped: running as root where chattr +i is not available");
            return;
        }
        let e = write_atomic(&target, b"new").unwrap_err();
        assert_eq!(e.kind, SaveFailure::NoPermission, "{e}");
        assert!(e.reason.starts_with("không có quyền ghi"), "{e}");
        assert!(e.reason.ends_with("(mã lỗi 13)") || e.reason.ends_with("(mã lỗi 1)"), "{e}");
        assert_eq!(std::fs::read(&target).unwrap(), b"original");
        assert_eq!(dir.entries(), ["xuat.docx"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_leaves_the_file_as_it_was() {
        // Writing to /dev/full fails with ENOSPC, for real, on any Linux.
        let mut full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let e = full.write_all(&[0; 4096]).and_then(|()| full.flush()).unwrap_err();
        assert_eq!(classify(&e, HERE), SaveFailure::DiskFull);
        assert!(reason(SaveFailure::DiskFull, Some(&e)).ends_with("(mã lỗi 28)"));

        // A whole write on a small disk: a 64 KiB tmpfs, when this process may mount one
        // (root). The user's file stays as it was and the partial temporary file goes.
        let dir = Dir::new("full");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(&dir.0)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("a real full disk needs mount (root); /dev/full was checked");
            return;
        }
        let target = dir.0.join("xuat.docx");
        std::fs::write(&target, b"original").unwrap();
        let e = write_atomic(&target, &vec![7u8; 256 * 1024]).unwrap_err();
        assert_eq!(e.kind, SaveFailure::DiskFull, "{e}");
        assert!(e.to_string().contains("ổ đĩa đã đầy"), "{e}");
        assert_eq!(std::fs::read(&target).unwrap(), b"original");
        assert_eq!(dir.entries(), ["xuat.docx"]);
    }

    /// Every code of every system, as that system reports it.
    #[test]
    fn os_codes_are_told_in_vietnamese() {
        use SaveFailure::*;
        let cases: [(&Codes, i32, SaveFailure); 28] = [
            (&WINDOWS, 112, DiskFull),
            (&WINDOWS, 39, DiskFull),
            (&WINDOWS, 5, NoPermission),
            (&WINDOWS, 19, ReadOnly),
            (&WINDOWS, 206, NameTooLong),
            (&WINDOWS, 123, BadName),
            (&WINDOWS, 32, InUse),
            (&WINDOWS, 33, InUse),
            (&WINDOWS, 3, NoFolder),
            (&WINDOWS, 2, NoFolder),
            (&LINUX, 28, DiskFull),
            (&LINUX, 122, DiskFull),
            (&LINUX, 13, NoPermission),
            (&LINUX, 1, NoPermission),
            (&LINUX, 30, ReadOnly),
            (&LINUX, 36, NameTooLong),
            (&LINUX, 2, NoFolder),
            (&LINUX, 20, NoFolder),
            (&LINUX, 21, IsFolder),
            (&LINUX, 5, Other),  // EIO
            (&LINUX, 32, Other), // EPIPE, not Windows' sharing violation
            (&BSD, 28, DiskFull),
            (&BSD, 69, DiskFull),
            (&BSD, 13, NoPermission),
            (&BSD, 30, ReadOnly),
            (&BSD, 63, NameTooLong),
            (&BSD, 36, Other), // EINPROGRESS there
            (&BSD, 2, NoFolder),
        ];
        for (codes, code, want) in cases {
            // Only the code decides: the kind the Rust library gives it here is not used
            // unless the table does not know the code.
            let e = io::Error::from_raw_os_error(code);
            let got = classify(&e, codes);
            if want == Other {
                assert!(!matches!(got, DiskFull | InUse | NameTooLong | ReadOnly), "{code}: {got:?}");
                continue;
            }
            assert_eq!(got, want, "code {code}");
            let r = reason(got, Some(&e));
            assert!(r.ends_with(&format!("(mã lỗi {code})")), "{r}");
            let english = e.to_string();
            assert!(!r.contains(english.split(" (os error").next().unwrap()), "no OS English text: {r}");
        }
        // Errors without a code fall back on their kind.
        let kinds = [
            (ErrorKind::StorageFull, DiskFull),
            (ErrorKind::ReadOnlyFilesystem, ReadOnly),
            (ErrorKind::PermissionDenied, NoPermission),
            (ErrorKind::NotFound, NoFolder),
            (ErrorKind::Other, Other),
        ];
        for (k, want) in kinds {
            assert_eq!(classify(&io::Error::from(k), HERE), want, "{k:?}");
        }
        let other = reason(Other, Some(&io::Error::other("boom")));
        assert_eq!(other, "hệ điều hành báo lỗi khi ghi (boom).");
        let in_use = reason(InUse, Some(&io::Error::from_raw_os_error(32)));
        assert_eq!(
            in_use,
            "tệp đang mở trong chương trình khác (Word?). Hãy đóng tệp rồi lưu lại. (mã lỗi 32)"
        );
    }
}
