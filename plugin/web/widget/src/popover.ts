// The floating box that shows cards: next to the hinted words, or above the badge for the whole
// list. Keyboard: the cards' buttons take focus in order (Tab, or the arrow keys), Enter or Space
// presses one, Escape closes the box and gives the caret back to the editor. It never takes focus
// unless asked to (opened from the keyboard), so hovering or clicking into a word never
// interrupts typing.
import { renderCard } from "./card";
import type { CardActions } from "./card";
import { guard } from "./guard";
import type { Hint } from "./hints";

export type OpenedBy = "pointer" | "caret" | "keyboard" | "badge";

export class Popover {
  readonly element: HTMLDivElement;
  private shown: Hint[] = [];
  private anchor: DOMRect | null = null;
  openedBy: OpenedBy | null = null;

  constructor(
    parent: Node,
    private readonly actions: CardActions,
    private readonly onEscape: () => void,
  ) {
    this.element = document.createElement("div");
    this.element.className = "popover";
    this.element.setAttribute("role", "dialog");
    this.element.setAttribute("aria-label", "tactful hints");
    this.element.hidden = true;
    this.element.addEventListener("keydown", guard("popover key", (e: KeyboardEvent) => this.key(e)));
    // A press on a card's button must not take the focus from the editor: the agent clicked a
    // fix and goes on typing where the caret was.
    this.element.addEventListener("mousedown", guard("popover press", (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.("button")) e.preventDefault();
    }));
    parent.appendChild(this.element);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  hints(): Hint[] {
    return this.shown;
  }

  show(hints: Hint[], anchor: DOMRect, by: OpenedBy, empty = ""): void {
    this.shown = hints;
    this.anchor = anchor;
    this.openedBy = by;
    this.element.textContent = "";
    if (!hints.length && empty) {
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = empty;
      this.element.append(p);
    }
    for (const h of hints) this.element.append(renderCard(h, this.actions));
    this.element.hidden = false;
    this.element.dataset.by = by;
    this.place();
    if (by === "keyboard") this.buttons()[0]?.focus({ preventScroll: true });
  }

  /** Keeps the box on the hints that are still there after a new report or an edit. */
  refresh(current: Hint[], anchor: DOMRect | null): void {
    if (!this.open || this.openedBy === "badge") return;
    const still = this.shown.map((h) => current.find((c) => c.key === h.key)).filter((h): h is Hint => !!h);
    if (!still.length || !anchor) return this.hide();
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const focused = !!root.activeElement && this.element.contains(root.activeElement);
    if (still.length !== this.shown.length || still.some((h, i) => h.id !== this.shown[i].id))
      this.show(still, anchor, focused ? "keyboard" : (this.openedBy ?? "pointer"));
    else this.move(anchor);
  }

  move(anchor: DOMRect): void {
    this.anchor = anchor;
    if (this.open) this.place();
  }

  hide(): void {
    this.element.hidden = true;
    this.element.textContent = "";
    this.shown = [];
    this.openedBy = null;
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.element.querySelectorAll("button")];
  }

  private key(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      this.hide();
      this.onEscape();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const all = this.buttons();
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const at = all.indexOf(root.activeElement as HTMLButtonElement);
    const next = (at + (e.key === "ArrowDown" ? 1 : -1) + all.length) % all.length;
    all[next]?.focus({ preventScroll: true });
    e.preventDefault();
  }

  private place(): void {
    const a = this.anchor;
    if (!a) return;
    const box = this.element;
    const vw = window.innerWidth, vh = window.innerHeight;
    // Below the words when the cards fit there (or there is more room there), else above; the
    // box is cut to the room it has and scrolls, so no card is ever off screen.
    const below = vh - a.bottom - 10, above = a.top - 10;
    box.style.maxHeight = "";
    const natural = box.offsetHeight;
    const down = natural <= below || below >= above;
    box.style.maxHeight = `${Math.max(80, Math.min(down ? below : above, 520))}px`;
    const h = box.offsetHeight;
    const top = down ? a.bottom + 6 : a.top - h - 6;
    const left = Math.max(4, Math.min(a.left, vw - box.offsetWidth - 4));
    box.style.left = `${left}px`;
    box.style.top = `${Math.max(4, top)}px`;
  }
}
