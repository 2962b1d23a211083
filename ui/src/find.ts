// Find and replace: the bar (Ctrl+F, Ctrl+H), finding in the page, replacing in the model.
import type { Document } from "./bindings.js";
import { h } from "./dom.js";
import { walk } from "./model.js";
import { syncFromPage } from "./readback.js";
import { Ed, renderAll } from "./render.js";

export function findBar(ed: Ed): HTMLElement {
  const find = h("input", { type: "search", id: "find-text", placeholder: "Tìm…", "aria-label": "Tìm" });
  const repl = h("input", { type: "text", id: "replace-text", placeholder: "Thay bằng…", "aria-label": "Thay bằng" });
  const info = h("span", { class: "muted small", id: "find-info" });
  const next = () => {
    if (!find.value) return;
    const w = window as unknown as { find: (s: string, cs: boolean, back: boolean, wrap: boolean) => boolean };
    info.textContent = w.find(find.value, false, false, true) ? "" : "Không tìm thấy.";
  };
  find.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      next();
    }
  });
  const all = () => {
    if (!find.value) return;
    syncFromPage(ed.page, ed.draft.doc);
    ed.draft.snapshot(true);
    const n = replaceAll(ed.draft.doc, find.value, repl.value);
    info.textContent = n ? `Đã thay ${n} chỗ.` : "Không tìm thấy.";
    if (n) {
      renderAll(ed);
      ed.draft.changed();
    } else ed.draft.dropSnapshot();
  };
  return h(
    "div",
    { class: "findbar", id: "findbar", hidden: true },
    find,
    h("button", { onclick: next }, "Tìm tiếp"),
    repl,
    h("button", { id: "replace-all", onclick: all }, "Thay tất cả"),
    info,
    h(
      "button",
      {
        class: "icon",
        title: "Đóng",
        "aria-label": "Đóng",
        onclick: () => {
          (document.getElementById("findbar") as HTMLElement).hidden = true;
        },
      },
      "×",
    ),
  );
}

/** Replaces every occurrence (as typed, case kept) in titles, paragraphs and free text. */
export function replaceAll(d: Document, what: string, by: string): number {
  let n = 0;
  const r = (s: string) => {
    const parts = s.split(what);
    n += parts.length - 1;
    return parts.join(by);
  };
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
export function openFind(): void {
  const bar = document.getElementById("findbar") as HTMLElement | null;
  if (!bar) return;
  bar.hidden = false;
  (bar.querySelector("#find-text") as HTMLInputElement).focus();
}
