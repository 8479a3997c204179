// What every view shares: the API client, who is signed in, the tenant's teams, and a way to
// hand a rule or override from one view to another (the rules list's "Edit" opens the editor).
import type { Api } from "./api";
import { select } from "./dom";
import type { JsonObject, Team, WhoAmI } from "./types";

export interface Pending {
  rule?: { body: JsonObject; team: string; version: number };
  override?: { id: string; team: string };
}

export interface App {
  api: Api;
  who: WhoAmI | null;
  teams: Team[];
  pending: Pending;
  canWrite(): boolean;
  loadTeams(): Promise<Team[]>;
  go(view: string): void;
}

// A view fills its <section> each time it is opened (so it always shows the server's state).
export interface View {
  render(section: HTMLElement): Promise<void>;
}

// A select of "the whole tenant" and each team.
export function teamSelect(app: App, value: string, wholeLabel = "All teams (the tenant)"): HTMLSelectElement {
  return select([["", wholeLabel], ...app.teams.map((t): [string, string] => [t.id, `Team ${t.name} (${t.id})`])], value);
}
