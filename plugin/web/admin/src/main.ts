// The admin console's entry: sign-in and sign-out, and one view per section chosen by the URL's
// hash (#rules, #write, ...), so every section is a link: reachable by keyboard, bookmarkable,
// and the browser's back button works. Opening a view moves focus to its heading.
import { Api } from "./api";
import type { App, View } from "./app";
import { $, replace } from "./dom";
import type { Team, WhoAmI } from "./types";
import { analyticsView } from "./views/analytics";
import { auditView } from "./views/audit";
import { integrationsView } from "./views/integrations";
import { overridesView } from "./views/overrides";
import { rulesView } from "./views/rules";
import { teamsView } from "./views/teams";
import { versionsView } from "./views/versions";
import { writeView } from "./views/write";

const api = new Api();
const app: App = {
  api,
  who: null,
  teams: [],
  pending: {},
  canWrite: () => app.who?.role === "admin",
  async loadTeams(): Promise<Team[]> {
    const r = await api.get<{ teams: Team[] }>("/v1/admin/teams");
    app.teams = r.ok ? r.data.teams : [];
    return app.teams;
  },
  go(view: string): void {
    if (location.hash === `#${view}`) void show(view);
    else location.hash = view;
  },
};

// Views keep what the admin was doing (the rule being written...): made anew at each sign-in,
// so nothing of one sign-in is left for the next.
const makeViews = (): Record<string, View> => ({
  rules: rulesView(app),
  write: writeView(app),
  overrides: overridesView(app),
  teams: teamsView(app),
  integrations: integrationsView(app),
  versions: versionsView(app),
  audit: auditView(app),
  analytics: analyticsView(app),
});
let views = makeViews();

let showing = 0;  // only the latest of overlapping navigations decides what is shown

async function show(name: string): Promise<void> {
  if (!app.who) return;
  const mine = ++showing;
  const view = views[name] ? name : "rules";
  const section = $(`#view-${view}`);
  section.setAttribute("aria-busy", "true");
  await views[view].render(section);
  section.removeAttribute("aria-busy");
  if (mine !== showing || !app.who) return;
  // Shown once drawn, so a section never shows what an earlier visit left in it.
  for (const [k] of Object.entries(views)) $(`#view-${k}`).hidden = k !== view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("#nav a")) {
    if (a.hash === `#${view}`) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const heading = section.querySelector<HTMLElement>("h2");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
  document.title = `${heading?.textContent ?? view} · tactful admin`;
}

function signedOut(message: string): void {
  app.who = null;
  $("#signin").hidden = false;
  $("#nav").hidden = true;
  $("#signout").hidden = true;
  for (const k of Object.keys(views)) {
    const section = $(`#view-${k}`);
    section.hidden = true;
    replace(section);
  }
  app.pending = {};
  replace($("#who"), message);
  $<HTMLInputElement>("#token").value = "";
}

async function signIn(token: string): Promise<void> {
  api.token = token;
  const r = await api.get<WhoAmI>("/v1/admin/whoami");
  if (!r.ok) {
    api.forget();
    replace($("#signin-status"), `Sign-in failed: ${r.data.error || r.status}`);
    $<HTMLInputElement>("#token").focus();
    return;
  }
  api.remember(token);
  app.who = r.data;
  views = makeViews();
  replace($("#signin-status"));
  replace($("#who"), `Signed in as ${r.data.name} (${r.data.role}) for tenant ${r.data.tenant}.`);
  $("#signin").hidden = true;
  $("#nav").hidden = false;
  $("#signout").hidden = false;
  await app.loadTeams();
  await show(location.hash.slice(1) || "rules");
}

api.onSignedOut = (why) => signedOut(`Signed out: ${why}. Sign in again.`);
$("#signin-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void signIn($<HTMLInputElement>("#token").value.trim());
});
$("#signout").addEventListener("click", () => {
  api.forget();
  signedOut("Signed out. The token was removed from this tab.");
  $<HTMLInputElement>("#token").focus();
});
window.addEventListener("hashchange", () => void show(location.hash.slice(1)));
if (api.token) void signIn(api.token);
