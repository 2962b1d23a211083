//! One writer per draft. One app per data folder (tauri-plugin-single-instance, keyed
//! on Linux by a D-Bus name made from the data folder): a second launch on the same
//! data folder hands over to the running window and exits by itself, before it opens
//! the database; a launch on another data folder runs beside it. And when a draft is
//! saved from elsewhere while the editor has it open, the editor's next save is refused:
//! the other text is kept, the editor says so and stops autosaving. Run by
//! `scripts/test.sh` under Xvfb, one test at a time like the others.

use banthao_e2e::{app_binary, app_pids, data_dir, session_bus, App};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A private session bus (the plugin's names live on it), stopped when dropped.
struct SessionBus {
    pid: u32,
    address: String,
}

impl SessionBus {
    fn start() -> SessionBus {
        let (pid, address) = session_bus();
        SessionBus { pid, address }
    }

    fn env(&self) -> Vec<(String, String)> {
        vec![("DBUS_SESSION_BUS_ADDRESS".to_string(), self.address.clone())]
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.pid.to_string()).status();
    }
}

/// The app processes that are running (zombies aside), oldest first.
fn running() -> Vec<u32> {
    app_pids()
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| s.rfind(')').and_then(|i| s[i + 2..].chars().next()))
                .is_some_and(|state| state != 'Z')
        })
        .collect()
}

/// The app binary started directly, as a second double-click would, on `data`.
fn launch_again(data: &std::path::Path, bus: &SessionBus) -> Child {
    Command::new(app_binary())
        .env("BANTHAO_DATA_DIR", data)
        .envs(bus.env())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the app binary")
}

/// Waits up to `limit` for `child` to exit; its status, or `None` if still running.
fn exits_within(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_second_launch_on_the_same_data_folder_exits_and_another_folder_runs() {
    let bus = SessionBus::start();
    let data = data_dir("instances");
    let app = App::launch_with(&data, &bus.env()).await;
    let first = running();
    assert_eq!(first.len(), 1, "one app running: {first:?}");

    // Same data folder: the second process hands over and exits by itself.
    let mut second = launch_again(&data, &bus);
    let status = exits_within(&mut second, Duration::from_secs(10));
    if status.is_none() {
        let _ = second.kill();
        let _ = second.wait();
    }
    let status = status.expect("a second launch on the same data folder exits within 10 s");
    assert!(status.success(), "it exits cleanly: {status}");
    assert_eq!(running(), first, "only the first app remains");
    // The first window is still there and answers.
    app.wait_css("#main h1").await;
    app.screenshot("instances-after-second-launch").await;

    // Another data folder: another app, which keeps running beside the first.
    let other = data_dir("instances-other");
    let mut third = launch_again(&other, &bus);
    let status = exits_within(&mut third, Duration::from_secs(5));
    let both = running();
    let _ = third.kill();
    let _ = third.wait();
    assert!(status.is_none(), "an app on another data folder runs: it exited with {status:?}");
    assert_eq!(both.len(), 2, "two apps, one per data folder: {both:?}");
    assert!(other.join("banthao.db").exists(), "the other app opened its own database");
    assert_eq!(running(), first, "the first app is unaffected");

    app.close().await;
}

/// Calls a command from the page as the window does; its answer, or `{error}`.
async fn invoke(app: &App, cmd: &str, args: serde_json::Value) -> serde_json::Value {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         window.__TAURI__.core.invoke({cmd:?}, {args}).then((v) => done(v === undefined ? null : v), (e) => done({{ error: e }}));"
    );
    app.client.execute_async(&script, vec![]).await.unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn a_draft_saved_elsewhere_is_not_overwritten_by_the_open_editor() {
    let data = data_dir("stale-draft");
    let app = App::launch(&data).await;
    // A draft, open in the editor.
    app.click("#nav a[href='#/moi']").await;
    app.wait_css("#create-draft").await;
    app.wait_js("document.querySelectorAll('#province option').length === 35").await;
    app.js("const p = document.getElementById('province'); p.value = 'Cao Bằng'; \
         p.dispatchEvent(new Event('change')); return p.value;")
        .await;
    app.click("#create-draft").await;
    let body = app.wait_css("section.sec .sec-body").await;
    let id: i64 = app
        .js("return Number(location.hash.match(/du-thao\\/(\\d+)/)[1])")
        .await
        .as_i64()
        .expect("the editor's address names the draft");

    // Another window saves the draft (the same command, from the state it loaded).
    let view = invoke(&app, "get_draft", serde_json::json!({ "id": id })).await;
    let revision = view["entry"]["revision"].as_i64().expect("the draft carries its revision");
    let mut doc = view["doc"].clone();
    doc["sections"][0]["paragraphs"] = serde_json::json!(["Bản của cửa sổ khác."]);
    let saved =
        invoke(&app, "save_draft", serde_json::json!({ "id": id, "doc": doc, "revision": revision })).await;
    assert_eq!(saved["revision"].as_i64(), Some(revision + 1), "{saved}");
    // Saving again from the revision it had is refused with its own code.
    let again =
        invoke(&app, "save_draft", serde_json::json!({ "id": id, "doc": doc, "revision": revision })).await;
    assert_eq!(again["error"]["code"], "stale-draft", "{again}");

    // The editor, which still holds the state it loaded, types: its save is refused.
    body.click().await.unwrap();
    body.send_keys(" Sửa trong trình soạn thảo.").await.unwrap();
    app.wait_js("document.getElementById('save-state').textContent.startsWith('Không lưu nữa')").await;
    app.wait_js("[...document.querySelectorAll('#toasts .toast.error')].some((t) => t.textContent.includes('cửa sổ khác'))")
        .await;
    app.screenshot("stale-draft").await;

    // More typing, and longer than the retry delay: nothing is saved over the other text.
    body.send_keys(" Thêm nữa.").await.unwrap();
    tokio::time::sleep(Duration::from_secs(4)).await;
    let now = invoke(&app, "get_draft", serde_json::json!({ "id": id })).await;
    assert_eq!(now["entry"]["revision"].as_i64(), Some(revision + 1), "no save went through");
    assert_eq!(now["doc"]["sections"][0]["paragraphs"], serde_json::json!(["Bản của cửa sổ khác."]));
    let state = app.js("return document.getElementById('save-state').textContent").await;
    assert!(state.as_str().unwrap().starts_with("Không lưu nữa"), "{state}");
    app.close().await;
}
