// Where characters of a textarea are on screen. A textarea exposes no geometry for its text, so
// a hidden copy (the mirror) gets the same box and font, lays out the same text, and its spans
// are measured; their positions, moved to the textarea and shifted by its scroll, are where the
// textarea draws those characters. One layout serves all spans.
import { mergeLines } from "./geometry";
import type { Span } from "./stream";

const COPIED = [
  "boxSizing", "fontFamily", "fontSize", "fontStyle", "fontVariant", "fontWeight", "fontStretch",
  "fontKerning", "fontFeatureSettings", "letterSpacing", "lineHeight", "textTransform", "textIndent",
  "textAlign", "tabSize", "wordSpacing", "wordBreak", "overflowWrap", "whiteSpace", "direction",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
] as const;

export class TextMirror {
  private readonly box: HTMLDivElement;

  constructor(parent: Node) {
    this.box = document.createElement("div");
    this.box.setAttribute("aria-hidden", "true");
    this.box.className = "mirror";
    parent.appendChild(this.box);
  }

  measure(field: HTMLTextAreaElement | HTMLInputElement, text: string, spans: Span[]): DOMRect[][] {
    const out: DOMRect[][] = spans.map(() => []);
    if (spans.length === 0) return out;
    const cs = getComputedStyle(field);
    const style = this.box.style;
    for (const p of COPIED) style[p] = cs[p];
    const single = field instanceof HTMLInputElement;
    style.whiteSpace = single ? "pre" : "pre-wrap";
    style.overflowWrap = single ? "normal" : cs.overflowWrap === "normal" ? "break-word" : cs.overflowWrap;
    style.boxSizing = "content-box";
    const padX = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    style.width = `${Math.max(0, field.clientWidth - padX)}px`;
    style.borderWidth = "0";

    // Split the text at every span boundary; each piece covered by a span gets an element.
    const cuts = new Set<number>([0, text.length]);
    for (const s of spans) {
      cuts.add(Math.min(s.offset, text.length));
      cuts.add(Math.min(s.offset + s.length, text.length));
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    this.box.textContent = "";
    const pieces: { start: number; end: number; el: HTMLSpanElement }[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const start = sorted[i], end = sorted[i + 1];
      const chunk = text.slice(start, end);
      if (spans.some((s) => s.offset < end && start < s.offset + s.length)) {
        const el = document.createElement("span");
        el.textContent = chunk;
        this.box.appendChild(el);
        pieces.push({ start, end, el });
      } else {
        this.box.appendChild(document.createTextNode(chunk));
      }
    }
    this.box.appendChild(document.createTextNode("\u200b"));  // a trailing newline gets a line

    const origin = this.box.getBoundingClientRect();
    const field_ = field.getBoundingClientRect();
    const dx = field_.left + field.clientLeft - field.scrollLeft - origin.left;
    const dy = field_.top + field.clientTop - field.scrollTop - origin.top;
    spans.forEach((s, i) => {
      const rects: DOMRect[] = [];
      for (const p of pieces) {
        if (p.start < s.offset || p.end > s.offset + s.length) continue;
        for (const r of p.el.getClientRects())
          if (r.width > 0) rects.push(new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
      }
      out[i] = mergeLines(rects);
    });
    this.box.textContent = "";
    return out;
  }

  destroy(): void {
    this.box.remove();
  }
}
