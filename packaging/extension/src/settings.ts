// The extension's settings, kept in chrome.storage.local (not sync: the API key stays on this
// machine). Reading never fails: missing or malformed stored values come back as defaults, so
// a corrupted store disables coaching instead of breaking pages.
import { presetById } from "./presets";
import type { Selectors } from "./presets";

export interface SiteSettings {
  enabled: boolean;
  preset: string;
  /** Per-site replacements of the preset's selectors (empty = the preset's). */
  overrides: Partial<Selectors>;
}

export interface Settings {
  server: string;
  apiKey: string;
  agentId: string;
  /** Keyed by origin ("https://acme.chatwoot.com"). */
  sites: Record<string, SiteSettings>;
}

const KEY = "tactful";

export const DEFAULTS: Settings = { server: "", apiKey: "", agentId: "", sites: {} };

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function normalize(v: unknown): Settings {
  if (typeof v !== "object" || v === null) return { ...DEFAULTS, sites: {} };
  const o = v as Record<string, unknown>;
  const sites: Record<string, SiteSettings> = {};
  if (typeof o.sites === "object" && o.sites !== null)
    for (const [origin, s] of Object.entries(o.sites as Record<string, unknown>)) {
      if (typeof s !== "object" || s === null) continue;
      const site = s as Record<string, unknown>;
      const overrides: Partial<Selectors> = {};
      if (typeof site.overrides === "object" && site.overrides !== null)
        for (const [k, val] of Object.entries(site.overrides as Record<string, unknown>))
          if (typeof val === "string" && val.trim()) overrides[k as keyof Selectors] = val.trim();
      sites[origin] = { enabled: site.enabled === true, preset: str(site.preset) || "generic", overrides };
    }
  return { server: str(o.server), apiKey: str(o.apiKey), agentId: str(o.agentId), sites };
}

export async function load(): Promise<Settings> {
  try {
    const got = await chrome.storage.local.get(KEY);
    return normalize(got[KEY]);
  } catch {
    return normalize(undefined);
  }
}

export async function save(s: Settings): Promise<void> {
  await chrome.storage.local.set({ [KEY]: s });
}

/** The selectors in force for a site: the preset's, with the site's overrides over them. */
export function selectorsFor(site: SiteSettings): Selectors {
  const p = presetById(site.preset);
  const pick = (k: keyof Selectors) => site.overrides[k] ?? p[k];
  return {
    editor: pick("editor"), messages: pick("messages"), customer: pick("customer"),
    text: pick("text"), exclude: pick("exclude"), skip: pick("skip"),
  };
}

/** "https://acme.example.com" from anything URL-like the admin typed; null when it is not one. */
export function originOf(input: string): string | null {
  try {
    const u = new URL(input.includes("://") ? input : `https://${input}`);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The match pattern granting a site's host permission. */
export const patternOf = (origin: string) => `${origin}/*`;

export function onChange(listener: () => void): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes[KEY]) listener();
  });
}
