//! How the page is drawn. On Linux, WebKitGTK's GPU compositing keeps textures for
//! the whole scrollable document: with a 30-page draft open it cost the web process
//! about a hundred megabytes more (214 MB private against 119 MB, measured by
//! `scripts/bench-app.sh`) and gave slower, more uneven keystrokes (median 13 ms,
//! max 91 ms, against 10 ms and 15 ms). A text editor does not need it, so the page is
//! drawn without (the settings' equivalent of `WEBKIT_DISABLE_COMPOSITING_MODE=1`).

pub fn configure(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
        let _ = window.with_webview(|view| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = view.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
