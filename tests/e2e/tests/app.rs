//! The real app in a real window (WebKitGTK under Xvfb), driven through tauri-driver.
//! Run by `scripts/test.sh` (one at a time: each test starts its own app).

use banthao_e2e::{data_dir, App};
use std::time::Duration;

/// Creates a draft for a province from 45-NQ/TW through the new-draft form; the
/// editor is open when it returns.
async fn new_draft(app: &App, province: &str) {
    app.click("#nav a[href='#/moi']").await;
    app.wait_css("#create-draft").await;
    app.js(&format!(
        "const p = document.getElementById('province'); p.value = {province:?}; p.dispatchEvent(new Event('change')); \
         return p.value;"
    ))
    .await;
    app.click("#create-draft").await;
    app.wait_css("section.sec .sec-body").await;
}

/// Types at the end of a section's first paragraph (real key events).
async fn type_into(app: &App, path: &str, text: &str) {
    let css = format!("section.sec[data-path='{path}'] > .sec-body");
    app.js(&format!(
        "const b = document.querySelector(\"{css}\"); const p = b.querySelector('p') || b; b.focus(); \
         const r = document.createRange(); r.selectNodeContents(p); r.collapse(false); \
         const s = getSelection(); s.removeAllRanges(); s.addRange(r); return true;"
    ))
    .await;
    let el = app.wait_css(&css).await;
    el.send_keys(text).await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn draft_type_reorder_version_compare_export() {
    let data = data_dir("lifecycle");
    let app = App::launch(&data).await;
    // First run: the bundled corpus is in the library.
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    app.screenshot("01-thu-vien").await;

    new_draft(&app, "Quảng Ninh").await;
    let issuer = app.js("return document.getElementById('f-issuer').value").await;
    assert_eq!(issuer.as_str().unwrap(), "TỈNH ỦY QUẢNG NINH");
    app.screenshot("02-soan-thao").await;

    // Vietnamese text typed into a section; saved within two seconds.
    let typed = " Tỉnh ủy Quảng Ninh chỉ đạo tổ chức hội nghị quán triệt đến chi bộ.";
    type_into(&app, "I", typed).await;
    app.wait_js("document.getElementById('save-state').textContent.startsWith('Đã lưu')").await;
    let body = app.js("return document.querySelector(\"section.sec[data-path='I'] > .sec-body\").textContent").await;
    assert!(body.as_str().unwrap().contains("hội nghị quán triệt đến chi bộ"), "{body}");

    // Reorder: the second task group moves down and becomes 3., the third becomes 2.
    let before = app
        .js("return [...document.querySelectorAll('section.sec.depth2 > .sec-head')].map(h => h.textContent)")
        .await;
    let second_title = app
        .js("return document.querySelector(\"section.sec[data-path='III.2'] > .sec-head .title\").textContent")
        .await;
    app.click(".o-item[data-idx='2.1']").await;
    app.click("#move-down").await;
    app.wait_js(&format!(
        "document.querySelector(\"section.sec[data-path='III.3'] > .sec-head .title\").textContent === {:?}",
        second_title.as_str().unwrap()
    ))
    .await;
    let label = app.js("return document.querySelector(\"section.sec[data-path='III.3'] > .sec-head .label\").textContent").await;
    assert_eq!(label.as_str().unwrap(), "3.");
    let outline = app.js("return document.querySelector(\".o-item[data-idx='2.2'] .o-label\").textContent").await;
    assert_eq!(outline.as_str().unwrap(), "3.");
    let after = app
        .js("return [...document.querySelectorAll('section.sec.depth2 > .sec-head')].map(h => h.textContent)")
        .await;
    assert_ne!(before, after);
    app.wait_js("document.getElementById('save-state').textContent.startsWith('Đã lưu')").await;
    app.screenshot("03-doi-thu-tu").await;

    // A named version, an edit, and the comparison shows the change highlighted.
    app.click("#tab-versions").await;
    app.wait_css("#version-name").await;
    app.js("document.getElementById('version-name').value = 'Dự thảo lần 1'; return 1").await;
    app.click("#save-version").await;
    app.wait_js("document.querySelectorAll('#version-list li').length === 1").await;
    type_into(&app, "II", " Bổ sung chỉ tiêu về trí thức trẻ.").await;
    app.wait_js("document.getElementById('save-state').textContent.startsWith('Đã lưu')").await;
    app.click("#cmp-run").await;
    let ins = app.wait_js("[...document.querySelectorAll('.modal ins')].map(e => e.textContent).join(' ')").await;
    assert!(ins.as_str().unwrap().contains("trí thức trẻ"), "{ins}");
    app.screenshot("04-so-sanh-phien-ban").await;
    app.click(".modal-buttons button.primary").await;

    // Export: preview of the first page, then the .docx, read back by pandoc.
    app.click("#go-export").await;
    app.wait_css("#preview .sheet").await;
    let out = data.join("xuat.docx");
    app.js(&format!("window.__BANTHAO_PICK__ = {{ save: {:?} }}; return 1", out.to_string_lossy())).await;
    app.screenshot("05-xuat").await;
    app.click("#export-save").await;
    app.wait_js("document.getElementById('export-done').textContent.startsWith('Đã lưu')").await;
    let text = std::process::Command::new("pandoc").args(["-t", "plain", "--wrap=none"]).arg(&out).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("hội nghị quán triệt đến chi bộ"), "typed text in the .docx");
    assert!(text.contains("ĐẢNG BỘ TỈNH QUẢNG NINH"), "the header names the province");
    assert!(text.contains("trí thức trẻ"));
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn text_survives_sigkill() {
    let data = data_dir("sigkill");
    let app = App::launch(&data).await;
    new_draft(&app, "Cao Bằng").await;
    let typed = " Đảm bảo không mất chữ khi máy tắt đột ngột.";
    type_into(&app, "I", typed).await;
    // The promise: at most the last two seconds are lost.
    tokio::time::sleep(Duration::from_millis(2000)).await;
    app.kill_app().await;

    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-draft]').length === 1").await;
    app.click("[data-draft] a").await;
    app.wait_css("section.sec .sec-body").await;
    let body = app.js("return document.querySelector(\"section.sec[data-path='I'] > .sec-body\").textContent").await;
    assert!(body.as_str().unwrap().contains("không mất chữ khi máy tắt đột ngột"), "{body}");
    app.screenshot("06-sau-khi-tat-dot-ngot").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn corrupted_docx_import_shows_error_and_keeps_library() {
    let data = data_dir("bad-import");
    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    let bad = banthao_e2e::workspace().join("tests/fixtures/bad_truncated.docx");
    let good = banthao_e2e::workspace().join("tests/fixtures/synth_ha-tinh_kh_ubnd.txt");
    app.js(&format!(
        "window.__BANTHAO_PICK__ = {{ open: [{:?}, {:?}] }}; return 1",
        bad.to_string_lossy(),
        good.to_string_lossy()
    ))
    .await;
    app.click("#import-button").await;
    let err = app.wait_js("document.querySelector('#import-results li.error')?.textContent").await;
    let err = err.as_str().unwrap();
    assert!(err.contains("bad_truncated.docx") && err.contains("hỏng"), "{err}");
    app.wait_js("document.querySelectorAll('#import-results li.ok').length === 1").await;
    // The broken file added nothing; the good one was added beside the three.
    app.wait_js("document.querySelectorAll('[data-document]').length === 4").await;
    app.screenshot("07-nhap-tep-hong").await;

    // Search without diacritics.
    let search = app.wait_css("#library-search").await;
    search.send_keys("ha tinh").await.unwrap();
    app.wait_js("document.querySelectorAll('[data-document]').length === 1").await;
    app.screenshot("08-tim-khong-dau").await;
    app.close().await;
}
