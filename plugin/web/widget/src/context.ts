// Builds the conversation fields of a stream message from the host's options. The host's
// callbacks run here, inside try/catch: a host callback that throws or returns junk costs the
// conversation context, never the coaching of the draft.
import { attempt } from "./guard";
import type { AttachOptions } from "./options";
import { resolve } from "./options";
import type { HistoryMessage } from "./protocol";

const MAX_MESSAGES = 50;  // the server's default max_history: older ones would be dropped anyway
const MAX_TEXT = 16384;   // per message; the server stores no more per webhook message either

function cleanHistory(v: unknown): HistoryMessage[] {
  if (!Array.isArray(v)) return [];
  const out: HistoryMessage[] = [];
  for (const m of v.slice(-MAX_MESSAGES)) {
    if (typeof m !== "object" || m === null) continue;
    const { role, text, at } = m as Record<string, unknown>;
    if (typeof text !== "string" || !text.trim()) continue;
    const r = role === "agent" || role === "system" ? role : "customer";
    const msg: HistoryMessage = { role: r, text: text.slice(0, MAX_TEXT) };
    if (typeof at === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(at)) msg.at = at;
    out.push(msg);
  }
  return out;
}

export function conversationContext(o: AttachOptions): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  c.history = cleanHistory(attempt("options.conversation", () => o.conversation?.()));
  c.customer_name = resolve(o.customerName).slice(0, 200);
  if (typeof o.team === "string" && o.team) c.team = o.team;
  if (typeof o.channel === "string" && o.channel) c.channel = o.channel;
  if (typeof o.locale === "string" && o.locale) c.locale = o.locale;
  const ref = o.conversationRef;
  if (ref && typeof ref.integration === "string" && ref.integration && ref.id !== undefined && String(ref.id))
    c.conversation = { integration: ref.integration, id: String(ref.id) };
  return c;
}
