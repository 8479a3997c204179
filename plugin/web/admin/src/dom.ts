// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so rule text, audit
// entries and hints from the server can hold any characters without becoming markup.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {},
                                                        ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (k === "class") el.className = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

export function $<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no element ${selector}`);
  return el;
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replace(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

let ids = 0;
// A page-unique id for label/field pairs made at run time.
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

// A labelled control: <label for> + the control (+ a help line tied with aria-describedby).
export function field(label: string, control: HTMLElement, help?: string): HTMLElement {
  if (!control.id) control.id = uid("f");
  const wrap = h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  if (help) {
    const helpId = `${control.id}-help`;
    wrap.appendChild(h("p", { class: "help", id: helpId }, help));
    control.setAttribute("aria-describedby", helpId);
  }
  return wrap;
}

export function select(options: [string, string][], value: string, attrs: Attrs = {}): HTMLSelectElement {
  const s = h("select", attrs);
  for (const [v, label] of options) s.appendChild(h("option", { value: v }, label));
  s.value = value;
  return s;
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h("button", { type: "button", ...attrs, onclick: () => onClick() }, label);
}

// A status region: its text is announced by screen readers when it changes (aria-live).
export function say(region: HTMLElement, message: string, ok: boolean, details: Node[] = []): void {
  region.className = `status ${ok ? "ok" : "bad"}`;
  replace(region, h("p", {}, message), ...details);
}

// One list item per problem: where (rule, team, JSON path) and what.
export function problemList(problems: { rule: string; team: string; path: string; message: string }[]): HTMLElement {
  const ul = h("ul", { class: "problems" });
  for (const p of problems) {
    const where = [p.rule, p.team && `team ${p.team}`, p.path].filter(Boolean).join(" · ");
    ul.appendChild(h("li", {}, h("code", {}, where), ` ${p.message}`));
  }
  return ul;
}

// A table from headers and rows of cells (text or nodes).
export function table(caption: string, headers: string[], rows: Child[][], captionVisible = false): HTMLTableElement {
  const t = h("table", {}, h("caption", { class: captionVisible ? "" : "sr-only" }, caption));
  const head = t.createTHead().insertRow();
  for (const x of headers) head.appendChild(h("th", { scope: "col" }, x));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of r) append(tr.insertCell(), c);
  }
  return t;
}

export function lines(text: string): string[] {
  return text.split("\n").map((s) => s.trim()).filter((s) => s.length > 0);
}

export function list(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
