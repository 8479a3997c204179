// What the browser tests share: Debian's chromium driven by playwright-core (headless, no
// sandbox: tests run as root in CI), a page that records its script errors and every request
// that leaves the server under test (no CDN may be used), and an axe-core accessibility audit.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

// A new page on `browser`; `errors` and `external` fill as it runs.
export async function openPage(browser, baseUrl, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const external = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(baseUrl) && !r.url().startsWith("blob:")) external.push(r.url()); });
  return { page, errors, external };
}

// Failures are collected, not thrown, so one run reports every broken expectation.
export function reporter() {
  const failures = [];
  const fail = (msg) => { failures.push(msg); console.error("FAIL: " + msg); process.exitCode = 1; };
  const check = (cond, msg) => { if (!cond) fail(msg); return cond; };
  return { failures, fail, check };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Runs axe-core (WCAG 2 A/AA rules) in the page; the serious and critical violations, each as
// "rule-id: help (selectors)". The script comes from the test's node_modules, never from tactful.
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern: the policy stays as strict as in production.
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")})`);
}

// Presses Tab until the focused element matches `selector` (at most `max` presses): proof that
// the control is reachable from the keyboard. Returns whether it was reached.
export async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press("Tab");
  }
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Waits until `fn(arg)`, evaluated in the page, is truthy (polled every 50 ms), or throws after
 *  `timeout` ms. For pages with a strict Content-Security-Policy: page.waitForFunction polls
 *  through eval when its first check fails, which a policy without 'unsafe-eval' blocks. */
export async function waitUntil(page, fn, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`waitUntil: timed out after ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
