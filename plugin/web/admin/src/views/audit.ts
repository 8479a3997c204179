// The audit log: every change with who, what and when, newest first, with what changed field
// by field; "Older entries" pages back.
import type { App, View } from "../app";
import { withQuery } from "../api";
import { button, h, replace, say, table } from "../dom";
import { changes, describe } from "../diff";
import type { AuditEntry } from "../types";

export function auditView(app: App): View {
  return {
    async render(section) {
      const status = h("div", { role: "status", "aria-live": "polite" });
      const body = h("div", { id: "audit-table" });
      const more = h("div", {});
      const entries: AuditEntry[] = [];
      const load = async (before: number) => {
        const r = await app.api.get<{ entries: AuditEntry[]; next?: string }>(withQuery("/v1/admin/audit", { limit: 50, before: before || undefined }));
        if (!r.ok) return say(status, r.data.error || `Could not read the audit log (${r.status}).`, false);
        entries.push(...r.data.entries);
        replace(body, entries.length ? table("Audit log, newest first", ["When", "Who", "Action", "Target", "What changed"], entries.map((e) => [
          e.at, e.who.name || `token ${e.who.token_id}`, e.action, h("code", {}, e.target),
          h("ul", { class: "changes" }, ...changes(e.before ?? undefined, e.after ?? undefined).slice(0, 12).map((c) => h("li", {}, describe(c)))),
        ])) : h("p", {}, "No changes yet."));
        replace(more, r.data.next ? button("Older entries", () => load(entries[entries.length - 1].id), { id: "audit-more" }) : "");
        say(status, `${entries.length} entr${entries.length === 1 ? "y" : "ies"} shown.`, true);
      };
      replace(section, h("h2", { id: "audit-h" }, "Audit log"), status, body, more);
      await load(0);
    },
  };
}
