// Operations on the document model in the editor: section paths (as the Rust side
// computes them: `crates/core/src/label.rs` `path_segment`, `crates/core/src/model.rs`
// `path_segments`; both checked against tests/fixtures/section-paths.json), the
// section tree, and reading an editable block back into text, emphasis and footnote marks.
import type { Document, Emphasis, Footnote, Section } from "./bindings.js";

/** The label without surrounding punctuation (`III-` → `III`, `(1)` → `1`, `2.1.` → `2.1`):
 *  what Rust's `char::is_alphanumeric` keeps (Unicode Alphabetic or Numeric). */
export function pathSegment(label: string): string {
  return label.trim().replace(/^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu, "");
}

/** Paths of a list of siblings, a repeated segment marked `~2`, `~3`: as Rust's
 *  `path_segments`, a segment counts the earlier ones whose part before `~` is itself. */
export function segments(secs: Section[]): string[] {
  const seen = new Map<string, number>();
  return secs.map((s) => {
    const seg = pathSegment(s.label);
    const n = seen.get(seg) ?? 0;
    const out = n === 0 ? seg : `${seg}~${n + 1}`;
    const base = out.split("~")[0];
    seen.set(base, (seen.get(base) ?? 0) + 1);
    return out;
  });
}

export type Idx = number[];

/** Every section with its index path and section path, depth first. */
export function walk(doc: Document, f: (s: Section, idx: Idx, path: string) => void): void {
  const go = (secs: Section[], idx: Idx, prefix: string) => {
    const segs = segments(secs);
    secs.forEach((s, i) => {
      const path = prefix ? `${prefix}.${segs[i]}` : segs[i];
      f(s, [...idx, i], path);
      go(s.children, [...idx, i], path);
    });
  };
  go(doc.sections, [], "");
}

export function listOf(doc: Document, parent: Idx): Section[] {
  let list = doc.sections;
  for (const i of parent) list = list[i].children;
  return list;
}

export function sectionAt(doc: Document, idx: Idx): Section {
  return listOf(doc, idx.slice(0, -1))[idx[idx.length - 1]];
}

export function pathOf(doc: Document, idx: Idx): string {
  let found = "";
  walk(doc, (_s, i, p) => {
    if (i.join(".") === idx.join(".")) found = p;
  });
  return found;
}

/** The parent section a section implements, or its nearest ancestor's. */
export function implementsOf(doc: Document, idx: Idx): string | null {
  for (let k = idx.length; k > 0; k--) {
    const s = sectionAt(doc, idx.slice(0, k));
    if (s.implements) return s.implements;
  }
  return null;
}

/** Moves a section; returns its new index path (or null when it cannot move so). */
export function move(doc: Document, idx: Idx, how: "up" | "down" | "indent" | "outdent"): Idx | null {
  const parent = idx.slice(0, -1),
    i = idx[idx.length - 1];
  const list = listOf(doc, parent);
  if (how === "up" && i > 0) {
    [list[i - 1], list[i]] = [list[i], list[i - 1]];
    return [...parent, i - 1];
  }
  if (how === "down" && i < list.length - 1) {
    [list[i + 1], list[i]] = [list[i], list[i + 1]];
    return [...parent, i + 1];
  }
  if (how === "indent" && i > 0) {
    const [s] = list.splice(i, 1);
    const into = list[i - 1];
    if (parent.length + 1 >= 2 && (s.label_kind === "roman" || s.label_kind === "arabic")) s.label_kind = "letter";
    into.children.push(s);
    return [...parent, i - 1, into.children.length - 1];
  }
  if (how === "outdent" && parent.length > 0) {
    const [s] = list.splice(i, 1);
    const grand = listOf(doc, parent.slice(0, -1));
    const at = parent[parent.length - 1] + 1;
    if (parent.length - 1 <= 1) s.label_kind = parent.length - 1 === 0 ? "roman" : "arabic";
    grand.splice(at, 0, s);
    return [...parent.slice(0, -1), at];
  }
  return null;
}

/** Moves section `from` to stand before or after `to`, or inside it as its last child. */
export function moveTo(doc: Document, from: Idx, to: Idx, where: "before" | "after" | "inside"): boolean {
  if (to.length >= from.length && from.every((v, k) => to[k] === v)) return false;
  const src = sectionAt(doc, from),
    dst = sectionAt(doc, to);
  const list = listOf(doc, from.slice(0, -1));
  list.splice(from[from.length - 1], 1);
  // Find the target again: removing may have shifted it.
  let target: Idx | null = null;
  walk(doc, (s, i) => {
    if (s === dst) target = i;
  });
  if (!target) return false;
  const t: Idx = target;
  if (where === "inside") {
    dst.children.push(src);
    return true;
  }
  const tl = listOf(doc, t.slice(0, -1));
  tl.splice(t[t.length - 1] + (where === "after" ? 1 : 0), 0, src);
  return true;
}

/** Runs a change of structure or labels keeping footnote anchors on their sections:
 *  anchors name sections by path, so they are keyed by section before and renamed after;
 *  the notes of a section the change removed go with it. */
