// The hints shown for the text in the editor. Guarantees:
// - every visible hint's span still holds the words it was computed for: reports are rebased
//   onto the current text (the edits made while the server worked shift them) and a hint whose
//   words were edited is dropped rather than underlining the wrong thing;
// - dismissed hints stay dismissed while their words do (keyed by rule and words), and muted
//   rules stay hidden, whatever later reports say;
// - each hint is reported "shown" once per attachment, and a hint the agent typed over (not
//   fixed through the widget) and that the next report no longer has is reported "edited" once.
import type { Report, Suggestion } from "./protocol";

export interface Hint extends Suggestion {
  /** Unique among the current hints; changes when a new report replaces them. */
  id: string;
  /** Stable across reports for the same rule on the same words: what dismissal remembers. */
  key: string;
}

/** Where two texts differ: [start, oldEnd) in the old text became [start, newEnd) in the new. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function diff(before: string, after: string): Edit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** Moves an offset across an edit; null when the edit swallowed it (strictly inside). */
function moveSpan(offset: number, length: number, e: Edit): number | null {
  const end = offset + length;
  if (end <= e.start) return offset;
  if (offset >= e.oldEnd) return offset + (e.newEnd - e.oldEnd);
  return null;
}

function rebase(h: Hint, e: Edit): Hint | null {
  const offset = moveSpan(h.offset, h.length, e);
  if (offset === null) return null;
  let insert = h.insert;
  if (insert) {
    const at = moveSpan(insert.offset, 0, e);
    if (at === null) return null;
    insert = { text: insert.text, offset: at };
  }
  return { ...h, offset, insert };
}

/** Orders hints on the same words for their card: a fix for these very words before a hint that
 *  only anchors an insertion there, then warnings first, then the longer span. */
export function byRelevance(a: Hint, b: Hint): number {
  const rank = (h: Hint) => (h.insert && !h.replacements.length ? 1 : 0);
  const sev = (h: Hint) => (h.severity === "warning" ? 0 : h.severity === "suggestion" ? 1 : 2);
  return rank(a) - rank(b) || sev(a) - sev(b) || b.length - a.length;
}

export class HintModel {
  private text = "";
  private analysed = "";
  private hints: Hint[] = [];
  private report: Report | null = null;
  private generation = 0;
  private readonly dismissed = new Set<string>();
  private readonly muted = new Set<string>();
  private readonly seen = new Set<string>();
  private touched: Hint[] = [];

  /** The text the latest report was computed for ("" before the first). */
  analysedText(): string {
    return this.analysed;
  }

  /** The latest report (scores and customer signals), or null before the first. */
  latest(): Report | null {
    return this.report;
  }

  /** Takes a report computed for `analysed`, rebased onto `current`; returns the hints the
   *  agent edited away since the previous report (to be reported "edited"). */
  setReport(report: Report, analysed: string, current: string): Hint[] {
    this.report = report;
    this.analysed = analysed;
    this.generation += 1;
    const e = diff(analysed, current);
    const next: Hint[] = [];
    report.suggestions.forEach((s, i) => {
      let h: Hint | null = { ...s, id: `${this.generation}.${i}`, key: `${s.rule}\u0000${s.text}` };
      if (e) h = rebase(h, e);
      if (h && current.slice(h.offset, h.offset + h.length) === h.text) next.push(h);
    });
    this.text = current;
    this.hints = next;
    const edited = this.touched.filter((t) => !next.some((h) => h.rule === t.rule));
    this.touched = [];
    return edited;
  }

  /** Follows a local edit of the text: hints move with their words or drop when edited. */
  edit(current: string, byWidget = false): void {
    const e = diff(this.text, current);
    this.text = current;
    if (!e) return;
    const kept: Hint[] = [];
    for (const h of this.hints) {
      const moved = rebase(h, e);
      if (moved && current.slice(moved.offset, moved.offset + moved.length) === moved.text) kept.push(moved);
      else if (!byWidget && !this.hidden(h)) this.touched.push(h);
    }
    this.hints = kept;
  }

  /** The hints to show, in text order. */
  visible(): Hint[] {
    return this.hints.filter((h) => !this.hidden(h)).sort((a, b) => a.offset - b.offset || a.length - b.length);
  }

  /** Visible hints whose span contains `offset` (its end included: the caret after a word),
   *  most relevant first. */
  at(offset: number): Hint[] {
    return this.visible()
      .filter((h) => h.offset <= offset && offset <= h.offset + h.length)
      .sort(byRelevance);
  }

  find(id: string): Hint | undefined {
    return this.hints.find((h) => h.id === id);
  }

  /** Visible hints not reported as shown before; marks them shown. */
  takeNewlyShown(): Hint[] {
    const out = this.visible().filter((h) => !this.seen.has(h.key));
    for (const h of out) this.seen.add(h.key);
    return out;
  }

  dismiss(h: Hint): void {
    this.dismissed.add(h.key);
  }

  mute(rule: string): void {
    this.muted.add(rule);
  }

  /** Drops a hint that was just applied (its words are gone anyway). */
  remove(h: Hint): void {
    this.hints = this.hints.filter((x) => x.id !== h.id);
  }

  clear(): void {
    this.hints = [];
    this.touched = [];
  }

  private hidden(h: Hint): boolean {
    return this.dismissed.has(h.key) || this.muted.has(h.rule);
  }
}
