// Small DOM helpers: element building, toasts, modal dialogs, text folding.

type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;
type Child = Node | string | null | undefined | false;

/** Builds an element: h("button", {class: "x", onclick: f}, "Nhãn"). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A message at the bottom of the window; with an action (such as undo) when given. */
export function toast(
  message: string,
  kind: "ok" | "error" | "info" = "info",
  action?: { label: string; run: () => void },
  ms = 6000,
): void {
  const box = document.getElementById("toasts")!;
  const t = h("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status" }, h("span", {}, message));
  let done = false;
  const close = () => {
    if (!done) {
      done = true;
      t.remove();
    }
  };
  if (action)
    t.append(
      h(
        "button",
        {
          class: "link",
          onclick: () => {
            action.run();
            close();
          },
        },
        action.label,
      ),
    );
  t.append(h("button", { class: "close", title: "Đóng", "aria-label": "Đóng", onclick: close }, "×"));
  box.append(t);
  setTimeout(close, ms);
}

/** A modal dialog; resolves with the button's value (or null when closed). */
export function modal(
  title: string,
  body: Node,
  buttons: { label: string; value: string; primary?: boolean }[],
  wide = false,
): Promise<string | null> {
  return new Promise((resolve) => {
    const back = h("div", { class: "modal-back" });
    const box = h("div", {
      class: wide ? "modal wide" : "modal",
      role: "dialog",
      "aria-modal": "true",
      "aria-label": title,
    });
    const end = (v: string | null) => {
      back.remove();
      document.removeEventListener("keydown", onKey);
      if (!document.querySelector(".modal-back")) document.body.classList.remove("modal-open");
      resolve(v);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") end(null);
    };
    document.addEventListener("keydown", onKey);
    box.append(
      h("h2", {}, title),
      body,
      h(
        "div",
        { class: "modal-buttons" },
        ...buttons.map((b) =>
          h(
            "button",
            { class: b.primary ? "primary" : "", "data-value": b.value, onclick: () => end(b.value) },
            b.label,
          ),
        ),
      ),
    );
    back.append(box);
    document.body.append(back);
    document.body.classList.add("modal-open");
    const first = box.querySelector("input, textarea, select, button.primary") as HTMLElement | null;
    first?.focus();
  });
}

/** Lower case without tone marks, with đ → d: what diacritic-free search compares. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase();
}

/** A document type as read (`CHƯƠNG TRÌNH`) in sentence case (`Chương trình`). */
export function docTypeLabel(t: string | null | undefined): string {
  return t ? t.charAt(0) + t.slice(1).toLowerCase() : "Văn bản";
}

/** `2026-11-23T10:04:05Z` → `10:04 23/11/2026` (local time). */
export function when(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Marks `name` on the page's performance timeline once the next frame has been painted
 *  (scripts/bench-app.sh reads these marks to time launch and opening a draft). */
export function markPainted(name: string): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.clearMarks(name);
      performance.mark(name);
    }, 0),
  );
}

/** Records how long something took since `start` (performance.now()) on the timeline,
 *  keeping only the last hundred of each name. */
export function measure(name: string, start: number): void {
  if (performance.getEntriesByName(name, "measure").length >= 100) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
