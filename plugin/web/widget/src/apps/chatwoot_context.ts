// Chatwoot's appContext (what a dashboard app receives: {event: "appContext", data:
// {conversation, contact, currentAgent}}, posted as a JSON string), read defensively: the
// conversation's messages become the history, the last reply the agent sent is what the
// post-send check looks at, and the private notes tactful posted are picked out.
// Message types (Chatwoot's message model): 0 incoming, 1 outgoing, 2 activity, 3 template.
import type { HistoryMessage } from "../protocol";

export interface ChatwootView {
  conversationId: string;
  customerName: string;
  agentId: string;
  /** Messages before the last reply, oldest first. */
  before: HistoryMessage[];
  /** The last reply the agent sent ("" when none). */
  lastReply: string;
  /** Everything, for the draft box's context. */
  history: HistoryMessage[];
  /** The private notes tactful posted (they start with this). */
  notes: string[];
}

export const NOTE_PREFIX = "tactful post-send check:";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** The context in a message's data, or null when it is not an appContext message. */
export function readAppContext(data: unknown): ChatwootView | null {
  let msg: unknown = data;
  if (typeof data === "string") {
    if (data.length > 5_000_000) return null;
    try {
      msg = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const m = obj(msg);
  if (m.event !== "appContext") return null;
  const d = obj(m.data);
  const conversation = obj(d.conversation);
  const raw = Array.isArray(conversation.messages) ? conversation.messages : [];
  const messages = raw.map(obj).filter((x) => typeof x.content === "string" && x.content.trim())
    .sort((a, b) => Number(a.created_at ?? 0) - Number(b.created_at ?? 0));
  const history: HistoryMessage[] = [];
  const notes: string[] = [];
  let lastReplyAt = -1;
  for (const x of messages) {
    const content = String(x.content).trim();
    if (x.private === true) {
      if (content.startsWith(NOTE_PREFIX)) notes.push(content);
      continue;
    }
    const at = typeof x.created_at === "number" ? new Date(x.created_at * 1000).toISOString().replace(/\.\d+Z$/, "Z") : undefined;
    if (x.message_type === 0) history.push(at ? { role: "customer", text: content, at } : { role: "customer", text: content });
    else if (x.message_type === 1) {
      history.push(at ? { role: "agent", text: content, at } : { role: "agent", text: content });
      lastReplyAt = history.length - 1;
    }
  }
  const contact = obj(d.contact);
  const agent = obj(d.currentAgent);
  return {
    conversationId: conversation.id !== undefined ? String(conversation.id) : "",
    customerName: typeof contact.name === "string" ? contact.name : "",
    agentId: agent.id !== undefined ? String(agent.id) : "",
    before: lastReplyAt >= 0 ? history.slice(0, lastReplyAt) : history,
    lastReply: lastReplyAt >= 0 ? history[lastReplyAt].text : "",
    history,
    notes,
  };
}
