// Rectangle helpers shared by the editors.

/** Joins the rectangles of one span's inline pieces into one per line, so a hinted phrase gets
 *  one underline per line however the browser split it into boxes. */
export function mergeLines(rects: DOMRect[]): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of rects) {
    const line = out.find((o) => Math.abs(o.top - r.top) < 2 && Math.abs(o.bottom - r.bottom) < 2);
    if (!line) {
      out.push(new DOMRect(r.left, r.top, r.width, r.height));
      continue;
    }
    const left = Math.min(line.left, r.left), right = Math.max(line.right, r.right);
    line.x = left;
    line.width = right - left;
  }
  return out;
}
