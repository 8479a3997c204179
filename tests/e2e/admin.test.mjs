// Drives the admin console in headless Chromium against a running `tactful serve` whose
// default tenant is the token's: sign in, write a rule whose example fails, see the publish
// refused with the reason, fix it, publish, and see it fire through /v1/suggest.
// Usage: node admin.test.mjs http://127.0.0.1:PORT/ TOKEN ARTIFACT_DIR
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [url, token, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const fail = (msg) => { console.error("FAIL: " + msg); process.exitCode = 1; };
const rule = (flag) => JSON.stringify({
  id: "acme.jargon-sku", kind: "phrase", category: "jargon",
  message: "\"{match}\" is our internal word.", why: "Customers say product code.",
  phrases: ["sku"], examples: { flag: [flag], pass: ["Please send the product code."] },
}, null, 2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const external = [];
  page.on("request", (r) => { if (!r.url().startsWith(url)) external.push(r.url()); });
  await page.goto(url + "ui/");
  // Every form control has a label, and the sign-in works from the keyboard alone.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, textarea")]
    .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.id));
  if (unlabelled.length) fail("controls without a label: " + unlabelled.join(", "));
  await page.focus("#token");
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("who").textContent.includes("tenant acme"),
                             null, { timeout: 10000 });
  await page.screenshot({ path: `${artifacts}/1-signed-in.png`, fullPage: true });

  // A rule whose flag example marks words the rule does not flag: saved, but not published.
  await page.fill("#rule-json", rule("Please send the [[part number]]."));
  await page.click("#save");
  await page.locator("#problems", { hasText: "will not publish yet" }).waitFor({ timeout: 10000 });
  await page.click("#publish");
  const refused = page.locator("#problems", { hasText: "Refused" });
  await refused.waitFor({ timeout: 10000 });
  const reason = await refused.textContent();
  if (!reason.includes("not flagged") || !reason.includes("$.examples.flag[0]"))
    fail("the refusal does not give the reason and where: " + reason);
  await page.screenshot({ path: `${artifacts}/2-publish-refused.png`, fullPage: true });
  let r = await fetch(url + "v1/suggest", { method: "POST", body: JSON.stringify({ draft: "What is the SKU?" }) });
  if ((await r.text()).includes("acme.jargon-sku")) fail("a refused rule serves");

  // Fixed: it publishes, and agents' checks use it at once.
  await page.fill("#rule-json", rule("Please send the [[SKU]]."));
  await page.click("#save");
  await page.locator("#problems", { hasText: "Saved as version 2." }).waitFor({ timeout: 10000 });
  await page.click("#publish");
  await page.locator("#problems", { hasText: "Published version 1" }).waitFor({ timeout: 10000 });
  await page.locator("#versions tbody tr", { hasText: "(serving)" }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${artifacts}/3-published.png`, fullPage: true });
  r = await fetch(url + "v1/suggest", { method: "POST", body: JSON.stringify({ draft: "What is the SKU?" }) });
  const report = await r.json();
  if (!report.suggestions.some((s) => s.rule === "acme.jargon-sku"))
    fail("the published rule does not fire through /v1/suggest: " + JSON.stringify(report.suggestions));

  // Trying a draft shows the hints without publishing anything.
  await page.fill("#sample", "Send me the SKU please.");
  await page.click("#try");
  await page.locator("#hints li", { hasText: "acme.jargon-sku" }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${artifacts}/4-dry-run.png`, fullPage: true });

  if (errors.length) fail("page errors: " + errors.join("; "));
  if (external.length) fail("requests outside the server (no CDN allowed): " + external.join(", "));
  if (!process.exitCode) console.log(`ok: refused with "${reason.slice(0, 80)}…", then published and fired`);
} catch (e) {
  fail(String(e));
} finally {
  await browser.close();
}
