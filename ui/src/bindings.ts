// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// UPDATE_BINDINGS=1 cargo test -p banthao-app bindings

export type Document = { 
/**
 * Party or State, when it can be told.
 */
kind: DocKind | null, 
/**
 * National heading lines as written (`ĐẢNG CỘNG SẢN VIỆT NAM`, or the two State lines).
 */
national_heading: Array<string>, 
/**
 * Parent Party body above the issuer (`ĐẢNG BỘ TỈNH HÀ GIANG`).
 */
parent_body: string | null, 
/**
 * Issuing body, as written in the header or inferred from the text
 * (`TỈNH ỦY HÀ GIANG`, `Ban Thường vụ Tỉnh ủy Cao Bằng`, `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`).
 */
issuer: string | null, 
/**
 * Province or city name in its usual spelling (`Hà Giang`).
 */
province: string | null, 
/**
 * The document number.
 */
number: DocNumber | null, 
/**
 * The place and date line.
 */
place_date: PlaceDate | null, 
/**
 * Whether the document is a draft (dự thảo).
 */
draft: boolean, 
/**
 * The draft marker as written (`(dự thảo)`, `Dự thảo lần 2`).
 */
draft_marker: string | null, 
/**
 * Type name in capitals (`CHƯƠNG TRÌNH`, `KẾ HOẠCH`, `CHƯƠNG TRÌNH HÀNH ĐỘNG`).
 */
doc_type: string | null, 
/**
 * A capitalised line that some documents put under the type name
 * (`CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH`).
 */
doc_type_extra: string | null, 
/**
 * The summary (trích yếu), one string.
 */
summary: string | null, 
/**
 * Preamble paragraphs (căn cứ, thực hiện …).
 */
preamble: Array<string>, 
/**
 * The numbered body.
 */
sections: Array<Section>, 
/**
 * Closing line (`Trên đây là Chương trình …`).
 */
closing: string | null, 
/**
 * One entry per recipient, without the list dash and the trailing comma;
 * notes such as `(báo cáo)` kept.
 */
recipients: Array<string>, 
/**
 * Signature block.
 */
signature: Signature | null, 
/**
 * Footnotes in document order.
 */
footnotes: Array<Footnote>, 
/**
 * What looked wrong while reading; never fatal.
 */
diagnostics: Array<Diagnostic>, 
/**
 * The parent document this one implements (drafts made from a scaffold).
 */
parent: ParentRef | null, };

export type Finding = { 
/**
 * Stable code of the rule (`outdated-name`, `doubled-word`).
 */
code: string, 
/**
 * How sure.
 */
severity: Severity, 
/**
 * What is wrong, in Vietnamese.
 */
message: string, 
/**
 * The exact text found.
 */
excerpt: string, 
/**
 * Where: a section path (`III.2`) or `header`, `title`, `preamble`, `closing`,
 * `recipients`; `format` for the presentation of a .docx (paper, margins, fonts).
 */
path: string, 
/**
 * Paragraph index within that part; `None` for a section's title. In `header`, 0
 * is the number line and 1 the place-date line; `title` 0 is the summary.
 */
paragraph: number | null, 
/**
 * Start of the excerpt in that paragraph, in characters. A numbering finding's
 * excerpt is the section label, which stands before the title: `start` = `end` = 0;
 * so are a format finding's.
 */
start: number, 
/**
 * End (exclusive), in characters.
 */
end: number, 
/**
 * The replacement of the excerpt when it is certain.
 */
suggestion: string | null, };

export type Severity = "error" | "warning" | "advice";

export type Task = { 
/**
 * Section path of the paragraph it comes from (`IV.2`).
 */
path: string, 
/**
 * What is to be done (the paragraph without the lead agency).
 */
task: string, 
/**
 * The lead agency (`chủ trì`), as written.
 */
lead: string | null, 
/**
 * The coordinating agencies (`phối hợp`).
 */
partners: Array<string>, 
/**
 * The time (`quý I/2025`, `trước ngày 10/12 hằng năm`, `thường xuyên`).
 */
time: string | null, 
/**
 * The expected product, when stated.
 */
product: string | null, };

