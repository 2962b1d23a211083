// Typed calls to the commands (src-tauri/src/commands). Types come from bindings.ts,
// generated from the Rust types.
import type {
  AppError,
  Catalogue,
  CoverageView,
  CheckView,
  ReviewView,
  Status,
  Comparison,
  Counterpart,
  DbStatus,
  DocKind,
  Document,
  DraftView,
  Finding,
  ImportOutcome,
  Library,
  NewDraft,
  PlacesForYear,
  SavedAt,
  Settings,
  SuggestionView,
  Task,
  VersionEntry,
  VersionView,
  WizardOptions,
} from "./bindings.js";

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;
interface TauriGlobal {
  core: { invoke: Invoke };
  event: { listen: (event: string, f: (e: { payload: any }) => void) => Promise<() => void> };
}
const tauri = (window as unknown as { __TAURI__: TauriGlobal }).__TAURI__;

/** A command's error, as the Rust side sent it ({code, message}). */
export function errorOf(e: unknown): AppError {
  if (e && typeof e === "object" && "message" in e && "code" in e) return e as AppError;
  return { code: "unknown", message: typeof e === "string" ? e : "Đã xảy ra lỗi không xác định." };
}

function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  return tauri.core.invoke(cmd, args) as Promise<T>;
}

export const listen = (event: string, f: (payload: any) => void) => tauri.event.listen(event, (e) => f(e.payload));

export const api = {
  library: (query: string) => call<Library>("library", { query }),
  importFiles: (paths: string[]) => call<ImportOutcome[]>("import_files", { paths }),
  stopImport: () => call<void>("stop_import"),
  deleteDocument: (id: number) => call<void>("delete_document", { id }),
  deleteDraft: (id: number) => call<void>("delete_draft", { id }),
  openDocument: (id: number) => call<Document>("open_document", { id }),
  /** Parents and the imported documents grouped by the parent they implement; the
   *  group of `first` (a draft's parent) first. */
  catalogue: (first: string | null = null) => call<Catalogue>("catalogue", { first }),
  /** The coverage map of a parent (`45-NQ/TW` or `doc:ID`). */
  coverage: (parent: string) => call<CoverageView>("coverage", { parent }),
  wizardOptions: () => call<WizardOptions>("wizard_options"),
  placesForYear: (year: number) => call<PlacesForYear>("places_for_year", { year }),
  createDraft: (req: NewDraft) => call<number>("create_draft", { req }),
  getDraft: (id: number) => call<DraftView>("get_draft", { id }),
  /** Autosave; `revision` is the one the text is based on (from getDraft or the last
   *  save's answer). Refused with `stale-draft` when another window saved since. */
  saveDraft: (id: number, doc: Document, revision: number) => call<SavedAt>("save_draft", { id, doc, revision }),
  setDraftProfile: (id: number, profile: DocKind) => call<void>("set_draft_profile", { id, profile }),
  renumber: (doc: Document, profile: DocKind) => call<Document>("renumber", { doc, profile }),
  /** Clauses for the section at `path` of the draft: its cascade's, then generic ones
   *  of other resolutions' programmes, filled for the province, year and resolution. */
  suggest: (doc: Document, path: string, typed: string | null, province: string | null, year: number | null) =>
    call<SuggestionView[]>("suggest", { doc, path, typed, province, year }),
  importReviewCopies: (draftId: number, paths: string[]) =>
    call<ImportOutcome[]>("import_review_copies", { draftId, paths }),
  reviewState: (draftId: number) => call<ReviewView>("review_state", { draftId }),
  setReviewStatus: (itemId: number, status: Status, answer: string) =>
    call<void>("set_review_status", { itemId, status, answer }),
  /** «Tiếp thu»: the change applied to the stored draft; the id of the version kept of
   *  the draft as it was (restoring it undoes the change). */
  acceptReviewItem: (draftId: number, itemId: number) => call<number>("accept_review_item", { draftId, itemId }),
  refreshReviewPlaces: (draftId: number) => call<void>("refresh_review_places", { draftId }),
  removeReviewCopy: (copyId: number) => call<void>("remove_review_copy", { copyId }),
  exportReviewReport: (draftId: number, asked: number, path: string) =>
    call<void>("export_review_report", { draftId, asked, path }),
  checkDraft: (draftId: number, doc: Document) => call<CheckView>("check_draft", { draftId, doc }),
  /** Sets a finding aside for the draft («bỏ qua»); `null` brings them all back. */
  dismissFinding: (draftId: number, finding: Finding | null) => call<void>("dismiss_finding", { draftId, finding }),
  fixFinding: (doc: Document, finding: Finding) => call<Document>("fix_finding", { doc, finding }),
  draftTasks: (doc: Document) => call<Task[]>("draft_tasks", { doc }),
  exportTasks: (doc: Document, profile: DocKind, tasks: Task[], path: string) =>
    call<void>("export_tasks", { doc, profile, tasks, path }),
  saveVersion: (draftId: number, name: string) => call<VersionEntry[]>("save_version", { draftId, name }),
  versions: (draftId: number) => call<VersionEntry[]>("versions", { draftId }),
  getVersion: (id: number) => call<VersionView>("get_version", { id }),
  restoreVersion: (id: number) => call<DraftView>("restore_version", { id }),
  compareVersions: (draftId: number, a: number | null, b: number | null) =>
    call<Comparison>("compare_versions", { draftId, a, b }),
  exportRedline: (draftId: number, a: number | null, b: number | null, path: string) =>
    call<void>("export_redline", { draftId, a, b, path }),
  compareSection: (doc: Document, path: string, others: number[]) =>
    call<Counterpart[]>("compare_section", { doc, path, others }),
  preview: (doc: Document, profile: DocKind) => call<string>("preview", { doc, profile }),
  exportDocx: (doc: Document, profile: DocKind, path: string) => call<void>("export_docx", { doc, profile, path }),
  settings: () => call<Settings>("settings"),
  saveSettings: (settings: Settings) => call<void>("save_settings", { settings }),
  dbStatus: () => call<DbStatus>("db_status"),
  retryOpen: () => call<DbStatus>("retry_open"),
  startFresh: () => call<DbStatus>("start_fresh"),
  restoreBackup: (path: string) => call<DbStatus>("restore_backup", { path }),
};

