// The Zendesk ticket's reply box as a DraftHost: read and written through comment.text (HTML
// when the agent uses the rich-text editor), watched through comment.text.changed, with the
// ticket's conversation (ticket.conversation) as the history.
import type { DraftHost } from "../../../plugin/web/widget/src/sidebar";
import type { Draft } from "../../../plugin/web/widget/src/draftedit";
import { htmlToText } from "../../../plugin/web/widget/src/draftedit";
import type { HistoryMessage } from "../../../plugin/web/widget/src/protocol";
import type { ZafClient } from "./zaf";

interface ZafMessage {
  author?: { role?: string };
  message?: { content?: string; contentType?: string };
  timestamp?: string;
}

export class ZendeskHost implements DraftHost {
  constructor(private readonly client: ZafClient) {}

  async read(): Promise<Draft> {
    const got = await this.client.get(["comment.text", "comment.useRichText"]);
    const body = typeof got["comment.text"] === "string" ? got["comment.text"] : "";
    return { body, html: got["comment.useRichText"] !== false };
  }

  async write(next: Draft): Promise<void> {
    await this.client.set("comment.text", next.body);
  }

  async conversation(): Promise<HistoryMessage[]> {
    const got = await this.client.get("ticket.conversation");
    const list = Array.isArray(got["ticket.conversation"]) ? (got["ticket.conversation"] as ZafMessage[]) : [];
    const out: HistoryMessage[] = [];
    for (const m of list) {
      const content = m.message?.content ?? "";
      const text = m.message?.contentType === "text/plain" ? content.trim() : htmlToText(content);
      if (!text) continue;
      const role: HistoryMessage["role"] =
        m.author?.role === "end-user" ? "customer" : m.author?.role === "system" ? "system" : "agent";
      // An RFC 3339 timestamp is kept (the waiting time comes from it); others are dropped later.
      out.push(typeof m.timestamp === "string" ? { role, text, at: m.timestamp } : { role, text });
    }
    return out;
  }

  watch(changed: () => void): void {
    this.client.on("comment.text.changed", changed);
    this.client.on("comment.type.changed", changed);
  }
}
