// The content script: on a site the agent enabled, attaches the widget to every reply editor the
// site's selectors find (now and as the helpdesk's single-page app renders new ones), with the
// visible conversation as context. Settings changes re-attach with the new ones. It does nothing
// at all on a site that is not enabled, and never throws into the page.
import { findEditors, readConversation } from "./page_reader";
import { load, onChange, selectorsFor } from "./settings";
import type { Settings } from "./settings";

type Handle = ReturnType<typeof Tactful.attach>;

const marker = "__tactfulContentScript";
const scope = globalThis as unknown as Record<string, unknown>;

if (!scope[marker]) {
  scope[marker] = true;
  const attached = new Map<HTMLElement, Handle>();
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const detachAll = () => {
    for (const h of attached.values()) h.detach();
    attached.clear();
    observer?.disconnect();
    observer = null;
    clearTimeout(timer);
  };

  const start = (settings: Settings) => {
    detachAll();
    const site = settings.sites[location.origin];
    if (!site?.enabled || !settings.server) return;
    const sel = selectorsFor(site);
    const options = {
      server: settings.server,
      apiKey: settings.apiKey || undefined,
      agentId: settings.agentId || undefined,
      conversation: () => readConversation(document, sel),
      conversationId: () => location.pathname,
      skipSelector: sel.skip || undefined,
    };
    const scan = () => {
      for (const [el, h] of attached)
        if (!el.isConnected) {
          h.detach();
          attached.delete(el);
        }
      for (const el of findEditors(document, sel, (e) => Tactful.canAttach(e)))
        if (!attached.has(el)) {
          try {
            attached.set(el, Tactful.attach(el, options));
          } catch (e) {
            console.warn("tactful: cannot coach this editor:", e);
          }
        }
    };
    scan();
    // Helpdesks are single-page apps: editors come and go without a page load.
    observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          scan();
        } catch (e) {
          console.warn("tactful:", e);
        }
      }, 250);
    });
    // A reply box that is shown (not added) changes a class, a style or `hidden`.
    observer.observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style", "hidden"],
    });
  };

  const reload = () => load().then(start, (e) => console.warn("tactful: settings:", e));
  reload();
  onChange(reload);
}
