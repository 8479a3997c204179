// Starting coaching in tabs that are already open on a site just enabled (the registered
// content script only runs on the next page load).
import { patternOf } from "./settings";

export async function injectInto(origin: string): Promise<void> {
  await chrome.runtime.sendMessage({ type: "tactful.sync" });
  const tabs = await chrome.tabs.query({ url: patternOf(origin) });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      await chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ["tactful-widget.js", "content.js"] });
    } catch (e) {
      console.warn("tactful: could not start in a tab:", e);
    }
  }
}
