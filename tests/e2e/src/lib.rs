//! Helpers for the end-to-end tests: start the real app binary through tauri-driver
//! (which drives WebKitWebDriver), on free ports, with its own data folder; wait for
//! the page; save screenshots under `target/e2e-screenshots/`.
//!
//! Needs an X display (the test script runs under Xvfb), `tauri-driver` on PATH and
//! `WebKitWebDriver` (Debian package webkit2gtk-driver).

use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// The app binary (`BANTHAO_APP`, else the workspace's debug build).
pub fn app_binary() -> PathBuf {
    std::env::var_os("BANTHAO_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/banthao-app"))
}

/// The running app processes (by their executable), oldest first.
pub fn app_pids() -> Vec<u32> {
    let bin = app_binary();
    let mut pids: Vec<u32> = procs()
        .into_iter()
        .filter(|(pid, _)| std::fs::read_link(format!("/proc/{pid}/exe")).map(|e| e == bin).unwrap_or(false))
        .map(|(pid, _)| pid)
        .collect();
    pids.sort_by_key(|&p| stat_field(p, 22));
    pids
}

/// Every process with its parent.
pub fn procs() -> Vec<(u32, u32)> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, stat_field(pid, 4)? as u32)))
        .collect()
}

/// Field `n` (1-based, as in proc(5)) of /proc/PID/stat.
pub fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count after it.
    let rest = &s[s.rfind(')')? + 2..];
    rest.split(' ').nth(n - 3)?.parse().ok()
}

/// Waits (up to 10 s) until no app process is left (zombies aside), so that the next
/// test's window is the only one; kills what remains.
fn wait_app_gone() {
    let alive =
        || app_pids().into_iter().filter(|&p| !matches!(state_of(p), Some('Z') | None)).collect::<Vec<_>>();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !alive().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    for pid in alive() {
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    }
}

