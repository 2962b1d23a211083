// The editor: the outline (numbering from the structure, drag or keys to reorder and
// indent, the parent section each implements) beside the document as structured
// editable blocks; header, recipients and signature as forms; footnotes; undo/redo;
// find and replace; autosave within two seconds, never a "did you save?" question.
import { api, errorOf } from "./api.js";
import type { Document, DraftEntry, Footnote, Section } from "./bindings.js";
import { clear, h, markPainted, measure, toast, when } from "./dom.js";
import { Idx, implementsOf, listOf, move, moveTo, pathOf, readInline, renderInline, sectionAt, walk } from "./model.js";
import { mountPanels, panelsSectionChanged } from "./panels.js";

interface Ed {
  id: number;
  entry: DraftEntry;
  doc: Document;
  page: HTMLElement;
  outline: HTMLElement;
  current: Idx | null;
  undo: string[];
  redo: string[];
  lastSnap: number;
  dirtySince: number | null;
  timer: number | null;
  saving: Promise<void> | null;
}
let ed: Ed | null = null;

const SAVE_PAUSE = 700;   // ms after the last keystroke
const SAVE_MAX = 1500;    // ms at most between a change and its save

export function currentDraft(): Ed | null { return ed; }

function indicator(text: string, cls = ""): void {
  const el = document.getElementById("save-state");
  if (el) { el.textContent = text; el.className = cls; }
}

export async function showEditor(el: HTMLElement, id: number): Promise<void> {
  const view = await api.getDraft(id);
  clear(el);
  document.execCommand("defaultParagraphSeparator", false, "p");
  const outline = h("nav", { class: "outline", id: "outline", "aria-label": "Dàn ý" });
  const page = h("article", { class: "page", id: "page", spellcheck: "false", lang: "vi" });
  const side = h("aside", { class: "side", id: "side" });
  ed = { id, entry: view.entry, doc: view.doc, page, outline, current: null, undo: [], redo: [], lastSnap: 0, dirtySince: null, timer: null, saving: null };
  el.append(h("div", { class: "editor" },
    h("div", { class: "outline-col" }, outlineTools(), outline),
    h("div", { class: "page-col" }, toolbar(), findBar(), h("div", { class: "page-scroll" }, page)),
    side));
  renderAll();
  mountPanels(side);
  indicator(`Đã lưu lúc ${when(view.entry.updated_at)}`, "saved");
  page.addEventListener("input", onInput);
  // An input method's last input event comes while it is still composing: the text it
  // committed counts as a change when the composition ends.
  page.addEventListener("compositionend", () => { snapshot(); changed(true); });
  page.addEventListener("beforeinput", (e) => {
    const t = (e as InputEvent).inputType;
    if (t === "historyUndo" || t === "historyRedo") { e.preventDefault(); t === "historyUndo" ? undo() : redo(); }
  });
  document.addEventListener("selectionchange", onSelection);
  document.addEventListener("keydown", onKey);
  window.addEventListener("beforeunload", flushSync);
  focusFirst();
  markPainted("banthao:editor");
}

export async function leaveEditor(): Promise<void> {
  if (!ed) return;
  document.removeEventListener("selectionchange", onSelection);
  document.removeEventListener("keydown", onKey);
  window.removeEventListener("beforeunload", flushSync);
  await flush();
  ed = null;
}

function focusFirst(): void {
  const first = ed?.page.querySelector(".sec .sec-body") as HTMLElement | null;
  first?.focus();
}

// ---------- rendering ----------

function notesFor(path: string, paragraph: number | null): { id: string; offset: number; n: number }[] {
  if (!ed) return [];
  return ed.doc.footnotes.map((f, k) => ({ f, n: k + 1 }))
    .filter(({ f }) => f.anchor?.part === "section" && f.anchor.section === path && (f.anchor.paragraph ?? null) === paragraph)
    .map(({ f, n }) => ({ id: f.id, offset: f.anchor!.offset, n }));
}