/** Native file dialogs (the dialog plugin). End-to-end tests, which cannot drive a
 * native dialog, answer through `window.__BANTHAO_PICK__` instead. */
type Pick = { open?: string[] | null; save?: string | null };
function testPick(): Pick | undefined {
  return (window as unknown as { __BANTHAO_PICK__?: Pick }).__BANTHAO_PICK__;
}

/** Files to import: documents for the library, or reviewers' Word copies of a draft. */
export async function pickFiles(kind: "documents" | "copies" = "documents"): Promise<string[]> {
  const t = testPick();
  if (t && t.open !== undefined) return t.open ?? [];
  const wanted =
    kind === "copies"
      ? { name: "Bản góp ý (Word .docx)", extensions: ["docx"] }
      : { name: "Văn bản (Word, PDF, văn bản thuần)", extensions: ["docx", "doc", "pdf", "txt"] };
  const r = await call<string[] | string | null>("plugin:dialog|open", {
    options: {
      multiple: true,
      title: kind === "copies" ? "Chọn các bản góp ý (Word)" : "Chọn văn bản để nhập",
      filters: [wanted, { name: "Mọi tệp", extensions: ["*"] }],
    },
  });
  if (!r) return [];
  return Array.isArray(r) ? r : [r];
}

export async function pickSavePath(defaultPath: string): Promise<string | null> {
  const t = testPick();
  if (t && t.save !== undefined) return t.save;
  return call<string | null>("plugin:dialog|save", {
    options: { title: "Lưu tệp Word", defaultPath, filters: [{ name: "Văn bản Word", extensions: ["docx"] }] },
  });
}
