//! Figures for the desktop app, printed (run by `scripts/bench-app.sh`, not a test):
//!
//! - launch → library painted, measured from the app process's start time;
//! - opening a 30-page draft → editor painted (so launch → editable draft is their sum);
//! - keystroke → screen while typing in that draft: from the keydown event to the end
//!   of the frame that shows the character;
//! - memory of the app with the draft open: the app and its WebKit processes (RSS and
//!   PSS, which shares libraries out fairly);
//! - autosave: reading the page into the model, and the save command's round trip.
//!
//! The 30 pages are real: the draft is filled from the library's texts until
//! LibreOffice prints its export on at least 30 A4 pages.

use banthao_e2e::{app_binary, app_pids, procs, stat_field, App};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const LAUNCHES: usize = 5;
const PAGES: u32 = 30;
/// Typed one key at a time, about nine keys a second, as the IME would commit them.
const TYPED: &str = " Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng quán triệt sâu sắc nghị quyết, \
                     phát huy vai trò của đội ngũ trí thức trong phát triển kinh tế - xã hội của tỉnh.";

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let data = banthao_e2e::data_dir("bench-app");
    println!("Bản thảo — app figures ({})", app_binary().display());

    let app = App::launch(&data).await;
    let (id, words, pages, json_kb) = make_long_draft(&app, &data).await;
    println!("draft: {pages} A4 pages by LibreOffice, {words} words, model {json_kb} KB of JSON (UTF-8)");
    app.close().await;

    let mut launch = Vec::new();
    let mut open = Vec::new();
    let mut last = None;
    for k in 0..LAUNCHES {
        let app = App::launch(&data).await;
        launch.push(launch_ms(&app).await);
        open.push(open_draft_ms(&app, id).await);
        if k + 1 == LAUNCHES {
            last = Some(app);
        } else {
            app.close().await;
        }
    }
    let app = last.unwrap();
    let total: Vec<f64> = launch.iter().zip(&open).map(|(a, b)| a + b).collect();
    println!("launch → library painted: {}", summary(&launch));
    println!("open the {pages}-page draft → editor painted: {}", summary(&open));
    println!("launch → editable draft (sum): {}  (target < 1500 ms)", summary(&total));

    println!("memory, draft open:");
    let (rss, pss, n) = memory();
    println!("  total over {n} processes: PSS {pss:.0} MB (target < 300 MB), RSS summed {rss:.0} MB");

    let latencies = type_and_time(&app, false).await;
    println!(
        "keystroke → screen, {} keys in the {pages}-page draft: {}  (target median < 16 ms)",
        latencies.len(),
        summary(&latencies)
    );
    // Again with the «Kiểm tra» panel open, pausing after each word so that it checks
    // the draft (after 600 ms without a key) while the next word is typed.
    app.click("#tab-check").await;
    app.wait_css("#check-summary").await;
    let checked = type_and_time(&app, true).await;
    let refreshes = app.js("return performance.getEntriesByName('banthao:check').length").await;
    println!(
        "keystroke → screen with the «Kiểm tra» panel open, {} keys, {} checks of the whole draft: {}",
        checked.len(),
        refreshes,
        summary(&checked)
    );
    let check_ms: Vec<f64> = app
        .js("return performance.getEntriesByName('banthao:check').map(e => e.duration)")
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    println!("  the check, read back + Rust + drawn (off the keystroke path): {}", summary(&check_ms));

    let (page, save) = autosave(&app).await;
    println!("autosave, reading the page into the model: {}", summary(&page));
    println!("autosave, save_draft round trip: {}", summary(&save));
    println!("memory after typing:");
    let (rss, pss, n) = memory();
    println!("  total over {n} processes: PSS {pss:.0} MB, RSS summed {rss:.0} MB");
    app.close().await;
}

