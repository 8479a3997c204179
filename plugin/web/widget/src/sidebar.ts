// Coaching a draft that lives in the helpdesk's own editor, from a sidebar app that can read and
// write it only through the helpdesk's API (Zendesk's ZAF client, Front's plugin SDK). The host
// adapter says how to read, write and watch the draft; this class does the rest with the same
// session, hint model and cards as the inline widget. Guarantees: a fix is written back through
// the host as the whole draft with only the hinted words changed (HTML markup kept); check()
// gives the warnings of the draft as it is now, waiting a bounded time for its report, so a
// pre-send gate never judges a stale report and never hangs on an outage.
import { conversationContext } from "./context";
import { editDraft, readDraft } from "./draftedit";
import type { Draft } from "./draftedit";
import { fixFor } from "./fix";
import { attempt, guard, report } from "./guard";
import type { Hint } from "./hints";
import type { AttachOptions } from "./options";
import { checkOptions } from "./options";
import { Panel } from "./panel";
import type { HistoryMessage } from "./protocol";
import { CoachSession } from "./session";

export interface DraftHost {
  /** The draft as the helpdesk holds it now. */
  read(): Promise<Draft>;
  /** Replaces the draft in the helpdesk's editor. */
  write(next: Draft): Promise<void>;
  /** The conversation the draft answers, oldest first. */
  conversation(): Promise<HistoryMessage[]>;
  /** Calls `changed` whenever the draft may have changed. */
  watch(changed: () => void): void;
}

export interface SidebarOptions extends Omit<AttachOptions, "conversation"> {
  title?: string;
}

export interface CheckResult {
  /** False when no report for the current draft arrived in time (server slow or unreachable). */
  checked: boolean;
  warnings: Hint[];
}

export class SidebarCoach {
  readonly panel: Panel;
  private readonly session: CoachSession;
  private readonly skip: string;
  private text = "";
  private history: HistoryMessage[] = [];
  private reading: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private queuedNow = false;

  constructor(container: HTMLElement, private readonly host: DraftHost, private readonly options: SidebarOptions) {
    const settings = checkOptions({ ...options });
    if (typeof settings === "string") throw new TypeError(`tactful: ${settings}`);
    this.skip = settings.skipSelector;
    this.panel = new Panel(container, {
      apply: guard("apply", (h: Hint, r: string | null) => void this.apply(h, r)),
      dismiss: guard("dismiss", (h: Hint) => this.session.dismiss(h)),
      mute: guard("mute", (h: Hint) => void this.session.mute(h).then(() => this.render())),
    }, options.title ?? "tactful");
    this.session = new CoachSession(settings, {
      currentText: () => this.text,
      render: () => this.render(),
      conversationId: options.conversationId,
      team: options.team,
      onReport: options.onReport,
      onStatus: options.onStatus,
    });
    host.watch(guard("draft changed", () => this.refresh()));
    this.refresh();
  }

  /** Reads the draft and the conversation again and queues a check (`now`: no debounce).
   *  Reads run one at a time; calls while one waits to start share it. */
  refresh(now = false): Promise<void> {
    this.queuedNow ||= now;
    if (!this.queued) {
      const next = this.reading.then(() => {
        this.queued = null;
        const n = this.queuedNow;
        this.queuedNow = false;
        return this.read(n);
      });
      this.queued = next;
      this.reading = next.catch((e) => report("sidebar read", e));
    }
    return this.reading;
  }

  /** The warnings of the draft as it is now, after at most `ms` waiting for its report. */
  async check(ms = 2000): Promise<CheckResult> {
    await this.refresh(true);
    const checked = await this.session.fresh(ms);
    return { checked, warnings: this.session.model.visible().filter((h) => h.severity === "warning") };
  }

  close(): void {
    this.session.close();
  }

  private async read(now: boolean): Promise<void> {
    const [draft, history] = await Promise.all([this.host.read(), this.host.conversation().catch(() => this.history)]);
    this.history = history;
    const { text, skips } = readDraft(draft, this.skip);
    this.text = text;
    this.session.model.edit(text);
    const context = conversationContext({ ...this.options, server: "", conversation: () => this.history });
    this.session.update({ text, skip: skips, context }, now);
    this.render();
  }

  private async apply(h: Hint, replacement: string | null): Promise<void> {
    await this.reading;
    const current = await this.host.read();
    const { text } = readDraft(current, this.skip);
    this.session.model.edit(text);
    const cur = this.session.model.find(h.id);
    const edit = cur ? fixFor(cur, replacement, text) : null;
    if (!cur || !edit) return this.render();  // the words changed meanwhile: the hint is gone
    const next = editDraft(current, edit.start, edit.end, edit.text, this.skip);
    await this.host.write(next);
    this.session.model.remove(cur);
    this.session.feedback(cur, "accepted");
    await this.refresh(true);
  }

  private render(): void {
    attempt("sidebar render", () => {
      const { model, status, statusDetail } = this.session;
      const r = model.latest();
      this.panel.render(model.visible(), r ? r.scores.empathy : null, status, statusDetail, r !== null && model.analysedText() === this.text);
    });
  }
}
