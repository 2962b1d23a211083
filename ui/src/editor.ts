// The editor: the outline (numbering from the structure, drag or keys to reorder and
// indent, the parent section each implements) beside the document as structured
// editable blocks; header, recipients and signature as forms; footnotes; undo/redo;
// find and replace; autosave within two seconds, never a "did you save?" question.
// This module opens and closes it and links it to the side panels; the parts are
// draft.ts (state, history, saving), render.ts, readback.ts, structure.ts,
// history.ts, find.ts, footnotes.ts and keys.ts.
import { api, errorOf } from "./api.js";
import type { DocKind } from "./bindings.js";
import { clear, h, markPainted, toast, when } from "./dom.js";
import { Draft, SaveState } from "./draft.js";
import { findBar, openFind } from "./find.js";
import { insertFootnote } from "./footnotes.js";
import { redo, undo } from "./history.js";
import { onKey as keyDown } from "./keys.js";
import { implementsOf, pathOf } from "./model.js";
import type { EditorLink, LiveState } from "./link.js";
import { mountPanels } from "./panels.js";
import { syncFromPage } from "./readback.js";
import { Ed, markCurrent, renderAll, sectionElement } from "./render.js";
import { anchorElement, paragraphAtCursor, sectionIndexOf } from "./selection.js";
import { addSection, relabel, removeSection, structural, wireOutline } from "./structure.js";

let ed: Ed | null = null;

function indicator(text: string, cls = ""): void {
  const el = document.getElementById("save-state");
  if (el) {
    el.textContent = text;
    el.className = cls;
  }
}

function showSaveState(s: SaveState): void {
  if (s.state === "dirty") indicator("Chưa lưu…", "dirty");
  else if (s.state === "saving") indicator("Đang lưu…", "saving");
  else if (s.state === "saved") indicator(`Đã lưu lúc ${when(s.at)}`, "saved");
  else {
    indicator(s.retry ? "Chưa lưu được — sẽ thử lại" : "Không lưu nữa — hãy mở lại dự thảo", "error");
    toast(`Không lưu được: ${errorOf(s.error).message}`, "error");
  }
}

export async function showEditor(el: HTMLElement, id: number): Promise<void> {
  const view = await api.getDraft(id);
  clear(el);
  document.execCommand("defaultParagraphSeparator", false, "p");
  const outline = h("nav", { class: "outline", id: "outline", "aria-label": "Dàn ý" });
  const page = h("article", { class: "page", id: "page", spellcheck: "false", lang: "vi" });
  const side = h("aside", { class: "side", id: "side" });
  const draft = new Draft(id, view.entry, view.doc, {
    readBack: (doc) => syncFromPage(page, doc),
    save: (draftId, doc, revision) => api.saveDraft(draftId, doc, revision),
    status: showSaveState,
  });
  const e: Ed = { draft, page, outline };
  ed = e;
  el.append(
    h(
      "div",
      { class: "editor" },
      h("div", { class: "outline-col" }, outlineTools(e), outline),
      h("div", { class: "page-col" }, toolbar(e), findBar(e), h("div", { class: "page-scroll" }, page)),
      side,
    ),
  );
  renderAll(e);
  wireOutline(e);
  mountPanels(side, panelLink(e));
  indicator(`Đã lưu lúc ${when(view.entry.updated_at)}`, "saved");
  page.addEventListener("input", onInput);
  // An input method's last input event comes while it is still composing: the text it
  // committed counts as a change when the composition ends.
  page.addEventListener("compositionend", () => {
    draft.snapshot();
    draft.changed(true);
  });
  page.addEventListener("beforeinput", (ev) => {
    const t = (ev as InputEvent).inputType;
    if (t === "historyUndo" || t === "historyRedo") {
      ev.preventDefault();
      t === "historyUndo" ? undo(e) : redo(e);
    }
  });
  document.addEventListener("selectionchange", onSelection);
  document.addEventListener("keydown", onKey);
  window.addEventListener("beforeunload", flushSync);
  page.querySelector<HTMLElement>(".sec .sec-body")?.focus();
  markPainted("banthao:editor");
}

export async function leaveEditor(): Promise<void> {
  if (!ed) return;
  document.removeEventListener("selectionchange", onSelection);
  document.removeEventListener("keydown", onKey);
  window.removeEventListener("beforeunload", flushSync);
  await ed.draft.close();
  ed = null;
}

function onKey(e: KeyboardEvent): void {
  if (ed) keyDown(ed, e);
}

function flushSync(): void {
  void ed?.draft.flush();
}

