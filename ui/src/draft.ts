// The open draft as the editor holds it, without the page: the document, the section
// under the cursor, undo/redo as snapshots, autosave scheduling, and the generation
// that tells a late answer (a renumbering) from the one still awaited. No DOM here:
// reading the page back and showing the save state are the editor's hooks.
import { errorOf } from "./api.js";
import type { Document, DraftEntry, SavedAt } from "./bindings.js";
import { measure } from "./dom.js";
import type { Idx } from "./model.js";

const SAVE_PAUSE = 700; // ms after the last keystroke
const SAVE_MAX = 1500; // ms at most between a change and its save
const RETRY = 3000; // ms before a failed save is tried again
const HISTORY = 200; // undo steps kept

/** Where the draft stands with the disk. */
export type SaveState =
  | { state: "dirty" }
  | { state: "saving" }
  | { state: "saved"; at: string }
  /** `retry`: the save is tried again; false when the draft was saved from another
   *  window (`stale-draft`): autosave stops, the user reopens the draft. */
  | { state: "error"; error: unknown; retry: boolean };

export interface DraftHooks {
  /** Reads the page back into `doc` (before a save). */
  readBack(doc: Document): void;
  /** Writes the document whose text is based on `revision`; resolves with the time it
   *  was saved (ISO) and the new revision. */
  save(id: number, doc: Document, revision: number): Promise<SavedAt>;
  /** Shows where the draft stands. */
  status(s: SaveState): void;
}

export class Draft {
  /** The section under the cursor or chosen in the outline. */
  current: Idx | null = null;
  private undoStack: string[] = [];
  private redoStack: string[] = [];
  private lastSnap = 0;
  private dirtySince: number | null = null;
  private timer: number | null = null;
  private saving: Promise<void> | null = null;
  private generation = 0;
  private closed = false;
  /** Another window saved this draft: nothing more is saved from this one. */
  private stale = false;
  private listeners = new Set<(typing: boolean) => void>();

  constructor(
    readonly id: number,
    public entry: DraftEntry,
    public doc: Document,
    private hooks: DraftHooks,
  ) {}

  // ---------- undo history ----------

  /** Keeps the document as it is now for undo: one step per burst of typing (a pause
   *  of a second starts a new one), or always when `force` (a structural edit). */
  snapshot(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastSnap < 1000) {
      this.lastSnap = now;
      return;
    }
    this.lastSnap = now;
    this.undoStack.push(JSON.stringify(this.doc));
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Forgets the last snapshot, when the change it was taken for did not happen. */
  dropSnapshot(): void {
    this.undoStack.pop();
  }

  /** One step back (undo) or forward (redo): the state now goes on the other stack.
   *  False when there is no such step. */
  step(from: "undo" | "redo"): boolean {
    const [src, dst] = from === "undo" ? [this.undoStack, this.redoStack] : [this.redoStack, this.undoStack];
    const state = src.pop();
    if (!state) return false;
    dst.push(JSON.stringify(this.doc));
    this.lastSnap = 0;
    this.doc = JSON.parse(state) as Document;
    this.generation++;
    return true;
  }

  /** The document replaced by one edited elsewhere (a fix from the check): one undo
   *  step, answers asked for the old text are stale. */
  edit(doc: Document): void {
    this.snapshot(true);
    this.doc = doc;
    this.generation++;
  }

  /** The draft as stored (after restoring a version): history starts again, saves are
   *  based on its revision. */
  replace(doc: Document, entry: DraftEntry): void {
    this.doc = doc;
    this.entry = entry;
    this.stale = false;
    this.undoStack = [];
    this.redoStack = [];
    this.generation++;
  }

  // ---------- answers that arrive late ----------

  /** A new generation: answers asked for under an older one are stale. Replacing the
   *  document (undo, redo, a restored version) and closing start one too. */
  nextGeneration(): number {
    return ++this.generation;
  }

  isLatest(g: number): boolean {
    return !this.closed && g === this.generation;
  }

  // ---------- the section under the cursor ----------

  /** Called when the section under the cursor changes, or its text (`typing`). */
  onSectionChange(f: (typing: boolean) => void): () => void {
    this.listeners.add(f);
    return () => {
      this.listeners.delete(f);
    };
  }

  sectionChanged(typing: boolean): void {
    for (const f of this.listeners) f(typing);
  }

  // ---------- saving ----------

  /** Something changed: save soon (after a pause, and within SAVE_MAX in any case). */
  changed(fromPage = false): void {
    if (this.closed) return;
    if (this.stale) {
      if (fromPage) this.sectionChanged(true);
      return;
    }
    const now = Date.now();
    if (this.dirtySince === null) this.dirtySince = now;
    this.hooks.status({ state: "dirty" });
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(SAVE_PAUSE, this.dirtySince + SAVE_MAX - now));
    this.timer = setTimeout(() => {
      void this.flush();
    }, wait);
    if (fromPage) this.sectionChanged(true);
  }

  /** Saves now what is unsaved (the page read back first); waits for saves under way. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirtySince === null || this.stale) {
      if (this.saving) await this.saving;
      return;
    }
    const t0 = performance.now();
    this.hooks.readBack(this.doc);
    this.dirtySince = null;
    const doc = JSON.parse(JSON.stringify(this.doc)) as Document;
    // Autosave's cost, read by scripts/bench-app.sh: reading the page, then the save.
    measure("banthao:autosave-page", t0);
    const prev = this.saving ?? Promise.resolve();
    this.saving = prev.then(async () => {
      if (this.stale) return; // an earlier save was refused: this one would be too
      this.hooks.status({ state: "saving" });
      try {
        const t1 = performance.now();
        // The revision as of this save (the one before it answered with its own).
        const saved = await this.hooks.save(this.id, doc, this.entry.revision);
        measure("banthao:autosave-save", t1);
        this.entry.revision = saved.revision;
        this.entry.updated_at = saved.at;
        if (!this.closed && this.dirtySince === null) this.hooks.status({ state: "saved", at: saved.at });
      } catch (error) {
        if (errorOf(error).code === "stale-draft") {
          // Another window saved this draft since it was opened here: its text is kept,
          // this window stops saving rather than retrying (or overwriting) forever.
          this.stale = true;
          this.hooks.status({ state: "error", error, retry: false });
          return;
        }
        this.hooks.status({ state: "error", error, retry: true });
        if (!this.closed) {
          this.dirtySince = Date.now();
          this.timer = setTimeout(() => {
            void this.flush();
          }, RETRY);
        }
      }
    });
    await this.saving;
  }

  /** The editor closes: what is unsaved is saved, nothing more is scheduled. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.flush();
    this.closed = true;
    this.generation++;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
