// The rule editor: a form per rule kind or the rule as JSON, validated by the server as the
// admin types (each problem shown beside the field its JSON path names), saved to the working
// copy, tried against a sample draft and conversation (dry-run), and published.
import type { App, View } from "../app";
import { teamSelect } from "../app";
import { withQuery } from "../api";
import { button, debounce, field, h, problemList, replace, say, select, uid } from "../dom";
import { fieldForPath } from "../paths";
import { publish } from "../publish";
import { CATEGORIES, FIELDS, KINDS, fieldsFor, hiddenExamples, kindOf, ruleFromValues, template, valuesFromRule } from "../rule_form";
import type { Kind, Values } from "../rule_form";
import type { DryRun, JsonObject, Problem } from "../types";
import { conversation, hintList } from "./try_it";

interface State {
  mode: "form" | "json";
  kind: Kind;
  values: Values;
  kept: JsonObject;
  version: number;  // the stored version being edited (0: a new rule)
  checks: number;   // validation requests sent; only the latest answer is shown
}

export function writeView(app: App): View {
  const st: State = { mode: "form", kind: "phrase", values: valuesFromRule(template("phrase")), kept: template("phrase"), version: 0, checks: 0 };
  const formBox = h("div", { id: "rule-form" });
  const jsonArea = h("textarea", { id: "rule-json", rows: 18, spellcheck: "false", "aria-describedby": "json-problems" });
  const jsonProblems = h("div", { id: "json-problems" });
  const jsonBox = h("div", { id: "rule-json-box", hidden: true }, field("Rule (JSON, the pack format of docs/rules.md)", jsonArea), jsonProblems);
  const validity = h("div", { id: "validity", role: "status", "aria-live": "polite" });
  const status = h("div", { id: "editor-status", role: "status", "aria-live": "polite" });
  const team = teamSelect(app, "");
  team.id = "rule-team";
  const formMode = h("input", { type: "radio", name: "mode", id: "mode-form", value: "form", checked: true });
  const jsonMode = h("input", { type: "radio", name: "mode", id: "mode-json", value: "json" });

  const current = (): JsonObject | null => {
    if (st.mode === "form") return ruleFromValues(st.kind, st.values, st.kept);
    try {
      const v = JSON.parse(jsonArea.value);
      return typeof v === "object" && v && !Array.isArray(v) ? v : null;
    } catch {
      return null;
    }
  };

  const showProblems = (problems: Problem[], prefix: string) => {
    const keys = FIELDS.map((f) => f.key);
    for (const p of formBox.querySelectorAll<HTMLElement>(".field-error")) p.textContent = "";
    for (const c of formBox.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    const unplaced: Problem[] = [];
    for (const p of problems) {
      const key = st.mode === "form" ? fieldForPath(p.path, prefix, keys) : "";
      const slot = key ? formBox.querySelector<HTMLElement>(`[data-key="${key}"] .field-error`) : null;
      if (!slot) { unplaced.push(p); continue; }
      slot.textContent = slot.textContent ? `${slot.textContent} ${p.message}` : p.message;
      slot.parentElement?.querySelector("input, textarea, select")?.setAttribute("aria-invalid", "true");
    }
    replace(jsonProblems, unplaced.length && st.mode === "json" ? problemList(unplaced) : "");
    return unplaced;
  };

  const validate = debounce(async () => {
    const rule = current();
    const n = ++st.checks;
    if (!rule) {
      say(validity, "The JSON is not a valid rule object yet.", false);
      return;
    }
    const r = await app.api.call<{ valid: boolean; problems: Problem[] }>("POST", "/v1/admin/rules/validate", { rule });
    if (n !== st.checks) return;  // a newer edit is being checked
    if (!r.ok) return say(validity, r.data.error || `Validation failed (${r.status}).`, false);
    const unplaced = showProblems(r.data.problems, "$.rule");
    if (r.data.valid) say(validity, "Valid: the rule parses and its examples pass.", true);
    else say(validity, `${r.data.problems.length} problem(s): ${r.data.problems.map((p) => p.message).join("; ")}`, false,
             st.mode === "form" && unplaced.length ? [problemList(unplaced)] : []);
  }, 350);

  const control = (key: string): HTMLElement => {
    const spec = FIELDS.find((f) => f.key === key)!;
    const value = st.values[key] ?? "";
    let c: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (spec.type === "select") c = select(spec.options ?? [], String(value));
    else if (spec.type === "checkbox") c = h("input", { type: "checkbox", checked: value === true });
    else if (["textarea", "lines", "swap"].includes(spec.type)) c = h("textarea", { rows: spec.type === "textarea" ? 2 : 3 }, String(value));
    else c = h("input", { type: "text", value: String(value), inputmode: spec.type === "number" ? "decimal" : undefined,
                          list: key === "category" ? "categories" : undefined, required: spec.required });
    c.id = `rf-${key.replace(".", "-")}`;
    c.addEventListener(c instanceof HTMLSelectElement || spec.type === "checkbox" ? "change" : "input", () => {
      st.values[key] = c instanceof HTMLInputElement && c.type === "checkbox" ? c.checked : c.value;
      validate();
    });
    const wrap = field(spec.label + (spec.required ? " (required)" : ""), c, spec.help);
    const err = h("p", { class: "field-error", id: `${c.id}-error` });
    c.setAttribute("aria-describedby", [c.getAttribute("aria-describedby"), err.id].filter(Boolean).join(" "));
    wrap.appendChild(err);
    wrap.dataset.key = key;
    return wrap;
  };

  const drawForm = () => {
    const kind = select(KINDS.map((k): [string, string] => [k, k]), st.kind);
    kind.id = "rf-kind";
    kind.addEventListener("change", () => {
      st.kind = kind.value as Kind;
      drawForm();
      validate();
      kind.focus();
    });
    const groups: [string, (k: string) => boolean][] = [
      ["The rule", (k) => !k.includes(".") && ["id", "category", "severity", "message", "why", "description"].includes(k)],
      ["What it looks for", (k) => !k.includes(".") && !["id", "category", "severity", "message", "why", "description"].includes(k)],
      ["When it applies (optional)", (k) => k.startsWith("when.")],
      ["Examples (run as tests at every publish)", (k) => k.startsWith("examples.")],
    ];
    const keys = fieldsFor(st.kind).map((f) => f.key);
    const hidden = hiddenExamples(st.kept);
    replace(formBox,
      field("Kind", kind, "Each kind has its own fields (docs/rules.md)."),
      h("datalist", { id: "categories" }, ...CATEGORIES.map((c) => h("option", { value: c }))),
      ...groups.map(([legend, test]) => h("fieldset", {}, h("legend", {}, legend), ...keys.filter(test).map(control))),
      hidden ? h("p", { class: "help" }, `${hidden} example(s) with a conversation are kept as they are (edit them as JSON).`) : null);
  };

  const load = (rule: JsonObject) => {
    st.kind = kindOf(rule);
    st.kept = rule;
    st.values = valuesFromRule(rule);
    jsonArea.value = JSON.stringify(rule, null, 2);
    drawForm();
    validate();
  };

  const setMode = (mode: "form" | "json") => {
    if (mode === st.mode) return;
    if (mode === "json") {
      jsonArea.value = JSON.stringify(ruleFromValues(st.kind, st.values, st.kept), null, 2);
    } else {
      const rule = current();
      if (!rule) {
        jsonMode.checked = true;
        say(validity, "Fix the JSON before switching to the form: it does not parse as an object.", false);
        return;
      }
      st.mode = "form";
      load(rule);
    }
    st.mode = mode;
    formBox.hidden = mode !== "form";
    jsonBox.hidden = mode !== "json";
    validate();
  };
  formMode.addEventListener("change", () => setMode("form"));
  jsonMode.addEventListener("change", () => setMode("json"));
  jsonArea.addEventListener("input", validate);

  const save = async () => {
    const rule = current();
    if (!rule || typeof rule.id !== "string" || !rule.id) return say(status, "The rule needs an id before it can be saved.", false);
    const path = withQuery(`/v1/admin/rules/${encodeURIComponent(rule.id)}`, { team: team.value, version: st.version });
    const r = await app.api.call<{ version: number; problems: Problem[] }>("PUT", path, rule);
    if (r.ok) {
      st.version = r.data.version;
      st.kept = rule;
      const problems = r.data.problems;
      say(status, problems.length ? `Saved as version ${r.data.version}, but it will not publish yet:` : `Saved as version ${r.data.version}.`,
          !problems.length, problems.length ? [problemList(problems)] : []);
    } else if (r.status === 409) {
      say(status, `Not saved: ${r.data.error} (someone saved it meanwhile, or the id is taken). Reload it from the rules list.`, false);
    } else {
      say(status, `Not saved: ${r.data.error || r.status}`, false, r.data.problems ? [problemList(r.data.problems)] : []);
    }
  };

  const draft = h("textarea", { id: "sample", rows: 3 }, "Please send me the SKU, per our policy.");
  const convo = h("textarea", { id: "sample-conversation", rows: 3 }, "customer: I was charged twice and nobody answers!");
  const hints = h("div", { id: "hints", role: "status", "aria-live": "polite" });
  const tryIt = async () => {
    const rule = current();
    const body: JsonObject = { draft: draft.value, history: conversation(convo.value), team: team.value, rules: rule ? [rule] : [] };
    const r = await app.api.call<DryRun>("POST", "/v1/admin/rules/dry-run", body);
    if (!r.ok) return say(hints, `The test did not run: ${r.data.error || r.status}`, false, r.data.problems ? [problemList(r.data.problems)] : []);
    replace(hints, hintList(r.data, typeof rule?.id === "string" ? rule.id : ""));
  };

  const note = h("input", { type: "text", id: "publish-note", autocomplete: "off" });
  const kindNew = select(KINDS.map((k): [string, string] => [k, k]), "phrase");
  return {
    async render(section) {
      const pending = app.pending.rule;
      app.pending.rule = undefined;
      if (pending) {
        load(pending.body);
        st.version = pending.version;
        replace(status);
      } else if (!formBox.firstChild) {
        load(st.kept);
      }
      const current = team.value;
      const fresh = teamSelect(app, pending ? pending.team : current);
      replace(team, ...Array.from(fresh.options));
      team.value = pending ? pending.team : current;
      const modeId = uid("mode");
      replace(section,
        h("h2", { id: "write-h" }, pending ? `Edit ${String(pending.body.id)}` : "Write a rule"),
        h("div", { class: "row" },
          field("Start a new rule of kind", kindNew),
          button("New rule", () => { st.version = 0; load(template(kindNew.value as Kind)); replace(status); }),
        ),
        h("fieldset", { class: "mode", "aria-describedby": modeId },
          h("legend", {}, "Edit as"),
          h("label", { for: "mode-form" }, formMode, " Form"),
          h("label", { for: "mode-json" }, jsonMode, " JSON"),
          h("p", { class: "help", id: modeId }, "Both edit the same rule; the server checks it as you type.")),
        field("Save for", team, "The whole tenant, or one team (its version replaces the tenant's for that team)."),
        formBox, jsonBox, validity,
        h("div", { class: "row" },
          app.canWrite() ? button("Save to working copy", save, { id: "save" }) : h("p", {}, "Viewers can check and test rules, not save them."),
        ),
        status,
        h("h3", {}, "Try it"),
        h("p", { class: "help" }, "Runs the working copy plus this rule (unsaved edits included) on a sample; nothing is stored."),
        field("Sample draft", draft),
        field("Sample conversation (one message per line, starting customer: or agent:)", convo),
        button("Test against the sample", tryIt, { id: "try" }),
        hints,
        app.canWrite() ? h("h3", {}, "Publish") : null,
        app.canWrite() ? field("Note for this version (optional)", note) : null,
        app.canWrite() ? button("Publish the working copy", () => publish(app, note.value, status), { id: "publish", class: "primary" }) : null);
    },
  };
}