export type CheckView = { findings: Array<Finding>, set_aside: number, };

export type Item = { 
/**
 * The body that commented (Sở Nội vụ …).
 */
reviewer: string, 
/**
 * The author Word recorded.
 */
author: string, 
/**
 * The copy's file name.
 */
file: string, 
/**
 * Comment, insert, delete or replace.
 */
kind: Kind, 
/**
 * Which part of the document.
 */
part: Part, 
/**
 * The section path (`I.2`) when in a section, else empty.
 */
path: string, 
/**
 * Paragraph index: in the section (`None`: its title), or in the preamble.
 */
paragraph: number | null, 
/**
 * Character range in that paragraph (or title) of the draft.
 */
start: number, 
/**
 * End of the range.
 */
end: number, 
/**
 * The anchored text of a comment, or the text the change removes.
 */
excerpt: string, 
/**
 * The comment's words, or the text the change adds.
 */
text: string, 
/**
 * When the reviewer wrote it.
 */
date: string | null, 
/**
 * Answers in a comment's thread.
 */
replies: Array<Reply>, 
/**
 * The anchored place was changed by the drafter since the copy was sent
 * («đã thay đổi từ khi gửi»).
 */
changed: boolean, };

export type Kind = "comment" | "insert" | "delete" | "replace";

export type Part = "header" | "title" | "preamble" | "section" | "closing" | "tail" | "unknown";

export type Status = "pending" | "accepted" | "partial" | "explained";

export type Mapping = "own" | "same" | "aligned" | "unrelated";

export type Reply = { 
/**
 * Who wrote it.
 */
author: string, 
/**
 * When (as the copy says, ISO 8601), if it says.
 */
date: string | null, 
/**
 * Its words.
 */
text: string, };

export type Handled = { 
/**
 * The item.
 */
item: Item, 
/**
 * Its status.
 */
status: Status, 
/**
 * The drafter's answer (tiếp thu, giải trình …), possibly empty.
 */
answer: string, };

export type Summary = { 
/**
 * Bodies asked for comments.
 */
asked: number, 
/**
 * Bodies that answered.
 */
answered: number, 
/**
 * Comments and proposed changes.
 */
items: number, 
/**
 * Accepted.
 */
accepted: number, 
/**
 * Accepted in part.
 */
partial: number, 
/**
 * Explained (not accepted).
 */
explained: number, 
/**
 * Not handled yet.
 */
pending: number, };

export type ReviewCopyEntry = { 
/**
 * Its id.
 */
id: number, 
/**
 * The draft it comments on.
 */
draft_id: number, 
/**
 * The version it was sent as, when known.
 */
version_id: number | null, 
/**
 * Its file name.
 */
file_name: string, 
/**
 * The body its items are attributed to.
 */
reviewer: string, 
/**
 * How it was mapped onto the draft.
 */
mapping: Mapping, 
/**
 * Share of its text found in the draft.
 */
similarity: number, 
/**
 * Formatting changes counted in it.
 */
formatting: number, 
/**
 * Messages for the user.
 */
notes: Array<string>, 
/**
 * How many items it has.
 */
items: number, 
/**
 * When it was imported.
 */
imported_at: string, };

export type StoredItem = { 
/**
 * Its id.
 */
id: number, 
/**
 * Its copy.
 */
copy_id: number, 
/**
 * The item, its status and answer.
 */
handled: Handled, 
/**
 * When it was last handled.
 */
updated_at: string | null, };

export type ReviewView = { copies: Array<ReviewCopyEntry>, items: Array<StoredItem>, 
/**
 * Each item written out as the report writes it («Đề nghị sửa "…" thành "…"»).
 */
content: Array<string>, current: Array<string | null>, summary: Summary, };

export type DocKind = "party" | "state";

