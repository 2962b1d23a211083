// «Bản đồ triển khai»: a parent's sections (rows) against the library's documents that
// implement it (columns). Each cell says how closely the document takes the section
// up (colour), and whether it states a quantified target, a lead agency and a time
// (marks); a click puts the two sections side by side. The map itself is Rust's
// (`banthao_core::coverage_map`); this screen only draws it.
import { api, errorOf } from "./api.js";
import type { Band, CoverageView, CoveredBy, Document, ListedDocument, Section, SectionCoverage } from "./bindings.js";
import { clear, h, modal, toast } from "./dom.js";
import { sectionView } from "./docview.js";
import { walk } from "./model.js";

const BANDS: Record<Band, string> = {
  close: "Triển khai sát mục của văn bản cấp trên",
  partial: "Triển khai một phần",
  weak: "Có mục tương ứng nhưng ít nội dung chung",
};

type Fact = "has_target" | "has_lead" | "has_time";
const MARKS: [Fact, string, string][] = [
  ["has_target", "Số", "có chỉ tiêu định lượng"],
  ["has_lead", "CT", "có cơ quan chủ trì"],
  ["has_time", "TH", "có thời hạn"],
];

/** The parent section's path (`III.3` of `45-NQ/TW#III.3`). */
const pathIn = (id: string) => id.slice(id.indexOf("#") + 1);

export async function showCoverage(el: HTMLElement, parent: string): Promise<void> {
  const v = await api.coverage(parent);
  opened.clear();
  clear(el);
  const screen = h("div", { class: "coverage" });
  el.append(screen);
  screen.append(
    h(
      "div",
      { class: "coverage-head" },
      h("h1", {}, "Bản đồ triển khai"),
      h("a", { class: "button", href: "#/", id: "coverage-back" }, "Về thư viện"),
    ),
    h("p", { class: "coverage-parent", id: "coverage-parent" }, v.parent.title),
  );
  if (v.documents.length === 0) {
    screen.append(
      h(
        "div",
        { class: "card empty", id: "coverage-empty" },
        h("p", {}, "Thư viện chưa có văn bản nào triển khai văn bản này."),
        h(
          "p",
          { class: "muted" },
          "Hãy nhập chương trình, kế hoạch của các tỉnh, thành (nút «Nhập văn bản…» ở Thư viện): bản đồ sẽ cho biết mỗi mục đã được triển khai đến đâu.",
        ),
      ),
    );
    return;
  }
  screen.append(
    h(
      "p",
      { class: "muted small" },
      `${v.sections.length} mục của văn bản cấp trên, ${v.documents.length} văn bản triển khai. Bấm vào một ô để đặt hai mục cạnh nhau.`,
    ),
    legend(),
    h("div", { class: "coverage-scroll" }, table(v)),
  );
}

function legend(): HTMLElement {
  return h(
    "div",
    { class: "coverage-legend small", id: "coverage-legend" },
    ...(Object.keys(BANDS) as Band[]).map((b) =>
      h("span", { class: "legend-item" }, h("span", { class: `swatch band-${b}` }), BANDS[b]),
    ),
    h("span", { class: "legend-item" }, h("span", { class: "swatch band-none" }), "Không có mục tương ứng"),
    ...MARKS.map(([, mark, what]) => h("span", { class: "legend-item" }, h("span", { class: "mark on" }, mark), what)),
  );
}

