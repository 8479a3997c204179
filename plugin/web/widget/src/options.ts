// The options of Tactful.attach(), and their checking. A host page passes plain values; a bad
// one (no server URL, a URL that is not http or https) is refused with a clear message before
// anything is attached, so a misconfiguration shows up in the host's console at once.
import type { HistoryMessage, Report } from "./protocol";

export interface AttachOptions {
  /** The tactful server's base URL, e.g. "https://tactful.example.com". */
  server: string;
  /** The agent's API key (only when the server has api_keys configured). */
  apiKey?: string;
  /** Recorded with feedback when the key does not name the agent. */
  agentId?: string;
  /** The conversation the draft answers, oldest first; called before each analysis. */
  conversation?: () => HistoryMessage[] | null | undefined;
  /** The customer's name, for the personalization hints. */
  customerName?: string | (() => string | null | undefined);
  /** A conversation webhooks have stored on the server: its messages join the history. */
  conversationRef?: { integration: string; id: string };
  /** An opaque id recorded with feedback (the helpdesk's ticket or conversation id). */
  conversationId?: string | (() => string | null | undefined);
  team?: string;
  channel?: string;
  locale?: string;
  /** Milliseconds of pause in typing before the draft is sent (default 120). */
  debounceMs?: number;
  /** Report each hint the first time it is shown (feeds the admin analytics; default true). */
  reportShown?: boolean;
  /** Elements inside a contenteditable whose text the engine must skip (quotes, signatures). */
  skipSelector?: string;
  /** Called whenever a new report is shown (for host pages that want the scores too). */
  onReport?: (report: Report) => void;
  /** Called when the connection status changes. */
  onStatus?: (status: Status) => void;
}

export type Status = "connecting" | "live" | "offline" | "error";

export interface Settings {
  server: URL;
  apiKey: string;
  agentId: string;
  debounceMs: number;
  reportShown: boolean;
  skipSelector: string;
}

/** Checks the options; returns an error message or the settings derived from them. */
export function checkOptions(o: AttachOptions | undefined): Settings | string {
  if (!o || typeof o !== "object") return "options are required: {server, apiKey?, ...}";
  if (typeof o.server !== "string" || !o.server) return "options.server: the tactful server's URL is required";
  let server: URL;
  try {
    server = new URL(o.server, typeof location !== "undefined" ? location.href : undefined);
  } catch {
    return `options.server: '${o.server}' is not a URL`;
  }
  if (server.protocol !== "http:" && server.protocol !== "https:")
    return `options.server: expected an http or https URL, got '${server.protocol}'`;
  if (!server.pathname.endsWith("/")) server.pathname += "/";
  const debounce = o.debounceMs ?? 120;
  if (!Number.isFinite(debounce) || debounce < 0 || debounce > 5000)
    return "options.debounceMs: expected 0..5000 milliseconds";
  if (o.apiKey !== undefined && typeof o.apiKey !== "string") return "options.apiKey: expected a string";
  return {
    server,
    apiKey: o.apiKey ?? "",
    agentId: typeof o.agentId === "string" ? o.agentId : "",
    debounceMs: debounce,
    reportShown: o.reportShown !== false,
    skipSelector: typeof o.skipSelector === "string" && o.skipSelector ? o.skipSelector : "blockquote, [data-tactful-skip]",
  };
}

/** Resolves an option that may be a value or a function returning one; never throws. */
export function resolve(v: string | (() => string | null | undefined) | undefined): string {
  try {
    const r = typeof v === "function" ? v() : v;
    return typeof r === "string" ? r : "";
  } catch {
    return "";
  }
}
