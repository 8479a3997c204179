// The Chatwoot dashboard app (/widget/chatwoot.html) framed by a stand-in Chatwoot page: it asks
// for the context, coaches the last reply sent (read-only cards), lists tactful's notes, coaches
// a draft typed in its box with the conversation as context; it ignores a conversation posted by
// a frame of another origin, and refuses to be framed by an origin not in widget.frame_origins.
// Usage: node chatwoot.test.mjs TACTFUL_BINARY ARTIFACT_DIR
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tactful, collectPageErrors, settledStyle, failer, launchBrowser, serveStatic } from "./harness.mjs";

const [bin, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const { fail } = failer();
const KEY = "agent-key-chatwoot-0123456789";

const chatwoot = await serveStatic(join(here, "helpdesk"));
const tactful = new Tactful(bin, { api_keys: [KEY], widget: { frame_origins: [chatwoot.origin] } });
await tactful.start();
const browser = await launchBrowser();
const appUrl = `${tactful.url}widget/chatwoot.html#key=${KEY}`;
const forger = chatwoot.url.replace("127.0.0.1", "localhost") + "forge.html";

try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  const errors = collectPageErrors(page);
  await page.goto(`${chatwoot.url}chatwoot-parent.html?app=${encodeURIComponent(appUrl)}&forge=${encodeURIComponent(forger)}`);
  const app = page.frameLocator("#app");
  const panel = app.locator(".tactful-panel").first();
  await panel.locator('.card[data-rule="policy.per-policy"]').waitFor({ timeout: 15000 });
  await panel.locator('.card[data-rule="dismissive.calm-down"]').waitFor({ timeout: 5000 });
  if (await panel.locator("button.fix").count()) fail("a sent reply's card offers to apply a fix");
  // Styled under the page's Content-Security-Policy (no inline styles allowed).
  const dot = await settledStyle(panel.locator(".card .sev"), "width", "8px");
  if (dot !== "8px") fail(`the cards are not styled (severity dot ${dot} wide)`);
  if (!(await panel.locator(".card .try", { hasText: "Try:" }).count())) fail("no suggested wording on the sent reply's cards");
  if (!(await app.locator("pre").first().textContent()).startsWith("tactful post-send check:")) fail("tactful's note is not listed");
  if (!(await app.locator("p.note").first().textContent()).includes("Dana")) fail("the contact's name is not shown");
  if (await page.evaluate(() => window.fetchInfoRequests) < 1) fail("the app never asked Chatwoot for the context");

  // The draft box: the inline widget with the conversation as context.
  await app.locator("#draft").click();
  await page.keyboard.type("Your refund is on its way.", { delay: 5 });
  // (Locators, not page functions: the app's CSP allows no eval, which waitForFunction needs.)
  await app.locator('tactful-widget .underline[data-rule="apology.owed.double-charge"]:not([hidden])').first()
    .waitFor({ state: "attached", timeout: 10000 }).catch(() => fail("the draft box was not coached with the conversation"));

  // The forged conversation from the other origin's frame was ignored.
  await page.waitForTimeout(1000);
  const warned = await app.locator("p.warning").textContent();
  if (!warned.includes("Ignored a conversation sent by http://localhost")) fail(`the forged context was not reported as ignored: "${warned}"`);
  if (!(await app.locator("p.note").first().textContent()).includes("Dana")) fail("the forged context replaced the conversation");
  if (await panel.locator('.card[data-rule="blame.should-have"]').count()) fail("the forged reply was coached");
  await page.screenshot({ path: `${artifacts}/1-chatwoot-app.png` });

  // A page of an origin not in widget.frame_origins cannot frame the app at all.
  const other = await browser.newPage();
  const blocked = [];
  other.on("console", (m) => { if (m.text().includes("frame-ancestors")) blocked.push(m.text()); });
  await other.goto(`${forger.replace("forge.html", "chatwoot-parent.html")}?app=${encodeURIComponent(appUrl)}`);
  await other.waitForTimeout(1500);
  const framed = other.frames().find((f) => f.url().startsWith(`${tactful.url}widget/chatwoot.html`));
  const loaded = framed ? await framed.evaluate(() => !!document.getElementById("app")).catch(() => false) : false;
  if (loaded) fail("the app loaded inside a frame of an origin not in widget.frame_origins");
  if (!blocked.length) fail("no frame-ancestors refusal was reported");

  if (errors.length) fail("page errors: " + errors.join("; "));
  if (!process.exitCode) console.log("ok: last reply coached read-only, notes listed, draft box coached, forged context ignored, framing refused");
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser.close();
  await tactful.cleanup();
  chatwoot.close();
}