fn state_of(pid: u32) -> Option<char> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    s[s.rfind(')')? + 2..].chars().next()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A fresh data folder for one test.
pub fn data_dir(name: &str) -> PathBuf {
    let d = workspace().join("target/e2e-data").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub struct App {
    pub client: Client,
    driver: Child,
    pub data: PathBuf,
}

impl App {
    /// Starts the app with `data` as its data folder and waits for the library.
    pub async fn launch(data: &Path) -> App {
        App::launch_with(data, &[]).await
    }

    /// Starts the app with more environment variables (an input method, say).
    pub async fn launch_with(data: &Path, env: &[(String, String)]) -> App {
        let (port, native) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("BANTHAO_DATA_DIR", data)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver is on PATH (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary().to_string_lossy() }),
        );
        caps.insert("browserName".into(), "wry".into());
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session on the app");
        let app = App { client, driver, data: data.to_path_buf() };
        app.wait_css("#main h1, #main .recovery").await;
        app
    }

    /// Waits (up to 15 s) for an element.
    pub async fn wait_css(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Waits until `script` (a JS expression) is truthy; its value.
    pub async fn wait_js(&self, script: &str) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.client.execute(&format!("return ({script});"), vec![]).await.unwrap();
            let truthy = match &v {
                serde_json::Value::Null => false,
                serde_json::Value::Bool(b) => *b,
                serde_json::Value::String(s) => !s.is_empty(),
                serde_json::Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return v;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {script}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.wait_css(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Saves a screenshot of the display as `target/e2e-screenshots/NAME.png`
    /// (ImageMagick's `import`, after the page has had a moment to paint).
    pub async fn screenshot(&self, name: &str) {
        let dir = workspace().join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let out = dir.join(format!("{name}.png"));
        let ok = Command::new("import").args(["-window", "root"]).arg(&out).status().map(|s| s.success());
        assert!(matches!(ok, Ok(true)), "screenshot {name} (ImageMagick import on $DISPLAY)");
        eprintln!("screenshot: {}", out.display());
    }

    /// Ends the session and stops tauri-driver (SIGTERM, so WebKitWebDriver goes too).
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        terminate(&mut self.driver);
        wait_app_gone();
    }

    /// Kills the app process (SIGKILL) as a crash would, then stops the driver.
    pub async fn kill_app(mut self) {
        let bin = app_binary();
        let _ = Command::new("pkill").args(["-KILL", "-f", &bin.to_string_lossy()]).status();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let _ = tokio::time::timeout(Duration::from_secs(3), self.client.clone().close()).await;
        terminate(&mut self.driver);
        wait_app_gone();
    }
}

fn terminate(child: &mut Child) {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Drags with the real mouse (xdotool, through the X server): button down at `from`,
/// moved in `steps` steps to `to`, released there. Screen coordinates; the app's window
/// sits at the origin of the Xvfb screen, so page coordinates are screen coordinates.
pub async fn drag_mouse(from: (i64, i64), to: (i64, i64), steps: i64) {
    let xdo = |args: &[String]| {
        let ok = Command::new("xdotool").args(args).status().expect("xdotool (package xdotool)");
        assert!(ok.success(), "xdotool {args:?}");
    };
    xdo(&["mousemove".into(), from.0.to_string(), from.1.to_string()]);
    xdo(&["mousedown".into(), "1".into()]);
    for k in 1..=steps {
        let (x, y) = (from.0 + (to.0 - from.0) * k / steps, from.1 + (to.1 - from.1) * k / steps);
        xdo(&["mousemove".into(), x.to_string(), y.to_string()]);
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
    xdo(&["mouseup".into(), "1".into()]);
}

/// A session bus with the IBus daemon on it and the Unikey engine selected, typing
/// Telex or VNI, as on a drafter's desktop; stopped when dropped. Keys then come from
/// `xdotool`, through the X server and the input method, as a keyboard's would.
pub struct InputMethod {
    bus_pid: u32,
    /// What the app needs to reach it.
    pub env: Vec<(String, String)>,
    /// What the daemon and the engine run with (their settings in a folder of ours).
    daemon_env: Vec<(String, String)>,
}

/// Starts a private session bus (`dbus-launch`): its process id and address.
pub fn session_bus() -> (u32, String) {
    let out =
        Command::new("dbus-launch").arg("--sh-syntax").output().expect("dbus-launch (package dbus-x11)");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |key: &str| {
        let line = text.lines().find(|l| l.starts_with(key)).unwrap_or_else(|| panic!("{key} in {text}"));
        line[key.len() + 1..].trim_end_matches(';').trim_matches('\'').to_string()
    };
    (field("DBUS_SESSION_BUS_PID").parse().unwrap(), field("DBUS_SESSION_BUS_ADDRESS"))
}

impl InputMethod {
    /// Starts `dbus-daemon` and `ibus-daemon` with Unikey typing `method` (`telex`, `vni`).
    pub fn start(method: &str) -> InputMethod {
        let (bus_pid, address) = session_bus();
        let env = vec![
            ("DBUS_SESSION_BUS_ADDRESS".to_string(), address),
            ("GTK_IM_MODULE".to_string(), "ibus".to_string()),
        ];
        // The engine reads its method from GSettings: a key file in a folder of ours,
        // so the test neither depends on nor touches the user's settings.
        let config = data_dir(&format!("ibus-{method}"));
        let mut daemon_env = env.clone();
        daemon_env.push(("GSETTINGS_BACKEND".into(), "keyfile".into()));
        daemon_env.push(("XDG_CONFIG_HOME".into(), config.to_string_lossy().into()));
        let ime = InputMethod { bus_pid, env, daemon_env };
        let run = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .envs(ime.daemon_env.iter().map(|(k, v)| (k, v)))
                .output()
                .unwrap_or_else(|e| panic!("{program}: {e} (scripts/test.sh installs ibus, ibus-unikey)"))
        };
        let set = run("gsettings", &["set", "org.freedesktop.ibus.engine.unikey", "input-method", method]);
        assert!(set.status.success(), "gsettings: {}", String::from_utf8_lossy(&set.stderr));
        let daemon = run("ibus-daemon", &["--panel=disable", "--xim", "--replace", "--daemonize"]);
        assert!(daemon.status.success(), "ibus-daemon did not start");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // `ibus engine NAME` exits 1 when setxkbmap fails (it does under Xvfb) even
            // though the engine is set: ask which engine is in use instead.
            let _ = run("ibus", &["engine", "Unikey"]);
            if String::from_utf8_lossy(&run("ibus", &["engine"]).stdout).trim() == "Unikey" {
                break;
            }
            assert!(Instant::now() < deadline, "IBus did not take the Unikey engine");
            std::thread::sleep(Duration::from_millis(300));
        }
        // The daemon wrote its address under our config folder: give it to the app.
        let address = String::from_utf8_lossy(&run("ibus", &["address"]).stdout).trim().to_string();
        assert!(address.starts_with("unix:"), "IBus address: {address}");
        let mut ime = ime;
        ime.env.push(("IBUS_ADDRESS".into(), address));
        ime
    }

    /// Gives the keyboard to the app's visible window and types `keys` through the
    /// input method.
    pub fn type_keys(&self, window_title: &str, keys: &str) {
        focus_window(window_title);
        let typed = Command::new("xdotool").args(["type", "--delay", "60", keys]).status().unwrap();
        assert!(typed.success());
    }
}

/// Gives the keyboard to the newest visible window named `window_title` (an old one may
/// still be closing) and checks it has it.
pub fn focus_window(window_title: &str) {
    let found = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", window_title])
        .output()
        .expect("xdotool");
    let windows = String::from_utf8_lossy(&found.stdout).to_string();
    let window = windows.lines().last().unwrap_or_else(|| panic!("no visible window named {window_title}"));
    let focus = Command::new("xdotool").args(["windowfocus", "--sync", window]).status().unwrap();
    assert!(focus.success());
    let now = Command::new("xdotool").arg("getwindowfocus").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&now.stdout).trim(), window, "the app's window has the keyboard");
}

