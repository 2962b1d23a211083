//! Windows draws the window with Microsoft Edge WebView2. Windows 11 and an updated
//! Windows 10 have its Evergreen runtime; an old offline PC may not. Without it the
//! window would fail to open (Tauri's own message is in English), so the app checks
//! first, the way Microsoft documents for installers — the runtime's version (`pv`)
//! under the EdgeUpdate client key, per machine or per user — and otherwise says in
//! Vietnamese what is missing and what to ask IT for, then exits.

/// Shown when the runtime is missing.
pub const MISSING_TITLE: &str = "Bản thảo — thiếu WebView2";
/// What the user reads, and what IT needs to know.
pub const MISSING_TEXT: &str =
    "Máy tính này chưa có «Microsoft Edge WebView2 Runtime», thành phần của Windows mà \
Bản thảo dùng để hiển thị cửa sổ, nên Bản thảo chưa mở được.\n\n\
Hãy nhờ bộ phận công nghệ thông tin cài «Microsoft Edge WebView2 Runtime» (bản Evergreen, miễn phí, của \
Microsoft; có bộ cài chạy không cần Internet — Evergreen Standalone Installer). Windows 11 và Windows 10 \
đã cập nhật thường có sẵn thành phần này.\n\n\
Trong lúc chờ, lệnh banthao.exe (cài cùng Bản thảo) vẫn đọc, so sánh và xuất văn bản được.";

/// Exit code when the window cannot open for want of the runtime.
pub const EXIT_MISSING: i32 = 3;

/// Whether a version string names an installed runtime (Microsoft: empty or
/// `0.0.0.0` means not installed).
pub fn is_installed_version(pv: &str) -> bool {
    let pv = pv.trim_matches(char::from(0)).trim();
    !pv.is_empty() && pv != "0.0.0.0"
}

#[cfg(windows)]
mod win {
    use std::ffi::c_void;

    /// The runtime's EdgeUpdate client id (Evergreen WebView2 Runtime).
    const CLIENT: &str = r"Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";

    type Hkey = isize;
    // The predefined keys, sign-extended as Windows defines them.
    const HKEY_CURRENT_USER: Hkey = 0x8000_0001_u32 as i32 as isize;
    const HKEY_LOCAL_MACHINE: Hkey = 0x8000_0002_u32 as i32 as isize;
    const RRF_RT_REG_SZ: u32 = 0x0000_0002;
    const MB_OK: u32 = 0x0;
    const MB_ICONERROR: u32 = 0x10;

    #[link(name = "advapi32")]
    extern "system" {
        fn RegGetValueW(
            key: Hkey,
            subkey: *const u16,
            value: *const u16,
            flags: u32,
            kind: *mut u32,
            data: *mut c_void,
            len: *mut u32,
        ) -> i32;
    }

    #[link(name = "user32")]
    extern "system" {
        fn MessageBoxW(hwnd: *mut c_void, text: *const u16, caption: *const u16, kind: u32) -> i32;
    }

    fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().chain(std::iter::once(0)).collect()
    }

    /// The string value `name` under `subkey`, if there is one.
    pub fn registry_string(key: Hkey, subkey: &str, name: &str) -> Option<String> {
        let (subkey, name) = (wide(subkey), wide(name));
        let mut buf = vec![0u16; 256];
        let mut len = (buf.len() * 2) as u32;
        // SAFETY: the strings are NUL-terminated and the buffer's size is given in bytes.
        let status = unsafe {
            RegGetValueW(
                key,
                subkey.as_ptr(),
                name.as_ptr(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                buf.as_mut_ptr().cast(),
                &mut len,
            )
        };
        (status == 0).then(|| String::from_utf16_lossy(&buf[..(len as usize / 2).min(buf.len())]))
    }

    pub fn runtime_installed() -> bool {
        let places = [
            (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\WOW6432Node\{}", CLIENT)),
            (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\{}", CLIENT)),
            (HKEY_CURRENT_USER, format!(r"Software\{}", CLIENT)),
        ];
        places.iter().any(|(key, sub)| {
            registry_string(*key, sub, "pv").is_some_and(|v| super::is_installed_version(&v))
        })
    }

    pub fn message_box(title: &str, text: &str) {
        let (title, text) = (wide(title), wide(text));
        // SAFETY: NUL-terminated strings; no owner window.
        unsafe { MessageBoxW(std::ptr::null_mut(), text.as_ptr(), title.as_ptr(), MB_OK | MB_ICONERROR) };
    }
}

/// On Windows, exits with a Vietnamese message box when the WebView2 runtime is
/// missing. Elsewhere, nothing.
pub fn ensure_runtime() {
    #[cfg(windows)]
    {
        if !win::runtime_installed() {
            eprintln!("{MISSING_TITLE}: {MISSING_TEXT}");
            win::message_box(MISSING_TITLE, MISSING_TEXT);
            std::process::exit(EXIT_MISSING);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_that_mean_installed() {
        assert!(is_installed_version("131.0.2903.70"));
        assert!(is_installed_version("131.0.2903.70\0"));
        assert!(!is_installed_version(""));
        assert!(!is_installed_version("0.0.0.0"));
        assert!(!is_installed_version("\0"));
    }
}
