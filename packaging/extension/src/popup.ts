// The toolbar popup: whether coaching runs on the current site, and one button to switch it on
// (asking for access to the site) or off.
import { injectInto } from "./inject";
import { presetById, presetForHost } from "./presets";
import { load, originOf, patternOf, save } from "./settings";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

void (async () => {
  const settings = await load();
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const origin = tab?.url ? originOf(tab.url) : null;
  const toggle = $("toggle") as HTMLButtonElement;
  $("options").addEventListener("click", () => chrome.runtime.openOptionsPage());
  if (!settings.server) $("state").textContent = "Set the tactful server in the options first.";
  if (!origin || !settings.server) {
    toggle.hidden = true;
    if (!origin) $("state").textContent = "tactful cannot run on this page.";
    return;
  }
  const show = () => {
    const site = settings.sites[origin];
    const on = !!site?.enabled;
    $("site").textContent = origin;
    $("state").textContent = on ? `Coaching here (preset: ${presetById(site.preset).name}).` : "Not coaching on this site.";
    toggle.textContent = on ? "Stop coaching here" : "Coach on this site";
  };
  show();
  toggle.addEventListener("click", () => {
    const site = settings.sites[origin];
    const turningOn = !site?.enabled;
    const asked = turningOn ? chrome.permissions.request({ origins: [patternOf(origin)] }) : Promise.resolve(true);
    void asked.then(async (granted) => {
      if (!granted) return;
      settings.sites[origin] = site
        ? { ...site, enabled: turningOn }
        : { enabled: true, preset: presetForHost(new URL(origin).hostname).id, overrides: {} };
      await save(settings);
      show();
      if (turningOn) await injectInto(origin);
      else if (tab?.id !== undefined) await chrome.tabs.reload(tab.id);
    });
  });
})();
