// New draft: the parent document, the province (current or former by the year),
// the issuer, the type, the year and the signer; creates the scaffold.
import { api, errorOf } from "./api.js";
import type { PlaceSet, WizardOptions } from "./bindings.js";
import { clear, h, toast } from "./dom.js";

function setFor(sets: PlaceSet[], year: number, today: string): PlaceSet | undefined {
  const thisYear = Number(today.slice(0, 4));
  const date = year === thisYear ? today : year < thisYear ? `${year}-12-31` : `${year}-01-01`;
  return sets.find((s) => (!s.valid_from || s.valid_from <= date) && (!s.valid_until || date <= s.valid_until));
}

export async function showWizard(el: HTMLElement): Promise<void> {
  const o: WizardOptions = await api.wizardOptions();
  clear(el);
  const year = h("input", { type: "number", id: "year", min: 2000, max: 2100, value: Number(o.today.slice(0, 4)) });
  const province = h("select", { id: "province", required: true });
  const fillProvinces = () => {
    const keep = province.value || o.settings.province || "";
    clear(province);
    const set = setFor(o.sets, Number(year.value), o.today);
    const names = [...(set?.names ?? [])].sort((a, b) => a.localeCompare(b, "vi"));
    province.append(h("option", { value: "" }, "— Chọn tỉnh, thành phố —"), ...names.map((n) => h("option", { value: n, selected: n === keep }, n)));
    note.textContent = set?.id === "former-63" ? "Năm này áp dụng danh sách 63 tỉnh, thành phố trước sắp xếp." : "Danh sách 34 tỉnh, thành phố sau sắp xếp (từ 01/7/2025).";
  };
  const note = h("p", { class: "muted small" });
  year.addEventListener("input", fillProvinces);
  const parent = h("select", { id: "parent" }, ...o.parents.map((p) => h("option", { value: p.id }, p.title)));
  const issuer = h("select", { id: "issuer" },
    ...[["tinh-uy", "Tỉnh ủy (Ban Chấp hành Đảng bộ)"], ["ban-thuong-vu", "Ban Thường vụ Tỉnh ủy"], ["ubnd", "Ủy ban nhân dân tỉnh"]]
      .map(([v, l]) => h("option", { value: v, selected: v === (o.settings.issuer ?? "tinh-uy") }, l)));
  const type = h("select", { id: "doc-type" }, ...[["ctr", "Chương trình"], ["kh", "Kế hoạch"], ["ctrhd", "Chương trình hành động"]].map(([v, l]) => h("option", { value: v }, l)));
  const syncType = () => { type.value = issuer.value === "ubnd" ? "kh" : type.value === "kh" ? "ctr" : type.value; };
  issuer.addEventListener("change", syncType);
  const signer = h("input", { type: "text", id: "signer", value: o.settings.signer ?? "", placeholder: "Họ và tên người ký (có thể để trống)" });
  const signerTitle = h("input", { type: "text", id: "signer-title", value: o.settings.signer_title ?? "", placeholder: "Ví dụ: PHÓ BÍ THƯ THƯỜNG TRỰC (để trống: theo mặc định)" });
  const field = (label: string, input: HTMLElement, extra?: HTMLElement) => h("label", { class: "field" }, h("span", {}, label), input, extra);
  const create = h("button", { class: "primary", id: "create-draft", type: "submit" }, "Tạo dự thảo");
  const form = h("form", { class: "card wizard" },
    h("h1", {}, "Dự thảo mới"),
    h("p", { class: "muted" }, "Dự thảo được dựng theo bố cục văn bản cấp trên; mỗi mục giữ liên kết với mục mà nó triển khai."),
    field("Văn bản cấp trên", parent),
    h("div", { class: "grid2" }, field("Năm ban hành", year), field("Tỉnh, thành phố", province, note)),
    h("div", { class: "grid2" }, field("Cơ quan ban hành", issuer), field("Loại văn bản", type)),
    h("div", { class: "grid2" }, field("Người ký", signer), field("Chức vụ người ký", signerTitle)),
    h("div", { class: "actions" }, create, h("a", { class: "button", href: "#/" }, "Hủy")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!province.value) { toast("Hãy chọn tỉnh, thành phố.", "error"); province.focus(); return; }
    create.disabled = true;
    try {
      const id = await api.createDraft({ parent: parent.value, province: province.value, issuer: issuer.value, doc_type: type.value, year: Number(year.value), signer: signer.value || null, signer_title: signerTitle.value || null });
      await api.saveSettings({ province: province.value, issuer: issuer.value, signer: signer.value || null, signer_title: signerTitle.value || null, profile: null, author: null, export_dir: null });
      location.hash = `#/du-thao/${id}`;
    } catch (err) { toast(errorOf(err).message, "error"); create.disabled = false; }
  });
  el.append(form);
  fillProvinces();
  syncType();
}
