// The sidebar form of the widget, for helpdesk apps that live beside the editor rather than over
// it (Zendesk, Front, Chatwoot): the status dot, the empathy meter and one card per hint, in a
// shadow root of its own inside the app's page (styled like the widget's cards).
import { renderCard } from "./card";
import type { CardActions } from "./card";
import type { Hint } from "./hints";
import { Meter } from "./meter";
import type { Status } from "./options";
import { adoptStyles } from "./shell";

export class Panel {
  readonly root: ShadowRoot;
  private readonly dot: HTMLElement;
  private readonly state: HTMLElement;
  private readonly meter = new Meter("Empathy", false);
  private readonly list: HTMLElement;
  private readonly note: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly actions: CardActions,
    title: string,
    private readonly readOnly = false,
  ) {
    const host = document.createElement("div");
    host.className = "tactful-panel";
    container.append(host);
    this.root = host.attachShadow({ mode: "open" });
    adoptStyles(this.root);
    const panel = document.createElement("section");
    panel.className = "panel";
    panel.setAttribute("aria-label", title);
    const head = document.createElement("div");
    head.className = "summary";
    this.dot = document.createElement("span");
    this.dot.className = "dot";
    this.state = document.createElement("span");
    this.state.className = "state";
    this.state.setAttribute("role", "status");
    const left = document.createElement("span");
    left.className = "who";
    left.append(this.dot, this.state);
    head.append(left, this.meter.element);
    this.note = document.createElement("p");
    this.note.className = "note";
    this.note.hidden = true;
    this.list = document.createElement("div");
    this.list.className = "cards";
    panel.append(head, this.note, this.list);
    this.root.append(panel);
  }

  /** Shows the hints (or why there are none) and the status. */
  render(hints: Hint[], empathy: number | null, status: Status, detail: string, checked: boolean): void {
    this.dot.dataset.status = status;
    this.state.textContent =
      status === "live" ? (checked ? `${hints.length} hint${hints.length === 1 ? "" : "s"}` : "checking…") : detail;
    this.meter.set(empathy);
    this.list.textContent = "";
    if (!hints.length && status === "live" && checked) {
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = this.readOnly ? "No hints: the reply reads well." : "No hints: the draft reads well.";
      this.list.append(p);
    }
    for (const h of hints) this.list.append(renderCard(h, this.actions, this.readOnly));
  }

  /** A line above the cards ("" hides it): what the panel is looking at, or a problem. */
  setNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = !text;
  }
}
