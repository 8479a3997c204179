// The /v1/stream client. Guarantees:
// - never more than one draft waits to be sent: a newer draft replaces it (latest wins), and
//   drafts go out only after `debounceMs` without a change (or at once when asked);
// - every draft carries a sequence number above the previous one, and a report older than one
//   already delivered is dropped, so the UI only moves forward;
// - the conversation (history, name, team…) is sent only when it changed or the connection is
//   new: the server keeps it per connection;
// - a lost connection is retried with exponential backoff (capped, with jitter) and reported as
//   "offline"; the latest draft is sent again once it is back;
// - a connection that stops answering (no message for a while after a ping) is dropped and
//   retried, so a vanished server is noticed without waiting for TCP to give up;
// - no callback throws: handlers run inside guard().
import { guard, report } from "./guard";
import { parseReport, parseStreamError } from "./protocol";
import type { Report, StreamError } from "./protocol";
import type { Status } from "./options";

export interface Span {
  offset: number;
  length: number;
}

/** What one analysis needs: the draft and the conversation it answers. */
export interface DraftInput {
  text: string;
  skip: Span[];
  /** history, customer_name, team, channel, locale, conversation: sent when changed. */
  context: Record<string, unknown>;
}

export interface StreamHandlers {
  /** A report, with the exact text it was computed for. */
  onReport(report: Report, analysedText: string): void;
  onStatus(status: Status, detail: string): void;
  onError(error: StreamError): void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 15000];
const HEARTBEAT_MS = 20000;  // ping when nothing arrived for this long
const DEAD_MS = 10000;       // and give up on the connection this long after the ping
const KEPT_TEXTS = 16;       // sent drafts remembered to match their reports

export function streamUrl(server: URL, apiKey: string): string {
  const u = new URL("v1/stream", server);
  u.protocol = server.protocol === "https:" ? "wss:" : "ws:";
  if (apiKey) u.searchParams.set("key", apiKey);
  return u.toString();
}

export class StreamClient {
  private ws: WebSocket | null = null;
  private seq = 0;
  private delivered = 0;
  private sentContext: string | null = null;
  private pending: DraftInput | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private attempt = 0;
  private lastHeard = 0;
  private pingedAt = 0;
  private closed = false;
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly url: string,
    private readonly debounceMs: number,
    private readonly handlers: StreamHandlers,
  ) {
    this.connect();
    this.heartbeat = setInterval(guard("stream heartbeat", () => this.checkAlive()), HEARTBEAT_MS / 4);
  }

  /** Queues the draft for analysis; `now` skips the debounce (after applying a fix). */
  update(input: DraftInput, now = false): void {
    this.pending = input;
    clearTimeout(this.debounceTimer);
    if (now) this.flush();
    else this.debounceTimer = setTimeout(guard("stream debounce", () => this.flush()), this.debounceMs);
  }

  /** Forgets what the server keeps for this connection, so the next draft resends it all. */
  invalidateContext(): void {
    this.sentContext = null;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onclose = ws.onerror = ws.onmessage = null;
      try {
        ws.close(1000);
      } catch (e) {
        report("stream close", e);
      }
    }
  }

  private connect(): void {
    if (this.closed) return;
    this.handlers.onStatus(this.attempt === 0 ? "connecting" : "offline", this.attempt === 0 ? "connecting…" : "reconnecting…");
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      report("stream connect", e);
      this.handlers.onStatus("error", "the server URL cannot be used for a WebSocket");
      return;
    }
    this.ws = ws;
    ws.onopen = guard("stream open", () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.pingedAt = 0;
      this.sentContext = null;  // a new connection knows nothing of the conversation
      this.handlers.onStatus("live", "connected");
      this.flush();
    });
    ws.onmessage = guard("stream message", (e: MessageEvent) => this.receive(e.data));
    ws.onclose = guard("stream close", () => this.lost());
    ws.onerror = guard("stream error", () => {
      // the close event follows; nothing else to learn here (browsers hide the reason)
    });
  }

  private lost(): void {
    if (this.ws) this.ws.onopen = this.ws.onclose = this.ws.onerror = this.ws.onmessage = null;
    this.ws = null;
    if (this.closed) return;
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempt += 1;
    this.handlers.onStatus("offline", `cannot reach the tactful server; retrying in ${Math.ceil(delay / 1000)} s`);
    this.retryTimer = setTimeout(guard("stream retry", () => this.connect()), delay);
  }

  private checkAlive(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const now = Date.now();
    if (this.pingedAt && now - this.pingedAt > DEAD_MS && this.lastHeard < this.pingedAt) {
      ws.close();  // unresponsive: onclose schedules the retry
      this.lost();
      return;
    }
    if (now - this.lastHeard > HEARTBEAT_MS && (!this.pingedAt || this.lastHeard >= this.pingedAt)) {
      this.pingedAt = now;
      ws.send('{"type":"ping"}');
    }
  }

  private flush(): void {
    const ws = this.ws;
    const input = this.pending;
    if (!input || !ws || ws.readyState !== WebSocket.OPEN) return;  // sent on (re)connect
    this.pending = null;
    const msg: Record<string, unknown> = { seq: ++this.seq, draft: input.text };
    if (input.skip.length) msg.skip = input.skip;
    const context = JSON.stringify(input.context);
    if (context !== this.sentContext) {
      Object.assign(msg, input.context);
      this.sentContext = context;
    }
    this.texts.set(this.seq, input.text);
    if (this.texts.size > KEPT_TEXTS) this.texts.delete(this.texts.keys().next().value as number);
    ws.send(JSON.stringify(msg));
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    if (typeof data !== "string") return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      report("stream", "a message that is not JSON");
      return;
    }
    const r = parseReport(json);
    if (r) {
      const text = this.texts.get(r.seq);
      if (r.seq <= this.delivered || text === undefined) return;  // older than what we showed
      this.delivered = r.seq;
      this.handlers.onReport(r, text);
      return;
    }
    const err = parseStreamError(json);
    if (err) this.handlers.onError(err);
  }
}
