// The agent widget in headless Chromium, on a stand-in helpdesk served from an origin of its own
// (so every call to tactful is cross-origin, allowed by cors_origins): underlines after a pause
// in typing, underlines that follow scrolling and resizing, a fix applied by pointer and by
// keyboard, a dismissal and a mute reaching the server, the empathy meter moving, a rich-text
// editor with a quoted message left alone, and a stopped server that the page never notices
// beyond the status dot. Screenshots go to ARTIFACT_DIR.
// Usage: node widget.test.mjs TACTFUL_BINARY ARTIFACT_DIR
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Tactful, collectPageErrors, failer, launchBrowser, serveStatic } from "./harness.mjs";
import { median, trackKeys, widgetProbe } from "./widget_page.mjs";

const [bin, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const { fail } = failer();
const KEY = "agent-key-dana-0123456789";
const TEXTAREA = 0, RICH = 1;

const helpdesk = await serveStatic(join(here, "helpdesk"));
const tactful = new Tactful(bin, { api_keys: [{ key: KEY, tenant: "acme", agent: "dana" }], cors_origins: [helpdesk.origin] });
const adminToken = await tactful.adminToken("acme");
await tactful.start();
const browser = await launchBrowser();

async function analytics() {
  const r = await fetch(new URL("v1/admin/analytics/rules", tactful.url), { headers: { Authorization: `Bearer ${adminToken}` } });
  return (await r.json()).rules ?? [];
}
async function waitAnalytics(rule, field, atLeast = 1) {
  for (let i = 0; i < 100; i++) {
    const row = (await analytics()).find((x) => x.rule === rule);
    if (row && row[field] >= atLeast) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`analytics never showed ${field} >= ${atLeast} for ${rule}: ${JSON.stringify(await analytics())}`);
  return null;
}
const center = (b) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const errors = collectPageErrors(page);
  const external = [];
  page.on("request", (r) => { if (!r.url().startsWith(tactful.url) && !r.url().startsWith(helpdesk.url)) external.push(r.url()); });
  const w = widgetProbe(page);
  await page.goto(`${helpdesk.url}?tactful=${encodeURIComponent(tactful.url)}&key=${KEY}&agent=dana`);
  await page.waitForFunction(() => window.attached?.length === 2, null, { timeout: 10000 });
  await w.waitStatus(TEXTAREA, "live");
  await trackKeys(page);

  // 1. Underlines appear soon after a pause in typing (figures reported, not asserted tightly).
  // Each draft ends with its hinted words, so no underline can show before the last key.
  const drafts = [
    ["Refunds take 5-10 days, per our policy.", "policy.per-policy"],
    ["Honestly, please calm down", "dismissive.calm-down"],
    ["Sorry, but you should have read the FAQ", "blame.should-have"],
    ["It will be fixed, I guarantee", "overpromise.guarantee"],
    ["Well, it is what it is", "dismissive.condescending"],
    ["Thanks for asking. Unfortunately", "negative.unfortunately"],
    ["To answer again, as I already said", "dismissive.as-i-said"],
  ];
  const latencies = [];
  await page.click("#reply");
  for (const [draft, rule] of drafts) {
    await page.fill("#reply", "");
    await w.waitBar(TEXTAREA, rule, false);
    await page.keyboard.type(draft, { delay: 12 });
    const ms = await w.waitBar(TEXTAREA, rule, true, 5000).catch(() => fail(`no underline for ${rule} after typing "${draft}"`));
    if (typeof ms === "number") latencies.push(Math.round(ms));
  }
  console.log(`latency from the last key press to the underline (ms): ${latencies.join(", ")}; median ${median(latencies)}`);
  if (latencies.some((ms) => ms > 3000)) fail("an underline took over 3 s (correctness timeout)");
  await page.screenshot({ path: `${artifacts}/1-textarea-underlines.png` });

  // 2. The underline is where the browser draws the words: a click on it lands inside them.
  await page.fill("#reply", "Hello Dana. Per our policy, refunds take 5-10 days. Calm down, it is what it is.");
  await w.waitBar(TEXTAREA, "dismissive.calm-down");
  for (const rule of ["policy.per-policy", "dismissive.calm-down"]) {
    const [bar] = await w.bars(TEXTAREA, rule);
    const { x, y } = center(bar);
    await page.mouse.click(x, y - bar.h * 0.3);
    const at = await page.evaluate(() => document.getElementById("reply").selectionStart);
    const s = (await page.evaluate(() => window.lastReport)).suggestions.find((h) => h.rule === rule);
    if (!(at >= s.offset && at <= s.offset + s.length)) fail(`a click on ${rule}'s underline put the caret at ${at}, not in ${s.offset}..${s.offset + s.length}`);
  }
  // A click into hinted words opens their card.
  await w.waitCard(TEXTAREA, "dismissive.calm-down");

  // 3. Scrolling: inside the textarea and the page, the underline moves with the text.
  await page.fill("#reply", "Line\n".repeat(10) + "Calm down, please.\n" + "More\n".repeat(6));
  await page.evaluate(() => { const t = document.getElementById("reply"); t.scrollTop = 220; });
  await w.waitBar(TEXTAREA, "dismissive.calm-down");
  // The starting point is read once the bar stays put (two reads 100 ms apart agree): the
  // answer to the new text may still redraw it where the scrolled text now is.
  let b0 = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
  for (const end = Date.now() + 3000; Date.now() < end;) {
    await page.waitForTimeout(100);
    const again = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
    if (again && b0 && again.y === b0.y) break;
    b0 = again;
  }
  // The bar is read until it is where the text went (up to 3 s): an answer arriving meanwhile
  // redraws the bars, and a read in between finds none.
  const barAt = async (y) => {
    let bar;
    for (const end = Date.now() + 3000; Date.now() < end; await page.waitForTimeout(50)) {
      bar = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
      if (bar && Math.abs(bar.y - y) <= 1.5) break;
    }
    return bar;
  };
  await page.evaluate(() => { document.getElementById("reply").scrollTop -= 30; });
  const b1 = await barAt(b0.y + 30);
  if (!b1 || Math.abs(b1.y - (b0.y + 30)) > 1.5) fail(`after scrolling the textarea up 30px the underline moved from ${b0.y} to ${b1?.y}`);
  await page.evaluate(() => window.scrollBy(0, 50));
  const b2 = await barAt((b1?.y ?? 0) - 50);
  if (!b2 || !b1 || Math.abs(b2.y - (b1.y - 50)) > 1.5) fail(`after scrolling the page 50px the underline moved from ${b1?.y} to ${b2?.y}`);
  await page.evaluate(() => { document.getElementById("reply").scrollTop = 0; });
  await w.waitBar(TEXTAREA, "dismissive.calm-down", false, 3000).catch(() => fail("an underline scrolled out of the textarea is still drawn"));
  await page.evaluate(() => window.scrollTo(0, 0));

  // 4. Resizing rewraps the text: the underline follows the words.
  await page.fill("#reply", "Thanks for waiting so long, we looked at everything again and honestly, calm down, it is what it is.");
  await w.waitBar(TEXTAREA, "dismissive.calm-down");
  const wide = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
  await page.evaluate(() => { document.getElementById("reply").style.width = "260px"; });
  await page.waitForFunction(([y]) => {
    const host = document.querySelectorAll("tactful-widget")[0];
    const b = [...host.shadowRoot.querySelectorAll(".underline")].find((x) => !x.hidden && x.dataset.rule === "dismissive.calm-down");
    return b && Math.abs(b.getBoundingClientRect().y - y) > 5;
  }, [wide.y], { timeout: 5000 }).catch(() => fail("the underline did not move when the textarea was narrowed"));
  const narrow = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
  await page.mouse.click(center(narrow).x, center(narrow).y - narrow.h * 0.3);
  const atNarrow = await page.evaluate(() => document.getElementById("reply").selectionStart);
  const calm = (await page.evaluate(() => window.lastReport)).suggestions.find((h) => h.rule === "dismissive.calm-down");
  if (!(atNarrow >= calm.offset && atNarrow <= calm.offset + calm.length)) fail(`after narrowing, a click on the underline landed at ${atNarrow}`);
  await page.screenshot({ path: `${artifacts}/2-narrowed.png` });
  await page.evaluate(() => { document.getElementById("reply").style.width = ""; });

  // 5. A fix by pointer: hover the underline, press the replacement.
  await page.fill("#reply", "Per our policy, refunds take 5-10 days.");
  await w.waitBar(TEXTAREA, "policy.per-policy");
  await w.hoverCard(TEXTAREA, "policy.per-policy");
  await page.screenshot({ path: `${artifacts}/3-card.png` });
  await w.press(TEXTAREA, "policy.per-policy", "→ Here's how this works:");
  const fixed = await page.inputValue("#reply");
  if (fixed !== "Here's how this works: refunds take 5-10 days.") fail(`the fix gave "${fixed}"`);
  await w.waitBar(TEXTAREA, "policy.per-policy", false);
  await waitAnalytics("policy.per-policy", "accepted");

  // 6. A fix by keyboard: Alt+Enter in the hinted words, Enter on the first fix; Escape returns.
  await page.fill("#reply", "We will fix it ASAP.");
  await w.waitBar(TEXTAREA, "vague.soon");
  await page.evaluate(() => { const t = document.getElementById("reply"); t.focus(); t.setSelectionRange(16, 16); });
  await page.keyboard.press("Alt+Enter");
  await w.waitCard(TEXTAREA, "vague.soon");
  const focused = await w.focusedButton(TEXTAREA);
  if (!focused?.startsWith("→ within 24 hours")) fail(`Alt+Enter focused "${focused}", not the first fix`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("reply").value === "We will fix it within 24 hours.", null, { timeout: 5000 })
    .catch(async () => fail(`the keyboard fix gave "${await page.inputValue("#reply")}"`));
  await page.fill("#reply", "Calm down.");
  await w.waitBar(TEXTAREA, "dismissive.calm-down");
  await page.evaluate(() => { const t = document.getElementById("reply"); t.focus(); t.setSelectionRange(2, 2); });
  await page.keyboard.press("Alt+Enter");
  await w.waitCard(TEXTAREA, "dismissive.calm-down");
  await page.keyboard.press("Escape");
  const back = await page.evaluate(() => [document.activeElement?.id, document.getElementById("reply").selectionStart]);
  if (back[0] !== "reply" || back[1] !== 2) fail(`Escape left the focus on ${back[0]} at ${back[1]}, not in the reply at 2`);

  // 7. Dismissing hides the hint and is recorded.
  const calmBar = (await w.bars(TEXTAREA, "dismissive.calm-down"))[0];
  await page.mouse.click(center(calmBar).x, center(calmBar).y);
  await w.waitCard(TEXTAREA, "dismissive.calm-down");
  await w.press(TEXTAREA, "dismissive.calm-down", "Dismiss");
  await w.waitBar(TEXTAREA, "dismissive.calm-down", false);
  const still = await page.evaluate(() => [document.activeElement?.id, document.getElementById("reply").selectionStart]);
  if (still[0] !== "reply") fail(`after a click on Dismiss the focus is on ${still[0]}, not in the reply`);
  await page.keyboard.press("End");
  await page.keyboard.type(" Thanks.");
  await page.waitForFunction(() => window.lastReport && document.getElementById("reply").value.endsWith("Thanks."), null, { timeout: 5000 });
  await page.waitForTimeout(400);
  if ((await w.bars(TEXTAREA, "dismissive.calm-down")).length) fail("a dismissed hint came back with the next report");
  await waitAnalytics("dismissive.calm-down", "dismissed");
  await waitAnalytics("dismissive.calm-down", "shown");

  // 8. The empathy meter moves when the apology the hint offers is added.
  await page.fill("#reply", "Your refund is on its way.");
  await page.waitForFunction(() => (window.lastReport?.suggestions ?? []).some((s) => s.insert && s.category === "apology"), null, { timeout: 5000 });
  await page.waitForTimeout(200);
  const before = await w.meter(TEXTAREA);
  const apology = (await page.evaluate(() => window.lastReport)).suggestions.find((s) => s.insert && s.category === "apology");
  await page.evaluate(([o]) => { const t = document.getElementById("reply"); t.focus(); t.setSelectionRange(o + 1, o + 1); }, [apology.offset]);
  await page.keyboard.press("Alt+Enter");
  await w.waitCard(TEXTAREA, apology.rule);
  await w.press(TEXTAREA, apology.rule, "+ ");
  await page.waitForFunction(() => document.getElementById("reply").value.startsWith("I'm sorry"), null, { timeout: 5000 })
    .catch(async () => fail(`the insertion gave "${await page.inputValue("#reply")}"`));
  await page.waitForFunction(([b]) => {
    const m = document.querySelectorAll("tactful-widget")[0].shadowRoot.querySelector(".badge .meter");
    return Number(m.getAttribute("aria-valuenow")) > b;
  }, [before], { timeout: 5000 }).catch(async () => fail(`the empathy meter stayed at ${await w.meter(TEXTAREA)} (was ${before})`));
  console.log(`empathy meter: ${before} before the apology, ${await w.meter(TEXTAREA)} after`);

  // 9. The rich-text editor: a quoted message is not coached; a fix edits the right paragraph.
  await page.evaluate(() => {
    document.getElementById("rich").innerHTML =
      "<p>Hi Dana,</p><blockquote>You wrote: calm down, it is what it is</blockquote><p>Per our policy, refunds take 5-10 days.</p>";
  });
  await w.waitBar(RICH, "policy.per-policy");
  if ((await w.bars(RICH, "dismissive.calm-down")).length) fail("the quoted customer text was coached");
  const rp = (await w.bars(RICH, "policy.per-policy"))[0];
  await page.mouse.click(center(rp).x, center(rp).y);
  const sel = await page.evaluate(() => { const s = getSelection(); return [s.focusNode?.textContent, s.focusOffset]; });
  if (!sel[0]?.startsWith("Per our policy") || sel[1] > 15) fail(`a click on the rich underline landed in "${sel[0]}" at ${sel[1]}`);
  await w.waitCard(RICH, "policy.per-policy");
  await page.screenshot({ path: `${artifacts}/4-rich-card.png` });
  await w.press(RICH, "policy.per-policy", "→ Here's how this works:");
  const html = await page.evaluate(() => document.getElementById("rich").innerHTML);
  if (!html.includes("<p>Here's how this works: refunds take 5-10 days.</p>") || !html.includes("<blockquote>You wrote: calm down"))
    fail(`the rich fix gave ${html}`);

  // 10. "Don't show this rule again": hidden now, muted on the server for this agent.
  await page.evaluate(() => { document.getElementById("rich").innerHTML = "<p>You should have read the FAQ.</p>"; });
  await w.waitBar(RICH, "blame.should-have");
  const blame = (await w.bars(RICH, "blame.should-have"))[0];
  await page.mouse.click(center(blame).x, center(blame).y);
  await w.waitCard(RICH, "blame.should-have");
  await w.press(RICH, "blame.should-have", "Don't show this rule again");
  await w.waitBar(RICH, "blame.should-have", false);
  let muted = [];
  for (let i = 0; i < 50 && !muted.includes("blame.should-have"); i++) {
    const r = await fetch(new URL("v1/mutes", tactful.url), { headers: { Authorization: `Bearer ${KEY}` } });
    muted = (await r.json()).muted ?? [];
    if (!muted.includes("blame.should-have")) await new Promise((r) => setTimeout(r, 100));
  }
  if (!muted.includes("blame.should-have")) fail(`the mute did not reach the server: ${JSON.stringify(muted)}`);
  await page.fill("#reply", "You should have read it. Calm down.");
  await page.waitForFunction(() => (window.lastReport?.suggestions ?? []).some((s) => s.rule === "dismissive.calm-down" && s.offset > 20), null, { timeout: 5000 });
  if ((await page.evaluate(() => window.lastReport)).suggestions.some((s) => s.rule === "blame.should-have"))
    fail("the server still sends a muted rule");

  // 11. The server stops: a status dot, no errors in the page; it comes back: hints again.
  await tactful.stop();
  await w.waitStatus(TEXTAREA, "offline");
  await w.waitStatus(RICH, "offline");
  await page.fill("#reply", "");
  await page.click("#reply");
  await page.keyboard.type("Calm down, it is what it is.", { delay: 10 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${artifacts}/5-offline.png` });
  await tactful.start();
  await w.waitStatus(TEXTAREA, "live", 20000);
  await w.waitBar(TEXTAREA, "dismissive.condescending", true, 10000);
  await page.screenshot({ path: `${artifacts}/6-back.png` });

  // 12. detach() removes everything; typing afterwards is untouched.
  await page.evaluate(() => { for (const h of window.attached) h.detach(); for (const h of window.attached) h.detach(); });
  if (await w.hosts()) fail("detach() left widget elements in the page");
  await page.keyboard.type(" More.");

  if (errors.length) fail("page errors: " + errors.join("; "));
  if (external.length) fail("requests to neither tactful nor the helpdesk: " + external.join(", "));
  if (!process.exitCode) console.log("ok: underlines, scrolling, resizing, fixes by pointer and keyboard, dismiss, mute, meter, rich text, offline");
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser.close();
  await tactful.cleanup();
  helpdesk.close();
}
