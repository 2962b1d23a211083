// Read-only rendering of a document (library preview, an old version) and of
// comparisons (side by side, with inline word differences).
import type { Comparison, Document, ParaDiff, Section, SectionDiff, Span } from "./bindings.js";
import { h } from "./dom.js";

export function documentView(doc: Document): HTMLElement {
  const box = h("div", { class: "docview" });
  if (doc.issuer) box.append(h("p", { class: "center small" }, doc.issuer));
  if (doc.doc_type) box.append(h("p", { class: "center strong" }, doc.doc_type));
  if (doc.summary) box.append(h("p", { class: "center strong" }, doc.summary));
  for (const p of doc.preamble) box.append(h("p", {}, p));
  const walk = (secs: Section[], depth: number) => {
    for (const s of secs) {
      box.append(h("p", { class: `heading d${Math.min(depth, 3)}` }, `${s.label} ${s.title}`.trim()));
      for (const p of s.paragraphs) box.append(h("p", {}, p));
      walk(s.children, depth + 1);
    }
  };
  walk(doc.sections, 1);
  if (doc.closing) box.append(h("p", {}, doc.closing));
  return box;
}

/** One section with its sub-sections, read-only (`null`: a note that there is none). */
export function sectionView(s: Section | null, depth = 1): HTMLElement {
  const box = h("div", { class: "docview section-view" });
  if (!s) {
    box.append(h("p", { class: "muted" }, "(không có mục tương ứng)"));
    return box;
  }
  const walk = (x: Section, d: number) => {
    box.append(h("p", { class: `heading d${Math.min(d, 3)}` }, `${x.label} ${x.title}`.trim()));
    for (const p of x.paragraphs) box.append(h("p", {}, p));
    for (const c of x.children) walk(c, d + 1);
  };
  walk(s, depth);
  return box;
}

function spansView(spans: Span[], side: "a" | "b"): HTMLElement {
  const p = h("span", {});
  for (const s of spans) {
    if (s.op === "equal") p.append(s.text);
    else if (s.op === "delete" && side === "a") p.append(h("del", {}, s.text));
    else if (s.op === "insert" && side === "b") p.append(h("ins", {}, s.text));
  }
  return p;
}

function paraRow(d: ParaDiff): HTMLElement {
  const a = d.a !== null ? spansView(d.spans, "a") : h("span", { class: "muted" }, "");
  const b = d.b !== null ? spansView(d.spans, "b") : h("span", { class: "muted" }, "");
  const tag = { same: "", changed: "Sửa", moved: "Chuyển chỗ", deleted: "Bỏ", inserted: "Thêm" }[d.kind];
  return h(
    "div",
    { class: `diff-row ${d.kind}` },
    h("div", { class: "diff-a" }, a),
    h("div", { class: "diff-b" }, b),
    h("div", { class: "diff-tag" }, tag),
  );
}

/** One section's comparison, side by side. */
export function sectionDiffView(d: SectionDiff, showSame = true): HTMLElement {
  const box = h("div", { class: "diff-section" });
  const changedTitle = d.title.some((s) => s.op !== "equal");
  box.append(
    h(
      "div",
      { class: `diff-row heading ${changedTitle ? "changed" : "same"}` },
      h(
        "div",
        { class: "diff-a" },
        d.a_heading ? h("strong", {}, spansView(d.title, "a")) : h("span", { class: "muted" }, "(không có)"),
      ),
      h(
        "div",
        { class: "diff-b" },
        d.b_heading ? h("strong", {}, spansView(d.title, "b")) : h("span", { class: "muted" }, "(không có)"),
      ),
      h("div", { class: "diff-tag", title: "Mức giống nhau của cả mục" }, `giống ${Math.round(d.similarity * 100)}%`),
    ),
  );
  for (const p of d.paragraphs) if (showSame || p.kind !== "same") box.append(paraRow(p));
  return box;
}

/** A whole comparison, section by section; unchanged sections folded away. */
export function comparisonView(c: Comparison, leftName: string, rightName: string): HTMLElement {
  const box = h("div", { class: "comparison" });
  box.append(
    h(
      "div",
      { class: "diff-row legend" },
      h("div", { class: "diff-a" }, h("strong", {}, leftName)),
      h("div", { class: "diff-b" }, h("strong", {}, rightName)),
      h("div", { class: "diff-tag" }, ""),
    ),
  );
  if (c.identical) {
    box.append(h("p", { class: "empty" }, "Hai bản giống hệt nhau."));
    return box;
  }
  const changed = c.sections.filter(
    (s) => s.title.some((t) => t.op !== "equal") || s.paragraphs.some((p) => p.kind !== "same"),
  );
  box.append(
    h(
      "p",
      { class: "muted small" },
      `Giống nhau ${Math.round(c.similarity * 100)}% · ${changed.length} mục có thay đổi`,
    ),
  );
  for (const s of changed) box.append(sectionDiffView(s, false));
  return box;
}
