// The integration form's knowledge of each helpdesk (docs/webhooks.md): which webhook checks it
// may use and which API credentials its notes need; and the conversion between the form's
// values and the admin API's body. Secrets are write-only: a stored integration shows only
// whether each is set, so on an update an empty secret field is left out (the server keeps the
// stored value). Pure: no DOM.
import type { JsonObject } from "./types";

export interface Vendor {
  id: string;
  label: string;
  // The webhook checks it may choose; the first is the default ("" = the vendor's signature).
  verification: string[];
  credentials: string[];
}

export const VENDORS: readonly Vendor[] = [
  { id: "chatwoot", label: "Chatwoot", verification: ["signature", "path_secret", "basic"], credentials: ["account_id", "api_access_token"] },
  { id: "zendesk", label: "Zendesk", verification: ["signature"], credentials: ["email", "api_token"] },
  { id: "intercom", label: "Intercom", verification: ["signature"], credentials: ["access_token", "admin_id"] },
  { id: "front", label: "Front", verification: ["signature"], credentials: ["api_token", "author_id"] },
  { id: "freshdesk", label: "Freshdesk", verification: ["basic", "path_secret"], credentials: ["api_key"] },
  { id: "zammad", label: "Zammad", verification: ["signature"], credentials: ["api_token"] },
  { id: "helpscout", label: "Help Scout", verification: ["signature"], credentials: ["access_token"] },
  { id: "livechat", label: "LiveChat", verification: ["body_secret", "path_secret", "basic"], credentials: ["account_id", "personal_access_token"] },
];

export function vendor(id: string): Vendor {
  return VENDORS.find((v) => v.id === id) ?? VENDORS[0];
}

export const VERIFICATION_LABELS: Record<string, string> = {
  signature: "the vendor's signature (HMAC)",
  path_secret: "a secret in the webhook URL",
  body_secret: "a secret in the body (LiveChat secret_key)",
  basic: "HTTP Basic authentication",
};

// What the form holds, as strings and one checkbox.
export interface IntegrationValues {
  id: string;
  vendor: string;
  team: string;
  verification: string;
  signature: string;  // Front only: application | rule
  webhook_secret: string;
  basic_user: string;
  max_skew_seconds: string;
  api_base_url: string;
  credentials: Record<string, string>;
  notes_enabled: boolean;
  min_severity: string;
  min_interval_minutes: string;
  self_author_ids: string;
}

export function emptyValues(vendorId = "chatwoot"): IntegrationValues {
  return {
    id: "", vendor: vendorId, team: "", verification: vendor(vendorId).verification[0], signature: "application",
    webhook_secret: "", basic_user: "", max_skew_seconds: "300", api_base_url: "", credentials: {},
    notes_enabled: false, min_severity: "warning", min_interval_minutes: "10", self_author_ids: "",
  };
}

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : fallback);

// The form's values for a stored integration (as GET answers it): secrets stay empty.
export function valuesFrom(it: JsonObject): IntegrationValues {
  const v = emptyValues(str(it.vendor, "chatwoot"));
  const notes = (it.notes ?? {}) as JsonObject;
  v.id = str(it.id);
  v.team = str(it.team);
  v.verification = str(it.verification, v.verification);
  v.signature = str(it.signature, "application");
  v.max_skew_seconds = str(it.max_skew_seconds, "300");
  v.api_base_url = str(it.api_base_url);
  v.notes_enabled = notes.enabled === true;
  v.min_severity = str(notes.min_severity, "warning");
  v.min_interval_minutes = str(notes.min_interval_minutes, "10");
  v.self_author_ids = Array.isArray(it.self_author_ids) ? it.self_author_ids.map((x) => str(x)).join(", ") : "";
  return v;
}

// The API body. `update`: empty secrets are left out, so the stored ones are kept; on create
// they are left out too, and the server names the missing one. A number field that is not a
// number is sent as typed, so the server's problem names it.
export function bodyFrom(v: IntegrationValues, update: boolean): JsonObject {
  const b: JsonObject = { id: v.id.trim(), vendor: v.vendor };
  const ven = vendor(v.vendor);
  if (ven.verification.length > 1 || v.verification !== "signature") b.verification = v.verification;
  if (v.vendor === "front") b.signature = v.signature;
  if (v.team) b.team = v.team;
  if (v.webhook_secret) b.webhook_secret = v.webhook_secret;
  if (v.verification === "basic" && v.basic_user) b.basic_user = v.basic_user;
  const num = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s.trim());
  if (v.max_skew_seconds.trim()) b.max_skew_seconds = num(v.max_skew_seconds);
  if (v.api_base_url.trim()) b.api_base_url = v.api_base_url.trim();
  const creds: JsonObject = {};
  for (const k of ven.credentials) if (v.credentials[k]) creds[k] = v.credentials[k];
  if (Object.keys(creds).length || !update) b.api_credentials = creds;
  const notes: JsonObject = { enabled: v.notes_enabled, min_severity: v.min_severity };
  if (v.min_interval_minutes.trim()) notes.min_interval_minutes = num(v.min_interval_minutes);
  b.notes = notes;
  const authors = v.self_author_ids.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (authors.length) b.self_author_ids = authors;
  return b;
}

// The form field a problem's JSON path names ("$.api_credentials.account_id" ->
// "credentials.account_id", "$.notes.min_severity" -> "min_severity"), or "" for the form as
// a whole.
export function fieldOf(path: string): string {
  const m = /^\$\.([A-Za-z_]+)(?:\.([A-Za-z0-9_.-]+))?/.exec(path);
  if (!m) return "";
  const [, top, sub] = m;
  if (top === "api_credentials") return sub ? `credentials.${sub}` : "credentials";
  if (top === "notes") return sub === "enabled" ? "notes_enabled" : sub === "min_severity" || sub === "min_interval_minutes" ? sub : "notes_enabled";
  const known = ["id", "vendor", "team", "verification", "signature", "webhook_secret", "basic_user", "max_skew_seconds", "api_base_url", "self_author_ids"];
  return known.includes(top) ? top : "";
}

// Which secrets a stored integration has, by name, never their values: the API shows each as
// {"set": true|false}.
export function secretsSet(it: JsonObject): { name: string; set: boolean }[] {
  const isSet = (x: unknown) => typeof x === "object" && x !== null && (x as JsonObject).set === true;
  const out = [{ name: "webhook secret", set: isSet(it.webhook_secret) }];
  if (it.verification === "basic") out.push({ name: "basic user", set: isSet(it.basic_user) });
  const creds = (it.api_credentials ?? {}) as JsonObject;
  for (const [k, x] of Object.entries(creds)) out.push({ name: k, set: isSet(x) });
  return out;
}
