// Undo and redo on the page: the page read back, the draft's history stepped, the
// page redrawn with the same section current when it still exists.
import { listOf } from "./model.js";
import { syncFromPage } from "./readback.js";
import { Ed, renderAll, select } from "./render.js";

function step(ed: Ed, from: "undo" | "redo"): void {
  const d = ed.draft;
  syncFromPage(ed.page, d.doc);
  if (!d.step(from)) return;
  renderAll(ed);
  if (d.current) {
    const at = d.current;
    let exists = false;
    try {
      exists = listOf(d.doc, at.slice(0, -1))[at[at.length - 1]] !== undefined;
    } catch {
      /* a parent is gone */
    }
    if (exists) select(ed, at, false);
    else d.current = null;
  }
  d.changed();
}

export function undo(ed: Ed): void {
  step(ed, "undo");
}

export function redo(ed: Ed): void {
  step(ed, "redo");
}
