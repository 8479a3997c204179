// The service worker: keeps one content-script registration covering exactly the sites that are
// enabled in the settings and whose host permission the agent granted, so the extension runs on
// no other page. Re-synced on install, browser start, settings changes and permission changes.
import { load, onChange, patternOf } from "./settings";

const ID = "tactful";
const FILES = ["tactful-widget.js", "content.js"];

async function sync(): Promise<void> {
  const settings = await load();
  const patterns: string[] = [];
  for (const [origin, site] of Object.entries(settings.sites)) {
    if (!site.enabled) continue;
    const pattern = patternOf(origin);
    if (await chrome.permissions.contains({ origins: [pattern] })) patterns.push(pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  if (!patterns.length) return;
  await chrome.scripting.registerContentScripts([
    { id: ID, matches: patterns, js: FILES, runAt: "document_idle", allFrames: true, persistAcrossSessions: true },
  ]);
}

let queue = Promise.resolve();
function resync(): void {
  // One sync at a time: registration calls racing each other fail with "duplicate id".
  queue = queue.then(sync).catch((e) => console.warn("tactful: content scripts:", e));
}

chrome.runtime.onInstalled.addListener(resync);
chrome.runtime.onStartup.addListener(resync);
chrome.permissions.onAdded.addListener(resync);
chrome.permissions.onRemoved.addListener(resync);
onChange(resync);

/** The popup and the options page ask for a sync and wait for it (then inject into a tab). */
chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg?.type !== "tactful.sync") return false;
  resync();
  queue.then(() => reply({ ok: true }));
  return true;
});
