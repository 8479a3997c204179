// The Front plugin (served at /widget/front.html; add it in Front's developer settings as a
// sidebar or composer plugin with the URL …/widget/front.html#key=KEY). It coaches the open
// conversation's draft with the cards of the widget and writes fixes back into Front's composer.
// Front's SDK talks to its parent window over a MessageChannel; the page is framed only by the
// origins in widget.frame_origins (the server's frame-ancestors), so only Front can drive it.
import Front from "@frontapp/plugin-sdk";
import { guard } from "../guard";
import { SidebarCoach } from "../sidebar";
import { FrontHost } from "./front_host";
import type { FrontContext } from "./front_host";
import { fragment, serverOf } from "./frame";

const params = fragment(location);
const host = new FrontHost();
let coach: SidebarCoach | null = null;
const app = document.getElementById("app")!;
const note = document.createElement("p");
note.className = "note";
note.textContent = "Open a conversation with a draft to get coaching.";
app.append(note);

Front.contextUpdates.subscribe(guard("front context", (context: unknown) => {
  host.setContext(context as FrontContext);
  note.hidden = host.draftId() !== null;
  if (!coach)
    coach = new SidebarCoach(app, host, {
      server: serverOf(location),
      apiKey: params.get("key") || undefined,
      agentId: params.get("agent") || undefined,
      customerName: () => host.customerName(),
      conversationId: () => (host.conversationId() ? `front-${host.conversationId()}` : ""),
      channel: "email",
      title: "tactful coaching for this draft",
    });
}));