function renderAll(): void {
  if (!ed) return;
  const d = ed.doc;
  const page = ed.page;
  clear(page);
  page.append(headerForm(d));
  page.append(h("div", { class: "block-label" }, "Căn cứ, mở đầu"),
    editableBlock("preamble", d.preamble.length ? d.preamble : [""], "Các đoạn căn cứ, mở đầu…"));
  const body = h("div", { class: "sections", id: "sections" });
  // Every section's path in one walk (looking each one up walked the whole tree again).
  const paths = new Map<string, string>();
  walk(d, (_s, i, p) => paths.set(i.join("."), p));
  const go = (secs: Section[], parent: Idx, container: HTMLElement) => {
    secs.forEach((s, i) => {
      const idx = [...parent, i];
      const path = paths.get(idx.join("."))!;
      const secEl = h("section", { class: `sec depth${Math.min(idx.length, 4)}`, "data-idx": idx.join("."), "data-path": path });
      const title = h("span", { class: "title", contenteditable: "true", "data-role": "title", "aria-label": "Tên mục" });
      title.append(...renderInline(s.title, (s.emphasis ?? []).filter((e) => e.paragraph === null), notesFor(path, null)));
      secEl.append(h("div", { class: "sec-head" },
        h("span", { class: "label" }, s.label),
        title,
        s.implements ? h("span", { class: "implements", title: "Mục của văn bản cấp trên mà mục này triển khai" }, `↳ ${s.implements}`) : null));
      const bodyEl = h("div", { class: "sec-body", contenteditable: "true", "data-role": "body", "aria-label": `Nội dung mục ${s.label}` });
      const paras = s.paragraphs.length ? s.paragraphs : [""];
      paras.forEach((p, k) => {
        const pe = h("p", {});
        pe.append(...renderInline(p, (s.emphasis ?? []).filter((e) => e.paragraph === k), notesFor(path, k)));
        if (!p) pe.append(h("br", {}));
        bodyEl.append(pe);
      });
      secEl.append(bodyEl);
      const kids = h("div", { class: "children" });
      secEl.append(kids);
      container.append(secEl);
      go(s.children, idx, kids);
    });
  };
  go(d.sections, [], body);
  page.append(body);
  page.append(h("div", { class: "block-label" }, "Đoạn kết"), editableBlock("closing", [d.closing ?? ""], "Trên đây là …"));
  page.append(tailForm(d));
  page.append(footnoteList(d));
  renderOutline();
}

function editableBlock(role: string, paras: string[], placeholder: string): HTMLElement {
  const el = h("div", { class: "free-block", contenteditable: "true", "data-role": role, "data-placeholder": placeholder });
  for (const p of paras) { const pe = h("p", {}, p); if (!p) pe.append(h("br", {})); el.append(pe); }
  return el;
}

function input(label: string, value: string | null | undefined, set: (v: string) => void, attrs: Record<string, string> = {}): HTMLElement {
  const i = h("input", { type: "text", value: value ?? "", ...attrs });
  i.addEventListener("input", () => { snapshot(); set(i.value.normalize("NFC")); changed(); });
  return h("label", { class: "field" }, h("span", {}, label), i);
}

function headerForm(d: Document): HTMLElement {
  const num = d.number ?? { raw: "", seq: null, type_abbr: null, issuer_abbr: null };
  const pd = d.place_date ?? { raw: "", place: null, day: null, month: null, year: null };
  const box = h("details", { class: "card header-form", open: true },
    h("summary", {}, "Thông tin văn bản (tiêu đề, số, ngày, trích yếu)"),
    h("div", { class: "grid2" },
      input("Cơ quan ban hành", d.issuer, (v) => { d.issuer = v; }, { id: "f-issuer" }),
      input("Cơ quan cấp trên", d.parent_body, (v) => { d.parent_body = v || null; })),
    h("div", { class: "grid3" },
      input("Số, ký hiệu", num.raw, (v) => { d.number = { ...num, raw: v }; }, { id: "f-number" }),
      input("Địa danh, ngày tháng", pd.raw, (v) => { d.place_date = { ...pd, raw: v }; }, { id: "f-date" }),
      input("Loại văn bản", d.doc_type, (v) => { d.doc_type = v || null; })),
    input("Trích yếu", d.summary, (v) => { d.summary = v || null; }, { id: "f-summary" }));
  return box;
}

