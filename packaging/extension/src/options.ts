// The options page: the server, the API key, and the sites coaching runs on (each with its
// preset and selector overrides). Host permissions are asked for at the moment a site is added
// or switched on, from the click itself (browsers only show the prompt for a user gesture).
import { injectInto } from "./inject";
import { PRESETS, presetById, presetForHost } from "./presets";
import type { Selectors } from "./presets";
import { load, originOf, patternOf, save } from "./settings";
import type { Settings } from "./settings";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let settings: Settings;

function say(id: string, text: string, error = false): void {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle("error", error);
}

async function checkServer(server: string, key: string): Promise<void> {
  try {
    const health = await fetch(new URL("healthz", server));
    if (!health.ok) return say("server-status", `The server answered ${health.status}.`, true);
    const r = await fetch(new URL("v1/mutes", server), { headers: key ? { Authorization: `Bearer ${key}` } : {} });
    if (r.status === 401) return say("server-status", "Connected, but the server does not accept this API key.", true);
    say("server-status", r.ok ? "Connected; the key names you as an agent." : "Connected.");
  } catch {
    say("server-status", "Saved, but the server cannot be reached from here.", true);
  }
}

function onSaveServer(e: Event): void {
  e.preventDefault();
  const server = $<HTMLInputElement>("server").value.trim();
  const origin = originOf(server);
  if (!origin) return say("server-status", "Enter the server's http or https URL.", true);
  // Access to the server itself lets this page test it whatever its cors_origins say.
  const asked = chrome.permissions.request({ origins: [patternOf(origin)] }).catch(() => false);
  void asked.then(async () => {
    settings.server = new URL(server).toString();
    settings.apiKey = $<HTMLInputElement>("key").value.trim();
    settings.agentId = $<HTMLInputElement>("agent").value.trim();
    await save(settings);
    await checkServer(settings.server, settings.apiKey);
  });
}

function onAddSite(e: Event): void {
  e.preventDefault();
  const input = $<HTMLInputElement>("new-site");
  const origin = originOf(input.value.trim());
  if (!origin) return say("add-status", "Enter the helpdesk's address, like https://acme.chatwoot.com.", true);
  const asked = chrome.permissions.request({ origins: [patternOf(origin)] });
  void asked.then(async (granted) => {
    if (!granted) return say("add-status", `No access to ${origin} was granted, so it was not added.`, true);
    const existing = settings.sites[origin];
    settings.sites[origin] = existing
      ? { ...existing, enabled: true }
      : { enabled: true, preset: presetForHost(new URL(origin).hostname).id, overrides: {} };
    await save(settings);
    input.value = "";
    say("add-status", `Coaching on ${origin} (preset: ${presetById(settings.sites[origin].preset).name}).`);
    render();
    await injectInto(origin);
  }, () => say("add-status", "The browser refused the request.", true));
}

function renderSite(origin: string): HTMLElement {
  const tpl = $<HTMLTemplateElement>("site-template");
  const node = tpl.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const site = settings.sites[origin];
  node.dataset.origin = origin;
  node.querySelector(".origin")!.textContent = origin;
  const enabled = node.querySelector<HTMLInputElement>(".enabled")!;
  enabled.checked = site.enabled;
  enabled.addEventListener("change", () => {
    const on = enabled.checked;
    const asked = on ? chrome.permissions.request({ origins: [patternOf(origin)] }) : Promise.resolve(true);
    void asked.then(async (granted) => {
      site.enabled = on && granted;
      enabled.checked = site.enabled;
      await save(settings);
      if (site.enabled) await injectInto(origin);
    });
  });
  const preset = node.querySelector<HTMLSelectElement>(".preset")!;
  for (const p of PRESETS) preset.add(new Option(p.name, p.id, false, p.id === site.preset));
  const inputs = [...node.querySelectorAll<HTMLInputElement>(".sel")];
  const fill = () => {
    const p = presetById(preset.value);
    for (const i of inputs) {
      const k = i.dataset.key as keyof Selectors;
      i.placeholder = p[k] || "(none)";
      i.value = site.overrides[k] ?? "";
    }
  };
  fill();
  preset.addEventListener("change", () => {
    site.preset = preset.value;
    fill();
    void save(settings);
  });
  node.querySelector(".apply")!.addEventListener("click", () => {
    site.overrides = {};
    for (const i of inputs) if (i.value.trim()) site.overrides[i.dataset.key as keyof Selectors] = i.value.trim();
    void save(settings).then(() => say("add-status", `Selectors of ${origin} saved; reload its tabs to use them.`));
  });
  node.querySelector(".reset")!.addEventListener("click", () => {
    site.overrides = {};
    fill();
    void save(settings);
  });
  node.querySelector(".remove")!.addEventListener("click", () => {
    delete settings.sites[origin];
    void save(settings).then(() => chrome.permissions.remove({ origins: [patternOf(origin)] })).then(render);
  });
  return node;
}

function render(): void {
  const list = $("sites");
  list.textContent = "";
  const origins = Object.keys(settings.sites).sort();
  if (!origins.length) list.textContent = "No sites yet.";
  for (const o of origins) list.append(renderSite(o));
}

void load().then((s) => {
  settings = s;
  $<HTMLInputElement>("server").value = s.server;
  $<HTMLInputElement>("key").value = s.apiKey;
  $<HTMLInputElement>("agent").value = s.agentId;
  render();
  $("server-form").addEventListener("submit", onSaveServer);
  $("add-form").addEventListener("submit", onAddSite);
});
