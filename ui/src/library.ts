// The library: drafts and imported documents, search without diacritics, import by
// dialog or drag and drop with progress, delete with undo.
import { api, errorOf, listen, pickFiles } from "./api.js";
import type { CorpusEntry, DraftEntry, ImportOutcome } from "./bindings.js";
import { clear, docTypeLabel, h, markPainted, modal, toast, when } from "./dom.js";
import { documentView } from "./docview.js";

let root: HTMLElement | null = null;
let query = "";
/** Items hidden while their deletion can still be undone. */
const pending = new Set<string>();

export async function showLibrary(el: HTMLElement): Promise<void> {
  root = el;
  clear(el);
  const search = h("input", {
    type: "search",
    id: "library-search",
    placeholder: "Tìm theo tên, tỉnh hoặc nội dung (gõ có dấu hoặc không dấu)",
    value: query,
    "aria-label": "Tìm kiếm",
  });
  search.addEventListener("input", () => {
    query = search.value;
    refresh();
  });
  el.append(
    h(
      "div",
      { class: "library-head" },
      h("h1", {}, "Thư viện"),
      search,
      h("a", { class: "button primary", href: "#/moi", id: "new-draft" }, "Dự thảo mới"),
      h("button", { id: "import-button", onclick: () => importPicked() }, "Nhập văn bản…"),
    ),
    h("div", { id: "import-status" }),
    h(
      "div",
      { class: "library-cols" },
      h("section", { class: "card" }, h("h2", {}, "Dự thảo"), h("div", { id: "draft-list" })),
      h(
        "section",
        { class: "card" },
        h("h2", {}, "Văn bản đã nhập"),
        h("p", { class: "muted small" }, "Văn bản của các tỉnh, thành dùng để so sánh và gợi ý câu chữ."),
        h("div", { id: "document-list" }),
      ),
    ),
  );
  await refresh();
  markPainted("banthao:library");
}

async function refresh(): Promise<void> {
  if (!root) return;
  const lib = await api.library(query);
  const drafts = root.querySelector("#draft-list"),
    docs = root.querySelector("#document-list");
  if (!drafts || !docs) return;
  clear(drafts);
  clear(docs);
  const ds = lib.drafts.filter((d) => !pending.has(`d${d.id}`));
  const cs = lib.documents.filter((d) => !pending.has(`c${d.id}`));
  if (ds.length === 0)
    drafts.append(
      h(
        "p",
        { class: "empty" },
        query ? "Không có dự thảo nào khớp." : "Chưa có dự thảo. Bấm «Dự thảo mới» để bắt đầu từ nghị quyết.",
      ),
    );
  for (const d of ds) drafts.append(draftRow(d));
  if (cs.length === 0)
    docs.append(
      h(
        "p",
        { class: "empty" },
        query ? "Không có văn bản nào khớp." : "Chưa có văn bản. Bấm «Nhập văn bản…» hoặc kéo thả tệp vào cửa sổ.",
      ),
    );
  for (const d of cs) docs.append(documentRow(d));
}

function draftRow(d: DraftEntry): HTMLElement {
  return h(
    "div",
    { class: "row", "data-draft": d.id },
    h(
      "a",
      { class: "row-main", href: `#/du-thao/${d.id}` },
      h("strong", { class: "row-title" }, d.title),
      h(
        "span",
        { class: "muted small" },
        `${d.province ?? "—"} · sửa lúc ${when(d.updated_at)} · ${d.versions} phiên bản`,
      ),
    ),
    h(
      "button",
      {
        class: "icon",
        title: "Xóa dự thảo",
        "aria-label": "Xóa dự thảo",
        onclick: () => remove(`d${d.id}`, d.title, () => api.deleteDraft(d.id)),
      },
      "Xóa",
    ),
  );
}

function documentRow(d: CorpusEntry): HTMLElement {
  const title = [docTypeLabel(d.doc_type), d.summary ?? ""].join(" ").trim();
  return h(
    "div",
    { class: "row", "data-document": d.id },
    h(
      "button",
      { class: "row-main link", onclick: () => view(d) },
      h("strong", { class: "row-title" }, title || d.file_name),
      h(
        "span",
        { class: "muted small" },
        [d.province ?? "—", d.year ?? "—", d.parent ? `thực hiện ${d.parent}` : null, d.file_name]
          .filter(Boolean)
          .join(" · "),
      ),
    ),
    h(
      "button",
      {
        class: "icon",
        title: "Xóa khỏi thư viện",
        "aria-label": "Xóa khỏi thư viện",
        onclick: () => remove(`c${d.id}`, d.file_name, () => api.deleteDocument(d.id)),
      },
      "Xóa",
    ),
  );
}

async function view(d: CorpusEntry): Promise<void> {
  try {
    const doc = await api.openDocument(d.id);
    await modal(d.file_name, documentView(doc), [{ label: "Đóng", value: "close", primary: true }], true);
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}

/** Hides the item at once; deletes it when the undo offer runs out. */
function remove(key: string, name: string, del: () => Promise<void>): void {
  pending.add(key);
  refresh();
  let undone = false;
  toast(
    `Đã xóa «${name}».`,
    "info",
    {
      label: "Hoàn tác",
      run: () => {
        undone = true;
        pending.delete(key);
        refresh();
      },
    },
    7000,
  );
  setTimeout(async () => {
    if (undone) return;
    try {
      await del();
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
    pending.delete(key);
    refresh();
  }, 7200);
}

async function importPicked(): Promise<void> {
  try {
    const paths = await pickFiles();
    if (paths.length) await importPaths(paths);
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}

export async function importPaths(paths: string[]): Promise<ImportOutcome[]> {
  const box = document.getElementById("import-status");
  const bar = h("progress", { max: paths.length, value: 0, id: "import-progress" });
  const label = h("span", {}, `Đang nhập 0/${paths.length}…`);
  if (box) {
    clear(box);
    box.append(h("div", { class: "card import" }, label, bar));
  }
  const stop = await listen("import-progress", (p: { done: number; total: number; file: string }) => {
    bar.value = p.done;
    label.textContent = p.done < p.total ? `Đang nhập ${p.done + 1}/${p.total}: ${p.file}` : `Đã xử lý ${p.total} tệp.`;
  });
  try {
    const results = await api.importFiles(paths);
    if (box) {
      clear(box);
      box.append(
        h(
          "div",
          { class: "card import" },
          h("strong", {}, `Kết quả nhập ${results.length} tệp`),
          h(
            "ul",
            { class: "plain", id: "import-results" },
            ...results.map((r) =>
              h("li", { class: r.ok ? "ok" : "error" }, h("span", { class: "file" }, r.file), " — ", r.message),
            ),
          ),
          h("button", { class: "link", onclick: () => clear(box) }, "Ẩn"),
        ),
      );
    }
    const failed = results.filter((r) => !r.ok).length;
    toast(
      failed
        ? `${failed}/${results.length} tệp không nhập được; thư viện giữ nguyên phần còn lại.`
        : `Đã nhập ${results.length} tệp.`,
      failed ? "error" : "ok",
    );
    await refresh();
    return results;
  } finally {
    stop();
  }
}

/** Files dropped where no screen takes them: imported into the library, shown. */
export async function dropIntoLibrary(paths: string[]): Promise<void> {
  if (location.hash !== "#/" && location.hash !== "") location.hash = "#/";
  await new Promise((r) => setTimeout(r, 50));
  importPaths(paths);
}