function tailForm(d: Document): HTMLElement {
  const sig = d.signature ?? { authority: null, delegation: null, title: null, name: null };
  const rec = h("textarea", { rows: 6, id: "f-recipients", "aria-label": "Nơi nhận" });
  rec.value = d.recipients.join("\n");
  rec.addEventListener("input", () => { snapshot(); d.recipients = rec.value.normalize("NFC").split("\n").map((x) => x.trim()).filter(Boolean); changed(); });
  const setSig = (k: keyof typeof sig) => (v: string) => { d.signature = { ...(d.signature ?? sig), [k]: v || null }; };
  return h("div", { class: "card tail-form" },
    h("div", { class: "grid2" },
      h("label", { class: "field" }, h("span", {}, "Nơi nhận (mỗi dòng một nơi)"), rec),
      h("div", {},
        input("Thẩm quyền ký", sig.authority, setSig("authority")),
        input("Ký thay", sig.delegation, setSig("delegation")),
        input("Chức vụ người ký", sig.title, setSig("title")),
        input("Họ và tên người ký", sig.name, setSig("name"), { id: "f-signer" }))));
}

function footnoteList(d: Document): HTMLElement {
  const box = h("div", { class: "card footnotes", id: "footnotes" }, h("h3", {}, "Chú thích"));
  if (d.footnotes.length === 0) box.append(h("p", { class: "muted small" }, "Chưa có chú thích. Đặt con trỏ vào chỗ cần chú thích rồi bấm «Chú thích» (Ctrl+Alt+F)."));
  d.footnotes.forEach((f: Footnote, k) => {
    const t = h("textarea", { rows: 2, "data-fn": f.id, "aria-label": `Chú thích ${k + 1}` });
    t.value = f.text;
    t.addEventListener("input", () => { snapshot(); f.text = t.value.normalize("NFC"); changed(); });
    box.append(h("div", { class: "fn-row" }, h("sup", {}, String(k + 1)), t));
  });
  return box;
}