function table(v: CoverageView): HTMLElement {
  const head = h(
    "tr",
    {},
    h("th", { class: "corner" }, "Mục của văn bản cấp trên"),
    ...v.documents.map((d) => h("th", { class: "doc-col", title: d.name, "data-col": d.id }, d.label)),
  );
  const rows = v.sections.map((s) =>
    h(
      "tr",
      { "data-section": s.id },
      h(
        "th",
        { class: `sec-name depth${pathIn(s.id).split(".").length}`, title: s.title },
        h("span", { class: "sec-path" }, pathIn(s.id)),
        " ",
        s.title,
      ),
      ...v.documents.map((d, k) => cell(v, s, d, s.covered_by.find((c) => c.document === k) ?? null)),
    ),
  );
  // How many of the parent's sections each document takes up.
  const foot = h(
    "tr",
    { class: "totals" },
    h("th", {}, "Số mục có nội dung tương ứng"),
    ...v.documents.map((_d, k) =>
      h(
        "td",
        {},
        `${v.sections.filter((s) => s.covered_by.some((c) => c.document === k)).length}/${v.sections.length}`,
      ),
    ),
  );
  return h(
    "table",
    { class: "coverage-map", id: "coverage-map" },
    h("thead", {}, head),
    h("tbody", {}, ...rows),
    h("tfoot", {}, foot),
  );
}

function cell(v: CoverageView, s: SectionCoverage, d: ListedDocument, c: CoveredBy | null): HTMLElement {
  const where = `${d.name} — mục ${pathIn(s.id)} ${s.title}`;
  if (!c)
    return h(
      "td",
      { class: "cell band-none", "data-doc": d.id, title: `${where}: không có mục tương ứng` },
      h("span", { class: "muted" }, "—"),
    );
  const facts = MARKS.map(([f, , what]) => `${c[f] ? "" : "chưa "}${what}`).join(", ");
  const title = `${where}: mục ${c.path} của văn bản, ${BANDS[c.band].toLowerCase()} (giống ${Math.round(c.score * 100)}%); ${facts}.`;
  return h(
    "td",
    { class: `cell band-${c.band}`, "data-doc": d.id, "data-path": c.path, "data-band": c.band },
    h(
      "button",
      {
        class: "cell-button",
        title,
        "aria-label": title,
        onclick: () => openPair(v, s, d, c).catch((e) => toast(errorOf(e).message, "error")),
      },
      h("span", { class: "cell-path" }, c.path),
      h(
        "span",
        { class: "marks" },
        ...MARKS.map(([f, mark, what]) =>
          h("span", { class: c[f] ? "mark on" : "mark", title: `${c[f] ? "Có" : "Chưa có"} ${what.slice(3)}` }, mark),
        ),
      ),
    ),
  );
}

/** The section of `doc` at `path` (paths as Rust computes them). */
function sectionAtPath(doc: Document, path: string): Section | null {
  let found: Section | null = null;
  walk(doc, (s, _idx, p) => {
    if (p === path && !found) found = s;
  });
  return found;
}

const opened = new Map<number, Document>();

/** The parent's section and the document's, side by side. */
async function openPair(v: CoverageView, s: SectionCoverage, d: ListedDocument, c: CoveredBy): Promise<void> {
  let doc = opened.get(d.id);
  if (!doc) {
    doc = await api.openDocument(d.id);
    opened.set(d.id, doc);
  }
  const facts = MARKS.map(([f, mark, what]) =>
    h(
      "span",
      { class: "legend-item" },
      h("span", { class: c[f] ? "mark on" : "mark" }, mark),
      `${c[f] ? "" : "chưa "}${what}`,
    ),
  );
  const body = h(
    "div",
    { class: "pair", id: "coverage-pair" },
    h(
      "div",
      { class: "pair-col", id: "pair-parent" },
      h("h3", {}, v.parent.title),
      sectionView(sectionAtPath(v.parent_doc, pathIn(s.id))),
    ),
    h(
      "div",
      { class: "pair-col", id: "pair-document" },
      h("h3", {}, d.name),
      h("p", { class: "small muted" }, `${BANDS[c.band]} (giống ${Math.round(c.score * 100)}%) · `, ...facts),
      sectionView(sectionAtPath(doc, c.path)),
    ),
  );
  await modal(
    `Mục ${pathIn(s.id)} và mục ${c.path} của ${d.label}`,
    body,
    [{ label: "Đóng", value: "close", primary: true }],
    true,
  );
}
