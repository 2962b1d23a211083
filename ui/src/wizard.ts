// New draft: the parent document, the layout (the parent's own, or a plan's) and how
// deep it goes, the province (current or former by the year), the issuer, the type,
// the year and the signer; creates the scaffold. The rules
// (which provinces apply to a year, which type an issuer usually issues, checking the
// request) are Rust's: this screen only shows what the commands answer.
import { api, errorOf } from "./api.js";
import type { Depth, DraftType, IssuerKind, ParentKind, ParentOption, WizardOptions } from "./bindings.js";
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
  const parent = h("select", { id: "parent" }, ...parentGroups(o.parents));
  const style = h(
    "select",
    { id: "style" },
    ...o.styles.map((s, i) => h("option", { value: s.key, selected: i === 0 }, s.label)),
  );
  const styleNote = h("p", { class: "muted small", id: "style-note" });
  const showStyle = () => {
    const parts = o.styles.find((s) => s.key === style.value)?.sections ?? [];
    styleNote.textContent = parts.length
      ? parts.map((t, i) => `${ROMAN[i] ?? i + 1}. ${t}`).join(" — ")
      : "Các phần và nhóm nhiệm vụ như văn bản cấp trên.";
  };
  style.addEventListener("change", showStyle);
  showStyle();
  const depth = h("select", { id: "depth" }, ...o.depths.map((d) => h("option", { value: d.id }, d.label)));
  const chosenDepth = (): Depth => o.depths.find((d) => d.id === depth.value)?.id ?? o.depths[0].id;
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
    field("Bố cục", style, styleNote),
    field("Độ chi tiết của phần nhiệm vụ", depth),
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
      const id = await api.createDraft({ parent: parent.value, draft, style: style.value, depth: chosenDepth() });
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

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

const GROUP_NAMES: Record<ParentKind, string> = {
  builtin: "Nghị quyết có sẵn",
  central: "Văn bản của Trung ương đã nhập",
  implemented: "Chương trình, kế hoạch đã có văn bản triển khai",
  provincial: "Chương trình, kế hoạch khác đã nhập (để dựng kế hoạch cấp dưới)",
};

/** The parents in groups by kind, in the order Rust gives them. */
function parentGroups(parents: ParentOption[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const kind of Object.keys(GROUP_NAMES) as ParentKind[]) {
    const these = parents.filter((p) => p.kind === kind);
    if (these.length)
      out.push(h("optgroup", { label: GROUP_NAMES[kind] }, ...these.map((p) => h("option", { value: p.id }, p.title))));
  }
  return out;
}
