// The plain text of a DOM subtree (a contenteditable editor, or HTML a helpdesk hands over), with
// a map from each text offset back to a DOM position. Guarantees:
// - the text is what the agent sees, line by line: <br> and block boundaries become "\n",
//   whitespace-only formatting between blocks is left out, and non-breaking spaces and newlines
//   inside a line become plain spaces — each replacement one character for one, so every offset
//   maps back to exactly one place in one text node;
// - elements matching the skip selector (quotes, signatures) are reported as spans for the
//   engine to skip, not removed: offsets stay those of the visible text;
// - offsets count UTF-16 code units, as the server's do.
import type { Span } from "./stream";

interface TextPiece {
  node: Text;
  start: number;
  length: number;
}

export interface DomText {
  text: string;
  pieces: TextPiece[];
  skips: Span[];
}

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL",
]);
const INVISIBLE = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD", "META", "LINK"]);

/** Reads `root`'s text. `skipSelector` names elements whose text the engine should skip. */
export function readDom(root: Node, skipSelector: string): DomText {
  let text = "";
  const pieces: TextPiece[] = [];
  const skips: Span[] = [];
  let breakPending = false;
  let inPre = 0;

  const newline = () => {
    if (text.length > 0 && !text.endsWith("\n")) text += "\n";
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      let data = t.data;
      if (!inPre && /^[ \t\r\n]*$/.test(data) && data.includes("\n")) return;  // formatting
      if (data.length === 0) return;
      if (breakPending) {
        newline();
        breakPending = false;
      }
      if (!inPre) data = data.replace(/[\n\r\t\u00a0]/g, " ");
      else data = data.replace(/\u00a0/g, " ").replace(/\r/g, " ");
      pieces.push({ node: t, start: text.length, length: data.length });
      text += data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE &&
        node.nodeType !== Node.DOCUMENT_NODE)
      return;
    const el = node as Element;
    const tag = el.tagName ?? "";
    if (INVISIBLE.has(tag)) return;
    if (tag === "BR") {
      if (breakPending) newline();
      breakPending = false;
      text += "\n";
      return;
    }
    const block = BLOCKS.has(tag);
    if (block && text.length > 0) breakPending = true;
    const skipped = skipSelector && el.matches?.(skipSelector);
    const from = text.length;
    if (tag === "PRE") inPre++;
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
    if (tag === "PRE") inPre--;
    if (skipped && text.length > from) {
      const start = text.charAt(from) === "\n" ? from + 1 : from;
      skips.push({ offset: start, length: text.length - start });
    }
    if (block) breakPending = true;
  };
  visit(root);
  return { text, pieces, skips };
}

/** The DOM position of a text offset. A start position prefers the following text node, an
 *  end position the preceding one, so a range never begins or ends in a neighbour it does not
 *  cover. */
export function domPoint(map: DomText, offset: number, isEnd: boolean): { node: Node; offset: number } | null {
  const ps = map.pieces;
  if (ps.length === 0) return null;
  if (isEnd) {
    for (let i = ps.length - 1; i >= 0; i--) {
      const p = ps[i];
      if (p.start < offset || (p.start === offset && offset === 0)) return { node: p.node, offset: Math.min(offset - p.start, p.length) };
    }
    return { node: ps[0].node, offset: 0 };
  }
  for (const p of ps) if (offset < p.start + p.length) return { node: p.node, offset: Math.max(0, offset - p.start) };
  const last = ps[ps.length - 1];
  return { node: last.node, offset: last.length };
}

/** A DOM Range over [start, end) of the text, or null when the text is empty. */
export function domRange(map: DomText, start: number, end: number): Range | null {
  const a = domPoint(map, start, false);
  const b = domPoint(map, end, true);
  if (!a || !b) return null;
  const doc = a.node.ownerDocument;
  if (!doc) return null;
  const r = doc.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  if (r.collapsed && end > start) r.setEnd(a.node, a.offset);  // a start past the end: empty
  return r;
}

/** The text offset of a DOM position (a selection's focus), or null outside the text. */
export function textOffset(map: DomText, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const p = map.pieces.find((x) => x.node === node);
    return p ? p.start + Math.min(offset, p.length) : null;
  }
  const doc = node.ownerDocument;
  if (!doc) return null;
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  for (const p of map.pieces) if (point.comparePoint(p.node, 0) > 0) return p.start;
  return map.text.length;
}
