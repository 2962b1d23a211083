// The «Kiểm tra» panel: the reviewer's check of the draft as it is now (asked of Rust
// after a pause in typing), findings grouped by how sure they are; a click shows the
// text, «Sửa» applies the suggestion (one undo step), «Bỏ qua» sets a finding aside
// for this draft. And the «Phân công» view: the task table, editable, exported as the
// appendix «Phụ lục: Phân công nhiệm vụ».
import { api, errorOf, pickSavePath } from "./api.js";
import type { Finding, Severity, Task } from "./bindings.js";
import { clear, h, measure, modal, toast } from "./dom.js";
import type { EditorLink } from "./link.js";

const GROUPS: [Severity, string][] = [
  ["error", "Lỗi cần sửa"],
  ["warning", "Rất có thể là lỗi"],
  ["advice", "Góp ý về nội dung"],
];

/** Where a finding is, for the reader. */
function place(f: Finding): string {
  const part: Record<string, string> = {
    header: "Phần đầu",
    title: "Trích yếu",
    preamble: "Căn cứ, mở đầu",
    closing: "Phần kết",
    recipients: "Nơi nhận",
    format: "Thể thức",
  };
  const name = part[f.path] ?? `Mục ${f.path}`;
  if (f.path === "format" || f.path === "header") return name;
  return f.paragraph === null ? `${name}, tên mục` : `${name}, đoạn ${f.paragraph + 1}`;
}

export async function checkPanel(
  el: HTMLElement,
  link: EditorLink,
  latest: () => boolean,
  refresh: () => void,
): Promise<void> {
  const id = link.draftId();
  const t0 = performance.now();
  link.syncFromPage();
  const s = link.liveState();
  if (!s || id === null) return;
  const view = await api.checkDraft(id, s.doc);
  if (!latest()) return;
  clear(el);
  const tasks = h("button", { id: "open-tasks" }, "Phân công nhiệm vụ…");
  tasks.addEventListener("click", () => void tasksView(link));
  el.append(h("div", { class: "panel-tools" }, tasks));
  const count = (sev: Severity) => view.findings.filter((f) => f.severity === sev).length;
  el.append(
    h(
      "p",
      { class: "muted small", id: "check-summary" },
      view.findings.length === 0
        ? "Không thấy lỗi nào."
        : `${count("error")} lỗi, ${count("warning")} cảnh báo, ${count("advice")} góp ý nội dung.`,
    ),
  );
  for (const [sev, title] of GROUPS) {
    const list = view.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    const ul = h("ul", { class: `findings ${sev}` });
    for (const f of list) ul.append(findingItem(f, id, link, refresh));
    el.append(h("h4", {}, `${title} (${list.length})`), ul);
  }
  if (view.set_aside > 0) {
    const back = h("button", { class: "link", id: "undismiss" }, "Hiện lại");
    back.addEventListener("click", async () => {
      await api.dismissFinding(id, null);
      refresh();
    });
    el.append(h("p", { class: "muted small" }, `Đã bỏ qua ${view.set_aside} mục. `, back));
  }
  // Read by scripts/bench-app.sh: the page read back, the check in Rust, the list drawn.
  measure("banthao:check", t0);
}

function findingItem(f: Finding, id: number, link: EditorLink, refresh: () => void): HTMLElement {
  const li = h(
    "li",
    { class: "finding", "data-code": f.code, tabindex: "0" },
    h("div", { class: "muted small" }, place(f)),
    h("div", {}, f.message),
  );
  if (f.excerpt) li.append(h("div", { class: "excerpt" }, `«${f.excerpt}»`));
  const show = () => link.reveal(f.path, f.paragraph, f.start, f.excerpt);
  li.addEventListener("click", show);
  li.addEventListener("keydown", (e) => {
    if (e.key === "Enter") show();
  });
  const tools = h("div", { class: "finding-tools" });
  if (f.suggestion !== null) {
    const fix = h("button", { class: "primary fix" }, f.suggestion ? `Sửa thành «${f.suggestion}»` : "Xóa");
    fix.addEventListener("click", async (e) => {
      e.stopPropagation();
      link.syncFromPage();
      const s = link.liveState();
      if (!s) return;
      try {
        link.applyDoc(await api.fixFinding(s.doc, f));
        refresh();
      } catch (err) {
        toast(errorOf(err).message, "error");
        refresh();
      }
    });
    tools.append(fix);
  }
  const skip = h("button", { class: "skip" }, "Bỏ qua");
  skip.addEventListener("click", async (e) => {
    e.stopPropagation();
    await api.dismissFinding(id, f);
    refresh();
  });
  tools.append(skip);
  li.append(tools);
  return li;
}

/** The task table of the draft as it is now, editable, exported as the appendix. */
async function tasksView(link: EditorLink): Promise<void> {
  link.syncFromPage();
  const s = link.liveState();
  if (!s) return;
  const tasks: Task[] = await api.draftTasks(s.doc);
  const table = h("table", { class: "tasks", id: "tasks-table" });
  table.append(
    h(
      "tr",
      {},
      ...["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"].map(
        (t) => h("th", {}, t),
      ),
    ),
  );
  // Each cell edits its task in place; partners are one per line.
  const cell = (get: () => string, set: (v: string) => void) => {
    const c = h("td", { contenteditable: "true" }, get());
    c.addEventListener("input", () => set((c.innerText ?? "").trim()));
    return c;
  };
  tasks.forEach((t, i) => {
    table.append(
      h(
        "tr",
        {},
        h("td", {}, String(i + 1)),
        cell(
          () => t.task,
          (v) => (t.task = v),
        ),
        cell(
          () => t.lead ?? "",
          (v) => (t.lead = v || null),
        ),
        cell(
          () => t.partners.join("\n"),
          (v) =>
            (t.partners = v
              .split("\n")
              .map((x) => x.trim())
              .filter(Boolean)),
        ),
        cell(
          () => t.time ?? "",
          (v) => (t.time = v || null),
        ),
        cell(
          () => t.product ?? "",
          (v) => (t.product = v || null),
        ),
      ),
    );
  });
  const body = h(
    "div",
    {},
    tasks.length === 0
      ? h("p", { class: "empty" }, "Chưa thấy nhiệm vụ nào được giao (cơ quan chủ trì, thời gian) trong dự thảo.")
      : h("div", { class: "tasks-scroll" }, table),
  );
  const choice = await modal(
    "Phân công nhiệm vụ",
    body,
    [
      { label: "Xuất phụ lục (.docx)…", value: "export", primary: true },
      { label: "Đóng", value: "close" },
    ],
    true,
  );
  if (choice !== "export") return;
  try {
    const settings = await api.settings();
    const name = "phu-luc-phan-cong-nhiem-vu.docx";
    const path = await pickSavePath(settings.export_dir ? `${settings.export_dir}/${name}` : name);
    if (!path) return;
    await api.exportTasks(s.doc, link.profile(), tasks, path.endsWith(".docx") ? path : `${path}.docx`);
    toast(`Đã lưu ${path}`, "ok");
  } catch (err) {
    toast(errorOf(err).message, "error");
  }
}