export type ParentRef = { 
/**
 * Identifier (`45-NQ/TW`); section links are `ID#PATH`.
 */
id: string, 
/**
 * How the parent is cited (`Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của …`).
 */
citation: string, };

export type DocNumber = { 
/**
 * The line as written (`Số    -CTr/TU`).
 */
raw: string, 
/**
 * Sequence number; `None` when left blank in a draft.
 */
seq: string | null, 
/**
 * Type abbreviation (`CTr`, `KH`, `NQ`).
 */
type_abbr: string | null, 
/**
 * Issuer abbreviation (`TU`, `UBND`, `BTV`).
 */
issuer_abbr: string | null, };

export type PlaceDate = { 
/**
 * The line as written.
 */
raw: string, 
/**
 * The place (`Hà Giang`).
 */
place: string | null, 
/**
 * Day of month; `None` when blank.
 */
day: number | null, 
/**
 * Month; `None` when blank.
 */
month: number | null, 
/**
 * Year; `None` when blank.
 */
year: number | null, };

export type LabelKind = "roman" | "arabic" | "decimal" | "parenthesised" | "letter";

export type Section = { 
/**
 * The label exactly as written (`III-`, `2.1.`, `(1)`, `a)`).
 */
label: string, 
/**
 * How the label is written.
 */
label_kind: LabelKind, 
/**
 * The heading text; empty when the numbered item is a paragraph that runs on
 * (its text is then the first paragraph).
 */
title: string, 
/**
 * Paragraphs in order; bullets keep their marker (`- …`, `+ …`).
 */
paragraphs: Array<string>, 
/**
 * Sub-sections.
 */
children: Array<Section>, 
/**
 * The parent-document section this section implements (`45-NQ/TW#III.2`).
 */
implements?: string | null, 
/**
 * Bold and italic spans, where the source had them.
 */
emphasis?: Array<Emphasis>, };

export type Emphasis = { 
/**
 * Paragraph index, or `None` for the title.
 */
paragraph: number | null, 
/**
 * Start, in characters.
 */
start: number, 
/**
 * End (exclusive), in characters.
 */
end: number, 
/**
 * Bold.
 */
bold: boolean, 
/**
 * Italic.
 */
italic: boolean, };

export type Signature = { 
/**
 * Authority (`T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN`).
 */
authority: string | null, 
/**
 * Delegation line (`KT. CHỦ TỊCH`).
 */
delegation: string | null, 
/**
 * Title of the signer (`PHÓ BÍ THƯ`).
 */
title: string | null, 
/**
 * Name of the signer.
 */
name: string | null, };

export type Footnote = { 
/**
 * Identifier as written (`1`).
 */
id: string, 
/**
 * Text of the note.
 */
text: string, 
/**
 * Where the note mark stands, when known.
 */
anchor: Anchor | null, };

export type Anchor = { 
/**
 * Which part of the document holds the mark.
 */
part: AnchorPart, 
/**
 * Section path (`III.2`) when the part is a section.
 */
section: string | null, 
/**
 * Paragraph index within the part; `None` for a section title.
 */
paragraph: number | null, 
/**
 * Character offset of the mark within that text.
 */
offset: number, };

export type AnchorPart = "summary" | "preamble" | "section" | "closing";

export type Diagnostic = { 
/**
 * Stable machine-readable code (`numbering-gap`).
 */
code: string, 
/**
 * Message in Vietnamese for the user.
 */
message: string, 
/**
 * 1-based line (text) or paragraph (docx) number, when known.
 */
line: number | null, };

export type Comparison = { 
/**
 * Over the whole documents, by words.
 */
similarity: number, 
/**
 * Nothing differs.
 */
identical: boolean, 
/**
 * What was ignored.
 */
options: DiffOptions, 
/**
 * Front matter, every paired or unpaired section, end matter.
 */
sections: Array<SectionDiff>, };

