// The Zendesk app's sidebar page in headless Chromium with a fake ZAF client (fake_zaf.js in place
// of Zendesk's SDK): it coaches the reply with the ticket's conversation, applies a fix through
// comment.text keeping the HTML, and its ticket.save hook warns, blocks when the admin says so,
// lets a clean reply through, and never blocks when the server is down.
// Usage: node zendesk.test.mjs TACTFUL_BINARY ARTIFACT_DIR ZENDESK_APP_DIR
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tactful, collectPageErrors, failer, launchBrowser, serveStatic } from "./harness.mjs";

const [bin, artifacts, app] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const { fail } = failer();
const KEY = "agent-key-zendesk-0123456789";
const SDK = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";

const assets = await serveStatic(app);
const tactful = new Tactful(bin, { api_keys: [KEY], cors_origins: [assets.origin] });
await tactful.start();
const browser = await launchBrowser();
const conversation = [
  { author: { role: "end-user" }, message: { content: "<p>I was charged <b>TWICE</b> for my order!</p>", contentType: "text/html" }, timestamp: "2026-11-22T10:00:00Z" },
  { author: { role: "agent" }, message: { content: "We are looking into it.", contentType: "text/plain" }, timestamp: "2026-11-22T10:05:00Z" },
];

async function open(settings, rich = true) {
  const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
  const errors = collectPageErrors(page);
  await page.route(SDK, (route) => route.fulfill({ contentType: "text/javascript", body: readFileSync(join(here, "fake_zaf.js")) }));
  await page.addInitScript((state) => { window.__zafState = state; }, { settings: { server_url: tactful.url, api_key: KEY, ...settings }, conversation, rich });
  await page.goto(assets.url + "assets/iframe.html");
  return { page, errors };
}
const card = (page, rule) => page.locator(".tactful-panel").locator(`.card[data-rule="${rule}"]`);

try {
  // Warn mode, rich text.
  const { page, errors } = await open({ block_on_warnings: false });
  await page.locator(".tactful-panel").locator(".dot[data-status=live]").waitFor({ timeout: 10000 });
  await page.evaluate(() => window.fakeZendesk.type("<p>Hi Dana,</p><p>Per our policy, refunds take <b>5-10 days</b>.</p>"));
  await card(page, "policy.per-policy").waitFor({ timeout: 10000 });
  // The apology for the double charge is owed only because of the ticket's conversation.
  await card(page, "apology.owed.double-charge").waitFor({ timeout: 10000 }).catch(() => fail("the ticket's conversation was not used"));
  await page.screenshot({ path: `${artifacts}/1-sidebar.png`, fullPage: true });
  await card(page, "policy.per-policy").locator("button", { hasText: "→ Here's how this works:" }).click();
  await page.waitForFunction(() => window.fakeZendesk.comment().includes("Here's how this works:"), null, { timeout: 5000 });
  const html = await page.evaluate(() => window.fakeZendesk.comment());
  if (html !== "<p>Hi Dana,</p><p>Here's how this works: refunds take <b>5-10 days</b>.</p>") fail(`the fix wrote ${html}`);
  await card(page, "policy.per-policy").waitFor({ state: "detached", timeout: 5000 });

  // Saving with a warning: allowed, with a warning notification.
  await page.evaluate(() => window.fakeZendesk.type("<p>Calm down, it is what it is.</p>"));
  const warned = await page.evaluate(() => window.fakeZendesk.save());
  const notes = await page.evaluate(() => window.fakeZendesk.notifications);
  if (!warned.allowed) fail("warn mode blocked the save");
  if (!notes.some((n) => n.kind === "alert" && n.message.includes("Calm down"))) fail(`no warning on save: ${JSON.stringify(notes)}`);

  // Block mode: the same reply is refused, with the reason; dismissing the warnings lets it through.
  const blocked = await open({ block_on_warnings: true });
  await blocked.page.locator(".tactful-panel").locator(".dot[data-status=live]").waitFor({ timeout: 10000 });
  await blocked.page.evaluate(() => window.fakeZendesk.type("<p>Calm down.</p>"));
  const refused = await blocked.page.evaluate(() => window.fakeZendesk.save());
  if (refused.allowed || !refused.message.includes("Calm down")) fail(`block mode did not refuse with the reason: ${JSON.stringify(refused)}`);
  await blocked.page.screenshot({ path: `${artifacts}/2-blocked.png`, fullPage: true });
  for (let i = 0; i < 5; i++) {
    const rules = await blocked.page.evaluate(() =>
      [...document.querySelector(".tactful-panel").shadowRoot.querySelectorAll(".card.warning")].map((c) => c.dataset.rule));
    if (!rules.length) break;
    await card(blocked.page, rules[0]).locator("button.dismiss").click();
    await card(blocked.page, rules[0]).waitFor({ state: "detached", timeout: 5000 });
  }
  const allowed = await blocked.page.evaluate(() => window.fakeZendesk.save());
  if (!allowed.allowed) fail(`a reply with its warnings dismissed was still blocked: ${allowed.message}`);

  // Plain text (rich editor off): the fix edits the text as it is.
  const plain = await open({}, false);
  await plain.page.evaluate(() => window.fakeZendesk.type("We will fix it ASAP."));
  await card(plain.page, "vague.soon").waitFor({ timeout: 10000 }).catch(() => {});
  const soon = await plain.page.evaluate(() =>
    [...document.querySelector(".tactful-panel").shadowRoot.querySelectorAll(".card")].map((c) => c.dataset.rule));
  const fixable = soon.includes("vague.soon") ? "vague.soon" : "playbook.double-charge";
  await card(plain.page, fixable).locator("button.fix").first().click();
  await plain.page.waitForFunction(() => !window.fakeZendesk.comment().includes("ASAP"), null, { timeout: 5000 })
    .catch(async () => fail(`the plain-text fix left ${await plain.page.evaluate(() => window.fakeZendesk.comment())}`));
  if ((await plain.page.evaluate(() => window.fakeZendesk.comment())).includes("<")) fail("the plain-text draft got markup");

  // The server stops: the save goes through (never blocked by an outage), saying it was not checked.
  await tactful.stop();
  await blocked.page.locator(".tactful-panel").locator(".dot[data-status=offline]").waitFor({ timeout: 10000 });
  await blocked.page.evaluate(() => window.fakeZendesk.type("<p>Calm down, you should have read the FAQ.</p>"));
  const outage = await blocked.page.evaluate(() => window.fakeZendesk.save());
  const outageNotes = await blocked.page.evaluate(() => window.fakeZendesk.notifications);
  if (!outage.allowed) fail("a save was blocked while the server was down");
  if (!outageNotes.some((n) => n.message.includes("could not check"))) fail("no notice that the reply was not checked");
  await blocked.page.screenshot({ path: `${artifacts}/3-offline.png`, fullPage: true });

  const all = [...errors, ...blocked.errors, ...plain.errors];
  if (all.length) fail("page errors: " + all.join("; "));
  if (!process.exitCode) console.log("ok: coached with the conversation, fix kept the HTML, save warned, blocked, allowed, outage let through");
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser.close();
  await tactful.cleanup();
  assets.close();
}