/// Types as Unikey and EVKey do on Windows, which send no composition events: each
/// word goes through the states the user sees after each key (`V`, `Vi`, `Vie`, `Viê`,
/// `Viêt`, `Việt`), and from one state to the next the input method presses BackSpace
/// over what changed and types the replacement characters. Keys go through the X
/// server (xdotool), into the window that has the keyboard.
pub fn type_like_unikey(words: &[&[&str]]) {
    // One xdotool run per step: `type` takes the rest of its command line as text.
    let xdo = |args: Vec<String>| {
        let ok = Command::new("xdotool").args(&args).status().expect("xdotool");
        assert!(ok.success(), "xdotool {args:?}");
    };
    let mut shown = String::new();
    for (k, states) in words.iter().enumerate() {
        let before = shown.clone();
        for state in states.iter() {
            let now = format!("{before}{state}");
            let common = shown.chars().zip(now.chars()).take_while(|(a, b)| a == b).count();
            let erase = shown.chars().count() - common;
            if erase > 0 {
                let mut args: Vec<String> = vec!["key".into(), "--delay".into(), "30".into()];
                args.extend(std::iter::repeat_n("BackSpace".to_string(), erase));
                xdo(args);
            }
            let add: String = now.chars().skip(common).collect();
            if !add.is_empty() {
                xdo(vec!["type".into(), "--delay".into(), "40".into(), add]);
            }
            shown = now;
        }
        if k + 1 < words.len() {
            xdo(vec!["type".into(), " ".into()]);
            shown.push(' ');
        }
    }
}

impl Drop for InputMethod {
    fn drop(&mut self) {
        let _ = Command::new("ibus").arg("exit").envs(self.daemon_env.iter().map(|(k, v)| (k, v))).status();
        let _ = Command::new("kill").arg(self.bus_pid.to_string()).status();
    }
}
