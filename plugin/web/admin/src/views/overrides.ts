// Overrides: change a rule the tenant did not write, for the whole tenant or one team — switch
// it off or on, change its severity, add exceptions (words that are fine here) and the team's
// vocabulary — validated as the admin types, with the list of overrides in the working copy.
import type { App, View } from "../app";
import { teamSelect } from "../app";
import { withQuery } from "../api";
import { button, debounce, field, h, lines, problemList, replace, say, select, table } from "../dom";
import { fieldForPath } from "../paths";
import type { Item, JsonObject, Problem, RulesList } from "../types";

const KEYS = ["enabled", "severity", "exceptions", "phrases", "examples.flag", "examples.pass", "note"];

export function overrideFromForm(f: Record<string, string>): JsonObject {
  const o: JsonObject = {};
  if (f.enabled) o.enabled = f.enabled === "true";
  if (f.severity) o.severity = f.severity;
  for (const k of ["exceptions", "phrases"]) if (lines(f[k] ?? "").length) o[k] = lines(f[k]);
  const flag = lines(f["examples.flag"] ?? ""), pass = lines(f["examples.pass"] ?? "");
  if (flag.length || pass.length) o.examples = { flag, pass };
  if ((f.note ?? "").trim()) o.note = f.note.trim();
  return o;
}

function summary(o: JsonObject): string {
  const parts: string[] = [];
  if (o.enabled === false) parts.push("off");
  if (o.enabled === true) parts.push("on");
  if (o.severity) parts.push(`severity ${String(o.severity)}`);
  if (Array.isArray(o.exceptions)) parts.push(`${o.exceptions.length} exception(s)`);
  if (Array.isArray(o.phrases)) parts.push(`${o.phrases.length} phrase(s)`);
  return parts.join(", ") || "examples only";
}

