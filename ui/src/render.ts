// Drawing the open draft: the page (header form, preamble, the sections as editable
// blocks, closing, recipients and signature, footnotes) and the outline; the labels
// alone redrawn after a renumbering; the current section shown.
import type { Document, Footnote, Section } from "./bindings.js";
import { clear, h } from "./dom.js";
import type { Draft } from "./draft.js";
import { Idx, renderInline, walk } from "./model.js";

/** The open editor: the draft and the two elements it is drawn in. */
export interface Ed {
  draft: Draft;
  page: HTMLElement;
  outline: HTMLElement;
}

function notesFor(d: Document, path: string, paragraph: number | null): { id: string; offset: number; n: number }[] {
  return d.footnotes
    .map((f, k) => ({ f, n: k + 1 }))
    .filter(
      ({ f }) =>
        f.anchor?.part === "section" && f.anchor.section === path && (f.anchor.paragraph ?? null) === paragraph,
    )
    .map(({ f, n }) => ({ id: f.id, offset: f.anchor!.offset, n }));
}

/** Draws the whole page and the outline from the model. */
export function renderAll(ed: Ed): void {
  const d = ed.draft.doc;
  const page = ed.page;
  clear(page);
  page.append(headerForm(ed, d));
  page.append(
    h("div", { class: "block-label" }, "Căn cứ, mở đầu"),
    editableBlock("preamble", d.preamble.length ? d.preamble : [""], "Các đoạn căn cứ, mở đầu…"),
  );
  const body = h("div", { class: "sections", id: "sections" });
  // Every section's path in one walk (looking each one up walked the whole tree again).
  const paths = new Map<string, string>();
  walk(d, (_s, i, p) => paths.set(i.join("."), p));
  const go = (secs: Section[], parent: Idx, container: HTMLElement) => {
    secs.forEach((s, i) => {
      const idx = [...parent, i];
      const path = paths.get(idx.join("."))!;
      const secEl = h("section", {
        class: `sec depth${Math.min(idx.length, 4)}`,
        "data-idx": idx.join("."),
        "data-path": path,
      });
      const title = h("span", {
        class: "title",
        contenteditable: "true",
        "data-role": "title",
        "aria-label": "Tên mục",
      });
      title.append(
        ...renderInline(
          s.title,
          (s.emphasis ?? []).filter((e) => e.paragraph === null),
          notesFor(d, path, null),
        ),
      );
      secEl.append(
        h(
          "div",
          { class: "sec-head" },
          h("span", { class: "label" }, s.label),
          title,
          s.implements
            ? h(
                "span",
                { class: "implements", title: "Mục của văn bản cấp trên mà mục này triển khai" },
                `↳ ${s.implements}`,
              )
            : null,
        ),
      );
      const bodyEl = h("div", {
        class: "sec-body",
        contenteditable: "true",
        "data-role": "body",
        "aria-label": bodyLabel(s),
      });
      const paras = s.paragraphs.length ? s.paragraphs : [""];
      paras.forEach((p, k) => {
        const pe = h("p", {});
        pe.append(
          ...renderInline(
            p,
            (s.emphasis ?? []).filter((e) => e.paragraph === k),
            notesFor(d, path, k),
          ),
        );
        if (!p) pe.append(h("br", {}));
        bodyEl.append(pe);
      });
      secEl.append(bodyEl);
      const kids = h("div", { class: "children" });
      secEl.append(kids);
      container.append(secEl);
      go(s.children, idx, kids);
    });
  };
  go(d.sections, [], body);
  page.append(body);
  page.append(
    h("div", { class: "block-label" }, "Đoạn kết"),
    editableBlock("closing", [d.closing ?? ""], "Trên đây là …"),
  );
  page.append(tailForm(ed, d));
  page.append(footnoteList(ed, d));
  renderOutline(ed);
}

const bodyLabel = (s: Section) => `Nội dung mục ${s.label}`;

/** After a renumbering: each section's label and path, on the page and in the outline,
 *  without redrawing (text typed meanwhile stays as it is). */
