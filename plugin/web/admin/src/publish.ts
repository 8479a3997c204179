// Publishing the working copy, shared by the editor and the versions view: the answer is
// announced in the given status region (aria-live), with every problem's rule, team and path
// when the server refuses (the rules in service then keep serving).
import type { App } from "./app";
import { h, problemList, say } from "./dom";
import type { PublishResult } from "./types";

export async function publish(app: App, note: string, status: HTMLElement): Promise<boolean> {
  say(status, "Publishing…", true);
  const r = await app.api.call<PublishResult>("POST", "/v1/admin/rules/publish", note ? { note } : {});
  if (r.ok) {
    const waived = r.data.waived.length ? ` ${r.data.waived.length} example(s) waived by overrides.` : "";
    say(status, `Published version ${r.data.version}: ${r.data.rules} rules now serve.${waived}`, true,
        r.data.waived.length ? [h("ul", {}, ...r.data.waived.map((w) => h("li", {}, w)))] : []);
    return true;
  }
  say(status, `Refused: ${r.data.error || r.status}`, false, r.data.problems ? [problemList(r.data.problems)] : []);
  return false;
}