export function overridesView(app: App): View {
  return {
    async render(section) {
      const [rules, overrides] = await Promise.all([
        app.api.get<RulesList>("/v1/admin/rules"),
        app.api.get<{ overrides: Item[] }>("/v1/admin/overrides"),
      ]);
      const status = h("div", { id: "override-status", role: "status", "aria-live": "polite" });
      const validity = h("div", { id: "override-validity", role: "status", "aria-live": "polite" });
      const pending = app.pending.override;
      app.pending.override = undefined;
      const ids = [...(rules.ok ? rules.data.builtin.map((b) => b.id) : []), ...(rules.ok ? rules.data.rules.map((r) => r.id) : [])];
      const rule = h("input", { type: "text", id: "ov-rule", list: "ov-rules", autocomplete: "off", value: pending?.id ?? "" });
      const team = teamSelect(app, pending?.team ?? "");
      team.id = "ov-team";
      const controls: Record<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> = {
        enabled: select([["", "as the layer below (no change)"], ["false", "switched off"], ["true", "switched on"]], ""),
        severity: select([["", "as the layer below (no change)"], ["hint", "hint"], ["suggestion", "suggestion"], ["warning", "warning"]], ""),
        exceptions: h("textarea", { rows: 3 }),
        phrases: h("textarea", { rows: 3 }),
        "examples.flag": h("textarea", { rows: 2 }),
        "examples.pass": h("textarea", { rows: 2 }),
        note: h("input", { type: "text" }),
      };
      const labels: Record<string, [string, string?]> = {
        enabled: ["Switched", "Off here; or on again where a lower layer switched it off."],
        severity: ["Severity"],
        exceptions: ["Exceptions (one phrase per line)", "Words that are fine here: a match they overlap is waived."],
        phrases: ["Vocabulary (one phrase per line)", "More phrases the rule flags (phrase rules) or accepts (require rules)."],
        "examples.flag": ["More drafts it must flag (one per line)"],
        "examples.pass": ["More drafts it must leave alone (one per line)"],
        note: ["Why (for the next admin)"],
      };
      const values = () => Object.fromEntries(KEYS.map((k) => [k, controls[k].value]));
      const wraps = KEYS.map((k) => {
        const c = controls[k];
        c.id = `ov-${k.replace(".", "-")}`;
        const w = field(labels[k][0], c, labels[k][1]);
        const err = h("p", { class: "field-error", id: `${c.id}-error` });
        c.setAttribute("aria-describedby", [c.getAttribute("aria-describedby"), err.id].filter(Boolean).join(" "));
        w.appendChild(err);
        w.dataset.key = k;
        return w;
      });
      let checks = 0;
      const validate = debounce(async () => {
        const n = ++checks;
        if (!rule.value.trim()) return say(validity, "Choose the rule to override.", false);
        const r = await app.api.call<{ valid: boolean; problems: Problem[] }>("POST", "/v1/admin/rules/validate",
          { overrides: [{ id: rule.value.trim(), override: overrideFromForm(values()) }] });
        if (n !== checks) return;
        for (const w of wraps) w.querySelector(".field-error")!.textContent = "";
        if (!r.ok) return say(validity, r.data.error || `Validation failed (${r.status}).`, false);
        const rest: Problem[] = [];
        for (const p of r.data.problems) {
          const key = fieldForPath(p.path, "$.overrides[0].override", KEYS);
          const slot = key ? wraps[KEYS.indexOf(key)].querySelector(".field-error") : null;
          if (slot) slot.textContent = p.message; else rest.push(p);
        }
        if (r.data.valid) say(validity, `Valid: ${rule.value.trim()} with this override passes its examples.`, true);
        else say(validity, `${r.data.problems.length} problem(s).`, false, rest.length ? [problemList(rest)] : []);
      }, 350);
      for (const c of [rule, ...Object.values(controls)]) c.addEventListener("input", validate);
      for (const c of [controls.enabled, controls.severity]) c.addEventListener("change", validate);

      const fill = (o: JsonObject) => {
        controls.enabled.value = o.enabled === undefined ? "" : String(o.enabled);
        controls.severity.value = typeof o.severity === "string" ? o.severity : "";
        controls.exceptions.value = Array.isArray(o.exceptions) ? o.exceptions.join("\n") : "";
        controls.phrases.value = Array.isArray(o.phrases) ? o.phrases.join("\n") : "";
        const ex = (o.examples ?? {}) as JsonObject;
        controls["examples.flag"].value = Array.isArray(ex.flag) ? ex.flag.filter((x) => typeof x === "string").join("\n") : "";
        controls["examples.pass"].value = Array.isArray(ex.pass) ? ex.pass.filter((x) => typeof x === "string").join("\n") : "";
        controls.note.value = typeof o.note === "string" ? o.note : "";
      };
      const existing = overrides.ok ? overrides.data.overrides : [];
      // Picking a rule and team that already have an override loads it; otherwise what the
      // admin has filled in so far stays.
      const load = (id: string, t: string) => {
        const it = existing.find((x) => x.id === id && x.team === t);
        if (it) fill(it.override ?? {});
      };
      if (pending) load(pending.id, pending.team);

      const save = async () => {
        const id = rule.value.trim();
        if (!id) return say(status, "Choose the rule to override.", false);
        const r = await app.api.call<{ version: number; problems: Problem[] }>("PUT",
          withQuery(`/v1/admin/overrides/${encodeURIComponent(id)}`, { team: team.value }), overrideFromForm(values()));
        if (!r.ok) return say(status, `Not saved: ${r.data.error || r.status}`, false, r.data.problems ? [problemList(r.data.problems)] : []);
        const problems = r.data.problems;
        say(status, `Saved the override of ${id}${team.value ? ` for team ${team.value}` : ""} as version ${r.data.version}${problems.length ? ", but it will not publish yet:" : ". Publish to serve it."}`,
            !problems.length, problems.length ? [problemList(problems)] : []);
        await refreshList();
      };

      const listBox = h("div", { id: "override-list" });
      const refreshList = async () => {
        const r = await app.api.get<{ overrides: Item[] }>("/v1/admin/overrides");
        const items = r.ok ? r.data.overrides : [];
        existing.splice(0, existing.length, ...items);
        replace(listBox, items.length
          ? table("Overrides in the working copy", ["Rule", "Team", "Change", "Version", "Edited by", "Actions"], items.map((it) => [
              h("code", {}, it.id), it.team || "all teams", summary(it.override ?? {}), String(it.version), it.updated_by,
              h("span", { class: "actions" },
                button("Edit", () => { rule.value = it.id; team.value = it.team; fill(it.override ?? {}); validate(); rule.focus(); },
                       { "aria-label": `Edit the override of ${it.id}${it.team ? ` for team ${it.team}` : ""}` }),
                app.canWrite() ? button("Delete", async () => {
                  const d = await app.api.call("DELETE", withQuery(`/v1/admin/overrides/${encodeURIComponent(it.id)}`, { team: it.team }));
                  say(status, d.ok ? `Deleted the override of ${it.id}.` : d.data.error || "Not deleted.", d.ok);
                  await refreshList();
                }, { "aria-label": `Delete the override of ${it.id}${it.team ? ` for team ${it.team}` : ""}` }) : null)]))
          : h("p", {}, "No overrides yet."));
      };
      await refreshList();
      const pick = () => load(rule.value.trim(), team.value);
      rule.addEventListener("change", pick);
      team.addEventListener("change", () => { pick(); validate(); });

      replace(section,
        h("h2", { id: "overrides-h" }, "Overrides of built-in rules"),
        h("p", { class: "help" }, "Precedence: built-in packs, then the tenant's overrides, then a team's (docs/admin.md). Switches and severity replace the layer below; exceptions, vocabulary and examples add to it."),
        h("form", { id: "override-form", onsubmit: (e: Event) => { e.preventDefault(); void save(); } },
          h("datalist", { id: "ov-rules" }, ...ids.map((id) => h("option", { value: id }))),
          field("Rule to override", rule, "Type or pick a rule id."),
          field("For", team),
          ...wraps,
          validity,
          app.canWrite() ? h("button", { type: "submit", id: "ov-save" }, "Save override") : null),
        status,
        h("h3", {}, "Overrides in the working copy"),
        listBox);
      if (pending) validate();
    },
  };
}