export function patchLabels(ed: Ed): void {
  const secs = new Map<string, HTMLElement>();
  ed.page.querySelectorAll<HTMLElement>("section.sec").forEach((el) => secs.set(el.dataset.idx ?? "", el));
  const items = new Map<string, HTMLElement>();
  ed.outline.querySelectorAll<HTMLElement>(".o-item").forEach((el) => items.set(el.dataset.idx ?? "", el));
  walk(ed.draft.doc, (s, idx, path) => {
    const key = idx.join(".");
    const secEl = secs.get(key);
    if (secEl) {
      secEl.dataset.path = path;
      const label = secEl.querySelector(":scope > .sec-head > .label");
      if (label) label.textContent = s.label;
      secEl.querySelector(":scope > .sec-body")?.setAttribute("aria-label", bodyLabel(s));
    }
    const label = items.get(key)?.querySelector(".o-label");
    if (label) label.textContent = s.label;
  });
}

function editableBlock(role: string, paras: string[], placeholder: string): HTMLElement {
  const el = h("div", {
    class: "free-block",
    contenteditable: "true",
    "data-role": role,
    "data-placeholder": placeholder,
  });
  for (const p of paras) {
    const pe = h("p", {}, p);
    if (!p) pe.append(h("br", {}));
    el.append(pe);
  }
  return el;
}

function input(
  ed: Ed,
  label: string,
  value: string | null | undefined,
  set: (v: string) => void,
  attrs: Record<string, string> = {},
): HTMLElement {
  const i = h("input", { type: "text", value: value ?? "", ...attrs });
  i.addEventListener("input", () => {
    ed.draft.snapshot();
    set(i.value.normalize("NFC"));
    ed.draft.changed();
  });
  return h("label", { class: "field" }, h("span", {}, label), i);
}

function headerForm(ed: Ed, d: Document): HTMLElement {
  const num = d.number ?? { raw: "", seq: null, type_abbr: null, issuer_abbr: null };
  const pd = d.place_date ?? { raw: "", place: null, day: null, month: null, year: null };
  const box = h(
    "details",
    { class: "card header-form", open: true },
    h("summary", {}, "Thông tin văn bản (tiêu đề, số, ngày, trích yếu)"),
    h(
      "div",
      { class: "grid2" },
      input(
        ed,
        "Cơ quan ban hành",
        d.issuer,
        (v) => {
          d.issuer = v;
        },
        { id: "f-issuer" },
      ),
      input(ed, "Cơ quan cấp trên", d.parent_body, (v) => {
        d.parent_body = v || null;
      }),
    ),
    h(
      "div",
      { class: "grid3" },
      input(
        ed,
        "Số, ký hiệu",
        num.raw,
        (v) => {
          d.number = { ...num, raw: v };
        },
        { id: "f-number" },
      ),
      input(
        ed,
        "Địa danh, ngày tháng",
        pd.raw,
        (v) => {
          d.place_date = { ...pd, raw: v };
        },
        { id: "f-date" },
      ),
      input(ed, "Loại văn bản", d.doc_type, (v) => {
        d.doc_type = v || null;
      }),
    ),
    input(
      ed,
      "Trích yếu",
      d.summary,
      (v) => {
        d.summary = v || null;
      },
      { id: "f-summary" },
    ),
  );
  return box;
}

