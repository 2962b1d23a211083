// Export: the profile (Party or State), the first page as it will print, and the
// .docx saved where the user chooses (the folder is remembered).
import { api, errorOf, pickSavePath } from "./api.js";
import { clear, h, toast } from "./dom.js";
import type { DocKind } from "./bindings.js";

export async function showExport(el: HTMLElement, id: number): Promise<void> {
  const view = await api.getDraft(id);
  const doc = view.doc;
  let profile = view.entry.profile;
  clear(el);
  const sheet = h("div", { class: "preview-sheet", id: "preview" });
  const draw = async () => {
    clear(sheet);
    const html = await api.preview(doc, profile);
    const frame = h("div", { class: "preview-scale" });
    frame.innerHTML = html; // produced by our own renderer from escaped text
    sheet.append(frame);
  };
  const radio = (value: DocKind, label: string) => {
    const r = h("input", { type: "radio", name: "profile", value, checked: profile === value, id: `profile-${value}` });
    r.addEventListener("change", async () => {
      profile = value;
      await api.setDraftProfile(id, value);
      draw();
    });
    return h("label", { class: "check" }, r, ` ${label}`);
  };
  const fileName = `${(view.entry.title || "du-thao")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .toLowerCase()}.docx`;
  const save = h("button", { class: "primary", id: "export-save" }, "Lưu tệp .docx…");
  save.addEventListener("click", async () => {
    try {
      const s = await api.settings();
      const path = await pickSavePath(s.export_dir ? `${s.export_dir}/${fileName}` : fileName);
      if (!path) return;
      await api.exportDocx(doc, profile, path.endsWith(".docx") ? path : `${path}.docx`);
      toast(`Đã lưu ${path}`, "ok");
      const done = document.getElementById("export-done");
      if (done) done.textContent = `Đã lưu: ${path}`;
    } catch (e) {
      toast(errorOf(e).message, "error");
    }
  });
  el.append(
    h(
      "div",
      { class: "export" },
      h(
        "section",
        { class: "card export-form" },
        h("h1", {}, "Xuất văn bản Word"),
        h("p", {}, view.entry.title),
        h(
          "fieldset",
          {},
          h("legend", {}, "Thể thức"),
          radio("party", "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"),
          radio("state", "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)"),
        ),
        h(
          "p",
          { class: "muted small" },
          "Bên cạnh là trang đầu như khi in. Đánh số mục, tiêu đề, chú thích, nơi nhận và chữ ký theo thể thức đã chọn.",
        ),
        h(
          "div",
          { class: "actions" },
          save,
          h("a", { class: "button", href: `#/du-thao/${id}` }, "Quay lại soạn thảo"),
        ),
        h("p", { id: "export-done", class: "muted small" }),
      ),
      h("section", { class: "preview-wrap" }, sheet),
    ),
  );
  await draw();
}
