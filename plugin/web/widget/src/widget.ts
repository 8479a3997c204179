// One attached widget: an editor, its stream of reports, the hints on it and the UI that shows
// them. Guarantees:
// - typing is never blocked or delayed: the widget only listens (passively) to the editor, does
//   its work in timers and animation frames, and edits the text only when the agent picks a fix;
// - what is drawn always matches the current text (HintModel rebases every report and edit);
// - every accept, dismissal, mute and edit of a hint is reported to /v1/feedback (CoachSession);
// - nothing thrown inside reaches the host page (every listener is guarded), and detach()
//   removes every listener, timer, observer, connection and element the widget added.
import { Badge } from "./badge";
import { conversationContext } from "./context";
import type { Editor } from "./editor";
import { FieldEditor } from "./editor_field";
import { RichEditor } from "./editor_rich";
import { attempt, guard } from "./guard";
import { fixFor } from "./fix";
import { byRelevance } from "./hints";
import type { Hint } from "./hints";
import { Meter } from "./meter";
import type { AttachOptions, Settings } from "./options";
import { Overlay } from "./overlay";
import { Popover } from "./popover";
import type { OpenedBy } from "./popover";
import { CoachSession } from "./session";
import { createShell } from "./shell";
import type { Shell } from "./shell";
import type { DraftInput } from "./stream";

const POLL_MS = 300;  // geometry and script-set values are checked this often
const HOVER_MS = 250; // pointer dwell before a card opens

export class Widget {
  private readonly editor: Editor;
  private readonly shell: Shell;
  private readonly overlay: Overlay;
  private readonly badge: Badge;
  private readonly popover: Popover;
  private readonly session: CoachSession;
  private readonly undo: (() => void)[] = [];
  private frame = 0;
  private box = "";
  private applying = false;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private caretBeforeCard: number | null = null;

  constructor(
    readonly element: HTMLElement,
    settings: Settings,
    private readonly options: AttachOptions,
  ) {
    this.shell = createShell(element.ownerDocument);
    this.editor =
      element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement
        ? new FieldEditor(element, this.shell.root)
        : new RichEditor(element, settings.skipSelector);
    this.overlay = new Overlay(this.shell.layer);
    this.popover = new Popover(
      this.shell.root,
      {
        apply: guard("apply", (h: Hint, r: string | null) => this.apply(h, r)),
        dismiss: guard("dismiss", (h: Hint) => this.dismiss(h)),
        mute: guard("mute", (h: Hint) => this.mute(h)),
      },
      () => this.editor.focusAt(this.caretBeforeCard ?? this.editor.text().length),
    );
    this.badge = new Badge(this.shell.root, () => this.toggleList());
    this.session = new CoachSession(settings, {
      currentText: () => this.editor.text(),
      render: () => this.schedule(),
      conversationId: options.conversationId,
      team: options.team,
      onReport: options.onReport,
      onStatus: options.onStatus,
    });
    this.listen();
    this.changed();
  }

  /** Re-reads the conversation and checks the draft again now. */
  refresh(): void {
    this.session.update(this.input(), true);
  }

