// Renders the chart trees of charts.ts into real SVG elements (text as text nodes, never markup).
import type { VNode } from "./charts";

const NS = "http://www.w3.org/2000/svg";

export function render(node: VNode): SVGElement {
  const el = document.createElementNS(NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs)) el.setAttribute(k, String(v));
  for (const c of node.children) el.appendChild(typeof c === "string" ? document.createTextNode(c) : render(c));
  return el;
}
