// The underlines. A layer fixed over the viewport holds one thin bar per line of each hinted
// span, placed from the editor's geometry and clipped to the box the editor shows its text in,
// so scrolled-away words are not underlined outside it. The layer never takes the pointer:
// typing, clicking and selecting in the editor are the host's; hit() finds the hint under a
// point instead.
import type { Hint } from "./hints";

interface Drawn {
  hint: Hint;
  rect: DOMRect;
}

export class Overlay {
  private readonly bars: HTMLDivElement[] = [];
  private drawn: Drawn[] = [];

  constructor(private readonly layer: HTMLElement) {}

  draw(hints: Hint[], rects: DOMRect[][], clip: DOMRect, active: string | null): void {
    this.drawn = [];
    hints.forEach((h, i) => {
      for (const r of rects[i] ?? []) {
        const left = Math.max(r.left, clip.left), right = Math.min(r.right, clip.right);
        if (right - left < 1 || r.bottom - 2 < clip.top || r.bottom - 2 > clip.bottom + 1) continue;
        this.drawn.push({ hint: h, rect: new DOMRect(left, r.top, right - left, r.height) });
      }
    });
    while (this.bars.length < this.drawn.length) {
      const bar = document.createElement("div");
      this.layer.appendChild(bar);
      this.bars.push(bar);
    }
    this.bars.forEach((bar, i) => {
      const d = this.drawn[i];
      if (!d) {
        bar.hidden = true;
        return;
      }
      bar.hidden = false;
      bar.className = `underline ${d.hint.severity}${d.hint.id === active ? " active" : ""}`;
      bar.dataset.rule = d.hint.rule;
      bar.dataset.category = d.hint.category;
      const s = bar.style;
      s.left = `${d.rect.left}px`;
      s.top = `${d.rect.top}px`;
      s.width = `${d.rect.width}px`;
      s.height = `${d.rect.height}px`;
    });
  }

  /** The hints drawn under the viewport point (x, y). */
  hit(x: number, y: number): Hint[] {
    const out: Hint[] = [];
    for (const d of this.drawn)
      if (x >= d.rect.left && x <= d.rect.right && y >= d.rect.top && y <= d.rect.bottom && !out.includes(d.hint))
        out.push(d.hint);
    return out;
  }

  /** Where a hint is drawn (its first line), for anchoring its card. */
  rectOf(h: Hint): DOMRect | null {
    return this.drawn.find((d) => d.hint.id === h.id)?.rect ?? null;
  }

  count(): number {
    return this.drawn.length;
  }

  clear(): void {
    this.draw([], [], new DOMRect(), null);
  }
}
