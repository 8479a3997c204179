// Analytics: the noisiest rules first (a stacked bar per rule), acceptance rate over time per
// rule or category, the empathy trend per team or agent, each chart an inline SVG drawn here
// with its numbers in a table beside it, and every report as a CSV download.
import type { App, View } from "../app";
import { teamSelect } from "../app";
import { withQuery } from "../api";
import { PALETTE, barChart, lineChart, percent } from "../charts";
import type { Series } from "../charts";
import { button, field, h, replace, say, select, table } from "../dom";
import { render } from "../svg";
import type { Counts, EmpathyPoint } from "../types";

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// Empathy points grouped into one series per team or agent over every day of `days`.
export function empathySeries(points: EmpathyPoint[], by: "team" | "agent", days: string[]): Series[] {
  const byWho = new Map<string, Map<string, number>>();
  for (const p of points) {
    const who = (by === "team" ? p.team : p.agent) || "(none)";
    if (!byWho.has(who)) byWho.set(who, new Map());
    byWho.get(who)!.set(p.day, p.average);
  }
  return [...byWho.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(0, 6)
    .map(([name, m]) => ({ name, points: days.map((x) => ({ x, y: m.get(x) ?? null })) }));
}

function dataTable(caption: string, headers: string[], rows: string[][]): HTMLElement {
  return h("details", {}, h("summary", {}, `${caption}: the numbers`), table(caption, headers, rows));
}

export function analyticsView(app: App): View {
  const today = new Date();
  const from = h("input", { type: "date", id: "an-from", value: isoDay(new Date(today.getTime() - 29 * 86400000)) });
  const to = h("input", { type: "date", id: "an-to", value: isoDay(today) });
  const by = select([["team", "team"], ["agent", "agent"]], "team");
  by.id = "an-by";
  return {
    async render(section) {
      const team = teamSelect(app, "", "Every team");
      team.id = "an-team";
      const status = h("div", { role: "status", "aria-live": "polite", id: "analytics-status" });
      const noisy = h("div", { id: "chart-noisy" });
      const trend = h("div", { id: "chart-acceptance" });
      const empathy = h("div", { id: "chart-empathy" });
      const subject = select([["", "the 3 noisiest rules"]], "");
      subject.id = "an-subject";
      const filter = () => ({ from: from.value, to: to.value, team: team.value });

      const draw = async () => {
        if (from.value && to.value && from.value > to.value) return say(status, "The start day is after the end day.", false);
        const [rules, cats] = await Promise.all([
          app.api.get<{ rules: Counts[] }>(withQuery("/v1/admin/analytics/rules", filter())),
          app.api.get<{ categories: Counts[] }>(withQuery("/v1/admin/analytics/categories", filter())),
        ]);
        if (!rules.ok || !cats.ok) return say(status, rules.data.error || cats.data.error || "Could not load analytics.", false);
        const top = rules.data.rules.slice(0, 10);
        replace(noisy, top.length
          ? render(barChart("Noisiest rules first: dismissed, accepted and edited hints",
              "One bar per rule, most dismissed first; segments: dismissed, accepted, edited.",
              top.map((c) => ({ label: c.rule ?? "", segments: [
                { name: "dismissed", value: c.dismissed }, { name: "accepted", value: c.accepted }, { name: "edited", value: c.edited }] })),
              640, [PALETTE[1], PALETTE[2], PALETTE[0]]))
          : h("p", {}, "No feedback in this range yet."),
          dataTable("Per rule, noisiest first", ["Rule", "Shown", "Accepted", "Edited", "Dismissed", "Muted by", "Acceptance"],
            rules.data.rules.map((c) => [c.rule ?? "", String(c.shown), String(c.accepted), String(c.edited), String(c.dismissed),
                                         String(c.muted), c.acceptance_rate === null ? "–" : percent(c.acceptance_rate)])));
        const keep = subject.value;
        replace(subject, h("option", { value: "" }, "the 3 noisiest rules"),
          ...rules.data.rules.map((c) => h("option", { value: `rule:${c.rule}` }, `rule ${c.rule}`)),
          ...cats.data.categories.map((c) => h("option", { value: `category:${c.category}` }, `category ${c.category}`)));
        subject.value = keep;
        await drawTrend(rules.data.rules);
        await drawEmpathy();
        say(status, `Showing ${from.value || "the start"} to ${to.value || "today"}${team.value ? ` for team ${team.value}` : ""}.`, true);
      };

      const drawTrend = async (ranked: Counts[]) => {
        const picks = subject.value ? [subject.value] : ranked.slice(0, 3).map((c) => `rule:${c.rule}`);
        const series: Series[] = [];
        for (const p of picks) {
          const [kind, name] = [p.slice(0, p.indexOf(":")), p.slice(p.indexOf(":") + 1)];
          const r = await app.api.get<{ days: Counts[] }>(withQuery("/v1/admin/analytics/daily", { ...filter(), [kind]: name }));
          if (r.ok) series.push({ name, points: r.data.days.map((d) => ({ x: d.day ?? "", y: d.acceptance_rate })) });
        }
        replace(trend, series.length && series[0].points.length
          ? render(lineChart({ title: "Acceptance rate per day", series, yMax: 1, yFormat: percent,
              description: `Share of acted-on hints accepted or edited, per day, for ${series.map((s) => s.name).join(", ")}; gaps are days without any.` }))
          : h("p", {}, "No feedback in this range yet."),
          h("ul", { class: "legend" }, ...series.map((s, i) => h("li", { class: `legend-${i}` }, s.name))),
          dataTable("Acceptance rate per day", ["Day", ...series.map((s) => s.name)],
            (series[0]?.points ?? []).map((pt, i) => [pt.x, ...series.map((s) => (s.points[i].y === null ? "–" : percent(s.points[i].y!)))])));
      };

      const drawEmpathy = async () => {
        const r = await app.api.get<{ points: EmpathyPoint[] }>(withQuery("/v1/admin/analytics/empathy", { ...filter(), by: by.value }));
        if (!r.ok) return replace(empathy, r.data.error || "Could not load the empathy trend.");
        const days = [...new Set(r.data.points.map((p) => p.day))].sort();
        const series = empathySeries(r.data.points, by.value as "team" | "agent", days);
        replace(empathy, series.length
          ? render(lineChart({ title: `Average empathy score per day, by ${by.value}`, series, yMax: 100, yFormat: (v) => String(Math.round(v)),
              description: `Average empathy score (0-100) of drafts with feedback, per day, one line per ${by.value}.` }))
          : h("p", {}, "No empathy scores in this range yet."),
          h("ul", { class: "legend" }, ...series.map((s, i) => h("li", { class: `legend-${i}` }, s.name))),
          dataTable(`Empathy by ${by.value}`, ["Day", by.value, "Average", "Samples"],
            r.data.points.map((p) => [p.day, (by.value === "team" ? p.team : p.agent) || "(none)", p.average.toFixed(1), String(p.samples)])));
      };

      const csv = (report: string, extra: () => Record<string, string> = () => ({})) =>
        button(`Download ${report} CSV`, async () => {
          const err = await app.api.download(withQuery(`/v1/admin/analytics/${report}`, { ...filter(), ...extra(), format: "csv" }), `tactful-${report}.csv`);
          say(status, err ?? `Downloaded tactful-${report}.csv.`, !err);
        }, { id: `csv-${report}` });

      subject.addEventListener("change", () => void draw());
      by.addEventListener("change", () => void drawEmpathy());
      replace(section,
        h("h2", { id: "analytics-h" }, "Analytics"),
        h("form", { class: "row", onsubmit: (e: Event) => { e.preventDefault(); void draw(); } },
          field("From", from), field("To", to), field("Team", team), h("button", { type: "submit" }, "Apply")),
        status,
        h("h3", {}, "Noisiest rules first"),
        h("p", { class: "help" }, "Most dismissed first, then the highest dismissal rate: the rules to tune or switch off against alert fatigue."),
        noisy,
        h("h3", {}, "Acceptance rate over time"),
        field("Show", subject),
        trend,
        h("h3", {}, "Empathy trend"),
        field("One line per", by),
        empathy,
        h("h3", {}, "Download"),
        h("div", { class: "row" }, csv("rules"), csv("categories"), csv("daily"), csv("empathy", () => ({ by: by.value }))));
      await draw();
    },
  };
}