  detach(): void {
    for (const u of this.undo.splice(0)) attempt("detach", u);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.hoverTimer);
    this.session.close();
    this.editor.destroy();
    this.shell.remove();
  }

  private listen(): void {
    const on = <K extends keyof HTMLElementEventMap>(
      target: EventTarget, type: K | string, fn: (e: HTMLElementEventMap[K]) => void, opts: AddEventListenerOptions = {},
    ) => {
      const g = guard(`on ${type}`, fn) as EventListener;
      target.addEventListener(type, g, opts);
      this.undo.push(() => target.removeEventListener(type, g, opts));
    };
    this.undo.push(this.editor.onChange(guard("change", () => this.changed())) as () => void);
    const el = this.element;
    const win = el.ownerDocument.defaultView ?? window;
    on(win, "scroll", () => this.schedule(), { capture: true, passive: true });
    on(win, "resize", () => this.schedule(), { passive: true });
    on(el, "mousemove", (e: MouseEvent) => this.hover(e.clientX, e.clientY), { passive: true });
    on(el, "mouseleave", () => this.hoverEnded(), { passive: true });
    on(el, "mouseup", () => setTimeout(guard("caret", () => this.caretMoved("caret")), 0), { passive: true });
    on(el, "keyup", (e: KeyboardEvent) => {
      if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") this.caretMoved("caret");
    });
    on(el, "keydown", (e: KeyboardEvent) => this.key(e));
    on(this.popover.element, "mouseenter", () => clearTimeout(this.hoverTimer));
    on(this.popover.element, "mouseleave", () => this.hoverEnded());
    on(el.ownerDocument, "mousedown", (e: MouseEvent) => {
      const path = e.composedPath();
      if (!path.includes(this.shell.host) && !path.includes(el)) this.popover.hide();
    }, { capture: true });
    if (typeof ResizeObserver !== "undefined") {
      const ro = new ResizeObserver(guard("resize", () => this.schedule()));
      ro.observe(el);
      this.undo.push(() => ro.disconnect());
    }
    const poll = setInterval(guard("poll", () => this.poll()), POLL_MS);
    this.undo.push(() => clearInterval(poll));
  }

  private input(): DraftInput {
    return { text: this.editor.text(), skip: this.editor.skips(), context: conversationContext(this.options) };
  }

  private changed(): void {
    this.session.model.edit(this.editor.text(), this.applying);
    this.schedule();
    if (!this.applying) this.session.update(this.input());
  }

  private poll(): void {
    this.editor.poll();
    const r = this.element.isConnected ? this.editor.clip() : null;
    const box = r ? `${r.left},${r.top},${r.width},${r.height}` : "";
    if (box !== this.box) this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(guard("draw", () => {
      this.frame = 0;
      this.draw();
    }));
  }

  private draw(): void {
    const visible = this.element.isConnected && this.element.getClientRects().length > 0;
    const clip = visible ? this.editor.clip() : null;
    this.box = clip ? `${clip.left},${clip.top},${clip.width},${clip.height}` : "";
    const hints = visible ? this.session.model.visible() : [];
    const active = this.popover.open ? this.popover.hints()[0]?.id ?? null : null;
    this.overlay.draw(hints, visible ? this.editor.rects(hints) : [], clip ?? new DOMRect(), active);
    const report = this.session.model.latest();
    this.badge.setStatus(this.session.status, this.session.statusDetail);
    this.badge.setHints(hints.length, report ? report.scores.empathy : null);
    this.badge.place(clip);
    if (this.popover.openedBy === "badge") {
      const ids = this.popover.hints().map((h) => h.id).join();
      if (ids !== hints.map((h) => h.id).join()) this.showList(false);
      else this.popover.move(this.badge.element.getBoundingClientRect());
    } else if (this.popover.open) {
      const keys = new Set(this.popover.hints().map((h) => h.key));
      const current = hints.find((h) => keys.has(h.key));
      this.popover.refresh(hints, current ? this.overlay.rectOf(current) : null);
    }
  }

  private open(hints: Hint[], by: OpenedBy): void {
    const anchor = hints.length ? this.overlay.rectOf(hints[0]) : null;
    if (!anchor) return;
    this.caretBeforeCard = this.editor.caret();
    this.popover.show(hints, anchor, by);
    this.schedule();
  }

  private toggleList(): void {
    if (this.popover.openedBy === "badge") this.popover.hide();
    else this.showList(true);
  }

  private showList(focus: boolean): void {
    const { model, status, statusDetail } = this.session;
    const hints = model.visible();
    const empty = (status === "live" ? "" : statusDetail) ||
      (model.latest() ? "No hints: the draft reads well." : "Waiting for the first check…");
    this.caretBeforeCard = this.editor.caret() ?? this.caretBeforeCard;
    this.popover.show(hints, this.badge.element.getBoundingClientRect(), "badge", empty);
    const report = model.latest();
    const head = document.createElement("div");
    head.className = "summary";
    const meter = new Meter("Empathy", false);
    meter.set(report ? report.scores.empathy : null);
    const st = document.createElement("span");
    st.className = "state";
    st.dataset.status = status;
    st.textContent = status === "live" ? `${hints.length} hint${hints.length === 1 ? "" : "s"}` : statusDetail;
    head.append(meter.element, st);
    this.popover.element.prepend(head);
    if (focus) this.popover.element.querySelector("button")?.focus({ preventScroll: true });
  }

  private hover(x: number, y: number): void {
    const hits = this.overlay.hit(x, y).sort(byRelevance);
    clearTimeout(this.hoverTimer);
    if (!hits.length) {
      if (this.popover.openedBy === "pointer") this.hoverEnded();
      return;
    }
    if (this.popover.open && this.popover.openedBy !== "pointer") return;
    const same = this.popover.hints().map((h) => h.id).join() === hits.map((h) => h.id).join();
    if (!same) this.hoverTimer = setTimeout(guard("hover", () => this.open(hits, "pointer")), HOVER_MS);
  }

  private hoverEnded(): void {
    clearTimeout(this.hoverTimer);
    if (this.popover.openedBy !== "pointer") return;
    this.hoverTimer = setTimeout(guard("hover end", () => this.popover.hide()), 300);
  }

  private caretMoved(by: OpenedBy): void {
    const at = this.editor.caret();
    const hints = at === null ? [] : this.session.model.at(at);
    if (hints.length) this.open(hints, by);
    else if (this.popover.open && this.popover.openedBy !== "badge") this.popover.hide();
  }

  private key(e: KeyboardEvent): void {
    if (e.key === "Escape" && this.popover.open) {
      this.popover.hide();
      return;
    }
    if (!(e.altKey && e.key === "Enter")) return;
    const model = this.session.model;
    const hints = model.visible();
    if (!hints.length) return;
    e.preventDefault();
    const at = this.editor.caret() ?? 0;
    const here = model.at(at);
    const next = here.length ? here : [hints.find((h) => h.offset >= at) ?? hints[0]];
    this.open(next, "keyboard");
  }

  private apply(h: Hint, replacement: string | null): void {
    const model = this.session.model;
    const cur = model.find(h.id);
    const edit = cur ? fixFor(cur, replacement, this.editor.text()) : null;
    if (!cur || !edit) return;
    this.popover.hide();
    this.applying = true;
    try {
      this.editor.replace(edit.start, edit.end, edit.text);
    } finally {
      this.applying = false;
    }
    model.remove(cur);
    model.edit(this.editor.text(), true);
    this.session.feedback(cur, "accepted");
    this.session.update(this.input(), true);
    this.schedule();
  }

  private dismiss(h: Hint): void {
    this.session.dismiss(h);
    this.afterHiding();
  }

  private mute(h: Hint): void {
    void this.session.mute(h).then(guard("mute", (r: { ok: boolean }) => {
      if (r.ok) this.refresh();
      this.schedule();
    }));
    this.afterHiding();
  }

  private afterHiding(): void {
    const root = this.shell.root;
    const hadFocus = !!root.activeElement && this.popover.element.contains(root.activeElement);
    this.draw();
    if (!this.popover.open && hadFocus) this.editor.focusAt(this.caretBeforeCard ?? this.editor.text().length);
    else if (hadFocus) this.popover.element.querySelector("button")?.focus({ preventScroll: true });
  }
}
