// Drives the demo page in headless Chromium against a running `tactful serve`:
// the page connects over the WebSocket, shows hints for the draft, applies a one-click fix,
// and the hint goes away. Usage: node demo.test.mjs http://127.0.0.1:PORT/
import { launch, openPage, reporter, waitUntil } from "./browser.mjs";

const url = process.argv[2];
const { fail } = reporter();

const browser = await launch();
try {
  const { page, errors, external } = await openPage(browser, url);
  await page.goto(url);
  await page.waitForSelector("#status.live", { timeout: 10000 });
  // The default draft has policy language: a hint card with a fix button appears.
  const card = page.locator("#hints li", { hasText: "policy" }).first();
  await card.waitFor({ timeout: 10000 });
  const before = await page.locator("#hints li").count();
  if (before < 3) fail(`expected several hints, got ${before}`);
  const marks = await page.locator("#mirror mark").count();
  if (marks < 1) fail("no underlined words in the draft");
  await card.locator("button").first().click();  // the first replacement
  // Polled from outside: the page's Content-Security-Policy forbids eval (waitForFunction's way).
  await waitUntil(page, () => !document.getElementById("draft").value.includes("Per our policy"));
  await waitUntil(page, (n) => document.querySelectorAll("#hints li").length < n, before);
  // Typing updates the hints live.
  await page.fill("#draft", "Calm down.");
  await page.locator("#hints li", { hasText: "dismissive" }).first().waitFor({ timeout: 10000 });
  if (errors.length) fail("page errors: " + errors.join("; "));
  if (external.length) fail("requests outside the server (no CDN allowed): " + external.join(", "));
  if (!process.exitCode) console.log(`ok: ${before} hints, fix applied, live update`);
} catch (e) {
  fail(String(e));
} finally {
  await browser.close();
}
