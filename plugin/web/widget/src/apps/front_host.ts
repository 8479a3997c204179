// A Front conversation's draft as a DraftHost, through Front's plugin SDK contexts: in a sidebar
// plugin (singleConversation) the draft is fetched by the conversation's draftId and the
// messages listed; in a composer plugin (messageComposer) the context carries the draft itself.
// Fixes go back with updateDraft(…, {updateMode: "replace"}). Front does not say when the agent
// types, so the draft is polled (every 1.5 s) besides each new context; the messages are listed
// once per context.
import { htmlToText } from "../draftedit";
import type { Draft } from "../draftedit";
import type { HistoryMessage } from "../protocol";
import type { DraftHost } from "../sidebar";

/** The part of a Front context this host uses (the SDK's contexts are proxies with these). */
export interface FrontContext {
  type: string;
  conversation?: { id?: string; draftId?: string; recipient?: { name?: string } };
  draft?: { id?: string; content?: { body: string; type: string } };
  fetchDraft?(draftId: string): Promise<{ id: string; content: { body: string; type: string } } | undefined>;
  updateDraft?(draftId: string, update: { updateMode: "replace" | "insert"; content: { body: string; type: string } }): Promise<void>;
  listMessages?(): Promise<{ results: ReadonlyArray<{ status?: string; content?: { body: string; type: string } }> }>;
}

const POLL_MS = 1500;

export class FrontHost implements DraftHost {
  private context: FrontContext | null = null;
  private listener: (() => void) | null = null;
  private messages: Promise<HistoryMessage[]> | null = null;  // per context: listed once

  /** A new context from Front.contextUpdates. */
  setContext(c: FrontContext): void {
    this.context = c;
    this.messages = null;
    this.listener?.();
  }

  /** Where the draft is, or null when this context has none (no conversation open). */
  draftId(): string | null {
    const c = this.context;
    return c?.draft?.id ?? c?.conversation?.draftId ?? null;
  }

  customerName(): string {
    return this.context?.conversation?.recipient?.name ?? "";
  }

  conversationId(): string {
    return this.context?.conversation?.id ?? "";
  }

  async read(): Promise<Draft> {
    const c = this.context;
    const id = this.draftId();
    if (!c || !id) return { body: "", html: false };
    const draft = c.type === "messageComposer" && c.draft?.content ? c.draft : await c.fetchDraft?.(id);
    const content = draft?.content;
    return content ? { body: content.body, html: content.type === "html" } : { body: "", html: false };
  }

  async write(next: Draft): Promise<void> {
    const id = this.draftId();
    if (!id || !this.context?.updateDraft) throw new Error("no draft to update in this Front context");
    await this.context.updateDraft(id, { updateMode: "replace", content: { body: next.body, type: next.html ? "html" : "text" } });
  }

  conversation(): Promise<HistoryMessage[]> {
    this.messages ??= this.list().catch((e) => {
      this.messages = null;  // try again on the next read
      throw e;
    });
    return this.messages;
  }

  private async list(): Promise<HistoryMessage[]> {
    const list = await this.context?.listMessages?.();
    const out: HistoryMessage[] = [];
    for (const m of list?.results ?? []) {
      const body = m.content?.body ?? "";
      const text = m.content?.type === "html" ? htmlToText(body) : body.trim();
      if (text) out.push({ role: m.status === "inbound" ? "customer" : "agent", text });
    }
    return out;
  }

  watch(changed: () => void): void {
    this.listener = changed;
    setInterval(changed, POLL_MS);
  }
}