export type DiffOptions = { 
/**
 * Ignore list markers and numbering labels at the start of paragraphs.
 */
ignore_labels: boolean, 
/**
 * Ignore differences in spacing (`vụ ,` vs `vụ,`).
 */
ignore_whitespace: boolean, 
/**
 * Report changes that touch only punctuation as no change.
 */
ignore_punctuation: boolean, };

export type SectionDiff = { 
/**
 * Path in A, if the section is in A (`""` for front and end matter).
 */
a: string | null, 
/**
 * Path in B.
 */
b: string | null, 
/**
 * Label and title as in A.
 */
a_heading: string | null, 
/**
 * Label and title as in B.
 */
b_heading: string | null, 
/**
 * 1 for top-level sections.
 */
depth: number, 
/**
 * Word diff of the titles.
 */
title: Array<Span>, 
/**
 * The paragraphs, matched.
 */
paragraphs: Array<ParaDiff>, 
/**
 * Word counts of the title and paragraphs.
 */
counts: Counts, 
/**
 * [`Counts::similarity`] of `counts`.
 */
similarity: number, };

export type ParaDiff = { 
/**
 * Same, changed, moved, only in A or only in B.
 */
kind: ParaKind, 
/**
 * Index in A's paragraphs.
 */
a: number | null, 
/**
 * Index in B's paragraphs.
 */
b: number | null, 
/**
 * The words, equal, deleted or inserted.
 */
spans: Array<Span>, };

export type ParaKind = "same" | "changed" | "moved" | "deleted" | "inserted";

export type Span = { "op": "equal", "text": string } | { "op": "delete", "text": string } | { "op": "insert", "text": string };

export type Counts = { 
/**
 * Words in both.
 */
equal: number, 
/**
 * Words in A.
 */
a: number, 
/**
 * Words in B.
 */
b: number, };

export type CorpusEntry = { 
/**
 * Its id in the store.
 */
id: number, 
/**
 * The file it was imported from.
 */
file_name: string, 
/**
 * Its province, as read.
 */
province: string | null, 
/**
 * Its issuer, as written (`TỈNH ỦY CAO BẰNG`).
 */
issuer: string | null, 
/**
 * `party` or `state`, when it can be told.
 */
kind: string | null, 
/**
 * Its type as written (`KẾ HOẠCH`).
 */
doc_type: string | null, 
/**
 * Its year.
 */
year: number | null, 
/**
 * The resolution it implements (`45-NQ/TW`).
 */
parent: string | null, 
/**
 * When it was imported (ISO time).
 */
imported_at: string, 
/**
 * The summary (trích yếu), for the library.
 */
summary: string | null, };

export type DraftEntry = { 
/**
 * Its id.
 */
id: number, 
/**
 * Type and summary, as the library shows it.
 */
title: string, 
/**
 * Its province.
 */
province: string | null, 
/**
 * What it implements (`45-NQ/TW`).
 */
parent: string | null, 
/**
 * The format profile it is written in: the built-in profile of this kind.
 */
profile: DocKind, 
/**
 * When it was created (ISO time).
 */
created_at: string, 
/**
 * When it was last saved.
 */
updated_at: string, 
/**
 * How many named versions it has.
 */
versions: number, 
/**
 * Raised by every write to its model: a save names the revision its text was
 * based on and is refused when the draft has moved on since ([`StoreError::Stale`]).
 */
revision: number, };

export type VersionEntry = { 
/**
 * Its id.
 */
id: number, 
/**
 * The draft it is a version of.
 */
draft_id: number, 
/**
 * Its name (`Dự thảo lần 2`).
 */
name: string, 
/**
 * Who saved it.
 */
author: string | null, 
/**
 * When it was saved (ISO time).
 */
created_at: string, };

