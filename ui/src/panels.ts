// The editor's side panels: suggested clauses for the section under the cursor, the
// section beside other provinces' texts, the reviewer's check (checkpanel.ts), and
// named versions. What they need of the editor comes at mount as an EditorLink
// (link.ts): this module imports no editor code.
import { api, errorOf, pickSavePath } from "./api.js";
import type { DocumentGroup, SuggestionSource, VersionEntry } from "./bindings.js";
import { clear, docTypeLabel, h, modal, toast, when } from "./dom.js";
import { checkPanel } from "./checkpanel.js";
import { comparisonView, documentView, sectionDiffView } from "./docview.js";
import type { EditorLink, LiveState } from "./link.js";

let link: EditorLink | null = null;
let unsubscribe: (() => void) | null = null;
let body: HTMLElement | null = null;
let tab: "suggest" | "compare" | "check" | "versions" = "suggest";
let timer: number | null = null;
const chosen = new Set<number>();
/** The library's documents grouped by the parent they implement (the draft's own
 *  first), read once each time the panels are shown. */
let docs: DocumentGroup[] | null = null;

export function mountPanels(side: HTMLElement, editor: EditorLink): void {
  clear(side);
  docs = null; // the library may have changed since the panels were last shown
  if (link !== editor) {
    unsubscribe?.();
    link = editor;
    unsubscribe = editor.onSectionChange(sectionChanged);
  }
  const tabs = h("div", { class: "tabs", role: "tablist" });
  const mk = (id: typeof tab, label: string) => {
    const b = h(
      "button",
      {
        role: "tab",
        id: `tab-${id}`,
        class: tab === id ? "active" : "",
        onclick: () => {
          tab = id;
          mountPanels(side, editor);
        },
      },
      label,
    );
    tabs.append(b);
  };
  mk("suggest", "Gợi ý");
  mk("compare", "So sánh");
  mk("check", "Kiểm tra");
  mk("versions", "Phiên bản");
  body = h("div", { class: "panel-body", id: `panel-${tab}` });
  side.append(tabs, body);
  refreshPanel();
}

/** The section under the cursor changed, or its text did (typing: after a pause). */
function sectionChanged(typing: boolean): void {
  if (tab === "versions") return;
  if (timer !== null) clearTimeout(timer);
  timer = window.setTimeout(
    () => {
      timer = null;
      refreshPanel();
    },
    typing ? 600 : 150,
  );
}

/** The document as edited now: the page read back first. */
function live(): LiveState | null {
  if (!link) return null;
  link.syncFromPage();
  return link.liveState();
}

/** Refreshes overlap (a pause in typing, a box ticked): only the latest one draws. */
let generation = 0;

