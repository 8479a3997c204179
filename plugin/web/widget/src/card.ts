// One hint's card: what the hint says, why, and what to do about it — each replacement and the
// insertion as a button that applies it, then dismiss and "don't show this rule again". The
// server's text only ever becomes textContent, never markup.
import type { Hint } from "./hints";

export interface CardActions {
  /** Applies a replacement of the hinted words, or the insertion when `replacement` is null. */
  apply(hint: Hint, replacement: string | null): void;
  dismiss(hint: Hint): void;
  mute(hint: Hint): void;
}

const CATEGORY_NAMES: Record<string, string> = {
  "policy-language": "Policy language",
  "negative-language": "Negative language",
  "vague-commitment": "Vague commitment",
};

export function categoryName(id: string): string {
  if (CATEGORY_NAMES[id]) return CATEGORY_NAMES[id];
  const words = id.replace(/[-_.]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(cls: string, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", cls, label);
  b.type = "button";
  b.title = title;
  b.addEventListener("click", (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick();
  });
  return b;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

/** One hint's card. `readOnly` (a reply already sent) shows the fixes as text, not buttons. */
export function renderCard(h: Hint, actions: CardActions, readOnly = false): HTMLElement {
  const card = el("section", `card ${h.severity}`);
  card.dataset.rule = h.rule;
  card.dataset.hint = h.id;
  card.setAttribute("aria-label", `${categoryName(h.category)}: ${h.message}`);
  const head = el("div", "head");
  head.append(el("span", "sev"), el("span", "cat", categoryName(h.category)));
  if (h.text && !h.insert) head.append(el("q", "quote", clip(h.text, 40)));
  card.append(head, el("p", "msg", h.message));
  if (h.why) card.append(el("p", "why", h.why));

  if (readOnly) {
    const fix = h.insert && h.insert.text.trim() ? `Add: “${h.insert.text.trim()}”`
      : h.replacements.length ? (h.replacements[0] === "" ? "Leave it out." : `Try: “${h.replacements[0]}”`) : "";
    if (fix) card.append(el("p", "try", fix));
    const more = el("div", "more");
    more.append(button("dismiss", "Dismiss", "Hide this hint", () => actions.dismiss(h)));
    card.append(more);
    return card;
  }
  const fixes = el("div", "fixes");
  for (const r of h.replacements.slice(0, 3)) {
    const label = r === "" ? "Leave it out" : `→ ${clip(r, 80)}`;
    const title = r === "" ? `Delete “${h.text}”` : `Replace “${h.text}” with “${r}”`;
    fixes.append(button("fix replace", label, title, () => actions.apply(h, r)));
  }
  if (h.insert && h.insert.text.trim()) {
    const t = h.insert.text.trim();
    fixes.append(button("fix insert", `+ ${clip(t, 80)}`, `Add “${t}”`, () => actions.apply(h, null)));
  }
  if (fixes.childElementCount) card.append(fixes);

  const more = el("div", "more");
  more.append(
    button("dismiss", "Dismiss", "Hide this hint", () => actions.dismiss(h)),
    button("mute", "Don't show this rule again", `Mute ${h.rule} for you`, () => actions.mute(h)),
  );
  card.append(more);
  return card;
}