export type Suggestion = { 
/**
 * Its row in the clause table.
 */
id: number, 
/**
 * Written by the user rather than mined.
 */
curated: boolean, 
/**
 * The wording, with the province's names as placeholders (`{tỉnh}`).
 */
template: string, 
/**
 * The parent section it serves (`45-NQ/TW#III.3`).
 */
parent_section: string | null, 
/**
 * The provinces that wrote it.
 */
provinces: Array<string>, 
/**
 * How many provinces wrote it.
 */
count: number, 
/**
 * Its rank: higher is better.
 */
score: number, 
/**
 * Where each wording was found.
 */
sources: Array<SuggestionSource>, 
/**
 * For a clause of the generic parts of programmes (MỤC ĐÍCH, YÊU CẦU; TỔ CHỨC
 * THỰC HIỆN…) offered from the programmes of another resolution: that resolution
 * (`45-NQ/TW`). Its names are placeholders the draft's own resolution fills.
 */
from_resolution: string | null, 
/**
 * The distinct wordings of a mined clause (with placeholders), the most used
 * first, each with the provinces that wrote it so.
 */
variants: Array<Variant>, };

export type SuggestionSource = { 
/**
 * `#ID file name`.
 */
document: string, 
/**
 * The section of that document (`III.3`).
 */
section: string, 
/**
 * The document's province, type (`CHƯƠNG TRÌNH`) and year, as read on import.
 */
province: string | null, 
/**
 * Its type as written (`CHƯƠNG TRÌNH`).
 */
doc_type: string | null, 
/**
 * Its year.
 */
year: number | null, };

export type Variant = { 
/**
 * The wording, with the province's names as placeholders.
 */
template: string, 
/**
 * The provinces that wrote it, sorted.
 */
provinces: Array<string>, };

export type ErrorCode = "db-locked" | "db-corrupt" | "db-too-new" | "db-open" | "db-bad-row" | "db-closed" | "db" | "stale-draft" | "not-found" | "bad-input" | "io" | "unknown";

export type AppError = { 
/**
 * Stable, for the UI to act on.
 */
code: ErrorCode, 
/**
 * For the user, in Vietnamese.
 */
message: string, };

export type Library = { drafts: Array<DraftEntry>, documents: Array<CorpusEntry>, };

export type ImportOutcome = { file: string, ok: boolean, id: number | null, 
/**
 * The same file was already in the library.
 */
existing: boolean, message: string, };

export type ImportProgress = { done: number, total: number, file: string, };

export type ParentOption = { 
/**
 * `45-NQ/TW`, or `doc:ID` for an imported document: what `create_draft` and the
 * coverage map take.
 */
id: string, 
/**
 * Its link id (`45-NQ/TW`): what documents that implement it name.
 */
key: string, 
/**
 * Its human name (`57-NQ/TW, 22/12/2024, Bộ Chính trị`).
 */
title: string, kind: ParentKind, 
/**
 * How many imported documents implement it.
 */
implemented_by: number, };

export type ParentKind = "builtin" | "central" | "implemented" | "provincial";

export type StyleOption = { 
/**
 * `nghi-quyet`, `ke-hoach`.
 */
key: string, label: string, 
/**
 * What it lays out, for the form's note.
 */
sections: Array<string>, };

export type DepthOption = { id: Depth, label: string, };

export type Depth = "groups" | "items";

export type ListedDocument = { id: number, 
/**
 * A central document by number, date and body; else province and year, else file.
 */
name: string, 
/**
 * Province and year, or the file's name (a column's head).
 */
label: string, central: boolean, };

export type DocumentGroup = { 
/**
 * The parent's link id; `null` when not known.
 */
key: string | null, 
/**
 * The parent to open (its coverage map): `45-NQ/TW` or `doc:ID`; `null` when the
 * parent is not in the library.
 */
parent: string | null, name: string, documents: Array<ListedDocument>, };

export type Catalogue = { parents: Array<ParentOption>, groups: Array<DocumentGroup>, };

export type CoverageView = { parent: ParentOption, 
/**
 * The parent as a document (a built-in: its headings), to read a section.
 */
parent_doc: Document, 
/**
 * The columns; `covered_by[].document` indexes this list.
 */
documents: Array<ListedDocument>, sections: Array<SectionCoverage>, };

