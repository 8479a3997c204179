// The rules view: the working copy's custom rules (edit, delete) and every built-in rule with
// its documentation and examples, searchable, each with a way to override it.
import type { App, View } from "../app";
import { withQuery } from "../api";
import { button, field, h, replace, say, table } from "../dom";
import type { BuiltinRule, Item, RulesList } from "../types";

function builtinDetails(app: App, b: BuiltinRule): HTMLElement {
  // A server older than this console lists no phrases or examples: show what there is.
  const r = { ...b, phrases: b.phrases ?? [], exceptions: b.exceptions ?? [], examples: b.examples ?? { flag: [], pass: [] } };
  const examples = (title: string, list: string[]) =>
    list.length ? h("div", {}, h("h4", {}, title), h("ul", {}, ...list.map((x) => h("li", {}, x)))) : null;
  return h("details", { class: "builtin", "data-rule": r.id },
    h("summary", {}, h("code", {}, r.id), ` · ${r.category} · ${r.severity} · ${r.kind}`),
    h("dl", {},
      h("dt", {}, "Message"), h("dd", {}, r.message),
      h("dt", {}, "Why"), h("dd", {}, r.why),
      r.phrases.length ? h("dt", {}, "Phrases") : null,
      r.phrases.length ? h("dd", {}, r.phrases.join(" · ")) : null,
      r.regex ? h("dt", {}, "Pattern") : null, r.regex ? h("dd", {}, h("code", {}, r.regex)) : null,
      r.exceptions.length ? h("dt", {}, "Exceptions") : null,
      r.exceptions.length ? h("dd", {}, r.exceptions.join(" · ")) : null,
      h("dt", {}, "Pack"), h("dd", {}, r.source)),
    examples("Flags (the [[marked]] words)", r.examples.flag),
    examples("Leaves alone", r.examples.pass),
    app.canWrite()
      ? button(`Override ${r.id}`, () => { app.pending.override = { id: r.id, team: "" }; app.go("overrides"); })
      : null);
}

export function rulesView(app: App): View {
  return {
    async render(section) {
      const status = h("div", { role: "status", "aria-live": "polite" });
      const r = await app.api.get<RulesList>("/v1/admin/rules");
      if (!r.ok) {
        replace(section, h("h2", { id: "rules-h" }, "Rules"), status);
        say(status, r.data.error || `Could not load the rules (${r.status}).`, false);
        return;
      }
      const custom = r.data.rules;
      const rows = custom.map((it: Item) => [
        h("code", {}, it.id), it.team || "all teams", String(it.version), it.updated_by, it.updated_at,
        h("span", { class: "actions" },
          button("Edit", () => {
            app.pending.rule = { body: it.rule ?? {}, team: it.team, version: it.version };
            app.go("write");
          }, { "aria-label": `Edit ${it.id}${it.team ? ` (team ${it.team})` : ""}` }),
          app.canWrite() ? button("Delete", async () => {
            const d = await app.api.call("DELETE", withQuery(`/v1/admin/rules/${encodeURIComponent(it.id)}`, { team: it.team }));
            say(status, d.ok ? `Deleted ${it.id} from the working copy (publish to stop serving it).` : d.data.error || "Not deleted.", d.ok);
            if (d.ok) await this.render(section);
          }, { "aria-label": `Delete ${it.id}${it.team ? ` (team ${it.team})` : ""}` }) : null),
      ]);
      const search = h("input", { type: "search", id: "builtin-search", autocomplete: "off" });
      const list = h("div", { id: "builtin-list" });
      const count = h("p", { id: "builtin-count", "aria-live": "polite" });
      const filter = () => {
        const q = search.value.trim().toLowerCase();
        const shown = r.data.builtin.filter((b) => !q || `${b.id} ${b.category} ${b.message} ${(b.phrases ?? []).join(" ")}`.toLowerCase().includes(q));
        replace(list, ...shown.map((b) => builtinDetails(app, b)));
        replace(count, `${shown.length} of ${r.data.builtin.length} built-in rules.`);
      };
      search.addEventListener("input", filter);
      replace(section,
        h("h2", { id: "rules-h" }, "Rules"),
        status,
        h("h3", {}, "Your rules (working copy)"),
        custom.length
          ? table("Custom rules in the working copy", ["Rule", "Team", "Version", "Edited by", "Edited at", "Actions"], rows)
          : h("p", {}, "No custom rules yet."),
        app.canWrite() ? button("Write a new rule", () => app.go("write")) : null,
        h("h3", {}, "Built-in rules"),
        h("p", { class: "help" }, "Each rule's examples run as tests whenever it loads: they are its documentation. Open one to read it."),
        field("Search built-in rules", search, "By id, category, message or phrase."),
        count, list);
      filter();
    },
  };
}
