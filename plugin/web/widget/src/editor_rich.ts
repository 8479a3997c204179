// A contenteditable element (plain or a rich-text editor: ProseMirror, CKEditor, Quill…) as an
// Editor. Its text is read from the DOM (domtext.ts) and re-read only when a mutation says it
// may have changed, so geometry and caret lookups between edits cost no DOM walk. Changes are
// seen through a MutationObserver, which also catches those the host makes by script.
import type { Editor } from "./editor";
import { typeOverSelection } from "./editor";
import { domRange, readDom, textOffset } from "./domtext";
import type { DomText } from "./domtext";
import { mergeLines } from "./geometry";
import { guard } from "./guard";
import type { Span } from "./stream";

export class RichEditor implements Editor {
  private map: DomText;
  private readonly listeners = new Set<() => void>();
  private readonly observer: MutationObserver;

  constructor(readonly element: HTMLElement, private readonly skipSelector: string) {
    this.map = readDom(element, skipSelector);
    this.observer = new MutationObserver(guard("editor mutation", () => this.changed()));
    this.observer.observe(element, { childList: true, characterData: true, subtree: true });
  }

  text(): string {
    return this.map.text;
  }

  skips(): Span[] {
    return this.map.skips;
  }

  rects(spans: Span[]): DOMRect[][] {
    return spans.map((s) => {
      const r = domRange(this.map, s.offset, s.offset + s.length);
      if (!r) return [];
      return mergeLines([...r.getClientRects()].filter((x) => x.width > 0.5));
    });
  }

  clip(): DOMRect {
    const el = this.element;
    const r = el.getBoundingClientRect();
    return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth || r.width, el.clientHeight || r.height);
  }

  caret(): number | null {
    const sel = this.element.ownerDocument.getSelection();
    if (!sel || !sel.focusNode || !this.element.contains(sel.focusNode)) return null;
    return textOffset(this.map, sel.focusNode, sel.focusOffset);
  }

  replace(start: number, end: number, text: string): boolean {
    this.changed();  // the map must be current before it locates the range
    const range = domRange(this.map, start, end);
    if (!range) return false;
    const before = this.map.text;
    this.element.focus({ preventScroll: true });
    const sel = this.element.ownerDocument.getSelection();
    if (!sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    if (!typeOverSelection(text)) {
      // No editing command here: edit the DOM and tell the host's editor through an event.
      range.deleteContents();
      if (text) range.insertNode(document.createTextNode(text));
      this.element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: text }));
    }
    this.changed();
    return this.map.text !== before;
  }

  focusAt(offset: number): void {
    const range = domRange(this.map, offset, offset);
    this.element.focus({ preventScroll: true });
    const sel = this.element.ownerDocument.getSelection();
    if (!range || !sel) return;
    sel.removeAllRanges();
    sel.addRange(range);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  poll(): void {
    // the MutationObserver sees every change
  }

  destroy(): void {
    this.observer.disconnect();
    this.listeners.clear();
  }

  private changed(): void {
    this.observer.takeRecords();
    const next = readDom(this.element, this.skipSelector);
    const same = next.text === this.map.text;
    this.map = next;  // node identities may change even when the text does not
    if (!same) for (const l of this.listeners) l();
  }
}
