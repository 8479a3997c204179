// What every coaching surface shares, whatever shows the hints (the inline widget, a helpdesk
// sidebar): the stream of reports for the draft, the hints on it, and the feedback on them.
// Guarantees: each report is taken through the hint model (rebased onto the text as it is now);
// hints the agent typed over are reported "edited", new ones "shown" (once), and every accept,
// dismissal and mute is reported; host callbacks and the render callback never throw out of here.
import { Api } from "./api";
import type { Feedback, MuteResult } from "./api";
import { attempt, guard } from "./guard";
import { HintModel } from "./hints";
import type { Hint } from "./hints";
import type { Settings, Status } from "./options";
import { resolve } from "./options";
import type { Report, StreamError } from "./protocol";
import { StreamClient, streamUrl } from "./stream";
import type { DraftInput } from "./stream";

export interface SessionHooks {
  /** The text the hints must match now (the editor's current text). */
  currentText(): string;
  /** Something to show changed: hints, status or scores. */
  render(): void;
  conversationId?: string | (() => string | null | undefined);
  team?: string;
  onReport?: (report: Report) => void;
  onStatus?: (status: Status) => void;
}

export class CoachSession {
  readonly model = new HintModel();
  readonly api: Api;
  status: Status = "connecting";
  statusDetail = "connecting…";
  private readonly stream: StreamClient;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly hooks: SessionHooks,
  ) {
    this.api = new Api(settings.server, settings.apiKey);
    this.stream = new StreamClient(streamUrl(settings.server, settings.apiKey), settings.debounceMs, {
      onReport: guard("report", (r: Report, text: string) => this.received(r, text)),
      onStatus: guard("status", (s: Status, d: string) => this.setStatus(s, d)),
      onError: guard("stream error", (e: StreamError) => this.setStatus("error", e.error)),
    });
  }

  /** Queues the draft for analysis (debounced unless `now`). */
  update(input: DraftInput, now = false): void {
    this.stream.update(input, now);
  }

  /** Resolves once a report for the current text has arrived, or after `ms`: true if it did. */
  fresh(ms: number): Promise<boolean> {
    if (this.isFresh()) return Promise.resolve(true);
    return new Promise((done) => {
      const timer = setTimeout(() => done(this.isFresh()), ms);
      this.waiters.push(() => {
        if (!this.isFresh()) return;
        clearTimeout(timer);
        done(true);
      });
    });
  }

  feedback(h: Hint, action: Feedback["action"]): void {
    const report = this.model.latest();
    void this.api.feedback({
      rule: h.rule,
      action,
      category: h.category,
      suggestion_id: `${h.rule}@${h.offset}`,
      conversation_id: resolve(this.hooks.conversationId),
      agent_id: this.settings.agentId,
      team: typeof this.hooks.team === "string" ? this.hooks.team : undefined,
      empathy: report ? report.scores.empathy : undefined,
    });
  }

  dismiss(h: Hint): void {
    this.model.dismiss(h);
    this.feedback(h, "dismissed");
    this.hooks.render();
  }

  /** Hides the rule at once and asks the server to mute it for this agent. */
  async mute(h: Hint): Promise<MuteResult> {
    this.model.mute(h.rule);
    this.feedback(h, "dismissed");
    this.hooks.render();
    const r = await this.api.mute(h.rule);
    if (!r.ok) this.statusDetail = `“${h.rule}” is hidden here only: ${r.error}`;
    return r;
  }

  close(): void {
    this.stream.close();
    this.waiters = [];
  }

  private isFresh(): boolean {
    return this.model.analysedText() === this.hooks.currentText();
  }

  private received(report: Report, analysed: string): void {
    const edited = this.model.setReport(report, analysed, this.hooks.currentText());
    for (const h of edited) this.feedback(h, "edited");
    if (this.settings.reportShown) for (const h of this.model.takeNewlyShown()) this.feedback(h, "shown");
    if (this.status === "error") this.setStatus("live", "connected");
    attempt("options.onReport", () => this.hooks.onReport?.(report));
    this.hooks.render();
    for (const w of this.waiters.splice(0)) w();
  }

  private setStatus(status: Status, detail: string): void {
    this.status = status;
    this.statusDetail = detail;
    attempt("options.onStatus", () => this.hooks.onStatus?.(status));
    this.hooks.render();
  }
}
