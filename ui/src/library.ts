// The library: drafts, the parents (built-in resolutions and imported central documents
// and programmes) with their coverage maps, imported documents grouped by the parent
// they implement; search without diacritics, import by dialog or drag and drop with
// progress, delete with undo.
import { api, errorOf, listen, pickFiles } from "./api.js";
import type { Catalogue, CorpusEntry, DraftEntry, ImportOutcome, ListedDocument, ParentOption } from "./bindings.js";
import { clear, docTypeLabel, h, markPainted, modal, toast, when } from "./dom.js";
import { documentView } from "./docview.js";

let root: HTMLElement | null = null;
let query = "";
/** Parents and groups; reloaded after an import or a deletion (search does not change it). */
let catalogue: Catalogue | null = null;
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
        "div",
        { class: "stack" },
        h(
          "section",
          { class: "card" },
          h("h2", {}, "Văn bản cấp trên"),
          h(
            "p",
            { class: "muted small" },
            "Nghị quyết, văn bản của Trung ương và chương trình được triển khai; «Bản đồ triển khai» cho biết mỗi mục đã được các văn bản triển khai đến đâu.",
          ),
          h("div", { id: "parent-list" }),
        ),
        h(
          "section",
          { class: "card" },
          h("h2", {}, "Văn bản đã nhập"),
          h(
            "p",
            { class: "muted small" },
            "Văn bản của các tỉnh, thành dùng để so sánh và gợi ý câu chữ, xếp theo văn bản cấp trên mà chúng triển khai.",
          ),
          h("div", { id: "document-list" }),
        ),
      ),
    ),
  );
  catalogue = null;
  await refresh();
  markPainted("banthao:library");
}

async function refresh(): Promise<void> {
  if (!root) return;
  const lib = await api.library(query);
  let cat = catalogue;
  const known = new Set(cat?.groups.flatMap((g) => g.documents.map((d) => d.id)) ?? []);
  if (!cat || lib.documents.some((d) => !known.has(d.id))) cat = catalogue = await api.catalogue();
  const drafts = root.querySelector("#draft-list"),
    docs = root.querySelector("#document-list"),
    parents = root.querySelector("#parent-list");
  if (!drafts || !docs || !parents) return;
  clear(drafts);
  clear(docs);
  clear(parents);
  const hidden = (p: ParentOption) => p.id.startsWith("doc:") && pending.has(`c${p.id.slice(4)}`);
  const shown = cat.parents.filter((p) => p.kind !== "provincial" && !hidden(p));
  for (const p of shown) parents.append(parentRow(p));
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
  const byId = new Map(cs.map((d) => [d.id, d]));
  for (const g of cat.groups) {
    const members = g.documents.filter((d) => byId.has(d.id));
    if (members.length === 0) continue;
    docs.append(
      h(
        "div",
        { class: "group-head", "data-group": g.key ?? "" },
        h("h3", {}, g.name),
        h("span", { class: "muted small" }, `${members.length} văn bản`),
        g.parent && mapLink(g.parent, "Bản đồ triển khai"),
      ),
    );
    for (const d of members) docs.append(documentRow(byId.get(d.id)!, d));
  }
}

function mapLink(parent: string, label: string): HTMLElement {
  return h(
    "a",
    {
      class: "button small",
      href: `#/ban-do/${encodeURIComponent(parent)}`,
      "data-map": parent,
      title: "Các mục của văn bản cấp trên đối chiếu với các văn bản triển khai",
    },
    label,
  );
}

function parentRow(p: ParentOption): HTMLElement {
  const doc = p.id.startsWith("doc:") ? Number(p.id.slice(4)) : null;
  const kind = {
    builtin: "Có sẵn",
    central: "Văn bản Trung ương",
    implemented: "Chương trình, kế hoạch",
    provincial: "",
  }[p.kind];
  const main =
    doc === null
      ? h("div", { class: "row-main" }, h("strong", { class: "row-title" }, p.title))
      : h(
          "button",
          { class: "row-main link", onclick: () => view(doc, p.title) },
          h("strong", { class: "row-title" }, p.title),
        );
  main.append(
    h(
      "span",
      { class: "muted small" },
      `${kind} · ${p.implemented_by ? `${p.implemented_by} văn bản triển khai` : "chưa có văn bản triển khai"}`,
    ),
  );
  return h("div", { class: "row", "data-parent": p.id }, main, mapLink(p.id, "Bản đồ triển khai"));
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

/** A document: a central one by its name (number, date, body), with its subject
 *  below; a provincial one by type and subject, with province and year below. */
function documentRow(d: CorpusEntry, l: ListedDocument): HTMLElement {
  const title = [docTypeLabel(d.doc_type), d.summary ?? ""].join(" ").trim();
  const sub = l.central ? [d.summary, d.file_name] : [d.province ?? "—", d.year ?? "—", d.file_name];
  return h(
    "div",
    { class: "row", "data-document": d.id },
    h(
      "button",
      { class: "row-main link", onclick: () => view(d.id, d.file_name) },
      h("strong", { class: "row-title" }, l.central ? l.name : title || d.file_name),
      h("span", { class: "muted small" }, sub.filter(Boolean).join(" · ")),
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

async function view(id: number, name: string): Promise<void> {
  try {
    const doc = await api.openDocument(id);
    await modal(name, documentView(doc), [{ label: "Đóng", value: "close", primary: true }], true);
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
    catalogue = null;
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
  // Stops before the next file: those already imported stay in the library.
  const halt = h("button", { class: "small", id: "stop-import", type: "button" }, "Dừng nhập");
  halt.addEventListener("click", () => {
    halt.disabled = true;
    halt.textContent = "Đang dừng…";
    api.stopImport().catch((e) => toast(errorOf(e).message, "error"));
  });
  if (box) {
    clear(box);
    box.append(h("div", { class: "card import" }, label, bar, paths.length > 1 ? halt : null));
  }
  const stop = await listen("import-progress", (p: { done: number; total: number; file: string }) => {
    bar.value = p.done;
    label.textContent = p.done < p.total ? `Đang nhập ${p.done + 1}/${p.total}: ${p.file}` : `Đã xử lý ${p.total} tệp.`;
  });
  try {
    const results = await api.importFiles(paths);
    // Stopped part way: the files after the last one read were not imported.
    const left = paths.length - results.length;
    if (box) {
      clear(box);
      box.append(
        h(
          "div",
          { class: "card import" },
          h("strong", {}, `Kết quả nhập ${paths.length} tệp`),
          h(
            "ul",
            { class: "plain", id: "import-results" },
            ...results.map((r) =>
              h("li", { class: r.ok ? "ok" : "error" }, h("span", { class: "file" }, r.file), " — ", r.message),
            ),
            left > 0 && h("li", { class: "muted", id: "import-stopped" }, `Đã dừng: ${left} tệp sau chưa được nhập.`),
          ),
          h("button", { class: "link", onclick: () => clear(box) }, "Ẩn"),
        ),
      );
    }
    const failed = results.filter((r) => !r.ok).length;
    if (left > 0) toast(`Đã dừng nhập: xong ${results.length}/${paths.length} tệp, ${left} tệp chưa nhập.`, "ok");
    else
      toast(
        failed
          ? `${failed}/${results.length} tệp không nhập được; thư viện giữ nguyên phần còn lại.`
          : `Đã nhập ${results.length} tệp.`,
        failed ? "error" : "ok",
      );
    catalogue = null;
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
