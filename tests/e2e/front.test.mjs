// The Front plugin (/widget/front.html) framed by a stand-in Front that speaks the plugin SDK's
// bridge protocol: it reads the conversation's draft and messages through the SDK, coaches the
// draft, and writes a fix back with updateDraft, keeping the HTML.
// Usage: node front.test.mjs TACTFUL_BINARY ARTIFACT_DIR
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tactful, collectPageErrors, settledStyle, failer, launchBrowser, serveStatic } from "./harness.mjs";

const [bin, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const { fail } = failer();
const KEY = "agent-key-front-0123456789";

const front = await serveStatic(join(here, "helpdesk"));
const tactful = new Tactful(bin, { api_keys: [KEY], widget: { frame_origins: [front.origin] } });
await tactful.start();
const browser = await launchBrowser();

try {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const errors = collectPageErrors(page);
  await page.goto(`${front.url}front-parent.html?app=${encodeURIComponent(`${tactful.url}widget/front.html#key=${KEY}`)}`);
  const panel = page.frameLocator("#app").locator(".tactful-panel");
  await panel.locator('.card[data-rule="policy.per-policy"]').waitFor({ timeout: 15000 });
  // The apology for a double charge is owed only because of the conversation's messages.
  await panel.locator('.card[data-rule="apology.owed.double-charge"]').waitFor({ timeout: 5000 })
    .catch(() => fail("the conversation's messages were not used"));
  await page.screenshot({ path: `${artifacts}/1-front-plugin.png` });
  // Styled under the page's Content-Security-Policy (no inline styles allowed).
  const dot = await settledStyle(panel.locator(".card .sev"), "width", "8px");
  if (dot !== "8px") fail(`the cards are not styled (severity dot ${dot} wide)`);
  await panel.locator('.card[data-rule="policy.per-policy"] button', { hasText: "→ Here's how this works:" }).click();
  await page.waitForFunction(() => window.front.updates.length > 0, null, { timeout: 5000 });
  const [update] = await page.evaluate(() => window.front.updates);
  if (update.updateMode !== "replace" || update.content.type !== "html" ||
      update.content.body !== "<div>Hi Dana,</div><div>Here's how this works: refunds take 5-10 days.</div>")
    fail(`the fix wrote ${JSON.stringify(update)}`);
  await panel.locator('.card[data-rule="policy.per-policy"]').waitFor({ state: "detached", timeout: 5000 });
  // The agent keeps typing in Front: the plugin polls the draft and coaches the new words.
  await page.evaluate(() => { window.front.draft = "<div>Calm down, it is what it is.</div>"; });
  await panel.locator('.card[data-rule="dismissive.calm-down"]').waitFor({ timeout: 10000 });
  const calls = await page.evaluate(() => window.front.calls);
  for (const name of ["fetchDraft", "listMessages", "updateDraft"]) if (!calls.includes(name)) fail(`the plugin never called ${name}`);
  if (errors.length) fail("page errors: " + errors.join("; "));
  if (!process.exitCode) console.log("ok: draft and messages read through the SDK bridge, fix written back with updateDraft, polling");
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser.close();
  await tactful.cleanup();
  front.close();
}
