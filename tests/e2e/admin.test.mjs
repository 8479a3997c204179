// Drives the admin console (/ui/) in headless Chromium against a running `tactful serve` whose
// default tenant is the token's, with ten days of feedback seeded (run_admin.sh):
//   1. from the keyboard alone: sign in, write a rule in the form whose example fails, see the
//      inline validation and the refused publish with the reason, fix it, publish; the rule
//      then fires through /v1/suggest;
//   2. a dry-run, the JSON editor's path-located problems, a team, an override form round trip,
//      a publish from the versions view, a rollback after reading its diff;
//   3. the analytics charts drawn from the seeded feedback, a CSV download, the audit log;
//   4. axe-core on every view (serious or critical violations fail), no page errors, no
//      request leaving the server, and sign-out forgetting the token.
//   5. integrations: create one whose notes lack a credential, see the problem beside the field,
//      fix it, see it listed with its secrets set but never shown, update it with the secret
//      fields left empty (kept), delete it after a confirmation;
//   6. a viewer token sees the console without the controls that change anything.
// Usage: node admin.test.mjs http://127.0.0.1:PORT/ TOKEN ARTIFACT_DIR VIEWER_TOKEN
import { mkdirSync, readFileSync } from "node:fs";
import { axeViolations, launch, openPage, reporter, tabTo } from "./browser.mjs";

const [url, token, artifacts, viewerToken] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const { fail, check } = reporter();
const T = { timeout: 30000 };
let shot = 0;

async function suggest(body) {
  const r = await fetch(url + "v1/suggest", { method: "POST", body: JSON.stringify(body) });
  return (await r.json()).suggestions;
}

