// What the widget needs from the element the agent types in, whatever kind it is.
import type { Span } from "./stream";

export interface Editor {
  readonly element: HTMLElement;
  /** The plain text the engine checks (offsets in UTF-16 units). */
  text(): string;
  /** Parts of the text the engine should skip (quoted messages, signatures). */
  skips(): Span[];
  /** The viewport rectangles of each span, in one layout pass; [] for a span not on screen. */
  rects(spans: Span[]): DOMRect[][];
  /** The box the text is visible in (underlines are clipped to it), in viewport coordinates. */
  clip(): DOMRect;
  /** The caret's text offset, or null when the editor has no caret. */
  caret(): number | null;
  /** Replaces [start, end) with `text` as typing would (the host editor's undo and input events
   *  see it); false when the editor refused. */
  replace(start: number, end: number, text: string): boolean;
  /** Puts the caret at `offset` and focuses the editor. */
  focusAt(offset: number): void;
  /** Notices changes no event announced (a script setting a field's value). */
  poll(): void;
  /** Subscribes to changes of the text; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

/** Whether the element can be coached: a textarea, a text input, or a contenteditable. */
export function editable(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return el.type === "text" || el.type === "search" || el.type === "";
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Types `text` over the current selection through the browser's editing command, so the
 *  host's editor, its undo stack and its listeners see an ordinary edit. */
export function typeOverSelection(text: string): boolean {
  try {
    // execCommand is deprecated but still the only way to edit as the user would (undo included)
    return text === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, text);
  } catch {
    return false;
  }
}