/// Creates a draft from 45-NQ/TW and fills its sections with the library's paragraphs
/// until its export prints on `PAGES` pages; (id, words, pages, JSON size in KB).
async fn make_long_draft(app: &App, data: &Path) -> (i64, u64, u32, u64) {
    let mut words = 12_000u64;
    loop {
        let out = data.join("bench-draft.docx");
        let script = format!(
            "const done = arguments[arguments.length - 1];
             const inv = window.__TAURI__.core.invoke;
             (async () => {{
               const lib = await inv('library', {{ query: '' }});
               let id = lib.drafts.length ? lib.drafts[0].id : await inv('create_draft', {{ req: {{
                 parent: '45-NQ/TW', draft: {{ province: 'Quảng Ninh', issuer: 'tinh-uy', doc_type: 'ctr', year: 2026,
                 signer: 'Nguyễn Văn A', signer_title: 'BÍ THƯ' }} }} }});
               const paras = [];
               const collect = (ss) => ss.forEach((s) => {{ paras.push(...s.paragraphs.filter((p) => p.length > 40)); collect(s.children); }});
               for (const d of lib.documents) collect((await inv('open_document', {{ id: d.id }})).sections);
               const v = await inv('get_draft', {{ id }});
               const leaves = [];
               const walk = (ss) => ss.forEach((s) => {{ s.children.length ? walk(s.children) : leaves.push(s); }});
               walk(v.doc.sections);
               leaves.forEach((s) => {{ s.paragraphs = []; s.emphasis = []; }});
               let n = 0, k = 0;
               while (n < {words}) {{
                 const p = paras[k % paras.length];
                 leaves[k % leaves.length].paragraphs.push(p);
                 n += p.split(/\\s+/).length; k++;
               }}
               await inv('save_draft', {{ id, doc: v.doc, revision: v.entry.revision }});
               await inv('export_docx', {{ doc: v.doc, profile: 'party', path: {out:?} }});
               done([id, n, new TextEncoder().encode(JSON.stringify(v.doc)).length]);
             }})().catch((e) => done(['error', JSON.stringify(e)]));",
            out = out.to_string_lossy()
        );
        let r = app.client.execute_async(&script, vec![]).await.expect("filling the draft");
        let r = r.as_array().expect("an array");
        assert!(r[0].is_number(), "filling the draft failed: {r:?}");
        let (id, n, bytes) = (r[0].as_i64().unwrap(), r[1].as_u64().unwrap(), r[2].as_u64().unwrap());
        let pages = pdf_pages(data, &out);
        if pages >= PAGES {
            return (id, n, pages, bytes / 1024);
        }
        words = words * u64::from(PAGES + 1) / u64::from(pages.max(1));
    }
}

/// LibreOffice's page count for a .docx.
fn pdf_pages(dir: &Path, docx: &Path) -> u32 {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let ok = Command::new("libreoffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("libreoffice (scripts/bench-app.sh installs it)");
    assert!(ok.status.success(), "LibreOffice: {}", String::from_utf8_lossy(&ok.stderr));
    let info = Command::new("pdfinfo").arg(docx.with_extension("pdf")).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("a page count").trim().parse().unwrap()
}

/// Milliseconds from the app process's start to the library's first painted frame.
async fn launch_ms(app: &App) -> f64 {
    let painted = app
        .wait_js(
            "(() => { const m = performance.getEntriesByName('banthao:library'); \
             return m.length ? performance.timeOrigin + m[0].startTime : 0; })()",
        )
        .await
        .as_f64()
        .unwrap();
    let pid = *app_pids().first().expect("the app is running");
    painted - process_start_epoch_ms(pid)
}

/// Milliseconds from following a draft's link to the editor's first painted frame.
async fn open_draft_ms(app: &App, id: i64) -> f64 {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const t0 = performance.now();
         new PerformanceObserver((list, obs) => {{
           for (const m of list.getEntries()) if (m.name === 'banthao:editor' && m.startTime > t0) {{ obs.disconnect(); done(m.startTime - t0); }}
         }}).observe({{ type: 'mark' }});
         location.hash = '#/du-thao/{id}';"
    );
    let ms = app.client.execute_async(&script, vec![]).await.expect("the editor opens").as_f64().unwrap();
    app.wait_css("section.sec .sec-body").await;
    ms
}