export type SectionCoverage = { 
/**
 * The parent section's link id (`45-NQ/TW#III.3`).
 */
id: string, 
/**
 * Its title.
 */
title: string, 
/**
 * The documents that take it up, in the order given (at most one section each).
 */
covered_by: Array<CoveredBy>, };

export type CoveredBy = { 
/**
 * Index of the document in the list given.
 */
document: number, 
/**
 * The document's province, if it has one.
 */
province: string | null, 
/**
 * The section's path in the document (`III.3`).
 */
path: string, 
/**
 * How closely it matches (0..1; 1 for a section linked to the parent).
 */
score: number, 
/**
 * The score's band.
 */
band: Band, 
/**
 * The section (or a sub-section) states a quantified target.
 */
has_target: boolean, 
/**
 * A task in it names a lead agency (`chủ trì`).
 */
has_lead: boolean, 
/**
 * A task in it has a time (`quý I/2025`, `hằng năm`).
 */
has_time: boolean, };

export type Band = "close" | "partial" | "weak";

export type PlacesForYear = { 
/**
 * Which list applies (`34 tỉnh, thành phố sau sắp xếp (từ 01/7/2025)`).
 */
label: string, names: Array<string>, };

export type IssuerOption = { id: IssuerKind, label: string, 
/**
 * The types it usually issues, the usual one first.
 */
usual_types: Array<DraftType>, };

export type TypeOption = { id: DraftType, label: string, };

export type IssuerKind = "tinh-uy" | "ban-thuong-vu" | "ubnd";

export type DraftType = "ctr" | "kh" | "ctrhd";

export type DraftRequest = { 
/**
 * Province or city, any spelling the gazetteer knows.
 */
province: string, 
/**
 * Issuer.
 */
issuer: IssuerKind, 
/**
 * Type of the draft.
 */
doc_type: DraftType, 
/**
 * Year of the document.
 */
year: number, 
/**
 * ISO date that decides which names apply; by default from the year and today
 * ([`reference_date`]).
 */
date: string | null, 
/**
 * Signer's name (blank: none yet).
 */
signer: string | null, 
/**
 * Signer's title (blank: the issuer's usual one).
 */
signer_title: string | null, };

export type Settings = { province: string | null, issuer: IssuerKind | null, signer: string | null, signer_title: string | null, profile: DocKind | null, 
/**
 * Recorded in document properties and on tracked changes.
 */
author: string | null, 
/**
 * Where the last export was saved.
 */
export_dir: string | null, };

export type WizardOptions = { parents: Array<ParentOption>, 
/**
 * Scaffold styles, the mirror of the parent first.
 */
styles: Array<StyleOption>, depths: Array<DepthOption>, issuers: Array<IssuerOption>, types: Array<TypeOption>, 
/**
 * `YYYY-MM-DD`.
 */
today: string, settings: Settings, };

export type NewDraft = { 
/**
 * `45-NQ/TW`, or `doc:ID` for an imported document.
 */
parent: string, draft: DraftRequest, 
/**
 * A scaffold style's key (`nghi-quyet`, `ke-hoach`).
 */
style: string, depth: Depth, };

export type DraftView = { entry: DraftEntry, doc: Document, };

export type VersionView = { doc: Document, };

export type SavedAt = { at: string, 
/**
 * The draft's revision after this save: the next save is based on it.
 */
revision: number, };

export type SuggestionView = { 
/**
 * The template with the draft's names filled in.
 */
text: string, suggestion: Suggestion, 
/**
 * The wording variants with the draft's names filled in, in the order of
 * `suggestion.variants`.
 */
variants: Array<string>, };

export type Counterpart = { document_id: number, 
/**
 * As lists name it: a central document by number, date and body, else province
 * and year, else the file's name.
 */
name: string, heading: string | null, 
/**
 * A = the other document's section, B = the draft's.
 */
diff: SectionDiff | null, };

export type BackupEntry = { day: string, path: string, };

export type DbStatus = { ok: boolean, error: AppError | null, path: string, backups: Array<BackupEntry>, };
