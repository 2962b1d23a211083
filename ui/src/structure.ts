// Changes of structure: moving sections (buttons, Alt+arrows, dragging in the outline),
// adding and removing them. The change is made and drawn at once; the numbers come
// back from Rust (`renumber`, in the profile's style) and only the labels are patched.
import { api, errorOf } from "./api.js";
import type { Document, Section } from "./bindings.js";
import { toast } from "./dom.js";
import { undo } from "./history.js";
import { Idx, keepingAnchors, listOf, move, moveTo } from "./model.js";
import { syncFromPage } from "./readback.js";
import { Ed, patchLabels, renderAll, select } from "./render.js";

/** The outline's clicks and drags (set once: the items are redrawn, the outline stays).
 *  Dragging uses pointer events, not HTML5 drag-and-drop: WebView2 stops delivering
 *  HTML5 drags inside the page while the window takes dropped files, and WebKitGTK and
 *  WebView2 both deliver pointer events alike. */
export function wireOutline(ed: Ed): void {
  const o = ed.outline;
  const itemAt = (t: EventTarget | Element | null) =>
    t instanceof Element ? t.closest<HTMLElement>("li.o-item") : null;
  const idxOf = (li: HTMLElement) => li.dataset.idx!.split(".").map(Number);
  // A press on an item becomes a drag once the pointer has moved a few pixels.
  let press: { li: HTMLElement; x: number; y: number; id: number; dragging: boolean } | null = null;
  let target: HTMLElement | null = null;
  let swallowClick = false;
  const mark = (li: HTMLElement | null, where?: "before" | "after" | "inside") => {
    if (target && target !== li) delete target.dataset.drop;
    target = li;
    if (li && where) li.dataset.drop = where;
  };
  const end = () => {
    press?.li.classList.remove("dragging");
    mark(null);
    press = null;
  };
  o.addEventListener("click", (e) => {
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    const li = itemAt(e.target);
    if (li) select(ed, idxOf(li), true);
  });
  o.addEventListener("pointerdown", (e) => {
    const li = itemAt(e.target);
    if (li && e.button === 0) press = { li, x: e.clientX, y: e.clientY, id: e.pointerId, dragging: false };
  });
  o.addEventListener("pointermove", (e) => {
    if (!press || e.pointerId !== press.id) return;
    if (!press.dragging) {
      if (Math.hypot(e.clientX - press.x, e.clientY - press.y) < 5) return;
      press.dragging = true;
      press.li.classList.add("dragging");
      o.setPointerCapture(e.pointerId);
    }
    e.preventDefault();
    const li = itemAt(document.elementFromPoint(e.clientX, e.clientY));
    if (li && li !== press.li && o.contains(li)) mark(li, dropZone(e, li));
    else mark(null);
  });
  o.addEventListener("pointerup", (e) => {
    if (!press || e.pointerId !== press.id) return;
    const { li: from, dragging } = press;
    const to = target;
    const where = to ? dropZone(e, to) : null;
    end();
    if (!dragging) return;
    swallowClick = true;
    setTimeout(() => (swallowClick = false), 0);
    if (to && where) change(ed, () => (moveTo(ed.draft.doc, idxOf(from), idxOf(to), where) ? null : false));
  });
  o.addEventListener("pointercancel", end);
  o.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && press?.dragging) end();
  });
}

function dropZone(e: { clientX: number; clientY: number }, li: HTMLElement): "before" | "after" | "inside" {
  const r = li.getBoundingClientRect();
  if (e.clientX - r.left > r.width * 0.6) return "inside";
  return e.clientY - r.top < r.height / 2 ? "before" : "after";
}

/** A change of structure: the page read back, an undo step, the change (which gives
 *  the section to select, null for none, or false when nothing changed), footnotes kept
 *  on their sections, the page redrawn. */
function change(ed: Ed, f: () => Idx | null | false): boolean {
  syncFromPage(ed.page, ed.draft.doc);
  ed.draft.snapshot(true);
  const to = keepingAnchors(ed.draft.doc, f);
  if (to === false) {
    ed.draft.dropSnapshot();
    return false;
  }
  restructured(ed, to);
  return true;
}

export function structural(ed: Ed, how: "up" | "down" | "indent" | "outdent"): void {
  const at = ed.draft.current;
  if (!at) {
    toast("Hãy chọn một mục trong dàn ý hoặc đặt con trỏ vào mục đó.", "info");
    return;
  }
  if (!change(ed, () => move(ed.draft.doc, at, how) ?? false)) toast("Không thể chuyển mục theo hướng này.", "info");
}

export function addSection(ed: Ed): void {
  const d = ed.draft.doc;
  change(ed, () => {
    const at = ed.draft.current ?? [d.sections.length - 1];
    const parent = at.slice(0, -1);
    const kind = parent.length === 0 ? "roman" : parent.length === 1 ? "arabic" : "letter";
    const s: Section = {
      label: "",
      label_kind: kind,
      title: "Mục mới",
      paragraphs: [],
      children: [],
      implements: null,
      emphasis: [],
    };
    listOf(d, parent).splice(at[at.length - 1] + 1, 0, s);
    return [...parent, at[at.length - 1] + 1];
  });
}

export function removeSection(ed: Ed): void {
  const idx = ed.draft.current;
  if (!idx) return;
  change(ed, () => {
    const [gone] = listOf(ed.draft.doc, idx.slice(0, -1)).splice(idx[idx.length - 1], 1);
    toast(`Đã xóa mục «${gone.title || gone.label}».`, "info", { label: "Hoàn tác", run: () => undo(ed) });
    return null;
  });
}

/** After a change of structure (or of profile): the page drawn at once as the model
 *  stands, the renumbering asked for; when it comes back (and nothing newer has been
 *  asked since), the labels are patched in place. */
function restructured(ed: Ed, current: Idx | null): void {
  const d = ed.draft;
  const g = d.nextGeneration();
  d.current = current;
  renderAll(ed);
  if (current) select(ed, current, true);
  d.changed();
  void renumber(ed, g);
}

/** The labels alone asked for again (the profile changed): patched when they come. */
export function relabel(ed: Ed): void {
  void renumber(ed, ed.draft.nextGeneration());
}

async function renumber(ed: Ed, g: number): Promise<void> {
  const d = ed.draft;
  const doc = d.doc;
  let numbered: Document;
  try {
    numbered = await api.renumber(doc, d.entry.profile);
  } catch (err) {
    if (d.isLatest(g)) toast(`Không đánh số lại được các mục: ${errorOf(err).message}`, "error");
    return;
  }
  // A later change, an undo or a closed editor: this answer is for a page gone by.
  if (!d.isLatest(g) || d.doc !== doc || !sameShape(doc.sections, numbered.sections)) return;
  keepingAnchors(doc, () => copyLabels(doc.sections, numbered.sections));
  patchLabels(ed);
  d.changed();
}

function sameShape(a: Section[], b: Section[]): boolean {
  return a.length === b.length && a.every((s, k) => sameShape(s.children, b[k].children));
}

function copyLabels(a: Section[], b: Section[]): void {
  a.forEach((s, k) => {
    s.label = b[k].label;
    s.label_kind = b[k].label_kind;
    copyLabels(s.children, b[k].children);
  });
}
