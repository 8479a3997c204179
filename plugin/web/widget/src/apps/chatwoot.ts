// The Chatwoot dashboard app (a tab beside the conversation, served at /widget/chatwoot.html).
// Chatwoot gives a dashboard app the conversation but not the reply box, so this page coaches
// what it can: the reply the agent last sent (post-send, with the same hints tactful's private
// note would carry), the notes tactful posted, and a box to draft the next reply in with the
// inline widget before pasting it into Chatwoot.
// Only messages from the origins in widget.frame_origins are read (Chatwoot posts to "*", so any
// page could otherwise feed this one a conversation); the context is asked for again every
// 15 seconds while the tab is visible, as Chatwoot does not push changes.
import { Api } from "../api";
import { guard, report as log } from "../guard";
import { HintModel } from "../hints";
import { Panel } from "../panel";
import { parseReport } from "../protocol";
import { attach } from "../index";
import type { Handle } from "../index";
import { readAppContext } from "./chatwoot_context";
import type { ChatwootView } from "./chatwoot_context";
import { fragment, frameOrigins, section, serverOf } from "./frame";

const FETCH_INFO = "chatwoot-dashboard-app:fetch-info";
const allowed = frameOrigins(document);
const params = fragment(location);
const server = serverOf(location);
const key = params.get("key") ?? "";
const integration = params.get("integration") ?? "";
const api = new Api(new URL(server), key);
const model = new HintModel();
let view: ChatwootView | null = null;
let checked = "";
let draft: Handle | null = null;

const app = document.getElementById("app")!;
const note = document.createElement("p");
note.className = "note";
note.setAttribute("role", "status");
note.textContent = allowed.length ? "Waiting for Chatwoot…" : "This page needs widget.frame_origins (the Chatwoot address) in tactful's config.";
const warning = document.createElement("p");
warning.className = "warning";
warning.hidden = true;
app.append(note, warning);

const replyPanel = new Panel(section(app, "Your last reply"), {
  apply: () => undefined,
  dismiss: guard("dismiss", (h) => {
    model.dismiss(h);
    void api.feedback({ rule: h.rule, action: "dismissed", category: h.category, conversation_id: view?.conversationId, agent_id: view?.agentId });
    renderReply("live", "");
  }),
  mute: () => undefined,
}, "tactful on your last reply", true);
const notesBox = section(app, "tactful's notes on this conversation");
const draftBox = section(app, "Draft your next reply here");
const textarea = document.createElement("textarea");
textarea.id = "draft";
textarea.setAttribute("aria-label", "Draft");
textarea.rows = 6;
const copy = document.createElement("button");
copy.type = "button";
copy.textContent = "Copy";
copy.addEventListener("click", guard("copy", () => void navigator.clipboard?.writeText(textarea.value)));
draftBox.append(textarea, copy);

function renderReply(status: "live" | "offline", detail: string): void {
  const r = model.latest();
  replyPanel.setNote(view?.lastReply ? `“${view.lastReply.slice(0, 140)}${view.lastReply.length > 140 ? "…" : ""}”` : "No reply sent yet.");
  replyPanel.render(model.visible(), r ? r.scores.empathy : null, status, detail, !!r || !view?.lastReply);
}

function renderNotes(notes: string[]): void {
  notesBox.querySelectorAll("pre, p").forEach((n) => n.remove());
  if (!notes.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "None yet.";
    notesBox.append(p);
  }
  for (const n of notes.slice(-5)) {
    const pre = document.createElement("pre");
    pre.textContent = n;
    notesBox.append(pre);
  }
}

async function checkLastReply(v: ChatwootView): Promise<void> {
  const body: Record<string, unknown> = { draft: v.lastReply, history: v.before, customer_name: v.customerName };
  if (integration && v.conversationId) body.conversation = { integration, id: v.conversationId };
  try {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (key) headers.Authorization = `Bearer ${key}`;
    const res = await fetch(new URL("v1/suggest", server), { method: "POST", headers, body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) return renderReply("offline", typeof json.error === "string" ? json.error : `HTTP ${res.status}`);
    const r = parseReport({ ...json, seq: 0 });
    if (r) model.setReport(r, v.lastReply, v.lastReply);
    renderReply("live", "");
  } catch {
    renderReply("offline", "cannot reach the tactful server");
  }
}

function received(v: ChatwootView): void {
  view = v;
  note.textContent = v.customerName ? `Conversation with ${v.customerName}` : "Conversation";
  renderNotes(v.notes);
  if (v.lastReply && v.lastReply !== checked) {
    checked = v.lastReply;
    model.clear();
    void checkLastReply(v);
  } else if (!v.lastReply) renderReply("live", "");
  if (!draft)
    draft = attach(textarea, {
      server, apiKey: key || undefined, agentId: v.agentId ? `chatwoot-${v.agentId}` : undefined,
      conversation: () => view?.history ?? [], customerName: () => view?.customerName ?? "",
      conversationId: () => (view ? `chatwoot-${view.conversationId}` : ""),
      conversationRef: integration && v.conversationId ? { integration, id: v.conversationId } : undefined,
      channel: "chat",
    });
  else draft.refresh();
}

let warned = false;
window.addEventListener("message", guard("message", (e: MessageEvent) => {
  if (!allowed.includes(e.origin)) {
    if (!warned && readAppContext(e.data)) {
      warned = true;
      log("chatwoot", `ignored a conversation from ${e.origin}: not in widget.frame_origins`);
      warning.textContent = `Ignored a conversation sent by ${e.origin}: it is not in tactful's widget.frame_origins.`;
      warning.hidden = false;
    }
    return;
  }
  const v = readAppContext(e.data);
  if (v) received(v);
}));

const ask = () => {
  if (document.visibilityState === "visible" && window.parent !== window)
    for (const o of allowed) window.parent.postMessage(FETCH_INFO, o);
};
ask();
setInterval(guard("fetch-info", ask), 15000);
document.addEventListener("visibilitychange", guard("visible", ask));
renderNotes([]);
