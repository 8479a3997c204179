// Charts as SVG node trees, built here without a DOM (so they are unit-tested) and rendered by
// svg.ts. No chart library and nothing from a CDN: a line chart (trends over days) and a
// horizontal stacked bar chart (noisiest rules). Series differ by dash pattern and marker as
// well as colour, so they stay apart for colour-blind admins; every point has a <title>.

export interface VNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: (VNode | string)[];
}

function n(tag: string, attrs: Record<string, string | number> = {}, ...children: (VNode | string)[]): VNode {
  return { tag, attrs, children };
}

export const PALETTE = ["#1f5fbf", "#b3261e", "#1b7f3b", "#7a3db8", "#a35a00", "#00707a"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

export interface Series {
  name: string;
  points: { x: string; y: number | null }[];  // x: a label (a day); null: no data that day
}

export interface LineChartSpec {
  title: string;
  description: string;
  series: Series[];
  yMax: number;
  yFormat: (v: number) => string;
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 28, top: 12, bottom: 36 };

// A line per series over the shared x labels; gaps where a day has no value.
export function lineChart(spec: LineChartSpec): VNode {
  const width = spec.width ?? 640, height = spec.height ?? 240;
  const xs = spec.series[0]?.points.map((p) => p.x) ?? [];
  const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (xs.length <= 1 ? plotW / 2 : (i * plotW) / (xs.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, Math.min(v, spec.yMax)) / (spec.yMax || 1)) * plotH;
  const svg = n("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart", "aria-label": spec.title },
                n("title", {}, spec.title), n("desc", {}, spec.description));
  for (let t = 0; t <= 4; t += 1) {  // gridlines and y labels at 0, 25, 50, 75, 100 %
    const v = (spec.yMax * t) / 4;
    svg.children.push(n("line", { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v), class: "grid" }));
    svg.children.push(n("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, spec.yFormat(v)));
  }
  const every = Math.max(1, Math.ceil(xs.length / 8));  // at most ~8 x labels
  // The last day is always labelled; the regular label before it is dropped if it would touch.
  const last = xs.length - 1;
  xs.forEach((label, i) => {
    if ((i % every === 0 && (i === last || last - i >= Math.ceil(every / 2) + 1)) || i === last)
      svg.children.push(n("text", { x: x(i), y: height - PAD.bottom + 16, "text-anchor": "middle", class: "axis" }, label.slice(5)));
  });
  spec.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    const g = n("g", { class: "series", "data-series": s.name });
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        g.children.push(n("polyline", { points: run.join(" "), fill: "none", stroke: colour, "stroke-width": 2,
                                         "stroke-dasharray": DASHES[si % DASHES.length] }));
      run = [];
    };
    s.points.forEach((p, i) => {
      if (p.y === null) return flush();
      run.push(`${x(i).toFixed(1)},${y(p.y).toFixed(1)}`);
      g.children.push(n("circle", { cx: x(i).toFixed(1), cy: y(p.y).toFixed(1), r: 3 + (si % 3), fill: colour, class: "point" },
                        n("title", {}, `${s.name}, ${p.x}: ${spec.yFormat(p.y)}`)));
    });
    flush();
    svg.children.push(g);
  });
  return svg;
}

export interface Bar {
  label: string;
  segments: { name: string; value: number }[];
}

// One horizontal bar per row, its segments stacked (e.g. dismissed, accepted, edited).
// `colours` are the segments' (by position), so "dismissed" can be red and "accepted" green.
export function barChart(title: string, description: string, bars: Bar[], width = 640,
                         colours: string[] = PALETTE): VNode {
  const rowH = 22, labelW = 220, valueW = 48;
  const height = PAD.top + bars.length * rowH + 28;
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((a, s) => a + s.value, 0)));
  const scale = (width - labelW - valueW - PAD.right) / max;
  const svg = n("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart", "aria-label": title },
                n("title", {}, title), n("desc", {}, description));
  const names = bars[0]?.segments.map((s) => s.name) ?? [];
  bars.forEach((b, i) => {
    const top = PAD.top + i * rowH;
    const g = n("g", { class: "bar", "data-label": b.label });
    g.children.push(n("text", { x: labelW - 6, y: top + 15, "text-anchor": "end", class: "axis" }, b.label));
    let left = labelW;
    b.segments.forEach((s, si) => {
      if (s.value <= 0) return;
      const w = s.value * scale;
      g.children.push(n("rect", { x: left.toFixed(1), y: top + 3, width: w.toFixed(1), height: rowH - 6,
                                   fill: colours[si % colours.length], class: `segment seg-${si}` },
                        n("title", {}, `${b.label}: ${s.value} ${s.name}`)));
      left += w;
    });
    const total = b.segments.reduce((a, s) => a + s.value, 0);
    g.children.push(n("text", { x: left + 4, y: top + 15, class: "axis" }, String(total)));
    svg.children.push(g);
  });
  const legendY = height - 10;
  names.forEach((name, si) => {
    const lx = labelW + si * 110;
    svg.children.push(n("rect", { x: lx, y: legendY - 9, width: 10, height: 10, fill: colours[si % colours.length] }));
    svg.children.push(n("text", { x: lx + 14, y: legendY, class: "axis" }, name));
  });
  return svg;
}

export function percent(v: number): string {
  return `${Math.round(v * 100)}%`;
}
