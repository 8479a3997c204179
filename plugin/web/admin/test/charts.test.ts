// The SVG charts: values land where the scale says, days without data leave gaps, bars are
// as long as their totals, and every point and segment says its value in a <title>.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { VNode } from "../src/charts";
import { barChart, lineChart, percent } from "../src/charts";
import { empathySeries } from "../src/views/analytics";
import { overrideFromForm } from "../src/views/overrides";
import { conversation } from "../src/views/try_it";

function all(n: VNode, tag: string): VNode[] {
  const out = n.tag === tag ? [n] : [];
  for (const c of n.children) if (typeof c !== "string") out.push(...all(c, tag));
  return out;
}
const text = (n: VNode): string => n.children.map((c) => (typeof c === "string" ? c : text(c))).join("");

test("line chart: scale, gaps and titles", () => {
  const svg = lineChart({ title: "T", description: "D", yMax: 1, yFormat: percent, width: 400, height: 200,
    series: [{ name: "r", points: [{ x: "2026-01-01", y: 0 }, { x: "2026-01-02", y: 1 }, { x: "2026-01-03", y: null }, { x: "2026-01-04", y: 0.5 }] }] });
  assert.equal(svg.attrs.role, "img");
  const dots = all(svg, "circle");
  assert.equal(dots.length, 3);  // the null day has no point
  // y = 0 sits on the bottom of the plot (height - bottom pad), y = 1 on the top pad.
  assert.equal(Number(dots[0].attrs.cy), 200 - 36);
  assert.equal(Number(dots[1].attrs.cy), 12);
  assert.equal(text(dots[2]), "r, 2026-01-04: 50%");
  // The gap splits the line: one polyline over the first two days, none for the lone last one.
  assert.equal(all(svg, "polyline").length, 1);
});

test("bar chart: lengths follow totals, legend names segments", () => {
  const svg = barChart("B", "D", [
    { label: "noisy", segments: [{ name: "dismissed", value: 6 }, { name: "accepted", value: 2 }] },
    { label: "quiet", segments: [{ name: "dismissed", value: 1 }, { name: "accepted", value: 3 }] }], 640);
  const rects = all(svg, "rect").filter((r) => String(r.attrs.class ?? "").startsWith("segment"));
  assert.equal(rects.length, 4);
  const w = rects.map((r) => Number(r.attrs.width));
  assert.ok(Math.abs(w[0] / w[1] - 3) < 0.01);  // 6 vs 2
  assert.ok(Math.abs(w[0] + w[1] - 2 * (w[2] + w[3])) < 0.2);  // totals 8 vs 4
  assert.match(text(rects[0]), /noisy: 6 dismissed/);
  assert.ok(text(svg).includes("accepted"));
});

test("empathy points become one series per team over every day", () => {
  const s = empathySeries([{ day: "2026-01-01", team: "billing", average: 40, samples: 2 },
                           { day: "2026-01-02", team: "billing", average: 60, samples: 1 },
                           { day: "2026-01-02", team: "", average: 70, samples: 1 }], "team", ["2026-01-01", "2026-01-02"]);
  assert.deepEqual(s.map((x) => x.name), ["(none)", "billing"]);
  assert.deepEqual(s[0].points.map((p) => p.y), [null, 70]);
  assert.deepEqual(s[1].points.map((p) => p.y), [40, 60]);
});

test("the override form and the sample conversation read what was typed", () => {
  assert.deepEqual(overrideFromForm({ enabled: "false", severity: "", exceptions: "calm down the account\n\n", phrases: "",
                                      "examples.flag": "", "examples.pass": "", note: " billing " }),
                   { enabled: false, exceptions: ["calm down the account"], note: "billing" });
  assert.deepEqual(overrideFromForm({ enabled: "", severity: "hint", exceptions: "", phrases: "chill", "examples.flag": "Just [[chill]].",
                                      "examples.pass": "", note: "" }),
                   { severity: "hint", phrases: ["chill"], examples: { flag: ["Just [[chill]]."], pass: [] } });
  assert.deepEqual(conversation("customer: I was charged twice\nAgent: Sorry!\nwhere is it?"),
                   [{ role: "customer", text: "I was charged twice" }, { role: "agent", text: "Sorry!" }, { role: "customer", text: "where is it?" }]);
});