const browser = await launch();
try {
  const { page, errors, external } = await openPage(browser, url, { viewport: { width: 1200, height: 900 } });
  const snap = async (name) => page.screenshot({ path: `${artifacts}/${String(++shot).padStart(2, "0")}-${name}.png`, fullPage: true });
  const audit = async (view) => {
    const v = await axeViolations(page);
    if (v.length) fail(`axe on ${view}: ${v.join(" | ")}`);
  };
  // Keyboard only: Tab to a control, select what is there, type.
  const typeInto = async (selector, text) => {
    if (!(await tabTo(page, selector, 150))) return fail(`${selector} cannot be reached with Tab`);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text);
  };
  const press = async (selector, key = "Enter") => {
    if (!(await tabTo(page, selector, 150))) return fail(`${selector} cannot be reached with Tab`);
    await page.keyboard.press(key);
  };
  const status = (selector, text) => page.locator(selector, { hasText: text }).waitFor(T);

  // --- 1. Keyboard only: sign in -> a refused rule -> fixed -> published --------------------
  await page.goto(url + "ui/");
  await audit("sign-in");
  await typeInto("#token", token);
  await page.keyboard.press("Enter");
  await status("#who", "tenant acme");
  await page.locator("#rules-h").waitFor(T);
  check(await page.evaluate(() => document.activeElement?.id === "rules-h"), "focus does not move to the opened view's heading");
  await snap("signed-in-rules");
  await audit("rules");
  // Built-in rules carry their documentation and examples.
  await page.fill("#builtin-search", "calm-down");
  const calm = page.locator('details[data-rule="dismissive.calm-down"]');
  await calm.locator("summary").focus();
  await page.keyboard.press("Enter");
  check((await calm.textContent()).includes("[["), "a built-in rule shows no marked example");

  await press('#nav a[href="#write"]');
  await page.locator("#write-h").waitFor(T);
  await audit("write");
  await typeInto("#rf-id", "acme.jargon-sku");
  await typeInto("#rf-phrases", "sku");
  await typeInto("#rf-examples-flag", "Please send the [[part number]].");
  await typeInto("#rf-examples-pass", "Please send the product code.");
  // Inline validation as you type: the problem sits next to the field its path names.
  await status('[data-key="examples.flag"] .field-error', "not flagged");
  check(await page.getAttribute("#rf-examples-flag", "aria-invalid") === "true", "the failing field is not marked aria-invalid");
  await snap("inline-validation");
  if (await tabTo(page, "#save", 150)) {  // focus is visible: a real outline, not removed
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + " " +
                                               getComputedStyle(document.activeElement).outlineWidth);
    check(!outline.startsWith("none") && parseFloat(outline.split(" ")[1]) >= 2, "no visible focus outline: " + outline);
  }
  await press("#save");
  await status("#editor-status", "will not publish yet");
  await press("#publish");
  await status("#editor-status", "Refused");
  const reason = await page.locator("#editor-status").textContent();
  check(reason.includes("not flagged") && reason.includes("$.examples.flag[0]"), "the refusal lacks the reason or path: " + reason);
  await snap("publish-refused");
  check(!(await suggest({ draft: "What is the SKU?" })).some((s) => s.rule === "acme.jargon-sku"), "a refused rule serves");

  await typeInto("#rf-examples-flag", "Please send the [[SKU]].");
  await status("#validity", "Valid");
  await press("#save");
  await status("#editor-status", "Saved as version 2.");
  await press("#publish");
  await status("#editor-status", "Published version 1");
  await snap("published");
  check((await suggest({ draft: "What is the SKU?" })).some((s) => s.rule === "acme.jargon-sku"),
        "the published rule does not fire through /v1/suggest");

  // --- 2. Dry-run, JSON editing, teams, overrides, versions ---------------------------------
  await page.fill("#sample", "Send me the SKU please, calm down.");
  await page.click("#try");
  await page.locator("#hints li.mine", { hasText: "acme.jargon-sku" }).waitFor(T);
  await snap("dry-run");
  await page.check("#mode-json");
  check((await page.inputValue("#rule-json")).includes('"acme.jargon-sku"'), "the JSON view does not hold the form's rule");
  const json = JSON.parse(await page.inputValue("#rule-json"));
  await page.fill("#rule-json", JSON.stringify({ ...json, severity: "urgent" }, null, 2));
  await status("#json-problems", "$.rule.severity");
  await snap("json-problem");
  await page.fill("#rule-json", JSON.stringify(json, null, 2));
  await page.check("#mode-form");
  check(await page.inputValue("#rf-id") === "acme.jargon-sku", "switching back to the form lost the rule");

  await page.click('#nav a[href="#teams"]');
  await page.locator("#teams-h").waitFor(T);
  await page.fill("#team-id", "billing");
  await page.fill("#team-name", "Billing");
  await page.click('#team-form button[type="submit"]');
  await status("#team-status", "Created team billing");
  await audit("teams");

  await page.click('#nav a[href="#overrides"]');
  await page.locator("#overrides-h").waitFor(T);
  await page.fill("#ov-rule", "dismissive.calm-down");
  await page.selectOption("#ov-severity", "hint");
  await page.fill("#ov-exceptions", "calm down the account");
  await page.fill("#ov-note", "billing talks about calming account limits");
  await status("#override-validity", "Valid");
  await page.click("#ov-save");
  await status("#override-status", "Saved the override of dismissive.calm-down");
  await page.fill("#ov-rule", "policy.per-policy");
  await page.selectOption("#ov-team", "billing");
  await page.selectOption("#ov-enabled", "false");
  await page.selectOption("#ov-severity", "");
  await page.fill("#ov-exceptions", "");
  await page.fill("#ov-note", "billing may cite policy");
  await page.click("#ov-save");
  await status("#override-status", "for team billing");
  await audit("overrides");
  // Round trip: after a reload (the token stays in this tab) the form shows what was stored.
  await page.reload();
  await page.locator("#overrides-h").waitFor(T);
  await page.click('button[aria-label="Edit the override of dismissive.calm-down"]');
  check(await page.inputValue("#ov-severity") === "hint", "the override's severity did not round-trip");
  check(await page.inputValue("#ov-exceptions") === "calm down the account", "the override's exceptions did not round-trip");
  await snap("overrides");

  await page.click('#nav a[href="#versions"]');
  await page.locator("#versions-h").waitFor(T);
  check((await page.locator(".diff").textContent()).includes("Override of policy.per-policy (team billing)"),
        "the unpublished diff does not list the team override");
  await page.click("#versions-publish");
  await status("#versions-status", "Published version 2");
  await audit("versions");
  const fires = async (draft, team) => (await suggest(team ? { draft, team } : { draft })).map((s) => s.rule);
  const policy = "Per our policy, refunds take 5 days.";
  check(!(await fires(policy, "billing")).includes("policy.per-policy"), "billing's override does not switch the rule off");
  check((await fires(policy)).includes("policy.per-policy"), "the team override leaks to the tenant");
  const calmHint = (await suggest({ draft: "Please calm down." })).find((s) => s.rule === "dismissive.calm-down");
  check(calmHint?.severity === "hint", "the tenant override's severity does not serve: " + JSON.stringify(calmHint));

  await page.click('button:text-is("Roll back to version 1")');
  await page.locator("#rollback-confirm:not([hidden])").waitFor(T);
  const diff = await page.locator("#rollback-confirm").textContent();
  check(diff.includes("removed: Override of dismissive.calm-down") && diff.includes('severity: − "hint"'),
        "the rollback's diff does not show what goes: " + diff);
  check(await page.evaluate(() => document.activeElement?.id === "rollback-yes"), "focus is not on the rollback confirmation");
  await snap("rollback-diff");
  await page.keyboard.press("Enter");
  await status("#versions-status", "Rolled back: version 3");
  check((await fires(policy, "billing")).includes("policy.per-policy"), "after the rollback billing's override still serves");
  await snap("rolled-back");

  // --- 3. Analytics, CSV, audit ----------------------------------------------------------------
  await page.click('#nav a[href="#analytics"]');
  await page.locator("#analytics-h").waitFor(T);
  await page.locator("#chart-noisy svg rect.segment").first().waitFor(T);
  const bars = await page.locator("#chart-noisy svg g.bar").evaluateAll((g) => g.map((x) => x.getAttribute("data-label")));
  check(bars[0] === "dismissive.calm-down", "the noisiest rule is not first: " + bars.join(", "));
  check(await page.locator("#chart-acceptance svg polyline").count() >= 1, "no acceptance-rate line");
  check(await page.locator("#chart-empathy svg g.series").count() === 2, "the empathy chart lacks a line per team");
  check(await page.locator("#chart-empathy svg circle").count() >= 10, "the empathy chart has too few points");
  await snap("analytics");
  await audit("analytics");
  const [download] = await Promise.all([page.waitForEvent("download", T), page.click("#csv-rules")]);
  const csv = readFileSync(await download.path(), "utf8");
  check(download.suggestedFilename() === "tactful-rules.csv" && csv.startsWith("rule,category,shown,"), "the CSV download is wrong: " + csv.slice(0, 80));
  check(csv.includes("dismissive.calm-down,dismissive,0,5,0,30,"), "the CSV lacks the seeded counts: " + csv);

  await page.click('#nav a[href="#audit"]');
  await page.locator("#audit-h").waitFor(T);
  const log = await page.locator("#audit-table").textContent();
  for (const action of ["rules.rollback", "rules.publish", "override.create", "team.create", "rule.update", "rule.create"])
    check(log.includes(action), `the audit view lacks ${action}`);
  await snap("audit");
  await audit("audit");

  // --- 5. Integrations: create with a problem, fix, list, update, delete -----------------------
  const webhookSecret = "whsec-e2e-5a4b3c2d1e0f", apiToken = "api-token-e2e-99887766";
  const api = async (method, path, body) => {
    const r = await fetch(url + path.slice(1), { method, headers: { Authorization: `Bearer ${token}` },
                                                 body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  };
  const secretsShown = () => page.evaluate((secrets) => {
    const texts = [document.body.innerHTML, ...[...document.querySelectorAll("input")].map((i) => i.value)];
    return secrets.filter((x) => texts.some((t) => t.includes(x)));
  }, [webhookSecret, apiToken]);
  await press('#nav a[href="#integrations"]');
  await page.locator("#integrations-h").waitFor(T);
  await audit("integrations");
  // Each vendor has its own form: Freshdesk must choose Basic (a user field) and needs api_key.
  await page.selectOption("#int-vendor", "freshdesk");
  await page.locator("#int-basic_user").waitFor(T);
  check(await page.locator("#int-credentials-api_key").count() === 1 && await page.locator("#int-credentials-account_id").count() === 0,
        "the Freshdesk form does not ask for its own credentials");
  await page.selectOption("#int-vendor", "chatwoot");
  await page.locator("#int-credentials-account_id").waitFor(T);
  check(await page.locator("#int-basic_user").count() === 0, "the Chatwoot form asks for a Basic user by default");
  await typeInto("#int-id", "cw-e2e");
  await page.selectOption("#int-team", "billing");
  await typeInto("#int-webhook_secret", webhookSecret);
  await press("#int-notes_enabled", "Space");
  await typeInto("#int-api_base_url", "https://chat.example.com");
  await typeInto("#int-credentials-api_access_token", apiToken);
  await press("#integration-save");
  await status("#int-credentials-account_id-error", "needs it to post notes");
  check(await page.getAttribute("#int-credentials-account_id", "aria-invalid") === "true", "the missing credential is not marked aria-invalid");
  check(await page.evaluate(() => document.activeElement?.id === "int-credentials-account_id"), "focus does not move to the field with the problem");
  await snap("integration-problem");
  await audit("integration problem");
  await page.keyboard.type("3");
  await press("#integration-save");
  await status("#integration-status", "Created integration cw-e2e");
  const row = page.locator("#view-integrations tr", { hasText: "cw-e2e" });
  const listed = await row.textContent();
  for (const part of ["Chatwoot", "billing", "on: warning and above", "webhook secret: set", "account_id: set", "api_access_token: set", "/v1/webhooks/chatwoot/cw-e2e"])
    check(listed.includes(part), `the integration's row lacks "${part}": ${listed}`);
  check((await secretsShown()).length === 0, "the page shows a secret after creating");
  await snap("integrations-list");

  await press('button[aria-label="Edit integration cw-e2e"]');
  await page.locator("#integration-form-h", { hasText: "Edit integration cw-e2e" }).waitFor(T);
  check((await page.locator('label[for="int-webhook_secret"]').textContent()).includes("leave empty to keep"), "the secret field does not say empty keeps it");
  check(await page.inputValue("#int-webhook_secret") === "" && await page.inputValue("#int-team") === "billing", "the edit form is not the stored integration");
  if (await tabTo(page, "#int-min_severity", 150)) await page.selectOption("#int-min_severity", "hint");
  else fail("#int-min_severity cannot be reached with Tab");
  await snap("integration-edit");
  await press("#integration-save");
  await status("#integration-status", "Saved integration cw-e2e (version 2)");
  const stored = (await api("GET", "/v1/admin/integrations/cw-e2e")).body;
  check(stored.notes?.min_severity === "hint" && stored.webhook_secret?.set === true &&
        stored.api_credentials?.account_id?.set === true && stored.api_credentials?.api_access_token?.set === true,
        "the update did not keep the secrets or change the severity: " + JSON.stringify(stored));
  check((await secretsShown()).length === 0, "the page shows a secret after updating");

  await press('button[aria-label="Delete integration cw-e2e"]');
  await page.locator("#integration-confirm:not([hidden])").waitFor(T);
  check(await page.evaluate(() => document.activeElement?.id === "integration-confirm-delete"), "focus is not on the delete confirmation");
  await snap("integration-delete");
  await page.keyboard.press("Enter");
  await status("#integration-status", "Deleted integration cw-e2e");
  check((await api("GET", "/v1/admin/integrations/cw-e2e")).status === 404, "the deleted integration is still there");
  // One for the viewer to read.
  check((await api("POST", "/v1/admin/integrations", { id: "cw-kept", vendor: "chatwoot", webhook_secret: webhookSecret })).status === 201,
        "the API refused an integration for the viewer");

  await page.click("#signout");
  await page.locator("#signin:not([hidden])").waitFor(T);
  check(await page.evaluate(() => sessionStorage.length === 0), "sign-out left the token in sessionStorage");

  // --- 6. A viewer reads everything and changes nothing ---------------------------------------
  await typeInto("#token", viewerToken);
  await page.keyboard.press("Enter");
  await status("#who", "(viewer)");
  await page.click('#nav a[href="#write"]');
  await status("#view-write", "Viewers can check and test rules");
  check(await page.locator("#save, #publish").count() === 0, "a viewer is offered save or publish");
  await page.click('#nav a[href="#versions"]');
  await page.locator("#versions-h").waitFor(T);
  check(await page.locator("#versions-publish").count() === 0, "a viewer is offered publish");
  check(await page.locator('button:text-matches("Roll back to version")').count() === 0, "a viewer is offered a rollback");
  await page.click('#nav a[href="#rules"]');
  await page.locator("#rules-h").waitFor(T);
  check(await page.locator('#view-rules button:text-is("Delete")').count() === 0, "a viewer is offered delete");
  await page.click('#nav a[href="#integrations"]');
  await page.locator("#view-integrations tr", { hasText: "cw-kept" }).waitFor(T);
  check(await page.locator("#integration-form, #view-integrations button").count() === 0, "a viewer is offered an integration change");
  check((await secretsShown()).length === 0, "a viewer sees a secret");
  await audit("integrations (viewer)");

  if (errors.length) fail("page errors: " + errors.join("; "));
  if (external.length) fail("requests outside the server (no CDN allowed): " + external.join(", "));
  if (!process.exitCode) console.log(`ok: keyboard walk to publish, refusal "${reason.slice(0, 60)}…", override round trip, rollback, charts, integration create/update/delete, ${shot} screenshots`);
} catch (e) {
  fail(String(e && e.stack ? e.stack : e));
} finally {
  await browser.close();
}
