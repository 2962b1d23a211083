//! The real app in a real window (WebKitGTK under Xvfb), driven through tauri-driver.
//! Run by `scripts/test.sh` (one at a time: each test starts its own app).

use banthao_e2e::{data_dir, drag_mouse, focus_window, type_like_unikey, App, InputMethod};
use std::time::Duration;

/// Creates a draft for a province from 45-NQ/TW through the new-draft form; the
/// editor is open when it returns.
async fn new_draft(app: &App, province: &str) {
    app.click("#nav a[href='#/moi']").await;
    app.wait_css("#create-draft").await;
    app.wait_js("document.querySelectorAll('#province option').length === 35").await;
    app.js(&format!(
        "const p = document.getElementById('province'); p.value = {province:?}; p.dispatchEvent(new Event('change')); \
         return p.value;"
    ))
    .await;
    if province == "Quảng Ninh" {
        app.screenshot("02a-du-thao-moi").await;
    }
    app.click("#create-draft").await;
    app.wait_css("section.sec .sec-body").await;
}

/// Puts the cursor at the end of a section's first paragraph.
async fn place_cursor(app: &App, path: &str) {
    app.js(&format!(
        "const b = document.querySelector(\"{}\"); const p = b.querySelector('p') || b; b.focus(); \
         const r = document.createRange(); r.selectNodeContents(p); r.collapse(false); \
         const s = getSelection(); s.removeAllRanges(); s.addRange(r); return true;",
        body_css(path)
    ))
    .await;
}

fn body_css(path: &str) -> String {
    format!("section.sec[data-path='{path}'] > .sec-body")
}

/// The text of a section's body.
async fn body_text(app: &App, path: &str) -> String {
    let v = app.js(&format!("return document.querySelector(\"{}\").textContent", body_css(path))).await;
    v.as_str().unwrap().to_string()
}

/// Types at the end of a section's first paragraph (real key events).
async fn type_into(app: &App, path: &str, text: &str) {
    place_cursor(app, path).await;
    let el = app.wait_css(&body_css(path)).await;
    el.send_keys(text).await.unwrap();
}

/// Waits for the save indicator to say the draft is saved.
async fn saved(app: &App) {
    app.wait_js("document.getElementById('save-state').textContent.startsWith('Đã lưu')").await;
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
    saved(&app).await;
    let body = body_text(&app, "I").await;
    assert!(body.contains("hội nghị quán triệt đến chi bộ"), "{body}");

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
    let outline =
        app.js("return document.querySelector(\".o-item[data-idx='2.2'] .o-label\").textContent").await;
    assert_eq!(outline.as_str().unwrap(), "3.");
    let after = app
        .js("return [...document.querySelectorAll('section.sec.depth2 > .sec-head')].map(h => h.textContent)")
        .await;
    assert_ne!(before, after);
    saved(&app).await;
    app.screenshot("03-doi-thu-tu").await;

    // A named version, an edit, and the comparison shows the change highlighted.
    app.click("#tab-versions").await;
    app.wait_css("#version-name").await;
    app.js("document.getElementById('version-name').value = 'Dự thảo lần 1'; return 1").await;
    app.click("#save-version").await;
    app.wait_js("document.querySelectorAll('#version-list li').length === 1").await;
    type_into(&app, "II", " Bổ sung chỉ tiêu về trí thức trẻ.").await;
    saved(&app).await;
    app.click("#cmp-run").await;
    let ins =
        app.wait_js("[...document.querySelectorAll('.modal ins')].map(e => e.textContent).join(' ')").await;
    assert!(ins.as_str().unwrap().contains("trí thức trẻ"), "{ins}");
    app.screenshot("04-so-sanh-phien-ban").await;
    app.click(".modal-buttons button.primary").await;

    // Export: preview of the first page, then the .docx, read back by pandoc.
    app.click("#go-export").await;
    app.wait_css("#preview .sheet").await;
    // Lines break where LibreOffice (and Word) break them: the header fits on one line.
    let lines = app
        .js("const s = [...document.querySelectorAll('#preview .sheet span')].find((s) => s.textContent === 'ĐẢNG BỘ TỈNH QUẢNG NINH'); \
             const r = document.createRange(); r.selectNodeContents(s); return r.getClientRects().length;")
        .await;
    assert_eq!(lines.as_u64(), Some(1), "the preview's header line wrapped");
    let out = data.join("xuat.docx");
    app.js(&format!("window.__BANTHAO_PICK__ = {{ save: {:?} }}; return 1", out.to_string_lossy())).await;
    app.screenshot("05-xuat").await;
    app.click("#export-save").await;
    app.wait_js("document.getElementById('export-done').textContent.startsWith('Đã lưu')").await;
    let text =
        std::process::Command::new("pandoc").args(["-t", "plain", "--wrap=none"]).arg(&out).output().unwrap();
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
    let body = body_text(&app, "I").await;
    assert!(body.contains("không mất chữ khi máy tắt đột ngột"), "{body}");
    app.screenshot("06-sau-khi-tat-dot-ngot").await;
    app.close().await;
}

