// Publish and versions: what the working copy changes against what serves, publishing it, every
// published version, a readable diff between any two, and rolling back after seeing the diff.
import type { App, View } from "../app";
import { withQuery } from "../api";
import { button, field, h, replace, say, select, table } from "../dom";
import { changes, describe } from "../diff";
import { publish } from "../publish";
import type { Diff, DiffEntry, PublishResult, Version } from "../types";

function entryTitle(e: DiffEntry): string {
  return `${e.kind === "rule" ? "Rule" : "Override of"} ${e.id}${e.team ? ` (team ${e.team})` : ""}`;
}

// The diff as a list: each added, removed or changed rule or override with its field changes.
export function diffView(d: Diff, label: string): HTMLElement {
  const n = d.added.length + d.removed.length + d.changed.length;
  if (!n) return h("p", { class: "diff-empty" }, `${label}: no differences.`);
  const block = (title: string, cls: string, list: DiffEntry[]) => list.map((e) =>
    h("li", { class: `diff-${cls}` }, h("strong", {}, `${title}: ${entryTitle(e)}`),
      h("ul", {}, ...changes(e.before, e.after).map((c) => h("li", { class: `change-${c.kind}` }, describe(c))))));
  return h("div", { class: "diff" }, h("p", {}, `${label}: ${n} change(s).`),
    h("ul", {}, ...block("added", "added", d.added), ...block("removed", "removed", d.removed), ...block("changed", "changed", d.changed)));
}

async function fetchDiff(app: App, from: string, to: string): Promise<Diff | string> {
  const r = await app.api.get<{ diff: Diff }>(withQuery("/v1/admin/rules/versions/diff", { from, to }));
  return r.ok ? r.data.diff : r.data.error || `diff failed (${r.status})`;
}

export function versionsView(app: App): View {
  return {
    async render(section) {
      const status = h("div", { id: "versions-status", role: "status", "aria-live": "polite" });
      const r = await app.api.get<{ serving: number; versions: Version[] }>("/v1/admin/rules/versions");
      const versions = r.ok ? r.data.versions : [];
      const serving = r.ok ? r.data.serving : 0;
      const pendingDiff = await fetchDiff(app, String(serving), "working");
      const confirmBox = h("div", { id: "rollback-confirm", hidden: true, tabindex: -1 });
      const compareBox = h("div", { id: "compare-result", "aria-live": "polite" });
      const redraw = async (message: string, ok: boolean) => {
        await this.render(section);
        say(section.querySelector<HTMLElement>("#versions-status")!, message, ok);
      };

      const askRollback = async (v: Version) => {
        const d = await fetchDiff(app, String(serving), String(v.version));
        confirmBox.hidden = false;
        const confirmBtn = button(`Confirm rollback to version ${v.version}`, async () => {
          const res = await app.api.call<PublishResult>("POST", "/v1/admin/rules/rollback", { version: v.version });
          await redraw(res.ok ? `Rolled back: version ${res.data.version} (a copy of version ${v.version}) serves, and is the working copy.`
                              : `Rollback refused: ${res.data.error}`, res.ok);
        }, { class: "primary", id: "rollback-yes" });
        replace(confirmBox,
          h("h3", { id: "rollback-h" }, `Roll back to version ${v.version}?`),
          typeof d === "string" ? h("p", { class: "bad" }, d) : diffView(d, `From version ${serving} (serving) to version ${v.version}`),
          h("p", { class: "help" }, "The rollback publishes a copy of that version as a new one and replaces the working copy with it."),
          h("div", { class: "row" }, confirmBtn,
            button("Cancel", () => { confirmBox.hidden = true; section.querySelector<HTMLElement>("h2")?.focus(); })));
        confirmBtn.focus();
      };

      const names: [string, string][] = [["working", "the working copy (unpublished)"],
        ...versions.map((v): [string, string] => [String(v.version), `version ${v.version}${v.serving ? " (serving)" : ""}`])];
      const from = select(names, String(serving));
      from.id = "diff-from";
      const to = select(names, "working");
      to.id = "diff-to";
      const note = h("input", { type: "text", id: "versions-note", autocomplete: "off" });
      replace(section,
        h("h2", { id: "versions-h" }, "Publish & versions"),
        status,
        h("h3", {}, "Unpublished changes"),
        typeof pendingDiff === "string" ? h("p", { class: "bad" }, pendingDiff)
          : diffView(pendingDiff, serving ? `From version ${serving} (serving) to the working copy` : "The working copy (nothing published yet)"),
        app.canWrite() ? h("div", { class: "row" }, field("Note for this version (optional)", note),
          button("Publish", async () => {
            if (await publish(app, note.value, status)) await redraw(status.textContent || "Published.", true);
          }, { id: "versions-publish", class: "primary" })) : null,
        h("h3", {}, "Published versions"),
        versions.length ? table("Published versions, newest first", ["Version", "Published", "By", "Note", "Actions"], versions.map((v) => [
          `${v.version}${v.serving ? " (serving)" : ""}`, v.published_at, v.published_by,
          v.rolled_back_from ? `rollback to ${v.rolled_back_from}${v.note ? `: ${v.note}` : ""}` : v.note,
          h("span", { class: "actions" },
            v.serving ? null : button(`Compare version ${v.version} with serving`, async () => {
              const d = await fetchDiff(app, String(serving), String(v.version));
              replace(compareBox, typeof d === "string" ? d : diffView(d, `From version ${serving} to version ${v.version}`));
            }),
            app.canWrite() && !v.serving ? button(`Roll back to version ${v.version}`, () => askRollback(v)) : null),
        ])) : h("p", {}, "Nothing published yet: the tenant's agents get the built-in rules."),
        confirmBox,
        h("h3", {}, "Compare any two"),
        h("div", { class: "row" }, field("From", from), field("To", to),
          button("Show differences", async () => {
            const d = await fetchDiff(app, from.value, to.value);
            replace(compareBox, typeof d === "string" ? d : diffView(d, `From ${from.value} to ${to.value}`));
          }, { id: "compare" })),
        compareBox);
    },
  };
}
