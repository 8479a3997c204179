// The browser extension, loaded unpacked into headless Chromium: set the server and key in its
// options page, add the stand-in helpdesk as a site with its selectors, and the widget coaches
// the helpdesk's reply boxes with the conversation read from the page; a site that is not
// enabled gets nothing, and switching the site off stops it.
//
// Chrome's permission prompt cannot be answered in headless mode, so the test loads a copy of the
// extension whose manifest already grants http://127.0.0.1/* (what the agent's click on "Allow"
// grants); everything after the prompt — the options page, the content-script registration, the
// page reading and the widget — is the shipped extension's.
// Usage: node extension.test.mjs TACTFUL_BINARY ARTIFACT_DIR EXTENSION_DIR
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tactful, collectPageErrors, failer, launchWithExtension, serveStatic } from "./harness.mjs";
import { widgetProbe } from "./widget_page.mjs";

const [bin, artifacts, built] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const { fail } = failer();
const KEY = "agent-key-dana-0123456789";

const work = mkdtempSync(join(tmpdir(), "tactful-ext-"));
const ext = join(work, "extension");
cpSync(built, ext, { recursive: true });
const manifest = JSON.parse(readFileSync(join(ext, "manifest.json"), "utf8"));
manifest.host_permissions = ["http://127.0.0.1/*"];
writeFileSync(join(ext, "manifest.json"), JSON.stringify(manifest));

const helpdesk = await serveStatic(join(here, "helpdesk"));
const tactful = new Tactful(bin, { api_keys: [{ key: KEY, tenant: "acme", agent: "dana" }], cors_origins: [helpdesk.origin] });
await tactful.start();
const context = await launchWithExtension(ext, join(work, "profile"));

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 10000 }));
  const id = new URL(worker.url()).host;

  // The options page: server, key, then the site with selectors for this helpdesk.
  const options = await context.newPage();
  const optionErrors = collectPageErrors(options);
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.fill("#server", tactful.url);
  await options.fill("#key", KEY);
  await options.fill("#agent", "dana");
  await options.click("#save");
  await options.locator("#server-status", { hasText: "the key names you as an agent" }).waitFor({ timeout: 10000 });
  await options.fill("#new-site", helpdesk.origin);
  await options.click("#add");
  await options.locator("#add-status", { hasText: `Coaching on ${helpdesk.origin}` }).waitFor({ timeout: 10000 });
  const site = options.locator(`.site[data-origin="${helpdesk.origin}"]`);
  await site.locator("summary .origin").click();
  if ((await site.locator(".preset").inputValue()) !== "generic") fail("a 127.0.0.1 site should get the generic preset");
  await site.locator('[data-key="editor"]').fill("#reply, #rich");
  await site.locator('[data-key="messages"]').fill("#thread .message");
  await site.locator('[data-key="customer"]').fill('[data-role="customer"]');
  await site.locator('[data-key="text"]').fill(".body");
  await site.locator(".apply").click();
  await options.locator("#add-status", { hasText: "saved" }).waitFor({ timeout: 10000 });
  await options.screenshot({ path: `${artifacts}/1-options.png`, fullPage: true });

  // The helpdesk: the widget on both reply boxes, coaching with the page's conversation.
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const w = widgetProbe(page);
  await page.goto(helpdesk.url);
  await page.waitForFunction(() => document.querySelectorAll("tactful-widget").length === 2, null, { timeout: 10000 })
    .catch(() => fail("the extension did not attach the widget to both reply boxes"));
  await w.waitStatus(0, "live");
  await page.click("#reply");
  await page.keyboard.type("Per our policy, refunds take 5-10 days.", { delay: 5 });
  await w.waitBar(0, "policy.per-policy");
  // Only the customer's words in the page ("charged TWICE") make an apology for a double charge owed.
  await w.waitBar(0, "apology.owed.double-charge").catch(() => fail("the conversation on the page was not used"));
  await w.hoverCard(0, "policy.per-policy");
  await page.screenshot({ path: `${artifacts}/2-helpdesk.png` });
  await w.press(0, "policy.per-policy", "→ Here's how this works:");
  const value = await page.inputValue("#reply");
  if (!value.startsWith("Here's how this works:")) fail(`the fix in the extension gave "${value}"`);
  await page.click("#rich");
  await page.keyboard.type("Calm down.", { delay: 5 });
  await w.waitBar(1, "dismissive.calm-down");

  // Another origin (the same server as localhost) is not enabled: nothing runs there.
  const other = await context.newPage();
  await other.goto(helpdesk.url.replace("127.0.0.1", "localhost"));
  await other.waitForTimeout(1500);
  if (await other.evaluate(() => document.querySelectorAll("tactful-widget").length)) fail("the widget ran on a site that is not enabled");

  // Switched off in the options: gone after a reload.
  await options.bringToFront();
  await site.locator(".enabled").uncheck();
  await options.waitForTimeout(500);
  await page.reload();
  await page.waitForTimeout(1500);
  if (await page.evaluate(() => document.querySelectorAll("tactful-widget").length)) fail("the widget still runs on a site switched off");

  if (errors.length) fail("page errors: " + errors.join("; "));
  if (optionErrors.length) fail("options page errors: " + optionErrors.join("; "));
  if (!process.exitCode) console.log("ok: options saved, site added with selectors, widget attached with the page's conversation, off switch");
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await context.close();
  await tactful.cleanup();
  helpdesk.close();
  rmSync(work, { recursive: true, force: true });
}