function onInput(e: Event): void {
  if (!ed) return;
  if ((e as InputEvent).isComposing) return; // the input method is still composing
  const t = e.target as HTMLElement;
  if (t.closest("[contenteditable]")) {
    ed.draft.snapshot();
    ed.draft.changed(true);
  }
}

/** The cursor moved: the section it is in becomes the current one. */
function onSelection(): void {
  if (!ed) return;
  const el = anchorElement();
  if (!el || !ed.page.contains(el)) return;
  const idx = sectionIndexOf(el);
  const cur = ed.draft.current;
  if (idx && (!cur || idx.join(".") !== cur.join("."))) markCurrent(ed, idx);
}

function outlineTools(e: Ed): HTMLElement {
  const b = (id: string, label: string, title: string, f: () => void) =>
    h("button", { id, class: "icon", title, "aria-label": title, onclick: f }, label);
  return h(
    "div",
    { class: "outline-tools" },
    h("strong", {}, "Dàn ý"),
    b("move-up", "↑", "Chuyển mục lên (Alt+↑)", () => structural(e, "up")),
    b("move-down", "↓", "Chuyển mục xuống (Alt+↓)", () => structural(e, "down")),
    b("outdent", "←", "Nâng cấp mục (Alt+←)", () => structural(e, "outdent")),
    b("indent", "→", "Hạ cấp mục (Alt+→)", () => structural(e, "indent")),
    b("add-section", "+", "Thêm mục sau mục đang chọn", () => addSection(e)),
    b("remove-section", "−", "Xóa mục đang chọn", () => removeSection(e)),
  );
}

function toolbar(e: Ed): HTMLElement {
  const d = e.draft;
  const cmd = (c: string) => () => {
    document.execCommand(c);
  };
  const b = (id: string, label: string, title: string, f: () => void) =>
    h("button", { id, title, "aria-label": title, onmousedown: (ev: Event) => ev.preventDefault(), onclick: f }, label);
  const profile = h(
    "select",
    { id: "profile", "aria-label": "Thể thức" },
    h("option", { value: "party", selected: d.entry.profile === "party" }, "Thể thức văn bản của Đảng"),
    h("option", { value: "state", selected: d.entry.profile === "state" }, "Thể thức văn bản hành chính"),
  );
  profile.addEventListener("change", async () => {
    const kind: DocKind = profile.value === "state" ? "state" : "party";
    d.entry.profile = kind;
    try {
      await api.setDraftProfile(d.id, kind);
    } catch (err) {
      toast(`Không lưu được thể thức: ${errorOf(err).message}`, "error");
    }
    if (ed === e) relabel(e);
  });
  return h(
    "div",
    { class: "toolbar", role: "toolbar" },
    b("bold", "B", "Chữ đậm (Ctrl+B)", cmd("bold")),
    b("italic", "I", "Chữ nghiêng (Ctrl+I)", cmd("italic")),
    b("footnote", "Chú thích", "Chèn chú thích tại con trỏ (Ctrl+Alt+F)", () => insertFootnote(e)),
    h("span", { class: "sep" }),
    b("undo", "↶", "Hoàn tác (Ctrl+Z)", () => undo(e)),
    b("redo", "↷", "Làm lại (Ctrl+Y)", () => redo(e)),
    b("find", "Tìm, thay", "Tìm và thay thế (Ctrl+H)", openFind),
    h("span", { class: "sep" }),
    profile,
    h("span", { class: "grow" }),
    d.doc.parent &&
      h(
        "a",
        {
          class: "button",
          id: "go-map",
          href: `#/ban-do/${encodeURIComponent(d.doc.parent.id)}`,
          title:
            "Bản đồ triển khai: các mục của văn bản cấp trên đối chiếu với các văn bản đã triển khai trong thư viện",
        },
        "Bản đồ",
      ),
    h("a", { class: "button", id: "go-review", href: `#/gop-y/${d.id}` }, "Góp ý…"),
    h("a", { class: "button primary", id: "go-export", href: `#/xuat/${d.id}` }, "Xuất Word…"),
  );
}

// ---------- for the side panels ----------

function panelLink(e: Ed): EditorLink {
  const open = () => (ed === e ? e : null);
  return {
    syncFromPage: () => {
      if (open()) syncFromPage(e.page, e.draft.doc);
    },
    liveState: () => (open() ? liveState(e) : null),
    insertParagraph: (text) => {
      if (open()) insertParagraph(e, text);
    },
    applyDoc: (doc) => {
      if (!open()) return;
      e.draft.edit(doc);
      renderAll(e);
      e.draft.changed();
    },
    reveal: (path, paragraph, start, excerpt) => {
      if (open()) reveal(e, path, paragraph, start, excerpt);
    },
    profile: () => e.draft.entry.profile,
    flush: () => e.draft.flush(),
    reloadDraft: async () => {
      if (open()) await reloadDraft(e);
    },
    draftId: () => (open() ? e.draft.id : null),
    onSectionChange: (f) => e.draft.onSectionChange(f),
  };
}

