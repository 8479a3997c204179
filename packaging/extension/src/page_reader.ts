// Reading a helpdesk page through a site's selectors: its reply editors and the conversation
// shown beside them. An invalid selector (an admin's typo) matches nothing instead of throwing,
// and message texts are bounded, so a huge thread cannot make every keystroke expensive.
import type { Selectors } from "./presets";

type Role = "customer" | "agent";
export interface Message {
  role: Role;
  text: string;
}

const MAX_MESSAGES = 20;
const MAX_TEXT = 4000;

export function safeAll(root: ParentNode, selector: string): Element[] {
  if (!selector) return [];
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function safeMatches(el: Element, selector: string): boolean {
  if (!selector) return false;
  try {
    return el.matches(selector) || el.closest(selector) !== null;
  } catch {
    return false;
  }
}

/** The editors on the page that the widget can attach to and that are shown. */
export function findEditors(doc: Document, s: Selectors, canAttach: (el: Element) => boolean): HTMLElement[] {
  return safeAll(doc, s.editor).filter(
    (el): el is HTMLElement => el instanceof HTMLElement && canAttach(el) && el.getClientRects().length > 0,
  );
}

/** The last messages of the visible conversation, oldest first. */
export function readConversation(doc: Document, s: Selectors): Message[] {
  const out: Message[] = [];
  for (const el of safeAll(doc, s.messages)) {
    if (safeMatches(el, s.exclude)) continue;
    const holder = (s.text && safeAll(el, s.text)[0]) || el;
    const text = ((holder as HTMLElement).innerText ?? holder.textContent ?? "").trim().slice(0, MAX_TEXT);
    if (!text) continue;
    out.push({ role: safeMatches(el, s.customer) ? "customer" : "agent", text });
  }
  return out.slice(-MAX_MESSAGES);
}
