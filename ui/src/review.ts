// The «Góp ý» screen of a draft: reviewers' Word copies imported (dialog or drop),
// every comment and proposed change listed beside the draft's current text of that
// place, filtered by reviewer, section and status; each handled — «Tiếp thu» applies a
// proposed change in one click (undo: the version kept before it), «Tiếp thu một
// phần» and «Giải trình» with an answer — and stored at once; the report exported; a
// version «Dự thảo sau góp ý» saved with its redline against the version sent out.
import { api, errorOf, pickFiles, pickSavePath } from "./api.js";
import type { ImportOutcome, ReviewView, Status, StoredItem } from "./bindings.js";
import { clear, h, modal, toast } from "./dom.js";
import { onDrop } from "./drop.js";

const STATUS: [Status, string][] = [
  ["pending", "chưa xử lý"],
  ["accepted", "tiếp thu"],
  ["partial", "tiếp thu một phần"],
  ["explained", "giải trình"],
];
const KIND: Record<string, string> = {
  comment: "Ý kiến",
  insert: "Đề nghị bổ sung",
  delete: "Đề nghị bỏ",
  replace: "Đề nghị sửa",
};

const PART: Record<string, string> = {
  header: "Phần đầu",
  title: "Tên loại, trích yếu",
  preamble: "Căn cứ, mở đầu",
  section: "Các mục",
  closing: "Phần kết",
  tail: "Nơi nhận, chữ ký",
  unknown: "Không xác định được vị trí",
};

interface Filters {
  reviewer: string;
  section: string;
  status: string;
}