function tailForm(ed: Ed, d: Document): HTMLElement {
  const sig = d.signature ?? { authority: null, delegation: null, title: null, name: null };
  const rec = h("textarea", { rows: 6, id: "f-recipients", "aria-label": "Nơi nhận" });
  rec.value = d.recipients.join("\n");
  rec.addEventListener("input", () => {
    ed.draft.snapshot();
    d.recipients = rec.value
      .normalize("NFC")
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean);
    ed.draft.changed();
  });
  const setSig = (k: keyof typeof sig) => (v: string) => {
    d.signature = { ...(d.signature ?? sig), [k]: v || null };
  };
  return h(
    "div",
    { class: "card tail-form" },
    h(
      "div",
      { class: "grid2" },
      h("label", { class: "field" }, h("span", {}, "Nơi nhận (mỗi dòng một nơi)"), rec),
      h(
        "div",
        {},
        input(ed, "Thẩm quyền ký", sig.authority, setSig("authority")),
        input(ed, "Ký thay", sig.delegation, setSig("delegation")),
        input(ed, "Chức vụ người ký", sig.title, setSig("title")),
        input(ed, "Họ và tên người ký", sig.name, setSig("name"), { id: "f-signer" }),
      ),
    ),
  );
}

function footnoteList(ed: Ed, d: Document): HTMLElement {
  const box = h("div", { class: "card footnotes", id: "footnotes" }, h("h3", {}, "Chú thích"));
  if (d.footnotes.length === 0)
    box.append(
      h(
        "p",
        { class: "muted small" },
        "Chưa có chú thích. Đặt con trỏ vào chỗ cần chú thích rồi bấm «Chú thích» (Ctrl+Alt+F).",
      ),
    );
  d.footnotes.forEach((f: Footnote, k) => {
    const t = h("textarea", { rows: 2, "data-fn": f.id, "aria-label": `Chú thích ${k + 1}` });
    t.value = f.text;
    t.addEventListener("input", () => {
      ed.draft.snapshot();
      f.text = t.value.normalize("NFC");
      ed.draft.changed();
    });
    box.append(h("div", { class: "fn-row" }, h("sup", {}, String(k + 1)), t));
  });
  return box;
}

/** The outline: one item per section (its events are the outline element's, set once
 *  by structure.ts `wireOutline`). */
function renderOutline(ed: Ed): void {
  const o = ed.outline;
  clear(o);
  const ul = h("ol", { class: "tree" });
  const current = ed.draft.current?.join(".");
  walk(ed.draft.doc, (s, idx) => {
    const cur = current !== undefined && current === idx.join(".");
    ul.append(
      h(
        "li",
        {
          class: `o-item depth${Math.min(idx.length, 4)}${cur ? " current" : ""}`,
          "data-idx": idx.join("."),
          tabindex: 0,
        },
        h("span", { class: "o-label" }, s.label),
        " ",
        outlineTitle(s),
        s.implements ? h("span", { class: "o-impl" }, s.implements.replace(/^.*#/, "↳ ")) : null,
      ),
    );
  });
  o.append(ul);
}

/** A section's title in the outline, shortened; an untitled item shows its first words. */
function outlineTitle(s: Section): HTMLElement {
  const cut = (t: string) => (t.length > 60 ? t.slice(0, 58) + "…" : t);
  if (s.title.trim()) return h("span", { class: "o-title" }, cut(s.title));
  const first = s.paragraphs.find((p) => p.trim());
  return h("span", { class: "o-title untitled" }, first ? cut(first) : "(chưa có nội dung)");
}

/** Marks `idx` as the current section in the outline and tells the side panels. */
export function markCurrent(ed: Ed, idx: Idx): void {
  ed.draft.current = idx;
  const key = idx.join(".");
  ed.outline
    .querySelectorAll<HTMLElement>(".o-item")
    .forEach((li) => li.classList.toggle("current", li.dataset.idx === key));
  ed.draft.sectionChanged(false);
}

/** Makes `idx` the current section; with `scroll`, brings it into view and puts the
 *  cursor in its body. */
export function select(ed: Ed, idx: Idx, scroll: boolean): void {
  const secEl = sectionElement(ed, idx);
  if (secEl && scroll) {
    secEl.scrollIntoView({ block: "start" });
    secEl.querySelector<HTMLElement>(".sec-body")?.focus();
  }
  markCurrent(ed, idx);
}

export function sectionElement(ed: Ed, idx: Idx): HTMLElement | null {
  return ed.page.querySelector<HTMLElement>(`section.sec[data-idx="${idx.join(".")}"]`);
}
