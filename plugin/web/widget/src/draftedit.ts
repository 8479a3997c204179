// A draft a helpdesk hands over as a string — plain text, or HTML when its editor is rich — read
// as the text the engine checks and edited at text offsets. HTML is parsed into a detached
// document (nothing runs, nothing loads) and read with the same DOM text model as a
// contenteditable, so offsets mean the same thing everywhere; an edit changes only the text
// nodes it covers and the rest of the markup comes back as it was.
import { domRange, readDom } from "./domtext";
import type { Span } from "./stream";

export interface Draft {
  /** The draft as the helpdesk holds it: HTML when `html` is true, else plain text. */
  body: string;
  html: boolean;
}

export interface ReadDraft {
  text: string;
  skips: Span[];
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, "text/html");
}

export function readDraft(d: Draft, skipSelector: string): ReadDraft {
  if (!d.html) return { text: d.body, skips: [] };
  const map = readDom(parse(d.body).body, skipSelector);
  return { text: map.text, skips: map.skips };
}

/** The draft with [start, end) of its text replaced by `text`. */
export function editDraft(d: Draft, start: number, end: number, text: string, skipSelector: string): Draft {
  if (!d.html) return { body: d.body.slice(0, start) + text + d.body.slice(end), html: false };
  const doc = parse(d.body);
  const map = readDom(doc.body, skipSelector);
  const range = domRange(map, start, end);
  if (!range) {
    // An empty editor: the text becomes its first paragraph.
    const p = doc.createElement("p");
    p.textContent = text;
    doc.body.append(p);
    return { body: doc.body.innerHTML, html: true };
  }
  range.deleteContents();
  if (text) range.insertNode(doc.createTextNode(text));
  doc.body.normalize();
  return { body: doc.body.innerHTML, html: true };
}

/** The plain text of an HTML fragment (a conversation message), paragraphs on lines. */
export function htmlToText(html: string): string {
  return readDom(parse(html).body, "").text.trim();
}
