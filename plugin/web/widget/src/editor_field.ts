// A <textarea> or text <input> as an Editor. Its value is the text; geometry comes from the
// mirror. Programmatic changes (a helpdesk macro setting .value) fire no event, so the value is
// also compared on every poll() the widget makes.
import type { Editor } from "./editor";
import { typeOverSelection } from "./editor";
import { guard } from "./guard";
import { TextMirror } from "./mirror";
import type { Span } from "./stream";

export class FieldEditor implements Editor {
  private readonly mirror: TextMirror;
  private readonly listeners = new Set<() => void>();
  private readonly onInput = guard("editor input", () => this.changed());
  private last: string;

  constructor(readonly element: HTMLTextAreaElement | HTMLInputElement, mirrorParent: Node) {
    this.mirror = new TextMirror(mirrorParent);
    this.last = element.value;
    element.addEventListener("input", this.onInput);
    element.addEventListener("change", this.onInput);
  }

  text(): string {
    return this.element.value;
  }

  skips(): Span[] {
    return [];
  }

  rects(spans: Span[]): DOMRect[][] {
    return this.mirror.measure(this.element, this.element.value, spans);
  }

  clip(): DOMRect {
    const el = this.element;
    const r = el.getBoundingClientRect();
    return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth, el.clientHeight);
  }

  caret(): number | null {
    return document.activeElement === this.element ? this.element.selectionEnd : null;
  }

  replace(start: number, end: number, text: string): boolean {
    const el = this.element;
    const before = el.value;
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    if (!typeOverSelection(text) || el.value === before) {
      // Browsers without the editing command on fields: set the value and tell the host.
      el.setRangeText(text, start, end, "end");
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: text }));
    }
    this.changed();
    return el.value !== before || text === before.slice(start, end);
  }

  focusAt(offset: number): void {
    this.element.focus({ preventScroll: true });
    this.element.setSelectionRange(offset, offset);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notices a value set by script. */
  poll(): void {
    if (this.element.value !== this.last) this.changed();
  }

  destroy(): void {
    this.element.removeEventListener("input", this.onInput);
    this.element.removeEventListener("change", this.onInput);
    this.listeners.clear();
    this.mirror.destroy();
  }

  private changed(): void {
    this.last = this.element.value;
    for (const l of this.listeners) l();
  }
}
