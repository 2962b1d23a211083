// New draft: the parent document, the province (current or former by the year),
// the issuer, the type, the year and the signer; creates the scaffold. The rules
// (which provinces apply to a year, which type an issuer usually issues, checking the
// request) are Rust's: this screen only shows what the commands answer.
import { api, errorOf } from "./api.js";
import type { DraftType, IssuerKind, WizardOptions } from "./bindings.js";
import { clear, h, toast } from "./dom.js";

export async function showWizard(el: HTMLElement): Promise<void> {
  const o: WizardOptions = await api.wizardOptions();
  clear(el);
  const year = h("input", { type: "number", id: "year", min: 2000, max: 2100, value: Number(o.today.slice(0, 4)) });
  const province = h("select", { id: "province", required: true });
  const note = h("p", { class: "muted small" });
  let asked = 0;
  const fillProvinces = async () => {
    const mine = ++asked;
    const keep = province.value || o.settings.province || "";
    let places;
    try {
      places = await api.placesForYear(Number(year.value));
    } catch (err) {
      if (mine === asked) note.textContent = errorOf(err).message;
      return;
    }
    if (mine !== asked) return; // a later year was typed meanwhile
    clear(province);
    const names = [...places.names].sort((a, b) => a.localeCompare(b, "vi"));
    province.append(
      h("option", { value: "" }, "— Chọn tỉnh, thành phố —"),
      ...names.map((n) => h("option", { value: n, selected: n === keep }, n)),
    );
    note.textContent = `Danh sách ${places.label}.`;
  };
  year.addEventListener("input", fillProvinces);
  const parent = h("select", { id: "parent" }, ...o.parents.map((p) => h("option", { value: p.id }, p.title)));
  const issuer = h(
    "select",
    { id: "issuer" },
    ...o.issuers.map((i) => h("option", { value: i.id, selected: i.id === (o.settings.issuer ?? "tinh-uy") }, i.label)),
  );
  const type = h("select", { id: "doc-type" }, ...o.types.map((t) => h("option", { value: t.id }, t.label)));
  const chosenIssuer = (): IssuerKind => o.issuers.find((i) => i.id === issuer.value)?.id ?? o.issuers[0].id;
  const chosenType = (): DraftType => o.types.find((t) => t.id === type.value)?.id ?? o.types[0].id;
  // Switching issuer keeps a type it usually issues, otherwise takes its usual one.
  const syncType = () => {
    const usual = o.issuers.find((i) => i.id === chosenIssuer())?.usual_types ?? [];
    if (usual.length && !usual.includes(chosenType())) type.value = usual[0];
  };
  issuer.addEventListener("change", syncType);
  const signer = h("input", {
    type: "text",
    id: "signer",
    value: o.settings.signer ?? "",
    placeholder: "Họ và tên người ký (có thể để trống)",
  });
  const signerTitle = h("input", {
    type: "text",
    id: "signer-title",
    value: o.settings.signer_title ?? "",
    placeholder: "Ví dụ: PHÓ BÍ THƯ THƯỜNG TRỰC (để trống: theo mặc định)",
  });
  const field = (label: string, input: HTMLElement, extra?: HTMLElement) =>
    h("label", { class: "field" }, h("span", {}, label), input, extra);
  const create = h("button", { class: "primary", id: "create-draft", type: "submit" }, "Tạo dự thảo");
  const form = h(
    "form",
    { class: "card wizard" },
    h("h1", {}, "Dự thảo mới"),
    h(
      "p",
      { class: "muted" },
      "Dự thảo được dựng theo bố cục văn bản cấp trên; mỗi mục giữ liên kết với mục mà nó triển khai.",
    ),
    field("Văn bản cấp trên", parent),
    h("div", { class: "grid2" }, field("Năm ban hành", year), field("Tỉnh, thành phố", province, note)),
    h("div", { class: "grid2" }, field("Cơ quan ban hành", issuer), field("Loại văn bản", type)),
    h("div", { class: "grid2" }, field("Người ký", signer), field("Chức vụ người ký", signerTitle)),
    h("div", { class: "actions" }, create, h("a", { class: "button", href: "#/" }, "Hủy")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!province.value) {
      toast("Hãy chọn tỉnh, thành phố.", "error");
      province.focus();
      return;
    }
    create.disabled = true;
    try {
      const draft = {
        province: province.value,
        issuer: chosenIssuer(),
        doc_type: chosenType(),
        year: Number(year.value),
        date: null,
        signer: signer.value || null,
        signer_title: signerTitle.value || null,
      };
      const id = await api.createDraft({ parent: parent.value, draft });
      await api.saveSettings({
        province: province.value,
        issuer: draft.issuer,
        signer: draft.signer,
        signer_title: draft.signer_title,
        profile: null,
        author: null,
        export_dir: null,
      });
      location.hash = `#/du-thao/${id}`;
    } catch (err) {
      toast(errorOf(err).message, "error");
      create.disabled = false;
    }
  });
  el.append(form);
  await fillProvinces();
  syncType();
}
