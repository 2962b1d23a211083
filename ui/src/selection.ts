// Where the cursor is: the one place that reads the selection's anchor.
import type { Idx } from "./model.js";

/** The element at the selection's anchor (a text node's parent), or null. */
export function anchorElement(): Element | null {
  const node = document.getSelection()?.anchorNode;
  if (!node) return null;
  return node instanceof Element ? node : node.parentElement;
}

/** The index path of the section holding `el` (its `data-idx`), or null. */
export function sectionIndexOf(el: Element | null): Idx | null {
  const sec = el?.closest<HTMLElement>("section.sec");
  return sec?.dataset.idx ? sec.dataset.idx.split(".").map(Number) : null;
}

/** The paragraph under the cursor, when it is inside `within`. */
export function paragraphAtCursor(within: Element): HTMLParagraphElement | null {
  const p = anchorElement()?.closest("p") ?? null;
  return p && within.contains(p) ? p : null;
}
