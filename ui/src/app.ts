// The window: routes between the screens, and the recovery screen when the database
// cannot be opened.
import { api, errorOf } from "./api.js";
import { clear, h, toast, when } from "./dom.js";
import { installDrop, onDrop } from "./drop.js";
import { dropIntoLibrary, showLibrary } from "./library.js";
import { showReview } from "./review.js";
import { showWizard } from "./wizard.js";
import { showEditor, leaveEditor } from "./editor.js";
import { showExport } from "./exporter.js";
import { showCoverage } from "./coverage.js";

const main = () => document.getElementById("main")!;

async function route(): Promise<void> {
  await leaveEditor();
  onDrop(null);
  const hash = location.hash || "#/";
  const nav = document.getElementById("nav")!;
  clear(nav);
  nav.append(
    h("a", { href: "#/", class: hash === "#/" ? "active" : "" }, "Thư viện"),
    h("a", { href: "#/moi", class: hash === "#/moi" ? "active" : "" }, "Dự thảo mới"),
  );
  document.getElementById("save-state")!.textContent = "";
  const status = await api.dbStatus();
  if (!status.ok) return showRecovery(main(), status);
  const m = hash.match(/^#\/(du-thao|xuat|gop-y)\/(\d+)$/);
  const map = hash.match(/^#\/ban-do\/(.+)$/);
  try {
    if (hash === "#/moi") await showWizard(main());
    else if (map) await showCoverage(main(), decodeURIComponent(map[1]));
    else if (m && m[1] === "du-thao") await showEditor(main(), Number(m[2]));
    else if (m && m[1] === "xuat") await showExport(main(), Number(m[2]));
    else if (m && m[1] === "gop-y") await showReview(main(), Number(m[2]));
    else await showLibrary(main());
  } catch (e) {
    toast(errorOf(e).message, "error");
  }
}

function showRecovery(el: HTMLElement, status: Awaited<ReturnType<typeof api.dbStatus>>): void {
  clear(el);
  const err = status.error;
  const locked = err?.code === "db-locked";
  const redo = async (p: Promise<Awaited<ReturnType<typeof api.dbStatus>>>) => {
    try {
      const s = await p;
      if (s.ok) {
        toast("Đã mở cơ sở dữ liệu.", "ok");
        location.hash = "#/";
        route();
      } else showRecovery(el, s);
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  };
  el.append(
    h(
      "section",
      { class: "recovery card" },
      h("h1", {}, locked ? "Cơ sở dữ liệu đang bị khóa" : "Không mở được cơ sở dữ liệu"),
      h("p", {}, err?.message ?? ""),
      h("p", { class: "muted" }, `Tệp: ${status.path}`),
      h(
        "div",
        { class: "actions" },
        h("button", { class: "primary", onclick: () => redo(api.retryOpen()) }, "Thử mở lại"),
        !locked &&
          h("button", { onclick: () => redo(api.startFresh()) }, "Bắt đầu với cơ sở dữ liệu mới (giữ lại tệp hỏng)"),
      ),
      !locked &&
        status.backups.length > 0 &&
        h(
          "div",
          {},
          h("h2", {}, "Mở một bản sao lưu"),
          h(
            "ul",
            { class: "plain" },
            ...status.backups.map((b) =>
              h(
                "li",
                {},
                h("span", {}, `Bản sao lưu ngày ${b.day.split("-").reverse().join("/")}`),
                " ",
                h("button", { onclick: () => redo(api.restoreBackup(b.path)) }, "Mở bản này"),
              ),
            ),
          ),
        ),
      !locked && status.backups.length === 0 && h("p", { class: "muted" }, "Chưa có bản sao lưu nào."),
    ),
  );
}

window.addEventListener("hashchange", () => {
  route();
});
window.addEventListener("DOMContentLoaded", () => {
  installDrop(dropIntoLibrary);
  route();
});
export { when };