/// After importing `bad_truncated.docx` with a good file into the bundled library:
/// each file has its result, the broken one named and said to be damaged; the broken
/// file added nothing, the good one was added beside the three.
async fn broken_reported_good_added(app: &App) {
    let err = app.wait_js("document.querySelector('#import-results li.error')?.textContent").await;
    let err = err.as_str().unwrap();
    assert!(err.contains("bad_truncated.docx") && err.contains("hỏng"), "{err}");
    app.wait_js("document.querySelectorAll('#import-results li.ok').length === 1").await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 4").await;
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
    broken_reported_good_added(&app).await;
    app.screenshot("07-nhap-tep-hong").await;

    // Search without diacritics.
    let search = app.wait_css("#library-search").await;
    search.send_keys("ha tinh").await.unwrap();
    app.wait_js("document.querySelectorAll('[data-document]').length === 1").await;
    app.screenshot("08-tim-khong-dau").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_import_stops_when_asked_and_keeps_what_it_imported() {
    let data = data_dir("stop-import");
    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    // 30 long texts (each Hà Giang's programme twenty times over, told apart by a line
    // of its own): the import takes long enough to be stopped part way.
    let src = std::fs::read_to_string(
        banthao_e2e::workspace().join("tests/fixtures/ha-giang_ctr_tinh-uy_du-thao_2024.txt"),
    )
    .unwrap();
    let dir = data.join("nhap");
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<String> = (1..=30)
        .map(|i| {
            let f = dir.join(format!("van-ban-{i:02}.txt"));
            std::fs::write(&f, format!("{}\nBản sao số {i}.\n", src.repeat(20))).unwrap();
            f.to_string_lossy().into_owned()
        })
        .collect();
    app.js(&format!("window.__BANTHAO_PICK__ = {{ open: {files:?} }}; return 1")).await;
    app.click("#import-button").await;
    app.wait_js("/^Đang nhập ([2-9]|1[0-9])\\/30/.test(document.querySelector('#import-status span')?.textContent ?? '')")
        .await;
    app.click("#stop-import").await;
    let counts = app
        .wait_js(
            "document.querySelector('#import-stopped') && \
             [document.querySelectorAll('#import-results li.ok').length, \
              Number(document.querySelector('#import-stopped').textContent.match(/(\\d+) tệp/)[1])]",
        )
        .await;
    let (ok, stopped) = (counts[0].as_u64().unwrap(), counts[1].as_u64().unwrap());
    assert!(ok >= 1 && stopped >= 1 && ok + stopped == 30, "imported {ok}, stopped {stopped}");
    // What was imported stays in the library; nothing else was added.
    app.wait_js(&format!("document.querySelectorAll('[data-document]').length === {}", 3 + ok)).await;
    app.screenshot("36-dung-nhap").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn pdf_doc_and_tcvn3_files_import_and_a_scan_is_named() {
    let data = data_dir("formats");
    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    let v = |name: &str| {
        banthao_e2e::workspace().join("tests/fixtures/variants").join(name).to_string_lossy().into_owned()
    };
    let files = [
        v("synth_quang-ninh_ctr_btv.chromium.pdf"),
        v("synth_lao-cai_kh_ubnd_du-thao.doc"),
        v("synth_tcvn3_ha-giang_ctr.doc"),
        v("synth_quang-ninh_ctr_btv.scan.pdf"),
    ];
    app.js(&format!("window.__BANTHAO_PICK__ = {{ open: {files:?} }}; return 1")).await;
    app.click("#import-button").await;
    app.wait_js("document.querySelectorAll('#import-results li.ok').length === 3").await;
    let results = app.js("return document.querySelector('#import-results').textContent").await;
    let results = results.as_str().unwrap();
    // The legacy-font file is converted and says so; the scan is refused by name.
    assert!(results.contains("TCVN3"), "{results}");
    let err = app.wait_js("document.querySelector('#import-results li.error')?.textContent").await;
    let err = err.as_str().unwrap();
    assert!(err.contains("scan.pdf") && err.contains("bản quét"), "{err}");
    app.wait_js("document.querySelectorAll('[data-document]').length === 6").await;
    // The PDF's document opens with its sections.
    let search = app.wait_css("#library-search").await;
    search.send_keys("quang ninh").await.unwrap();
    app.wait_js("document.querySelectorAll('[data-document]').length === 1").await;
    app.screenshot("17-nhap-pdf-doc-tcvn3").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_check_finds_a_misspelling_fixes_it_and_sets_one_aside() {
    let data = data_dir("check");
    let app = App::launch(&data).await;
    new_draft(&app, "Lào Cai").await;
    type_into(&app, "I", " Phát huy đội ngủ trí thức, góp góp ý kiến.").await;
    saved(&app).await;
    app.click("#tab-check").await;
    let misspelling =
        "[...document.querySelectorAll('#panel-check .finding')].find(f => f.dataset.code === 'misspelling')";
    app.wait_js(&format!("{misspelling}?.textContent.includes('đội ngủ')")).await;
    app.wait_js("[...document.querySelectorAll('#panel-check .finding')].some(f => f.dataset.code === 'doubled-word')")
        .await;
    app.screenshot("18-kiem-tra").await;
    // A click shows the text: the selection is the misspelt words.
    app.js(&format!("{misspelling}.click(); return 1")).await;
    let selected = app.wait_js("getSelection().toString() === 'đội ngủ' && getSelection().toString()").await;
    assert_eq!(selected.as_str().unwrap(), "đội ngủ");
    // One click fixes it in the draft; the finding goes.
    app.js(&format!("{misspelling}.querySelector('button.fix').click(); return 1")).await;
    app.wait_js("document.querySelector(\"section.sec[data-path='I'] > .sec-body\").textContent.includes('đội ngũ trí thức')")
        .await;
    app.wait_js(&format!("!{misspelling}")).await;
    // The doubled word is set aside, and stays so after a restart.
    let doubled = "[...document.querySelectorAll('#panel-check .finding')].find(f => f.dataset.code === 'doubled-word')";
    app.js(&format!("{doubled}.querySelector('button.skip').click(); return 1")).await;
    app.wait_js(&format!("!{doubled} && document.getElementById('undismiss') !== null")).await;
    saved(&app).await;
    app.close().await;
    let app = App::launch(&data).await;
    app.click("[data-draft] a").await;
    app.wait_css("section.sec .sec-body").await;
    assert!(body_text(&app, "I").await.contains("đội ngũ trí thức, góp góp ý kiến"));
    app.click("#tab-check").await;
    app.wait_js("document.getElementById('undismiss') !== null").await;
    assert_eq!(app.js(&format!("return !{doubled}")).await, serde_json::Value::Bool(true));
    // The task table opens from the panel.
    app.click("#open-tasks").await;
    app.wait_js("document.querySelector('.modal h2')?.textContent === 'Phân công nhiệm vụ'").await;
    app.screenshot("19-phan-cong").await;
    app.close().await;
}

/// A draft as the drafter has it now (v2), with the version sent for comments (v1).
fn seed_review_draft(data: &std::path::Path) -> (i64, std::path::PathBuf) {
    let fx = banthao_e2e::workspace().join("tests/fixtures/review");
    let read = |f: &str| banthao_core::parse_text(&std::fs::read_to_string(fx.join(f)).unwrap());
    let mut store = banthao_store::Store::open(&data.join("banthao.db")).unwrap();
    let at = "2026-03-02T08:00:00Z";
    let id = store.create_draft(&read("draft_v1.txt"), banthao_core::model::DocKind::Party, at).unwrap();
    store.save_version(id, "Dự thảo gửi lấy ý kiến", None, at).unwrap();
    let (entry, _) = store.draft(id).unwrap().unwrap();
    store.save_draft(id, &read("draft_v2.txt"), entry.revision, at).unwrap();
    (id, fx)
}

#[tokio::test(flavor = "current_thread")]
async fn reviewers_copies_handled_report_exported_statuses_kept() {
    let data = data_dir("review");
    let (id, fx) = seed_review_draft(&data);
    let app = App::launch(&data).await;
    app.js(&format!("location.hash = '#/du-thao/{id}'; return 1")).await;
    app.wait_css("section.sec .sec-body").await;
    app.click("#go-review").await;
    app.wait_css("#review-import").await;
    let copies = [fx.join("so-noi-vu.docx"), fx.join("Ban Tuyên giáo và Dân vận.docx")];
    let copies: Vec<String> = copies.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    app.js(&format!("window.__BANTHAO_PICK__ = {{ open: {copies:?} }}; return 1")).await;
    app.click("#review-import").await;
    app.wait_js("document.querySelectorAll('#review-import-results li.ok').length === 2").await;
    app.wait_js("document.querySelectorAll('#review-items .review-item').length > 4").await;
    let counts = app.js("return document.getElementById('review-counts').textContent").await;
    assert!(counts.as_str().unwrap().contains("của 2 cơ quan"), "{counts}");
    app.screenshot("20-gop-y").await;
    // «Tiếp thu» of Sở Nội vụ's insertion: applied to the draft, recorded, undoable.
    let insert = "[...document.querySelectorAll('#review-items .review-item')].find(c => c.dataset.kind === 'insert' && c.textContent.includes('Sở Nội vụ'))";
    let item_id = app.wait_js(&format!("{insert}?.dataset.item")).await;
    app.js(&format!("{insert}.querySelector('button.accept').click(); return 1")).await;
    let accepted = format!(
        "document.querySelector('#review-items .review-item[data-item=\"{}\"]')?.dataset.status === 'accepted'",
        item_id.as_str().unwrap()
    );
    app.wait_js(&accepted).await;
    app.wait_css("#review-undo").await;
    // «Giải trình» of the first comment, with an answer.
    let comment = "[...document.querySelectorAll('#review-items .review-item')].find(c => c.dataset.kind === 'comment' && c.dataset.status === 'pending')";
    let comment_id = app.wait_js(&format!("{comment}?.dataset.item")).await;
    app.js(&format!(
        "const c = {comment}; c.querySelector('textarea').value = 'Giữ nguyên vì đã phù hợp với Nghị quyết.'; \
         c.querySelector('button.explain').click(); return 1"
    ))
    .await;
    let explained = format!(
        "document.querySelector('#review-items .review-item[data-item=\"{}\"]')?.dataset.status === 'explained'",
        comment_id.as_str().unwrap()
    );
    app.wait_js(&explained).await;
    // The report.
    let report = data.join("bao-cao.docx");
    app.js(&format!("window.__BANTHAO_PICK__ = {{ save: {:?} }}; return 1", report.to_string_lossy())).await;
    app.click("#review-report").await;
    for _ in 0..100 {
        if report.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(std::fs::read(&report).unwrap().starts_with(b"PK"), "the report was written");
    app.close().await;
    // After a restart the statuses and the answer are there, and the draft has the change.
    let app = App::launch(&data).await;
    app.js(&format!("location.hash = '#/gop-y/{id}'; return 1")).await;
    app.wait_js(&accepted).await;
    app.wait_js(&explained).await;
    let answer = app
        .js(&format!(
            "return document.querySelector('#review-items .review-item[data-item=\"{}\"] .review-answer').textContent",
            comment_id.as_str().unwrap()
        ))
        .await;
    assert!(answer.as_str().unwrap().contains("Giữ nguyên"), "{answer}");
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn suggestions_and_other_provinces_beside_the_section() {
    let data = data_dir("panels");
    let app = App::launch(&data).await;
    new_draft(&app, "Lào Cai").await;
    // The cursor in III.3 (which implements 45-NQ/TW#III.3): the clauses the bundled
    // provinces wrote there, with how many provinces and which.
    place_cursor(&app, "III.3").await;
    // A clause cut after `;` is offered with a capital, as the paragraph it becomes.
    let clause = "xử lý nghiêm hành vi vi phạm đường lối";
    let card = format!(
        "[...document.querySelectorAll('#panel-suggest .suggestion')].find(s => s.textContent.toLowerCase().includes({clause:?}))"
    );
    let meta = app.wait_js(&format!("{card}?.querySelector('.muted').textContent")).await;
    assert_eq!(meta.as_str().unwrap(), "3 tỉnh: Cao Bằng, Hà Giang, Lâm Đồng");
    let head = app.js("return document.querySelector('#panel-suggest > p').textContent").await;
    assert!(head.as_str().unwrap().contains("45-NQ/TW — mục III.3"), "{head}");
    app.screenshot("09-goi-y").await;

    // Its sources, then insert it into the section.
    app.js(&format!("{card}.querySelector('button.link').click(); return 1")).await;
    let sources = app.wait_js("[...document.querySelectorAll('.modal li')].map(l => l.textContent)").await;
    let sources: Vec<&str> = sources.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    for province in ["Hà Giang", "Cao Bằng", "Lâm Đồng"] {
        assert!(sources.iter().any(|s| s.contains(province)), "{province} in {sources:?}");
    }
    app.click(".modal-buttons button.primary").await;
    assert!(!body_text(&app, "III.3").await.to_lowercase().contains(clause));
    app.js(&format!("{card}.querySelector('button.small').click(); return 1")).await;
    app.wait_js(&format!(
        "document.querySelector(\"{}\").textContent.toLowerCase().includes({clause:?})",
        body_css("III.3")
    ))
    .await;
    saved(&app).await;

    // Beside Cao Bằng's text: its counterpart section, updated as the draft changes.
    app.click("#tab-compare").await;
    let pick = app
        .wait_js("[...document.querySelectorAll('#panel-compare label.check')].findIndex(l => l.textContent.includes('Cao Bằng')) + 1")
        .await;
    let nth = pick.as_u64().unwrap();
    place_cursor(&app, "III.3").await;
    app.click(&format!("#panel-compare label.check:nth-of-type({nth}) input")).await;
    let heading = app.wait_js("document.querySelector('#panel-compare h4')?.textContent").await;
    let heading = heading.as_str().unwrap();
    assert!(heading.starts_with("Cao Bằng: "), "{heading}");
    assert!(!heading.contains("không có mục tương ứng"), "{heading}");
    // The inserted clause is Cao Bằng's own wording: it is not marked as new.
    type_into(&app, "III.3", " Ưu tiên trí thức trẻ người dân tộc thiểu số.").await;
    let ins = app
        .wait_js("[...document.querySelectorAll('#panel-compare ins')].map(e => e.textContent).join(' ').includes('dân tộc thiểu số')")
        .await;
    assert_eq!(ins, serde_json::Value::Bool(true));
    // A wider panel for reading the two texts side by side.
    app.click("#widen-side").await;
    let width = app.wait_js("document.getElementById('side').getBoundingClientRect().width > 500").await;
    assert_eq!(width, serde_json::Value::Bool(true));
    app.screenshot("10-so-sanh-tinh-khac").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn version_read_only_and_restore() {
    let data = data_dir("versions");
    let app = App::launch(&data).await;
    new_draft(&app, "Cao Bằng").await;
    type_into(&app, "I", " Nội dung của lần thứ nhất.").await;
    saved(&app).await;
    app.click("#tab-versions").await;
    app.wait_css("#version-name").await;
    app.click("#save-version").await;
    app.wait_js("document.querySelectorAll('#version-list li').length === 1").await;
    let name = app.js("return document.querySelector('#version-list li strong').textContent").await;
    assert_eq!(name.as_str().unwrap(), "Dự thảo lần 1");
    app.screenshot("11a-phien-ban").await;
    type_into(&app, "I", " Câu thêm sau khi lưu.").await;
    saved(&app).await;

    // The version, read-only: the first text, not the later one, nothing editable.
    app.click("#version-list li button.small").await;
    let shown = app.wait_js("document.querySelector('.modal .docview')?.textContent").await;
    let shown = shown.as_str().unwrap();
    assert!(
        shown.contains("Nội dung của lần thứ nhất.") && !shown.contains("Câu thêm sau khi lưu"),
        "{shown}"
    );
    let editable = app.js("return document.querySelectorAll('.modal [contenteditable], .modal input, .modal textarea').length").await;
    assert_eq!(editable.as_u64(), Some(0));
    app.screenshot("11-xem-phien-ban").await;
    app.click(".modal-buttons button.primary").await;

    // Restore: the first text comes back; what was there is kept as a version.
    app.click("#version-list li button.small:nth-of-type(2)").await;
    app.click(".modal-buttons button[data-value='yes']").await;
    app.wait_js(&format!("!document.querySelector(\"{}\").textContent.includes('Câu thêm')", body_css("I")))
        .await;
    assert!(body_text(&app, "I").await.contains("Nội dung của lần thứ nhất."));
    let names = app.wait_js("document.querySelectorAll('#version-list li').length === 2 && [...document.querySelectorAll('#version-list li strong')].map(s => s.textContent)").await;
    assert!(names.to_string().contains("Trước khi khôi phục"), "{names}");
    app.close().await;

    // After a restart the restored text is what the draft holds.
    let app = App::launch(&data).await;
    app.click("[data-draft] a").await;
    app.wait_css("section.sec .sec-body").await;
    let body = body_text(&app, "I").await;
    assert!(body.contains("Nội dung của lần thứ nhất.") && !body.contains("Câu thêm"), "{body}");
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn damaged_database_opens_a_backup_and_keeps_the_damaged_file() {
    let data = data_dir("recovery");
    let app = App::launch(&data).await;
    // The daily backup is taken at start, with the bundled corpus in it.
    let backups = data.join("sao-luu");
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::fs::read_dir(&backups).map(|d| d.count()).unwrap_or(0) == 0 {
        assert!(std::time::Instant::now() < deadline, "no daily backup in {}", backups.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    new_draft(&app, "Hà Tĩnh").await;
    app.close().await;

    let garbage: Vec<u8> = "Tệp này không phải cơ sở dữ liệu. ".repeat(200).into_bytes();
    let db = data.join("banthao.db");
    std::fs::write(&db, &garbage).unwrap();
    for side in ["banthao.db-wal", "banthao.db-shm"] {
        let _ = std::fs::remove_file(data.join(side));
    }
    let app = App::launch(&data).await;
    let title = app.wait_js("document.querySelector('.recovery h1')?.textContent").await;
    assert_eq!(title.as_str().unwrap(), "Không mở được cơ sở dữ liệu");
    let offered = app.js("return document.querySelectorAll('.recovery li button').length").await;
    assert_eq!(offered.as_u64(), Some(1), "today's backup is offered");
    app.screenshot("12-phuc-hoi-csdl").await;

    app.click(".recovery li button").await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    // The backup predates the draft; the damaged file is kept, byte for byte.
    let drafts = app.js("return document.querySelectorAll('[data-draft]').length").await;
    assert_eq!(drafts.as_u64(), Some(0));
    let kept: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("banthao.db.hong-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file set aside");
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), garbage);
    app.close().await;
}

/// Types `keys` with the system input method into a section of the open draft; checks
/// the page shows `want` and that the draft as saved holds it, composed (NFC).
async fn type_with_input_method(app: &App, ime: &InputMethod, path: &str, keys: &str, want: &str) {
    place_cursor(app, path).await;
    ime.type_keys("Bản thảo", keys);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let shown = body_text(app, path).await;
        if shown.contains(want) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "typed {keys:?}, the page shows {shown:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let id = app.js("return Number(location.hash.split('/').pop())").await.as_i64().unwrap();
    // Polls the saved draft (the indicator alone would not tell a missed change).
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         const walk = (ss) => ss.flatMap((s) => [...s.paragraphs, ...walk(s.children)]); \
         window.__TAURI__.core.invoke('get_draft', {{ id: {id} }}).then((v) => done(walk(v.doc.sections).join('\\n')));"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let saved = app.client.execute_async(&script, vec![]).await.unwrap();
        if saved.as_str().unwrap().lines().any(|l| l.contains(want)) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not saved: {want}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn telex_and_vni_through_the_system_input_method() {
    let data = data_dir("input-method");
    // The words are typed composed by the engine, as a keyboard would: the test's
    // expectations are written composed (NFC), so a decomposed ệ would not match.
    let want = "Vi\u{1EC7}t Nam trí thức đảng viên nghiên cứu";
    let ime = InputMethod::start("telex");
    let app = App::launch_with(&data, &ime.env).await;
    new_draft(&app, "Hà Tĩnh").await;
    type_with_input_method(&app, &ime, "I", " Vieetj Nam tris thuwcs ddangr vieen nghieen cuwus ", want)
        .await;
    app.screenshot("13-go-telex").await;
    app.close().await;
    drop(ime);

    let ime = InputMethod::start("vni");
    let app = App::launch_with(&data, &ime.env).await;
    app.click("[data-draft] a").await;
    app.wait_css("section.sec .sec-body").await;
    type_with_input_method(&app, &ime, "II", " Vie65t Nam tri1 thu7c1 d9a3ng vie6n nghie6n cu7u1 ", want)
        .await;
    assert!(body_text(&app, "I").await.contains(want), "the Telex text is still there");
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn typing_the_way_unikey_does_on_windows() {
    // Unikey and EVKey send BackSpace and the replacement characters, no composition:
    // «Vieetj» arrives as V i e, then e → BackSpace ê, t, then j → BackSpace BackSpace ệt.
    let data = data_dir("unikey-backspace");
    let app = App::launch(&data).await;
    new_draft(&app, "Hà Tĩnh").await;
    let first: [&[&str]; 4] = [
        &["V", "Vi", "Vie", "Viê", "Viêt", "Việt"],
        &["N", "Na", "Nam"],
        &["t", "tr", "tri", "trí"],
        &["t", "th", "thu", "thư", "thưc", "thức"],
    ];
    let second: [&[&str]; 4] = [
        &["d", "đ", "đa", "đan", "đang", "đảng"],
        &["v", "vi", "vie", "viê", "viên"],
        &["n", "ng", "ngh", "nghi", "nghie", "nghiê", "nghiên"],
        &["c", "cu", "cư", "cưu", "cứu"],
    ];
    place_cursor(&app, "I").await;
    focus_window("Bản thảo");
    type_like_unikey(&[&[" "]]);
    type_like_unikey(&first);
    // An autosave between the two halves, as a pause in typing gives (0.7 s of quiet).
    tokio::time::sleep(Duration::from_secs(2)).await;
    saved(&app).await;
    type_like_unikey(&[&[" "]]);
    type_like_unikey(&second);
    let want = "Việt Nam trí thức đảng viên nghiên cứu";
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !body_text(&app, "I").await.contains(want) {
        assert!(std::time::Instant::now() < deadline, "the page shows {:?}", body_text(&app, "I").await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // What is saved is exactly what the page shows, composed.
    tokio::time::sleep(Duration::from_secs(2)).await;
    saved(&app).await;
    let shown = body_text(&app, "I").await;
    let id = app.js("return Number(location.hash.split('/').pop())").await.as_i64().unwrap();
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         window.__TAURI__.core.invoke('get_draft', {{ id: {id} }}).then((v) => done(v.doc.sections[0].paragraphs.join('')));"
    );
    let saved = app.client.execute_async(&script, vec![]).await.unwrap();
    let saved = saved.as_str().unwrap();
    assert!(saved.contains(want), "saved {saved:?}");
    assert_eq!(saved.split_whitespace().collect::<Vec<_>>(), shown.split_whitespace().collect::<Vec<_>>());
    app.screenshot("17-unikey-backspace").await;
    app.close().await;
}

/// Where to grab an outline item with the mouse: screen coordinates (the window sits
/// at the origin of the Xvfb screen), in its lower half.
async fn outline_point(app: &App, idx: &str) -> (i64, i64) {
    let v = app
        .js(&format!(
            "const r = document.querySelector(\".o-item[data-idx='{idx}']\").getBoundingClientRect(); \
             return [Math.round(r.left + 40), Math.round(r.top + r.height * 0.75)];"
        ))
        .await;
    (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
}

#[tokio::test(flavor = "current_thread")]
async fn drag_an_outline_item_with_the_mouse() {
    let data = data_dir("outline-drag");
    let app = App::launch(&data).await;
    new_draft(&app, "Lào Cai").await;
    let title =
        app.js("return document.querySelector(\".o-item[data-idx='2.1'] .o-title\").textContent").await;
    let (from, to) = (outline_point(&app, "2.1").await, outline_point(&app, "2.2").await);
    // A real drag: button down on III.2, moved to the lower half of III.3 (the
    // horizontal position stays, so the drop is "after", not "inside").
    drag_mouse(from, (from.0, to.1), 10).await;
    // Dropped after III.3: it is third now, numbered 3.
    app.wait_js(&format!(
        "document.querySelector(\".o-item[data-idx='2.2'] .o-title\").textContent === {title}"
    ))
    .await;
    let label = app.js("return document.querySelector(\"section.sec[data-path='III.3'] > .sec-head .label\").textContent").await;
    assert_eq!(label.as_str().unwrap(), "3.");
    let moved = app.js("return document.querySelector(\"section.sec[data-path='III.3'] > .sec-head .title\").textContent").await;
    // (The outline shortens long titles with "…".)
    let short = title.as_str().unwrap().trim_end_matches('…');
    assert!(moved.as_str().unwrap().starts_with(short), "{moved} / {title}");
    saved(&app).await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn drop_files_from_another_window_into_the_library() {
    let data = data_dir("drop-files");
    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    let fixtures = banthao_e2e::workspace().join("tests/fixtures");
    // A window offering two files as a file manager would: one good, one broken.
    let mut source =
        std::process::Command::new(banthao_e2e::workspace().join("tests/e2e/tools/drag-source.py"))
            .args(["1100", "600"])
            .arg(fixtures.join("synth_ha-tinh_kh_ubnd.txt"))
            .arg(fixtures.join("bad_truncated.docx"))
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("tests/e2e/tools/drag-source.py (python3-gi, gir1.2-gtk-3.0)");
    let mut ready = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(source.stdout.take().unwrap()), &mut ready)
        .unwrap();
    assert_eq!(ready.trim(), "ready");
    drag_mouse((1200, 660), (500, 400), 15).await;
    broken_reported_good_added(&app).await;
    let _ = source.kill();
    let _ = source.wait();
    app.screenshot("14-keo-tha-tep").await;
    app.close().await;
}

/// Issue 15 in the window: parents in the library (an imported central resolution
/// named by number, date and body), a draft in the «kế hoạch» style, and the coverage
/// map of 45-NQ/TW over the bundled provinces, a cell opened side by side.
#[tokio::test(flavor = "current_thread")]
async fn plan_style_draft_and_the_coverage_map() {
    let data = data_dir("coverage-map");
    let app = App::launch(&data).await;
    app.wait_js("document.querySelectorAll('[data-document]').length === 3").await;
    // The bundled provinces are grouped under the resolution they implement.
    app.wait_js("document.querySelectorAll('#document-list [data-group]').length > 0").await;
    let group = app.js("return document.querySelector('#document-list [data-group]').dataset.group").await;
    assert_eq!(group.as_str().unwrap(), "45-NQ/TW");
    let central = banthao_e2e::workspace().join("tests/fixtures/central/57-nq-tw_bo-chinh-tri.txt");
    app.js(&format!("window.__BANTHAO_PICK__ = {{ open: [{:?}] }}; return 1", central.to_string_lossy()))
        .await;
    app.click("#import-button").await;
    app.wait_js("document.querySelectorAll('#import-results li.ok').length === 1").await;
    let parents = app
        .wait_js(
            "document.querySelectorAll('#parent-list [data-parent]').length === 2 && \
             [...document.querySelectorAll('#parent-list [data-parent]')].map(r => r.textContent)",
        )
        .await;
    let parents: Vec<&str> = parents.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(
        parents[0].contains("45-NQ/TW, 24/11/2023") && parents[0].contains("3 văn bản triển khai"),
        "{parents:?}"
    );
    assert!(parents[1].contains("57-NQ/TW, 22/12/2024, Bộ Chính trị"), "{parents:?}");
    assert!(parents.iter().all(|p| !p.contains("Hà Nội")), "{parents:?}");
    app.screenshot("30-thu-vien-van-ban-cap-tren").await;

    // Nothing implements 57-NQ/TW yet: its map says so.
    app.js("document.querySelector('#parent-list [data-parent^=\"doc:\"] a[data-map]').click(); return 1")
        .await;
    let empty = app.wait_js("document.getElementById('coverage-empty')?.textContent").await;
    assert!(empty.as_str().unwrap().contains("chưa có văn bản nào triển khai"), "{empty}");
    let name = app.js("return document.getElementById('coverage-parent').textContent").await;
    assert_eq!(name.as_str().unwrap(), "57-NQ/TW, 22/12/2024, Bộ Chính trị");
    app.screenshot("31-ban-do-trong").await;

    // A draft in the «kế hoạch» style: the plan's four parts, the task groups under III.
    app.click("#nav a[href='#/moi']").await;
    app.wait_css("#create-draft").await;
    app.wait_js("document.querySelectorAll('#province option').length === 35").await;
    let options =
        app.js("return [...document.querySelectorAll('#parent option')].map(o => o.textContent)").await;
    let options: Vec<&str> = options.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(options.contains(&"57-NQ/TW, 22/12/2024, Bộ Chính trị"), "{options:?}");
    app.js("const set = (id, v) => { const e = document.getElementById(id); e.value = v; \
         e.dispatchEvent(new Event('change')); }; \
         set('parent', '45-NQ/TW'); set('province', 'Thái Nguyên'); set('style', 'ke-hoach'); \
         set('issuer', 'ban-thuong-vu'); return 1")
        .await;
    let style = app.js("return document.querySelector('#style option:checked').textContent").await;
    assert!(style.as_str().unwrap().starts_with("Kế hoạch: mục đích, yêu cầu, mục tiêu"), "{style}");
    app.screenshot("32-du-thao-ke-hoach").await;
    app.click("#create-draft").await;
    app.wait_css("section.sec .sec-body").await;
    let tops = app
        .wait_js(
            "[...document.querySelectorAll('section.sec.depth1 > .sec-head .title')].map(t => t.textContent)",
        )
        .await;
    assert_eq!(
        tops,
        serde_json::json!(["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"])
    );
    let groups =
        app.js("return document.querySelectorAll(\"section.sec.depth2[data-path^='III.']\").length").await;
    assert_eq!(groups.as_u64().unwrap(), 5, "{groups}");
    let third = app
        .js("return document.querySelector(\"section.sec[data-path='III.3'] > .sec-head .title\").textContent")
        .await;
    assert!(third.as_str().unwrap().starts_with("Tăng cường quản lý nhà nước"), "{third}");
    app.screenshot("33-soan-ke-hoach").await;

    // The draft's resolution's map from the toolbar: the three provinces as columns.
    app.click("#go-map").await;
    app.wait_css("#coverage-map").await;
    let heads = app
        .js("return [...document.querySelectorAll('#coverage-map th.doc-col')].map(t => t.textContent)")
        .await;
    let heads: Vec<&str> = heads.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(heads.len(), 3, "{heads:?}");
    for p in ["Cao Bằng", "Hà Giang", "Lâm Đồng"] {
        assert!(heads.iter().any(|h| h.starts_with(p)), "{p} in {heads:?}");
    }
    // Every province takes up III.3 as its own III.3; only Hà Giang reports on the
    // situation (I); every «Tổ chức thực hiện» names leads and times.
    let row = |id: &str| format!("document.querySelector('#coverage-map tr[data-section=\"{id}\"]')");
    let iii3 = app
        .js(&format!(
            "return [...{}.querySelectorAll('td.cell')].map(c => c.dataset.path ?? '-')",
            row("45-NQ/TW#III.3")
        ))
        .await;
    assert_eq!(iii3, serde_json::json!(["III.3", "III.3", "III.3"]));
    let i = app
        .js(&format!(
            "return [...{}.querySelectorAll('td.cell')].map(c => c.dataset.path ?? '-')",
            row("45-NQ/TW#I")
        ))
        .await;
    let i: Vec<&str> = i.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let hg = heads.iter().position(|h| h.starts_with("Hà Giang")).unwrap();
    for (k, p) in i.iter().enumerate() {
        assert_eq!(*p == "I", k == hg, "{i:?} / {heads:?}");
    }
    let iv = app
        .js(&format!(
            "return [...{}.querySelectorAll('td.cell .mark.on')].map(m => m.textContent)",
            row("45-NQ/TW#IV")
        ))
        .await;
    let iv: Vec<&str> = iv.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(iv.iter().filter(|m| **m == "CT").count(), 3, "{iv:?}");
    assert_eq!(iv.iter().filter(|m| **m == "TH").count(), 3, "{iv:?}");
    let legend = app.js("return document.getElementById('coverage-legend').textContent").await;
    assert!(legend.as_str().unwrap().contains("có cơ quan chủ trì"), "{legend}");
    app.screenshot("34-ban-do-trien-khai").await;

    // A cell opens the resolution's section beside the province's.
    let cb = heads.iter().position(|h| h.starts_with("Cao Bằng")).unwrap();
    app.js(&format!(
        "{}.querySelectorAll('td.cell')[{cb}].querySelector('button').click(); return 1",
        row("45-NQ/TW#III.3")
    ))
    .await;
    app.wait_css("#coverage-pair").await;
    let left = app.js("return document.getElementById('pair-parent').textContent").await;
    assert!(left.as_str().unwrap().contains("Tăng cường quản lý nhà nước"), "{left}");
    let right = app.js("return document.getElementById('pair-document').textContent").await;
    let right = right.as_str().unwrap();
    assert!(right.starts_with("Cao Bằng") && right.len() > 400, "{right}");
    app.screenshot("35-ban-do-hai-muc").await;
    app.close().await;
}
