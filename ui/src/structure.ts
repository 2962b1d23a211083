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

/** The outline's clicks and drags (set once: the items are redrawn, the outline stays). */
export function wireOutline(ed: Ed): void {
  const o = ed.outline;
  const item = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>("li.o-item") : null);
  const idxOf = (li: HTMLElement) => li.dataset.idx!.split(".").map(Number);
  o.addEventListener("click", (e) => {
    const li = item(e);
    if (li) select(ed, idxOf(li), true);
  });
  o.addEventListener("dragstart", (e) => {
    const li = item(e);
    if (!li) return;
    e.dataTransfer?.setData("text/x-banthao-idx", li.dataset.idx!);
    li.classList.add("dragging");
  });
  o.addEventListener("dragend", (e) => item(e)?.classList.remove("dragging"));
  o.addEventListener("dragover", (e) => {
    const li = item(e);
    if (li) {
      e.preventDefault();
      li.dataset.drop = dropZone(e, li);
    }
  });
  o.addEventListener("dragleave", (e) => {
    const li = item(e);
    if (li) delete li.dataset.drop;
  });
  o.addEventListener("drop", (e) => {
    const li = item(e);
    if (!li) return;
    e.preventDefault();
    const from = e.dataTransfer?.getData("text/x-banthao-idx");
    const where = dropZone(e, li);
    delete li.dataset.drop;
    if (!from) return;
    change(ed, () => (moveTo(ed.draft.doc, from.split(".").map(Number), idxOf(li), where) ? null : false));
  });
}

function dropZone(e: DragEvent, li: HTMLElement): "before" | "after" | "inside" {
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