/** The document as last read back, and the section under the cursor (reads nothing back). */
function liveState(e: Ed): LiveState {
  const d = e.draft;
  const p = paragraphAtCursor(e.page);
  const typed = p ? (p.textContent ?? "").trim().split(/\s+/).slice(-3).join(" ") : "";
  const idx = d.current;
  return {
    doc: d.doc,
    path: idx ? pathOf(d.doc, idx) : null,
    parentSection: idx ? implementsOf(d.doc, idx) : null,
    typed,
  };
}

/** Inserts a paragraph after the one under the cursor (or at the end of the section). */
function insertParagraph(e: Ed, text: string): void {
  const d = e.draft;
  if (!d.current) {
    toast("Hãy đặt con trỏ vào mục cần chèn.", "info");
    return;
  }
  const body = sectionElement(e, d.current)?.querySelector(":scope > .sec-body");
  if (!body) return;
  d.snapshot(true);
  const at = paragraphAtCursor(body);
  const p = h("p", {}, text);
  if (at) at.after(p);
  else body.append(p);
  // An empty placeholder paragraph gives way.
  body.querySelectorAll("p").forEach((x) => {
    if (x !== p && !(x.textContent ?? "").trim() && !x.querySelector("sup")) x.remove();
  });
  d.changed(true);
}

/** The element holding a finding's text: a section's title or paragraph, a paragraph of
 *  the preamble or the closing, or the header form's field. */
function textElement(e: Ed, path: string, paragraph: number | null): HTMLElement | null {
  const fields: Record<string, string> = { header: paragraph === 1 ? "#f-date" : "#f-number", title: "#f-summary" };
  fields.recipients = "#f-recipients";
  if (fields[path]) return e.page.querySelector<HTMLElement>(fields[path]);
  const block =
    path === "preamble" || path === "closing"
      ? e.page.querySelector<HTMLElement>(`[data-role="${path}"]`)
      : e.page.querySelector<HTMLElement>(`section.sec[data-path="${CSS.escape(path)}"]`);
  if (!block) return null;
  if (paragraph === null) return block.querySelector<HTMLElement>(":scope > .title");
  const body = block.matches("section") ? block.querySelector(":scope > .sec-body") : block;
  return (body?.querySelectorAll<HTMLElement>(":scope > p")[paragraph] as HTMLElement | undefined) ?? null;
}

/** Scrolls to a finding's excerpt in its text and selects it (the whole field for the
 *  header form's inputs). The page's text may differ from the model's by white space
 *  (a leading no-break space the reading back trims), so the excerpt is looked for,
 *  nearest to its offset. */
function reveal(e: Ed, path: string, paragraph: number | null, start: number, excerpt: string): void {
  const el = textElement(e, path, paragraph);
  if (!el) {
    toast("Không tìm thấy đoạn này nữa; hãy kiểm tra lại.", "info");
    return;
  }
  el.scrollIntoView({ block: "center" });
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    return;
  }
  // The text nodes, footnote marks (<sup>) left out.
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest("sup") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const full = nodes.map((n) => n.data).join("");
  let best = -1;
  for (let i = full.indexOf(excerpt); i >= 0 && excerpt; i = full.indexOf(excerpt, i + 1)) {
    const chars = [...full.slice(0, i)].length;
    if (best < 0 || Math.abs(chars - start) < Math.abs([...full.slice(0, best)].length - start)) best = i;
  }
  const range = document.createRange();
  if (best < 0) range.selectNodeContents(el);
  else {
    // Code-unit offsets in the joined text back to (node, offset).
    const at = (k: number, end: boolean): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (k < seen + n.length || (end && k === seen + n.length)) return [n, k - seen];
        seen += n.length;
      }
      const last = nodes[nodes.length - 1];
      return [last, last.length];
    };
    range.setStart(...at(best, false));
    range.setEnd(...at(best + excerpt.length, true));
  }
  const sel = document.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  el.classList.add("flash");
  window.setTimeout(() => el.classList.remove("flash"), 1200);
}

/** The draft read again from the store (after restoring a version). */
async function reloadDraft(e: Ed): Promise<void> {
  const v = await api.getDraft(e.draft.id);
  e.draft.replace(v.doc, v.entry);
  renderAll(e);
}
