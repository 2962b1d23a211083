// The editor's keys: undo and redo, save, find, footnote, and Alt+arrows to move sections.
import { openFind } from "./find.js";
import { insertFootnote } from "./footnotes.js";
import { redo, undo } from "./history.js";
import type { Ed } from "./render.js";
import { structural } from "./structure.js";

export function onKey(ed: Ed, e: KeyboardEvent): void {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (ctrl && !e.shiftKey && key === "z") {
    e.preventDefault();
    undo(ed);
  } else if (ctrl && (key === "y" || (e.shiftKey && key === "z"))) {
    e.preventDefault();
    redo(ed);
  } else if (ctrl && key === "s") {
    e.preventDefault();
    ed.draft.changed();
    void ed.draft.flush();
  }
  // Ctrl+Alt+F before Ctrl+F: tested after it, the footnote key opened the find bar.
  else if (ctrl && e.altKey && key === "f") {
    e.preventDefault();
    insertFootnote(ed);
  } else if (ctrl && (key === "f" || key === "h")) {
    e.preventDefault();
    openFind();
  } else if (e.altKey && !ctrl && ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].includes(e.key)) {
    e.preventDefault();
    structural(
      ed,
      ({ ArrowUp: "up", ArrowDown: "down", ArrowLeft: "outdent", ArrowRight: "indent" } as const)[e.key as "ArrowUp"],
    );
  }
}
