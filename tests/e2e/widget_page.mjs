// In-page probes of the agent widget for the browser tests: its underlines, cards, badge and
// status, read from the widget's (open) shadow roots. Widget i is the i-th attached editor.

export function widgetProbe(page) {
  const root = "document.querySelectorAll('tactful-widget')";
  /** The visible underline bars of widget i (optionally of one rule), with their boxes. */
  const bars = (i, rule) => page.evaluate(([i, rule]) => {
    const host = document.querySelectorAll("tactful-widget")[i];
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll(".underline")]
      .filter((b) => !b.hidden && (!rule || b.dataset.rule === rule))
      .map((b) => { const r = b.getBoundingClientRect(); return { rule: b.dataset.rule, x: r.x, y: r.y, w: r.width, h: r.height }; });
  }, [i, rule ?? null]);
  /** Waits until widget i's popover shows `rule`'s card. */
  const waitCard = (i, rule, timeout = 10000) => page.waitForFunction(([i, rule]) => {
    const pop = document.querySelectorAll("tactful-widget")[i]?.shadowRoot.querySelector(".popover");
    return !!pop && !pop.hidden && !!pop.querySelector(`.card[data-rule="${rule}"]`);
  }, [i, rule], { timeout });
  return {
    bars,

    /** Waits until widget i shows (or, with present=false, stops showing) an underline of `rule`;
     *  returns the milliseconds since the last key press on the page. */
    waitBar: async (i, rule, present = true, timeout = 10000) => {
      const h = await page.waitForFunction(([i, rule, present]) => {
        const host = document.querySelectorAll("tactful-widget")[i];
        const has = !!host && [...host.shadowRoot.querySelectorAll(".underline")].some((b) => !b.hidden && b.dataset.rule === rule);
        return has === present ? performance.now() - (window.__lastKey ?? 0) : false;
      }, [i, rule, present], { polling: "raf", timeout });
      return h.jsonValue();
    },

    status: (i) => page.evaluate((i) => document.querySelectorAll("tactful-widget")[i]?.shadowRoot.querySelector(".badge")?.dataset.status, i),
    waitStatus: (i, status, timeout = 10000) => page.waitForFunction(([i, status]) =>
      document.querySelectorAll("tactful-widget")[i]?.shadowRoot.querySelector(".badge")?.dataset.status === status,
      [i, status], { timeout }),

    /** The cards in widget i's open popover: rule and button labels. */
    cards: (i) => page.evaluate((i) => {
      const pop = document.querySelectorAll("tactful-widget")[i]?.shadowRoot.querySelector(".popover");
      if (!pop || pop.hidden) return [];
      return [...pop.querySelectorAll(".card")].map((c) => ({ rule: c.dataset.rule, buttons: [...c.querySelectorAll("button")].map((b) => b.textContent) }));
    }, i),
    waitCard,
    /** Points at `rule`'s underline in widget i until its card opens. An answer arriving meanwhile
     *  redraws the underlines (a busy machine makes that likely), so the bar is read again and
     *  the pointer moved again until the card shows or `timeout` ms pass. */
    hoverCard: async (i, rule, timeout = 15000) => {
      const until = Date.now() + timeout;
      for (let attempt = 0; ; ++attempt) {
        const shown = await bars(i, rule);
        const bar = shown.find((b) => b.w > 40) ?? shown[0];
        if (bar) {
          if (attempt > 0) await page.mouse.move(0, 0);  // leave, so the next move is a new hover
          await page.mouse.move(bar.x + bar.w / 2, bar.y + bar.h / 2);
        }
        const left = until - Date.now();
        if (left <= 0) throw new Error(`no card for ${rule} after pointing at its underline for ${timeout} ms`);
        const opened = await waitCard(i, rule, Math.min(left, 2500)).then(() => true, () => false);
        if (opened) return;
      }
    },
    /** Clicks the button of `rule`'s card whose label starts with `label`. */
    press: (i, rule, label) => page.locator(`tactful-widget >> nth=${i}`).locator(`.popover .card[data-rule="${rule}"] button`, { hasText: label }).first().click(),

    meter: (i) => page.evaluate((i) => {
      const m = document.querySelectorAll("tactful-widget")[i]?.shadowRoot.querySelector(".badge .meter");
      return m && !m.hidden ? Number(m.getAttribute("aria-valuenow")) : null;
    }, i),
    focusedButton: (i) => page.evaluate((i) => document.querySelectorAll("tactful-widget")[i]?.shadowRoot.activeElement?.textContent ?? null, i),
    hosts: () => page.evaluate(() => document.querySelectorAll("tactful-widget").length),
    root,
  };
}

/** Records the time of every key press in the page (window.__lastKey), for latency figures. */
export async function trackKeys(page) {
  await page.evaluate(() => document.addEventListener("keydown", () => { window.__lastKey = performance.now(); }, true));
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
