// What applying a hint changes: a replacement of its words, or its insertion.
import type { Hint } from "./hints";

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The edit that applies `replacement` (or the insertion, when null) to `text`; null when the
 *  hint has nothing to apply. Deleting words leaves no double space or space before punctuation. */
export function fixFor(h: Hint, replacement: string | null, text: string): TextEdit | null {
  if (replacement === null) {
    return h.insert ? { start: h.insert.offset, end: h.insert.offset, text: h.insert.text } : null;
  }
  let start = h.offset, end = h.offset + h.length;
  if (replacement === "") {
    if (text[end] === " " && (start === 0 || text[start - 1] === " ")) end += 1;
    else if (start > 0 && text[start - 1] === " " && /^[\s.,!?;:]?$/.test(text[end] ?? "")) start -= 1;
  }
  return { start, end, text: replacement };
}