function renderOutline(): void {
  if (!ed) return;
  const o = ed.outline;
  clear(o);
  const ul = h("ol", { class: "tree" });
  walk(ed.doc, (s, idx) => {
    const cur = ed!.current && ed!.current.join(".") === idx.join(".");
    const li = h("li", { class: `o-item depth${Math.min(idx.length, 4)}${cur ? " current" : ""}`, draggable: "true", "data-idx": idx.join("."), tabindex: 0 },
      h("span", { class: "o-label" }, s.label), " ",
      outlineTitle(s),
      s.implements ? h("span", { class: "o-impl" }, s.implements.replace(/^.*#/, "↳ ")) : null);
    li.addEventListener("click", () => select(idx, true));
    li.addEventListener("dragstart", (e) => { e.dataTransfer?.setData("text/x-banthao-idx", idx.join(".")); li.classList.add("dragging"); });
    li.addEventListener("dragend", () => li.classList.remove("dragging"));
    li.addEventListener("dragover", (e) => { e.preventDefault(); li.dataset.drop = dropZone(e, li); });
    li.addEventListener("dragleave", () => { delete li.dataset.drop; });
    li.addEventListener("drop", (e) => {
      e.preventDefault();
      const from = e.dataTransfer?.getData("text/x-banthao-idx");
      const where = dropZone(e, li);
      delete li.dataset.drop;
      if (!from || !ed) return;
      collectAll();
      snapshot(true);
      if (moveTo(ed.doc, from.split(".").map(Number), idx, where)) restructured(null);
    });
    ul.append(li);
  });
  o.append(ul);
}

/** A section's title in the outline, shortened; an untitled item shows its first words. */
function outlineTitle(s: Section): HTMLElement {
  const cut = (t: string) => (t.length > 60 ? t.slice(0, 58) + "…" : t);
  if (s.title.trim()) return h("span", { class: "o-title" }, cut(s.title));
  const first = s.paragraphs.find((p) => p.trim());
  return h("span", { class: "o-title untitled" }, first ? cut(first) : "(chưa có nội dung)");
}

function dropZone(e: DragEvent, li: HTMLElement): "before" | "after" | "inside" {
  const r = li.getBoundingClientRect();
  if (e.clientX - r.left > r.width * 0.6) return "inside";
  return e.clientY - r.top < r.height / 2 ? "before" : "after";
}

function outlineTools(): HTMLElement {
  const b = (id: string, label: string, title: string, f: () => void) => h("button", { id, class: "icon", title, "aria-label": title, onclick: f }, label);
  return h("div", { class: "outline-tools" },
    h("strong", {}, "Dàn ý"),
    b("move-up", "↑", "Chuyển mục lên (Alt+↑)", () => structural("up")),
    b("move-down", "↓", "Chuyển mục xuống (Alt+↓)", () => structural("down")),
    b("outdent", "←", "Nâng cấp mục (Alt+←)", () => structural("outdent")),
    b("indent", "→", "Hạ cấp mục (Alt+→)", () => structural("indent")),
    b("add-section", "+", "Thêm mục sau mục đang chọn", addSection),
    b("remove-section", "−", "Xóa mục đang chọn", removeSection));
}

function toolbar(): HTMLElement {
  const cmd = (c: string) => () => { document.execCommand(c); };
  const b = (id: string, label: string, title: string, f: () => void) => h("button", { id, title, "aria-label": title, onmousedown: (e: Event) => e.preventDefault(), onclick: f }, label);
  const profile = h("select", { id: "profile", "aria-label": "Thể thức" },
    h("option", { value: "party", selected: ed!.entry.profile === "party" }, "Thể thức văn bản của Đảng"),
    h("option", { value: "state", selected: ed!.entry.profile === "state" }, "Thể thức văn bản hành chính"));
  profile.addEventListener("change", async () => {
    if (!ed) return;
    ed.entry.profile = profile.value;
    await api.setDraftProfile(ed.id, profile.value);
    restructured(ed.current);
  });
  return h("div", { class: "toolbar", role: "toolbar" },
    b("bold", "B", "Chữ đậm (Ctrl+B)", cmd("bold")),
    b("italic", "I", "Chữ nghiêng (Ctrl+I)", cmd("italic")),
    b("footnote", "Chú thích", "Chèn chú thích tại con trỏ (Ctrl+Alt+F)", insertFootnote),
    h("span", { class: "sep" }),
    b("undo", "↶", "Hoàn tác (Ctrl+Z)", undo),
    b("redo", "↷", "Làm lại (Ctrl+Y)", redo),
    b("find", "Tìm, thay", "Tìm và thay thế (Ctrl+H)", openFind),
    h("span", { class: "sep" }),
    profile,
    h("span", { class: "grow" }),
    h("a", { class: "button primary", id: "go-export", href: `#/xuat/${ed!.id}` }, "Xuất Word…"));
}

// ---------- reading back and saving ----------

/** The whole document read back from the page into the model. */
function collectAll(): void {
  if (!ed) return;
  const d = ed.doc;
  const anchors = new Map<string, { section: string; paragraph: number | null; offset: number }>();
  ed.page.querySelectorAll<HTMLElement>("section.sec").forEach((secEl) => {
    const idx = secEl.dataset.idx!.split(".").map(Number);
    const s = sectionAt(d, idx);
    const path = secEl.dataset.path!;
    const title = readInline(secEl.querySelector(":scope > .sec-head > .title")!);
    s.title = title.text;
    const emphasis = title.emphasis.map((e) => ({ paragraph: null as number | null, ...e }));
    title.notes.forEach((n) => anchors.set(n.id, { section: path, paragraph: null, offset: n.offset }));
    const paragraphs: string[] = [];
    const body = secEl.querySelector(":scope > .sec-body")!;
    blocksOf(body).forEach((p) => {
      const r = readInline(p);
      if (!r.text && r.notes.length === 0) return;
      const k = paragraphs.length;
      paragraphs.push(r.text);
      r.emphasis.forEach((e) => emphasis.push({ paragraph: k, ...e }));
      r.notes.forEach((n) => anchors.set(n.id, { section: path, paragraph: k, offset: n.offset }));
    });
    s.paragraphs = paragraphs;
    s.emphasis = emphasis;
  });
  const free = (role: string) => blocksOf(ed!.page.querySelector(`[data-role=${role}]`)!).map((p) => readInline(p).text).filter(Boolean);
  d.preamble = free("preamble");
  const closing = free("closing").join(" ");
  d.closing = closing || null;
  // Section footnotes follow their marks; a note whose mark was deleted goes with it.
  d.footnotes = d.footnotes.filter((f) => f.anchor?.part !== "section" || anchors.has(f.id));
  for (const f of d.footnotes) {
    const a = anchors.get(f.id);
    if (a) f.anchor = { part: "section", section: a.section, paragraph: a.paragraph, offset: a.offset };
  }
}

/** The paragraphs of an editable block (WebKit may put bare text or <div>s in it). */
function blocksOf(el: Element): Node[] {
  const out: Node[] = [];
  let loose: Node[] = [];
  const flushLoose = () => {
    if (loose.length) { const w = document.createElement("span"); loose.forEach((n) => w.append(n.cloneNode(true))); out.push(w); loose = []; }
  };
  el.childNodes.forEach((n) => {
    if (n instanceof HTMLElement && (n.tagName === "P" || n.tagName === "DIV")) { flushLoose(); out.push(n); }
    else loose.push(n);
  });
  flushLoose();
  return out;
}

function snapshot(force = false): void {
  if (!ed) return;
  const now = Date.now();
  // One undo step per burst of typing (a pause of a second starts a new one).
  if (!force && now - ed.lastSnap < 1000) { ed.lastSnap = now; return; }
  ed.lastSnap = now;
  ed.undo.push(JSON.stringify(ed.doc));
  if (ed.undo.length > 200) ed.undo.shift();
  ed.redo = [];
}

function onInput(e: Event): void {
  if (!ed) return;
  if ((e as InputEvent).isComposing) return; // the input method is still composing
  const t = e.target as HTMLElement;
  if (t.closest("[contenteditable]")) { snapshot(); changed(true); }
}

/** Something changed: save soon (after a pause, and within SAVE_MAX in any case). */
function changed(fromPage = false): void {
  if (!ed) return;
  const now = Date.now();
  if (ed.dirtySince === null) ed.dirtySince = now;
  indicator("Chưa lưu…", "dirty");
  if (ed.timer !== null) clearTimeout(ed.timer);
  const wait = Math.max(0, Math.min(SAVE_PAUSE, ed.dirtySince + SAVE_MAX - now));
  ed.timer = window.setTimeout(() => { flush(); }, wait);
  if (fromPage) panelsSectionChanged(true);
}

export async function flush(): Promise<void> {
  if (!ed) return;
  if (ed.timer !== null) { clearTimeout(ed.timer); ed.timer = null; }
  if (ed.dirtySince === null) { if (ed.saving) await ed.saving; return; }
  const t0 = performance.now();
  collectAll();
  ed.dirtySince = null;
  const e = ed;
  const doc = JSON.parse(JSON.stringify(e.doc)) as Document;
  // Autosave's cost, read by scripts/bench-app.sh: reading the page, then the save.
  measure("banthao:autosave-page", t0);
  const prev = e.saving ?? Promise.resolve();
  e.saving = prev.then(async () => {
    indicator("Đang lưu…", "saving");
    try {
      const t1 = performance.now();
      const r = await api.saveDraft(e.id, doc);
      measure("banthao:autosave-save", t1);
      if (ed === e && ed.dirtySince === null) indicator(`Đã lưu lúc ${when(r.at)}`, "saved");
    } catch (err) {
      indicator("Chưa lưu được — sẽ thử lại", "error");
      toast(`Không lưu được: ${errorOf(err).message}`, "error");
      if (ed === e) { e.dirtySince = Date.now(); e.timer = window.setTimeout(() => { flush(); }, 3000); }
    }
  });
  await e.saving;
}

function flushSync(): void { flush(); }

// ---------- structure ----------

function indexOf(el: Element | null): Idx | null {
  const sec = el?.closest("section.sec") as HTMLElement | null;
  return sec ? sec.dataset.idx!.split(".").map(Number) : null;
}

function onSelection(): void {
  if (!ed) return;
  const sel = document.getSelection();
  const node = sel?.anchorNode;
  const el = node ? (node instanceof Element ? node : node.parentElement) : null;
  if (!el || !ed.page.contains(el)) return;
  const idx = indexOf(el);
  if (idx && (!ed.current || idx.join(".") !== ed.current.join("."))) {
    ed.current = idx;
    ed.outline.querySelectorAll(".o-item").forEach((li) => li.classList.toggle("current", (li as HTMLElement).dataset.idx === idx.join(".")));
    panelsSectionChanged(false);
  }
}

function select(idx: Idx, scroll: boolean): void {
  if (!ed) return;
  ed.current = idx;
  const secEl = ed.page.querySelector(`section.sec[data-idx="${idx.join(".")}"]`) as HTMLElement | null;
  if (secEl && scroll) {
    secEl.scrollIntoView({ block: "start" });
    const body = secEl.querySelector(".sec-body") as HTMLElement | null;
    body?.focus();
  }
  ed.outline.querySelectorAll(".o-item").forEach((li) => li.classList.toggle("current", (li as HTMLElement).dataset.idx === idx.join(".")));
  panelsSectionChanged(false);
}

function structural(how: "up" | "down" | "indent" | "outdent"): void {
  if (!ed || !ed.current) { toast("Hãy chọn một mục trong dàn ý hoặc đặt con trỏ vào mục đó.", "info"); return; }
  collectAll();
  snapshot(true);
  const to = move(ed.doc, ed.current, how);
  if (!to) { ed.undo.pop(); toast("Không thể chuyển mục theo hướng này.", "info"); return; }
  restructured(to);
}

/** After a change of structure: numbers recomputed in the profile's style, page redrawn. */
async function restructured(current: Idx | null): Promise<void> {
  if (!ed) return;
  const e = ed;
  // Footnote anchors name sections by path: re-key them by section object first.
  const bySection = new Map<Section, Footnote[]>();
  const pathToSec = new Map<string, Section>();
  walk(e.doc, (s, _i, p) => pathToSec.set(p, s));
  for (const f of e.doc.footnotes) {
    const s = f.anchor?.part === "section" && f.anchor.section ? pathToSec.get(f.anchor.section) : undefined;
    if (s) bySection.set(s, [...(bySection.get(s) ?? []), f]);
  }
  const numbered = await api.renumber(e.doc, e.entry.profile);
  const copy = (a: Section[], b: Section[]) => a.forEach((s, k) => { s.label = b[k].label; s.label_kind = b[k].label_kind; copy(s.children, b[k].children); });
  copy(e.doc.sections, numbered.sections);
  walk(e.doc, (s, _i, p) => { for (const f of bySection.get(s) ?? []) f.anchor!.section = p; });
  e.current = current;
  renderAll();
  if (current) select(current, true);
  changed();
}

function addSection(): void {
  if (!ed) return;
  collectAll();
  snapshot(true);
  const at = ed.current ?? [ed.doc.sections.length - 1];
  const parent = at.slice(0, -1);
  const list = listOf(ed.doc, parent);
  const kind = parent.length === 0 ? "roman" : parent.length === 1 ? "arabic" : "letter";
  const s: Section = { label: "", label_kind: kind, title: "Mục mới", paragraphs: [], children: [], implements: null, emphasis: [] };
  list.splice(at[at.length - 1] + 1, 0, s);
  restructured([...parent, at[at.length - 1] + 1]);
}

function removeSection(): void {
  if (!ed || !ed.current) return;
  collectAll();
  snapshot(true);
  const idx = ed.current;
  const list = listOf(ed.doc, idx.slice(0, -1));
  const [gone] = list.splice(idx[idx.length - 1], 1);
  toast(`Đã xóa mục «${gone.title || gone.label}».`, "info", { label: "Hoàn tác", run: undo });
  restructured(null);
}

// ---------- undo, redo, find and replace, footnotes, keys ----------

function restore(json: string): void {
  if (!ed) return;
  ed.doc = JSON.parse(json);
  renderAll();
  if (ed.current) {
    try { sectionAt(ed.doc, ed.current); select(ed.current, false); } catch { ed.current = null; }
  }
  changed();
}

/** One step back (undo) or forward (redo): the state now goes on the other stack. */
function step(from: "undo" | "redo"): void {
  if (!ed) return;
  collectAll();
  const state = ed[from].pop();
  if (!state) return;
  ed[from === "undo" ? "redo" : "undo"].push(JSON.stringify(ed.doc));
  ed.lastSnap = 0;
  restore(state);
}

function undo(): void { step("undo"); }

function redo(): void { step("redo"); }

function insertFootnote(): void {
  if (!ed) return;
  const sel = document.getSelection();
  const node = sel?.anchorNode;
  const el = node ? (node instanceof Element ? node : node.parentElement) : null;
  const where = el?.closest(".sec-body, .sec-head .title");
  if (!sel || !where || !sel.rangeCount) { toast("Hãy đặt con trỏ vào nội dung một mục để chèn chú thích.", "info"); return; }
  collectAll();
  snapshot(true);
  const id = String(Math.max(0, ...ed.doc.footnotes.map((f) => Number(f.id) || 0)) + 1);
  const sup = document.createElement("sup");
  sup.className = "fn"; sup.contentEditable = "false"; sup.dataset.id = id; sup.textContent = "*";
  const r = sel.getRangeAt(0);
  r.collapse(false);
  r.insertNode(sup);
  ed.doc.footnotes.push({ id, text: "", anchor: { part: "section", section: "", paragraph: null, offset: 0 } });
  collectAll();
  // Notes are numbered in the order of their marks.
  const order: string[] = [];
  ed.page.querySelectorAll<HTMLElement>("sup.fn").forEach((s) => order.push(s.dataset.id!));
  ed.doc.footnotes.sort((a, b) => {
    const ia = order.indexOf(a.id), ib = order.indexOf(b.id);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
  });
  renderAll();
  const t = ed.page.querySelector(`textarea[data-fn="${id}"]`) as HTMLTextAreaElement | null;
  t?.scrollIntoView({ block: "center" });
  t?.focus();
  changed();
}

function findBar(): HTMLElement {
  const find = h("input", { type: "search", id: "find-text", placeholder: "Tìm…", "aria-label": "Tìm" });
  const repl = h("input", { type: "text", id: "replace-text", placeholder: "Thay bằng…", "aria-label": "Thay bằng" });
  const info = h("span", { class: "muted small", id: "find-info" });
  const next = () => {
    if (!find.value) return;
    const w = window as unknown as { find: (s: string, cs: boolean, back: boolean, wrap: boolean) => boolean };
    info.textContent = w.find(find.value, false, false, true) ? "" : "Không tìm thấy.";
  };
  find.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); next(); } });
  const all = () => {
    if (!ed || !find.value) return;
    collectAll();
    snapshot(true);
    const n = replaceAll(ed.doc, find.value, repl.value);
    info.textContent = n ? `Đã thay ${n} chỗ.` : "Không tìm thấy.";
    if (n) { renderAll(); changed(); } else ed.undo.pop();
  };
  return h("div", { class: "findbar", id: "findbar", hidden: true },
    find, h("button", { onclick: next }, "Tìm tiếp"), repl, h("button", { id: "replace-all", onclick: all }, "Thay tất cả"), info,
    h("button", { class: "icon", title: "Đóng", "aria-label": "Đóng", onclick: () => { (document.getElementById("findbar") as HTMLElement).hidden = true; } }, "×"));
}

