// Reading the page back into the model: each section's title and paragraphs with
// their emphasis and footnote marks, the preamble and the closing.
import type { Document } from "./bindings.js";
import { readInline, sectionAt } from "./model.js";

/** The whole document read back from the page (`page`, as rendered from `d`) into `d`. */
export function syncFromPage(page: HTMLElement, d: Document): void {
  const anchors = new Map<string, { section: string; paragraph: number | null; offset: number }>();
  page.querySelectorAll<HTMLElement>("section.sec").forEach((secEl) => {
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
  const free = (role: string) =>
    blocksOf(page.querySelector(`[data-role=${role}]`)!)
      .map((p) => readInline(p).text)
      .filter(Boolean);
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
    if (loose.length) {
      const w = document.createElement("span");
      loose.forEach((n) => w.append(n.cloneNode(true)));
      out.push(w);
      loose = [];
    }
  };
  el.childNodes.forEach((n) => {
    if (n instanceof HTMLElement && (n.tagName === "P" || n.tagName === "DIV")) {
      flushLoose();
      out.push(n);
    } else loose.push(n);
  });
  flushLoose();
  return out;
}
