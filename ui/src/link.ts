// What the side panels need of the open editor, given at mount: the panels import no
// editor code, and the editor imports no panel code but `mountPanels`.
import type { DocKind, Document } from "./bindings.js";

/** What the panels need of the editor, given at mount (the panels import no editor code). */
export interface EditorLink {
  /** Reads the page back into the document (liveState does not). */
  syncFromPage(): void;
  /** The document as last read back, and the section under the cursor. */
  liveState(): LiveState | null;
  /** Inserts a paragraph after the one under the cursor. */
  insertParagraph(text: string): void;
  /** Replaces the document by one edited elsewhere (a fix from the check): one undo
   *  step, the page redrawn, saved soon. */
  applyDoc(doc: Document): void;
  /** Shows and selects `excerpt`, found nearest to character `start` of a paragraph
   *  (`null`: the section's title) at a path (`III.2`, `preamble`, `closing`, `header`,
   *  `title`, `recipients`). */
  reveal(path: string, paragraph: number | null, start: number, excerpt: string): void;
  /** Saves what is unsaved. */
  flush(): Promise<void>;
  /** Reads the draft again from the store (after restoring a version). */
  reloadDraft(): Promise<void>;
  /** The open draft's id, or null. */
  draftId(): number | null;
  /** The open draft's presentation (Party or State). */
  profile(): DocKind;
  /** Subscribes to changes of the section under the cursor, or of its text (`typing`);
   *  returns the unsubscribe. */
  onSectionChange(f: (typing: boolean) => void): () => void;
}

export interface LiveState {
  doc: Document;
  path: string | null;
  parentSection: string | null;
  typed: string;
}
