// The empathy meter: the draft's empathy score (0–100, from the report) as a bar with its number,
// banded low / fair / good so the colour says at a glance whether the reply reads as caring.
export class Meter {
  readonly element: HTMLElement;
  private readonly fill: HTMLElement;
  private readonly value: HTMLElement;

  constructor(label: string, compact: boolean) {
    this.element = document.createElement("div");
    this.element.className = compact ? "meter compact" : "meter";
    this.element.setAttribute("role", "meter");
    this.element.setAttribute("aria-label", label);
    this.element.setAttribute("aria-valuemin", "0");
    this.element.setAttribute("aria-valuemax", "100");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = label;
    const track = document.createElement("span");
    track.className = "track";
    this.fill = document.createElement("span");
    this.fill.className = "fill";
    track.append(this.fill);
    this.value = document.createElement("span");
    this.value.className = "value";
    if (!compact) this.element.append(name);
    this.element.append(track, this.value);
    this.set(null);
  }

  set(score: number | null): void {
    const v = score === null ? 0 : Math.max(0, Math.min(100, Math.round(score)));
    this.element.dataset.band = score === null ? "none" : v < 40 ? "low" : v < 70 ? "fair" : "good";
    this.element.setAttribute("aria-valuenow", String(v));
    this.fill.style.width = `${v}%`;
    this.value.textContent = score === null ? "–" : String(v);
  }
}