export function keepingAnchors<T>(doc: Document, change: () => T): T {
  const bySection = new Map<Section, Footnote[]>();
  const byPath = new Map<string, Section>();
  walk(doc, (s, _i, p) => byPath.set(p, s));
  for (const f of doc.footnotes) {
    const s = f.anchor?.part === "section" && f.anchor.section ? byPath.get(f.anchor.section) : undefined;
    if (s) bySection.set(s, [...(bySection.get(s) ?? []), f]);
  }
  const out = change();
  const kept = new Set<Section>();
  walk(doc, (s, _i, p) => {
    kept.add(s);
    for (const f of bySection.get(s) ?? []) if (f.anchor) f.anchor.section = p;
  });
  const gone = new Set([...bySection].filter(([s]) => !kept.has(s)).flatMap(([, fs]) => fs));
  if (gone.size) doc.footnotes = doc.footnotes.filter((f) => !gone.has(f));
  return out;
}

/** Text, emphasis and footnote marks read from an editable block (a <p> or a title). */
export interface Read {
  text: string;
  emphasis: { start: number; end: number; bold: boolean; italic: boolean }[];
  notes: { id: string; offset: number }[];
}

export function readInline(el: Node): Read {
  let text = "";
  const runs: { start: number; end: number; bold: boolean; italic: boolean }[] = [];
  const notes: { id: string; offset: number }[] = [];
  const go = (n: Node, bold: boolean, italic: boolean) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = (n.textContent ?? "").replace(/\u00a0/g, " ").replace(/\n/g, " ");
      const start = Array.from(text).length;
      text += t;
      const end = Array.from(text).length;
      if ((bold || italic) && end > start) runs.push({ start, end, bold, italic });
      return;
    }
    if (!(n instanceof HTMLElement)) return;
    if (n.classList.contains("fn")) {
      notes.push({ id: n.dataset.id ?? "", offset: Array.from(text).length });
      return;
    }
    if (n.tagName === "BR") return;
    const tag = n.tagName;
    const fw = n.style.fontWeight,
      fs = n.style.fontStyle;
    const b = bold || tag === "B" || tag === "STRONG" || fw === "bold" || Number(fw) >= 600;
    const i = italic || tag === "I" || tag === "EM" || fs === "italic";
    n.childNodes.forEach((c) => go(c, b, i));
  };
  el.childNodes.forEach((c) => go(c, false, false));
  // Adjacent runs with the same formatting become one.
  const merged: typeof runs = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.end === r.start && last.bold === r.bold && last.italic === r.italic) last.end = r.end;
    else merged.push({ ...r });
  }
  // Spaces squeezed and trimmed as the model keeps them; offsets follow.
  return squeeze(text, merged, notes);
}

function squeeze(text: string, runs: Read["emphasis"], notes: Read["notes"]): Read {
  const chars = Array.from(text);
  const map: number[] = [];
  let out = "";
  let n = 0;
  for (let k = 0; k < chars.length; k++) {
    map.push(n);
    const c = chars[k];
    const space = c === " " || c === "\t";
    if (space && (n === 0 || out.endsWith(" "))) continue;
    out += space ? " " : c;
    n++;
  }
  map.push(n);
  let trimmed = out;
  while (trimmed.endsWith(" ")) trimmed = trimmed.slice(0, -1);
  const len = Array.from(trimmed).length;
  const at = (k: number) => Math.min(map[k], len);
  return {
    text: trimmed.normalize("NFC"),
    emphasis: runs.map((r) => ({ ...r, start: at(r.start), end: at(r.end) })).filter((r) => r.end > r.start),
    notes: notes.map((x) => ({ ...x, offset: at(x.offset) })),
  };
}

/** A text with emphasis and footnote marks as DOM nodes. */
export function renderInline(
  text: string,
  emphasis: Emphasis[],
  notes: { id: string; offset: number; n: number }[],
): Node[] {
  const chars = Array.from(text);
  const cuts = new Set<number>([0, chars.length]);
  for (const e of emphasis) {
    cuts.add(Math.min(e.start, chars.length));
    cuts.add(Math.min(e.end, chars.length));
  }
  for (const f of notes) cuts.add(Math.min(f.offset, chars.length));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Node[] = [];
  const mark = (at: number) => {
    for (const f of notes.filter((x) => Math.min(x.offset, chars.length) === at)) {
      const s = document.createElement("sup");
      s.className = "fn";
      s.contentEditable = "false";
      s.dataset.id = f.id;
      s.textContent = String(f.n);
      s.title = "Chú thích " + f.n;
      out.push(s);
    }
  };
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k],
      b = points[k + 1];
    mark(a);
    const piece = chars.slice(a, b).join("");
    const e = emphasis.find((x) => x.start <= a && b <= x.end);
    let node: Node = document.createTextNode(piece);
    if (e?.italic) {
      const i = document.createElement("i");
      i.append(node);
      node = i;
    }
    if (e?.bold) {
      const bb = document.createElement("b");
      bb.append(node);
      node = bb;
    }
    out.push(node);
  }
  mark(chars.length);
  return out;
}