/** Replaces every occurrence (as typed, case kept) in titles, paragraphs and free text. */
function replaceAll(d: Document, what: string, by: string): number {
  let n = 0;
  const r = (s: string) => { const parts = s.split(what); n += parts.length - 1; return parts.join(by); };
  d.preamble = d.preamble.map(r);
  if (d.closing) d.closing = r(d.closing);
  if (d.summary) d.summary = r(d.summary);
  walk(d, (s) => {
    const before = n;
    s.title = r(s.title);
    s.paragraphs = s.paragraphs.map(r);
    if (n !== before && what.length !== by.length) s.emphasis = []; // offsets no longer hold
  });
  return n;
}

/** Shows the find-and-replace bar (Ctrl+F and Ctrl+H both open it). */
function openFind(): void {
  const bar = document.getElementById("findbar") as HTMLElement | null;
  if (!bar) return;
  bar.hidden = false;
  (bar.querySelector("#find-text") as HTMLInputElement).focus();
}

function onKey(e: KeyboardEvent): void {
  if (!ed) return;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.shiftKey && e.key.toLowerCase() === "z") { e.preventDefault(); undo(); }
  else if (ctrl && (e.key.toLowerCase() === "y" || (e.shiftKey && e.key.toLowerCase() === "z"))) { e.preventDefault(); redo(); }
  else if (ctrl && e.key.toLowerCase() === "s") { e.preventDefault(); changed(); flush(); }
  else if (ctrl && (e.key.toLowerCase() === "f" || e.key.toLowerCase() === "h")) { e.preventDefault(); openFind(); }
  else if (ctrl && e.altKey && e.key.toLowerCase() === "f") { e.preventDefault(); insertFootnote(); }
  else if (e.altKey && !ctrl && ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].includes(e.key)) {
    e.preventDefault();
    structural(({ ArrowUp: "up", ArrowDown: "down", ArrowLeft: "outdent", ArrowRight: "indent" } as const)[e.key as "ArrowUp"]);
  }
}

