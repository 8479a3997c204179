// The widget's HTTP calls: feedback on hints and an agent's mutes. Requests never carry the host
// page's cookies (credentials: "omit"), authenticate with the API key only, and never throw:
// feedback is fire-and-forget (kept alive through a page unload), a mute answers with what the
// server said.

export interface Feedback {
  rule: string;
  action: "accepted" | "dismissed" | "edited" | "shown";
  category?: string;
  suggestion_id?: string;
  conversation_id?: string;
  agent_id?: string;
  team?: string;
  empathy?: number;
}

export interface MuteResult {
  ok: boolean;
  error: string;
}

export class Api {
  constructor(
    private readonly server: URL,
    private readonly apiKey: string,
  ) {}

  feedback(body: Feedback): Promise<boolean> {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body))
      if (v !== undefined && v !== "") clean[k] = typeof v === "string" ? v.slice(0, 200) : v;
    return this.call("POST", "v1/feedback", clean).then((r) => r.ok, () => false);
  }

  async mute(rule: string): Promise<MuteResult> {
    try {
      const r = await this.call("POST", "v1/mutes", { rule });
      if (r.ok) return { ok: true, error: "" };
      let message = `HTTP ${r.status}`;
      try {
        const j = (await r.json()) as { error?: unknown };
        if (typeof j.error === "string") message = j.error;
      } catch {
        // not JSON: keep the status
      }
      return { ok: false, error: message };
    } catch {
      return { ok: false, error: "the tactful server cannot be reached" };
    }
  }

  private call(method: string, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    return fetch(new URL(path, this.server), {
      method,
      headers,
      body: JSON.stringify(body),
      credentials: "omit",
      keepalive: true,
      mode: "cors",
    });
  }
}
