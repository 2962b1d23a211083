// Files dropped on the window: the screen showing says what they are for (the «Góp ý»
// screen takes reviewers' copies); otherwise they go to the library.
import { listen } from "./api.js";

type Handler = (paths: string[]) => void;
let current: Handler | null = null;

/** The screen now showing takes dropped files (`null`: the library does). */
export function onDrop(handler: Handler | null): void {
  current = handler;
}

/** Listens for files dropped anywhere on the window. */
export function installDrop(library: Handler): void {
  const overlay = document.getElementById("drop-overlay")!;
  listen("tauri://drag-enter", () => {
    overlay.hidden = false;
  });
  listen("tauri://drag-leave", () => {
    overlay.hidden = true;
  });
  listen("tauri://drag-drop", (p: { paths: string[] }) => {
    overlay.hidden = true;
    if (!p.paths?.length) return;
    (current ?? library)(p.paths);
  });
}
