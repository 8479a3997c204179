// Trying rules on a sample: the conversation box's lines become the request's history, and
// the dry-run's hints are listed with the rule being edited marked out.
import { h } from "../dom";
import type { DryRun, JsonObject } from "../types";

// "customer: text" / "agent: text" lines (a line without a role is the customer's).
export function conversation(text: string): JsonObject[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l).map((l) => {
    const m = /^(customer|agent|system)\s*:\s*(.*)$/i.exec(l);
    return m ? { role: m[1].toLowerCase(), text: m[2] } : { role: "customer", text: l };
  });
}

export function hintList(run: DryRun, ruleId: string): HTMLElement {
  const hints = run.report.suggestions;
  const warnings = run.warnings.length
    ? h("p", { class: "bad" }, `This rule's examples fail: ${run.warnings.map((w) => `${w.path} ${w.message}`).join("; ")}`)
    : null;
  const scores = run.report.scores ? h("p", {}, `Empathy score ${run.report.scores.empathy}, overall ${run.report.scores.overall} (${run.rules} rules ran).`) : null;
  if (!hints.length) return h("div", {}, h("p", {}, "No hints for this sample."), scores, warnings);
  const mine = hints.filter((x) => x.rule === ruleId).length;
  return h("div", {},
    h("p", {}, `${hints.length} hint(s)${ruleId ? `, ${mine} from ${ruleId}` : ""}:`),
    h("ul", { class: "hints" }, ...hints.map((x) =>
      h("li", { class: x.rule === ruleId ? "mine" : "" },
        h("strong", {}, x.rule), ` (${x.category}, ${x.severity}): ${x.message}`,
        x.replacements.length ? h("span", { class: "help" }, ` Suggests: ${x.replacements.slice(0, 3).join(" / ")}`) : null,
        x.insert ? h("span", { class: "help" }, ` Inserts: ${x.insert}`) : null))),
    scores, warnings);
}