/// Types `TYPED` into a section in the middle of the draft, one key at a time; the
/// latency of each key from its keydown to the end of the frame that shows it.
async fn type_and_time(app: &App, pause_between_words: bool) -> Vec<f64> {
    let path = app
        .js("const s = [...document.querySelectorAll('section.sec')]; \
             const mid = s[Math.floor(s.length / 2)]; \
             mid.scrollIntoView({ block: 'center' }); return mid.dataset.path;")
        .await;
    let path = path.as_str().unwrap().to_string();
    // One listener for both runs (a second would count every key twice).
    app.js("window.__latency = [];
         if (!window.__latencyListening) {
           window.__latencyListening = true;
           document.addEventListener('keydown', (e) => {
             const t0 = e.timeStamp > 1e12 ? e.timeStamp - performance.timeOrigin : e.timeStamp;
             requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t0), 0));
           }, true);
         }
         return 1;")
        .await;
    let body = app.wait_css(&format!("section.sec[data-path='{path}'] > .sec-body")).await;
    for ch in TYPED.chars() {
        body.send_keys(&ch.to_string()).await.expect("a key");
        let pause = if pause_between_words && ch == ' ' { 800 } else { 110 };
        tokio::time::sleep(Duration::from_millis(pause)).await;
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let text = app
        .js(&format!(
            "return document.querySelector(\"section.sec[data-path='{path}'] > .sec-body\").textContent"
        ))
        .await;
    assert!(text.as_str().unwrap().matches(TYPED.trim()).count() >= 1, "the typed text is on the page");
    let v = app.js("return window.__latency").await;
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

/// The autosave measures recorded while typing (ms): reading the page, saving.
async fn autosave(app: &App) -> (Vec<f64>, Vec<f64>) {
    let get = |name: &str| {
        format!("return performance.getEntriesByName('{name}', 'measure').map((m) => m.duration)")
    };
    let page = app.js(&get("banthao:autosave-page")).await;
    let save = app.js(&get("banthao:autosave-save")).await;
    let f = |v: serde_json::Value| {
        v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect::<Vec<f64>>()
    };
    let (page, save) = (f(page), f(save));
    assert!(!page.is_empty() && !save.is_empty(), "autosave ran while typing");
    (page, save)
}

fn summary(v: &[f64]) -> String {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let q = |p: f64| s[((s.len() - 1) as f64 * p).round() as usize];
    format!(
        "median {:.1} ms, p95 {:.1} ms, min {:.1}, max {:.1} (n = {})",
        q(0.5),
        q(0.95),
        s[0],
        s[s.len() - 1],
        s.len()
    )
}

/// When the process started, in milliseconds since the epoch (to about 10 ms).
fn process_start_epoch_ms(pid: u32) -> f64 {
    let tck: f64 = String::from_utf8(Command::new("getconf").arg("CLK_TCK").output().unwrap().stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let since_boot = stat_field(pid, 22).unwrap() as f64 / tck;
    let uptime: f64 =
        std::fs::read_to_string("/proc/uptime").unwrap().split(' ').next().unwrap().parse().unwrap();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs_f64();
    (now - uptime + since_boot) * 1000.0
}

/// Memory (MB) of the app and every process under it (WebKit's web and network
/// processes): RSS summed, and PSS, which shares out pages the processes have in common
/// (WebKit's libraries are mapped by both the app and its web process). Prints each
/// process's figures.
fn memory() -> (f64, f64, usize) {
    let children: HashMap<u32, Vec<u32>> = procs().into_iter().fold(HashMap::new(), |mut m, (pid, ppid)| {
        m.entry(ppid).or_default().push(pid);
        m
    });
    let mut todo = app_pids();
    assert!(!todo.is_empty(), "the app is running");
    let mut all = Vec::new();
    while let Some(p) = todo.pop() {
        all.push(p);
        todo.extend(children.get(&p).into_iter().flatten());
    }
    let kb = |file: &str, key: &str| -> f64 {
        let s = std::fs::read_to_string(file).unwrap_or_default();
        s.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (mut rss, mut pss) = (0.0, 0.0);
    for p in &all {
        let smaps = format!("/proc/{p}/smaps_rollup");
        let (r, s) = (kb(&format!("/proc/{p}/status"), "VmRSS:"), kb(&smaps, "Pss:"));
        let private = kb(&smaps, "Private_Clean:") + kb(&smaps, "Private_Dirty:");
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        println!(
            "    {:<18} RSS {:>4.0} MB, PSS {:>4.0} MB, private {:>4.0} MB",
            name.trim(),
            r / 1024.0,
            s / 1024.0,
            private / 1024.0
        );
        rss += r;
        pss += s;
    }
    (rss / 1024.0, pss / 1024.0, all.len())
}