export async function showReview(el: HTMLElement, draftId: number): Promise<void> {
  const draft = await api.getDraft(draftId);
  const filters: Filters = { reviewer: "", section: "", status: "" };
  let asked: number | null = null;
  clear(el);
  const page = h("section", { class: "review-screen", id: "review" });
  el.append(page);
  const results = h("ul", { class: "plain", id: "review-import-results" });

  const importPaths = async (paths: string[]) => {
    if (paths.length === 0) return;
    try {
      const out = await api.importReviewCopies(draftId, paths);
      showResults(results, out);
      await draw();
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  };
  onDrop((paths) => void importPaths(paths));

  const draw = async () => {
    const v = await api.reviewState(draftId);
    clear(page);
    page.append(
      h(
        "div",
        { class: "review-head" },
        h("h1", {}, "Góp ý cho dự thảo"),
        h("p", { class: "muted" }, draft.entry.title),
        h("a", { href: `#/du-thao/${draftId}`, class: "button" }, "← Về dự thảo"),
      ),
    );
    const importBtn = h("button", { class: "primary", id: "review-import" }, "Nhập bản góp ý…");
    importBtn.addEventListener("click", async () => importPaths(await pickFiles("copies")));
    const askedInput = h("input", {
      type: "number",
      min: "0",
      id: "review-asked",
      value: String(asked ?? v.copies.length),
      "aria-label": "Số cơ quan được lấy ý kiến",
    });
    askedInput.addEventListener("change", () => {
      asked = Math.max(0, Number(askedInput.value) || 0);
    });
    const report = h("button", { id: "review-report" }, "Xuất báo cáo tiếp thu, giải trình…");
    report.addEventListener("click", () => void exportReport(draftId, asked ?? v.copies.length));
    const after = h("button", { id: "review-version" }, "Lưu phiên bản «Dự thảo sau góp ý»…");
    after.addEventListener("click", () => void saveAfterReview(draftId, v));
    page.append(
      h(
        "div",
        { class: "review-tools" },
        importBtn,
        h("label", { class: "inline" }, "Số cơ quan được lấy ý kiến ", askedInput),
        report,
        after,
      ),
      results,
      counts(v),
      copiesList(v, draw),
    );
    if (v.items.length === 0) {
      page.append(
        h(
          "p",
          { class: "empty" },
          "Chưa có bản góp ý nào. Nhập các tệp Word các cơ quan gửi lại (có ý kiến và theo dõi thay đổi), hoặc kéo thả vào đây.",
        ),
      );
      return;
    }
    page.append(filterBar(v, filters, draw));
    const list = h("ul", { class: "review-items", id: "review-items" });
    v.items.forEach((it, k) => {
      const i = it.handled.item;
      const section = i.path || "";
      if (filters.reviewer && i.reviewer !== filters.reviewer) return;
      if (filters.section && section !== filters.section) return;
      if (filters.status && it.handled.status !== filters.status) return;
      list.append(itemCard(draftId, it, v.content[k], v.current[k], draw));
    });
    page.append(list);
  };
  await draw();
}

function showResults(ul: HTMLElement, out: ImportOutcome[]): void {
  clear(ul);
  for (const r of out) ul.append(h("li", { class: r.ok ? "ok" : "error" }, h("strong", {}, r.file), `: ${r.message}`));
  const failed = out.filter((r) => !r.ok).length;
  toast(
    failed ? `${failed}/${out.length} tệp không nhập được.` : `Đã nhập ${out.length} bản góp ý.`,
    failed ? "error" : "ok",
  );
}

function counts(v: ReviewView): HTMLElement {
  const s = v.summary;
  return h(
    "p",
    { class: "review-counts", id: "review-counts" },
    `${s.items} ý kiến của ${s.answered} cơ quan: `,
    h("span", { "data-status": "pending" }, `${s.pending} chưa xử lý`),
    ", ",
    h("span", { "data-status": "accepted" }, `${s.accepted} tiếp thu`),
    ", ",
    h("span", { "data-status": "partial" }, `${s.partial} tiếp thu một phần`),
    ", ",
    h("span", { "data-status": "explained" }, `${s.explained} giải trình`),
    ".",
  );
}

function copiesList(v: ReviewView, redraw: () => Promise<void>): HTMLElement {
  const ul = h("ul", { class: "plain review-copies", id: "review-copies" });
  for (const c of v.copies) {
    const remove = h("button", { class: "small" }, "Xóa");
    remove.addEventListener("click", async () => {
      const answer = await modal(
        "Xóa bản góp ý",
        h("p", {}, `Xóa bản góp ý «${c.file_name}» cùng ${c.items} ý kiến của nó? Tệp gốc trên máy không bị xóa.`),
        [
          { label: "Xóa", value: "remove", primary: true },
          { label: "Giữ lại", value: "keep" },
        ],
      );
      if (answer !== "remove") return;
      await api.removeReviewCopy(c.id);
      await redraw();
    });
    const how =
      c.mapping === "unrelated"
        ? "không khớp với dự thảo này"
        : c.mapping === "aligned"
          ? "gửi từ bản cũ, đã đối chiếu"
          : "khớp với dự thảo";
    ul.append(
      h(
        "li",
        { "data-copy": c.id },
        h("strong", {}, c.reviewer),
        ` — ${c.file_name} (${c.items} ý kiến; ${how})`,
        ...c.notes.map((n) => h("div", { class: "muted small" }, n)),
        " ",
        remove,
      ),
    );
  }
  return ul;
}

function filterBar(v: ReviewView, f: Filters, redraw: () => Promise<void>): HTMLElement {
  const select = (id: keyof Filters, label: string, options: [string, string][]) => {
    const s = h("select", { id: `review-filter-${id}`, "aria-label": label });
    s.append(h("option", { value: "" }, `${label}: tất cả`));
    for (const [value, text] of options) s.append(h("option", { value, selected: f[id] === value }, text));
    s.addEventListener("change", () => {
      f[id] = s.value;
      void redraw();
    });
    return s;
  };
  const uniq = (xs: string[]) => [...new Set(xs)].map((x) => [x, x] as [string, string]);
  const sections = uniq(v.items.map((i) => i.handled.item.path).filter(Boolean)).map(
    ([p]) => [p, `Mục ${p}`] as [string, string],
  );
  return h(
    "div",
    { class: "review-filters" },
    select("reviewer", "Cơ quan", uniq(v.items.map((i) => i.handled.item.reviewer))),
    select("section", "Mục", sections),
    select("status", "Trạng thái", STATUS),
  );
}

function itemCard(
  draftId: number,
  it: StoredItem,
  content: string,
  current: string | null,
  redraw: () => Promise<void>,
): HTMLElement {
  const i = it.handled.item;
  const status = it.handled.status;
  const label = STATUS.find(([s]) => s === status)?.[1] ?? status;
  const card = h(
    "li",
    { class: `review-item ${status}`, "data-item": it.id, "data-status": status, "data-kind": i.kind },
    h(
      "div",
      { class: "muted small" },
      `${i.reviewer} · ${KIND[i.kind] ?? i.kind} · ${i.path ? `Mục ${i.path}` : PART[i.part]}`,
      h("span", { class: "badge" }, label),
      i.changed ? h("span", { class: "badge warn" }, "đã thay đổi từ khi gửi") : null,
    ),
    h("div", { class: "review-content" }, content),
  );
  if (current !== null)
    card.append(h("div", { class: "review-current" }, h("span", { class: "muted" }, "Dự thảo hiện nay: "), current));
  else if (i.part === "section" || i.part === "unknown")
    card.append(h("div", { class: "muted small" }, "Không còn đoạn này trong dự thảo."));
  if (it.handled.answer)
    card.append(h("div", { class: "review-answer" }, h("strong", {}, "Trả lời: "), it.handled.answer));

  const answer = h("textarea", { rows: 2, class: "review-answer-input", "aria-label": "Ý kiến tiếp thu, giải trình" });
  answer.value = it.handled.answer;
  const set = async (s: Status) => {
    if (s !== "accepted" && !answer.value.trim()) {
      toast("Hãy ghi ý kiến tiếp thu một phần hoặc giải trình.", "info");
      answer.focus();
      return;
    }
    try {
      await api.setReviewStatus(it.id, s, answer.value.trim());
      await redraw();
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  };
  const accept = h("button", { class: "primary accept" }, "Tiếp thu");
  accept.addEventListener("click", async () => {
    if (i.kind === "comment") return set("accepted");
    try {
      const kept = await api.acceptReviewItem(draftId, it.id);
      await redraw();
      undoToast(kept, it.id, redraw);
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  });
  const partial = h("button", { class: "partial" }, "Tiếp thu một phần");
  partial.addEventListener("click", () => void set("partial"));
  const explain = h("button", { class: "explain" }, "Giải trình");
  explain.addEventListener("click", () => void set("explained"));
  const tools = h("div", { class: "review-actions" }, accept, partial, explain);
  if (status !== "pending") {
    const reopen = h("button", { class: "link" }, "Đặt lại «chưa xử lý»");
    reopen.addEventListener("click", async () => {
      await api.setReviewStatus(it.id, "pending", answer.value.trim());
      await redraw();
    });
    tools.append(reopen);
  }
  card.append(answer, tools);
  return card;
}

/** After «Tiếp thu» of a change: a way back (the version kept before it). */
function undoToast(versionId: number, itemId: number, redraw: () => Promise<void>): void {
  const undo = h("button", { class: "link", id: "review-undo" }, "Hoàn tác");
  undo.addEventListener("click", async () => {
    try {
      await api.restoreVersion(versionId);
      await api.setReviewStatus(itemId, "pending", "");
      bar.remove();
      await redraw();
      toast("Đã hoàn tác: dự thảo trở lại như trước khi tiếp thu.", "ok");
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  });
  const bar = h("div", { class: "review-undo-bar" }, "Đã sửa dự thảo theo góp ý. ", undo);
  document.getElementById("review-items")?.before(bar);
}

async function exportReport(draftId: number, asked: number): Promise<void> {
  try {
    const s = await api.settings();
    const name = "bao-cao-tiep-thu-giai-trinh.docx";
    const path = await pickSavePath(s.export_dir ? `${s.export_dir}/${name}` : name);
    if (!path) return;
    await api.exportReviewReport(draftId, asked, path.endsWith(".docx") ? path : `${path}.docx`);
    toast(`Đã lưu ${path}`, "ok");
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}

/** Saves «Dự thảo sau góp ý» and, when the copies say which version was sent out,
 *  the redline between that version and this one. */
async function saveAfterReview(draftId: number, v: ReviewView): Promise<void> {
  try {
    const versions = await api.saveVersion(draftId, "Dự thảo sau góp ý");
    const now = versions.reduce((a, b) => (b.id > a.id ? b : a));
    toast("Đã lưu phiên bản «Dự thảo sau góp ý».", "ok");
    const sent = v.copies.find((c) => c.version_id !== null)?.version_id ?? null;
    if (sent === null) return;
    const s = await api.settings();
    const name = "so-sanh-sau-gop-y.docx";
    const path = await pickSavePath(s.export_dir ? `${s.export_dir}/${name}` : name);
    if (!path) return;
    await api.exportRedline(draftId, sent, now.id, path.endsWith(".docx") ? path : `${path}.docx`);
    toast(`Đã lưu bản so sánh (theo dõi thay đổi): ${path}`, "ok");
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}
