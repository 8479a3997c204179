// The badge in the editor's corner: a status dot (live, connecting, offline), how many hints
// there are, and a small empathy meter. Pressing it opens the list of all hints. It is the one
// thing that stays visible when the server cannot be reached, so the agent knows coaching is
// paused rather than that the draft is fine.
import { guard } from "./guard";
import { Meter } from "./meter";
import type { Status } from "./options";

export class Badge {
  readonly element: HTMLButtonElement;
  private readonly dot: HTMLSpanElement;
  private readonly count: HTMLSpanElement;
  private readonly meter = new Meter("Empathy", true);
  private status: Status = "connecting";
  private detail = "connecting…";
  private hints = 0;
  private empathy: number | null = null;

  constructor(parent: Node, onPress: () => void) {
    this.element = document.createElement("button");
    this.element.type = "button";
    this.element.className = "badge";
    this.dot = document.createElement("span");
    this.dot.className = "dot";
    this.count = document.createElement("span");
    this.count.className = "count";
    this.count.setAttribute("aria-live", "polite");
    this.element.append(this.dot, this.count, this.meter.element);
    this.element.addEventListener("mousedown", (e) => e.preventDefault());  // keep the editor's caret
    this.element.addEventListener("click", guard("badge", (e: MouseEvent) => {
      e.preventDefault();
      onPress();
    }));
    parent.appendChild(this.element);
    this.render();
  }

  setStatus(status: Status, detail: string): void {
    this.status = status;
    this.detail = detail;
    this.render();
  }

  setHints(count: number, empathy: number | null): void {
    this.hints = count;
    this.empathy = empathy;
    this.render();
  }

  /** Puts the badge inside the editor's box, bottom right; hidden when the editor is not. */
  place(box: DOMRect | null): void {
    const b = this.element;
    if (!box || box.width < 40 || box.height < 16) {
      b.hidden = true;
      return;
    }
    b.hidden = false;
    b.style.left = `${box.right - b.offsetWidth - 4}px`;
    b.style.top = `${box.bottom - b.offsetHeight - 4}px`;
  }

  private render(): void {
    this.dot.dataset.status = this.status;
    this.element.dataset.status = this.status;
    const live = this.status === "live";
    this.count.textContent = live || this.hints ? String(this.hints) : "";
    this.meter.set(this.empathy);
    this.meter.element.hidden = this.empathy === null;
    const hints = `${this.hints} hint${this.hints === 1 ? "" : "s"}`;
    const empathy = this.empathy === null ? "" : `, empathy ${this.empathy}`;
    this.element.title = `tactful: ${live ? hints + empathy : this.detail}`;
    this.element.setAttribute("aria-label", this.element.title);
  }
}