/** For the side panels: the document as edited now, and the section under the cursor. */
export function liveState(): { doc: Document; path: string | null; parentSection: string | null; typed: string } | null {
  if (!ed) return null;
  collectAll();
  let typed = "";
  const sel = document.getSelection();
  const p = sel?.anchorNode ? (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement)?.closest("p") : null;
  if (p && ed.page.contains(p)) typed = (p.textContent ?? "").trim().split(/\s+/).slice(-3).join(" ");
  const idx = ed.current;
  return { doc: ed.doc, path: idx ? pathOf(ed.doc, idx) : null, parentSection: idx ? implementsOf(ed.doc, idx) : null, typed };
}

/** Inserts a paragraph after the one under the cursor (or at the end of the section). */
export function insertParagraph(text: string): void {
  if (!ed || !ed.current) { toast("Hãy đặt con trỏ vào mục cần chèn.", "info"); return; }
  const secEl = ed.page.querySelector(`section.sec[data-idx="${ed.current.join(".")}"]`);
  const body = secEl?.querySelector(":scope > .sec-body");
  if (!body) return;
  snapshot(true);
  const sel = document.getSelection();
  const at = sel?.anchorNode ? (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement)?.closest("p") : null;
  const p = h("p", {}, text);
  if (at && body.contains(at)) at.after(p); else body.append(p);
  // An empty placeholder paragraph gives way.
  body.querySelectorAll("p").forEach((x) => { if (x !== p && !(x.textContent ?? "").trim() && !x.querySelector("sup")) x.remove(); });
  changed(true);
}

export async function reloadDraft(): Promise<void> {
  if (!ed) return;
  const v = await api.getDraft(ed.id);
  ed.doc = v.doc; ed.entry = v.entry; ed.undo = []; ed.redo = [];
  renderAll();
}