async function refreshPanel(): Promise<void> {
  if (!body) return;
  const g = ++generation;
  const latest = () => g === generation;
  try {
    if (tab === "suggest") await suggestions(body, latest);
    else if (tab === "compare") await compareOthers(body, latest);
    else if (tab === "check" && link) await checkPanel(body, link, latest, refreshPanel);
    else await versions(body, latest);
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}

async function suggestions(el: HTMLElement, latest: () => boolean): Promise<void> {
  const s = live();
  if (!s) return;
  const d = s.doc;
  const province = d.province ?? null,
    year = d.place_date?.year ?? null;
  const head = h(
    "p",
    { class: "muted small" },
    s.path
      ? `Câu chữ các tỉnh đã viết cho mục ${s.parentSection ? s.parentSection.replace("#", " — mục ") : s.path}`
      : "Đặt con trỏ vào một mục để xem câu chữ các tỉnh đã viết cho mục tương ứng.",
  );
  if (!s.path) {
    clear(el);
    el.append(head);
    return;
  }
  let list = await api.suggest(d, s.path, s.typed || null, province, year);
  if (list.length === 0 && s.typed) list = await api.suggest(d, s.path, null, province, year);
  if (!latest()) return;
  clear(el);
  el.append(head);
  if (list.length === 0) {
    el.append(h("p", { class: "empty" }, "Chưa có câu mẫu cho mục này trong thư viện."));
    return;
  }
  for (const v of list) {
    const sug = v.suggestion;
    el.append(
      h(
        "div",
        { class: "suggestion" },
        h("p", {}, v.text),
        h(
          "p",
          { class: "muted small" },
          sug.curated ? "Câu mẫu tự soạn" : `${sug.count} tỉnh: ${sug.provinces.join(", ")}`,
        ),
        sug.from_resolution &&
          h("p", { class: "muted small" }, `từ chương trình thực hiện Nghị quyết khác (số ${sug.from_resolution})`),
        v.variants.length > 1 &&
          h(
            "details",
            { class: "small" },
            h("summary", {}, `${v.variants.length} cách viết`),
            ...v.variants.map((text, i) =>
              h("p", {}, text, h("span", { class: "muted" }, ` (${sug.variants[i].provinces.join(", ")})`)),
            ),
          ),
        h(
          "div",
          { class: "actions" },
          h("button", { class: "small", onclick: () => link?.insertParagraph(v.text) }, "Chèn"),
          sug.sources.length > 0 &&
            h("button", { class: "small link", onclick: () => showSources(sug.sources) }, "Nguồn"),
        ),
      ),
    );
  }
}

/** Where a suggestion was written: province, document, section, and the file. */
function showSources(sources: SuggestionSource[]): void {
  modal(
    "Nguồn của câu mẫu",
    h(
      "ul",
      { class: "plain sources" },
      ...sources.map((x) =>
        h(
          "li",
          {},
          h("strong", {}, x.province ?? "Không rõ tỉnh"),
          ` · ${docTypeLabel(x.doc_type)}${x.year ? ` năm ${x.year}` : ""} · mục ${x.section}`,
          h("div", { class: "muted small" }, `Tệp: ${x.document.replace(/^#\d+ /, "")}`),
        ),
      ),
    ),
    [{ label: "Đóng", value: "x", primary: true }],
  );
}

async function compareOthers(el: HTMLElement, latest: () => boolean): Promise<void> {
  const s = live();
  if (!s) return;
  if (!docs) docs = (await api.catalogue(s.doc.parent?.id ?? null)).groups;
  if (!latest()) return;
  clear(el);
  const editor = document.querySelector(".editor");
  const widen = h("button", {
    class: "small",
    id: "widen-side",
    onclick: () => {
      editor?.classList.toggle("wide-side");
      widen.textContent = label();
    },
  });
  const label = () => (editor?.classList.contains("wide-side") ? "Thu hẹp khung so sánh" : "Mở rộng khung so sánh");
  widen.textContent = label();
  el.append(h("div", { class: "panel-tools" }, widen));
  const picks = h(
    "div",
    { class: "picks" },
    h("p", { class: "muted small" }, "Chọn văn bản để đặt mục đang viết bên cạnh mục tương ứng của tỉnh khác:"),
  );
  for (const g of docs) {
    picks.append(h("p", { class: "pick-group small", "data-group": g.key ?? "" }, g.name));
    for (const d of g.documents) {
      const c = h("input", { type: "checkbox", "data-doc": d.id, checked: chosen.has(d.id) });
      c.addEventListener("change", () => {
        c.checked ? chosen.add(d.id) : chosen.delete(d.id);
        refreshPanel();
      });
      picks.append(h("label", { class: "check", title: d.name }, c, ` ${d.name}`));
    }
  }
  el.append(picks);
  if (!s.path) {
    el.append(h("p", { class: "empty" }, "Đặt con trỏ vào một mục của dự thảo."));
    return;
  }
  if (chosen.size === 0) return;
  const res = await api.compareSection(s.doc, s.path, [...chosen]);
  if (!latest()) return;
  for (const c of res) {
    el.append(h("h4", {}, `${c.name}: ${c.heading ?? "không có mục tương ứng"}`));
    if (c.diff)
      el.append(
        h("div", { class: "diff-legend small muted" }, "Trái: văn bản của tỉnh · Phải: dự thảo"),
        sectionDiffView(c.diff),
      );
  }
}

async function versions(el: HTMLElement, latest: () => boolean): Promise<void> {
  const editor = link;
  const id = editor?.draftId() ?? null;
  if (!editor || id === null) return;
  const list = await api.versions(id);
  if (!latest()) return;
  clear(el);
  const name = h("input", {
    type: "text",
    id: "version-name",
    value: `Dự thảo lần ${list.length + 1}`,
    "aria-label": "Tên phiên bản",
  });
  const save = h("button", { class: "primary", id: "save-version" }, "Lưu phiên bản");
  save.addEventListener("click", async () => {
    await editor.flush();
    try {
      await api.saveVersion(id, name.value);
      toast(`Đã lưu phiên bản «${name.value}».`, "ok");
      refreshPanel();
    } catch (err) {
      toast(errorOf(err).message, "error");
    }
  });
  el.append(h("div", { class: "version-save" }, name, save));
  if (list.length === 0)
    el.append(h("p", { class: "empty" }, "Chưa có phiên bản nào. Lưu một phiên bản trước mỗi lần trình duyệt."));
  const ul = h("ul", { class: "plain versions", id: "version-list" });
  for (const v of [...list].reverse()) ul.append(versionRow(v, editor));
  el.append(ul);
  const opt = (sel: number | null) => [
    h("option", { value: "", selected: sel === null }, "Bản hiện tại"),
    ...list.map((v) => h("option", { value: v.id, selected: v.id === sel }, v.name)),
  ];
  const a = h("select", { id: "cmp-a", "aria-label": "Bản cũ" }, ...opt(list.length ? list[list.length - 1].id : null));
  const b = h("select", { id: "cmp-b", "aria-label": "Bản mới" }, ...opt(null));
  const val = (s: HTMLSelectElement) => (s.value === "" ? null : Number(s.value));
  const label = (s: HTMLSelectElement) => s.options[s.selectedIndex].text;
  const run = h("button", { id: "cmp-run" }, "So sánh");
  run.addEventListener("click", async () => {
    await editor.flush();
    try {
      const c = await api.compareVersions(id, val(a), val(b));
      const r = await modal(
        `So sánh «${label(a)}» với «${label(b)}»`,
        comparisonView(c, label(a), label(b)),
        [
          { label: "Xuất bản so sánh (.docx, theo dõi thay đổi)", value: "redline" },
          { label: "Đóng", value: "close", primary: true },
        ],
        true,
      );
      if (r === "redline") {
        const s = await api.settings();
        const path = await pickSavePath(`${s.export_dir ?? ""}${s.export_dir ? "/" : ""}so-sanh.docx`);
        if (path) {
          await api.exportRedline(id, val(a), val(b), path);
          toast(`Đã lưu ${path}`, "ok");
        }
      }
    } catch (err) {
      toast(errorOf(err).message, "error");
    }
  });
  if (list.length)
    el.append(h("div", { class: "compare-pick" }, h("strong", {}, "So sánh hai bản"), a, h("span", {}, "với"), b, run));
}

function versionRow(v: VersionEntry, editor: EditorLink): HTMLElement {
  return h(
    "li",
    { "data-version": v.id },
    h("strong", {}, v.name),
    h("span", { class: "muted small" }, ` ${when(v.created_at)}${v.author ? ` · ${v.author}` : ""}`),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          class: "small",
          onclick: async () => {
            const r = await api.getVersion(v.id);
            await modal(
              `${v.name} (chỉ đọc)`,
              documentView(r.doc),
              [{ label: "Đóng", value: "x", primary: true }],
              true,
            );
          },
        },
        "Xem",
      ),
      h(
        "button",
        {
          class: "small",
          onclick: async () => {
            const ok = await modal(
              "Khôi phục phiên bản",
              h(
                "p",
                {},
                `Dự thảo sẽ trở về «${v.name}». Nội dung hiện tại được giữ lại thành phiên bản «Trước khi khôi phục».`,
              ),
              [
                { label: "Khôi phục", value: "yes", primary: true },
                { label: "Hủy", value: "no" },
              ],
            );
            if (ok !== "yes") return;
            await editor.flush();
            try {
              await api.restoreVersion(v.id);
              await editor.reloadDraft();
              toast(`Đã khôi phục «${v.name}».`, "ok");
              refreshPanel();
            } catch (err) {
              toast(errorOf(err).message, "error");
            }
          },
        },
        "Khôi phục",
      ),
    ),
  );
}
