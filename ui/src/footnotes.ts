// Inserting a footnote at the cursor: a mark in the text, a note in the list.
import { toast } from "./dom.js";
import { syncFromPage } from "./readback.js";
import { Ed, renderAll } from "./render.js";
import { anchorElement } from "./selection.js";

export function insertFootnote(ed: Ed): void {
  const sel = document.getSelection();
  const where = anchorElement()?.closest(".sec-body, .sec-head .title");
  if (!sel || !where || !sel.rangeCount) {
    toast("Hãy đặt con trỏ vào nội dung một mục để chèn chú thích.", "info");
    return;
  }
  const d = ed.draft;
  syncFromPage(ed.page, d.doc);
  d.snapshot(true);
  const id = String(Math.max(0, ...d.doc.footnotes.map((f) => Number(f.id) || 0)) + 1);
  const sup = document.createElement("sup");
  sup.className = "fn";
  sup.contentEditable = "false";
  sup.dataset.id = id;
  sup.textContent = "*";
  const r = sel.getRangeAt(0);
  r.collapse(false);
  r.insertNode(sup);
  d.doc.footnotes.push({ id, text: "", anchor: { part: "section", section: "", paragraph: null, offset: 0 } });
  syncFromPage(ed.page, d.doc);
  // Notes are numbered in the order of their marks.
  const order: string[] = [];
  ed.page.querySelectorAll<HTMLElement>("sup.fn").forEach((s) => order.push(s.dataset.id!));
  d.doc.footnotes.sort((a, b) => {
    const ia = order.indexOf(a.id),
      ib = order.indexOf(b.id);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
  });
  renderAll(ed);
  const t = ed.page.querySelector<HTMLTextAreaElement>(`textarea[data-fn="${id}"]`);
  t?.scrollIntoView({ block: "center" });
  t?.focus();
  d.changed();
}
