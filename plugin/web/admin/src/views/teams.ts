// Teams: create, rename and delete the tenant's teams (a team with rules or overrides of its
// own cannot be deleted until they are: the server says which).
import type { App, View } from "../app";
import { button, field, h, replace, say, table } from "../dom";
import type { Team } from "../types";

export function teamsView(app: App): View {
  return {
    async render(section) {
      const teams = await app.loadTeams();
      const status = h("div", { id: "team-status", role: "status", "aria-live": "polite" });
      const again = async (message: string, ok: boolean) => {
        await this.render(section);
        say(section.querySelector<HTMLElement>("#team-status")!, message, ok);
      };
      const rows = teams.map((t: Team) => {
        const name = h("input", { type: "text", value: t.name, "aria-label": `Name of team ${t.id}`, disabled: !app.canWrite() });
        return [h("code", {}, t.id), name, t.created_at,
          app.canWrite() ? h("span", { class: "actions" },
            button("Rename", async () => {
              const r = await app.api.call<Team>("PUT", `/v1/admin/teams/${encodeURIComponent(t.id)}`, { name: name.value });
              await again(r.ok ? `Team ${t.id} is now called ${r.data.name}.` : `Not renamed: ${r.data.error}`, r.ok);
            }, { "aria-label": `Rename team ${t.id}` }),
            button("Delete", async () => {
              const r = await app.api.call("DELETE", `/v1/admin/teams/${encodeURIComponent(t.id)}`);
              await again(r.ok ? `Deleted team ${t.id}.` : `Not deleted: ${r.data.error}`, r.ok);
            }, { "aria-label": `Delete team ${t.id}` })) : ""];
      });
      const id = h("input", { type: "text", id: "team-id", autocomplete: "off", required: true, pattern: "[A-Za-z0-9._-]{1,64}" });
      const name = h("input", { type: "text", id: "team-name", autocomplete: "off" });
      replace(section,
        h("h2", { id: "teams-h" }, "Teams"),
        h("p", { class: "help" }, "Agents' API keys name their team; a team's overrides and rules apply on top of the tenant's."),
        status,
        teams.length ? table("Teams", ["Id", "Name", "Created", "Actions"], rows) : h("p", {}, "No teams yet."),
        app.canWrite() ? h("form", { id: "team-form", onsubmit: async (e: Event) => {
          e.preventDefault();
          const r = await app.api.call<Team>("POST", "/v1/admin/teams", name.value ? { id: id.value, name: name.value } : { id: id.value });
          await again(r.ok ? `Created team ${r.data.id}.` : `Not created: ${r.data.error}`, r.ok);
        } },
          h("h3", {}, "New team"),
          field("Team id", id, "Letters, digits, '.', '-' or '_': what API keys name."),
          field("Display name (optional)", name),
          h("button", { type: "submit" }, "Create team")) : null);
    },
  };
}
